"""Schema work in one transaction with its version stamp: creation, every migration, repairs.

On SQLite, DDL is transactional only when pysqlite's own transaction handling is off: by default
it runs each CREATE TABLE in autocommit, so a kill between the tables and the Alembic stamp left
a database that no later start could open ("table attachments already exists"). The migration
connection therefore follows SQLAlchemy's documented "pysqlite serializable" recipe: the DBAPI
connection's `isolation_level` is None and BEGIN IMMEDIATE is sent by a `begin` event, on a
connection of its own (the application's engine keeps the driver's defaults). Foreign keys are
off on that connection, as SQLite's table-rebuild procedure asks (batch mode copies tables), and
checked with `PRAGMA foreign_key_check` before the commit. On PostgreSQL DDL is transactional
anyway; an advisory lock keeps two desktops from migrating the same database at once.

A kill at any moment leaves the old schema or the new one. A database left half-made by an older
version (tables, no stamp) is rebuilt when it holds no data and refused otherwise; one stamped
with a revision this program does not know comes from a newer program and is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, event, func, inspect, select, table, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from panelapp.db.engine import Database, owner_only_when_new
from panelapp.domain.failures import DatabaseUnusable, Unusable, newer_schema_sentence, restore_hint
from panelapp.domain.josa import josa, quoted

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
PG_LOCK_KEY = 0x70616E656C  # pg_advisory_xact_lock key of schema work (b"panel")


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def _script() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg)


def head_revision(db: Database | None = None) -> str:
    return _script().get_current_head()


def known_revisions() -> list[str]:
    """Every revision this program has, oldest first."""
    return [s.revision for s in reversed(list(_script().walk_revisions()))]


def is_known(revision: str) -> bool:
    return revision in known_revisions()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_at_head(db: Database) -> bool:
    return current_revision(db) == head_revision(db)


def _display(db: Database) -> str:
    return db.display_name()


WAIT_SENTENCE = "다른 컴퓨터가 데이터베이스 형식을 올리는 중입니다. 끝나면 이어서 엽니다…"
_ON_WAIT: ContextVar[Callable[[str], None] | None] = ContextVar("panelapp_schema_wait", default=None)


@contextmanager
def telling_waits(say: Callable[[str], None]) -> Iterator[None]:
    """While the block runs (this thread), `say(WAIT_SENTENCE)` when schema work has to wait
    for another desktop's (the window's loading text)."""
    token = _ON_WAIT.set(say)
    try:
        yield
    finally:
        _ON_WAIT.reset(token)


# ----- the migration connection ----------------------------------------------------------
@contextmanager
def schema_transaction(db: Database) -> Iterator[Connection]:
    """One transaction for schema work, committed when the block ends without an error.

    SQLite: its own connection, with the driver's implicit transactions off and BEGIN IMMEDIATE
    (the write lock at once: a second process starting at the same moment waits, then finds the
    work done), foreign keys off for batch mode's table copies and checked before the commit."""
    if not db.is_sqlite:
        with db.engine.begin() as conn:
            free = conn.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY}).scalar()
            if not free:  # another desktop is making or upgrading the schema: wait, and say so
                say = _ON_WAIT.get()
                if say is not None:
                    say(WAIT_SENTENCE)
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
            yield conn
        return
    path = db.sqlite_path
    new_file = path is None or not path.exists() or path.stat().st_size == 0
    engine = create_engine(db.url, poolclass=NullPool)
    event.listen(engine, "connect", owner_only_when_new(db.url.database))  # a new file: 0600

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # no implicit BEGIN, no COMMIT before DDL
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=30000")
        if new_file:
            # A new file is WAL from its first transaction (a kill leaves a -wal the integrity
            # gate can read past). An existing one is not switched here: that writes its header,
            # and a database this transaction refuses must stay as it was.
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction: set before BEGIN
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.begin() as conn:
            yield conn
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                table_name, rowid, parent = broken[0][0], broken[0][1], broken[0][2]
                raise DatabaseUnusable(
                    f"'{_display(db)}'의 형식을 바꾸지 않았습니다: '{table_name}' 표의 {rowid}번 행이 "
                    f"'{parent}' 표에 없는 항목을 가리킵니다(모두 {len(broken)}건). 데이터베이스는 "
                    "바뀌지 않았습니다.",
                    Unusable.MIGRATION,
                    db.sqlite_path,
                )
    finally:
        engine.dispose()


