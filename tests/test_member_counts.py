"""The dashboard's "활동 중인 단원 44명" and the report's "46/46명" count different things (issue 10
item 5): the dashboard counts the enrolments active today, the report everyone enrolled during
its period, those who left included. Both now say so, with the figures that tie them together."""

from __future__ import annotations

from panelapp.domain.enums import EnrollmentStatus
from panelapp.domain.report_data import ReportOptions
from panelapp.reports.improvement.summary import kpis
from panelapp.services.cohorts.manage import list_cohorts
from panelapp.services.reporting.dashboard import load_overview
from panelapp.services.reporting.query import build_report_data
from tests.conftest import DEMO_ANCHOR


def test_dashboard_and_report_member_counts_agree_on_the_demo(sqlite_demo_ctx):
    ctx = sqlite_demo_ctx
    cohort = next(c for c in list_cohorts(ctx) if "7" in c.name)
    o = load_overview(ctx, cohort.id, today=DEMO_ANCHOR)
    data = build_report_data(ctx, ReportOptions(cohort.id, report_date=DEMO_ANCHOR, photos=False))
    s = data.summary
    withdrawn = o.members_by_status[EnrollmentStatus.WITHDRAWN]
    assert withdrawn > 0 and o.active_members < s.members  # the demo has members who left (44 < 46)
    # the whole term: the report counts everyone the dashboard says was enrolled
    assert o.enrolled_members == s.members and s.withdrawn == withdrawn
    completed = o.members_by_status[EnrollmentStatus.COMPLETED]
    assert o.active_members == s.members - s.withdrawn - completed
    assert o.active_members == cohort.active_members  # and the cohort list's 활동 인원
    # and each says what it counts
    assert o.members_text.startswith(f"등록 {s.members}명 · 탈퇴 {withdrawn}명")
    value, label = kpis(s)[-1]
    assert value == f"{s.participants}/{s.members}명" and label.startswith("참여 단원/등록 단원")


def test_the_report_pdf_and_xlsx_name_the_withdrawn(sqlite_demo_ctx):
    import io

    from openpyxl import load_workbook

    from panelapp.reports.improvement_report import render_improvement_report
    from panelapp.reports.report_xlsx import report_xlsx_bytes

    ctx = sqlite_demo_ctx
    cohort = next(c for c in list_cohorts(ctx) if "7" in c.name)
    data = build_report_data(
        ctx, ReportOptions(cohort.id, report_date=DEMO_ANCHOR, photos=False, sections=frozenset({"summary"}))
    )
    rows = {
        r[0].value: r[1].value for r in load_workbook(io.BytesIO(report_xlsx_bytes(data)))["요약"].iter_rows()
    }
    assert rows["등록 단원(기간 중, 탈퇴 포함)"] == data.summary.members
    assert rows["그중 탈퇴"] == data.summary.withdrawn > 0
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(render_improvement_report(data)[0]))
    text = "".join(page.extract_text() for page in pdf.pages).replace("\n", "").replace(" ", "")
    assert f"탈퇴{data.summary.withdrawn}명포함" in text and "활동중인단원" in text
