"""Opening the application's database: migrate, load consent notices, pick the acting user."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from panelapp.db.engine import Database, open_database
from panelapp.db.models import ConsentNotice, User
from panelapp.domain.enums import UserRole
from panelapp.paths import resource
from panelapp.services.context import ServiceContext, transaction
from panelapp.settings import Settings

log = logging.getLogger(__name__)
DEFAULT_USER = "관리자"
VERSIONS = Path(__file__).resolve().parents[2] / "db" / "migrations" / "versions"
_REVISION = re.compile(r"^revision\b[^=\n]*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\b[^=\n]*=\s*(.+)$", re.MULTILINE)


def newest_migration() -> str | None:
    """The head revision read from the migration files themselves, without importing Alembic
    (its import costs ~130 ms of every start-up). None when the files do not say it plainly
    (no file, a merge with several heads, a header not written as usual): ask Alembic then."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        for path in sorted(VERSIONS.glob("*.py")):
            source = path.read_text(encoding="utf-8")
            revision, down = _REVISION.search(source), _DOWN.search(source)
            if revision is None or down is None:
                return None
            revisions.add(revision.group(1))
            parents.update(re.findall(r"[\"']([^\"']+)[\"']", down.group(1)))
    except OSError:
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def schema_is_current(db: Database, stamp: object = None, *, ask: bool = True) -> bool:
    """True when the database is stamped with the newest migration: nothing to migrate.
    `stamp` given with ask=False is the stamp already read (by the integrity gate)."""
    head = newest_migration()
    if head is None:
        return False
    if not ask:
        return stamp == head
    try:
        with db.engine.connect() as conn:
            stamped = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except SQLAlchemyError:  # a new file: no table yet
        return False
    return stamped == [head]


def load_notice_files() -> list[dict[str, Any]]:
    notices = []
    for path in sorted(resource("consent").glob("notice-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["body"] = data["body"].format(**data)
        notices.append(data)
    return notices


def sync_consent_notices(ctx: ServiceContext) -> int:
    """Copy notice versions shipped in resources/ into the database (never rewrite one)."""
    added = 0
    with transaction(ctx) as s:
        known = set(s.scalars(select(ConsentNotice.version)))
        for data in load_notice_files():
            if data["version"] in known:
                continue
            s.add(
                ConsentNotice(
                    version=data["version"],
                    title=data["title"],
                    purpose=data["purpose"],
                    items=data["items"],
                    retention=data["retention"],
                    retention_months=int(data["retention_months"]),
                    refusal=data["refusal"],
                    body=data["body"],
                    effective_on=dt.date.fromisoformat(data["effective_on"]),
                )
            )
            added += 1
    return added


def ensure_user(ctx: ServiceContext, name: str | None) -> None:
    """Act as the user named in settings; on a new database create the first one."""
    with transaction(ctx) as s:
        user = s.scalar(select(User).where(User.name == name)) if name else None
        if user is None:
            user = s.scalar(select(User).where(User.active.is_(True)).order_by(User.id))
        if user is None:
            user = User(name=name or DEFAULT_USER, role=UserRole.ADMIN)
            s.add(user)
            s.flush()
        ctx.user_id, ctx.user_name = user.id, user.name


def open_app(
    db_target: str | None = None, settings: Settings | None = None, migrate: bool = True
) -> ServiceContext:
    """Open, check and migrate the database and pick the acting user. Every failure is a
    DomainError with a sentence (services/system/opening.py); a refused database is not
    written to."""
    from panelapp.services.system import opening

    db = open_database(db_target)
    try:
        stamp = opening.gate(db, settings)  # read-only: a damaged file is refused unwritten
        known = stamp is not opening.UNKNOWN
        if migrate and not schema_is_current(db, stamp, ask=not known):
            opening.bring_to_head(db, settings)
        ctx = ServiceContext(db=db)
        sync_consent_notices(ctx)
        ensure_user(ctx, settings.get("current_user") if settings else None)
        from panelapp.services.system.reference_seed import seed_first_start

        seed_first_start(ctx)  # the default checklist and facility types from the first start
    except BaseException as exc:
        db.dispose()
        mapped = opening.as_domain_error(exc, db, settings)
        if mapped is exc:
            raise
        raise mapped from None
    if settings is not None and settings.get("current_user") != ctx.user_name:
        try:
            settings.set("current_user", ctx.user_name)
        except OSError as exc:  # the settings file cannot be written: the database is open anyway
            log.warning("settings not saved: %s", exc)
    return ctx
