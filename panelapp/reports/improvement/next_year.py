"""The improvement report's closing section, 차년도 업무계획 (issue 14 item 8): what the cohort
carried into next year's plan, per department with its 예상 비용 subtotal, the count and the total
(reports/next_year_plan.py draws the same tables for the plan's own PDF). Drawn only when the
cohort carried anything."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from panelapp.domain.next_year_plan import TITLE
from panelapp.domain.report_data import ReportData
from panelapp.reports.base import para
from panelapp.reports.improvement.layout import WIDTH, Marker
from panelapp.reports.next_year_plan import department_tables

SECTION_TITLE = f"맺음. {TITLE}"


def next_year_story(data: ReportData, hook) -> list:
    plan = data.next_year_plan
    if plan is None or not plan.rows:
        return []
    return [
        Marker(hook, TITLE),
        para(SECTION_TITLE, "ir_chapter"),
        para(
            f"기수가 끝날 때 채택되었으나 완료되지 않아 다음 해로 이월한 개선제안 {plan.summary}.",
            "ir_sub",
        ),
        Spacer(WIDTH, 3 * mm),
        *department_tables(plan, WIDTH),
        para(f"합계: {plan.count:,}건, 예상 비용 {plan.cost_label}", "heading"),
    ]
