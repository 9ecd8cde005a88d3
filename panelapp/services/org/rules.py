"""The checks of each field of 기관 정보, each failing with a Korean sentence naming the field.

- 기관명 is required (100 characters at most); 주소 200 at most; 대표 전화 is any Korean office
  number (the departments' rule: 02-…, 031-…, 1588-…, 010-…), written back in national format.
- 결재란: 1 to 6 short titles, left to right, typed as "담당, 팀장, 부장, 이사장" (commas, slashes,
  middle dots or line breaks between them); empty means printed documents carry no 결재란.
- 로고: a real PNG or JPEG (by its content, not its name), at most 2 MB and 4,000 × 4,000 pixels;
  stored inline as a PNG of at most 600 pixels a side, so it travels with the database to other
  desktops (SQLite or PostgreSQL alike) and a report never decodes a camera-sized file.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from panelapp.domain.errors import ValidationError
from panelapp.domain.josa import quoted
from panelapp.domain.validation import normalize_office_phone, normalize_text

F_NAME = "기관명"
F_ADDRESS = "주소"
F_PHONE = "대표 전화"
F_LOGO = "로고"
F_SIGNOFF = "결재란"

NAME_MAX, ADDRESS_MAX = 100, 200
SIGNOFF_MAX_TITLES = 6
SIGNOFF_TITLE_MAX = 8  # characters: what fits one box of the 결재란 at 8 pt
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4000  # per side, as the file says it (checked before decoding)
LOGO_STORED_SIDE = 600  # per side, as stored: 24 mm at 600 dpi
EXAMPLE_SIGNOFF = ("담당", "팀장", "부장", "이사장")
_SEPARATORS = re.compile(r"[,，/·・\n\r\t]+")


def _nfc(text: str | None) -> str | None:
    return None if text is None else unicodedata.normalize("NFC", text)


def clean_name(raw: str | None) -> str:
    name = normalize_text(_nfc(raw), F_NAME, NAME_MAX, required=True)
    assert name is not None  # required=True raises instead of returning None
    return re.sub(r"\s+", " ", name)


def clean_address(raw: str | None) -> str | None:
    return normalize_text(_nfc(raw), F_ADDRESS, ADDRESS_MAX)


def clean_phone(raw: str | None) -> str | None:
    return normalize_office_phone(raw, F_PHONE)


def parse_signoff(raw: str | Sequence[str] | None) -> tuple[str, ...]:
    """The titles of the sign-off chain, left to right; () when none was given."""
    if raw is None:
        return ()
    parts = (
        _SEPARATORS.split(raw)
        if isinstance(raw, str)
        else [p for item in raw for p in _SEPARATORS.split(item)]
    )
    titles = tuple(re.sub(r"\s+", " ", unicodedata.normalize("NFC", p)).strip() for p in parts)
    titles = tuple(t for t in titles if t)
    if len(titles) > SIGNOFF_MAX_TITLES:
        raise ValidationError(
            F_SIGNOFF,
            f"결재란은 {SIGNOFF_MAX_TITLES}칸까지입니다(입력 {len(titles)}칸). 예: 담당, 팀장, 부장, 이사장",
        )
    for title in titles:
        if len(title) > SIGNOFF_TITLE_MAX:
            raise ValidationError(
                F_SIGNOFF,
                f"결재란 직위 {quoted(title, '이')} 너무 깁니다. 한 칸은 {SIGNOFF_TITLE_MAX}자 이내로 "
                f"입력해 주세요(현재 {len(title)}자).",
            )
    return titles


def read_logo_file(path: str | Path) -> bytes:
    """The bytes of a logo file, refusing a missing, unreadable or oversized file by name."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise ValidationError(
                F_LOGO, f"{quoted(file, '은')} 파일이 아닙니다. PNG 또는 JPEG 그림 파일을 골라 주세요."
            )
        if size > LOGO_MAX_BYTES:
            raise ValidationError(F_LOGO, _too_big(file.name, size))
        return file.read_bytes()
    except FileNotFoundError:
        raise ValidationError(F_LOGO, f"로고 파일 {quoted(file, '을')} 찾을 수 없습니다.") from None
    except PermissionError:
        raise ValidationError(F_LOGO, f"로고 파일 {quoted(file, '을')} 읽을 권한이 없습니다.") from None
    except OSError as exc:
        raise ValidationError(
            F_LOGO, f"로고 파일 {quoted(file, '을')} 읽을 수 없습니다({exc.strerror or exc})."
        ) from None


def _too_big(name: str, size: int) -> str:
    return (
        f"{quoted(name, '은')} {size / 1024 / 1024:.1f} MB입니다. 로고는 "
        f"{LOGO_MAX_BYTES // 1024 // 1024} MB 이하의 PNG 또는 JPEG 파일로 골라 주세요."
    )


def clean_logo(data: bytes, name: str = "로고 파일") -> bytes:
    """A PNG of at most LOGO_STORED_SIDE pixels a side, from the bytes of a real PNG or JPEG."""
    from PIL import Image, UnidentifiedImageError

    from panelapp.io.photo_files import upright

    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError(F_LOGO, _too_big(name, len(data)))
    not_image = (
        f"{quoted(name, '은')} PNG 또는 JPEG 그림이 아닙니다. 로고는 PNG 또는 JPEG 파일로 골라 주세요."
    )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size
            if kind not in ("PNG", "JPEG"):
                raise ValidationError(F_LOGO, not_image)
            if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
                raise ValidationError(
                    F_LOGO,
                    f"{quoted(name, '은')} {width:,}×{height:,} 픽셀입니다. 로고는 가로·세로 "
                    f"{LOGO_MAX_PIXELS:,} 픽셀 이하로 줄여 주세요.",
                )
            if width < 8 or height < 8:
                raise ValidationError(F_LOGO, f"{quoted(name, '은')} {width}×{height} 픽셀로 너무 작습니다.")
            probe.verify()  # truncated or corrupt files that open() accepts
        with Image.open(io.BytesIO(data)) as img:
            shown = upright(img)  # a malformed EXIF block leaves the logo as stored
            if shown.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                shown = shown.convert("RGB")  # CMYK JPEGs
            shown.thumbnail((LOGO_STORED_SIDE, LOGO_STORED_SIDE))
            out = io.BytesIO()
            shown.save(out, "PNG", optimize=True)
            return out.getvalue()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(F_LOGO, not_image) from None
