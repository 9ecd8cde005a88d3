"""Migrations: a new database upgrades to head, matches the models, and is backed up first."""

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from panelapp.db.base import Base
from panelapp.db.engine import open_database
from panelapp.db.migrate import backup_sqlite, current_revision, head_revision, upgrade_to_head


def test_upgrade_creates_schema_matching_models(tmp_path):
    db = open_database(str(tmp_path / "m.db"))
    assert current_revision(db) is None
    assert upgrade_to_head(db) is None  # nothing to back up on a new file
    assert current_revision(db) == head_revision(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    db.dispose()


def test_sqlite_pragmas(tmp_path):
    db = open_database(str(tmp_path / "p.db"))
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    db.dispose()


def test_upgrade_from_older_revision_backs_up_first(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    db = open_database(str(path))
    upgrade_to_head(db)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (name, role, active, created_at, updated_at, version) "
                "VALUES ('김담당', 'coordinator', 1, '2026-01-01', '2026-01-01', 1)"
            )
        )
    from panelapp.db import migrate

    # The file claims an older revision: the upgrade must copy it before touching it.
    monkeypatch.setattr(migrate, "current_revision", lambda _db: "0000")
    backup = migrate.upgrade_to_head(db)
    assert backup is not None and backup.exists() and "before-0000" in backup.name
    copy = sqlite3.connect(str(backup))
    assert copy.execute("select name from users").fetchall() == [("김담당",)]
    copy.close()
    db.dispose()


def test_backup_keeps_only_recent_copies(tmp_path, monkeypatch):
    from panelapp.db import migrate

    db = open_database(str(tmp_path / "k.db"))
    upgrade_to_head(db)
    monkeypatch.setattr(migrate, "KEEP_BACKUPS", 2)
    made = [backup_sqlite(db, f"n{i}") for i in range(4)]
    assert all(made)
    assert len(list((tmp_path / "backups").glob("k-*.db"))) <= 2
    db.dispose()
