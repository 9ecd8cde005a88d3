"""The improvement report's page set-up: a cover without header or page number, then A4
pages with the organization in the header and "쪽 x / y"; styles and small flowables."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, PageTemplate, TableStyle

from panelapp.domain.enums import ProposalStatus, Severity
from panelapp.reports.base import (
    ACCENT,
    FONT,
    MARGIN,
    MUTED,
    STYLES,
    NumberedCanvas,
    ReportDocument,
    _style,
)

TITLE = "시민참여단 활동 개선 보고서"
WIDTH = A4[0] - 2 * MARGIN
TOP, BOTTOM = 22 * mm, 20 * mm
BODY_HEIGHT = A4[1] - TOP - BOTTOM  # the body frame of a page after the cover
SOFT = colors.HexColor("#eef3f9")
BAR = colors.HexColor("#3d6a9e")

SEVERITY_COLORS = {
    Severity.URGENT: colors.HexColor("#b42318"),
    Severity.HIGH: colors.HexColor("#c4570c"),
    Severity.MEDIUM: colors.HexColor("#1f3a5f"),
    Severity.LOW: colors.HexColor("#5b6776"),
}
STATUS_COLORS = {
    ProposalStatus.SUBMITTED: "#5b6776",
    ProposalStatus.REVIEWING: "#8a6d00",
    ProposalStatus.ACCEPTED: "#1b7f3b",
    ProposalStatus.PARTIAL: "#2f7a6b",
    ProposalStatus.DECLINED: "#b42318",
    ProposalStatus.IN_PROGRESS: "#1f5fa8",
    ProposalStatus.DONE: "#1f3a5f",
}
OVERDUE_COLOR = "#b42318"

STYLES.update(
    {
        s.name: s
        for s in (
            _style("ir_cover_org", 13, bold=True, color=ACCENT),
            _style("ir_cover_cohort", 17, align=TA_CENTER, color=MUTED, leading=24),
            _style("ir_cover_title", 28, bold=True, align=TA_CENTER, leading=38, color=ACCENT),
            _style("ir_cover_period", 13, align=TA_CENTER, leading=20),
            _style("ir_cover_issuer", 18, bold=True, align=TA_CENTER, leading=24, color=ACCENT),
            _style("ir_chapter", 17, bold=True, color=ACCENT, spaceAfter=3, leading=24),
            _style("ir_facility", 14, bold=True, color=ACCENT, leading=20),
            _style("ir_sub", 9.5, color=MUTED, leading=14),
            _style("ir_kpi", 17, bold=True, align=TA_CENTER, leading=21, color=ACCENT),
            _style("ir_kpi_label", 8.5, align=TA_CENTER, color=MUTED, leading=11),
            _style("ir_note", 8, color=MUTED, leading=11),
            _style("ir_cell_small", 8, leading=10.5),
            _style("ir_cell_bold", 9, bold=True, leading=12),
            _style("ir_date", 8, leading=11, align=TA_CENTER),
        )
    }
)


def table_style(commands: list) -> TableStyle:
    """A TableStyle in NanumGothic: a Table sets its cells' font even when they hold paragraphs,
    and its default (fixed at import, before panelapp registered its fonts) is Helvetica."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)] + list(commands))


class Marker(Flowable):
    """Zero-size: calls `hook(text)` when layout reaches it (progress and Cancel per section)."""

    def __init__(self, hook: Callable[[str], None] | None, text: str):
        super().__init__()
        self.hook, self.text, self._fired = hook, text, False

    def wrap(self, avail_width, avail_height):
        if self.hook is not None and not self._fired:
            self._fired = True
            self.hook(self.text)
        return 0, 0

    def draw(self):
        pass


class ScoreBar(Flowable):
    """A horizontal 0–100 bar for a checklist score."""

    def __init__(self, score: float | None, width: float = 45 * mm, height: float = 3.2 * mm):
        super().__init__()
        self.score, self.width, self.height = score, width, height

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setFillColor(SOFT)
        c.setStrokeColor(SOFT)
        c.rect(0, 0, self.width, self.height, fill=1, stroke=0)
        if self.score is not None:
            c.setFillColor(BAR if self.score >= 60 else SEVERITY_COLORS[Severity.HIGH])
            c.rect(0, 0, self.width * max(0.0, min(100.0, self.score)) / 100, self.height, fill=1, stroke=0)


class _Canvas(NumberedCanvas):
    """No page number on the cover; the rest count from the cover as page 1 (what a reader sees)."""

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self.setFont(FONT, 8.5)
                self.setFillColor(MUTED)
                self.drawRightString(A4[0] - MARGIN, self._footer_y, f"쪽 {self._pageNumber} / {total}")
            super(NumberedCanvas, self).showPage()
        super(NumberedCanvas, self).save()


class ImprovementDocument(ReportDocument):
    def __init__(self, buffer, *, organization: str, logo_png: bytes | None):
        super().__init__(buffer, title=TITLE, organization=organization, top=TOP, bottom=BOTTOM)
        self.logo_png = logo_png
        cover = Frame(
            MARGIN,
            20 * mm,
            WIDTH,
            A4[1] - 40 * mm,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.pageTemplates.insert(0, PageTemplate(id="cover", frames=[cover], onPage=self._on_cover))

    def _on_cover(self, canv, doc) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, A4[1] - 14 * mm, A4[0], 14 * mm, fill=1, stroke=0)
        canv.setFillColor(colors.HexColor("#3d6a9e"))
        canv.rect(0, A4[1] - 16 * mm, A4[0], 2 * mm, fill=1, stroke=0)
        canv.setFillColor(ACCENT)
        canv.rect(0, 0, A4[0], 8 * mm, fill=1, stroke=0)
        canv.restoreState()  # the logo stands beside the issuer's name (cover.py)


def render(story: list, organization: str, logo_png: bytes | None, out=None) -> tuple[bytes | None, int]:
    """The PDF bytes (None when written to `out`, a binary file) and the page count. Writing to a
    file skips two in-memory copies of the whole PDF, which with photos is most of its weight."""
    buffer = io.BytesIO() if out is None else out
    doc = ImprovementDocument(buffer, organization=organization, logo_png=logo_png)
    doc.build(story, canvasmaker=_Canvas)
    return (buffer.getvalue() if out is None else None), doc.page
