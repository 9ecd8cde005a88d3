"""The cover: organization (with its 결재란), cohort, title, period, date and who prepared it,
and the issuing institution with its logo at the foot."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer, Table

from panelapp.domain.formatting import korean_date
from panelapp.domain.report_data import SECTIONS, ReportData
from panelapp.reports.base import ACCENT, FONT_BOLD, RULE, para
from panelapp.reports.improvement.layout import TITLE, WIDTH, table_style
from panelapp.reports.signoff import logo_image, signoff_table, signoff_width


def cover(data: ReportData) -> list:
    facilities = (
        "전체 시설"
        if data.facility_filter is None
        else ", ".join(data.facility_filter[:4])
        + (f" 외 {len(data.facility_filter) - 4}곳" if len(data.facility_filter) > 4 else "")
    )
    contents = " · ".join(label for key, label in SECTIONS.items() if key in data.sections) or "표지"
    facts = [
        ("보고 기간", data.period_text),
        ("대상 시설", facilities),
        ("작성일", korean_date(data.generated_on)),
        ("작성자", data.prepared_by or "–"),
        ("수록 내용", contents),
        ("개인정보", "이름 일부를 가려 표시했습니다" if data.masked else "가림 없이 표시 (열람 목적 기록됨)"),
    ]
    table = Table(
        [[para(k, "label"), para(v, "body")] for k, v in facts],
        colWidths=[32 * mm, 108 * mm],
        hAlign="CENTER",
    )
    table.setStyle(
        table_style(
            [
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("LINEBELOW", (0, -1), (-1, -1), 1.2, ACCENT),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    top, top_height = _top(data)
    return [
        NextPageTemplate("page"),
        Spacer(WIDTH, 10 * mm),
        top,
        Spacer(WIDTH, 42 * mm - top_height),
        para(data.cohort_name, "ir_cover_cohort"),
        Spacer(WIDTH, 4 * mm),
        para(TITLE, "ir_cover_title"),
        Spacer(WIDTH, 6 * mm),
        para(data.period_text, "ir_cover_period"),
        Spacer(WIDTH, 38 * mm),
        table,
        Spacer(WIDTH, 28 * mm - _LOGO_HEIGHT if data.logo_png else 28 * mm),
        _issuer(data),
        PageBreak(),
    ]


_LOGO_HEIGHT = 14 * mm


def _top(data: ReportData):
    """The institution's name, with its 결재란 on the right when it has a sign-off chain (above
    the name when the name would not fit beside it on one line); and how much taller than the
    name alone that is, taken from the space below so that the cover stays one page."""
    name = para(data.organization, "ir_cover_org")
    box = signoff_table(data.signoff)
    if box is None:
        return name, 0
    side = signoff_width(data.signoff)
    if stringWidth(data.organization, FONT_BOLD, 13) <= WIDTH - side - 4 * mm:
        top = Table([[name, box]], colWidths=[WIDTH - side, side])
    else:
        top = Table([[box], [Spacer(WIDTH, 3 * mm)], [name]], colWidths=[WIDTH])
    top.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    extra = top.wrap(WIDTH, A4[1])[1] - para(data.organization, "ir_cover_org").wrap(WIDTH, A4[1])[1]
    return top, min(extra, 36 * mm)


def _issuer(data: ReportData):
    """The issuing institution at the foot of the cover, its logo beside the name when set."""
    name = para(data.organization, "ir_cover_issuer")
    logo = logo_image(data.logo_png, _LOGO_HEIGHT, 40 * mm)
    if logo is None:
        return name
    width = min(WIDTH - logo.drawWidth - 4 * mm, stringWidth(data.organization, FONT_BOLD, 18) + 6 * mm)
    row = Table([[logo, name]], colWidths=[logo.drawWidth + 4 * mm, width], hAlign="CENTER")
    row.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return row
