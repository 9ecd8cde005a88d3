"""File-system and database-file failures as Korean sentences that name the file and say what to do.

Every layer that writes a file or opens the database turns an `OSError` into one of these
sentences (`os_error_sentence`), so disk full, a read-only drive, a missing permission, a folder
where a file should be, a network folder gone and an unusable database each read differently
and never as a traceback. `DatabaseUnusable` is the refusal to open a database at all
(corrupted, made by a newer program, left half-made): it carries the newest good backup, if
there is one, so a window can offer to restore it.
"""

from __future__ import annotations

import errno
import os
from enum import StrEnum
from pathlib import Path

from panelapp.domain.errors import DomainError
from panelapp.domain.josa import josa


class Problem(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    PERMISSION = "permission"
    IS_FOLDER = "is_folder"
    NOT_FOLDER = "not_folder"
    FOLDER_GONE = "folder_gone"
    NETWORK = "network"
    IO = "io"
    OTHER = "other"


_BY_ERRNO: dict[int, Problem] = {
    errno.ENOSPC: Problem.DISK_FULL,
    errno.EDQUOT: Problem.DISK_FULL,
    errno.EROFS: Problem.READ_ONLY,
    errno.EACCES: Problem.PERMISSION,
    errno.EPERM: Problem.PERMISSION,
    errno.EISDIR: Problem.IS_FOLDER,
    errno.ENOTDIR: Problem.NOT_FOLDER,
    errno.ENOENT: Problem.FOLDER_GONE,
    errno.ENOTCONN: Problem.NETWORK,
    errno.ESTALE: Problem.NETWORK,
    errno.EHOSTDOWN: Problem.NETWORK,
    errno.EHOSTUNREACH: Problem.NETWORK,
    errno.ENETDOWN: Problem.NETWORK,
    errno.ENETUNREACH: Problem.NETWORK,
    errno.ETIMEDOUT: Problem.NETWORK,
    errno.ECONNRESET: Problem.NETWORK,
    errno.ECONNABORTED: Problem.NETWORK,
    errno.EIO: Problem.IO,
}
# Windows reports some of these by its own numbers only (winerror).
_BY_WINERROR: dict[int, Problem] = {
    19: Problem.READ_ONLY,  # ERROR_WRITE_PROTECT
    21: Problem.NETWORK,  # ERROR_NOT_READY (a drive or share that went away)
    39: Problem.DISK_FULL,  # ERROR_HANDLE_DISK_FULL
    53: Problem.NETWORK,  # ERROR_BAD_NETPATH
    59: Problem.NETWORK,  # ERROR_UNEXP_NET_ERR
    64: Problem.NETWORK,  # ERROR_NETNAME_DELETED
    67: Problem.NETWORK,  # ERROR_BAD_NET_NAME
    112: Problem.DISK_FULL,  # ERROR_DISK_FULL
    1231: Problem.NETWORK,  # ERROR_NETWORK_UNREACHABLE
}


def problem_of(exc: OSError) -> Problem:
    winerror = getattr(exc, "winerror", None)
    if winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    return _BY_ERRNO.get(exc.errno or -1, Problem.OTHER)


def problem_of_sqlite(errorname: str) -> Problem | None:
    """The problem behind a SQLite result code name (sqlite3's `sqlite_errorname`)."""
    if errorname == "SQLITE_FULL":
        return Problem.DISK_FULL
    if errorname.startswith("SQLITE_READONLY"):
        return Problem.READ_ONLY
    if errorname in ("SQLITE_PERM", "SQLITE_AUTH", "SQLITE_IOERR_ACCESS"):
        return Problem.PERMISSION
    if errorname.startswith("SQLITE_IOERR"):
        return Problem.IO
    return None


def sentence(problem: Problem, path: Path | str | None, detail: str = "") -> str:
    """The sentence for `problem` at `path` (a file, or for FOLDER_GONE the missing folder)."""
    p = f"'{path}'" if path else "파일"
    if problem is Problem.DISK_FULL:
        return f"{p}에 쓸 수 없습니다: 디스크 공간이 부족합니다. 필요 없는 파일을 지워 공간을 비운 뒤 다시 시도하세요."
    if problem is Problem.READ_ONLY:
        return (
            f"{josa(p, '이')} 있는 드라이브가 읽기 전용이라 쓸 수 없습니다. 쓰기 가능한 폴더를 고르거나, "
            "USB의 쓰기 방지 스위치나 네트워크 공유의 읽기 전용 설정을 확인하세요."
        )
    if problem is Problem.PERMISSION:
        return f"{p}에 접근할 권한이 없습니다. 파일과 폴더의 권한을 확인하거나, 권한이 있는 다른 폴더를 고르세요."
    if problem is Problem.IS_FOLDER:
        return f"{josa(p, '은')} 파일이 아니라 폴더입니다. 다른 파일 이름을 고르거나 그 폴더를 다른 곳으로 옮기세요."
    if problem is Problem.NOT_FOLDER:
        return f"{p}의 경로 중간에 폴더가 아닌 파일이 있습니다. 경로를 확인하세요."
    if problem is Problem.FOLDER_GONE:
        return (
            f"{p} 폴더가 없습니다. 네트워크 드라이브나 USB라면 연결을 확인하고, 아니면 다른 폴더를 고르세요."
        )
    if problem is Problem.NETWORK:
        return f"{josa(p, '이')} 있는 네트워크 폴더에 연결할 수 없습니다. 네트워크와 공유 폴더 연결을 확인한 뒤 다시 시도하세요."
    if problem is Problem.IO:
        return f"{josa(p, '을')} 읽거나 쓰는 중 입출력 오류가 났습니다. 디스크나 네트워크 연결을 확인한 뒤 다시 시도하세요."
    reason = f"({detail})" if detail else ""
    return f"{josa(p, '을')} 다룰 수 없습니다{reason}. 경로와 권한을 확인한 뒤 다시 시도하세요."


def os_error_sentence(exc: OSError, path: Path | str | None = None) -> str:
    """One sentence for an OSError; names `path`, else the file the error names."""
    target = path if path is not None else (exc.filename or None)
    problem = problem_of(exc)
    if problem is Problem.FOLDER_GONE and target is not None:
        missing = _missing_folder(Path(target))
        if missing is None:  # the folder is there: it is the file that is missing
            return f"'{target}' 파일이 없습니다. 이름과 위치를 확인하세요."
        target = missing
    return sentence(problem, target, exc.strerror or str(exc))


def _missing_folder(path: Path) -> Path | None:
    """The outermost missing folder above `path`, or None when its folder exists."""
    missing = None
    for parent in path.parents:
        if parent.exists():
            break
        missing = parent
    return missing


def read_only_drive(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def diagnose_file(path: Path, *, write: bool = True) -> str | None:
    """Why `path` cannot be opened (to write, or only to read), found by looking: for drivers
    that say only "unable to open". None when nothing is visibly wrong."""
    if path.is_dir():
        return sentence(Problem.IS_FOLDER, path)
    missing = _missing_folder(path)
    if missing is not None:
        return sentence(Problem.FOLDER_GONE, missing)
    folder = path.parent
    if not folder.is_dir():
        return sentence(Problem.NOT_FOLDER, path)
    if not write:
        if path.exists() and not os.access(path, os.R_OK):
            return sentence(Problem.PERMISSION, path)
        return None
    if read_only_drive(folder):
        return sentence(Problem.READ_ONLY, path)
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return sentence(Problem.PERMISSION, path)
    if not os.access(folder, os.W_OK | os.X_OK):
        return (
            f"'{folder}' 폴더에 쓸 권한이 없습니다(데이터베이스는 같은 폴더에 작업 파일 -wal, -shm을 "
            "만듭니다). 폴더 권한을 확인하거나, 데이터베이스를 쓰기 가능한 폴더로 옮기세요."
        )
    return None


class StorageError(DomainError):
    """A file could not be read or written; the message names it and says what to do."""

    def __init__(self, message: str, path: Path | None = None, problem: Problem = Problem.OTHER):
        super().__init__(message)
        self.path = path
        self.problem = problem

    @classmethod
    def from_os_error(cls, exc: OSError, path: Path | None = None, prefix: str = "") -> StorageError:
        text = os_error_sentence(exc, path)
        return cls(f"{prefix}{text}", path or (Path(exc.filename) if exc.filename else None), problem_of(exc))


class Unusable(StrEnum):
    CORRUPT = "corrupt"  # not a database, or damaged pages
    NEWER = "newer"  # made by a newer program: its schema revision is unknown here
    HALF_CREATED = "half_created"  # tables without a schema version (an older program was killed)
    HALF_UPGRADED = "half_upgraded"  # the schema does not match its version stamp
    MIGRATION = "migration"  # bringing the schema up to date failed for another reason


class DatabaseUnusable(DomainError):
    """The database is not opened (nothing was written to it). `backup` is the newest good
    backup to offer, if any; `path` the database file (None on a server)."""

    def __init__(self, message: str, reason: Unusable, path: Path | None = None, backup: Path | None = None):
        super().__init__(message)
        self.reason = reason
        self.path = path
        self.backup = backup


def newer_schema_sentence(name: str, found: str, known: str) -> str:
    return (
        f"이 데이터베이스는 더 새로운 버전의 프로그램에서 만들어졌습니다('{name}', 형식 {found}; "
        f"이 프로그램은 형식 {known}까지 압니다). 프로그램을 업데이트하세요. 이 버전으로는 열지 않으며, "
        "데이터베이스는 바뀌지 않았습니다."
    )


def restore_hint(backup: Path | None, database: Path | str | None = None) -> str:
    """What to do about a database that is refused: restore the newest good backup (in the
    window, or by the command, with --db unless it is the default database)."""
    if backup is None:
        return " 쓸 수 있는 백업이 없습니다. 파일을 지우지 말고 보관한 채 관리자에게 문의하세요."
    option = ""
    if database is not None:
        from panelapp.paths import default_db_path

        if str(database) != str(default_db_path()):
            option = f'--db "{database}" '
    return (
        f" 가장 최근의 정상 백업은 '{backup}'입니다: 파일 → 백업·복원에서 복원하거나 "
        f"명령 'panelapp {option}restore \"{backup}\"'로 복원하세요."
    )


def server_lost_sentence(where: str | None = None) -> str:
    """A work that failed because the connection to the database server broke (the server
    restarted, the network dropped) while the window was open: nothing of it was kept."""
    server = f"데이터베이스 서버({where})" if where else "데이터베이스 서버"
    return (
        f"{server}와의 연결이 끊겨 이 작업을 마치지 못했습니다: 아무것도 저장되지 않았고 입력한 내용은 "
        "그대로 있습니다. 상태 표시줄에 '서버에 다시 연결되었습니다'가 나오면 다시 시도하세요."
    )
