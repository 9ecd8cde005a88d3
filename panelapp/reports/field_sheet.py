"""현장 점검표: the sheet a 조장 takes to the site and fills in by hand.

Facility, date and people on top; then every checklist item by section with boxes to tick
(예/아니오/해당없음, or 1–5) or lines to write on, and a remarks column; then blank rows
for findings and a photo log, and the lead's signature.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from panelapp.domain.enums import ChecklistItemKind
from panelapp.domain.field_sheet_data import FieldSheetData
from panelapp.domain.formatting import korean_date
from panelapp.reports.base import FONT, FONT_BOLD, HEAD_BG, INK, MARGIN, RULE, build_pdf, data_table, para

TITLE = "현장 점검표"
WIDTH = 210 * mm - 2 * MARGIN
YES_NO = ("예", "아니오", "해당없음")
SCORES = ("1", "2", "3", "4", "5")
SEVERITIES = ("낮음", "보통", "높음", "긴급")
FINDING_ROWS, PHOTO_ROWS = 6, 8


class Boxes(Flowable):
    """Square tick boxes, each followed by its label, on one line."""

    def __init__(self, labels: tuple[str, ...], size: float = 3.4 * mm, font_size: float = 8.5):
        super().__init__()
        self.labels, self.size, self.font_size = labels, size, font_size

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.size + 2

    def draw(self):
        canv, x = self.canv, 0.0
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.7)
        canv.setFont(FONT, self.font_size)
        for label in self.labels:
            canv.rect(x, 1, self.size, self.size)
            x += self.size + 1.4 * mm
            canv.drawString(x, 1 + self.size * 0.15, label)
            x += canv.stringWidth(label, FONT, self.font_size) + 3 * mm


class WritingLines(Flowable):
    """Ruled lines to write on."""

    def __init__(self, count: int = 2, gap: float = 7 * mm):
        super().__init__()
        self.count, self.gap = count, gap

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.count * self.gap

    def draw(self):
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        for n in range(self.count):
            self.canv.line(0, n * self.gap + 1, self.width, n * self.gap + 1)


def _answer(kind: ChecklistItemKind) -> Flowable:
    if kind == ChecklistItemKind.YES_NO:
        return Boxes(YES_NO)
    if kind == ChecklistItemKind.SCORE:
        return Boxes(SCORES)
    return WritingLines(2)


def _facts(data: FieldSheetData):
    when = korean_date(data.scheduled_date) + (f" {data.time_text}" if data.time_text else "")
    members = ", ".join(data.member_names) or "–"
    rows = [
        [
            "시설",
            data.facility_name + (f" ({data.facility_type})" if data.facility_type else ""),
            "점검일시",
            when,
        ],
        ["주소", data.facility_address or "–", "담당부서", data.department or "–"],
        ["담당 단", data.team_name or "–", "조장", data.lead_name or "–"],
        ["단원", members, "점검표", data.template_label or "–"],
    ]
    body = [[para(v, "cell") for v in row] for row in rows]
    return data_table(
        body,
        [20 * mm, 62 * mm, 20 * mm, WIDTH - 102 * mm],
        header_rows=0,
        zebra=False,
        extra=[
            ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
            ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
            ("FONTNAME", (0, 0), (0, -1), FONT_BOLD),
        ],
    )


def _section(number: int, section) -> list:
    widths = [12 * mm, 78 * mm, 48 * mm, WIDTH - 138 * mm]
    rows: list[list] = [["번호", "점검 항목", "확인", "비고"]]
    for item in section.items:
        text = item.text + (" *" if item.required else "")
        cell = [para(text, "cell")] + ([para(item.help, "small")] if item.help else [])
        rows.append([item.number, cell, _answer(item.kind), ""])
    table = data_table(
        rows,
        widths,
        aligns=["center", "left", "left", "left"],
        zebra=False,
        extra=[("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 5)],
    )
    return [CondPageBreak(40 * mm), para(f"{number}. {section.title}", "heading"), table]


def _blank_table(
    head: list[str], widths: list[float], count: int, height: float, extra_cols: dict
) -> Flowable:
    rows: list[list] = [head]
    for n in range(1, count + 1):
        rows.append([str(n)] + [extra_cols.get(c, "") for c in range(1, len(head))])
    table = data_table(rows, widths, aligns=["center"] + ["left"] * (len(head) - 1), zebra=False)
    table._argH = [None] + [height] * count  # room to write by hand
    return table


def render_field_sheet(data: FieldSheetData) -> tuple[bytes, int]:
    """The PDF bytes and its page count."""
    story: list = [
        para(f"{TITLE} — {data.facility_name}", "title"),
        Spacer(1, 2 * mm),
        para(f"{data.cohort_name} · 상태: {data.status.label}", "body_center"),
        Spacer(1, 5 * mm),
        _facts(data),
    ]
    if data.notes:
        story += [Spacer(1, 2 * mm), para(f"메모: {data.notes}", "small")]
    story += [
        Spacer(1, 2 * mm),
        para(
            "* 표시는 반드시 확인할 항목입니다. 확인 칸에 표시하고, "
            "아니오·낮은 점수는 비고에 이유를 적어 주세요.",
            "small",
        ),
    ]
    if not data.sections:
        story.append(para("이 점검에 연결된 점검표가 없습니다.", "body"))
    for number, section in enumerate(data.sections, 1):
        story += _section(number, section)
    story += [
        CondPageBreak(90 * mm),
        para("발견사항", "heading"),
        _blank_table(
            ["번호", "위치", "내용", "심각도"],
            [12 * mm, 30 * mm, 66 * mm, WIDTH - 108 * mm],
            FINDING_ROWS,
            16 * mm,
            {3: Boxes(SEVERITIES, font_size=8)},
        ),
        CondPageBreak(100 * mm),
        para("사진 기록", "heading"),
        _blank_table(
            ["사진 번호", "촬영 위치", "설명", "관련 항목"],
            [18 * mm, 40 * mm, WIDTH - 83 * mm, 25 * mm],
            PHOTO_ROWS,
            10 * mm,
            {},
        ),
        Spacer(1, 10 * mm),
        KeepTogether(
            [
                para("점검 조장 확인: ______________________ (서명)", "body"),
                Spacer(1, 4 * mm),
                para("확인일: ________년 ____월 ____일", "body"),
            ]
        ),
    ]
    return build_pdf(story, title=f"{TITLE} — {data.facility_name}", organization=data.organization_name)
