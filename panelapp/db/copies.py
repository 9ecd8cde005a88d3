"""Verified copies of SQLite files: temporary name, online backup API, integrity_check, rename.

A copy is written under a hidden temporary name in the destination folder, made with SQLite's
online backup API from a read-only connection (consistent while the application writes, WAL
included), switched to a self-contained rollback-journal file, checked in full with
`PRAGMA integrity_check`, flushed to disk and only then renamed to its final name. A kill, a
full disk or a failed check leaves nothing under the final name; the temporary is removed on
failure (and a leftover of a killed process is removed by `remove_stale_temporaries`).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from panelapp.db.integrity import connect_read_only, integrity_problems

TEMP_SUFFIX = ".tmp"
STALE_AFTER_S = 3600


class CopyNotSound(Exception):
    """The copy failed its integrity check (or came out empty); nothing was kept."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:3]))
        self.problems = problems


def temp_beside(final: Path) -> Path:
    return final.with_name(f".{final.name}.{os.getpid()}{TEMP_SUFFIX}")


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows has no directory handles to flush; the rename is journaled by NTFS
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def copy_database(source: Path, final: Path, verify: bool = True) -> int:
    """Copy the SQLite database `source` to `final` (replacing it); returns the size in bytes.
    Raises OSError / sqlite3.Error for a file that cannot be read or written, CopyNotSound for
    a copy that fails integrity_check."""
    tmp = temp_beside(final)
    try:
        # Read through an ordinary connection when the folder allows it: a read-only one cannot
        # remove the -wal and -shm it makes beside the database when it is the last to close.
        writable = os.access(source.parent, os.W_OK) and os.access(source, os.W_OK)
        src = sqlite3.connect(str(source), timeout=30) if writable else connect_read_only(source)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
            finally:
                dst.close()
        finally:
            src.close()
        size = tmp.stat().st_size
        problems = integrity_problems(tmp, immutable=True) if verify else []
        if size == 0:
            problems = ["빈 파일"]
        if problems:
            raise CopyNotSound(problems)
        fsync_file(tmp)
        os.replace(tmp, final)
        fsync_folder(final.parent)
        return size
    except BaseException:
        _remove(tmp)
        raise


def write_atomically(final: Path, write) -> int:  # type: ignore[no-untyped-def]
    """Call `write(tmp_path)` to make the file under a temporary name beside `final`, then
    flush and rename it; on failure nothing is left under either name."""
    tmp = temp_beside(final)
    try:
        write(tmp)
        size = tmp.stat().st_size
        fsync_file(tmp)
        os.replace(tmp, final)
        fsync_folder(final.parent)
        return size
    except BaseException:
        _remove(tmp)
        raise


def remove_stale_temporaries(folder: Path, now: float | None = None) -> int:
    """Temporaries of killed processes: another process's, older than an hour. Returns how many."""
    now = time.time() if now is None else now
    removed = 0
    try:
        candidates = list(folder.glob(f".*{TEMP_SUFFIX}"))
    except OSError:
        return 0
    mine = f".{os.getpid()}{TEMP_SUFFIX}"
    for path in candidates:
        try:
            if path.name.endswith(mine) or now - path.stat().st_mtime < STALE_AFTER_S:
                continue
            _remove(path)
            removed += 1
        except OSError:
            continue
    return removed
