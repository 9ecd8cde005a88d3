"""The cover: organization, cohort, title, period, date and who prepared it."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer, Table

from panelapp.domain.formatting import korean_date
from panelapp.domain.report_data import SECTIONS, ReportData
from panelapp.reports.base import ACCENT, RULE, para
from panelapp.reports.improvement.layout import TITLE, WIDTH, table_style


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
    return [
        NextPageTemplate("page"),
        Spacer(WIDTH, 10 * mm),
        para(data.organization, "ir_cover_org"),
        Spacer(WIDTH, 42 * mm),
        para(data.cohort_name, "ir_cover_cohort"),
        Spacer(WIDTH, 4 * mm),
        para(TITLE, "ir_cover_title"),
        Spacer(WIDTH, 6 * mm),
        para(data.period_text, "ir_cover_period"),
        Spacer(WIDTH, 38 * mm),
        table,
        Spacer(WIDTH, 28 * mm),
        para(data.organization, "ir_cover_issuer"),
        PageBreak(),
    ]
