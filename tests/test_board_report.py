"""The board report as 한글 (.hwpx) and Word (.docx), read back by other programs than the ones that
wrote it: python-hwpx's schema validator and package checker, the independent hwp-hwpx-parser
(every text, table row and image byte), pypdf for the PDF's summary figures, python-docx, and
LibreOffice (DOCX → PDF: pages and text) where it is installed. Masking as in every output.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import open_demo_copy
from pypdf import PdfReader
from sqlalchemy import select, update

from panelapp.cli import main
from panelapp.db.models import Enrollment, Member, Proposal
from panelapp.domain.enums import ProposalStatus
from panelapp.domain.report_data import Photo, ReportOptions
from panelapp.domain.validation import format_phone, mask_name
from panelapp.paths import resource
from panelapp.reports import board_report as br
from panelapp.reports.improvement.summary import kpis
from panelapp.services.context import reading, transaction
from panelapp.services.reporting.files import write_report
from panelapp.services.reporting.photos import with_print_copies
from panelapp.services.reporting.query import build_report_data

REPORT_DATE = dt.date(2026, 11, 20)
HWPUNIT_PER_MM = 7200 / 25.4


class Stop(Exception):
    pass


def _options(ctx, **kw) -> ReportOptions:
    cohort_id = _cohort7(ctx)
    return ReportOptions(cohort_id, report_date=REPORT_DATE, **kw)


def _cohort7(ctx) -> int:
    from panelapp.services.inspections.queries import cohort_by_number

    return cohort_by_number(ctx, 7)[0]


def _give_proposer(ctx) -> str:
    """The first highlighted proposal gets a proposer, so that a name would show if unmasked."""
    data = with_print_copies(ctx.db, build_report_data(ctx, _options(ctx)))
    top = br.highlights(data)[0]
    with transaction(ctx) as s:
        enrollment_id, name = s.execute(
            select(Enrollment.id, Member.name)
            .join(Member, Member.id == Enrollment.member_id)
            .where(Enrollment.cohort_id == _cohort7(ctx))
            .order_by(Enrollment.id)
        ).first()
        s.execute(update(Proposal).where(Proposal.id == top.id).values(proposer_enrollment_id=enrollment_id))
    return name


@pytest.fixture(scope="module")
def made(demo_db_file, tmp_path_factory):
    """The demo's report written once with every output, masked; and the same data."""
    folder = tmp_path_factory.mktemp("board")
    ctx = open_demo_copy(demo_db_file, folder / "db")
    proposer = _give_proposer(ctx)
    out = folder / "out"
    out.mkdir()
    files = {kind: out / f"보고.{kind}" for kind in ("pdf", "xlsx", "hwpx", "docx")}
    result = write_report(
        ctx, _options(ctx), files["pdf"], files["xlsx"], hwpx_path=files["hwpx"], docx_path=files["docx"]
    )
    data = with_print_copies(ctx.db, build_report_data(ctx, _options(ctx)))
    report = br.build_board_report(data, br.attachment_names(True, True))
    with reading(ctx) as s:
        people = s.execute(select(Member.name, Member.phone)).all()
    yield SimpleNamespace(
        ctx=ctx, files=files, result=result, data=data, report=report, proposer=proposer, people=people
    )
    ctx.db.dispose()


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _hwpx_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def _docx_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


# ----- HWPX -----------------------------------------------------------------------------------
def test_hwpx_passes_the_schema_validator_and_the_package_checker(made):
    from hwpx.tools.package_validator import validate_editor_open_safety, validate_package
    from hwpx.tools.validator import validate_document

    path = made.files["hwpx"]
    document = validate_document(path)
    assert document.ok, document.issues
    package = validate_package(path)
    assert package.ok, package.errors
    safety = validate_editor_open_safety(path)
    assert not safety.blocking_package_errors and safety.reopen_ok


