"""After a destruction: the freed pages of a SQLite file overwritten, so the bytes are gone.

An UPDATE leaves the old values in freed cells and pages of the main file, and every earlier
version of a changed page in the write-ahead log until it is checkpointed. With
`secure_delete` on, SQLite zeroes the content it frees; the WAL is checkpointed and truncated;
`VACUUM` rewrites the whole file from its live content (no freelist page keeps old data), and
the WAL it wrote is checkpointed and truncated again. Another desktop holding a read open can
keep the checkpoint from truncating: then the wipe says so, and the ledger records it.

On PostgreSQL the rows are updated; the old row versions are removed by VACUUM, which this
tries (it is the table owner's right; a data-only role leaves it to autovacuum and says so).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from panelapp.db.engine import Database
from panelapp.services.context import ServiceContext, reading
from panelapp.services.permissions import Permission, require

TABLES = ("members", "consents", "enrollments", "attendances", "search_grams")


@dataclass(frozen=True)
class WipeResult:
    complete: bool
    method: str  # Korean, for the ledger


def _checkpoint(conn: Connection) -> bool:
    busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    return bool(busy == 0)


def wipe_freed(db: Database) -> WipeResult:
    if db.is_sqlite:
        with db.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
            first = _checkpoint(conn)
            conn.exec_driver_sql("VACUUM")
            second = _checkpoint(conn)
        if first and second:
            return WipeResult(
                True,
                "SQLite: secure_delete로 지운 내용을 0으로 덮어쓰고 WAL 체크포인트·비우기, VACUUM으로 파일 재작성",
            )
        return WipeResult(
            False,
            "SQLite: secure_delete·VACUUM 실행, 다른 컴퓨터가 읽는 중이라 WAL을 다 비우지 못함"
            "(모두 닫은 뒤 ‘panelapp retention wipe’로 다시 비워야 함)",
        )
    try:
        with db.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            for table in TABLES:
                conn.execute(text(f"VACUUM {table}"))
    except Exception:  # noqa: BLE001 - VACUUM is the owner's right; anything else is the server's
        return WipeResult(
            False, "PostgreSQL: 행을 갱신함(이전 행 버전은 서버의 autovacuum이 정리, 서버 관리자 확인 필요)"
        )
    return WipeResult(True, "PostgreSQL: 행을 갱신하고 VACUUM으로 이전 행 버전 정리")


def checkpoint(db: Database) -> bool:
    """Fold the WAL into the file and truncate it (SQLite); True when nothing was left."""
    if not db.is_sqlite:
        return True
    with db.engine.connect() as conn:
        return _checkpoint(conn.execution_options(isolation_level="AUTOCOMMIT"))


def wipe_now(ctx: ServiceContext) -> WipeResult:
    """`panelapp retention wipe`: wipe again after a destruction another desktop kept from
    truncating the WAL (관리자 only)."""
    with reading(ctx) as s:
        require(ctx, s, Permission.RETENTION)
    return wipe_freed(ctx.db)
