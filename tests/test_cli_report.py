"""`panelapp report`: the PDF (and .xlsx) from the command line; Korean one-line errors, exit 1."""

import io

import pytest
from conftest import with_admin_account
from openpyxl import load_workbook
from pypdf import PdfReader
from report_world import build_report_world

from panelapp.cli import main
from panelapp.services.system.bootstrap import open_app


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    build_report_world(ctx)
    ctx.db.dispose()
    with_admin_account(path)  # the command line logs in as the suite's 관리자
    return path


def test_report_writes_pdf_and_xlsx(db, tmp_path, capsys):
    pdf, xlsx = tmp_path / "보고서.pdf", tmp_path / "보고서.xlsx"
    assert (
        main(
            [
                "--db",
                str(db),
                "report",
                "--cohort",
                "7",
                "--from",
                "2026-06-01",
                "--to",
                "2026-06-30",
                "-o",
                str(pdf),
                "--xlsx",
                str(xlsx),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert (
        f"개선 보고서 {len(reader.pages)}쪽을 저장했습니다" in out
        and "시설 1곳, 발견사항 2건, 개선제안 2건" in out
    )
    assert "2026.6.1.~2026.6.30." in reader.pages[0].extract_text().replace(" ", "")
    assert "개선제안" in load_workbook(xlsx).sheetnames


def _image_count(path) -> int:
    return sum(
        1
        for page in PdfReader(path).pages
        for ref in (page["/Resources"].get("/XObject") or {}).values()
        if ref.get_object()["/Subtype"] == "/Image"
    )


def test_no_photos_leaves_the_photos_out(db, tmp_path):
    with_photos, without = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["--db", str(db), "report", "--cohort", "7", "-o", str(with_photos)]) == 0
    assert main(["--db", str(db), "report", "--cohort", "7", "--no-photos", "-o", str(without)]) == 0
    assert _image_count(with_photos) == 3 and _image_count(without) == 0
    assert without.stat().st_size < with_photos.stat().st_size


@pytest.mark.parametrize(
    "args, words",
    [
        (["--cohort", "9"], "제9기가 없습니다"),
        (["--cohort", "7", "--from", "2026-13-01"], "--from: '2026-13-01'은 날짜가 아닙니다"),
        (
            ["--cohort", "7", "--from", "2026-07-01", "--to", "2026-06-01"],
            "시작일(--from)이 종료일(--to)보다 늦습니다",
        ),
    ],
)
def test_user_errors_are_one_korean_line(db, tmp_path, capsys, args, words):
    target = tmp_path / "x.pdf"
    assert main(["--db", str(db), "report", *args, "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and err.count("\n") == 1
    assert not target.exists()


def test_wrong_suffix_and_missing_folder(db, tmp_path, capsys):
    assert main(["--db", str(db), "report", "--cohort", "7", "-o", str(tmp_path / "x.txt")]) == 1
    assert ".pdf로 끝나야 합니다" in capsys.readouterr().err
    assert main(["--db", str(db), "report", "--cohort", "7", "-o", str(tmp_path / "없음" / "x.pdf")]) == 1
    assert "폴더" in capsys.readouterr().err
