"""Past 예정 visits without results (issue 10: "결과 미입력"): a visit still 예정 after its day is
marked on every schedule output and counted on the dashboard, and the list filters them."""

from __future__ import annotations

import pytest
from conftest import make_ctx
from schedule_world import D, build_world

from panelapp.domain.enums import InspectionStatus
from panelapp.domain.inspection_info import AWAITING_LABEL, is_awaiting_results
from panelapp.services.inspections import queries
from panelapp.services.inspections.list_export import COLUMNS as EXPORT_COLUMNS
from panelapp.services.inspections.listing import inspection_ids, inspection_rows
from panelapp.services.inspections.rules import InspectionQuery
from panelapp.services.inspections.scheduling import create_inspection, get_inspection, set_status
from panelapp.services.reporting.dashboard import load_overview

TODAY = D(2026, 6, 10)


@pytest.fixture
def world(tmp_path, monkeypatch):
    monkeypatch.setattr(queries, "today_local", lambda: TODAY)
    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    w.past = create_inspection(ctx, w.draft(day=D(2026, 6, 2)), confirmed=True)  # 예정, day passed
    w.future = create_inspection(ctx, w.draft(day=D(2026, 6, 12)), confirmed=True)
    w.today = create_inspection(ctx, w.draft(day=TODAY, facility=w.lot), confirmed=True)  # not yet late
    w.postponed = create_inspection(ctx, w.draft(day=D(2026, 6, 3), facility=w.park_fac), confirmed=True)
    set_status(ctx, w.postponed.id, InspectionStatus.POSTPONED, "우천", w.postponed.version, today=TODAY)
    yield w
    ctx.db.dispose()


def test_the_rule():
    assert is_awaiting_results(InspectionStatus.PLANNED, D(2026, 6, 9), TODAY)
    assert not is_awaiting_results(InspectionStatus.PLANNED, TODAY, TODAY)  # the visit may be under way
    for status in (InspectionStatus.COMPLETED, InspectionStatus.POSTPONED, InspectionStatus.CANCELLED):
        assert not is_awaiting_results(status, D(2026, 6, 1), TODAY)


def test_rows_say_it_the_filter_finds_them_and_the_dashboard_counts_them(world):
    ctx = world.ctx
    info = get_inspection(ctx, world.past.id)
    assert info.awaiting_results and info.status_text == AWAITING_LABEL == "결과 미입력"
    assert info.status == InspectionStatus.PLANNED  # a mark, not a stored status
    for visit in (world.future, world.today, world.postponed):
        assert not get_inspection(ctx, visit.id).awaiting_results
    query = InspectionQuery(world.cohort_id, status=InspectionStatus.PLANNED, awaiting_before=TODAY)
    assert inspection_ids(ctx, query) == [world.past.id]
    assert [i.id for i in queries.list_inspections(ctx, query)] == [world.past.id]  # the calendars' query
    overview = load_overview(ctx, world.cohort_id, today=TODAY)
    assert overview.awaiting_results == 1 and overview.inspections[InspectionStatus.PLANNED] == 3
    # the list export writes the status as the list shows it
    status_column = next(c for c in EXPORT_COLUMNS if c.header == "상태")
    (row,) = inspection_rows(ctx, [world.past.id])
    assert status_column.value(row) == "결과 미입력"


def test_once_completed_or_postponed_it_is_no_longer_waiting(world):
    ctx = world.ctx
    set_status(
        ctx,
        world.past.id,
        InspectionStatus.POSTPONED,
        "시설 공사",
        get_inspection(ctx, world.past.id).version,
        today=TODAY,
    )
    assert load_overview(ctx, world.cohort_id, today=TODAY).awaiting_results == 0


def test_the_report_counts_them_apart_as_the_dashboard_does(world):
    """The report's 점검 상태 says 예정 and 결과 미입력 apart, as of its date, so its figures and
    the dashboard's agree (the dashboard's tile reads 예정 N · … · 결과 미입력 M)."""
    from panelapp.domain.report_data import ReportOptions
    from panelapp.services.reporting.dashboard import load_dashboard
    from panelapp.services.reporting.query import build_report_data

    ctx = world.ctx
    data = build_report_data(ctx, ReportOptions(world.cohort_id, report_date=TODAY, photos=False))
    tallies = {t.label: t.count for t in data.summary.inspections_by_status}
    dash = load_dashboard(ctx, world.cohort_id, today=TODAY)
    assert tallies["결과 미입력"] == dash.awaiting_results == 1
    assert tallies["예정"] + tallies["결과 미입력"] == dash.inspections[InspectionStatus.PLANNED] == 3
    assert list(tallies) == ["예정", "결과 미입력", "완료", "연기", "취소"]
    # a report dated before that visit still calls it 예정
    early = build_report_data(ctx, ReportOptions(world.cohort_id, report_date=D(2026, 6, 1), photos=False))
    assert "결과 미입력" not in {t.label for t in early.summary.inspections_by_status}
