"""ReportLab foundations shared by every panelapp report (after pretix's invoice renderer).

- NanumGothic (regular and bold) embedded, with `<b>` mapped to the bold face, and
  `rl_config.canvas_basefontname` set so no unembedded Helvetica ends up in a PDF.
- Named paragraph styles that wrap Korean text (`wordWrap="CJK"`).
- An A4 document with a header (organization, document title), a footer and "쪽 x / y".
- A table helper whose header rows repeat on every page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from panelapp.paths import resource

FONT, FONT_BOLD = "NanumGothic", "NanumGothicBold"
INK = colors.HexColor("#1b2a3a")
MUTED = colors.HexColor("#5b6776")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#9aa7b6")
HEAD_BG = colors.HexColor("#e8eef5")
ZEBRA = colors.HexColor("#f6f8fb")
MARGIN = 20 * mm


_fonts_ready = False


def register_fonts() -> None:
    """Idempotent. Called when a document, canvas or paragraph is first made (not at import:
    importing a report module registers nothing); call it before drawing with FONT by hand."""
    global _fonts_ready
    if _fonts_ready:
        return
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "NanumGothic.ttf"))))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "NanumGothicBold.ttf"))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    rl_config.canvas_basefontname = FONT
    # Binary streams: ASCII85 (ReportLab's default) makes every photo and page stream a quarter
    # larger, in memory until the document is saved and in the file.
    rl_config.useA85 = 0
    _fonts_ready = True


def _style(
    name: str,
    size: float,
    *,
    bold: bool = False,
    align=TA_LEFT,
    leading: float | None = None,
    color=INK,
    wrap: str | None = "CJK",
    **kw,
) -> ParagraphStyle:
    """CJK wrapping breaks between any two syllables (needed for long unspaced text);
    sentences read better broken at spaces (wrap=None), as Korean separates words."""
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=leading or round(size * 1.45, 1),
        alignment=align,
        textColor=color,
        wordWrap=wrap,
        **kw,
    )


STYLES: dict[str, ParagraphStyle] = {
    s.name: s
    for s in (
        _style("title", 26, bold=True, align=TA_CENTER, leading=34, color=ACCENT),
        _style("heading", 12.5, bold=True, spaceBefore=8, spaceAfter=4, color=ACCENT),
        _style("body", 10.5),
        _style("body_center", 10.5, align=TA_CENTER),
        _style("statement", 13, align=TA_CENTER, leading=22, wrap=None),
        _style("small", 8.5, color=MUTED),
        _style("small_right", 8.5, color=MUTED, align=TA_RIGHT),
        _style("cell", 9, leading=12),
        _style("cell_center", 9, leading=12, align=TA_CENTER),
        _style("cell_right", 9, leading=12, align=TA_RIGHT),
        _style("cell_head", 9, bold=True, leading=12, align=TA_CENTER),
        _style("cell_total", 9, bold=True, leading=12, align=TA_RIGHT),
        _style("label", 10.5, bold=True, align=TA_CENTER),
        _style("date", 13, align=TA_CENTER, leading=18),
        _style("issuer", 19, bold=True, align=TA_CENTER, leading=26),
    )
}


class CachedParagraph(Paragraph):
    """A Paragraph that remembers its line breaking for the last width. ReportLab wraps a table
    cell's paragraphs to size the row, again for every page the table is split over and once more
    to draw the cell; breaking Korean text (CJK) is most of a long report's time."""

    _last: tuple | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 - ReportLab API
        last = self._last
        if last is not None and last[0] == availWidth:
            self.width, self._wrapWidths, self.blPara, self.height = last[1]
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._last = (availWidth, (self.width, self._wrapWidths, self.blPara, self.height))
        return width, height


