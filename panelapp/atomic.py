"""Atomic file writes: a temporary file in the target's folder, flushed to disk, then renamed.

Every file the program writes (exports, calendars, the import template, reports, sign-in
sheets, certificates, field sheets, settings, photos and their copies, backups, archives) is
written here, so a kill, a full disk or an exception at any moment leaves the old file or the
new one under the final name, never a third thing, and no temporary behind:

    with atomic_file(target) as fh:      # a binary file beside `target`
        fh.write(data)                   # leaving the block: flush, fsync, rename, fsync folder
    with atomic_path(target) as tmp:     # for writers that want a path (SQLite, openpyxl, Pillow)
        workbook.save(tmp)
    with Pending(target) as out:         # when the rename waits for something (an access-log
        ...write out.temp...             # entry committed with it)
        out.commit()                     # leaving without commit() removes the temporary

On any exception the temporary (and the -journal/-wal/-shm SQLite may make beside it) is removed
and the error raised as it was, an OSError naming the target rather than its temporary.

Temporaries are named `.<name>.<pid>-<random>.tmp`: hidden, in the same folder (a rename never
crosses filesystems), recognisable by `is_temporary`, so what a killed process leaves is found
and removed at the next start (`remove_stale_temporaries`). The older names this program used
(`.<name>.<pid>.tmp`, and `.part-*` in the attachments folder) are recognised too.

Owner-only: every file written here is made readable and writable by its owner alone (0600 on
POSIX; the temporary is created so and set so again before the rename, whoever created it), and
`private_folder` makes folders 0700: the database, its -wal/-shm (SQLite gives them the database's
mode), backups, attachments, settings and exports hold personal data. The process umask is never
changed (other programs' files and threads are not ours to shape); modes are given explicitly.
`wider_than_owner` tells `panelapp check` which of them others can read.

This module is the bottom layer (it imports nothing of panelapp), so settings, db, io,
reports, services and gui all use the same one.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

TEMP_SUFFIX = ".tmp"
# Long enough for the slowest honest writer to finish: a verified backup of a 2.4 GB database
# spends minutes in integrity_check without touching its temporary's mtime.
STALE_AFTER_S = 3600
SIDECARS = ("-journal", "-wal", "-shm")  # SQLite's files beside a database written under a temp name
_TEMP = re.compile(r"^\..+\.(\d+)(?:-[0-9a-f]+)?\.tmp(?:-journal|-wal|-shm)?$")
_LEGACY_PART = re.compile(r"^\.part-[A-Za-z0-9_]+(?:\.jpg)?$")  # tempfile.mkstemp of older versions


OWNER_FILE = 0o600  # read and write for the owner, nothing for the group or others
OWNER_FOLDER = 0o700
_POSIX = os.name == "posix"  # Windows has no such bits: the profile folder's ACL keeps others out


def make_private(path: str | os.PathLike[str]) -> None:
    """Give a file of ours the owner-only mode (POSIX; nothing elsewhere)."""
    if _POSIX:
        os.chmod(path, OWNER_FILE)


def private_folder(path: str | os.PathLike[str]) -> Path:
    """`mkdir -p` whose every folder made is owner-only (0700, set explicitly: the umask may
    leave more); folders that already exist are left as they are. Returns the path."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=OWNER_FOLDER)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made meanwhile by another thread or process: theirs to shape
        if _POSIX:
            os.chmod(folder, OWNER_FOLDER)
    if not path.is_dir():
        raise NotADirectoryError(20, "Not a directory", str(path))
    return path


def wider_than_owner(path: str | os.PathLike[str]) -> int | None:
    """The permission bits of `path` when its group or others may use it (POSIX), else None
    (also for a path that does not exist)."""
    if not _POSIX:
        return None
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        return None
    return mode if mode & 0o077 else None


def temp_for(target: str | os.PathLike[str]) -> Path:
    """A fresh temporary name beside `target` (unique per call, also within one process)."""
    target = Path(target)
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


def is_temporary(name: str) -> bool:
    """Whether a file name is one of this program's temporaries (or SQLite's files beside one)."""
    return bool(_TEMP.match(name) or _LEGACY_PART.match(name))


def _pid_of(name: str) -> int | None:
    found = _TEMP.match(name)
    return int(found.group(1)) if found else None


