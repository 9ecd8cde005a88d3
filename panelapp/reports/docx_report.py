"""The board report as a Word document (.docx), with python-docx: the same outline as the 한글 one.

A4 (python-docx starts from US Letter) with the margins of official documents, named paragraph
styles (개조식 1–5, 보고 제목, …) in 함초롬바탕/함초롬돋움 for Latin and East Asian text alike,
hanging indents under the typed item markers, tables of fixed layout with explicit column widths
and least row heights, photos of explicit size cropped to fill their box (a:srcRect; the image
bytes are embedded unchanged, so Word's Crop tool can undo it), and "- n -" (a PAGE field) in
the footer.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable

from panelapp.domain.report_data import ReportData
from panelapp.reports import board_report as br

Progress = Callable[[int, int, str], None]

HEAD_FILL = "E7ECF2"
TOTAL_FILL = "F3F3F3"

# style → (Word style name, font, size pt, bold, alignment, left mm, hanging mm, before pt, after pt)
STYLES: dict[str, tuple[str, str, float, bool, str, float, float, float, float]] = {
    "title": ("보고 제목", br.HEAD_FONT, 20, True, "center", 0, 0, 6, 4),
    "meta": ("보고 일자", br.BODY_FONT, 11, False, "right", 0, 0, 0, 8),
    "item1": ("개조식 1", br.HEAD_FONT, 15, True, "left", 0, 0, 10, 3),
    "item2": ("개조식 2", br.BODY_FONT, 13, False, "justify", 3, 6, 2, 1),
    "item3": ("개조식 3", br.BODY_FONT, 12, False, "justify", 9, 5.5, 0, 1),
    "item4": ("개조식 4", br.BODY_FONT, 11.5, False, "justify", 14.5, 5.5, 0, 1),
    "item5": ("개조식 5", br.BODY_FONT, 11, False, "justify", 20, 6.5, 0, 1),
    "note": ("보고 주석", br.BODY_FONT, 10, False, "left", 0, 0, 2, 2),
    "closing": ("보고 끝", br.BODY_FONT, 13, False, "left", 0, 0, 8, 0),
    "cell": ("표 글자", br.HEAD_FONT, 10, False, "left", 0, 0, 0, 0),
    "caption": ("사진 설명", br.HEAD_FONT, 9, False, "center", 0, 0, 0, 0),
    "attach": ("붙임", br.BODY_FONT, 13, False, "left", 0, 0, 0, 0),
}
LINE_SPACING = 1.5
CELL_PAD_X, CELL_PAD_Y = 1.8, 0.8  # mm
ATTACH_LABEL_MM = 16.0


def text_start(level: int) -> float:
    if level < 2:
        return 0.0
    _n, _f, _s, _b, _a, left, hang, _p, _x = STYLES[f"item{level}"]
    return left + hang


def _set_fonts(rpr_owner, face: str) -> None:
    """The face for Latin, East Asian and complex text: Word takes Hangul from w:eastAsia."""
    from docx.oxml.ns import qn

    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), face)


class _Writer:
    def __init__(self) -> None:
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        self.doc = Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(br.PAGE_W), Mm(br.PAGE_H)
        section.left_margin, section.right_margin = Mm(br.MARGIN_LEFT), Mm(br.MARGIN_RIGHT)
        section.top_margin, section.bottom_margin = Mm(br.MARGIN_TOP), Mm(br.MARGIN_BOTTOM)
        section.header_distance, section.footer_distance = Mm(br.HEADER_MM), Mm(br.FOOTER_MM)
        normal = self.doc.styles["Normal"]
        normal.font.name = br.BODY_FONT
        _set_fonts(normal.element, br.BODY_FONT)
        # no extra space between Hangul and Latin letters or digits ("제7기", not "제 7 기"), as in 한글
        ppr = normal.element.get_or_add_pPr()
        ppr.append(_el("w:autoSpaceDE", val="0"))
        ppr.append(_el("w:autoSpaceDN", val="0"))
        self._styles = {key: self._style(key) for key in STYLES}

    def _style(self, key: str):
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        name, font, size, bold, align, left, hang, before, after = STYLES[key]
        style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.doc.styles["Normal"]
        style.font.name, style.font.size, style.font.bold = font, Pt(size), bold
        _set_fonts(style.element, font)
        fmt = style.paragraph_format
        fmt.alignment = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        }[align]
        fmt.left_indent = Mm(left + hang)
        fmt.first_line_indent = Mm(-hang) if hang else Mm(0)
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = 1.0 if key in ("cell", "caption", "attach") else LINE_SPACING
        if key == "item1":
            fmt.keep_with_next = True
        return style

    # ----- blocks --------------------------------------------------------------------------------
    def text(self, block: br.Text) -> None:
        from docx.shared import Mm

        key = f"item{block.level}" if block.style == "item" else block.style
        p = self.doc.add_paragraph(block.full, style=self._styles[key])
        if block.style == "note" and block.level >= 2:
            p.paragraph_format.left_indent = Mm(text_start(block.level))
        if block.keep:
            p.paragraph_format.keep_with_next = True

    def _table(self, rows: int, widths: list[float], align: str = "center", borders: bool = True):
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Mm

        table = self.doc.add_table(rows=rows, cols=len(widths))
        table.style = self.doc.styles["Table Grid"] if borders else None
        table.alignment = {
            "center": WD_TABLE_ALIGNMENT.CENTER,
            "right": WD_TABLE_ALIGNMENT.RIGHT,
            "left": WD_TABLE_ALIGNMENT.LEFT,
        }[align]
        table.autofit = False
        _fixed_layout(table, widths)
        for row in table.rows:
            for c, cell in enumerate(row.cells):
                cell.width = Mm(widths[c])
        if not borders:
            _no_borders(table)
        _cell_margins(table, CELL_PAD_X, CELL_PAD_Y)
        return table

    def _cell(self, cell, text: str, align: str, bold: bool = False, style: str = "cell") -> None:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p.style = self._styles[style]
        p.alignment = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        run = p.add_run(text)
        if bold:
            run.bold = True

    def table(self, block: br.Table, align: str = "center"):
        table = self._table(len(block.rows), list(block.widths), align)
        rows = len(block.rows)
        for r, values in enumerate(block.rows):
            head = r < block.header_rows
            total = block.total_row and r == rows - 1
            row = table.rows[r]
            _row_height(row, block.row_height)
            if head:
                _repeat_header(row)
            for c, value in enumerate(values):
                cell = row.cells[c]
                self._cell(cell, value, "center" if head else block.aligns[c], bold=head or total)
                if head or total:
                    _shade(cell, HEAD_FILL if head else TOTAL_FILL)
        self._after_table()
        return table

    def _after_table(self) -> None:
        from docx.shared import Pt

        gap = self.doc.add_paragraph(style=self._styles["cell"])
        gap.paragraph_format.space_after = Pt(2)

    def signoff(self, block: br.SignOff) -> None:
        titles = block.titles
        box = max(16.0, min(22.0, 100.0 / max(len(titles), 1)))
        widths = [7.0] + [box] * len(titles)
        table = self._table(2, widths, "right")
        _row_height(table.rows[0], 6.5)
        _row_height(table.rows[1], 15, exact=True)
        for c, title in enumerate(titles, 1):
            self._cell(table.cell(0, c), title, "center", bold=True)
            _shade(table.cell(0, c), HEAD_FILL)
        label = table.cell(0, 0).merge(table.cell(1, 0))
        self._cell(label, "결재", "center", bold=True)
        _shade(label, HEAD_FILL)
        self._after_table()

    def photos(self, block: br.PhotoRow) -> None:
        from docx.shared import Mm

        cells = br.readable_photos(block)
        if not cells:
            return
        table = self._table(2, [br.TEXT_W / 2] * len(cells), borders=False)
        _row_height(table.rows[0], br.PHOTO_H + 3, exact=True)
        for c, (photo, (data, _fmt, size)) in enumerate(cells):
            cell = table.cell(0, c)
            self._cell(cell, "", "center")
            place = br.placement(size)
            run = cell.paragraphs[0].runs[0]
            shape = run.add_picture(io.BytesIO(data), width=Mm(place.width), height=Mm(place.height))
            _crop(shape, place.crop)
            self._cell(table.cell(1, c), photo.label, "center", style="caption")
        self._after_table()

    def attachments(self, block: br.Attachments) -> None:
        table = self._table(len(block.lines), [ATTACH_LABEL_MM, br.TEXT_W - ATTACH_LABEL_MM], "left", False)
        for r, line in enumerate(block.lines):
            self._cell(table.cell(r, 0), "붙임" if r == 0 else "", "left", style="attach")
            self._cell(table.cell(r, 1), line, "left", style="attach")

    def page_numbers(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        footer = self.doc.sections[0].footer
        p = footer.paragraphs[0]
        p.style = self._styles["cell"]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run("- ")
        _page_field(p.add_run())
        p.add_run(" -")


# ----- XML the python-docx API has no call for ------------------------------------------------------
def _el(tag: str, **attrs: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _twips(mm: float) -> str:
    return str(round(mm / 25.4 * 1440))


def _fixed_layout(table, widths: list[float]) -> None:
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    tbl_pr.append(_el("w:tblLayout", type="fixed"))
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = _el("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), _twips(sum(widths)))
    width.set(qn("w:type"), "dxa")
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), _twips(w))


def _cell_margins(table, x_mm: float, y_mm: float) -> None:
    margins = _el("w:tblCellMar")
    for side, mm in (("top", y_mm), ("left", x_mm), ("bottom", y_mm), ("right", x_mm)):
        margins.append(_el(f"w:{side}", w=_twips(mm), type="dxa"))
    table._tbl.tblPr.append(margins)


def _no_borders(table) -> None:
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="nil"))
    table._tbl.tblPr.append(borders)


def _row_height(row, mm: float, exact: bool = False) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Mm

    row.height = Mm(mm)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST


def _repeat_header(row) -> None:
    row._tr.get_or_add_trPr().append(_el("w:tblHeader", val="true"))


def _shade(cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(_el("w:shd", val="clear", color="auto", fill=fill))


def _crop(shape, crop: tuple[float, float, float, float]) -> None:
    """a:srcRect on the picture: the fractions cut from each side, in 1/1000 %."""
    if not any(crop):
        return
    from docx.oxml.ns import qn

    blip_fill = shape._inline.graphic.graphicData.pic.blipFill
    rect = blip_fill.find(qn("a:srcRect"))
    if rect is None:
        from docx.oxml import OxmlElement

        rect = OxmlElement("a:srcRect")
        blip_fill.insert(list(blip_fill).index(blip_fill.find(qn("a:blip"))) + 1, rect)
    for key, value in zip(("l", "t", "r", "b"), crop):
        rect.set(key, str(round(value * 100000)))


def _page_field(run) -> None:
    """A PAGE field (Word and LibreOffice put the page's number in its place)."""
    from docx.oxml.ns import qn

    r = run._r
    r.append(_el("w:fldChar", fldCharType="begin"))
    instr = _el("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    r.append(instr)
    r.append(_el("w:fldChar", fldCharType="separate"))
    text = _el("w:t")
    text.text = "1"
    r.append(text)
    r.append(_el("w:fldChar", fldCharType="end"))


def render_docx(report: br.BoardReport, progress: Progress | None = None) -> bytes:
    """The .docx file's bytes. `progress(done, total, text)` may raise (Cancel) to stop."""
    w = _Writer()
    w.doc.core_properties.title = report.title
    w.doc.core_properties.author = report.organization
    br.draw_blocks(report, w, progress, "Word 문서")
    w.page_numbers()
    out = io.BytesIO()
    w.doc.save(out)
    if progress is not None:
        progress(1, 1, "Word 문서를 만들었습니다")
    return out.getvalue()


def docx_report_bytes(
    data: ReportData, attachments: Iterable[str] = (), progress: Progress | None = None
) -> bytes:
    """The board report of `data` as .docx bytes; `attachments` are the 붙임 lines."""
    return render_docx(br.build_board_report(data, tuple(attachments)), progress)
