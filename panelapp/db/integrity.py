"""The integrity gate: a read-only look at a SQLite file before anything writes to it.

`inspect_file` reads the header, runs `PRAGMA quick_check` and the schema stamp through a
connection opened read-only (`mode=ro`), so a damaged file is never written to, not even by the
journal-mode pragma of the application's own connections.

Cost, measured here on the 2.4 GB benchmark database (benchmarks/.cache/scale-full-*.db):
a full quick_check takes ~31 s with the file in the page cache and ~330 s from disk, ~78 MB/s at
best, while opening must stay well under a second. So a file up to FULL_CHECK_BYTES is checked in
full at every open (≤ ~200 ms); a larger one in full only when it is not as this program left it
(size, modification time and WAL as recorded after the last full check or clean close, in the
data folder's verified.json: a crash, a copy from elsewhere, another program), and otherwise
through its schema and the small tables read at start-up (~15 ms). The automatic backups check
the whole of every copy with integrity_check, so a big file is still read in full once a day.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from panelapp.atomic import write_text
from panelapp.paths import data_dir

HEADER = b"SQLite format 3\x00"
FULL_CHECK_BYTES = 16 * 1024 * 1024
STARTUP_TABLES = ("alembic_version", "users", "organizations", "consent_notices")
MAX_REPORTED = 20


@dataclass(frozen=True)
class FileState:
    """What the gate found. `exists` False: no file yet (or an empty one) - a new database."""

    exists: bool
    problems: tuple[str, ...] = ()  # quick_check lines other than "ok"; empty when sound
    stamp: str | None = None  # alembic_version.version_num, None when absent or empty
    has_version_table: bool = False
    full_check: bool = False  # whether the whole file was checked this time

    @property
    def sound(self) -> bool:
        return not self.problems


class NotADatabase(Exception):
    """The file is not a SQLite database (wrong header, or SQLite refuses it)."""


def connect_read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write to the file. SQLite still makes the -shm of a WAL file
    when the folder allows it (that is shared memory, not the database). `immutable` for a file
    nothing writes (a backup): no locks, no -wal or -shm beside it."""
    uri = Path(path).resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    return sqlite3.connect(uri, uri=True, timeout=10)


def recover_hot_journal(path: Path) -> None:
    """A rollback journal left by a killed writer must be played back before a read-only
    connection can read the file: SQLite does it on the first read of a writable connection
    (it restores the file as it was before the interrupted transaction)."""
    journal = Path(f"{path}-journal")
    try:
        hot = journal.exists() and journal.stat().st_size > 0
    except OSError:
        return
    if not hot:
        return
    conn = sqlite3.connect(str(path), timeout=10)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        conn.close()


def read_header(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(100)


def inspect_file(path: Path, full: bool | None = None) -> FileState:
    """The state of the SQLite file at `path`, read-only. Raises OSError for a file that cannot
    be read and NotADatabase for one that is not a database. `full` forces (True) or forbids
    (False) the whole-file check; None decides by size and fingerprint."""
    if not path.exists():
        return FileState(exists=False)
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    size = path.stat().st_size
    if size == 0:
        return FileState(exists=False)
    header = read_header(path)
    if len(header) < 100 or not header.startswith(HEADER):
        raise NotADatabase(str(path))
    if full is None:
        full = size <= FULL_CHECK_BYTES or not fingerprint_matches(path)
    try:
        recover_hot_journal(path)
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise NotADatabase(str(path)) from exc
        raise
    conn = connect_read_only(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if full:
            rows = [r[0] for r in conn.execute(f"PRAGMA quick_check({MAX_REPORTED})")]
        else:
            rows = []
            for table in ("sqlite_schema", *(t for t in STARTUP_TABLES if t in tables)):
                rows += [r[0] for r in conn.execute(f'PRAGMA quick_check("{table}")')]
            rows = [r for r in rows if r != "ok"] or ["ok"]
        problems = tuple(r for r in rows if r != "ok")
        stamp = None
        if "alembic_version" in tables and not problems:
            found = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
            stamp = found[0] if len(found) == 1 else None
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_NOTADB",):
            raise NotADatabase(str(path)) from exc
        if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_CORRUPT"):
            return FileState(exists=True, problems=(str(exc),), full_check=bool(full))
        raise
    finally:
        conn.close()
    if full and not problems:
        remember_sound(path)
    return FileState(
        exists=True,
        problems=problems,
        stamp=stamp,
        has_version_table="alembic_version" in tables,
        full_check=bool(full),
    )


def integrity_problems(path: Path, limit: int = MAX_REPORTED, immutable: bool = False) -> list[str]:
    """`PRAGMA integrity_check` of a whole file, read-only: [] when it is sound. A file that is
    not a database gives one line saying so. `immutable` for a backup (see connect_read_only)."""
    try:
        header = read_header(path)
        if not header.startswith(HEADER):
            return ["SQLite 데이터베이스 파일이 아닙니다"]
        conn = connect_read_only(path, immutable=immutable)
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({limit})")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


# ----- fingerprints of files this program left sound -------------------------------------
def _fingerprint(path: Path) -> list[int]:
    st = path.stat()
    wal = Path(f"{path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return [st.st_size, st.st_mtime_ns, wal_size]


def _store() -> Path:
    return data_dir() / "verified.json"


def _load() -> dict[str, list[int]]:
    try:
        data = json.loads(_store().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def fingerprint_matches(path: Path) -> bool:
    try:
        return _load().get(str(path.resolve())) == _fingerprint(path)
    except OSError:
        return False


def remember_sound(path: Path) -> None:
    """Record that `path`, as it is now, was checked in full or closed cleanly by this program.
    Best effort: a folder that cannot be written only means a full check next time."""
    try:
        data = _load()
        data[str(path.resolve())] = _fingerprint(path)
        if len(data) > 50:  # forget the oldest entries (dicts keep insertion order)
            data = dict(list(data.items())[-50:])
        write_text(_store(), json.dumps(data, ensure_ascii=False))
    except OSError:
        pass
