"""Issue 11 item 7, photos: a chosen path is read only if it is a regular file, with a size cap
(a folder named x.jpg, a symlink to /dev/zero and a FIFO are refused at once, with a sentence),
and a JPEG whose EXIF block is corrupt is kept (turned only when its orientation can be read)."""

from __future__ import annotations

import io
import os
import struct
import threading

import pytest
from PIL import Image, ImageOps

from panelapp.domain.errors import DomainError
from panelapp.io.photo_files import orientation, read_regular_file, upright


def _refused_quickly(path):
    """read_regular_file on `path` in a thread: a FIFO or device must not keep it waiting."""
    out: list = []

    def run():
        try:
            out.append(read_regular_file(path, 1024 * 1024))
        except DomainError as exc:
            out.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(5)
    assert not t.is_alive(), f"{path} still being read after 5 s"
    return out[0]


def test_a_folder_named_like_a_photo_is_refused(tmp_path):
    (tmp_path / "x.jpg").mkdir()
    err = _refused_quickly(tmp_path / "x.jpg")
    assert isinstance(err, DomainError) and "'x.jpg'는 폴더입니다" in str(err)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_symlink_to_dev_zero_is_refused_not_read_without_end(tmp_path):
    link = tmp_path / "zero.jpg"
    link.symlink_to("/dev/zero")
    err = _refused_quickly(link)
    assert isinstance(err, DomainError) and "일반 파일이 아닙니다" in str(err)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_quickly(tmp_path):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    err = _refused_quickly(fifo)
    assert isinstance(err, DomainError) and "'pipe.jpg'는 일반 파일이 아닙니다" in str(err)


def test_a_missing_or_too_big_photo_is_a_sentence(tmp_path):
    with pytest.raises(DomainError, match="'없음.jpg'를 찾을 수 없습니다"):
        read_regular_file(tmp_path / "없음.jpg", 100)
    (tmp_path / "큰.jpg").write_bytes(b"x" * 2_000_000)
    with pytest.raises(DomainError, match="'큰.jpg'는 1.9MB로 너무 큽니다. 1MB 이하"):
        read_regular_file(tmp_path / "큰.jpg", 1024 * 1024)


def _tiff(entries, extra=b""):
    """An EXIF block (big-endian TIFF) with the given (tag, type, count, 4-byte value) entries."""
    ifd = struct.pack(">H", len(entries))
    ifd += b"".join(struct.pack(">HHI", t, kind, count) + value for t, kind, count, value in entries)
    return b"Exif\x00\x00MM\x00*" + struct.pack(">I", 8) + ifd + struct.pack(">I", 0) + extra


def _jpeg(exif: bytes) -> bytes:
    img = Image.new("RGB", (40, 20), (200, 30, 30))
    img.paste((20, 20, 220), (0, 0, 20, 20))
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


_DATA_AT = 8 + 2 + 12 * 2 + 4  # where the value data starts after a two-entry IFD
# Orientation 6 beside an Artist tag (ASCII) stored as a RATIONAL: Pillow cannot rewrite the block
TURNED_BUT_CORRUPT = _tiff(
    [(0x0112, 3, 1, struct.pack(">HH", 6, 0)), (0x013B, 5, 1, struct.pack(">I", _DATA_AT))],
    struct.pack(">II", 1, 1),
)
# The orientation itself a RATIONAL 6/1 (not an integer) beside the same corrupt tag
UNREADABLE = _tiff(
    [(0x0112, 5, 1, struct.pack(">I", _DATA_AT)), (0x013B, 5, 1, struct.pack(">I", _DATA_AT))],
    struct.pack(">II", 6, 1),
)


def test_corrupt_exif_never_raises_and_the_photo_is_kept(ctx, tmp_path):
    from schedule_world import build_world

    from panelapp.domain.enums import FindingCategory, Severity
    from panelapp.services.attachments.photos import add_photo, inspect_image, thumbnail_path
    from panelapp.services.findings.manage import FindingInput, create_finding
    from panelapp.services.inspections.scheduling import create_inspection

    for exif in (TURNED_BUT_CORRUPT, UNREADABLE):  # Pillow's own turn trips over both
        with Image.open(io.BytesIO(_jpeg(exif))) as img, pytest.raises(Exception):  # noqa: B017
            ImageOps.exif_transpose(img)

    assert inspect_image(_jpeg(UNREADABLE), "a.jpg")[1:] == (40, 20)  # kept as stored, no turn
    assert inspect_image(_jpeg(TURNED_BUT_CORRUPT), "b.jpg")[1:] == (20, 40)  # the turn still read
    with Image.open(io.BytesIO(_jpeg(UNREADABLE))) as img:
        assert orientation(img) == 1 and upright(img).size == (40, 20)

    w = build_world(ctx)
    finding = create_finding(
        ctx, FindingInput(create_inspection(ctx, w.draft()).id, "난간", FindingCategory.SAFETY, Severity.HIGH)
    )
    path = tmp_path / "깨진exif.jpg"
    path.write_bytes(_jpeg(UNREADABLE))
    a = add_photo(ctx, "finding", finding.id, path)
    assert (a.width, a.height) == (40, 20)
    with Image.open(thumbnail_path(ctx, a.id, size=32)) as t:
        assert t.size == (32, 16)


def test_every_output_agrees_on_the_turn_of_a_forged_orientation(tmp_path):
    """An orientation stored as the rational 6/1 is no orientation: Pillow's exif_transpose turns
    by it, so the sizes measured, the thumbnail and the report's layout would disagree."""
    from panelapp.reports.photo import upright_size
    from panelapp.services.attachments.photos import inspect_image

    forged = _tiff([(0x0112, 5, 1, struct.pack(">I", 8 + 2 + 12 + 4))], struct.pack(">II", 6, 1))
    for exif, shown in ((forged, (40, 20)), (TURNED_BUT_CORRUPT, (20, 40)), (UNREADABLE, (40, 20))):
        path = tmp_path / "p.jpg"
        path.write_bytes(_jpeg(exif))
        assert inspect_image(path.read_bytes(), "p.jpg")[1:] == shown
        assert upright_size(path) == shown
        with Image.open(path) as img:
            assert upright(img).size == shown
