"""The board report as an editable 한글 document (HWPX, OWPML / KS X 6101), with python-hwpx.

Draws the outline of board_report.py: A4 with the margins of official documents, 함초롬바탕 for
text and 함초롬돋움 for headings and tables (Hancom's default set, named, not embedded), item
markers typed into the text (1. 가. 1) 가) (1)) with hanging indents so that wrapped lines stand
under the text, tables and photos of explicit sizes, "- n -" in the footer.

What python-hwpx 6.x does not do by itself, and is done here (measured, docs: DESIGN.md §5):
- a paragraph added after a heading takes the heading's numbered style: every paragraph is
  given its own paragraph shape, character shape and style 0 (바탕글), never inherited;
- a table's overall size is not recomputed after cell sizes change: it is set from the cells;
- a picture's crop box (hp:imgClip) and image size (hp:imgDim) are written in the drawn size,
  where Hancom reads them in the image's own size: both are written here from the image's
  pixels (75 HWPUNIT a pixel, 96 dpi), the photo cropped to fill its box, centred. The image
  bytes are embedded unchanged, so the crop can be undone in 한글 (그림 자르기).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from panelapp.domain.report_data import ReportData
from panelapp.reports import board_report as br

Progress = Callable[[int, int, str], None]

HWP_PER_MM = 7200 / 25.4
PX = 75  # HWPUNIT per pixel of an image without a resolution of its own (96 dpi)
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
LINE = "#000000"
HEAD_FILL = "#E7ECF2"
TOTAL_FILL = "#F3F3F3"

# style → (font, size pt, bold, alignment, left mm, hanging mm, space before pt, after pt)
STYLES: dict[str, tuple[str, float, bool, str, float, float, float, float]] = {
    "title": (br.HEAD_FONT, 20, True, "CENTER", 0, 0, 6, 4),
    "meta": (br.BODY_FONT, 11, False, "RIGHT", 0, 0, 0, 8),
    "item1": (br.HEAD_FONT, 15, True, "LEFT", 0, 0, 10, 3),
    "item2": (br.BODY_FONT, 13, False, "JUSTIFY", 3, 6, 2, 1),
    "item3": (br.BODY_FONT, 12, False, "JUSTIFY", 9, 5.5, 0, 1),
    "item4": (br.BODY_FONT, 11.5, False, "JUSTIFY", 14.5, 5.5, 0, 1),
    "item5": (br.BODY_FONT, 11, False, "JUSTIFY", 20, 6.5, 0, 1),
    "note": (br.BODY_FONT, 10, False, "LEFT", 0, 0, 2, 2),  # left: its level's text
    "closing": (br.BODY_FONT, 13, False, "LEFT", 0, 0, 8, 0),
    "cell": (br.HEAD_FONT, 10, False, "LEFT", 0, 0, 0, 0),
    "caption": (br.HEAD_FONT, 9, False, "CENTER", 0, 0, 0, 0),
    "anchor": (br.BODY_FONT, 10, False, "CENTER", 0, 0, 2, 4),
}
CELL_PAD_X, CELL_PAD_Y = 1.8, 0.8  # mm inside a table cell
ATTACH_LABEL_MM = 16.0  # the column of "붙임"; the files' lines stand under one another beside it


def text_start(level: int) -> float:
    """Where the text of an item of `level` starts (mm from the margin): notes stand there."""
    if level < 2:
        return 0.0
    _f, _s, _b, _a, left, hang, _p, _n = STYLES[f"item{level}"]
    return left + hang


def hu(mm: float) -> int:
    return round(mm * HWP_PER_MM)


class _Writer:
    def __init__(self) -> None:
        from hwpx import HwpxDocument

        self.doc = HwpxDocument.new()
        # the skeleton's paper is Hancom's own A4 (59528 x 84186 HWPUNIT); only the margins change
        self.doc.page.setup(
            margin_left_mm=br.MARGIN_LEFT,
            margin_right_mm=br.MARGIN_RIGHT,
            margin_top_mm=br.MARGIN_TOP,
            margin_bottom_mm=br.MARGIN_BOTTOM,
            header_margin_mm=br.HEADER_MM,
            footer_margin_mm=br.FOOTER_MM,
        )
        for face in (br.BODY_FONT, br.HEAD_FONT):
            self.doc.styles.ensure_font(face)
        self.header = self.doc.oxml.headers[0]
        self._chars: dict[tuple[str, float, bool], str] = {}
        self._paras: dict[tuple, str] = {}
        styles = self.doc.styles
        self.fill_plain = styles.ensure_border_fill(border_color=LINE, border_width="0.12 mm")
        self.fill_head = styles.ensure_border_fill(
            border_color=LINE, border_width="0.12 mm", fill_color=HEAD_FILL
        )
        self.fill_total = styles.ensure_border_fill(
            border_color=LINE, border_width="0.12 mm", fill_color=TOTAL_FILL
        )
        self.fill_none = self.doc.styles.ensure_border_fill(
            border_color="#FFFFFF", border_width="0.12 mm", active_borders=()
        )

    # ----- shapes --------------------------------------------------------------------------------
    def char(self, font: str, size: float, bold: bool = False) -> str:
        key = (font, size, bold)
        if key not in self._chars:
            self._chars[key] = self.doc.styles.ensure_run(font=font, size=size, bold=bold)
        return self._chars[key]

    def para(
        self,
        align: str,
        left_mm: float = 0,
        hanging_mm: float = 0,
        before_pt: float = 0,
        after_pt: float = 0,
        keep_next: bool = False,
        spacing: int = 150,
    ) -> str:
        key = (align, left_mm, hanging_mm, before_pt, after_pt, keep_next, spacing)
        if key not in self._paras:
            # Hancom's hanging indent (내어쓰기): the left margin holds the wrapped lines, a negative
            # first-line indent brings the marker back to where the item starts.
            self._paras[key] = self.header.ensure_paragraph_format(
                base_para_pr_id="0",
                alignment=align,
                line_spacing_percent=spacing,
                margins={
                    "left": hu(left_mm + hanging_mm),
                    "intent": -hu(hanging_mm),
                    "prev": round(before_pt * 100),
                    "next": round(after_pt * 100),
                },
                break_setting={"keep_with_next": keep_next},
            )
        return self._paras[key]

    def style(self, name: str, keep_next: bool = False, align: str | None = None) -> tuple[str, str]:
        font, size, bold, default_align, left, hang, before, after = STYLES[name]
        return (
            self.para(align or default_align, left, hang, before, after, keep_next),
            self.char(font, size, bold),
        )

    # ----- blocks --------------------------------------------------------------------------------
    def paragraph(self, text: str, style: str, keep_next: bool = False, align: str | None = None):
        para_pr, char_pr = self.style(style, keep_next, align)
        return self.doc.add_paragraph(
            text, para_pr_id_ref=para_pr, style_id_ref=0, char_pr_id_ref=char_pr, inherit_style=False
        )

    def text(self, block: br.Text) -> None:
        if block.style == "item":
            self.paragraph(block.full, f"item{block.level}", keep_next=block.keep)
        elif block.style == "note":
            font, size, bold, align, _left, hang, before, after = STYLES["note"]
            left = text_start(block.level)
            para_pr = self.para(align, left, hang, before, after, block.keep)
            self.doc.add_paragraph(
                block.full,
                para_pr_id_ref=para_pr,
                style_id_ref=0,
                char_pr_id_ref=self.char(font, size, bold),
                inherit_style=False,
            )
        else:
            self.paragraph(block.full, block.style)

    def table(self, block: br.Table, anchor_align: str = "CENTER") -> Any:
        rows, cols = len(block.rows), len(block.widths)
        widths = [hu(w) for w in block.widths]
        height = hu(block.row_height)
        para_pr, char_pr = self.style("anchor", align=anchor_align)
        table = self.doc.add_table(
            rows,
            cols,
            width=sum(widths),
            height=height * rows,
            border_fill_id_ref=self.fill_plain,
            para_pr_id_ref=para_pr,
            style_id_ref=0,
            char_pr_id_ref=char_pr,
            inherit_style=False,
        )
        if block.header_rows:
            table.element.set("repeatHeader", "1")
        plain = self.char(br.HEAD_FONT, 10)
        bold = self.char(br.HEAD_FONT, 10, True)
        for r, row in enumerate(block.rows):
            head = r < block.header_rows
            total = block.total_row and r == rows - 1
            for c, value in enumerate(row):
                align = "CENTER" if head else block.aligns[c].upper()
                cell = table.cell(r, c)
                cell.set_size(widths[c], height)
                if head:
                    cell.element.set("header", "1")
                if head or total:
                    cell.element.set("borderFillIDRef", self.fill_head if head else self.fill_total)
                self._cell_text(cell, value, self.para(align, spacing=130), bold if head or total else plain)
        _fix_table_size(table, widths, [height] * rows)
        return table

    def _cell_text(self, cell, value: str, para_pr: str, char_pr: str) -> None:
        cell.text = value
        _vertical_center(cell)
        _cell_margins(cell, CELL_PAD_X, CELL_PAD_Y)
        for p in cell.paragraphs:
            p.para_pr_id_ref = para_pr
            p.style_id_ref = 0
            p.char_pr_id_ref = char_pr

    def signoff(self, block: br.SignOff) -> None:
        titles = block.titles
        box = max(16.0, min(22.0, 100.0 / max(len(titles), 1)))
        widths = (7.0,) + (box,) * len(titles)
        table = self.table(
            br.Table(widths, (("결재", *titles), ("", *("" for _ in titles))), ("center",) * len(widths)),
            anchor_align="RIGHT",
        )
        heights = [hu(6.5), hu(15)]
        for r in range(2):
            for c in range(len(widths)):
                table.cell(r, c).set_size(hu(widths[c]), heights[r])
        table.element.set("repeatHeader", "0")
        table.merge_cells(0, 0, 1, 0)  # "결재" stands beside both rows
        _fix_table_size(table, [hu(w) for w in widths], heights)

    def attachments(self, block: br.Attachments) -> None:
        """붙임 in a borderless table: the label, and the files one a row beside it."""
        widths = [hu(ATTACH_LABEL_MM), hu(br.TEXT_W - ATTACH_LABEL_MM)]
        heights = [hu(7)] * len(block.lines)
        _para, char_pr = self.style("anchor", align="LEFT")
        table = self.doc.add_table(
            len(block.lines),
            2,
            width=sum(widths),
            height=sum(heights),
            border_fill_id_ref=self.fill_none,
            para_pr_id_ref=self.para("LEFT", before_pt=10),
            style_id_ref=0,
            char_pr_id_ref=char_pr,
            inherit_style=False,
        )
        text_para, text_char = self.para("LEFT", spacing=150), self.char(br.BODY_FONT, 13)
        for r, line in enumerate(block.lines):
            for c, text in enumerate(("붙임" if r == 0 else "", line)):
                cell = table.cell(r, c)
                cell.set_size(widths[c], heights[r])
                cell.element.set("borderFillIDRef", self.fill_none)
                self._cell_text(cell, text, text_para, text_char)
        _fix_table_size(table, widths, heights)

    def photos(self, block: br.PhotoRow) -> None:
        cells = br.readable_photos(block)
        if not cells:
            return
        slot = br.TEXT_W / 2
        widths = [hu(slot)] * len(cells)
        heights = [hu(br.PHOTO_H + 3), hu(7)]
        para_pr, char_pr = self.style("anchor")
        table = self.doc.add_table(
            2,
            len(cells),
            width=sum(widths),
            height=sum(heights),
            border_fill_id_ref=self.fill_none,
            para_pr_id_ref=para_pr,
            style_id_ref=0,
            char_pr_id_ref=char_pr,
            inherit_style=False,
        )
        centred = self.para("CENTER", spacing=100)
        caption_para, caption_char = self.para("CENTER", spacing=120), self.char(*STYLES["caption"][:3])
        for c, (photo, (data, fmt, size)) in enumerate(cells):
            picture_cell, label_cell = table.cell(0, c), table.cell(1, c)
            for r, cell in enumerate((picture_cell, label_cell)):
                cell.set_size(widths[c], heights[r])
                cell.element.set("borderFillIDRef", self.fill_none)
                _vertical_center(cell)
            p = picture_cell.paragraphs[0]
            p.para_pr_id_ref, p.style_id_ref, p.char_pr_id_ref = centred, 0, caption_char
            item = self.doc.media.add_image(data, fmt)
            place = br.placement(size)
            picture = p.add_picture(
                str(item), width=hu(place.width), height=hu(place.height), line_color=LINE
            )
            _image_units(picture.element, size, place.crop)
            self._cell_text(label_cell, photo.label, caption_para, caption_char)
        _fix_table_size(table, widths, heights)

    def page_numbers(self) -> None:
        """ "- n -" at the foot of every page: Hancom's own page numbering (쪽 번호 매기기, an
        hp:pageNum control in the first paragraph, drawn in the footer area at the bottom centre
        with a dash on each side), which a coordinator changes in 한글 with 쪽 → 쪽 번호 매기기.
        (python-hwpx's set_page_number writes an automatic number into the footer text and a
        second control beside it.)"""
        first = self.doc.paragraphs[0]
        run = first.element.makeelement(f"{HP}run", {"charPrIDRef": self.char(br.HEAD_FONT, 10)})
        ctrl = run.makeelement(f"{HP}ctrl", {})
        ctrl.append(
            ctrl.makeelement(f"{HP}pageNum", {"pos": "BOTTOM_CENTER", "formatType": "DIGIT", "sideChar": "-"})
        )
        run.append(ctrl)
        first.element.append(run)
        first.section.mark_dirty()


def _cell_margins(cell, x_mm: float, y_mm: float) -> None:
    margin = _child(cell.element, "cellMargin")
    margin.attrib.update(
        {"left": str(hu(x_mm)), "right": str(hu(x_mm)), "top": str(hu(y_mm)), "bottom": str(hu(y_mm))}
    )
    cell.element.set("hasMargin", "1")


def _vertical_center(cell) -> None:
    for child in cell.element:
        if child.tag.endswith("}subList"):
            child.set("vertAlign", "CENTER")


def _fix_table_size(table, widths: list[int], heights: list[int]) -> None:
    """python-hwpx keeps the size the table was made with; Hancom lays it out by hp:sz."""
    size = _child(table.element, "sz")
    size.set("width", str(sum(widths)))
    size.set("height", str(sum(heights)))
    table.mark_dirty()


def _image_units(pic, size: tuple[int, int], crop: tuple[float, float, float, float]) -> None:
    """Write the picture's image size (hp:imgDim) and crop box (hp:imgClip) in the image's own
    units, as Hancom reads them; `crop` cuts those fractions from the left, top, right, bottom."""
    w_px, h_px = size
    dim_w, dim_h = w_px * PX, h_px * PX
    left, top, right, bottom = crop
    _child(pic, "imgDim").attrib.update({"dimwidth": str(dim_w), "dimheight": str(dim_h)})
    _child(pic, "imgClip").attrib.update(
        {
            "left": str(round(dim_w * left)),
            "right": str(round(dim_w * (1 - right))),
            "top": str(round(dim_h * top)),
            "bottom": str(round(dim_h * (1 - bottom))),
        }
    )


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element, local: str):
    for child in element:
        if _local(child) == local:
            return child
    raise LookupError(local)


def render_hwpx(report: br.BoardReport, progress: Progress | None = None) -> bytes:
    """The HWPX file's bytes. `progress(done, total, text)` may raise (Cancel) to stop."""
    w = _Writer()
    br.draw_blocks(report, w, progress, "한글 문서")
    w.page_numbers()
    data = w.doc.to_bytes()
    if progress is not None:
        progress(1, 1, "한글 문서를 만들었습니다")
    return data


def hwpx_report_bytes(
    data: ReportData, attachments: Iterable[str] = (), progress: Progress | None = None
) -> bytes:
    """The board report of `data` as HWPX bytes; `attachments` are the 붙임 lines."""
    return render_hwpx(br.build_board_report(data, tuple(attachments)), progress)
