"""Every failure of opening, upgrading, backing up and saving settings is its own Korean sentence
naming the file and what to do, tested under the real conditions where this machine allows:
a full tmpfs, a read-only remount, file modes obeyed by a child without root's override, a folder
where the file should be, a folder that is gone. No SQL text, no sqlalche.me link, no traceback;
what was there before stays intact."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from panelapp.cli.main import main
from panelapp.db.engine import open_database
from panelapp.db.integrity import integrity_problems
from panelapp.domain.errors import DomainError
from panelapp.domain.failures import Problem, StorageError, os_error_sentence, problem_of
from panelapp.services.system.backups import make_backup
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings
from tests.storage_conditions import fill, remount_read_only, run_panelapp, tmpfs


def _plain(text: str) -> None:
    """A sentence for a person: no traceback, no SQL, no link to SQLAlchemy's error pages."""
    for leak in ("Traceback", "sqlalche.me", "SELECT", "INSERT", "[SQL", "(sqlite3.", "OperationalError"):
        assert leak not in text, text


def _new_app_database(path: Path) -> None:
    from conftest import TEST_PASSWORD, TEST_USER

    from panelapp.services.people.accounts import create_first_admin

    ctx = open_app(str(path), Settings(path.parent / "s.json"))
    create_first_admin(ctx, TEST_USER, TEST_PASSWORD)  # the command line logs in as it
    ctx.db.dispose()


