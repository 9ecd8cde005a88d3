"""부서별 답변 처리: the report's table of each department's answers (the figures of the
dashboard section and of `panelapp departments sla`, for the proposals of the report's period),
at the head of 개선제안 목록."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from panelapp.domain.report_data import SLA_HEADERS, ReportData
from panelapp.reports.base import data_table, para
from panelapp.reports.improvement.layout import WIDTH

TITLE = "부서별 답변 처리"
COLS = [46 * mm, 15 * mm, 15 * mm, 24 * mm, 24 * mm, 24 * mm, 18 * mm]
NOTE = (
    "근무일: 주말과 공휴일(대체공휴일 포함)을 뺀 날. 답변 소요 = 접수 다음 근무일부터 답변일까지의 근무일. "
    "90% = 답변의 90%가 이 근무일 안에 나왔다는 뜻(순위 기준). 기한 내 답변 비율 = 답변 기한까지 답변한 제안 ÷ "
    "기한이 있는 답변된 제안. 기한 경과 = 작성일 기준 기한이 지났으나 아직 접수·검토중인 제안. "
    "보고 기간에 접수된 제안을 셉니다."
)


def sla_rows(data: ReportData) -> list[list]:
    """The header and the rows as printed (the tests read them back from the PDF)."""
    rows: list[list] = [list(SLA_HEADERS)]
    for row in data.departments:
        cells = list(row.cells())
        if row.total:
            cells[0] = para(cells[0], "ir_cell_bold")
        rows.append(cells)
    return rows


def sla_story(data: ReportData) -> list:
    if not data.departments:
        return []
    return [
        para(TITLE, "heading"),
        data_table(
            sla_rows(data),
            COLS,
            aligns=["left"] + ["right"] * (len(SLA_HEADERS) - 1),
            extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor("#1f3a5f"))],
        ),
        Spacer(WIDTH, 1.5 * mm),
        para(NOTE, "ir_note"),
    ]
