"""The write lock a service takes before it checks for duplicates and writes.

A check inside a transaction only helps if no one else can write between the check and the
commit. pysqlite sends BEGIN before the first INSERT, not before the first SELECT, so a roster
import's re-check ran outside any transaction: two imports of one file both found nothing,
both wrote. `write_lock` is therefore the first statement of such a transaction:

- SQLite: BEGIN IMMEDIATE, the database's one write lock, taken at once (waiting up to
  WAIT_S for another writer); later SELECTs see everything committed before it.
- PostgreSQL: transaction-scoped advisory locks (READ COMMITTED: each later statement sees what
  the previous holder committed): one per cohort, and one for people, since a person found or
  made by phone is shared by every cohort. Always taken in that order, so two writers never wait
  for each other in a circle.

The unique indexes (members.phone among live people, enrolments per cohort and member) are the
last word; the lock makes a loser a refusal with a sentence naming its rows instead.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from panelapp.domain.errors import DomainError

WAIT_S = 30
QUICK_S = 1  # a lock free within this is taken without a word; after it the wait is announced
WAITING = (
    f"다른 사용자(또는 다른 창)가 데이터베이스에 저장하고 있어 끝나기를 기다리는 중입니다(최대 {WAIT_S}초)…"
)
COHORT_KEY = 0x706E6C43  # pg_advisory_xact_lock(COHORT_KEY, cohort id): b"pnlC"
PEOPLE_KEY = 0x706E6C50  # pg_advisory_xact_lock(PEOPLE_KEY, 0): b"pnlP"
BUSY = (
    f"다른 사용자가 데이터베이스에 저장하고 있어 {WAIT_S}초 동안 기다렸지만 끝나지 않았습니다. "
    "아무것도 저장하지 않았습니다. 잠시 후 다시 시도해 주세요."
)


_listeners: list[Callable[[bool], None]] = []
_listeners_lock = threading.Lock()


def on_lock_wait(listener: Callable[[bool], None]) -> Callable[[], None]:
    """Call `listener(True)` when a writer starts waiting for another's lock (after QUICK_S) and
    `listener(False)` when the wait is over, taken or given up; called on the waiting thread.
    The command line prints WAITING; the window shows it in its status bar. Returns a remover."""
    with _listeners_lock:
        _listeners.append(listener)

    def remove() -> None:
        with _listeners_lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return remove


def _announce(waiting: bool) -> None:
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(waiting)
        except Exception:  # noqa: BLE001 - a notice must never break the write
            pass


def _busy(exc: OperationalError) -> bool:
    text_ = str(exc.orig).lower()
    return "locked" in text_ or "busy" in text_


def _try_for(conn: Connection, params: dict[str, int], seconds: float) -> bool:
    """Try the advisory lock for up to `seconds` without blocking (a timed-out blocking lock
    would abort the transaction): True once taken."""
    deadline = time.monotonic() + seconds
    while True:
        if conn.execute(text("SELECT pg_try_advisory_xact_lock(:k, :c)"), params).scalar():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def write_lock(s: Session, cohort_id: int | None = None, people: bool = True) -> None:
    """Take the write lock for `cohort_id` (and people) as the transaction's first statement.
    A lock not free within QUICK_S is waited for up to WAIT_S in all, announced to the
    `on_lock_wait` listeners; after that, DomainError(BUSY)."""
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        if raw.in_transaction:  # a write came first: the lock would come too late to matter
            raise RuntimeError("write_lock must be the first write of its transaction")
        waited = False
        try:
            raw.execute(f"PRAGMA busy_timeout={QUICK_S * 1000}")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                if not _busy(exc):
                    raise
            waited = True
            _announce(True)
            raw.execute(f"PRAGMA busy_timeout={(WAIT_S - QUICK_S) * 1000}")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            except OperationalError as exc:
                if _busy(exc):
                    raise DomainError(BUSY) from None
                raise
        finally:
            raw.execute("PRAGMA busy_timeout=10000")  # the engine's own (db/engine.py)
            if waited:
                _announce(False)
        return
    keys = []
    if cohort_id is not None:
        keys.append((COHORT_KEY, cohort_id))
    if people:
        keys.append((PEOPLE_KEY, 0))
    waited = False
    try:
        for key, sub in keys:  # in this order always: no two writers wait in a circle
            params = {"k": key, "c": sub}
            if _try_for(conn, params, 0 if waited else QUICK_S):
                continue
            if not waited:
                waited = True
                _announce(True)
                conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{WAIT_S - QUICK_S}s'")
            try:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k, :c)"), params)
            except OperationalError as exc:
                if "lock timeout" in str(exc.orig).lower():
                    raise DomainError(BUSY) from None
                raise
        if waited:
            conn.exec_driver_sql("SET LOCAL lock_timeout = DEFAULT")
    finally:
        if waited:
            _announce(False)


class DuplicateError(DomainError):
    """A unique index refused a write (a writer that took no lock raced another): `what` is
    "member_phone" (a live person with that phone exists) or "enrollment" (already in the cohort)."""

    SENTENCES = {
        "member_phone": "같은 휴대전화 번호로 등록된 사람이 이미 있어 저장하지 않았습니다(방금 다른 곳에서 "
        "저장되었을 수 있습니다). 목록을 새로 고친 뒤 다시 시도해 주세요.",
        "enrollment": "이 기수에 이미 등록된 사람이라 저장하지 않았습니다(방금 다른 곳에서 등록되었을 수 "
        "있습니다). 목록을 새로 고친 뒤 확인해 주세요.",
    }

    def __init__(self, what: str):
        super().__init__(self.SENTENCES[what])
        self.what = what


_BY_NAME = {"uq_members_phone_live": "member_phone", "uq_enrollments_cohort_id_member_id": "enrollment"}
_BY_SQLITE_TEXT = {
    "unique constraint failed: members.phone": "member_phone",
    "unique constraint failed: enrollments.cohort_id, enrollments.member_id": "enrollment",
}


def duplicate_of(exc: IntegrityError) -> str | None:
    """Which of our unique indexes `exc` is about, or None."""
    diag = getattr(exc.orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name in _BY_NAME:
        return _BY_NAME[name]
    first = str(exc.orig).strip().splitlines()[0].lower() if exc.orig is not None else ""
    return _BY_SQLITE_TEXT.get(first)
