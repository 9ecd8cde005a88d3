"""Engine and session factory for SQLite (default) or PostgreSQL (shared office database)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import NullPool

from panelapp.atomic import make_private
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted
from panelapp.paths import default_db_path


@dataclass(frozen=True)
class Database:
    engine: Engine
    session_factory: sessionmaker
    url: URL

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    def display_name(self) -> str:
        """For the status bar: the file, or the server and database without the password."""
        if self.is_sqlite:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def resolve_url(target: str | None = None) -> URL:
    """`--db` value, else PANELAPP_DB, else the per-user SQLite file. A bare path means SQLite."""
    target = target or os.environ.get("PANELAPP_DB") or str(default_db_path())
    if "://" in target:
        try:
            return make_url(target)
        except Exception:
            raise DomainError(
                f"데이터베이스 주소 '{target}'를 이해할 수 없습니다. "
                "예: postgresql+psycopg://사용자@서버/데이터베이스"
            ) from None
    path = Path(target).expanduser().resolve()
    if not path.parent.is_dir():
        from panelapp.domain.failures import diagnose_file

        found = diagnose_file(path) or f"'{path.parent}' 폴더가 없습니다."
        raise DomainError(f"데이터베이스 파일 {quoted(path, '을')} 열 수 없습니다: {found}")
    return URL.create("sqlite+pysqlite", database=str(path))


def owner_only_when_new(path: str | None):
    """A connect hook: a database file SQLite has just made (still empty) becomes owner-only
    before anything is written, so its -wal and -shm, which SQLite gives the database's mode,
    are owner-only too. A file that was there before keeps its mode (`panelapp check` warns)."""

    def hook(_dbapi_conn, _record) -> None:
        if not path or path == ":memory:" or path.startswith("file:"):
            return
        try:
            if os.path.getsize(path) == 0:
                make_private(path)
        except OSError:
            pass  # not ours to change (another user's file on a share): SQLite says what fails

    return hook


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


# libpq settings that make a broken server connection fail within seconds instead of hanging a
# save until the operating system gives up (~15 minutes): a connection attempt waits 10 s at most,
# an idle connection is probed every few seconds, and data the server does not acknowledge for
# 15 s breaks the connection. An address that names one of them keeps its own.
SERVER_CONNECT_ARGS: dict[str, int] = {
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15000,
}


def server_connect_args(url: URL) -> dict[str, int]:
    return {k: v for k, v in SERVER_CONNECT_ARGS.items() if k not in url.query}


def open_database(target: str | URL | None = None, echo: bool = False) -> Database:
    url = target if isinstance(target, URL) else resolve_url(target)
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, echo=echo)
            event.listen(engine, "connect", owner_only_when_new(url.database))
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            # pre-ping: a pooled connection the server dropped (it restarted) is replaced before
            # use, so the first work after a reconnect does not fail on a dead connection
            connect_args = server_connect_args(url) if url.get_backend_name() == "postgresql" else {}
            engine = create_engine(url, echo=echo, pool_pre_ping=True, connect_args=connect_args)
    except ArgumentError:  # unknown dialect or driver, e.g. a typo in "postgresql+psycopg"
        raise DomainError(
            f"데이터베이스 주소 '{url.render_as_string(hide_password=True)}'의 종류를 "
            "알 수 없습니다. 예: postgresql+psycopg://사용자@서버/데이터베이스"
        ) from None
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(engine=engine, session_factory=factory, url=url)


@contextmanager
def snapshot(db: Database) -> Iterator[Connection]:
    """One consistent read of the whole database (every table as of one moment), for archives.
    SQLite: its own connection with an explicit BEGIN (pysqlite sends none before a SELECT, so
    each statement would see its own moment); PostgreSQL: a REPEATABLE READ, READ ONLY one."""
    if not db.is_sqlite:
        with db.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                yield conn
        return
    engine = create_engine(db.url, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA busy_timeout=10000")

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")

    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()
