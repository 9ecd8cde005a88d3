"""Photos: copied by content hash (once), EXIF orientation in sizes and thumbnails, refusals."""

import io

import pytest
from PIL import Image
from schedule_world import build_world

from panelapp.domain.enums import FindingCategory, Severity
from panelapp.domain.errors import DomainError
from panelapp.services.attachments import photos as attachments
from panelapp.services.attachments.photos import (
    add_photo,
    list_attachments,
    remove_attachment,
    thumbnail_path,
)
from panelapp.services.attachments.store import attachment_path
from panelapp.services.findings.manage import FindingInput, create_finding, get_finding
from panelapp.services.inspections.scheduling import create_inspection
from panelapp.services.system.undo import undo


@pytest.fixture
def finding(ctx):
    w = build_world(ctx)
    insp = create_inspection(ctx, w.draft())
    return create_finding(ctx, FindingInput(insp.id, "난간 흔들림", FindingCategory.SAFETY, Severity.HIGH))


def photo(path, size=(40, 20), colour=(200, 30, 30), orientation=None, fmt="JPEG"):
    img = Image.new("RGB", size, colour)
    img.paste((20, 20, 220), (0, 0, size[0] // 2, size[1]))  # left half blue: shows rotation
    kwargs = {}
    if orientation:
        exif = Image.Exif()
        exif[0x0112] = orientation
        kwargs["exif"] = exif.tobytes()
    img.save(path, fmt, **kwargs)
    return path


def test_add_copies_by_hash_once_and_lists(ctx, finding, tmp_path):
    src = photo(tmp_path / "계단.jpg")
    a = add_photo(ctx, "finding", finding.id, src)
    assert (a.original_name, a.mime, a.size, a.width, a.height) == (
        "계단.jpg",
        "image/jpeg",
        src.stat().st_size,
        40,
        20,
    )
    assert a.path == attachment_path(ctx.db, a.path.name) and a.path.read_bytes() == src.read_bytes()
    copy = tmp_path / "같은사진.jpg"
    copy.write_bytes(src.read_bytes())
    again = add_photo(ctx, "finding", finding.id, copy)
    assert again.id == a.id  # the same photo on the same finding: one row, one file
    assert again.path == a.path and not list(a.path.parent.glob(".part-*"))
    add_photo(ctx, "finding", finding.id, photo(tmp_path / "b.png", fmt="PNG", colour=(0, 200, 0)))
    assert [x.original_name for x in list_attachments(ctx, "finding", finding.id)] == ["계단.jpg", "b.png"]
    assert get_finding(ctx, finding.id).photo_count == 2


def test_exif_orientation_is_applied_to_size_and_thumbnail(ctx, finding, tmp_path):
    src = photo(tmp_path / "세로.jpg", size=(60, 30), orientation=6)  # camera held upright: rotate 90°
    a = add_photo(ctx, "finding", finding.id, src)
    assert (a.width, a.height) == (30, 60)
    with Image.open(a.path) as stored:
        assert stored.size == (60, 30)  # the original bytes, unrotated
    thumb = thumbnail_path(ctx, a.id, size=32)
    assert thumb.name == f"{a.path.name}_32.jpg" and thumb.parent.name == "thumbs"
    with Image.open(thumb) as t:
        assert t.size == (16, 32)
        top, bottom = t.getpixel((8, 2)), t.getpixel((8, 29))
    assert top[2] > 150 > bottom[2]  # orientation 6: the left (blue) half ends up on top
    mtime = thumb.stat().st_mtime_ns
    assert thumbnail_path(ctx, a.id, size=32).stat().st_mtime_ns == mtime  # cached


def test_non_images_and_oversize_files_are_refused_by_name(ctx, finding, tmp_path, monkeypatch):
    text = tmp_path / "메모.jpg"
    text.write_text("사진이 아닙니다")
    with pytest.raises(DomainError, match="'메모.jpg'는 사진 파일이 아니어서"):
        add_photo(ctx, "finding", finding.id, text)
    broken = tmp_path / "깨짐.jpg"
    data = io.BytesIO()
    Image.new("RGB", (50, 50)).save(data, "PNG")
    broken.write_bytes(data.getvalue()[:60])
    with pytest.raises(DomainError, match="깨짐.jpg"):
        add_photo(ctx, "finding", finding.id, broken)
    monkeypatch.setattr(attachments, "MAX_BYTES", 100)
    with pytest.raises(DomainError, match="'큰사진.jpg'는 .*MB로 너무 큽니다"):
        add_photo(ctx, "finding", finding.id, photo(tmp_path / "큰사진.jpg", size=(200, 200)))
    assert list_attachments(ctx, "finding", finding.id) == []


def test_remove_is_soft_and_undoable(ctx, finding, tmp_path):
    a = add_photo(ctx, "finding", finding.id, photo(tmp_path / "x.jpg"))
    record = remove_attachment(ctx, a.id)
    assert list_attachments(ctx, "finding", finding.id) == [] and a.path.exists()
    undo(ctx, record)
    assert [x.id for x in list_attachments(ctx, "finding", finding.id)] == [a.id]
    with pytest.raises(DomainError):
        add_photo(ctx, "nothing", 1, a.path)