def test_an_independent_parser_reads_back_every_text_table_row_and_image(made):
    from hwp_hwpx_parser import Reader

    report = made.report
    with Reader(made.files["hwpx"]) as r:
        text = _norm(r.text)
        tables = [t.rows for t in r.tables]
        images = [img.data for img in r.get_images()]
    for line in report.texts():
        assert _norm(line) in text, line
    # the figures tables, row for row and cell for cell, in order (between them the 결재란, the
    # photo rows and 붙임, which are tables too)
    expected = [[list(row) for row in t.rows] for t in report.tables()]
    figures = [t for t in tables if t and t[0][0] in ("구분", "담당부서")]
    assert figures == expected
    assert ["결재", *made.data.signoff] == tables[0][0]
    assert tables[-1] == [
        ["붙임", "1. 시민참여단 활동 개선 보고서(PDF) 1부."],
        ["", "2. 개선 보고서 자료(엑셀) 1부.  끝."],
    ]
    # every photo byte for byte: the print copies the PDF draws
    photos = report.photos()
    assert len(photos) >= 3 and sorted(images) == sorted(Path(p.path).read_bytes() for p in photos)
    assert all("_print" in Path(p.path).name for p in photos)


def test_the_figures_are_the_pdf_summary_figures(made):
    from hwp_hwpx_parser import Reader

    pdf = [_norm(p.extract_text()) for p in PdfReader(made.files["pdf"]).pages]
    summary_page = next(p for p in pdf if "답변소요중앙값(근무일)" in p and "완료된점검" in p)
    with Reader(made.files["hwpx"]) as r:
        kpi_table = next(t.rows for t in r.tables if t.rows[0] == ["구분", "실적", "비고"])
        severity = next(t.rows for t in r.tables if "긴급(안전)" in t.rows[0])
        status = next(t.rows for t in r.tables if "부분채택" in t.rows[0])
    s = made.data.summary
    for (value, label), row in zip(kpis(s), kpi_table[1:]):
        assert _norm(value) in summary_page and _norm(label) in summary_page
        assert row[:2] == [label, value]
    assert dict(zip(severity[0][1:], severity[1][1:])) == {
        **{t.label: f"{t.count:,}" for t in s.findings_by_severity},
        "계": f"{s.findings:,}",
    }
    assert dict(zip(status[0][1:], status[1][1:])) == {
        **{t.label: f"{t.count:,}" for t in s.proposals_by_status},
        "계": f"{s.proposals:,}",
    }
    # the per-department table adds up to the summary
    departments = br.department_rows(made.data)
    assert sum(r.proposals for r in departments) == s.proposals
    assert sum(r.overdue for r in departments) == s.overdue
    assert sum(r.answered for r in departments) == s.answered


