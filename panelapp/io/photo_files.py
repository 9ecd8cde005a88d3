"""Reading a photo someone chose, and turning it upright, without trusting the file.

A chosen path may be a folder named x.jpg, a symlink to /dev/zero (endless bytes) or a FIFO
(a read that never returns): `read_regular_file` looks first (stat), opens without blocking
(O_NONBLOCK, so a FIFO cannot hang the open) and looks again at what it opened (fstat), then
reads at most one byte more than the cap. Every refusal is a sentence naming the file.

A camera's EXIF block may be malformed in ways Pillow's `exif_transpose` trips over while it
rewrites the block (struct.error, AttributeError or TypeError for a tag whose type does not match
its value, measured with Pillow 13), and a forged orientation may be of the wrong type (a
rational 6.0 that exif_transpose turns by while a strict reader sees none). So `upright` never
rewrites the block: it reads the orientation with `orientation` (an integer 1-8, else none) and
turns the pixels itself, and every size, thumbnail and print copy agrees with it. A block that
cannot be read at all keeps the photo as stored. The orientation is a nicety; the photo is the
record.
"""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path
from typing import Any

from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted

_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_regular_file(path: str | Path, max_bytes: int, what: str = "사진") -> bytes:
    """The bytes of a regular file of at most `max_bytes`, or a DomainError naming it."""
    path = Path(path)
    name = path.name or str(path)
    try:
        _check_kind(os.stat(path).st_mode, name, what)
        fd = os.open(path, _FLAGS)
    except DomainError:
        raise
    except FileNotFoundError:
        raise DomainError(
            f"{quoted(name, '을')} 찾을 수 없습니다. 파일이 옮겨졌거나 지워졌을 수 있습니다."
        ) from None
    except PermissionError:
        raise DomainError(f"{quoted(name, '을')} 읽을 권한이 없습니다.") from None
    except OSError as exc:
        raise DomainError(f"{quoted(name, '을')} 읽을 수 없습니다({exc.strerror or exc}).") from None
    try:
        info = os.fstat(fd)
        _check_kind(info.st_mode, name, what)  # the path may have changed between stat and open
        if info.st_size > max_bytes:
            raise too_big(name, info.st_size, max_bytes, what)
        with os.fdopen(fd, "rb", closefd=True) as f:
            fd = -1
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise DomainError(f"{quoted(name, '을')} 읽을 수 없습니다({exc.strerror or exc}).") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:  # it grew while being read
        raise too_big(name, len(data), max_bytes, what)
    return data


def _check_kind(mode: int, name: str, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise DomainError(f"{quoted(name, '은')} 폴더입니다. {what} 파일을 골라 주세요.")
    if not stat.S_ISREG(mode):
        raise DomainError(
            f"{quoted(name, '은')} 일반 파일이 아닙니다(장치나 파이프 같은 특수 파일). {what} 파일을 골라 주세요."
        )


def too_big(name: str, size: int, max_bytes: int, what: str = "사진") -> DomainError:
    return DomainError(
        f"{quoted(name, '은')} {size / 1024 / 1024:.1f}MB로 너무 큽니다. "
        f"{max_bytes // 1024 // 1024}MB 이하의 {what}만 첨부할 수 있습니다."
    )


# What reading a malformed EXIF block may raise; the pixel data is fine, so the photo is kept.
_BAD_METADATA = (
    struct.error,
    SyntaxError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
    AttributeError,
    OSError,
)


def orientation(img: Any) -> int:
    """The EXIF orientation (1-8), 1 when there is none or it cannot be read as an integer."""
    try:
        value = img.getexif().get(0x0112, 1)
    except _BAD_METADATA:
        return 1
    return value if type(value) is int and 1 <= value <= 8 else 1


def upright(img: Any) -> Any:
    """A copy of the image turned as `orientation` says (none when it cannot be read). A broken
    image (not its metadata) still raises OSError when its pixels are read, for the caller to
    refuse."""
    from PIL import Image

    turns = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }
    turn = turns.get(orientation(img))
    return img.copy() if turn is None else img.transpose(turn)
