"""Which database this computer opens: 파일 → 데이터베이스 연결 (issue 13 item 6).

The choice is kept per computer in the settings (`connection`): a SQLite file, or a PostgreSQL
server (host, port, database, user, TLS mode). The server's password is never written there: it
is kept in the system keyring (`keyring`, when it is installed and the system has a backend:
Windows Credential Locker, macOS Keychain, Secret Service) or asked at every start. `--db` and
`PANELAPP_DB` still win over the saved choice (`saved_target` is asked only without them).
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted
from panelapp.settings import Settings

log = logging.getLogger(__name__)

KEYRING_SERVICE = "panelapp"  # the keyring entry's service; its user is the server's address
SQLITE, SERVER = "sqlite", "server"
KEYRING, ASK, NONE = "keyring", "ask", "none"  # how a server's password is had
ENV_DB = "PANELAPP_DB"


@dataclass(frozen=True)
class SavedConnection:
    kind: str  # SQLITE or SERVER
    path: str = ""
    host: str = ""
    port: int = 5432
    database: str = ""
    user: str = ""
    tls: str = "prefer"
    password: str = NONE  # KEYRING, ASK or NONE (the server needs none: trust, .pgpass)

    @classmethod
    def from_settings(cls, value: Any) -> SavedConnection | None:
        """The saved choice, or None (the data folder's file) for nothing saved or a value this
        version cannot read."""
        if not isinstance(value, dict) or value.get("kind") not in (SQLITE, SERVER):
            return None
        try:
            found = cls(
                kind=str(value["kind"]),
                path=str(value.get("path", "")),
                host=str(value.get("host", "")),
                port=int(value.get("port", 5432)),
                database=str(value.get("database", "")),
                user=str(value.get("user", "")),
                tls=str(value.get("tls", "prefer")),
                password=str(value.get("password", NONE)),
            )
        except (TypeError, ValueError):
            return None
        if found.kind == SQLITE and not found.path:
            return None
        return found

    def to_settings(self) -> dict[str, Any]:
        if self.kind == SQLITE:
            return {"kind": SQLITE, "path": self.path}
        values = asdict(self)
        values.pop("path")
        return values

    @property
    def account(self) -> str:
        """The keyring entry's user: which server and account the password is for."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def shown(self) -> str:
        return self.path if self.kind == SQLITE else self.account

    def target(self, password: str = "") -> str:
        """The address to open (the password in it for a server: keep it off the screen)."""
        if self.kind == SQLITE:
            return self.path
        from panelapp.services.system.db_copy import server_url

        return server_url(self.host, self.port, self.database, self.user, password, self.tls)


def saved(settings: Settings | None) -> SavedConnection | None:
    if settings is None:
        return None
    try:
        return SavedConnection.from_settings(settings.get("connection"))
    except KeyError:  # a stand-in settings object without the key
        return None


def save(settings: Settings, connection: SavedConnection | None) -> None:
    """Remember `connection` on this computer (None: the data folder's file again)."""
    settings.set("connection", connection.to_settings() if connection is not None else {})


@dataclass(frozen=True)
class StartTarget:
    """What a start without --db opens: `target` (None: PANELAPP_DB or the data folder's file),
    or `ask` when the saved server's password has to be asked first."""

    target: str | None = None
    ask: SavedConnection | None = None


def saved_target(settings: Settings | None, password: str | None = None) -> StartTarget:
    """The saved connection's address for a start without --db (PANELAPP_DB wins), its password
    from `password`, else the keyring; `ask` when neither has it and it is needed."""
    if os.environ.get(ENV_DB):
        return StartTarget()
    found = saved(settings)
    if found is None:
        return StartTarget()
    if found.kind == SQLITE:
        return StartTarget(found.path)
    if password is None and found.password == KEYRING:
        password = stored_password(found)
    if password is None and found.password in (KEYRING, ASK):
        return StartTarget(ask=found)
    return StartTarget(found.target(password or ""))


# ----- the keyring ---------------------------------------------------------------------------
def _keyring() -> Any | None:
    """The system keyring, or None without the package or without a usable backend (a Linux
    desktop without Secret Service gives keyring's "fail" backend)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - a broken keyring configuration: ask instead
        log.warning("keyring unavailable: %s", exc)
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def keyring_usable() -> bool:
    return _keyring() is not None


def stored_password(connection: SavedConnection) -> str | None:
    return keyring_secret(connection.account)


def keyring_secret(account: str) -> str | None:
    """The password kept under `account` (a server's, the mail server's), or None."""
    backend = _keyring()
    if backend is None:
        return None
    try:
        value = backend.get_password(KEYRING_SERVICE, account)
    except Exception as exc:  # noqa: BLE001 - a locked or broken keyring: the password is asked
        log.warning("keyring not read: %s", exc)
        return None
    return None if value is None else str(value)


def store_password(connection: SavedConnection, password: str) -> bool:
    """Keep the password in the keyring; False when there is none to keep it in."""
    return keep_keyring_secret(connection.account, password)


def keep_keyring_secret(account: str, password: str) -> bool:
    backend = _keyring()
    if backend is None:
        return False
    try:
        backend.set_password(KEYRING_SERVICE, account, password)
    except Exception as exc:  # noqa: BLE001 - refused (a locked keyring): asked at start instead
        log.warning("keyring not written: %s", exc)
        return False
    return True


def forget_password(connection: SavedConnection) -> None:
    backend = _keyring()
    if backend is None:
        return
    try:
        backend.delete_password(KEYRING_SERVICE, connection.account)
    except Exception:  # noqa: BLE001 - there was none
        pass


# ----- 연결 시험 -----------------------------------------------------------------------------
SQLITE_HEADER = b"SQLite format 3\x00"


def probe(target: str) -> str:
    """Try the database at `target` without writing anything: a sentence saying what was found
    (a DomainError, the sentence of what is wrong, when it cannot be opened)."""
    from panelapp.db.engine import open_database

    db = open_database(target)
    try:
        if db.is_sqlite:
            return _probe_file(db.sqlite_path)
        return _probe_server(db)
    finally:
        db.dispose()


def _probe_file(path: Path | None) -> str:
    from panelapp.domain.failures import diagnose_file, os_error_sentence

    if path is None:
        raise DomainError("데이터베이스 파일의 경로를 입력하세요.")
    if not path.exists():
        found = diagnose_file(path)
        if found:
            raise DomainError(found)
        return f"{quoted(path, '은')} 아직 없습니다. 전환하면 새 데이터베이스 파일로 만듭니다."
    if path.is_dir():
        raise DomainError(f"{quoted(path, '은')} 파일이 아니라 폴더입니다. 데이터베이스 파일을 고르세요.")
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DomainError(os_error_sentence(exc, path)) from None
    if header and header != SQLITE_HEADER:
        raise DomainError(f"{quoted(path, '은')} 데이터베이스 파일이 아닙니다. 다른 파일을 고르세요.")
    return f"{quoted(path, '을')} 열 수 있습니다. 전환하면 이 파일의 자료로 창이 다시 열립니다."


def _probe_server(db: Any) -> str:
    from sqlalchemy.exc import DBAPIError

    from panelapp.db.migrate import current_revision, head_revision, is_known
    from panelapp.services.errors import server_error_sentence

    where = db.display_name()
    try:
        revision = current_revision(db)
    except DBAPIError as exc:
        raise DomainError(server_error_sentence(exc, where)) from None
    if revision is None:
        return (
            f"연결했습니다: {where}. 빈 데이터베이스입니다. 전환하면 프로그램의 표를 만듭니다"
            "(서버의 사용자가 표를 만들 수 있어야 합니다)."
        )
    if revision == head_revision():
        return f"연결했습니다: {where}. 이 프로그램의 자료가 있습니다."
    if is_known(revision):
        return f"연결했습니다: {where}. 전환하면 데이터베이스 형식을 이 버전에 맞게 올립니다."
    raise DomainError(
        f"연결했습니다: {where}. 그런데 이 데이터베이스는 더 새로운 버전의 프로그램이 만들었습니다. "
        "프로그램을 업데이트한 뒤 전환하세요."
    )