# ----- what is in the database -----------------------------------------------------------
def user_tables(conn: Connection) -> list[str]:
    return [t for t in inspect(conn).get_table_names() if t != VERSION_TABLE]


def tables_with_rows(conn: Connection, names: list[str]) -> list[str]:
    return [n for n in names if conn.execute(select(func.count()).select_from(table(n))).scalar()]


def _drop_everything(conn: Connection, names: list[str]) -> None:
    """Empty tables left by an interrupted creation, inside the schema transaction."""
    quote = conn.dialect.identifier_preparer.quote
    for name in names:
        cascade = "" if conn.dialect.name == "sqlite" else " CASCADE"
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {quote(name)}{cascade}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {VERSION_TABLE}")


def half_created_sentence(name: str, tables: list[str], backup: Path | None) -> str:
    shown = ", ".join(tables[:5]) + (" 등" if len(tables) > 5 else "")
    return (
        f"{quoted(name, '은')} 만들다가 중단된 데이터베이스로 보입니다(형식 정보가 없는데 표가 있고, "
        f"{shown} 표에 자료가 있습니다). 자료가 있어 자동으로 고치지 않았고 아무것도 바꾸지 않았습니다. "
        "백업으로 복원하거나, 이 파일을 다른 곳에 보관한 뒤 새 데이터베이스로 시작하세요."
        + restore_hint(backup, name)
    )


# ----- bringing a database to head -------------------------------------------------------
def upgrade_to_head(
    db: Database,
    before_upgrade: Callable[[str], Path | None] | None = None,
    backup_hint: Callable[[], Path | None] | None = None,
) -> Path | None:
    """Bring the schema to head in one transaction; returns the backup `before_upgrade` made.

    `before_upgrade(revision)` runs inside the transaction, with the write lock held and only
    when there is an upgrade to do, so a second process that finds the work done makes no copy;
    when the upgrade then fails, that copy is removed again: the database did not change, and a
    start that is refused must not add a backup on every try. `backup_hint()` names the newest
    good backup for the sentences of a refusal."""
    script = _script()
    head = script.get_current_head()
    made: Path | None = None
    current: str | None = None
    try:
        with schema_transaction(db) as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            if current == head:
                return None
            if current is not None and current not in known_revisions():
                raise DatabaseUnusable(
                    newer_schema_sentence(_display(db), current, head), Unusable.NEWER, db.sqlite_path
                )
            if current is None:
                _prepare_new(db, conn, backup_hint)
            elif before_upgrade is not None:
                made = before_upgrade(current)
            cfg = alembic_config(db)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except BaseException as exc:
        if made is not None:
            made.unlink(missing_ok=True)
        if isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) == "42501":
            raise DatabaseUnusable(no_schema_rights_sentence(db, current, head), Unusable.MIGRATION) from None
        if isinstance(exc, DBAPIError) and current is not None and _already_there(exc):
            hint = backup_hint() if backup_hint else None
            raise DatabaseUnusable(
                f"{quoted(_display(db), '은')} 이전 버전에서 형식을 올리다가 중단된 것으로 보입니다(형식 "
                f"{current}인데 그 뒤의 형식에서 만드는 {quoted(_object_named(exc), '이')} 이미 있습니다). "
                "아무것도 바꾸지 않았습니다. 형식을 올리기 전에 만든 백업으로 복원하세요."
                + restore_hint(hint, _display(db)),
                Unusable.HALF_UPGRADED,
                db.sqlite_path,
                hint,
            ) from None
        raise
    return made


