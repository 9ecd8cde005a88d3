"""채택 과제 추진 현황 (issue 14 item 4): the cohort's completion in one line and, per adopted
proposal, a progress bar with its 진행률 ("NN%") by the one rule (domain/proposal_progress.py).

The bars are ReportLab drawings (a rule-coloured track, the done share filled, the label in
NanumGothic beside it), so they print the same on every printer and stay vector in the PDF."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Spacer

from panelapp.domain.enums import ProposalStatus
from panelapp.domain.proposal_progress import percent_text
from panelapp.domain.report_data import ReportData
from panelapp.reports.base import FONT, INK, RULE, data_table, para
from panelapp.reports.improvement.facility import status_cell
from panelapp.reports.improvement.layout import BAR, SOFT, WIDTH

BAR_W, BAR_H = 38 * mm, 4.6 * mm
LABEL_W = 10 * mm  # "100%" beside the track
DONE_FILL = colors.HexColor("#2f7a6b")
COLUMNS = [10 * mm, 68 * mm, 26 * mm, 18 * mm, BAR_W + 4 * mm]


class ProgressBar(Drawing):
    """A track of BAR_W − LABEL_W filled to `value` %, with "NN%" to its right."""

    def __init__(self, value: int, width: float = BAR_W, height: float = BAR_H):
        super().__init__(width, height)
        track = width - LABEL_W
        y, h = 0.9 * mm, height - 1.8 * mm
        self.add(Rect(0, y, track, h, fillColor=SOFT, strokeColor=RULE, strokeWidth=0.4))
        if value > 0:
            fill = DONE_FILL if value >= 100 else BAR
            self.add(Rect(0, y, track * min(value, 100) / 100, h, fillColor=fill, strokeColor=None))
        self.add(
            String(
                width,
                y + 0.4 * mm,
                percent_text(value),
                fontName=FONT,
                fontSize=8,
                fillColor=INK,
                textAnchor="end",
            )
        )


def completion_text(data: ReportData) -> str:
    """ "채택 12건 중 완료 5건, 평균 진행률 63%" (the summary's line and this section's)."""
    return data.progress.text if data.progress is not None else "보고 기간에 채택된 개선제안이 없습니다."


def progress_story(data: ReportData, numbers: dict[int, int]) -> list:
    """The section after 제안별 처리: the completion line, then a bar per adopted proposal."""
    adopted = [p for p in data.proposals if p.progress is not None]
    story: list = [
        CondPageBreak(40 * mm),
        para("채택 과제 추진 현황", "heading"),
        para(completion_text(data), "ir_sub"),
    ]
    if not adopted:
        return story
    rows: list[list] = [["연번", "개선제안", "담당부서", "상태", "진행률"]]
    for p in sorted(
        adopted, key=lambda p: (p.status == ProposalStatus.DONE, -(p.progress or 0), numbers[p.id])
    ):
        rows.append(
            [
                str(numbers[p.id]),
                [para(p.title, "ir_cell_bold")],
                p.department or "–",
                status_cell(p),
                ProgressBar(p.progress or 0),
            ]
        )
    story += [
        Spacer(WIDTH, 1.5 * mm),
        data_table(rows, COLUMNS, aligns=["center", "left", "left", "center", "left"]),
        para(
            "진행률 = 완료 100%; 추진 단계가 있으면 완료한 단계의 비중(가중치), 없으면 마지막 진행 상황의 진행률, "
            "둘 다 없으면 0%. 완료 처리 전에는 99%까지입니다. 작성일 기준.",
            "ir_note",
        ),
    ]
    return story