def test_both_documents_carry_the_pdfs_department_answer_table(made):
    """부서별 답변 처리 (issue 14): the PDF's table, header and rows, in the HWPX and the DOCX."""
    from docx import Document
    from hwp_hwpx_parser import Reader

    from panelapp.domain.report_data import SLA_HEADERS
    from panelapp.reports.improvement.sla import TITLE

    departments = made.data.departments
    assert departments and departments[-1].total
    expected = [list(SLA_HEADERS), *(list(r.cells()) for r in departments)]
    with Reader(made.files["hwpx"]) as r:
        assert expected in [t.rows for t in r.tables]
    doc = Document(str(made.files["docx"]))
    assert expected in [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    pdf = _norm("".join(p.extract_text() for p in PdfReader(made.files["pdf"]).pages))
    assert _norm(TITLE) in pdf and all(_norm(c) in pdf for c in departments[0].cells())
    assert "답변일소요(근무일)" in pdf  # the PDF's list of proposals counts working days too
    assert "부서별답변처리(근무일기준)" in _norm("".join(made.report.texts()))


def test_hwpx_avoids_the_measured_python_hwpx_pitfalls(made):
    from hwpx import HwpxDocument
    from PIL import Image

    xml = _hwpx_xml(made.files["hwpx"])
    section = xml[xml.index("<hs:sec") :]
    # 1. no paragraph takes a heading (개요) style: every one is style 0 with its own shapes
    assert set(re.findall(r'<hp:p [^>]*styleIDRef="(\d+)"', section)) == {"0"}
    used = set(re.findall(r'<hp:p [^>]*paraPrIDRef="(\d+)"', section))
    shapes = dict(re.findall(r'<hh:paraPr\b[^>]*?\sid="(\d+)"[^>]*>(.*?)</hh:paraPr>', xml, flags=re.S))
    assert used <= set(shapes)
    assert all('<hh:heading type="NONE"' in shapes[i] for i in used)
    # 2. each table's size is the sum of its cells' (first row's widths, first column's heights)
    for tbl in re.findall(r"<hp:tbl .*?</hp:tbl>", section, flags=re.S):
        if "<hp:tbl " in tbl[8:]:
            continue  # (no nested tables are written)
        width, height = map(int, re.search(r'<hp:sz width="(\d+)"[^>]*height="(\d+)"', tbl).groups())
        rows = re.findall(r"<hp:tr>(.*?)</hp:tr>", tbl, flags=re.S)
        first = [int(w) for w in re.findall(r'<hp:cellSz width="(\d+)"', rows[0])]
        heights = [  # of a cell that spans one row only (the 결재 label spans both)
            int(re.search(r'rowSpan="1"/><hp:cellSz width="\d+" height="(\d+)"', r).group(1)) for r in rows
        ]
        assert width == sum(first) and height == sum(heights)
    # 3. each picture's image size and crop box are in the image's own units (75 a pixel)
    doc = HwpxDocument.open(made.files["hwpx"])
    pics = re.findall(r"<hp:pic .*?</hp:pic>", section, flags=re.S)
    photos = made.report.photos()
    assert len(pics) == len(photos)
    for pic, photo in zip(pics, photos):
        w, h = Image.open(photo.path).size
        dim = tuple(map(int, re.search(r'dimwidth="(\d+)" dimheight="(\d+)"', pic).groups()))
        assert dim == (w * 75, h * 75)
        left, right, top, bottom = map(
            int, re.search(r'<hp:imgClip left="(\d+)" right="(\d+)" top="(\d+)" bottom="(\d+)"', pic).groups()
        )
        assert 0 <= left < right <= dim[0] and 0 <= top < bottom <= dim[1]
        kept = (right - left) / (bottom - top)
        drawn_w, drawn_h = map(int, re.search(r'<hp:sz width="(\d+)"[^>]*height="(\d+)"', pic).groups())
        assert kept == pytest.approx(drawn_w / drawn_h, rel=0.01)  # no distortion
        assert (
            drawn_w <= round(br.PHOTO_W * HWPUNIT_PER_MM) + 1
            and drawn_h <= round(br.PHOTO_H * HWPUNIT_PER_MM) + 1
        )
    # A4, the official margins, the fonts by name, the page number
    size = doc.page.size()
    assert (size.width, size.height) == (59528, 84186)
    margins = doc.page.margins()
    assert margins.left == round(br.MARGIN_LEFT * HWPUNIT_PER_MM) and margins.top == round(
        br.MARGIN_TOP * HWPUNIT_PER_MM
    )
    used_chars = set(re.findall(r'<hp:run charPrIDRef="(\d+)"', section))
    assert {doc.styles.font_face(c) for c in used_chars} == {"함초롬바탕", "함초롬돋움"}
    assert '<hp:pageNum pos="BOTTOM_CENTER" formatType="DIGIT" sideChar="-"/>' in section
    doc.close()


def test_markers_follow_the_official_order():
    assert [br.marker(level, 1) for level in range(1, 6)] == ["1.", "가.", "1)", "가)", "(1)"]
    assert [br.marker(2, n) for n in (2, 3, 14)] == ["나.", "다.", "하."]


def test_outline_sections_markers_and_closing(made):
    items = [b for b in made.report.blocks if isinstance(b, br.Text) and b.style == "item"]
    chapters = [b.full for b in items if b.level == 1]
    assert chapters == ["1. 개요", "2. 활동 실적", "3. 주요 개선 성과", "4. 부서별 처리 현황", "5. 향후 계획"]
    # within a chapter the second level counts 가. 나. 다. afresh; below it 1) 2) and 가)
    seconds = [b.marker for b in items if b.level == 2]
    assert seconds[:5] == ["가.", "나.", "다.", "라.", "마."] and seconds[5:8] == ["가.", "나.", "다."]
    assert {b.marker for b in items if b.level == 3} >= {"1)", "2)", "3)"}
    assert "가)" in {b.marker for b in items if b.level == 4}
    labels = [p.label for p in made.report.photos()]
    assert any(x.startswith("개선 전") for x in labels) and any(x.startswith("개선 후") for x in labels)
    assert isinstance(made.report.blocks[-1], br.Attachments) and made.report.blocks[-1].lines[-1].endswith(
        "  끝."
    )
    bare = br.build_board_report(made.data, ())
    assert isinstance(bare.blocks[-1], br.Text) and bare.blocks[-1].text == "끝."


def _proposal(**kw):
    return SimpleNamespace(
        **{"title": "매트", "result_text": None, "before_photos": (), "after_photos": (), **kw}
    )


def test_evidence_takes_a_before_and_an_after_photo_where_the_data_has_them():
    finding = SimpleNamespace(
        title="바닥 물기", photos=(Photo("/a.jpg", "전", 4, 3), Photo("/b.jpg", None, 4, 3))
    )
    labels = [c.label for c in br.evidence(_proposal(), [finding])]
    assert labels == ["개선 전 1 · 전", "개선 전 2 · 바닥 물기"]
    done = _proposal(
        result_text="매트 설치",
        before_photos=(Photo("/p.jpg", None, 4, 3),),
        after_photos=(Photo("/c.jpg", "개선 후", 4, 3), Photo("/d.jpg", "입구", 4, 3)),
    )
    cells = br.evidence(done, [finding])  # the proposal's own before photo, the first after photo
    assert [(c.path, c.label) for c in cells] == [
        ("/p.jpg", "개선 전 · 매트"),
        ("/c.jpg", "개선 후 · 매트 설치"),
    ]


def test_placement_crops_a_landscape_photo_to_fill_and_fits_an_upright_one():
    fill = br.placement((547, 410))
    assert (fill.width, fill.height) == (br.PHOTO_W, br.PHOTO_H) and fill.crop[0] == fill.crop[2] > 0
    whole = br.placement((307, 410))
    assert whole.height == br.PHOTO_H and whole.width < br.PHOTO_W and not any(whole.crop)


# ----- masking -----------------------------------------------------------------------------------
def _phones(e164: str) -> list[str]:
    national = format_phone(e164)
    return [e164, national, national.replace("-", "")]


def test_no_unmasked_name_or_phone_in_either_document(made):
    texts = {"hwpx": _hwpx_xml(made.files["hwpx"]), "docx": _docx_xml(made.files["docx"])}
    for kind, xml in texts.items():
        assert mask_name(made.proposer) in xml, kind  # the masked proposer is there
        for name, phone in made.people:
            if len(name) >= 2:
                assert name not in xml, (kind, name)
            for form in _phones(phone):
                assert form not in xml, (kind, form)


def test_unmasked_with_a_purpose_shows_the_name_and_is_logged(made, tmp_path):
    from panelapp.db.models import AccessLog

    options = _options(made.ctx, mask_personal=False, purpose="운영위원회 보고")
    hwpx, docx = tmp_path / "a.hwpx", tmp_path / "a.docx"
    result = write_report(made.ctx, options, None, hwpx_path=hwpx, docx_path=docx)
    assert result.pdf_path is None and not result.masked and result.hwpx_path == str(hwpx)
    assert made.proposer in _hwpx_xml(hwpx) and made.proposer in _docx_xml(docx)
    with reading(made.ctx) as s:
        detail = s.scalars(select(AccessLog.detail).order_by(AccessLog.id.desc())).first()
    assert "a.hwpx" in detail and "a.docx" in detail


def test_cancel_while_drawing_the_hwpx_leaves_no_file(made, tmp_path):
    class Token:
        def progress(self, done, total, text=""):
            if "한글" in text:
                raise Stop()

        def check(self):
            pass

    with pytest.raises(Stop):
        write_report(
            made.ctx, _options(made.ctx), tmp_path / "a.pdf", token=Token(), hwpx_path=tmp_path / "a.hwpx"
        )
    assert list(tmp_path.iterdir()) == []


# ----- DOCX --------------------------------------------------------------------------------------
def test_docx_reads_back_the_same_text_on_a4(made):
    from docx import Document
    from docx.shared import Mm

    doc = Document(made.files["docx"])
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert abs(section.left_margin - Mm(br.MARGIN_LEFT)) < Mm(0.5)
    text = _norm(
        "".join(p.text for p in doc.paragraphs)
        + "".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    )
    for line in made.report.texts():
        assert _norm(line) in text, line
    styles = {p.style.name for p in doc.paragraphs}
    assert {"보고 제목", "개조식 1", "개조식 2", "개조식 3"} <= styles
    xml = _docx_xml(made.files["docx"])
    assert 'w:eastAsia="함초롬바탕"' in xml and 'w:eastAsia="함초롬돋움"' in xml
    assert "PAGE" in "".join(
        n.text or "" for n in section.footer._element.iter() if n.tag.endswith("instrText")
    )
    # the photos byte for byte
    with zipfile.ZipFile(made.files["docx"]) as z:
        media = sorted(z.read(n) for n in z.namelist() if n.startswith("word/media/"))
    assert media == sorted(Path(p.path).read_bytes() for p in made.report.photos())


def _fontconfig(folder: Path) -> dict[str, str]:
    """A fontconfig that has the bundled NanumGothic and takes it for 함초롬바탕/돋움."""
    fonts = resource("fonts")
    conf = folder / "fonts.conf"
    aliases = "".join(
        f"<alias><family>{face}</family><prefer><family>NanumGothic</family></prefer></alias>"
        for face in (br.BODY_FONT, br.HEAD_FONT)
    )
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir>'
        f"<cachedir>{folder / 'cache'}</cachedir>{aliases}</fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(folder)}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.timeout(300)
def test_libreoffice_converts_the_docx_to_two_to_four_pages(made, tmp_path):
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(made.files["docx"])],
        env=_fontconfig(tmp_path),
        check=True,
        capture_output=True,
        timeout=240,
    )
    reader = PdfReader(tmp_path / "보고.pdf")
    assert 2 <= len(reader.pages) <= 4
    text = _norm("".join(p.extract_text() for p in reader.pages))
    for words in (made.report.title, "1.개요", "5.향후계획", "끝.", "-1-"):
        assert _norm(words) in text, words
    first = _norm(reader.pages[0].extract_text())
    assert "결재" in first and all(t in first for t in made.data.signoff)


# ----- CLI ---------------------------------------------------------------------------------------
def test_cli_writes_the_hwpx_instead_of_the_pdf(demo_db, tmp_path, capsys):
    hwpx = tmp_path / "보고.hwpx"
    assert main(["--db", str(demo_db), "report", "--cohort", "7", "--no-photos", "--hwpx", str(hwpx)]) == 0
    out = capsys.readouterr().out
    assert f"보고 문서를 저장했습니다: {hwpx}" in out and "쪽을 저장했습니다" not in out
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["보고.hwpx"]
    xml = _hwpx_xml(hwpx)
    assert "<hp:pic " not in xml and "끝." in xml  # no photos asked; no 붙임 when no PDF was made
    assert "붙임" not in xml


def test_cli_refuses_a_report_without_any_file(demo_db, capsys):
    assert main(["--db", str(demo_db), "report", "--cohort", "7"]) == 1
    assert "가운데 하나 이상을 주세요" in capsys.readouterr().err


def test_status_sets_are_the_documented_ones():
    assert set(br.STATUSES_ACHIEVED) == {
        ProposalStatus.DONE,
        ProposalStatus.ACCEPTED,
        ProposalStatus.PARTIAL,
        ProposalStatus.IN_PROGRESS,
    }
