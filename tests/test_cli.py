"""The `panelapp` command: version, demo, check, and Korean one-line errors without tracebacks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from panelapp import __version__
from panelapp.cli import main
from panelapp.db.engine import open_database
from panelapp.db.models import Cohort, Consent

ROOT = Path(__file__).resolve().parent.parent


def count_cohorts(path) -> int:
    db = open_database(str(path))
    try:
        with db.session_factory() as s:
            return s.scalar(select(func.count()).select_from(Cohort))
    finally:
        db.dispose()


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"panelapp {__version__}"


def test_demo_then_again_then_check(tmp_path, capsys):
    path = tmp_path / "panel.db"
    assert main(["--db", str(path), "demo"]) == 0
    out = capsys.readouterr().out
    assert "데모 데이터를 불러왔습니다" in out and "기수 3개" in out
    assert count_cohorts(path) == 3

    assert main(["--db", str(path), "demo"]) == 1
    captured = capsys.readouterr()
    assert "데모 데이터는 빈 데이터베이스에만" in captured.err and "Traceback" not in captured.err
    assert count_cohorts(path) == 3

    assert main(["--db", str(path), "check"]) == 0
    assert "이상 없음" in capsys.readouterr().out


def test_check_fails_with_exit_1_on_a_problem(tmp_path, capsys):
    path = tmp_path / "panel.db"
    main(["--db", str(path), "demo"])
    db = open_database(str(path))
    with db.engine.begin() as conn:
        conn.execute(delete(Consent).where(Consent.id == 1))
    db.dispose()
    capsys.readouterr()
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert "동의 기록이 없습니다" in err and "문제 1건" in err


def test_check_of_a_never_opened_database_asks_to_run_the_app(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "new.db"), "check"]) == 1
    assert "프로그램을 한 번 실행" in capsys.readouterr().err


@pytest.mark.parametrize("target", ["garbage-file", "nonsense://x", "://", "missing-folder"])
@pytest.mark.parametrize("command", ["demo", "check"])
def test_bad_database_target_is_one_korean_line(tmp_path, capsys, target, command):
    if target == "garbage-file":
        garbage = tmp_path / "garbage.db"
        garbage.write_bytes(b"this is not a database, just some text " * 50)
        target = str(garbage)
    elif target == "missing-folder":
        target = str(tmp_path / "nowhere" / "x.db")
    assert main(["--db", target, command]) == 1
    err = capsys.readouterr().err
    assert err.startswith("오류: ") and "Traceback" not in err
    assert "데이터베이스" in err


def test_panelapp_db_environment_variable(tmp_path, monkeypatch, capsys):
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("PANELAPP_DB", str(path))
    assert main(["demo"]) == 0
    assert count_cohorts(path) == 3
    capsys.readouterr()
    assert main(["check"]) == 0
    assert str(path) in capsys.readouterr().out


def test_real_command_in_a_subprocess(tmp_path):
    path = tmp_path / "sub.db"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PANELAPP_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "panelapp", "--db", str(path), "demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "데모 데이터를 불러왔습니다" in done.stdout
    again = subprocess.run(
        [sys.executable, "-m", "panelapp", "--db", str(path), "demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert "빈 데이터베이스" in again.stderr
    assert count_cohorts(path) == 3
