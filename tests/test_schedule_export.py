"""iCalendar export: one VEVENT per visit, stable UIDs, parsable; the CLI writes the file."""

import datetime as dt

import pytest
from icalendar import Calendar
from schedule_world import D, T, build_world

from panelapp.cli import main
from panelapp.domain.enums import InspectionStatus
from panelapp.services.inspections.export import schedule_ics
from panelapp.services.inspections.scheduling import create_inspection, set_status, update_inspection

STAMP = dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)


def _events(data: bytes) -> dict:
    cal = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_ics_holds_every_visit_with_stable_uids(ctx):
    w = build_world(ctx)
    a = create_inspection(ctx, w.draft())
    b = create_inspection(ctx, w.draft(day=D(2026, 6, 2), facility=w.park_fac, members=(w.kim,)))
    set_status(ctx, b.id, InspectionStatus.CANCELLED, "우천", b.version, D(2026, 11, 23))
    first, count = schedule_ics(ctx, w.cohort_id, "제7기", STAMP)
    assert count == 2
    events = _events(first)
    assert set(events) == {a.uid, b.uid}
    ev = events[a.uid]
    assert str(ev["SUMMARY"]) == "한빛국민체육센터 점검"
    assert str(ev["LOCATION"]) == "한빛국민체육센터, 한빛시 중구 체육관로 40"
    assert ev.decoded("DTSTART") == dt.datetime(2026, 5, 12, 1, 0, tzinfo=dt.UTC)  # 10:00 KST
    assert ev.decoded("DTEND") == dt.datetime(2026, 5, 12, 3, 0, tzinfo=dt.UTC)
    assert "담당 단: 정책동행단" in str(ev["DESCRIPTION"]) and "조장: 김민준" in str(ev["DESCRIPTION"])
    assert str(events[b.uid]["STATUS"]) == "CANCELLED" and str(ev["STATUS"]) == "CONFIRMED"
    # Rescheduling keeps the UID, so a calendar app updates the entry; the sequence grows.
    moved = update_inspection(
        ctx,
        a.id,
        a.to_draft().__class__(**{**a.to_draft().__dict__, "start_time": T(14), "end_time": T(16)}),
        a.version,
    )
    second, _ = schedule_ics(ctx, w.cohort_id, "제7기", STAMP)
    again = _events(second)
    assert set(again) == set(events)
    assert again[a.uid].decoded("DTSTART").hour == 5 and int(again[a.uid]["SEQUENCE"]) == moved.version
    assert int(again[a.uid]["SEQUENCE"]) > int(ev["SEQUENCE"])
    assert schedule_ics(ctx, w.cohort_id, "제7기", STAMP)[0] == second  # nothing changed: same bytes


def test_cli_export_ics(tmp_path, capsys):
    from panelapp.services.system.bootstrap import open_app

    db = str(tmp_path / "cli.db")
    ctx = open_app(db)  # migrated, as the CLI expects
    w = build_world(ctx)
    info = create_inspection(ctx, w.draft())
    ctx.db.dispose()
    from conftest import with_admin_account

    with_admin_account(db)  # the command line logs in as the suite's 관리자
    target = tmp_path / "점검.ics"
    assert main(["--db", db, "schedule", "export-ics", "--cohort", "7", "-o", str(target)]) == 0
    assert "제7기 점검 1건" in capsys.readouterr().out
    assert set(_events(target.read_bytes())) == {info.uid}
    assert main(["--db", db, "schedule", "export-ics", "--cohort", "9", "-o", str(target)]) == 1
    assert "제9기가 없습니다" in capsys.readouterr().err


def test_cli_requires_cohort_and_output(capsys):
    with pytest.raises(SystemExit):
        main(["schedule", "export-ics", "-o", "x.ics"])
