"""권한 변경 이력 (issue 12 item 5): account creation, role changes, locks, unlocks, password
resets and deactivations, with who, when and from which computer. Written in the transaction of
the change itself, so a change without its history line cannot be committed; never edited or
deleted by any service (kept at least 3 years: nothing removes a row)."""

from __future__ import annotations

import datetime as dt
import socket
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from panelapp.db.models import AccountEvent, User
from panelapp.domain.enums import AccountAction
from panelapp.services.context import ServiceContext, reading
from panelapp.services.permissions import Permission, require


@cache
def host_name() -> str:
    try:
        return socket.gethostname()[:100]
    except OSError:
        return ""


def record(
    s: Session, account_id: int, actor_id: int | None, action: AccountAction, detail: str = ""
) -> None:
    s.add(
        AccountEvent(
            account_id=account_id, actor_id=actor_id, action=action, detail=detail or None, host=host_name()
        )
    )


@dataclass(frozen=True)
class AccountEventInfo:
    id: int
    at: dt.datetime
    account: str
    actor: str  # "(프로그램)" for the lock after failed logins
    action: AccountAction
    detail: str
    host: str


PROGRAM = "(프로그램)"


def account_history(
    ctx: ServiceContext, account_id: int | None = None, limit: int | None = None
) -> list[AccountEventInfo]:
    """Newest first; one account's or everyone's. Only a 관리자 reads it."""
    account, actor = aliased(User), aliased(User)
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCOUNTS)
        query = (
            select(AccountEvent, account.name, actor.name)
            .join(account, account.id == AccountEvent.account_id)
            .outerjoin(actor, actor.id == AccountEvent.actor_id)
            .order_by(AccountEvent.at.desc(), AccountEvent.id.desc())
        )
        if account_id is not None:
            query = query.where(AccountEvent.account_id == account_id)
        if limit is not None:
            query = query.limit(limit)
        return [
            AccountEventInfo(e.id, e.at, name, actor_name or PROGRAM, e.action, e.detail or "", e.host)
            for e, name, actor_name in s.execute(query)
        ]
