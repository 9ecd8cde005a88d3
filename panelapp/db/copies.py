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
from collections.abc import Callable
from pathlib import Path

from panelapp.atomic import Pending, fsync_file, fsync_folder, remove_stale_temporaries
from panelapp.db.integrity import connect_read_only, integrity_problems

__all__ = [
    "CopyNotSound",
    "copy_database",
    "fsync_file",
    "fsync_folder",
    "remove_stale_temporaries",
    "write_atomically",
]


class CopyNotSound(Exception):
    """The copy failed its integrity check (or came out empty); nothing was kept."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:3]))
        self.problems = problems


def copy_database(source: Path, final: Path, verify: bool = True) -> int:
    """Copy the SQLite database `source` to `final` (replacing it); returns the size in bytes.
    Raises OSError / sqlite3.Error for a file that cannot be read or written, CopyNotSound for
    a copy that fails integrity_check."""
    with Pending(final) as out:
        tmp = out.temp
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
        out.commit()
        return size


def write_atomically(final: Path, write: Callable[[Path], object]) -> int:
    """Call `write(tmp_path)` to make the file under a temporary name beside `final`, then
    flush and rename it; on failure nothing is left under either name."""
    with Pending(final) as out:
        write(out.temp)
        size = out.temp.stat().st_size
        out.commit()
        return size
