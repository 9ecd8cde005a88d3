"""Migrations: a new database upgrades to head and matches the models; an older one is backed up
first (the backup's own rules are in tests/test_backups.py, atomicity in test_schema_atomic.py)."""

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from panelapp.db.base import Base
from panelapp.db.engine import open_database
from panelapp.db.migrate import current_revision, head_revision, upgrade_to_head


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


def test_upgrade_from_older_revision_backs_up_first(tmp_path):
    from alembic import command

    from panelapp.db import migrate
    from panelapp.services.system.bootstrap import open_app
    from panelapp.settings import Settings

    path = tmp_path / "old.db"
    db = open_database(str(path))
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(
            text(
                "INSERT INTO users (name, role, active, created_at, updated_at, version) "
                "VALUES ('김담당', 'coordinator', 1, '2026-01-01', '2026-01-01', 1)"
            )
        )
    db.dispose()
    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(tmp_path / "copies"))
    open_app(str(path), settings).db.dispose()
    (backup,) = (tmp_path / "copies").glob("old-*-before-0003.db")
    copy = sqlite3.connect(str(backup))
    assert copy.execute("select name from users").fetchall() == [("김담당",)]
    assert copy.execute("select version_num from alembic_version").fetchall() == [("0003",)]
    copy.close()
