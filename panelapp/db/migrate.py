"""Schema migrations to head at start-up, after a backup copy of the SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from panelapp.db.engine import Database
from panelapp.domain.localtime import now_local

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
KEEP_BACKUPS = 10


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def head_revision(db: Database) -> str:
    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_at_head(db: Database) -> bool:
    return current_revision(db) == head_revision(db)


def backup_sqlite(db: Database, label: str) -> Path | None:
    """Copy the database with SQLite's online backup API (consistent even under WAL)."""
    path = db.sqlite_path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = now_local().strftime("%Y%m%d-%H%M%S")  # the names a user reads: Korean time
    target = folder / f"{path.stem}-{stamp}-{label}.db"
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    old = sorted(folder.glob(f"{path.stem}-*.db"))
    for stale in old[:-KEEP_BACKUPS]:
        stale.unlink(missing_ok=True)
    return target


def upgrade_to_head(db: Database) -> Path | None:
    """Bring the schema to head; returns the backup made first, if any."""
    current = current_revision(db)
    if current == head_revision(db):
        return None
    backup = backup_sqlite(db, f"before-{current}") if current else None
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
