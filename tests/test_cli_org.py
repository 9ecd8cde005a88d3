"""`panelapp org show|set`: register, change only what was given, refuse with sentences, exit 1."""

import io

import pytest
from conftest import with_admin_account
from PIL import Image

from panelapp.cli import main
from panelapp.services.org.manage import get_organization
from panelapp.services.system.bootstrap import open_app


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "panel.db")
    with_admin_account(path)  # the command line logs in as the suite's 관리자
    return path


def run(db, *args) -> int:
    return main(["--db", db, "org", *args])


def stored(db):
    ctx = open_app(db)
    try:
        return get_organization(ctx)
    finally:
        ctx.db.dispose()


def test_show_before_anything_is_registered_says_how(db, capsys):
    assert run(db, "show") == 1
    err = capsys.readouterr().err
    assert "기관 정보가 아직 등록되지 않았습니다" in err and "panelapp org set --name" in err


def test_set_registers_and_show_prints_it(db, capsys, tmp_path):
    logo = tmp_path / "로고.jpg"
    Image.new("RGB", (400, 200), (20, 60, 120)).save(logo, "JPEG")
    code = run(
        db,
        "set",
        "--name",
        "한빛시설관리공단",
        "--address",
        "한빛시 중구 공단로 25",
        "--phone",
        "0426101000",
        "--logo",
        str(logo),
        "--signoff",
        "담당,팀장,부장,이사장",
    )
    out = capsys.readouterr().out
    assert code == 0 and "기관 정보를 등록했습니다" in out
    assert run(db, "show") == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "기관명: 한빛시설관리공단",
        "주소: 한빛시 중구 공단로 25",
        "대표 전화: 042-610-1000",
        out[3],
        "결재란: 담당 / 팀장 / 부장 / 이사장",
        "자동 잠금 기관 최대: 15분 (기본값)",
    ]
    assert out[3].startswith("로고: 있음 (400×200 픽셀 PNG")
    assert Image.open(io.BytesIO(stored(db).logo_png)).format == "PNG"


def test_set_changes_only_what_it_is_given(db, capsys, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (64, 64), (0, 0, 0)).save(logo)
    assert (
        run(
            db,
            "set",
            "--name",
            "한빛공단",
            "--phone",
            "02-123-4567",
            "--signoff",
            "담당,팀장",
            "--logo",
            str(logo),
        )
        == 0
    )
    assert run(db, "set", "--address", "한빛로 1") == 0
    info = stored(db)
    assert (info.name, info.address, info.phone, info.signoff) == (
        "한빛공단",
        "한빛로 1",
        "02-123-4567",
        ("담당", "팀장"),
    )
    assert info.logo_png is not None
    assert run(db, "set", "--signoff", "", "--no-logo", "--phone", "") == 0
    info = stored(db)
    assert (info.signoff, info.logo_png, info.phone, info.address) == ((), None, None, "한빛로 1")
    capsys.readouterr()


def test_first_set_needs_a_name(db, capsys):
    assert run(db, "set", "--address", "한빛로 1") == 1
    assert "기관명" in capsys.readouterr().err and stored(db) is None
    assert run(db, "set") == 1
    assert "바꿀 항목이 없습니다" in capsys.readouterr().err


def test_every_wrong_field_is_a_sentence_and_nothing_is_saved(db, capsys):
    assert run(db, "set", "--name", " ", "--phone", "12", "--signoff", "1,2,3,4,5,6,7") == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "오류: 기관명: 기관명을 입력해 주세요.",
        "오류: 대표 전화: '12'는 올바른 전화번호가 아닙니다. 예: 02-123-4567",
        "오류: 결재란: 결재란은 6칸까지입니다(입력 7칸). 예: 담당, 팀장, 부장, 이사장",
    ]
    assert stored(db) is None


def test_a_bad_logo_is_named_and_refused(db, capsys, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_text("그림이 아님", encoding="utf-8")
    assert run(db, "set", "--name", "한빛공단", "--logo", str(fake)) == 1
    err = capsys.readouterr().err
    assert "로고: 'logo.png'는 PNG 또는 JPEG 그림이 아닙니다" in err and "Traceback" not in err
    assert run(db, "set", "--name", "한빛공단", "--logo", str(tmp_path / "없는파일.png")) == 1
    assert "찾을 수 없습니다" in capsys.readouterr().err
    assert stored(db) is None
