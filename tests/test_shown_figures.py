"""One rounding rule for every figure shown (issue 10 item 4): a checklist score read 92점 in
결과 입력 and 91.7 in the report, an acceptance rate 89% on the dashboard and 88.9% in the report,
and a rate of exactly 6.25 % printed 6.2 % by Python and 6.3 % by Excel from the same file."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from panelapp.domain.enums import InspectionStatus
from panelapp.domain.formatting import format_points, format_rate, shown_points, shown_rate
from panelapp.domain.report_data import ReportOptions
from panelapp.domain.scoring import describe_overall
from panelapp.reports.improvement.summary import kpis
from panelapp.reports.report_xlsx import report_xlsx_bytes
from panelapp.services.reporting.dashboard import load_dashboard
from panelapp.services.reporting.query import build_report_data
from panelapp.services.results.entry import get_result_sheet
from tests.conftest import DEMO_ANCHOR


def _excel_percent(value: float) -> str:
    """What Excel shows for a cell formatted 0.0%: half away from zero at 0.1 %."""
    return format_rate(value)  # the stored value is already the shown one: no second rounding


def test_one_rule_half_away_from_zero():
    assert format_rate(1 / 16) == "6.3%" and shown_rate(1 / 16) == 0.063  # 6.25 %: a tie
    assert format_rate(8 / 9) == "88.9%" and shown_rate(8 / 9) == 0.889
    assert format_rate(17 / 20) == "85%" and format_rate(1.0) == "100%" and format_rate(None) == "–"
    assert format_points(62.5) == "62.5점" and format_points(88.75) == "88.8점"  # f"{62.5:.0f}" was "62"
    assert format_points(275 / 3) == "91.7점" and shown_points(275 / 3) == 91.7
    assert format_points(75.0) == "75점" and format_points(None) == "–"
    assert format_points(88.75, "") == "88.8"


def test_dashboard_report_and_xlsx_show_the_same_figures(sqlite_demo_ctx):
    ctx = sqlite_demo_ctx
    from panelapp.services.cohorts.manage import list_cohorts

    cohort = next(c for c in list_cohorts(ctx) if "7" in c.name)
    dash = load_dashboard(ctx, cohort.id, today=DEMO_ANCHOR)
    data = build_report_data(ctx, ReportOptions(cohort.id, report_date=DEMO_ANCHOR))
    figures = dict((label.split(" (")[0], value) for value, label in kpis(data.summary))
    # the dashboard's tile and the report's tile
    assert format_rate(dash.acceptance_rate) == figures["채택률"]
    book = load_workbook(io.BytesIO(report_xlsx_bytes(data)))
    summary = {row[0].value: row[1] for row in book["요약"].iter_rows(min_row=2)}
    cell = summary["채택률"]
    assert cell.number_format == "0.0%" and cell.value == shown_rate(data.summary.acceptance_rate)
    assert _excel_percent(cell.value) == figures["채택률"]

    # one visit: its score in 결과 입력 is the report's and the xlsx's
    from sqlalchemy import select

    from panelapp.db.models import Inspection
    from panelapp.services.context import reading

    with reading(ctx) as s:
        visits = s.execute(
            select(Inspection.id, Inspection.facility_id, Inspection.scheduled_date)
            .where(
                Inspection.cohort_id == cohort.id,
                Inspection.status == InspectionStatus.COMPLETED,
                Inspection.deleted_at.is_(None),
            )
            .order_by(Inspection.scheduled_date)
        ).all()
    checked = 0
    for visit_id, facility_id, day in visits:
        _sections, overall = get_result_sheet(ctx, visit_id).scores()
        one = build_report_data(
            ctx, ReportOptions(cohort.id, day, day, (facility_id,), photos=False, report_date=DEMO_ANCHOR)
        )
        (facility,) = one.facilities
        if len(facility.visit_dates) != 1 or overall.points is None:
            continue  # two visits of one place on one day: the report pools them
        assert describe_overall(overall).startswith(f"종합 {format_points(facility.overall_score)} ")
        sheet = load_workbook(io.BytesIO(report_xlsx_bytes(one)))["시설별 점수"]
        scores = {row[1].value: row[3].value for row in sheet.iter_rows(min_row=2)}
        assert scores["종합"] == shown_points(overall.points) == facility.overall_score
        checked += 1
        if checked == 5:
            break
    assert checked == 5
