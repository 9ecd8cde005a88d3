"""The 결재란 of printed documents: a "결재" cell, then one column per title of the institution's
sign-off chain (담당 / 팀장 / 부장 / 이사장), each with an empty box below for the seal or
signature. The titles come from 기관 정보 (domain data); no titles, no box."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Image, Table, TableStyle

from panelapp.reports.base import ACCENT, FONT, FONT_BOLD, HEAD_BG, para, register_fonts

TITLE_SIZE = 9  # the "cell_head" style the titles are set in
BOX_MIN_WIDTH = 17 * mm
BOX_HEIGHT = 15 * mm
LABEL_WIDTH = 7 * mm
MAX_WIDTH = 120 * mm  # six boxes of 19 mm, beside the institution's name on an A4 cover


def _columns(titles: Sequence[str], max_width: float) -> list[float]:
    """A box per title, wide enough for its title; narrowed alike (the titles then wrap) when
    together they would pass `max_width`."""
    register_fonts()
    widths = [max(BOX_MIN_WIDTH, stringWidth(t, FONT_BOLD, TITLE_SIZE) + 4 * mm) for t in titles]
    room = max_width - LABEL_WIDTH
    if sum(widths) > room:
        widths = [w * room / sum(widths) for w in widths]
    return widths


def signoff_width(titles: Sequence[str], max_width: float = MAX_WIDTH) -> float:
    """The width the 결재란 of these titles takes (0 for none)."""
    return LABEL_WIDTH + sum(_columns(titles, max_width)) if titles else 0.0


def signoff_table(
    titles: Sequence[str], h_align: str = "RIGHT", max_width: float = MAX_WIDTH
) -> Table | None:
    """The 결재란 as a table, or None when the institution has no sign-off chain."""
    if not titles:
        return None
    rows = [[para("결재", "cell_head"), *[para(t, "cell_head") for t in titles]], ["", *["" for _ in titles]]]
    table = Table(
        rows,
        colWidths=[LABEL_WIDTH, *_columns(titles, max_width)],
        rowHeights=[None, BOX_HEIGHT],
        hAlign=h_align,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("SPAN", (0, 0), (0, 1)),
                ("GRID", (0, 0), (-1, -1), 0.7, ACCENT),
                ("BACKGROUND", (0, 0), (0, 1), HEAD_BG),
                ("BACKGROUND", (1, 0), (-1, 0), HEAD_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def logo_image(png: bytes | None, height: float, max_width: float) -> Image | None:
    """The institution's logo scaled to `height` (narrower when wide), or None when there is
    none or it cannot be read (a broken logo must not stop a document)."""
    if not png:
        return None
    from reportlab.lib.utils import ImageReader

    try:
        width_px, height_px = ImageReader(io.BytesIO(png)).getSize()
        if not width_px or not height_px:
            return None
        width = height * width_px / height_px
        if width > max_width:
            width, height = max_width, max_width * height_px / width_px
        image = Image(io.BytesIO(png), width=width, height=height)
        image.hAlign = "CENTER"
        return image
    except Exception:  # noqa: BLE001 - any decoding failure: leave the logo out
        return None
