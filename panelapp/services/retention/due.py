"""Who is due for destruction: members none of whose consents is in force.

A consent is in force until its `retention_until` (inclusive) unless it was withdrawn. A member
with no consent in force has no ground left for keeping their data (PIPA §21), whether their
retention ended, they withdrew, or no consent was ever recorded; they are due from the day the
last one ended. Destroyed members are never due again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, select
from sqlalchemy.orm import Session, aliased

from panelapp.db.models import Cohort, Consent, Enrollment, Member
from panelapp.domain.localtime import today_local
from panelapp.domain.retention_data import DueMember
from panelapp.services import masking
from panelapp.services.audit.log import record_access
from panelapp.services.context import ServiceContext, reading
from panelapp.services.permissions import Permission, require


def in_force(today: dt.date, consent: Any = Consent) -> ColumnElement[bool]:
    """The SQL condition of a consent in force on `today`."""
    return and_(consent.withdrawn_on.is_(None), consent.retention_until >= today)


def due_condition(today: dt.date) -> ColumnElement[bool]:
    """The SQL condition of a member due for destruction on `today`."""
    live = aliased(Consent)
    return and_(
        Member.destroyed_at.is_(None),
        ~exists().where(live.member_id == Member.id, in_force(today, live)).correlate(Member),
    )


def due_ids(s: Session, today: dt.date) -> list[int]:
    return list(s.scalars(select(Member.id).where(due_condition(today)).order_by(Member.id)))


def _ended(c: Consent) -> tuple[dt.date, str]:
    if c.withdrawn_on is not None and c.withdrawn_on <= c.retention_until:
        return c.withdrawn_on, "동의 철회"
    return c.retention_until, "보유기간 만료"


def due_members(ctx: ServiceContext, today: dt.date | None = None, *, logged: bool = True) -> list[DueMember]:
    """The members due for destruction, masked, in member order (관리자 only: 개인정보 보존·파기).
    The list names people (masked, with their cohorts and why they are due): shown, it is an
    access-log entry naming them (`logged=False` only where nothing of it is shown, such as the
    reason `retention destroy` derives)."""
    today = today or today_local()
    with reading(ctx) as s:
        require(ctx, s, Permission.RETENTION)
        rows = s.execute(
            select(Member.id, Member.name, Member.phone).where(due_condition(today)).order_by(Member.id)
        ).all()
        consents: dict[int, list[Consent]] = defaultdict(list)
        for c in s.scalars(
            select(Consent).join(Member, Member.id == Consent.member_id).where(due_condition(today))
        ):
            consents[c.member_id].append(c)
        cohorts: dict[int, list[int]] = defaultdict(list)
        for member_id, number in s.execute(
            select(Enrollment.member_id, Cohort.number)
            .join(Member, Member.id == Enrollment.member_id)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            .where(due_condition(today))
            .order_by(Cohort.number)
        ):
            cohorts[member_id].append(number)
        out = []
        for member_id, name, phone in rows:
            ended = sorted(_ended(c) for c in consents.get(member_id, []))
            since, reason = ended[-1] if ended else (None, "동의 기록 없음")
            if any(r == "동의 철회" for _d, r in ended):
                reason = "동의 철회"
            out.append(
                DueMember(
                    member_id,
                    masking.name(name),
                    masking.phone(phone),
                    ", ".join(f"제{n}기" for n in cohorts.get(member_id, [])) or "–",
                    reason,
                    since,
                )
            )
    if logged:
        record_access(
            ctx, "view_due", members=[d.member_id for d in out], detail=f"list=파기 대상; rows={len(out)}"
        )
    return out


def check_due(s: Session, member_ids: list[int], today: dt.date) -> None:
    """Refuse, naming the member, any id that is unknown, destroyed already or not due."""
    from panelapp.domain.errors import DomainError

    wanted = sorted(set(member_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found = dict(s.execute(select(Member.id, Member.destroyed_at).where(Member.id.in_(chunk))).all())
        live = set(s.scalars(select(Consent.member_id).where(Consent.member_id.in_(chunk), in_force(today))))
        for member_id in chunk:
            if member_id not in found:
                raise DomainError(f"단원 번호 {member_id}인 단원이 없습니다.")
            if found[member_id] is not None:
                raise DomainError(f"단원 번호 {member_id}인 단원은 이미 파기되었습니다.")
            if member_id in live:
                raise DomainError(
                    f"단원 번호 {member_id}인 단원은 동의가 유효하여(보유기간이 남았고 철회하지 않음) 파기할 수 없습니다."
                )
