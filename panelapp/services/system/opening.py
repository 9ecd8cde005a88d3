"""Opening the application's database safely: the integrity gate, the upgrade, the sentences.

`bootstrap.open_app` calls these in order:
1. `gate`: a SQLite file is looked at read-only first (db/integrity.py). A damaged one, or one
   that is no database, is refused with a sentence offering the newest good backup, before any
   connection could write to it.
2. `bring_to_head`: the schema is migrated in one transaction with its stamp (db/migrate.py),
   after a verified backup; a newer schema, a half-made database or a failed upgrade is refused,
   and a refused start leaves no backup behind.
3. `as_domain_error`: whatever still goes wrong (disk full, read-only, permission, a folder in
   the way, the network folder or server gone) becomes one sentence naming the file.
"""

from __future__ import annotations

import atexit
import logging
import sqlite3
from pathlib import Path

from panelapp.db.engine import Database
from panelapp.db.integrity import NotADatabase, inspect_file, remember_sound
from panelapp.domain.errors import DomainError
from panelapp.domain.failures import (
    DatabaseUnusable,
    StorageError,
    Unusable,
    diagnose_file,
    os_error_sentence,
)
from panelapp.services.errors import corrupt_sentence, opening_error
from panelapp.settings import Settings

log = logging.getLogger(__name__)
UNKNOWN = object()  # the stamp was not read here (a server, or an in-memory database)
_VERIFIED: set[str] = set()  # SQLite files that passed the gate in this process


def _file_of(db: Database) -> Path | None:
    path = db.sqlite_path
    if path is None or str(path) in (":memory:", "") or str(path).startswith("file::memory:"):
        return None
    return path


def newest_good(db: Database, settings: Settings | None) -> Path | None:
    from panelapp.services.system.backups import newest_good_backup

    try:
        return newest_good_backup(db, settings)
    except (OSError, sqlite3.Error):
        return None


def gate(db: Database, settings: Settings | None) -> object:
    """The read-only look before any write: returns the schema stamp of a sound SQLite file
    (None for a new or unstamped one), or UNKNOWN when there is no file to look at."""
    path = _file_of(db)
    if path is None:
        return UNKNOWN
    try:
        state = inspect_file(path)
    except NotADatabase:
        backup = newest_good(db, settings)
        raise DatabaseUnusable(
            corrupt_sentence(str(path), "SQLite 데이터베이스 파일의 머리말이 없음", backup),
            Unusable.CORRUPT,
            path,
            backup,
        ) from None
    except OSError as exc:
        raise StorageError(diagnose_file(path, write=False) or os_error_sentence(exc, path), path) from None
    if not state.exists:
        _remember_at_exit(db, path)  # made by this process: known as it leaves it
        return None
    if not state.sound:
        log.warning("quick_check of %s: %s", path, "; ".join(state.problems))
        backup = newest_good(db, settings)
        detail = f"SQLite 점검에서 손상된 곳 {len(state.problems)}건 발견"
        raise DatabaseUnusable(corrupt_sentence(str(path), detail, backup), Unusable.CORRUPT, path, backup)
    _remember_at_exit(db, path)
    return state.stamp


def _remember_at_exit(db: Database, path: Path) -> None:
    """A process that ends normally leaves the file known as sound (a killed one does not)."""
    if str(path) not in _VERIFIED:
        _VERIFIED.add(str(path))
        atexit.register(close_cleanly, db)


def bring_to_head(db: Database, settings: Settings | None) -> Path | None:
    """Migrate to head in one transaction, a verified backup first; returns that backup."""
    from panelapp.db import migrate  # Alembic loads only when there is work
    from panelapp.services.system.backups import before_upgrade

    return migrate.upgrade_to_head(
        db, before_upgrade=before_upgrade(db, settings), backup_hint=lambda: newest_good(db, settings)
    )


def as_domain_error(exc: BaseException, db: Database, settings: Settings | None) -> BaseException:
    """The sentence for a failure while opening: domain errors as they are, the rest mapped."""
    if isinstance(exc, DomainError) or not isinstance(exc, Exception):
        return exc
    mapped = opening_error(exc, db.display_name(), _file_of(db))
    if isinstance(mapped, DatabaseUnusable) and mapped.reason is Unusable.CORRUPT and mapped.backup is None:
        backup = newest_good(db, settings)
        if backup is not None:
            path = _file_of(db)
            mapped = DatabaseUnusable(
                corrupt_sentence(db.display_name(), "SQLite가 읽을 수 없는 형식", backup),
                Unusable.CORRUPT,
                path,
                backup,
            )
    return mapped


def close_cleanly(db: Database) -> None:
    """Dispose the engine (the last connection folds the WAL into the file) and, for a file
    that passed the gate at open, remember it as sound: the next start of a big file then
    need not read all of it (db/integrity.py)."""
    db.dispose()
    path = _file_of(db)
    if path is not None and str(path) in _VERIFIED and path.exists():
        remember_sound(path)
        _VERIFIED.discard(str(path))  # once: a later open in this process is gated again
