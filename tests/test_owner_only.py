"""Owner-only files (issue 12 item 8): the database with its -wal and -shm, backups, attachments,
the settings file and exports are made 0600 and their folders 0700 on POSIX, without touching the
process umask; `panelapp check` names each of them that others may read, with its mode."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from panelapp.atomic import atomic_path, private_folder, wider_than_owner, write_bytes
from panelapp.db.engine import open_database
from panelapp.db.migrate import upgrade_to_head
from panelapp.services.attachments.photos import store_bytes
from panelapp.services.attachments.store import attachments_root
from panelapp.services.system.backups import make_backup
from panelapp.services.system.check import run_checks
from panelapp.settings import Settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """The usual umask of a desktop (022: files 0644 unless the program says otherwise)."""
    before = os.umask(0o022)
    yield 0o022
    os.umask(before)


def _umask_now() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _database(path: Path):
    db = open_database(str(path))
    upgrade_to_head(db)
    return db


def test_a_new_database_and_its_wal_and_shm_are_owner_only(tmp_path, open_umask):
    db = _database(tmp_path / "panel.db")
    with db.engine.begin() as conn:  # a write: the -wal and -shm exist while connected
        conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
        conn.execute(text("INSERT INTO scratch VALUES (1)"))
        files = {p.name: mode(p) for p in tmp_path.iterdir()}
    db.dispose()
    assert files == {"panel.db": 0o600, "panel.db-wal": 0o600, "panel.db-shm": 0o600}
    assert _umask_now() == open_umask  # the process umask was not changed


def test_an_existing_database_keeps_its_mode(tmp_path, open_umask):
    path = tmp_path / "theirs.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()  # 0644, not ours to change
    db = open_database(str(path))
    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    db.dispose()
    assert mode(path) == 0o644


def test_attachments_and_their_folders_are_owner_only(tmp_path, open_umask):
    db = _database(tmp_path / "panel.db")
    root = attachments_root(db)
    sha = store_bytes(root, b"photo bytes")
    assert mode(root / sha[:2] / sha) == 0o600
    assert mode(root / sha[:2]) == 0o700 and mode(root) == 0o700


def test_backups_and_the_backup_folder_are_owner_only(tmp_path, open_umask):
    db = _database(tmp_path / "panel.db")
    settings = Settings(tmp_path / "settings.json")
    settings.set("backup_dir", str(tmp_path / "백업" / "panelapp"))
    info = make_backup(db, settings)
    assert mode(info.path) == 0o600
    assert mode(tmp_path / "백업" / "panelapp") == 0o700 and mode(tmp_path / "백업") == 0o700


def test_the_settings_file_and_the_data_folders_are_owner_only(tmp_path, open_umask, monkeypatch):
    from panelapp.paths import config_dir, data_dir

    home = tmp_path / "새 홈" / "panelapp"
    monkeypatch.setenv("PANELAPP_HOME", str(home))
    assert data_dir() == home and config_dir() == home
    assert mode(home) == 0o700 and mode(home.parent) == 0o700
    settings = Settings()
    settings.set("high_contrast", True)
    assert settings.path.parent == home and mode(settings.path) == 0o600


def test_exports_are_owner_only_whoever_writes_the_file(tmp_path, open_umask):
    """write_bytes (PDF, .ics, .xlsx bytes) and atomic_path, whose writer makes the file itself
    (openpyxl, Pillow, SQLite) with the umask's 0644."""
    write_bytes(tmp_path / "명단.xlsx", b"PK...")
    with atomic_path(tmp_path / "사진.jpg") as tmp:
        tmp.write_bytes(b"jpeg")  # made by someone else's open(): 0644
        assert mode(tmp) == 0o644
    assert mode(tmp_path / "명단.xlsx") == 0o600 and mode(tmp_path / "사진.jpg") == 0o600


def test_private_folder_leaves_existing_folders_alone(tmp_path, open_umask):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    private_folder(shared / "a" / "b")
    assert mode(shared) == 0o755
    assert mode(shared / "a") == 0o700 and mode(shared / "a" / "b") == 0o700
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        private_folder(tmp_path / "file")


def test_check_names_what_others_can_read_with_its_mode(tmp_path, open_umask):
    db = _database(tmp_path / "panel.db")
    settings = Settings(tmp_path / "conf" / "settings.json")
    private_folder(settings.path.parent)
    settings.set("backup_dir", str(tmp_path / "backups"))
    make_backup(db, settings)
    sha = store_bytes(attachments_root(db), b"photo")
    assert [p for p in run_checks(db, settings) if "권한" in p] == []

    photo = attachments_root(db) / sha[:2] / sha
    os.chmod(tmp_path / "panel.db", 0o644)
    os.chmod(photo, 0o604)
    os.chmod(attachments_root(db), 0o755)
    backup = next((tmp_path / "backups").iterdir())
    os.chmod(backup, 0o644)
    os.chmod(settings.path, 0o640)
    found = [p for p in run_checks(db, settings) if "권한" in p]
    assert len(found) == 5, found
    db_line = next(p for p in found if f"'{tmp_path / 'panel.db'}'" in p)
    assert "권한 644" in db_line and f"chmod 600 {tmp_path / 'panel.db'}" in db_line
    assert any(str(photo) in p and "권한 604" in p for p in found)
    assert any(str(attachments_root(db)) in p and "권한 755" in p and "chmod 700" in p for p in found)
    assert any(str(backup) in p and "권한 644" in p for p in found)
    assert any(str(settings.path) in p and "권한 640" in p for p in found)
    assert wider_than_owner(tmp_path / "panel.db") == 0o644 and wider_than_owner(tmp_path / "없음") is None
