"""Opening the application's database: migrate, load consent notices, pick the acting user."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, DateTime, bindparam, select, text
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
    """Act as the user named in settings; on a new database create the first one. Reads and
    writes only the columns every schema had (an older file opened as it is, migrate=False,
    has no account columns yet)."""
    from panelapp.db.base import utcnow

    basic = select(User.id, User.name, User.role)
    with transaction(ctx) as s:
        row = s.execute(basic.where(User.name == name)).first() if name else None
        if row is None:
            row = s.execute(basic.where(User.active.is_(True)).order_by(User.id)).first()
        if row is None:
            # plain SQL: the ORM's insert would also fill the defaults of the account columns
            first = name or DEFAULT_USER
            s.execute(
                text(
                    "INSERT INTO users (name, role, active, created_at, updated_at, version) "
                    "VALUES (:name, :role, :active, :now, :now, 1)"
                ).bindparams(
                    bindparam("now", type_=DateTime(timezone=True)), bindparam("active", type_=Boolean)
                ),
                {"name": first, "role": UserRole.ADMIN.value, "active": True, "now": utcnow()},
            )
            row = s.execute(basic.where(User.name == first)).one()
        ctx.user_id, ctx.user_name, ctx.role = row.id, row.name, row.role


def open_app(
    db_target: str | None = None,
    settings: Settings | None = None,
    migrate: bool = True,
    pick_user: bool = True,
) -> ServiceContext:
    """Open, check and migrate the database and pick the acting user (pick_user=False: nobody
    acts until someone logs in, services/people/accounts.authenticate; the command line).
    Every failure is a DomainError with a sentence (services/system/opening.py); a refused
    database is not written to."""
    from panelapp.services.system import opening

    db = open_database(db_target)
    try:
        stamp = opening.gate(db, settings)  # read-only: a damaged file is refused unwritten
        known = stamp is not opening.UNKNOWN
        if migrate and not schema_is_current(db, stamp, ask=not known):
            opening.bring_to_head(db, settings)
        ctx = ServiceContext(db=db)
        sync_consent_notices(ctx)
        if pick_user:
            ensure_user(ctx, settings.get("current_user") if settings else None)
        from panelapp.services.system.reference_seed import seed_first_start

        seed_first_start(ctx)  # the default checklist and facility types from the first start
        from panelapp.services.system.tidy import remove_stale_files

        remove_stale_files(db, settings)  # what a killed process left half-written
    except BaseException as exc:
        db.dispose()
        mapped = opening.as_domain_error(exc, db, settings)
        if mapped is exc:
            raise
        raise mapped from None
    if pick_user and settings is not None and settings.get("current_user") != ctx.user_name:
        try:
            settings.set("current_user", ctx.user_name)
        except OSError as exc:  # the settings file cannot be written: the database is open anyway
            log.warning("settings not saved: %s", exc)
    return ctx
