"""Automatic and manual backups: where they go, which are kept, which is the newest good one.

A SQLite backup is a verified copy (db/copies.py: online backup API to a temporary name,
integrity_check on the copy, rename), so a failed or interrupted backup never appears under a
backup's name and never counts among those kept. On PostgreSQL a backup is a portable archive
(services/system/archive.py). Backups are named `<database>-<YYYYmmdd>-<HHMMSS>-<kind>.db|zip` in
the folder of the `backup_dir` setting (by default `backups/` in the data folder); the folder
`backups/` beside a SQLite file, where older versions put them, is listed too.

Kinds: `close` and `daily` are automatic and kept as 7 daily, 4 weekly and 12 monthly (the
newest of each day, ISO week and month); `before-<revision>` is made before a schema upgrade
(the newest 3 kept); `manual` ones (panelapp backup, 지금 백업) and `after-destruction` (the copy a
destruction leaves, services/retention/backup_handling.py) are never removed by rotation.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

from panelapp.atomic import private_folder
from panelapp.db.copies import CopyNotSound, copy_database, remove_stale_temporaries
from panelapp.db.engine import Database
from panelapp.db.integrity import connect_read_only, integrity_problems
from panelapp.domain.failures import (
    Problem,
    StorageError,
    problem_of_sqlite,
    sentence,
)
from panelapp.domain.josa import quoted
from panelapp.domain.localtime import now_local
from panelapp.paths import data_dir
from panelapp.settings import Settings

AUTO_KINDS = ("close", "daily")
MANUAL = "manual"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_BEFORE_UPGRADE = 3
GOOD_CANDIDATES = 6  # how many of the newest backups `newest_good_backup` opens at most
# Measured here: a verified backup of the 2.4 GB benchmark database takes ~30 s (9 s to copy,
# 21 s to check the copy) - too long to hold a closing window. A file above this size gets
# its daily backup (made on a worker while the window is in use) but none on close.
CLOSE_BACKUP_MAX_BYTES = 256 * 1024 * 1024
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<date>\d{8})-(?P<time>\d{6})(?:-(?P<n>\d+))?-(?P<kind>[a-z][a-z0-9-]*)\.(?P<ext>db|zip)$"
)
AFTER_DESTRUCTION = "after-destruction"  # services/retention: the one backup left after a 파기
KIND_LABELS = {"close": "닫을 때", "daily": "매일", MANUAL: "직접", AFTER_DESTRUCTION: "파기 후"}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime  # local time, from the name
    kind: str
    size: int
    mtime: float = 0.0  # orders two backups of the same second

    @property
    def label(self) -> str:
        if self.kind.startswith("before-"):
            return f"형식 올리기 전({self.kind.removeprefix('before-')})"
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def is_archive(self) -> bool:
        return self.path.suffix == ".zip"


def korea_now() -> dt.datetime:
    """Backups are named and dated in Korean time (naive), whatever the computer's zone."""
    return now_local().replace(tzinfo=None)


# ----- where -----------------------------------------------------------------------------
def backup_folder(settings: Settings | None) -> Path:
    configured = str(settings.get("backup_dir") or "").strip() if settings is not None else ""
    return Path(configured).expanduser() if configured else data_dir() / "backups"


def _legacy_folder(db: Database) -> Path | None:
    path = db.sqlite_path
    return path.parent / "backups" if path is not None else None


def stem_of(db: Database) -> str:
    if db.sqlite_path is not None:
        return db.sqlite_path.stem
    return re.sub(r"[^0-9A-Za-z가-힣_.]+", "_", db.url.database or "panelapp")


def parse_name(path: Path, stem: str) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None or match["stem"] != stem:
        return None
    try:
        made = dt.datetime.strptime(match["date"] + match["time"], "%Y%m%d%H%M%S")
        stat = path.stat()
    except (ValueError, OSError):
        return None
    return BackupInfo(path=path, made_at=made, kind=match["kind"], size=stat.st_size, mtime=stat.st_mtime)


def _scan(folder: Path, stem: str) -> list[BackupInfo]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    out = []
    for path in entries:
        info = parse_name(path, stem)
        if info is not None and info.size > 0 and path.is_file():
            out.append(info)
    return out


def _order(info: BackupInfo) -> tuple[dt.datetime, float, str]:
    return (info.made_at, info.mtime, info.path.name)


def list_backups(db: Database, settings: Settings | None) -> list[BackupInfo]:
    """This database's backups, newest first. Empty files (interrupted backups of older
    versions) are not backups and are not listed."""
    stem = stem_of(db)
    folders = [backup_folder(settings)]
    legacy = _legacy_folder(db)
    if legacy is not None and legacy.resolve() != folders[0].resolve():
        folders.append(legacy)
    found: dict[Path, BackupInfo] = {}
    for folder in folders:
        for info in _scan(folder, stem):
            found[info.path.resolve()] = info
    return sorted(found.values(), key=_order, reverse=True)


