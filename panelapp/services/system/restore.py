"""Restoring a backup: checked first, the current database kept aside, then put in place.

A backup is restored only after it passed its checks: a SQLite file its integrity_check, a
schema stamp this program knows (not newer) and tables that match that stamp; an archive its
manifest, CRCs and row counts. Into a SQLite database, the backup is first made into a verified
file beside it, the current file is kept as `<name>.<time>.before-restore`, and the backup's
pages are then written into the live file with SQLite's backup API (one write transaction: a
kill leaves the old database or the restored one), or, for a current file SQLite cannot read
at all, the file is replaced by rename. A PostgreSQL database (or an empty SQLite one) is filled
from an archive only when it is empty. A restored database at an older revision is upgraded at
the next open, after its own backup.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from panelapp.atomic import temp_for
from panelapp.db.copies import CopyNotSound, copy_database, fsync_folder, write_atomically
from panelapp.db.engine import Database, open_database
from panelapp.db.integrity import HEADER, integrity_problems, read_header, remember_sound
from panelapp.domain.errors import DomainError
from panelapp.domain.failures import (
    Problem,
    StorageError,
    newer_schema_sentence,
    problem_of_sqlite,
    sentence,
)
from panelapp.domain.josa import josa, quoted
from panelapp.services.system.archive import ArchiveError, load_archive, read_manifest
from panelapp.services.system.backups import backup_revision, failure_sentence, korea_now

ARCHIVE, SQLITE = "archive", "sqlite"


@dataclass(frozen=True)
class BackupCheck:
    kind: str  # ARCHIVE or SQLITE
    revision: str


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    target: str  # the database restored into (file or server, no password)
    kept_aside: Path | None  # the database as it was, for a SQLite file that had one
    revision: str


def check_backup_file(path: Path) -> BackupCheck:
    """What `path` holds, after every check a restore needs; a DomainError says what is wrong."""
    from panelapp.db.migrate import head_revision, is_known, schema_differences

    if path.is_dir():
        raise StorageError(sentence(Problem.IS_FOLDER, path), path, Problem.IS_FOLDER)
    try:
        header = read_header(path)
    except OSError as exc:
        raise StorageError.from_os_error(exc, path, prefix="백업 파일을 읽을 수 없습니다: ") from None
    if header.startswith(b"PK"):
        try:
            manifest = read_manifest(path, verify=True)
        except OSError as exc:
            raise StorageError.from_os_error(exc, path, prefix="백업 파일을 읽을 수 없습니다: ") from None
        revision = str(manifest["revision"])
        if not is_known(revision):
            raise ArchiveError(newer_schema_sentence(str(path), revision, head_revision()))
        return BackupCheck(ARCHIVE, revision)
    if not header.startswith(HEADER):
        raise ArchiveError(
            f"{quoted(path, '은')} 백업 파일이 아닙니다(SQLite 데이터베이스도, 이 프로그램의 zip 백업도 아닙니다)."
        )
    immutable = not Path(f"{path}-wal").exists()  # a backup: read without making -wal/-shm beside it
    problems = integrity_problems(path, immutable=immutable)
    if problems:
        raise ArchiveError(
            f"백업 파일 {quoted(path, '이')} 손상되어 복원하지 않았습니다({problems[0]}). 다른 백업을 고르세요."
        )
    stamp = backup_revision(path)
    if stamp is None:
        raise ArchiveError(
            f"'{path}'에는 데이터베이스 형식 정보가 없어 복원하지 않았습니다(만들다가 중단된 파일일 수 있습니다). "
            "다른 백업을 고르세요."
        )
    if not is_known(stamp):
        raise ArchiveError(newer_schema_sentence(str(path), stamp, head_revision()))
    differences = schema_differences(path, stamp, immutable=immutable)
    if differences:
        raise ArchiveError(
            f"백업 파일 '{path}'의 구조가 형식 {josa(stamp, '과')} 맞지 않아 복원하지 않았습니다"
            f"({'; '.join(differences[:3])}). 다른 백업을 고르세요."
        )
    return BackupCheck(SQLITE, stamp)


def restore(db: Database, source: Path, now: dt.datetime | None = None) -> RestoreResult:
    """Restore `source` into `db` (whose connections are closed first; open it again after)."""
    source = source.expanduser().resolve()
    if not source.exists():
        raise StorageError(f"백업 파일 {quoted(source, '이')} 없습니다. 이름과 위치를 확인하세요.", source)
    checked = check_backup_file(source)
    db.dispose()
    if db.sqlite_path is None:
        if checked.kind != ARCHIVE:
            raise DomainError(
                "PostgreSQL 데이터베이스에는 zip 백업만 복원할 수 있습니다. SQLite 백업 파일은 SQLite "
                "데이터베이스로 복원한 뒤 'panelapp --db 파일 backup -o 백업.zip'으로 zip을 만들어 복원하세요."
            )
        _load(db, source)
        return RestoreResult(source, db.display_name(), None, checked.revision)
    target = db.sqlite_path
    staging = temp_for(target)  # a temporary of atomic's pattern: a killed restore's is cleaned at start
    try:
        try:
            if checked.kind == ARCHIVE:
                staged = open_database(str(staging))
                try:
                    _load(staged, source)
                finally:
                    staged.dispose()
            else:
                copy_database(source, staging)
        except (OSError, sqlite3.Error, CopyNotSound) as exc:
            raise _restore_failure(exc, target) from None
        kept = keep_aside(target, now or korea_now())
        _put_in_place(staging, target)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{staging}{suffix}").unlink(missing_ok=True)
    remember_sound(target)
    return RestoreResult(source, str(target), kept, checked.revision)


def _load(db: Database, source: Path) -> None:
    try:
        load_archive(db, source)
    except OSError as exc:
        raise StorageError.from_os_error(exc, source, prefix="복원하지 못했습니다: ") from None


def _restore_failure(exc: BaseException, target: Path) -> StorageError:
    made = failure_sentence(exc, target, str(target))
    return StorageError(made.message.replace("백업을 만들지 못했습니다", "복원하지 못했습니다", 1), target)


def keep_aside(target: Path, now: dt.datetime) -> Path | None:
    """The database as it is, beside it as `<name>.<time>.before-restore` (with its -wal when
    SQLite cannot read it whole); None when there is nothing to keep."""
    if not target.exists() or target.stat().st_size == 0:
        return None
    aside = target.with_name(f"{target.name}.{now:%Y%m%d-%H%M%S}.before-restore")
    try:
        try:
            copy_database(target, aside, verify=False)
        except (sqlite3.Error, CopyNotSound):  # unreadable to SQLite: the raw files as they are
            write_atomically(aside, lambda tmp: shutil.copyfile(target, tmp))
            wal = Path(f"{target}-wal")
            if wal.exists():
                write_atomically(Path(f"{aside}-wal"), lambda tmp: shutil.copyfile(wal, tmp))
    except OSError as exc:
        raise StorageError.from_os_error(
            exc, aside, prefix="지금 데이터베이스를 옆에 남겨 둘 수 없어 복원하지 않았습니다: "
        ) from None
    return aside


def _put_in_place(staging: Path, target: Path) -> None:
    if target.exists() and target.stat().st_size > 0:
        try:
            src = sqlite3.connect(f"{staging.resolve().as_uri()}?mode=ro", uri=True)
            dst = sqlite3.connect(str(target), timeout=30)
            try:
                src.backup(dst)  # every page, in one write transaction of the live file
                return
            finally:
                dst.close()
                src.close()
        except sqlite3.DatabaseError as exc:
            name = getattr(exc, "sqlite_errorname", "")
            if problem_of_sqlite(name) is not None or name.startswith("SQLITE_BUSY"):
                raise StorageError(
                    "복원하지 못했습니다: "
                    + sentence(problem_of_sqlite(name) or Problem.OTHER, target, str(exc)),
                    target,
                ) from None
            # SQLite cannot read the current file (not a database, damaged): replaced whole below
    try:
        for suffix in ("-wal", "-shm", "-journal"):  # a stale -wal would be applied to the new file
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(staging, target)
        fsync_folder(target.parent)
    except OSError as exc:
        raise StorageError.from_os_error(exc, target, prefix="복원하지 못했습니다: ") from None
