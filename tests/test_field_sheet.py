"""현장 점검표: the data that goes in, and the PDF read back (text, fonts, pages)."""

import io

from pypdf import PdfReader
from schedule_world import D, build_world

from panelapp.domain.enums import ChecklistItemKind
from panelapp.reports.field_sheet import render_field_sheet
from panelapp.services.checklists.templates import get_template_version
from panelapp.services.inspections.field_sheet import field_sheet_data
from panelapp.services.inspections.scheduling import create_inspection


def _fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"]  # embedded
            names.add(str(font["/BaseFont"]))
    return names


def test_field_sheet_data(ctx):
    w = build_world(ctx)
    info = create_inspection(ctx, w.draft(notes="정문 경비실에서 출입증 수령"))
    data = field_sheet_data(ctx, info.id)
    assert (data.organization_name, data.facility_name, data.facility_type) == (
        "한빛시설관리공단",
        "한빛국민체육센터",
        "체육시설",
    )
    assert (
        data.department == "체육사업부 (042-610-1210)" and data.facility_address == "한빛시 중구 체육관로 40"
    )
    assert (data.scheduled_date, data.time_text, data.lead_name) == (D(2026, 5, 12), "10:00–12:00", "김민준")
    assert data.member_names == ("김영희", "이철수") and data.team_name == "정책동행단"
    template = get_template_version(ctx, info.template_version_id)
    assert [s.title for s in data.sections] == [s.title for s in template.sections]
    assert data.item_count == template.item_count and data.sections[0].items[0].number == "1-1"
    assert data.notes == "정문 경비실에서 출입증 수령"


def test_field_sheet_pdf_reads_back(sqlite_ctx):
    w = build_world(sqlite_ctx)
    info = create_inspection(sqlite_ctx, w.draft())
    data = field_sheet_data(sqlite_ctx, info.id)
    pdf, pages = render_field_sheet(data)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == pages and 2 <= pages <= 5
    text = "".join(p.extract_text() for p in reader.pages).replace(" ", "").replace("\n", "")
    for needle in (
        "현장점검표",
        "한빛국민체육센터",
        "한빛시중구체육관로40",
        "2026년5월12일10:00–12:00",
        "김민준",
        "김영희",
        "발견사항",
        "사진기록",
        "해당없음",
        "서명",
        f"쪽{pages}/{pages}",
    ):
        assert needle in text, needle
    for section in data.sections:
        assert section.title.replace(" ", "") in text
        for item in section.items:
            assert item.text.replace(" ", "")[:12] in text, item.text
    kinds = {i.kind for s in data.sections for i in s.items}
    assert kinds == set(ChecklistItemKind)  # boxes, scores and lines all appear on the sheet
    fonts = _fonts(pdf)
    assert fonts and all(f.split("+")[-1] in ("NanumGothic", "NanumGothicBold") for f in fonts)
    assert not any("Helvetica" in f for f in fonts)
