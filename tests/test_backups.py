"""Backups: verified copies under a temporary name, the 7/4/12 retention, the automatic ones, the
newest good one; restore checks first and keeps the current database aside; CLI backup/restore."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from panelapp.cli.main import main
from panelapp.db import integrity
from panelapp.db.copies import remove_stale_temporaries
from panelapp.db.engine import open_database
from panelapp.domain.errors import DomainError
from panelapp.domain.failures import DatabaseUnusable, Unusable
from panelapp.services.system import backups
from panelapp.services.system.backups import BackupInfo, list_backups, make_backup, to_keep
from panelapp.services.system.bootstrap import open_app
from panelapp.services.system.check import run_checks
from panelapp.services.system.restore import restore
from panelapp.settings import Settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    s = Settings(tmp_path / "settings.json")
    s.set("backup_dir", str(tmp_path / "backups"))
    return s


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# ----- retention ----------------------------------------------------------------------------
def test_retention_keeps_7_daily_4_weekly_12_monthly_and_the_rest_by_kind():
    start = dt.datetime(2025, 1, 1, 18, 0)
    infos = []
    for day in range(400):  # a close backup every evening and a daily one every morning for 400 days
        for kind, hour in (("daily", 9), ("close", 18)):
            made = start + dt.timedelta(days=day, hours=hour - 18)
            infos.append(BackupInfo(Path(f"p-{made:%Y%m%d-%H%M%S}-{kind}.db"), made, kind, 10))
    manual = BackupInfo(Path("p-20250105-120000-manual.db"), dt.datetime(2025, 1, 5, 12), "manual", 10)
    upgrades = [
        BackupInfo(
            Path(f"p-2025010{i}-080000-before-000{i}.db"), dt.datetime(2025, 1, i, 8), f"before-000{i}", 10
        )
        for i in range(1, 6)
    ]
    keep = to_keep([*infos, manual, *upgrades])
    auto_kept = [i for i in infos if i.path in keep]
    newest = max(infos, key=lambda i: i.made_at)
    assert newest.path in keep
    days = {i.made_at.date() for i in auto_kept}
    assert len(auto_kept) <= 7 + 4 + 12 and len(days) == len(auto_kept)  # one a day at most
    last7 = sorted({i.made_at.date() for i in infos})[-7:]
    assert all(any(i.made_at.date() == d for i in auto_kept) for d in last7)
    months = {(i.made_at.year, i.made_at.month) for i in auto_kept}
    assert len(months) == 12  # the twelve newest months each keep one
    assert manual.path in keep  # never removed
    assert {u.path for u in upgrades if u.path in keep} == {u.path for u in upgrades[-3:]}


# ----- making one ---------------------------------------------------------------------------
def test_backup_is_verified_and_named_by_its_kind(demo_db, settings):
    db = open_database(str(demo_db))
    info = make_backup(db, settings, kind="manual", now=dt.datetime(2026, 12, 1, 10, 30))
    db.dispose()
    assert info.path.name == "demo-20261201-103000-manual.db" and info.size > 0
    assert integrity.integrity_problems(info.path) == []
    assert _rows(info.path, "PRAGMA journal_mode") == [("delete",)]  # one file, nothing beside it
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]
    assert [b.path for b in list_backups(open_database(str(demo_db)), settings)] == [info.path]


def test_a_copy_failing_its_check_leaves_nothing(demo_db, settings, monkeypatch):
    from panelapp.db import copies

    monkeypatch.setattr(copies, "integrity_problems", lambda *_a, **_k: ["*** in database main ***"])
    db = open_database(str(demo_db))
    with pytest.raises(DomainError) as caught:
        make_backup(db, settings)
    db.dispose()
    assert "무결성 점검을 통과하지 못해" in caught.value.message
    assert list((Path(settings.get("backup_dir"))).iterdir()) == []  # no file, no temporary


def test_empty_and_temporary_files_never_count_and_are_cleaned(demo_db, settings):
    folder = Path(settings.get("backup_dir"))
    folder.mkdir()
    empty = folder / "demo-20261130-180000-close.db"  # an interrupted backup of an older version
    empty.write_bytes(b"")
    stale = folder / ".demo-20261130-190000-close.db.999999.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    db = open_database(str(demo_db))
    assert list_backups(db, settings) == []
    assert backups.backup_due(db, settings, "daily")
    made = make_backup(db, settings, kind="daily")
    assert not empty.exists() and not stale.exists()
    assert [b.path for b in list_backups(db, settings)] == [made.path]
    db.dispose()


def test_stale_temporaries_of_live_work_are_left(tmp_path):
    fresh = tmp_path / ".x.db.12345.tmp"
    fresh.write_bytes(b"writing")
    assert remove_stale_temporaries(tmp_path) == 0 and fresh.exists()


def test_automatic_backups_daily_and_on_close(demo_db, settings):
    db = open_database(str(demo_db))
    morning = dt.datetime(2026, 12, 1, 9, 0)
    first = backups.auto_backup(db, settings, "daily", now=morning)
    assert first is not None and first.kind == "daily"
    assert backups.auto_backup(db, settings, "daily", now=morning + dt.timedelta(hours=3)) is None
    assert backups.auto_backup(db, settings, "close", now=morning) is None  # nothing changed since
    later = first.path.stat().st_mtime + 5
    os.utime(demo_db, (later, later))  # the database was written after the backup
    closing = backups.auto_backup(db, settings, "close", now=morning + dt.timedelta(hours=8))
    assert closing is not None and closing.kind == "close"
    assert backups.auto_backup(db, settings, "daily", now=morning + dt.timedelta(days=1)) is not None
    db.dispose()


def test_a_big_database_gets_no_closing_backup_only_the_daily_one(demo_db, settings, monkeypatch):
    db = open_database(str(demo_db))
    monkeypatch.setattr(backups, "CLOSE_BACKUP_MAX_BYTES", 1024)
    assert not backups.backup_due(db, settings, "close")
    assert backups.backup_due(db, settings, "daily")
    db.dispose()


def test_backups_of_older_versions_beside_the_database_are_listed(demo_db, settings):
    legacy = demo_db.parent / "backups"
    legacy.mkdir()
    old = legacy / "demo-20261101-090000-before-0004.db"
    shutil.copyfile(demo_db, old)
    db = open_database(str(demo_db))
    assert [b.path for b in list_backups(db, settings)] == [old]
    assert list_backups(db, settings)[0].label == "형식 올리기 전(0004)"
    db.dispose()


# ----- the integrity gate offers the newest good one -----------------------------------------
def _damage(path: Path) -> None:
    """Overwrite a page in the middle of the file: SQLite's header stays, a b-tree is broken."""
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    count = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        for n in range(count // 3, count // 3 + 6):
            fh.seek(n * page)
            fh.write(b"\xa5" * page)


def test_damaged_database_is_never_written_and_the_newest_good_backup_is_offered(demo_db, settings, capsys):
    db = open_database(str(demo_db))
    good = make_backup(db, settings, now=dt.datetime(2026, 11, 30, 9, 0))
    db.dispose()
    _damage(demo_db)
    bad = make_backup(
        open_database(str(good.path)), settings, kind="manual", now=dt.datetime(2026, 12, 1, 9, 0)
    )
    _damage(bad.path)  # a newer backup that went bad since: not offered
    raw = demo_db.read_bytes()
    with pytest.raises(DatabaseUnusable) as caught:
        open_app(str(demo_db), settings)
    err = caught.value
    assert err.reason is Unusable.CORRUPT and err.backup == good.path
    assert "손상" in err.message and str(good.path) in err.message
    assert f'panelapp --db "{demo_db}" restore' in err.message and "database disk image" not in err.message
    wal = Path(f"{demo_db}-wal")  # a read-only reader may leave an empty one: no page written
    assert demo_db.read_bytes() == raw and (not wal.exists() or wal.stat().st_size == 0)
    problems = run_checks(open_database(str(demo_db)), settings)
    assert any("손상" in p for p in problems) and str(good.path) in problems[-1]
    assert demo_db.read_bytes() == raw


def test_a_file_of_zeros_is_refused_with_a_sentence(tmp_path, capsys):
    path = tmp_path / "zeros.db"
    path.write_bytes(bytes(64 * 1024))
    with pytest.raises(DatabaseUnusable) as caught:
        open_app(str(path), Settings(tmp_path / "s.json"))
    assert caught.value.reason is Unusable.CORRUPT and str(path) in caught.value.message
    assert path.read_bytes() == bytes(64 * 1024)
    assert main(["--db", str(path), "org", "show"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("오류: ") and "손상" in err and "Traceback" not in err and "sqlalche" not in err


def test_a_big_file_left_as_this_program_left_it_is_not_read_whole(demo_db, monkeypatch):
    monkeypatch.setattr(integrity, "FULL_CHECK_BYTES", 1024)
    assert integrity.inspect_file(demo_db).full_check  # unknown: read whole
    assert not integrity.inspect_file(demo_db).full_check  # as it was after that check
    os.utime(demo_db, None)
    assert integrity.inspect_file(demo_db).full_check  # touched by something else


# ----- restore ------------------------------------------------------------------------------
def test_restore_checks_first_and_keeps_the_current_database_aside(demo_db, settings):
    db = open_database(str(demo_db))
    info = make_backup(db, settings)
    conn = sqlite3.connect(str(demo_db))
    conn.execute("UPDATE cohorts SET name = '바뀐 이름'")
    conn.commit()
    conn.close()
    result = restore(db, info.path, now=dt.datetime(2026, 12, 2, 8, 0))
    assert result.kept_aside == demo_db.with_name("demo.db.20261202-080000.before-restore")
    assert "바뀐 이름" not in {r[0] for r in _rows(demo_db, "SELECT name FROM cohorts")}
    assert {r[0] for r in _rows(result.kept_aside, "SELECT name FROM cohorts")} == {"바뀐 이름"}
    assert run_checks(open_database(str(demo_db))) == []


def test_restore_over_a_file_sqlite_cannot_read(demo_db, settings):
    info = make_backup(open_database(str(demo_db)), settings)
    demo_db.write_bytes(bytes(8192))
    Path(f"{demo_db}-wal").write_bytes(b"stale")
    result = restore(open_database(str(demo_db)), info.path)
    assert result.kept_aside is not None and result.kept_aside.read_bytes() == bytes(8192)
    assert not Path(f"{demo_db}-wal").exists() or Path(f"{demo_db}-wal").stat().st_size == 0
    assert run_checks(open_database(str(demo_db))) == []


@pytest.mark.parametrize("what", ["damaged", "newer", "unstamped", "text", "missing"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(demo_db, tmp_path, settings, what):
    bad = tmp_path / "bad.db"
    if what != "missing":
        shutil.copyfile(make_backup(open_database(str(demo_db)), settings).path, bad)
    if what == "damaged":
        _damage(bad)
    elif what == "newer":
        conn = sqlite3.connect(str(bad))
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.commit()
        conn.close()
    elif what == "unstamped":
        conn = sqlite3.connect(str(bad))
        conn.execute("DELETE FROM alembic_version")
        conn.commit()
        conn.close()
    elif what == "text":
        bad.write_text("not a backup at all " * 100)
    before = demo_db.read_bytes()
    with pytest.raises(DomainError) as caught:
        restore(open_database(str(demo_db)), bad)
    assert str(bad) in caught.value.message
    expected = {
        "damaged": "손상",
        "newer": "더 새로운 버전",
        "unstamped": "형식 정보가 없어",
        "text": "백업 파일이 아닙니다",
        "missing": "없습니다",
    }[what]
    assert expected in caught.value.message
    assert demo_db.read_bytes() == before
    assert not list(demo_db.parent.glob("*.before-restore"))


def test_cli_backup_and_restore(demo_db, tmp_path, capsys):
    copy = tmp_path / "copy.db"
    assert main(["--db", str(demo_db), "backup", "-o", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "백업했습니다" in out and str(copy) in out and "점검 통과" in out
    assert main(["--db", str(demo_db), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "복원했습니다" in out and ".before-restore" in out
    assert main(["--db", str(demo_db), "backup", "-o", str(tmp_path)]) == 1  # a folder
    err = capsys.readouterr().err
    assert err.startswith("오류: ") and "폴더입니다" in err
    assert main(["--db", str(demo_db), "restore", str(tmp_path / "nothing.db")]) == 1
    assert "없습니다" in capsys.readouterr().err


KILLED_BACKUP = """
import os, signal, sys
from panelapp.db import copies
def die(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)  # the copy is written under its temporary name, not checked
copies.integrity_problems = die
from panelapp.cli.main import main
sys.exit(main(["--db", sys.argv[1], "backup"]))
"""


def test_a_backup_killed_midway_leaves_nothing_that_counts(demo_db, tmp_path, monkeypatch):
    import signal
    import subprocess
    import sys

    from tests.storage_conditions import ROOT, panelapp_env

    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", KILLED_BACKUP, str(demo_db)],
        cwd=ROOT,
        env=panelapp_env(home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    folder = home / "backups"
    left = list(folder.iterdir())
    assert left and all(p.name.startswith(".") and p.name.endswith(".tmp") for p in left)
    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(folder))
    db = open_database(str(demo_db))
    assert list_backups(db, settings) == []  # the temporary is no backup
    for path in left:
        os.utime(path, (0, 0))  # as if the killed process were long gone
    made = make_backup(db, settings)
    db.dispose()
    assert sorted(p.name for p in folder.iterdir()) == [made.path.name]