def test_disk_full_while_writing_is_a_sentence_and_the_database_stays_sound(tmp_path, capsys):
    from PIL import Image

    logo = tmp_path / "logo.png"  # noise: ~1 MB that no compression shrinks, stored in the database
    Image.frombytes("RGB", (580, 580), os.urandom(580 * 580 * 3)).save(logo)
    with tmpfs(tmp_path / "small", 2048) as disk:
        db = disk / "panel.db"
        _new_app_database(db)
        filler = fill(disk, leave_kb=400)
        assert main(["--db", str(db), "org", "set", "--name", "한빛시설관리공단", "--logo", str(logo)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("오류: ") and "디스크 공간이 부족" in err and str(db) in err
        _plain(err)
        filler.unlink()
        assert integrity_problems(db) == []
        ctx = open_app(str(db), Settings(tmp_path / "s.json"))  # opens again, as it was
        with ctx.db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM organizations").scalar() == 0
        ctx.db.dispose()


def test_backup_to_a_full_disk_leaves_no_file(demo_db, tmp_path):
    with tmpfs(tmp_path / "backups", 256) as folder:
        settings = Settings(tmp_path / "s.json")
        settings.set("backup_dir", str(folder))
        db = open_database(str(demo_db))
        with pytest.raises(StorageError) as caught:
            make_backup(db, settings)
        db.dispose()
        assert (
            "백업을 만들지 못했습니다" in caught.value.message
            and "디스크 공간이 부족" in caught.value.message
        )
        assert str(folder) in caught.value.message
        _plain(caught.value.message)
        assert list(folder.iterdir()) == []  # not even the temporary


def test_read_only_drive_for_the_database_the_backups_and_the_settings(demo_db, tmp_path, capsys):
    with tmpfs(tmp_path / "ro", 4096) as disk:
        db = disk / "panel.db"
        _new_app_database(db)
        (disk / "backups").mkdir()
        settings_file = disk / "settings.json"
        settings_file.write_text("{}")
        remount_read_only(disk)
        with pytest.raises(DomainError) as caught:
            open_app(str(db), Settings(tmp_path / "s.json"))
        assert "읽기 전용" in caught.value.message and str(db) in caught.value.message
        _plain(caught.value.message)
        assert main(["--db", str(db), "org", "show"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("오류: ") and "읽기 전용" in err
        _plain(err)
        settings = Settings(tmp_path / "s.json")
        settings.set("backup_dir", str(disk / "backups"))
        with pytest.raises(StorageError) as caught:
            make_backup(open_database(str(demo_db)), settings)
        assert "읽기 전용" in caught.value.message
        heard: list[str] = []
        on_drive = Settings(settings_file)
        on_drive.on_save_error = lambda exc, path: heard.append(os_error_sentence(exc, path))
        on_drive.set("backup_dir", "x")
        assert len(heard) == 1 and "읽기 전용" in heard[0] and str(settings_file) in heard[0]
        assert on_drive.get("backup_dir") == "x"  # kept for this session


def test_permission_denied_and_a_folder_without_write_permission(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    locked = tmp_path / "locked.db"
    _new_app_database(locked)
    os.chmod(locked, 0)
    done = run_panelapp(["--db", str(locked), "org", "show"], home, obey_permissions=True)
    assert done.returncode == 1
    assert "권한이 없습니다" in done.stderr and str(locked) in done.stderr
    _plain(done.stderr)
    os.chmod(locked, 0o644)
    folder = tmp_path / "shared"
    folder.mkdir()
    inside = folder / "panel.db"
    _new_app_database(inside)
    os.chmod(folder, 0o555)
    try:
        done = run_panelapp(["--db", str(inside), "org", "show"], home, obey_permissions=True)
    finally:
        os.chmod(folder, 0o755)
    assert done.returncode == 1
    assert "권한이 없습니다" in done.stderr and str(folder) in done.stderr
    _plain(done.stderr)


def test_a_folder_where_the_file_should_be(tmp_path, capsys):
    folder = tmp_path / "panel.db"
    folder.mkdir()
    assert main(["--db", str(folder), "org", "show"]) == 1
    err = capsys.readouterr().err
    assert "폴더입니다" in err and str(folder) in err
    _plain(err)
    (tmp_path / "settings.json").mkdir()
    heard: list[str] = []
    settings = Settings(tmp_path / "settings.json")
    settings.on_save_error = lambda exc, path: heard.append(os_error_sentence(exc, path))
    settings.set("backup_dir", "x")
    assert heard and "폴더입니다" in heard[0] and "settings.json" in heard[0]


def test_a_folder_that_is_gone(tmp_path, capsys):
    gone = tmp_path / "share" / "panel"
    assert main(["--db", str(gone / "panel.db"), "org", "show"]) == 1
    err = capsys.readouterr().err
    assert "폴더가 없습니다" in err and "네트워크" in err and str(tmp_path / "share") in err
    _plain(err)


def test_network_failures_are_named_as_such(tmp_path, demo_db, monkeypatch):
    """A share that drops out answers with errno values a local test cannot produce; they are
    raised here by hand (simulated), from the lowest call the backup makes first."""
    for number in (errno.ENOTCONN, errno.ESTALE, errno.EHOSTDOWN, errno.ETIMEDOUT):
        assert problem_of(OSError(number, os.strerror(number))) is Problem.NETWORK
    winerror = OSError(errno.EINVAL, "The specified network name is no longer available")
    winerror.winerror = 64  # type: ignore[attr-defined]
    assert problem_of(winerror) is Problem.NETWORK
    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(tmp_path / "nas" / "backups"))

    def unreachable(self, *args, **kwargs):
        raise OSError(errno.ESTALE, os.strerror(errno.ESTALE), str(self))

    monkeypatch.setattr(Path, "mkdir", unreachable)
    with pytest.raises(StorageError) as caught:
        make_backup(open_database(str(demo_db)), settings)
    assert "네트워크 폴더에 연결할 수 없습니다" in caught.value.message
    assert str(tmp_path / "nas" / "backups") in caught.value.message


def test_sqlite_errors_of_every_kind_read_differently(tmp_path):
    from panelapp.services.errors import database_error_sentence

    seen = set()
    for name in ("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR_WRITE", "SQLITE_NOTADB", "SQLITE_BUSY"):
        exc = sqlite3.OperationalError("x")
        exc.sqlite_errorname = name  # type: ignore[attr-defined]
        text = database_error_sentence(exc, tmp_path / "p.db")
        assert text and str(tmp_path / "p.db") in text
        _plain(text)
        seen.add(text)
    assert len(seen) == 5


def test_only_a_real_lock_is_called_busy(tmp_path):
    """'다른 사용자가 데이터베이스를 사용 중입니다' only for SQLite's lock, by its error code: an
    older schema's "no such column: users.locked" was reported as another user at work."""
    import sqlite3 as sqlite

    from sqlalchemy.exc import OperationalError

    from panelapp.services.context import _busy

    path = tmp_path / "x.db"
    holder = sqlite.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite.connect(path, timeout=0.05)
    try:
        other.execute("INSERT INTO t VALUES (1)")
    except sqlite.OperationalError as exc:
        locked = exc
    try:
        other.execute("SELECT users.locked FROM t")
    except sqlite.OperationalError as exc:
        missing = exc
    holder.execute("ROLLBACK")
    holder.close()
    other.close()
    assert _busy(OperationalError("INSERT", {}, locked))
    assert not _busy(OperationalError("SELECT", {}, missing))
    assert "locked" in str(missing)  # the word alone said nothing
