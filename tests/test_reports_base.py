"""The shared report foundation: fonts, repeated table headers, "쪽 x / y", header/footer."""

import io

from pypdf import PdfReader
from reportlab import rl_config
from reportlab.lib.units import mm

from panelapp.reports.base import STYLES, build_pdf, data_table, para


def test_long_table_repeats_header_and_numbers_pages():
    rows = [["이름", "활동 시간"]] + [[f"참여단원 {i:03d}", f"{i}시간"] for i in range(120)]
    pdf, pages = build_pdf(
        [para("출석 현황", "heading"), data_table(rows, [80 * mm, 40 * mm])],
        title="출석 현황표",
        organization="한빛시설관리공단",
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert pages == len(reader.pages) >= 3
    for number, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert f"쪽 {number} / {pages}" in text
        assert "이름" in text and "활동 시간" in text  # header row repeated
        assert text.count("한빛시설관리공단") == 2  # header and footer
        assert "출석 현황표" in text
    assert "참여단원 119" in reader.pages[-1].extract_text()


def test_styles_wrap_korean_and_never_fall_back_to_helvetica():
    assert rl_config.canvas_basefontname == "NanumGothic"
    assert all(s.fontName.startswith("NanumGothic") for s in STYLES.values())
    assert STYLES["cell"].wordWrap == "CJK"
    pdf, _ = build_pdf([para("<b>&</b> 특수문자도 그대로")], title="t", organization=None)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "<b>&</b> 특수문자도 그대로" in text
    assert b"Helvetica" not in pdf


def test_importing_the_reports_registers_no_font():
    """No import-time side effects: fonts register when the first document is made."""
    import subprocess
    import sys

    code = (
        "import panelapp.reports.improvement_report, panelapp.reports.certificate, "
        "panelapp.reports.field_sheet\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from panelapp.reports.base import FONT, build_pdf, para\n"
        "assert FONT not in pdfmetrics.getRegisteredFontNames()\n"
        "build_pdf([para('가나다')], title='t', organization=None)\n"
        "assert FONT in pdfmetrics.getRegisteredFontNames()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
