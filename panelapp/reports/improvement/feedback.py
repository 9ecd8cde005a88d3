"""시민 의견: 좋아요·아쉬워요 of the period, counted per facility and kind with a bar of their
mix, and the proposals the notes led to (numbered as in the list of proposals)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from panelapp.domain.report_data import FeedbackSummary, FeedbackTally, ReportData
from panelapp.reports.base import data_table, para
from panelapp.reports.improvement.facility import status_label
from panelapp.reports.improvement.layout import SOFT, WIDTH, Marker

TITLE = "시민 의견: 좋아요·아쉬워요"
LIKE_COLOR = colors.HexColor("#3d6a9e")
DISLIKE_COLOR = colors.HexColor("#c4570c")
TALLY_COLS = [50 * mm, 17 * mm, 17 * mm, 15 * mm, 15 * mm, 18 * mm, 38 * mm]
LED_COLS = [12 * mm, 62 * mm, 36 * mm, 20 * mm, 20 * mm, 20 * mm]


class MixBar(Flowable):
    """좋아요 (blue) and 아쉬워요 (orange) side by side in one bar, in proportion."""

    def __init__(self, likes: int, dislikes: int, width: float = 34 * mm, height: float = 3.2 * mm):
        super().__init__()
        self.likes, self.dislikes, self.width, self.height = likes, dislikes, width, height

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        c, total = self.canv, self.likes + self.dislikes
        c.setFillColor(SOFT)
        c.rect(0, 0, self.width, self.height, fill=1, stroke=0)
        if total:
            split = self.width * self.likes / total
            c.setFillColor(LIKE_COLOR)
            c.rect(0, 0, split, self.height, fill=1, stroke=0)
            c.setFillColor(DISLIKE_COLOR)
            c.rect(split, 0, self.width - split, self.height, fill=1, stroke=0)


def tally_rows(fb: FeedbackSummary) -> list[list]:
    rows: list[list] = [["시설", "좋아요", "아쉬워요", "합계", "답변", "제안으로", "좋아요 : 아쉬워요"]]
    for t in fb.by_facility:
        rows.append(_tally(t.facility, t))
    total = FeedbackTally(None, "합계", fb.likes, fb.dislikes, fb.answered, fb.to_proposals)
    rows.append([para("합계", "ir_cell_bold"), *_tally("합계", total)[1:]])
    return rows


def _tally(name: str, t: FeedbackTally) -> list:
    return [
        name,
        f"{t.likes:,}",
        f"{t.dislikes:,}",
        f"{t.total:,}",
        f"{t.answered:,}",
        f"{t.to_proposals:,}",
        MixBar(t.likes, t.dislikes),
    ]


def feedback_story(data: ReportData, numbers: dict[int, int], hook) -> list:
    fb = data.feedback
    story: list = [
        CondPageBreak(90 * mm),
        Marker(hook, "좋아요·아쉬워요"),
        para(TITLE, "ir_chapter"),
        para(
            f"좋아요 {fb.likes:,}건 · 아쉬워요 {fb.dislikes:,}건 · 답변 {fb.answered:,}건 · "
            f"개선제안으로 이어진 의견 {fb.to_proposals:,}건",
            "ir_sub",
        ),
        Spacer(WIDTH, 3 * mm),
    ]
    if not fb.total:
        story.append(para("보고 기간에 접수된 좋아요·아쉬워요가 없습니다.", "body"))
        return story + [PageBreak()]
    story += [
        para("시설별 좋아요·아쉬워요", "heading"),
        data_table(
            tally_rows(fb),
            TALLY_COLS,
            aligns=["left", "right", "right", "right", "right", "right", "left"],
            extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor("#1f3a5f"))],
        ),
        Spacer(WIDTH, 1.5 * mm),
        para(
            "답변: 답변을 적었거나 처리 완료로 표시한 의견 · 제안으로: 개선제안에 연결된 의견 · "
            "막대: 파란색 좋아요, 주황색 아쉬워요",
            "ir_note",
        ),
        CondPageBreak(40 * mm),
        para("의견이 이어진 개선제안", "heading"),
    ]
    if fb.proposals:
        rows: list[list] = [["연번", "개선제안", "시설", "상태", "좋아요", "아쉬워요"]]
        for p in fb.proposals:
            rows.append(
                [
                    str(numbers.get(p.proposal_id, "–")),
                    para(p.title, "ir_cell_bold"),
                    p.facility or "–",
                    status_label(p.status),
                    f"{p.likes:,}",
                    f"{p.dislikes:,}",
                ]
            )
        story.append(
            data_table(rows, LED_COLS, aligns=["center", "left", "left", "center", "right", "right"])
        )
        if any(p.proposal_id not in numbers for p in fb.proposals):
            story.append(
                para("연번은 개선제안 목록의 번호입니다. '–'는 보고 기간 밖에 접수된 제안입니다.", "ir_note")
            )
    else:
        story.append(para("개선제안으로 이어진 의견이 없습니다.", "body"))
    return story + [PageBreak()]