# ----- making one --------------------------------------------------------------------------
def _target_in(folder: Path, stem: str, kind: str, ext: str, now: dt.datetime) -> Path:
    base = f"{stem}-{now:%Y%m%d-%H%M%S}"
    path = folder / f"{base}-{kind}.{ext}"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}-{kind}.{ext}"
        n += 1
    return path


def _ensure_folder(folder: Path) -> None:
    try:
        private_folder(folder)
    except (FileExistsError, NotADirectoryError):
        raise StorageError(
            f"백업 폴더 {quoted(folder, '이')} 폴더가 아니라 파일입니다(또는 그 경로 중간에 파일이 있습니다). "
            "파일 → 백업·복원에서 다른 백업 폴더를 고르세요.",
            folder,
            Problem.NOT_FOLDER,
        ) from None
    except OSError as exc:
        raise StorageError.from_os_error(exc, folder, prefix="백업 폴더를 만들 수 없습니다: ") from None


def failure_sentence(exc: BaseException, target: Path, source: str) -> StorageError:
    """A backup that could not be made, as a sentence naming the file."""
    prefix = "백업을 만들지 못했습니다: "
    if isinstance(exc, CopyNotSound):
        return StorageError(
            f"{prefix}'{source}'의 사본이 무결성 점검을 통과하지 못해 남기지 않았습니다"
            f"({exc.problems[0]}). 데이터베이스가 손상되었을 수 있습니다: 'panelapp check'로 점검하세요.",
            target,
        )
    if isinstance(exc, OSError):
        return StorageError.from_os_error(exc, target, prefix=prefix)
    if isinstance(exc, sqlite3.Error):
        problem = problem_of_sqlite(getattr(exc, "sqlite_errorname", "")) or Problem.OTHER
        if problem is Problem.OTHER and getattr(exc, "sqlite_errorname", "") == "SQLITE_CANTOPEN":
            from panelapp.domain.failures import diagnose_file

            found = diagnose_file(target)
            return StorageError(prefix + (found or sentence(Problem.OTHER, target, str(exc))), target)
        return StorageError(prefix + sentence(problem, target, str(exc)), target, problem)
    return StorageError(prefix + sentence(Problem.OTHER, target, type(exc).__name__), target)


def make_backup(
    db: Database,
    settings: Settings | None,
    kind: str = MANUAL,
    target: Path | None = None,
    now: dt.datetime | None = None,
) -> BackupInfo:
    """A verified backup: into the backup folder (then the old ones are pruned), or to `target`.
    SQLite: a copy of the file (a `.zip` target gets the portable archive instead); PostgreSQL:
    the portable archive."""
    now = now or korea_now()
    archive = not db.is_sqlite or (target is not None and target.suffix.lower() == ".zip")
    if target is None:
        folder = backup_folder(settings)
        _ensure_folder(folder)
        remove_stale_temporaries(folder)
        path = _target_in(folder, stem_of(db), kind, "zip" if archive else "db", now)
    else:
        path = target.expanduser().resolve()
        if path.is_dir():
            raise StorageError(sentence(Problem.IS_FOLDER, path), path, Problem.IS_FOLDER)
    try:
        if archive:
            from panelapp.services.system.archive import write_archive

            size = write_archive(db, path)
        else:
            assert db.sqlite_path is not None
            size = copy_database(db.sqlite_path, path)
    except StorageError:
        raise
    except (OSError, sqlite3.Error, CopyNotSound) as exc:
        raise failure_sentence(exc, path, db.display_name()) from None
    info = BackupInfo(
        path=path, made_at=now.replace(microsecond=0), kind=kind, size=size, mtime=path.stat().st_mtime
    )
    if target is None:
        prune(db, settings)
    return info


def before_upgrade(db: Database, settings: Settings | None) -> Callable[[str], Path | None]:
    """What bootstrap hands to migrate.upgrade_to_head: a SQLite database is copied before its
    schema is changed (a server database is the administrator's to back up)."""

    def make(revision: str) -> Path | None:
        if not db.is_sqlite:
            return None
        return make_backup(db, settings, kind=f"before-{revision}").path

    return make


# ----- which are kept --------------------------------------------------------------------
def _newest_per(infos: list[BackupInfo], key: Callable[[BackupInfo], Hashable], count: int) -> set[Path]:
    keep: set[Path] = set()
    seen: list[Hashable] = []
    for info in infos:  # newest first
        bucket = key(info)
        if bucket in seen:
            continue
        if len(seen) >= count:
            break
        seen.append(bucket)
        keep.add(info.path)
    return keep


