"""Database failures as sentences, for the layers that must not import SQLAlchemy (cli, gui).

Each failure gets its own sentence naming the file (or server) and what to do - disk full,
read-only, permission, a folder in the way, a network folder or server gone, a damaged file - and
never the driver's text with its SQL or a link to SQLAlchemy's error pages.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from panelapp.domain.failures import (
    DatabaseUnusable,
    Problem,
    StorageError,
    Unusable,
    diagnose_file,
    os_error_sentence,
    problem_of_sqlite,
    restore_hint,
    sentence,
    server_lost_sentence,
)
from panelapp.domain.josa import quoted

_BY_MESSAGE = {  # when an error was re-raised without its result code
    "database or disk is full": "SQLITE_FULL",
    "attempt to write a readonly database": "SQLITE_READONLY",
    "unable to open database file": "SQLITE_CANTOPEN",
    "disk i/o error": "SQLITE_IOERR",
    "file is not a database": "SQLITE_NOTADB",
    "database disk image is malformed": "SQLITE_CORRUPT",
    "database is locked": "SQLITE_BUSY",
}


def sqlite_errorname(exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", None)
    if name:
        return str(name)
    text = str(exc).strip().lower()
    return next((code for message, code in _BY_MESSAGE.items() if text.startswith(message)), "")


def _sqlite_cause(exc: BaseException) -> sqlite3.Error | None:
    if isinstance(exc, sqlite3.Error):
        return exc
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, sqlite3.Error) else None


_DAMAGED = "SQLite가 읽을 수 없는 형식"


def corrupt_sentence(name: str, detail: str, backup: Path | None) -> str:
    return (
        f"데이터베이스 파일 {quoted(name, '이')} 손상되었거나 데이터베이스 파일이 아닙니다({detail}). "
        "더 손상되지 않도록 열지 않았고 아무것도 쓰지 않았습니다." + restore_hint(backup, name)
    )


def sqlite_error_sentence(exc: sqlite3.Error, path: Path | None) -> str:
    """A SQLite failure on the file at `path` as a sentence (no SQL)."""
    name = sqlite_errorname(exc)
    target = path if path is not None else "데이터베이스"
    if name in ("SQLITE_NOTADB",) or name.startswith("SQLITE_CORRUPT"):
        return corrupt_sentence(str(target), _DAMAGED, None)
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return (
            f"{quoted(target, '을')} 다른 프로그램이 쓰고 있어 기다리다 그만두었습니다. 잠시 후 다시 "
            "시도하거나, 같은 파일을 연 다른 창을 닫으세요."
        )
    if name == "SQLITE_CANTOPEN" and path is not None:
        found = diagnose_file(path)
        if found:
            return found
    if name.startswith("SQLITE_IOERR") and path is not None:
        found = diagnose_file(path)
        if found:
            return found
        if name in ("SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE"):
            return sentence(Problem.IO, target)
        return sentence(Problem.NETWORK if _on_network(path) else Problem.IO, target)
    problem = problem_of_sqlite(name)
    if problem is Problem.READ_ONLY and path is not None:
        found = diagnose_file(path)
        return found or (
            f"'{target}'에 쓸 수 없습니다(읽기 전용으로 열렸습니다). 파일과 폴더가 쓰기 가능한지, "
            "다른 사용자의 파일이 아닌지 확인하세요."
        )
    if problem is not None:
        return sentence(problem, target)
    return (
        f"데이터베이스 {quoted(target, '을')} 다루다 오류가 났습니다({name or type(exc).__name__}). "
        "프로그램을 다시 시작하고, 되풀이되면 'panelapp check'로 점검하세요."
    )


def _on_network(path: Path) -> bool:
    return str(path).startswith(("\\\\", "//")) or not path.parent.exists()


_PG_BY_STATE = {
    "53100": "서버의 디스크가 가득 찼습니다. 데이터베이스 관리자에게 공간을 늘려 달라고 하세요.",
    "53200": "서버의 메모리가 모자랍니다. 잠시 후 다시 시도하고, 되풀이되면 관리자에게 알리세요.",
    "25006": "서버의 데이터베이스가 읽기 전용입니다(대기 서버이거나 읽기 전용으로 설정됨). 관리자에게 문의하세요.",
    "42501": "이 사용자에게 데이터베이스를 쓸 권한이 없습니다. 관리자에게 권한을 받으세요.",
    "3D000": "서버에 그 이름의 데이터베이스가 없습니다. 주소의 데이터베이스 이름을 확인하거나, 관리자에게 만들어 달라고 하세요(createdb).",
    "28P01": "사용자 이름이나 비밀번호가 맞지 않습니다. 주소의 사용자와 비밀번호를 확인하세요.",
    "28000": "서버가 이 사용자의 접속을 허락하지 않습니다. 관리자에게 접속 권한을 받으세요.",
    "57P01": "서버가 종료되어 연결이 끊겼습니다. 서버가 다시 켜진 뒤 다시 시도하세요.",
    "57P03": "서버가 아직 시작하는 중입니다. 잠시 후 다시 시도하세요.",
    "55P03": "다른 사용자가 같은 자료를 고치고 있어 기다리다 그만두었습니다. 잠시 후 다시 시도하세요.",
    "40001": "다른 사용자와 동시에 저장하려다 충돌했습니다. 다시 시도하세요.",
    "40P01": "다른 사용자와 동시에 저장하려다 충돌했습니다. 다시 시도하세요.",
}


def server_error_sentence(exc: DBAPIError, where: str) -> str:
    state = getattr(exc.orig, "sqlstate", None) or ""
    if state in _PG_BY_STATE:
        return f"데이터베이스 서버({where}): {_PG_BY_STATE[state]}"
    if state.startswith("08") or (not state and exc.connection_invalidated) or not state:
        return (
            f"데이터베이스 서버({where})에 연결할 수 없습니다. 서버가 켜져 있는지, 주소와 "
            "네트워크 연결을 확인한 뒤 다시 시도하세요."
        )
    return (
        f"데이터베이스 서버({where})가 요청을 처리하지 못했습니다(SQLSTATE {state}). 다시 시도하고, "
        "되풀이되면 관리자에게 이 코드를 알려 주세요."
    )


# SQLSTATEs of a connection that broke or could not be made again: class 08 (connection
# exception), the server shutting down (administrator, crash) or still starting up
_LOST_STATES = ("57P01", "57P02", "57P03")


def connection_lost(exc: BaseException) -> bool:
    """True when `exc` is the database server's connection breaking or refused (the server
    restarted or stopped, the network dropped): a failure of the moment, not of the work. SQLite's
    failures are never this (a network folder gone is a file failure with its own sentence)."""
    orig: BaseException | None = exc
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        orig = exc.orig
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    if not isinstance(orig, psycopg.Error):
        return False
    state = getattr(orig, "sqlstate", None) or ""
    if state.startswith("08") or state in _LOST_STATES:
        return True
    # libpq's own failures have no SQLSTATE: "server closed the connection unexpectedly",
    # "connection refused", "consuming input failed", "the connection is closed"
    return not state and isinstance(orig, (psycopg.OperationalError, psycopg.InterfaceError))


def lost_connection_sentence(exc: BaseException, where: str | None = None) -> str | None:
    """The sentence of a work the window could not finish because the server's connection broke
    (services/errors.connection_lost), or None for any other failure."""
    return server_lost_sentence(where) if connection_lost(exc) else None


def database_error_sentence(exc: BaseException, where: str | Path | None = None) -> str | None:
    """One Korean sentence for a database-driver failure, or None when `exc` is not one.
    `where` names the file or server (else a generic name)."""
    cause = _sqlite_cause(exc)
    if cause is not None:
        path = Path(where) if where is not None and "://" not in str(where) else None
        return sqlite_error_sentence(cause, path)
    if isinstance(exc, DBAPIError):
        return server_error_sentence(exc, str(where) if where else "서버")
    return None


def opening_error(exc: BaseException, name: str, path: Path | None) -> Exception:
    """The DomainError to raise for a failure while opening or upgrading the database."""
    if isinstance(exc, OSError):
        found = diagnose_file(path) if path is not None else None
        return StorageError(found or os_error_sentence(exc, path), path)
    cause = _sqlite_cause(exc)
    if cause is not None:
        errorname = sqlite_errorname(cause)
        if errorname == "SQLITE_NOTADB" or errorname.startswith("SQLITE_CORRUPT"):
            return DatabaseUnusable(corrupt_sentence(name, _DAMAGED, None), Unusable.CORRUPT, path)
        return StorageError(sqlite_error_sentence(cause, path), path)
    if isinstance(exc, DBAPIError):
        return StorageError(server_error_sentence(exc, name))
    if isinstance(exc, SQLAlchemyError):
        return StorageError(
            f"데이터베이스 {quoted(name, '을')} 열 수 없습니다({type(exc).__name__}). 주소를 확인하세요."
        )
    return exc if isinstance(exc, Exception) else RuntimeError(str(exc))