def para(text: str | None, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: names may contain & or <)."""
    register_fonts()
    return CachedParagraph(escape(text or ""), STYLES[style])


def table_cells(rows: Sequence[Sequence], aligns: Sequence[str], header_rows: int = 1) -> list[list]:
    """Rows with their strings made paragraphs, as data_table makes them (header rows bold and
    centred; body cells aligned per column: "left" / "center" / "right")."""
    cell_style = {"left": "cell", "center": "cell_center", "right": "cell_right"}
    return [
        [
            para(str(v), "cell_head" if r < header_rows else cell_style[aligns[c]])
            if isinstance(v, str)
            else v
            for c, v in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]


def data_table(
    rows: Sequence[Sequence],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    aligns: Sequence[str] | None = None,
    zebra: bool = True,
    extra: Sequence[tuple] = (),
) -> Table:
    """A ruled table; strings become wrapping paragraphs; header rows repeat on each page.

    aligns: per column "left" / "center" / "right" for body cells.
    """
    aligns = aligns or ["left"] * len(col_widths)
    body = table_cells(rows, aligns, header_rows)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 1.2, ACCENT),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG))
    if zebra:
        commands += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(header_rows + 1, len(rows), 2)]
    table = Table(body, colWidths=list(col_widths), repeatRows=header_rows)
    table.setStyle(TableStyle(commands + list(extra)))
    return table


class PagedTable(Flowable):
    """A long table laid out a page at a time, from groups of rows that stay together.

    ReportLab's Table, at each page break, builds its remainder anew and walks every remaining
    row and SPAN/NOSPLIT range again: quadratic in the rows, about a third of the time of a
    report whose facilities have hundreds of findings with photos. Here each page gets a Table of
    the header rows and the groups that fit, and the rest waits as another PagedTable.

    make(rows, extra, header_rows) builds a Table from rows and style commands (data_table);
    a group is (rows, commands) with row indices counted from the group's first row. A group is
    split across pages only when it is taller than `page_height` (the frame's full height).
    """

    def __init__(
        self, header: list, groups: list[tuple[list, list]], make: Callable[..., Table], page_height: float
    ):
        super().__init__()
        self.header, self.groups, self.make, self.page_height = header, groups, make, page_height
        self._heights: list[float] = []
        self._header_h: float | None = None
        self._whole: Table | None = None

    def _table(self, groups: list[tuple[list, list]], header: bool = True) -> Table:
        rows, extra = (list(self.header) if header else []), []
        for g_rows, g_extra in groups:
            first = len(rows)
            for cmd, (c0, r0), (c1, r1), *args in g_extra:
                extra.append((cmd, (c0, first + r0), (c1, first + r1), *args))
            rows += g_rows
        return self.make(rows, extra, len(self.header) if header else 0)

    def _measure(self, width: float, upto: float) -> float:
        """Height of the header and the groups, measured until `upto` is passed."""
        if self._header_h is None:
            self._header_h = self.make(list(self.header), [], len(self.header)).wrap(width, 1e9)[1]
        total = self._header_h + sum(self._heights)
        while total <= upto and len(self._heights) < len(self.groups):
            h = self._table([self.groups[len(self._heights)]], header=False).wrap(width, 1e9)[1]
            self._heights.append(h)
            total += h
        return total

    def wrap(self, avail_width, avail_height):
        height = self._measure(avail_width, avail_height)
        self._whole = None
        if len(self._heights) == len(self.groups) and height <= avail_height:
            self._whole = self._table(self.groups)
            return self._whole.wrap(avail_width, avail_height)
        return avail_width, height

    def split(self, avail_width, avail_height):
        self._measure(avail_width, avail_height)
        used, fit = self._header_h, 0
        while fit < len(self._heights) and used + self._heights[fit] <= avail_height:
            used += self._heights[fit]
            fit += 1
        if fit == len(self.groups):
            return [self._table(self.groups)]
        if fit == 0:
            if self._header_h + self._heights[0] <= self.page_height:
                return []  # to the next page, where it fits
            parts = self._table(self.groups[:1]).split(avail_width, avail_height)  # taller than a page
            return parts + [self._rest(1)] if parts else []
        return [self._table(self.groups[:fit]), self._rest(fit)]

    def _rest(self, start: int) -> PagedTable:
        rest = PagedTable(self.header, self.groups[start:], self.make, self.page_height)
        rest._heights, rest._header_h = self._heights[start:], self._header_h
        return rest

    def draw(self):
        self._whole.drawOn(self.canv, 0, 0)


class NumberedCanvas(Canvas):
    """Holds every page until the end so each can say "쪽 x / y" (the ReportLab recipe)."""

    def __init__(self, *args, footer_y: float = 12 * mm, show_numbers: bool = True, **kwargs):
        register_fonts()  # before Canvas reads its base font name
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer_y, self._show_numbers = footer_y, show_numbers

    def showPage(self) -> None:  # noqa: N802 - ReportLab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._show_numbers:
                self.setFont(FONT, 8.5)
                self.setFillColor(MUTED)
                self.drawRightString(A4[0] - MARGIN, self._footer_y, f"쪽 {self._pageNumber} / {total}")
            super().showPage()
        super().save()


class ReportDocument(BaseDocTemplate):
    """A4 portrait; `decorate(canvas, doc)` may draw more on each page (borders, seals)."""

    def __init__(
        self,
        buffer,
        *,
        title: str,
        organization: str | None,
        header: bool = True,
        footer_note: str | None = None,
        top: float = MARGIN,
        bottom: float = MARGIN,
        decorate: Callable | None = None,
        **kw,
    ):
        register_fonts()
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=top,
            bottomMargin=bottom,
            title=title,
            author=organization or "",
            creator="panelapp",
            initialFontName=FONT,
            **kw,
        )
        self.organization, self.header, self.footer_note, self.decorate = (
            organization,
            header,
            footer_note,
            decorate,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])

    def _on_page(self, canv: Canvas, doc) -> None:
        canv.saveState()
        if self.decorate is not None:
            self.decorate(canv, doc)
        width = A4[0]
        if self.header:
            canv.setFont(FONT_BOLD, 9)
            canv.setFillColor(ACCENT)
            canv.drawString(MARGIN, A4[1] - 13 * mm, self.organization or "시민참여단")
            canv.setFont(FONT, 9)
            canv.setFillColor(MUTED)
            canv.drawRightString(width - MARGIN, A4[1] - 13 * mm, self.title)
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.5)
            canv.line(MARGIN, A4[1] - 15 * mm, width - MARGIN, A4[1] - 15 * mm)
        canv.setFont(FONT, 8.5)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN, 12 * mm, self.footer_note or (self.organization or ""))
        canv.restoreState()


def build_pdf(story: list, **doc_kwargs) -> tuple[bytes, int]:
    """Render the story; returns the PDF bytes and the number of pages."""
    buffer = io.BytesIO()
    doc = ReportDocument(buffer, **doc_kwargs)
    doc.build(story, canvasmaker=NumberedCanvas)
    return buffer.getvalue(), doc.page
