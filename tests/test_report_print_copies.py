"""Print copies of the report's photos: made once per photo, reused, Cancel leaves no PDF."""

import pytest
from report_world import REPORT_DATE, build_report_world

from panelapp.domain.report_data import ReportOptions
from panelapp.services.attachments.store import attachments_root
from panelapp.services.reporting.files import write_report
from panelapp.services.reporting.photos import print_size, with_print_copies
from panelapp.services.reporting.query import build_report_data


class Stop(Exception):
    pass


class _Token:
    def __init__(self, stop_on: str | None = None):
        self.texts, self.stop_on = [], stop_on

    def progress(self, done, total, text=""):
        self.texts.append(text)
        if self.stop_on and self.stop_on in text:
            raise Stop()

    def check(self):
        pass


@pytest.fixture
def world(sqlite_ctx):
    return sqlite_ctx, build_report_world(sqlite_ctx)


def test_copies_are_made_once_and_the_report_draws_them(world):
    ctx, rw = world
    data = build_report_data(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE))
    token = _Token()
    copied = with_print_copies(ctx.db, data, token)
    paths = [p.path for fac in copied.facilities for f in fac.findings for p in f.photos]
    thumbs = attachments_root(ctx.db) / "thumbs"
    assert len(paths) == 3 and all(p.startswith(str(thumbs)) and p.endswith(".jpg") for p in paths)
    assert any("인쇄용" in t for t in token.texts)
    from PIL import Image

    box = print_size()
    for path in paths:
        with Image.open(path) as img:
            assert img.width <= box[0] and img.height <= box[1]
    stamps = {p: (thumbs / p).stat().st_mtime_ns for p in paths}
    again = _Token()
    with_print_copies(ctx.db, data, again)
    assert {p: (thumbs / p).stat().st_mtime_ns for p in paths} == stamps  # not made again
    assert not any("인쇄용" in t for t in again.texts)
    # the upright phone photo (orientation 6) has a portrait copy
    shapes = []
    for path in paths:
        with Image.open(path) as img:
            shapes.append(img.height > img.width)
    assert sorted(shapes) == [False, False, True]


def test_no_photos_or_unreadable_photos_keep_their_paths(world, tmp_path):
    ctx, rw = world
    plain = build_report_data(ctx, ReportOptions(rw.w.cohort_id, photos=False, report_date=REPORT_DATE))
    assert with_print_copies(ctx.db, plain) is plain
    for path in rw.photo_paths:
        open(path, "wb").write(b"broken")  # noqa: SIM115
    data = build_report_data(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE))
    copied = with_print_copies(ctx.db, data)
    assert [p.path for fac in copied.facilities for f in fac.findings for p in f.photos] == [
        p.path for fac in data.facilities for f in fac.findings for p in f.photos
    ]
    out = tmp_path / "r.pdf"
    assert write_report(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE), out).pages == 8


def test_cancel_while_copying_photos_writes_no_file(world, tmp_path):
    ctx, rw = world
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Stop):
        write_report(ctx, ReportOptions(rw.w.cohort_id), out / "r.pdf", token=_Token(stop_on="인쇄용"))
    assert list(out.iterdir()) == []
