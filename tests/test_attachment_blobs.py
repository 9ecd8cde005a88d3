"""Photos on a shared server (issue 13 item 1): a photo added on one desktop is in the database,
so another desktop (its own, empty data folder) shows it, has it in its board report and passes
`check`; an installation whose files are only on the desktop that added them is told by `check`
and fixed by `panelapp attachments upload`; SQLite keeps its files beside the database."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import text

from panelapp.cli.main import main
from panelapp.db.engine import open_database
from panelapp.paths import data_dir
from panelapp.services.attachments.store import FOLDER, attachment_path
from panelapp.services.system.check import run_checks
from tests.storage_conditions import needs_pg, throwaway_server_database


def _desktop(monkeypatch, home: Path) -> Path:
    """Be the desktop whose data folder is `home` (its attachments cache starts empty)."""
    home.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("PANELAPP_HOME", str(home))
    return home / FOLDER


def _shas(url: str, table: str) -> set[str]:
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            return set(conn.execute(text(f"SELECT DISTINCT sha256 FROM {table}")).scalars())
    finally:
        db.dispose()


@needs_pg
def test_a_photo_added_on_one_desktop_shows_on_every_other(tmp_path, monkeypatch, capsys):
    with throwaway_server_database() as url:
        _desktop(monkeypatch, tmp_path / "desk-a")
        assert main(["--db", url, "demo"]) == 0  # the demo's photos are added on desktop A
        assert _shas(url, "attachment_blobs") == _shas(url, "attachments") != set()
        report_a = tmp_path / "a.pdf"
        assert main(["--db", url, "report", "--cohort", "7", "-o", str(report_a)]) == 0
        cache_b = _desktop(monkeypatch, tmp_path / "desk-b")
        assert not cache_b.exists()
        db = open_database(url)
        try:
            assert run_checks(db) == []
            for sha in _shas(url, "attachments"):
                path = attachment_path(db, sha)
                assert path.parent.parent == cache_b and hashlib.sha256(path.read_bytes()).hexdigest() == sha
        finally:
            db.dispose()
        shutil.rmtree(cache_b)  # the report fetches what it needs by itself
        report_b = tmp_path / "b.pdf"
        assert main(["--db", url, "report", "--cohort", "7", "-o", str(report_b)]) == 0
        capsys.readouterr()
        assert len(PdfReader(report_b).pages) == len(PdfReader(report_a).pages)
        assert abs(report_b.stat().st_size - report_a.stat().st_size) < report_a.stat().st_size * 0.05


@needs_pg
def test_files_only_on_one_desktop_are_told_by_check_and_uploaded(tmp_path, monkeypatch, capsys):
    with throwaway_server_database() as url:
        _desktop(monkeypatch, tmp_path / "desk-a")
        assert main(["--db", url, "demo"]) == 0
        db = open_database(url)
        try:
            with db.engine.begin() as conn:  # as an installation from before the blobs table
                conn.execute(text("DELETE FROM attachment_blobs"))
            problems = run_checks(db)
            assert problems and all("서버 데이터베이스에 없어" in p or "이 밖에" in p for p in problems)
            assert "panelapp attachments upload" in problems[0]
            capsys.readouterr()
            _desktop(monkeypatch, tmp_path / "desk-b")  # a desktop without the files cannot upload them
            assert main(["--db", url, "attachments", "upload"]) == 0
            out, err = capsys.readouterr()
            assert "0개" in out and "올리지 못했습니다" in err
            _desktop(monkeypatch, tmp_path / "desk-a")
            assert main(["--db", url, "attachments", "upload"]) == 0
            count = len(_shas(url, "attachments"))
            assert f"첨부파일을 올렸습니다: {count}개" in capsys.readouterr().out
            assert _shas(url, "attachment_blobs") == _shas(url, "attachments")
            _desktop(monkeypatch, tmp_path / "desk-c")
            assert run_checks(db) == []
            assert main(["--db", url, "attachments", "upload"]) == 0  # again: nothing to do
            assert "올렸습니다: 0개" in capsys.readouterr().out
        finally:
            db.dispose()


def test_sqlite_keeps_its_files_beside_the_database(demo_db, capsys):
    assert (demo_db.parent / FOLDER).is_dir()
    assert _shas(str(demo_db), "attachment_blobs") == set()
    assert main(["--db", str(demo_db), "attachments", "upload"]) == 1
    assert "PostgreSQL 서버에만" in capsys.readouterr().err
    assert data_dir() != demo_db.parent