def no_schema_rights_sentence(db: Database, current: str | None, head: str) -> str:
    """A server login that may change rows but not tables (docs/sql/postgres_roles.sql' app
    role) on a database whose schema must be made or upgraded."""
    who = db.url.username or "이 사용자"
    what = "만들어야" if current is None else f"{current}에서 {josa(head, '으로')} 올려야"
    return (
        f"데이터베이스 '{_display(db)}'의 형식을 {what} 하는데, {quoted(who, '은')} 표를 만들거나 바꿀 "
        "권한이 없습니다(데이터만 다루는 계정). 아무것도 바꾸지 않았습니다. 관리자가 소유자 계정으로 "
        "'panelapp --db 소유자주소 db upgrade'를 한 번 실행한 뒤 다시 여세요."
    )


def _prepare_new(db: Database, conn: Connection, backup_hint: Callable[[], Path | None] | None) -> None:
    """No stamp: a new database, or one an older version began and was killed making."""
    tables = user_tables(conn)
    if not tables:
        return
    full = tables_with_rows(conn, tables)
    if full:
        hint = backup_hint() if backup_hint else None
        raise DatabaseUnusable(
            half_created_sentence(_display(db), full, hint), Unusable.HALF_CREATED, db.sqlite_path, hint
        )
    _drop_everything(conn, tables)  # nothing in them: made again below, in the same transaction


_ALREADY = ("already exists", "duplicate column", "duplicateobject", "duplicatetable")


def _already_there(exc: DBAPIError) -> bool:
    text_ = str(exc.orig).lower()
    return any(k in text_ for k in _ALREADY)


def _object_named(exc: DBAPIError) -> str:
    first = str(exc.orig).strip().splitlines()[0]
    for marker in ("table ", "index ", "column name: ", "relation "):
        if marker in first:
            rest = first.split(marker, 1)[1]
            return rest.split(" already")[0].strip().strip('"')
    return first[:80]


# ----- the schema a revision should have (SQLite) ----------------------------------------
@lru_cache(maxsize=8)
def expected_schema(revision: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Tables and their columns, and the indexes, of a new SQLite database migrated to
    `revision` (in memory; ~0.5-1.5 s, cached)."""
    engine = create_engine("sqlite://", poolclass=NullPool)
    try:
        with engine.begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            cfg.set_main_option("sqlalchemy.url", "sqlite://")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            return _schema_of(conn)
    finally:
        engine.dispose()


def _schema_of(conn: Connection) -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = conn.exec_driver_sql(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index') "
        "AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    out: list[tuple[str, tuple[str, ...]]] = []
    for kind, name, _tbl in rows:
        if kind == "table":
            cols = tuple(sorted(r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{name}")')))
            out.append((f"table {name}", cols))
        else:
            out.append((f"index {name}", ()))
    return tuple(out)


def schema_differences(path: Path, revision: str, immutable: bool = False) -> list[str]:
    """How the SQLite file at `path` differs from the schema `revision` makes ([] when it
    matches): what a half-finished upgrade of an older version leaves. Read-only."""
    from panelapp.db.integrity import connect_read_only

    expected = dict(expected_schema(revision))
    raw = connect_read_only(path, immutable=immutable)
    try:
        engine = create_engine("sqlite://", creator=lambda: raw, poolclass=NullPool)
        with engine.connect() as conn:
            actual = dict(_schema_of(conn))
    finally:
        raw.close()
    out = []
    for name in sorted(set(expected) - set(actual)):
        out.append(f"{name} 없음")
    for name in sorted(set(actual) - set(expected)):
        out.append(f"{name} 더 있음")
    for name in sorted(set(expected) & set(actual)):
        missing = set(expected[name]) - set(actual[name])
        extra = set(actual[name]) - set(expected[name])
        if missing:
            out.append(f"{name}에 열 {', '.join(sorted(missing))} 없음")
        if extra:
            out.append(f"{name}에 열 {', '.join(sorted(extra))} 더 있음")
    return out
