"""The service context: which database, which acting user; the transaction helpers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from panelapp.db.engine import Database
from panelapp.domain.enums import UserRole
from panelapp.domain.errors import ConcurrencyError, DomainError


@dataclass
class ServiceContext:
    db: Database
    user_id: int | None = None
    user_name: str = ""
    # the acting account's role when it logged in (services re-read it: services/permissions.py)
    role: UserRole | None = None
    # Anything a long operation can poll to stop early (set from another thread).
    extras: dict = field(default_factory=dict)


def attach_hooks(db: Database) -> None:
    """Session hooks every service relies on: change tracking, the search index and telling
    other desktops. Attached
    when a database is first used (idempotent), so importing a module has no side effects."""
    from panelapp.services import changes, live
    from panelapp.services.search import index

    changes.attach(db.session_factory)
    index.attach(db.session_factory)
    live.attach(db.session_factory)  # after changes: other desktops are told what it collected


@contextmanager
def transaction(ctx: ServiceContext) -> Iterator[Session]:
    """One write transaction; a stale version becomes ConcurrencyError, nothing half-saved."""
    attach_hooks(ctx.db)
    try:
        with ctx.db.session_factory.begin() as session:
            session.info["user_id"] = ctx.user_id
            yield session
    except StaleDataError:
        raise ConcurrencyError() from None
    except OperationalError as exc:
        if _busy(exc):
            raise DomainError(
                "다른 사용자가 데이터베이스를 사용 중입니다. 잠시 후 다시 시도해 주세요."
            ) from None
        raise
    except IntegrityError as exc:
        from panelapp.services.locks import DuplicateError, duplicate_of

        if (what := duplicate_of(exc)) is not None:
            raise DuplicateError(what) from None
        raise DomainError(f"저장할 수 없습니다: 다른 자료와 충돌합니다 ({_constraint(exc)}).") from None


@contextmanager
def reading(ctx: ServiceContext) -> Iterator[Session]:
    """A read-only unit of work; nothing is committed."""
    attach_hooks(ctx.db)
    with ctx.db.session_factory() as session:
        yield session
        session.rollback()


def _busy(exc: OperationalError) -> bool:
    """SQLite's "database is locked" (another writer held on past the busy timeout), told by its
    error code, not by a word that a column name ("users.locked") can carry too."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED (and their extended codes)
    text = str(exc.orig).lower()
    return "database is locked" in text or "database table is locked" in text


def check_version(obj, expected: int | None) -> None:
    """Optimistic locking across calls: the caller saw `expected`; refuse if it moved on."""
    if expected is not None and obj.version != expected:
        raise ConcurrencyError()


def _constraint(exc: IntegrityError) -> str:
    text = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
    return text[:120]
