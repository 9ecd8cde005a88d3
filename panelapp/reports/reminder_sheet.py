"""독촉 안내문 (PDF): one part per department, each starting on a new page — the department and
its 시민소통관, the counts, then its overdue and soon-due proposals in one table (번호, 제목, 시설,
접수일, 답변 기한, 구분, 경과/남은 근무일), overdue first. A department with nothing to remind
(only when it was asked for alone) says so in a sentence.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from panelapp.domain.reminder_data import HEADERS, TITLE, DepartmentReminder, ReminderData
from panelapp.reports.base import MARGIN, build_pdf, data_table, para

WIDTH = 210 * mm - 2 * MARGIN
OVERDUE_INK = colors.HexColor("#a4262c")


def _date(day) -> str:
    return f"{day:%Y-%m-%d}"


def _part(data: ReminderData, sheet: DepartmentReminder) -> list:
    contact = f" · 시민소통관 {sheet.contact}" if sheet.contact else ""
    story: list = [
        para(f"{sheet.department}{contact}", "heading"),
        para(
            f"{data.cohort} 개선제안 중 답변 기한이 지났거나 {data.within}근무일 안에 닥치는 제안입니다 "
            f"(기준일 {_date(data.today)}). 답변을 부탁드립니다.",
            "body",
        ),
        Spacer(1, 2 * mm),
    ]
    if not sheet.rows:
        story.append(para("독촉할 제안이 없습니다 (기한 경과·임박 없음).", "body"))
        return story
    story += [
        para(f"기한 경과 {sheet.overdue:,}건 · 기한 임박 {sheet.soon:,}건", "small"),
        Spacer(1, 2 * mm),
    ]
    rows: list[list] = [list(HEADERS)]
    ordered = sorted(sheet.rows, key=lambda r: (not r.overdue, r.due_on, r.proposal_id))
    for r in ordered:
        rows.append(
            [
                str(r.proposal_id),
                r.title,
                r.facility or "–",
                _date(r.submitted_on),
                _date(r.due_on),
                r.kind,
                r.days_text,
            ]
        )
    overdue_rows = [i + 1 for i, r in enumerate(ordered) if r.overdue]
    extra = [("TEXTCOLOR", (5, i), (6, i), OVERDUE_INK) for i in overdue_rows]
    widths = [12 * mm, 0, 28 * mm, 22 * mm, 22 * mm, 18 * mm, 20 * mm]
    widths[1] = WIDTH - sum(widths)
    story.append(
        data_table(
            rows, widths, aligns=["right", "left", "left", "center", "center", "center", "right"], extra=extra
        )
    )
    return story


def render_reminders(data: ReminderData) -> tuple[bytes, int]:
    """The PDF bytes and its page count."""
    story: list = [para(TITLE, "title"), Spacer(1, 4 * mm)]
    if not data.sheets:
        story.append(
            para(
                f"{data.cohort}에 답변 기한이 지났거나 {data.within}근무일 안에 닥치는 제안이 없습니다 "
                f"(기준일 {_date(data.today)}). 독촉할 부서 없음.",
                "body",
            )
        )
    for n, sheet in enumerate(data.sheets):
        if n:
            story.append(PageBreak())
        story += _part(data, sheet)
    if data.empty:
        story += [Spacer(1, 6 * mm), para(f"독촉할 제안이 없는 부서: {', '.join(data.empty)}", "small")]
    note = "근무일: 주말과 공휴일(대체공휴일 포함)을 뺀 날. 경과 근무일은 기한 다음 근무일부터 셉니다."
    return build_pdf(story, title=TITLE, organization=data.organization, footer_note=note)