def fsync_file(path: str | os.PathLike[str]) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no directory handles to flush and
    NTFS journals the rename."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_temporary(temp: Path) -> None:
    """The temporary and SQLite's files beside it; never raises."""
    for p in (temp, *(Path(f"{temp}{s}") for s in SIDECARS)):
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def _naming_target(exc: OSError, temp: Path, target: Path) -> None:
    """An error about the temporary names the target: the user knows that file, not ours."""
    if exc.filename is None or str(exc.filename) == str(temp):
        exc.filename = str(target)
    if getattr(exc, "filename2", None) is not None and str(exc.filename2) == str(target):
        exc.filename2 = None  # os.replace(temp, target) names both; the target says it all


class Pending:
    """A file being written under `temp` beside `target`; `commit()` flushes it to disk and
    renames it over `target`. Leaving the `with` block without a commit removes the temporary."""

    def __init__(self, target: str | os.PathLike[str]):
        self.target = Path(target)
        self.temp = temp_for(self.target)
        self.committed = False

    def __enter__(self) -> Pending:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if not self.committed:
            self.discard()
        if isinstance(exc, OSError):
            _naming_target(exc, self.temp, self.target)

    def open(self, mode: str = "wb", **kwargs: Any) -> IO[Any]:
        """The temporary opened for writing, owner-only; it must not exist yet (O_EXCL), so no
        other writer's file is ever reused."""
        if "w" not in mode:
            raise ValueError("Pending.open writes: mode must contain 'w'")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.temp, flags, OWNER_FILE)  # owner-only from the first byte
        except OSError as exc:
            _naming_target(exc, self.temp, self.target)
            raise
        try:
            return open(fd, mode, **kwargs)  # noqa: SIM115 - the caller closes it
        except BaseException:
            os.close(fd)
            raise

    def commit(self, *, synced: bool = False) -> None:
        """fsync the temporary (unless the writer already did: `synced`), rename it over the
        target, fsync the folder. On failure the temporary is removed and the OSError raised."""
        try:
            make_private(self.temp)  # whoever made it (SQLite, openpyxl, Pillow, a copy)
            if not synced:
                fsync_file(self.temp)
            os.replace(self.temp, self.target)
        except OSError as exc:
            self.discard()
            _naming_target(exc, self.temp, self.target)
            raise
        self.committed = True
        try:
            fsync_folder(self.target.parent)
        except OSError:
            pass  # the file is in place; only its durability across a power cut is in doubt

    def discard(self) -> None:
        remove_temporary(self.temp)
        self.committed = True  # nothing more to do with this one


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `target` for the caller to create; renamed into place when
    the block ends without an exception (the file must then exist)."""
    with Pending(target) as pending:
        yield pending.temp
        pending.commit()


@contextmanager
def atomic_file(
    target: str | os.PathLike[str],
    mode: str = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """Yield the temporary beside `target` opened for writing ("wb", or "w" with an encoding);
    flushed, fsynced and renamed into place when the block ends without an exception."""
    with Pending(target) as pending:
        with pending.open(mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        pending.commit(synced=True)


def write_bytes(target: str | os.PathLike[str], data: bytes) -> int:
    """`Path.write_bytes`, atomically; returns the size written."""
    with atomic_file(target) as fh:
        fh.write(data)
    return len(data)


def write_text(target: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """`Path.write_text`, atomically (no newline translation: the text is written as given)."""
    with atomic_file(target, "w", encoding=encoding, newline="") as fh:
        fh.write(text)


def remove_stale_temporaries(
    folder: str | os.PathLike[str],
    *,
    recursive: bool = False,
    prefix: str = "",
    older_than: float = STALE_AFTER_S,
    now: float | None = None,
) -> int:
    """Remove the temporaries a killed process left in `folder` (and, `recursive`, in its
    subfolders): this program's names only (and only those of files named `prefix`…, in a
    folder that holds the user's own files too), not this process's own, not touched for
    `older_than` seconds (another process may still be writing a fresh one). Returns how many
    were removed; a folder that cannot be read counts none."""
    hidden_prefix = f".{prefix}" if prefix else ""
    now = time.time() if now is None else now
    mine = os.getpid()
    removed = 0
    folders = [Path(folder)]
    while folders:
        current = folders.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if recursive:
                        folders.append(Path(entry.path))
                    continue
                if not is_temporary(entry.name) or _pid_of(entry.name) == mine:
                    continue
                if hidden_prefix and not entry.name.startswith(hidden_prefix):
                    continue
                if now - entry.stat(follow_symlinks=False).st_mtime < older_than:
                    continue
                os.unlink(entry.path)
                removed += 1
            except OSError:
                continue
    return removed
