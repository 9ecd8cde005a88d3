"""State belongs to its database: the reports made and the report dialog's last choices are kept
in the database they describe (report_records), so database B never lists database A's reports
nor offers its ids; reports remembered in the settings file by earlier versions are taken over
only by the database whose access log proves them its own. SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_ctx
from schedule_world import build_world
from sqlalchemy import select

from panelapp.db.models import AccessLog, ReportRecord
from panelapp.domain.errors import DomainError
from panelapp.domain.report_data import ReportOptions
from panelapp.services.context import reading, transaction
from panelapp.services.reporting import files
from panelapp.services.reporting.files import write_report
from panelapp.services.reporting.history import adopt_settings_reports, last_report_options, recent_reports

D = dt.date


@pytest.fixture
def world(ctx):
    return build_world(ctx)


def database_b(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    return make_ctx("sqlite", folder)


def options(world, **kw) -> ReportOptions:
    return ReportOptions(world.cohort_id, D(2026, 3, 1), D(2026, 6, 30), photos=False, **kw)


def test_a_report_is_kept_by_the_database_it_was_made_from(ctx, world, tmp_path):
    other = database_b(tmp_path)  # opened by the same user
    build_world(other)
    (tmp_path / "out").mkdir()
    pdf = tmp_path / "out" / "a.pdf"
    result = write_report(ctx, options(world, facility_ids=(world.gym,)), pdf, pdf.with_suffix(".xlsx"))
    (report,) = recent_reports(ctx)
    assert (report.pdf_path, report.xlsx_path, report.pages) == (
        str(pdf),
        str(pdf.with_suffix(".xlsx")),
        result.pages,
    )
    assert (
        report.period_text == "2026-03-01 ~ 2026-06-30" and report.masked and "제7기" in report.cohort_label
    )
    assert report.made_at.utcoffset() == dt.timedelta(0)
    saved = last_report_options(ctx)
    assert saved["cohort_id"] == world.cohort_id and saved["facility_ids"] == [world.gym]
    assert saved["xlsx"] and saved["folder"] == str(pdf.parent) and "purpose" not in saved
    assert "feedback" in saved["sections_offered"]
    assert recent_reports(other) == [] and last_report_options(other) == {}  # B knows nothing of A's
    other.db.dispose()


def test_the_acting_users_own_last_choices_come_first(ctx, world, tmp_path):
    write_report(ctx, options(world, max_photos_per_finding=3), tmp_path / "mine.pdf")
    with transaction(ctx) as s:
        from panelapp.db.models import User

        colleague = User(name="동료")
        s.add(colleague)
        s.flush()
        colleague_id = colleague.id
    me = ctx.user_id
    ctx.user_id = colleague_id
    write_report(ctx, options(world, max_photos_per_finding=1), tmp_path / "theirs.pdf")
    ctx.user_id = me
    assert last_report_options(ctx)["max_photos"] == 3
    assert [r.pdf_path for r in recent_reports(ctx)] == [
        str(tmp_path / "theirs.pdf"),
        str(tmp_path / "mine.pdf"),
    ]


def test_a_file_that_cannot_be_saved_leaves_no_record_and_no_log(ctx, world, tmp_path, monkeypatch):
    def held_open(_src, _dst):
        raise PermissionError(13, "in use")

    monkeypatch.setattr(files.os, "replace", held_open)
    with pytest.raises(DomainError, match="열려 있으면"):
        write_report(ctx, options(world, mask_personal=False, purpose="보고"), tmp_path / "r.pdf")
    with reading(ctx) as s:
        assert s.scalars(select(ReportRecord)).all() == [] and s.scalars(select(AccessLog)).all() == []


# ----- reports remembered in the settings file by earlier versions ---------------------------------
def _unmasked_in(ctx, world, tmp_path, name: str) -> dict:
    """Make an unmasked report here and forget the record, as an earlier version left it: a
    settings entry (as its dialog wrote it) and this database's access-log line."""
    pdf = tmp_path / name
    o = options(world, mask_personal=False, purpose="운영위원회")
    result = write_report(ctx, o, pdf)
    with transaction(ctx) as s:
        for record in s.scalars(select(ReportRecord)):
            s.delete(record)
    made = dt.datetime.now(dt.UTC)
    return {
        "pdf": str(pdf),
        "xlsx": None,
        "cohort": "제7기 · 활동중",
        "period": "2026-03-01 ~ 2026-06-30",
        "pages": result.pages,
        "made": made.astimezone().strftime("%Y-%m-%d %H:%M"),  # earlier versions: this computer's time
        "masked": False,
    }


def test_only_entries_this_databases_access_log_proves_are_taken_over(ctx, world, tmp_path):
    other = database_b(tmp_path)
    other_world = build_world(other)
    mine = _unmasked_in(ctx, world, tmp_path, "mine.pdf")
    theirs = _unmasked_in(other, other_world, tmp_path, "theirs.pdf")
    masked = {**mine, "pdf": str(tmp_path / "masked.pdf"), "masked": True}
    stamped = {**mine, "pdf": str(tmp_path / "mine.pdf")}
    saved = {
        "cohort_id": world.cohort_id,
        "date_from": "2026-03-01",
        "date_to": "2026-06-30",
        "max_photos": 3,
    }
    result = adopt_settings_reports(ctx, [mine, theirs, masked], saved)
    assert result.pdf_paths == (mine["pdf"],) and result.options and result.left == 2
    (report,) = recent_reports(ctx)
    assert report.pdf_path == mine["pdf"] and not report.masked and report.cohort_label == "제7기 · 활동중"
    assert last_report_options(ctx)["max_photos"] == 3
    # again (the same settings file, the same database): nothing twice
    assert adopt_settings_reports(ctx, [stamped], saved).pdf_paths == ()
    assert len(recent_reports(ctx)) == 1
    # database B takes its own, and neither A's nor the masked one
    assert adopt_settings_reports(other, [mine, theirs, masked], saved).pdf_paths == (theirs["pdf"],)
    other.db.dispose()


def test_an_entry_stamped_in_utc_is_matched_by_its_stamp(ctx, world, tmp_path):
    entry = _unmasked_in(ctx, world, tmp_path, "r.pdf")
    entry = {**entry, "made": "2000-01-01 00:00", "made_at": dt.datetime.now(dt.UTC).isoformat()}
    assert adopt_settings_reports(ctx, [entry]).pdf_paths == (entry["pdf"],)
    late = _unmasked_in(ctx, world, tmp_path, "late.pdf")
    an_hour_off = {**late, "made_at": (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat()}
    assert adopt_settings_reports(ctx, [an_hour_off]).pdf_paths == ()  # another report of the same name


def test_choices_go_only_with_the_newest_entry(ctx, world, tmp_path):
    older = _unmasked_in(ctx, world, tmp_path, "older.pdf")
    newest_elsewhere = {**older, "pdf": str(tmp_path / "x.pdf"), "masked": True}
    saved = {
        "cohort_id": world.cohort_id,
        "date_from": "2026-03-01",
        "date_to": "2026-06-30",
        "max_photos": 3,
    }
    result = adopt_settings_reports(ctx, [newest_elsewhere, older], saved)
    assert result.pdf_paths == (older["pdf"],) and not result.options
    assert "max_photos" not in last_report_options(ctx)