def to_keep(infos: Iterable[BackupInfo]) -> set[Path]:
    """7 daily, 4 weekly, 12 monthly of the automatic ones; the newest 3 before-upgrade copies;
    every manual and unknown one."""
    ordered = sorted(infos, key=_order, reverse=True)
    auto = [i for i in ordered if i.kind in AUTO_KINDS]
    upgrades = [i for i in ordered if i.kind.startswith("before-")]
    keep = {i.path for i in ordered if i.kind not in AUTO_KINDS and not i.kind.startswith("before-")}
    keep |= _newest_per(auto, lambda i: i.made_at.date(), KEEP_DAILY)
    keep |= _newest_per(auto, lambda i: tuple(i.made_at.isocalendar())[:2], KEEP_WEEKLY)
    keep |= _newest_per(auto, lambda i: (i.made_at.year, i.made_at.month), KEEP_MONTHLY)
    keep |= {i.path for i in upgrades[:KEEP_BEFORE_UPGRADE]}
    return keep


def prune(db: Database, settings: Settings | None) -> list[Path]:
    """Remove the backups not kept, and the empty files interrupted backups of older versions
    left under a backup's name. Returns what was removed."""
    stem = stem_of(db)
    folders = [backup_folder(settings)]
    legacy = _legacy_folder(db)
    if legacy is not None and legacy.is_dir() and legacy.resolve() != folders[0].resolve():
        folders.append(legacy)
    removed: list[Path] = []
    infos: list[BackupInfo] = []
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            info = parse_name(path, stem)
            if info is None:
                continue
            if info.size == 0 and path.is_file():
                removed.append(path)
            else:
                infos.append(info)
    keep = to_keep(infos)
    removed += [i.path for i in infos if i.path not in keep]
    for path in removed:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only old folder: left as it is
    return removed


# ----- automatic backups -------------------------------------------------------------------
def _changed_since(db: Database, moment: float) -> bool:
    path = db.sqlite_path
    if path is None:
        return False
    try:
        times = [path.stat().st_mtime]
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            times.append(wal.stat().st_mtime)
    except OSError:
        return False
    return max(times) > moment


def backup_due(db: Database, settings: Settings | None, reason: str, now: dt.datetime | None = None) -> bool:
    """`daily`: no backup yet today. `close`: the database changed since the newest backup (and
    is not too big to copy while the window waits)."""
    if not db.is_sqlite or db.sqlite_path is None or not db.sqlite_path.exists():
        return False
    now = now or korea_now()
    if reason != "daily":
        try:
            if db.sqlite_path.stat().st_size > CLOSE_BACKUP_MAX_BYTES:
                return False
        except OSError:
            return False
    backups = list_backups(db, settings)
    if not backups:
        return True
    if reason == "daily":
        return all(b.made_at.date() != now.date() for b in backups)
    try:
        newest = max(b.path.stat().st_mtime for b in backups)
    except OSError:
        return True
    return _changed_since(db, newest)


def auto_backup(
    db: Database, settings: Settings | None, reason: str, now: dt.datetime | None = None
) -> BackupInfo | None:
    """The automatic backup of `reason` ("close" or "daily") when one is due, else None."""
    if not backup_due(db, settings, reason, now):
        return None
    return make_backup(db, settings, kind=reason, now=now)


# ----- the newest good one -------------------------------------------------------------------
def backup_revision(path: Path) -> str | None:
    """The schema stamp inside a SQLite backup, or None (read-only)."""
    try:
        conn = connect_read_only(path, immutable=True)
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return rows[0][0] if len(rows) == 1 else None


def is_good(info: BackupInfo) -> bool:
    """A backup this program can restore: a sound SQLite file stamped with a revision it knows
    whose tables match that revision, or an archive whose manifest it can read."""
    from panelapp.db.migrate import is_known, schema_differences

    if info.is_archive:
        from panelapp.services.system.archive import read_manifest

        try:
            return is_known(str(read_manifest(info.path)["revision"]))
        except Exception:  # noqa: BLE001 - any unreadable archive is simply not good
            return False
    if integrity_problems(info.path, immutable=True):
        return False
    revision = backup_revision(info.path)
    if revision is None or not is_known(revision):
        return False
    try:
        return not schema_differences(info.path, revision, immutable=True)
    except sqlite3.Error:
        return False


def newest_good_backup(db: Database, settings: Settings | None) -> Path | None:
    """The newest backup that passes `is_good` (the newest few are opened, no more)."""
    for info in list_backups(db, settings)[:GOOD_CANDIDATES]:
        if is_good(info):
            return info.path
    return None
