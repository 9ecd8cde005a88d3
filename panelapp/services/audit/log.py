"""The one way an access-log entry is written (접속기록, issue 12 item 4).

Every view, search, print, export, report, certificate, import and unmasked reveal that touches
personal data calls `record` inside its own transaction (so a file that could not be saved leaves
no entry, and an entry that could not be written leaves no file), or `record_access` when it only
read. Entries are appended, never edited or deleted: each stores the SHA-256 of its content and of
the entry before it (domain/access_log.entry_hash), so `panelapp check` and `panelapp audit verify`
find an entry changed or removed afterwards.

Appends are serialised so that two writers never chain onto the same previous entry: on SQLite by
holding the database's write lock (BEGIN IMMEDIATE, or the lock a transaction that already wrote
holds), on PostgreSQL by a transaction-scoped advisory lock of its own, taken last in the
transaction (after any cohort or people lock: services/locks.py), so no two writers wait in a circle.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from panelapp.db.base import utcnow
from panelapp.db.models import AccessLog, Enrollment
from panelapp.domain.access_log import ACTIONS, GENESIS, compress_ids, entry_hash
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.locks import write_lock
from panelapp.services.people.account_history import host_name

AUDIT_KEY = 0x706E6C41  # pg_advisory_xact_lock(AUDIT_KEY, 0): b"pnlA"
_CHUNK = 500  # enrolment ids resolved to people per query (no IN-list that grows with the data)


def record(
    s: Session,
    ctx: ServiceContext,
    action: str,
    *,
    members: Iterable[int] = (),
    enrollments: Iterable[int] = (),
    cohort_id: int | None = None,
    count: int | None = None,
    purpose: str | None = None,
    detail: str = "",
) -> AccessLog:
    """Append one entry in `s`'s transaction: the acting account, now, this computer, `action`
    (a key of domain/access_log.ACTIONS), whose data (people by member id; enrolment ids are
    resolved to their people; `cohort_id` alone means everyone enrolled in it), the purpose of
    anything unmasked, and a detail (file name, search words...). `count` is how many people's
    rows the output held when it cannot name them (a list of proposals with their proposers)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown access-log action {action!r}")
    people = set(members)
    people |= _people_of(s, enrollments)
    if cohort_id is not None and not people:
        people = set(
            s.scalars(
                select(Enrollment.member_id).where(
                    Enrollment.cohort_id == cohort_id, Enrollment.deleted_at.is_(None)
                )
            )
        )
    _serialize(s)
    prev = s.execute(select(AccessLog.hash).order_by(AccessLog.id.desc()).limit(1)).scalar()
    prev = prev if prev is not None else GENESIS
    ids = compress_ids(people) or None
    entry = AccessLog(
        at=utcnow(),
        user_id=ctx.user_id,
        host=host_name(),
        action=action,
        purpose=(purpose or "").strip(),
        member_count=len(people) if people else (count or 0),
        member_ids=ids,
        detail=detail or None,
        prev_hash=prev,
    )
    entry.hash = entry_hash(
        prev,
        entry.at,
        entry.user_id,
        entry.host,
        action,
        entry.purpose,
        entry.member_count,
        ids,
        entry.detail,
    )
    s.add(entry)
    s.flush()
    return entry


def record_access(
    ctx: ServiceContext,
    action: str,
    *,
    members: Iterable[int] = (),
    enrollments: Iterable[int] = (),
    cohort_id: int | None = None,
    count: int | None = None,
    purpose: str | None = None,
    detail: str = "",
) -> None:
    """`record` in a transaction of its own, for what only read (a view, a search)."""
    members, enrollments = list(members), list(enrollments)
    if not members and not enrollments and cohort_id is None and not count:
        return  # nobody's data was touched: nothing to log
    with transaction(ctx) as s:
        record(
            s,
            ctx,
            action,
            members=members,
            enrollments=enrollments,
            cohort_id=cohort_id,
            count=count,
            purpose=purpose,
            detail=detail,
        )


def _people_of(s: Session, enrollments: Iterable[int]) -> set[int]:
    ids = list(dict.fromkeys(enrollments))
    found: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found.update(s.scalars(select(Enrollment.member_id).where(Enrollment.id.in_(chunk))))
    return found


def _serialize(s: Session) -> None:
    """Hold the lock that orders appends (module docstring) before reading the last entry."""
    s.flush()
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        if not raw.in_transaction:  # nothing written yet: take the write lock now
            write_lock(s)
        return  # a transaction that wrote holds SQLite's one write lock already
    conn.execute(text("SELECT pg_advisory_xact_lock(:k, 0)"), {"k": AUDIT_KEY})
