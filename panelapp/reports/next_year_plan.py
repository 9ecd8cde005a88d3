"""차년도 업무계획 (PDF): headed with the institution, the cohort and the totals, then one table per
department (번호, 제목, 시설, 상태, 진행률, 완료 예정일, 예상 비용, 목표 분기, 비고) closed by its subtotal
of 예상 비용, and the grand total last. No person is on it.

`department_tables` is shared with the improvement report's closing section
(reports/improvement/next_year.py).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from panelapp.domain.josa import josa
from panelapp.domain.next_year_plan import TITLE, UNSET, DepartmentPlan, PlanData
from panelapp.reports.base import FONT_BOLD, MARGIN, STYLES, build_pdf, data_table, para

WIDTH = 210 * mm - 2 * MARGIN
KEEP_WITH_TABLE = 45 * mm  # room a department heading needs below it: its table's header and 2-3 rows
# 비고 goes under the title (an A4 page has no room for a ninth column that is mostly empty)
HEADERS = ("번호", "제목 (비고)", "시설", "상태", "진행률", "완료 예정일", "예상 비용(원)", "목표 분기")
ALIGNS = ("right", "left", "left", "center", "right", "center", "right", "center")


def _widths(width: float) -> list[float]:
    fixed = [12 * mm, 0, 24 * mm, 14 * mm, 14 * mm, 22 * mm, 25 * mm, 25 * mm]
    fixed[1] = width - sum(fixed)
    return fixed


def _title(title: str, note: str | None):
    if not note:
        return title
    from xml.sax.saxutils import escape

    return Paragraph(
        f"{escape(title)}<br/><font size=8 color='#666666'>비고: {escape(note)}</font>", STYLES["cell"]
    )


def _cost(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def department_table(d: DepartmentPlan, width: float = WIDTH) -> list:
    rows: list[list] = [list(HEADERS)]
    for r in d.rows:
        rows.append(
            [
                str(r.proposal_id),
                _title(r.title, r.note),
                r.facility or "–",
                r.status,
                r.progress_text or "–",
                f"{r.expected_on:%Y-%m-%d}" if r.expected_on else "–",
                _cost(r.estimated_cost),
                r.quarter.label,
            ]
        )
    unset = sum(1 for r in d.rows if r.estimated_cost is None)
    subtotal = (
        UNSET
        if unset == len(d.rows)
        else f"{d.total_cost:,}" + (f" ({UNSET} {unset:,}건 제외)" if unset else "")
    )
    rows.append([f"소계 {len(d.rows):,}건", "", "", "", "", "", subtotal, ""])
    last = len(rows) - 1
    extra = [
        ("SPAN", (0, last), (5, last)),
        ("FONTNAME", (0, last), (-1, last), FONT_BOLD),
        ("LINEABOVE", (0, last), (-1, last), 0.8, "#555555"),
        ("NOSPLIT", (0, last - 1), (-1, last)),  # the subtotal never starts a page alone
    ]
    # the heading stays with the start of its table (its header and a few rows): never alone at a
    # page foot; a table longer than what is left of the page still starts here and flows on
    return [
        CondPageBreak(KEEP_WITH_TABLE),
        para(f"{d.department} ({len(d.rows):,}건 · 예상 비용 {d.cost_label})", "heading"),
        Spacer(1, 1.5 * mm),
        data_table(rows, _widths(width), aligns=list(ALIGNS), extra=extra),
        Spacer(1, 4 * mm),
    ]


def department_tables(data: PlanData, width: float = WIDTH) -> list:
    story: list = []
    for d in data.departments:
        story += department_table(d, width)
    return story


def render_plan(data: PlanData) -> tuple[bytes, int]:
    """The PDF bytes and its page count."""
    story: list = [
        para(TITLE, "title"),
        para(data.cohort, "body_center"),
        Spacer(1, 4 * mm),
        para(
            f"{josa(data.cohort, '이')} 끝날 때 채택되었으나 완료되지 않아 다음 해로 이월한 개선제안입니다 "
            f"(작성일 {data.made_on:%Y-%m-%d}). {data.summary}.",
            "body",
        ),
        Spacer(1, 4 * mm),
    ]
    if not data.rows:
        story.append(para("이월한 과제가 없습니다.", "body"))
    else:
        story += department_tables(data)
        story.append(KeepTogether([para(f"합계: {data.count:,}건, 예상 비용 {data.cost_label}", "heading")]))
    note = "진행률: 완료 100%, 추진 단계가 있으면 완료한 단계의 가중 비율, 없으면 마지막 진행 상황의 %. 비용 미정은 합계에서 뺌."
    return build_pdf(story, title=TITLE, organization=data.organization, footer_note=note)
