"""`panelapp report --sections`: keys or Korean names pick the chapters (좋아요·아쉬워요 included),
an unknown one is a Korean sentence naming the option and what may be chosen, exit 1."""

import io

import pytest
from conftest import with_admin_account
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


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages).replace(" ", "")


def test_sections_choose_the_chapters(db, tmp_path):
    every, some = tmp_path / "all.pdf", tmp_path / "some.pdf"
    assert main(["--db", str(db), "report", "--cohort", "7", "-o", str(every)]) == 0
    assert "시민의견:좋아요·아쉬워요" in _text(every) and "부록.활동및출석" in _text(every)
    args = [
        "--db",
        str(db),
        "report",
        "--cohort",
        "7",
        "--sections",
        "summary, 좋아요·아쉬워요",
        "-o",
        str(some),
    ]
    assert main(args) == 0
    text = _text(some)
    assert "시민의견:좋아요·아쉬워요" in text and "부록.활동및출석" not in text and "개선제안목록" not in text


def test_unknown_section_is_a_sentence(db, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    args = ["--db", str(db), "report", "--cohort", "7", "--sections", "summary,voices", "-o", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "--sections: 'voices'는 수록 내용이 아닙니다" in err and "feedback(좋아요·아쉬워요)" in err
    assert "Traceback" not in err and not out.exists()
    assert "feedback(좋아요·아쉬워요)" in _help(capsys)


def _help(capsys) -> str:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    return capsys.readouterr().out
