"""Withdrawing consent (동의 철회, PIPA §37): processing stops and the member becomes due.

Every consent of the person still in force is marked withdrawn on the day given; each of their
active enrolments ends (status 탈퇴 on that day), which takes them out of the active lists (the
attendance sheet, inspection assignments, sign-in sheets). From then on they are listed under
관리 → 개인정보 파기 until a 관리자 destroys their data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from panelapp.db.models import Consent, Enrollment, Member
from panelapp.domain.enums import EnrollmentStatus
from panelapp.domain.errors import NotFoundError, ValidationError
from panelapp.domain.localtime import today_local
from panelapp.services.audit.log import record
from panelapp.services.cohorts.team_leaders import sync_from_enrollment
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.permissions import Permission, writes

WITHDRAWAL_REASON = "개인정보 수집·이용 동의 철회"


@dataclass(frozen=True)
class WithdrawalPreview:
    """What withdrawing a member's consent would do, for the question before it."""

    member_id: int
    who: str  # "김*희(단원 번호 42)": masked, this is a question on a screen or a terminal
    consents: int  # consents in force that would be withdrawn
    active: int  # active enrolments that would end

    @property
    def sentence(self) -> str:
        return (
            f"{self.who}의 개인정보 동의 {self.consents}건을 철회로 기록하면 활동 중인 기수 {self.active}곳에서 "
            "탈퇴 처리되고, 관리자가 파기할 때까지 파기 대상으로 남습니다. 되돌릴 수 없습니다."
        )


def withdrawal_preview(ctx: ServiceContext, member_id: int) -> WithdrawalPreview:
    """The question to ask before `withdraw_consent`; refused like it (a role without the right,
    a member destroyed or unknown, nothing left to withdraw)."""
    from sqlalchemy import func

    from panelapp.services import masking
    from panelapp.services.permissions import require

    with reading(ctx) as s:
        require(ctx, s, Permission.PANEL_WORK)
        member = s.get(Member, member_id)
        if member is None or member.destroyed_at is not None:
            raise NotFoundError("참여단원")
        consents = s.scalar(
            select(func.count()).where(Consent.member_id == member_id, Consent.withdrawn_on.is_(None))
        )
        if not consents:
            raise ValidationError("동의", "이 단원에게는 철회할 수 있는 동의가 없습니다.")
        active = s.scalar(
            select(func.count()).where(
                Enrollment.member_id == member_id,
                Enrollment.status == EnrollmentStatus.ACTIVE,
                Enrollment.deleted_at.is_(None),
            )
        )
        return WithdrawalPreview(
            member_id, f"{masking.name(member.name)}(단원 번호 {member_id})", consents, active or 0
        )


@writes(Permission.PANEL_WORK)
def withdraw_consent(ctx: ServiceContext, member_id: int, on: dt.date | None = None) -> int:
    """Mark the member's consents withdrawn on `on` (today by default); returns how many."""
    on = on or today_local()
    if on > today_local():
        raise ValidationError("철회일", "앞으로의 날짜로는 동의 철회를 기록할 수 없습니다.")
    with transaction(ctx) as s:
        member = s.get(Member, member_id)
        if member is None or member.destroyed_at is not None:
            raise NotFoundError("참여단원")
        consents = list(
            s.scalars(select(Consent).where(Consent.member_id == member_id, Consent.withdrawn_on.is_(None)))
        )
        if not consents:
            raise ValidationError("동의", "이 단원에게는 철회할 수 있는 동의가 없습니다.")
        for c in consents:
            c.withdrawn_on = max(on, c.consented_on)
        for e in s.scalars(
            select(Enrollment).where(
                Enrollment.member_id == member_id,
                Enrollment.status == EnrollmentStatus.ACTIVE,
                Enrollment.deleted_at.is_(None),
            )
        ):
            e.status, e.left_on, e.left_reason = (
                EnrollmentStatus.WITHDRAWN,
                max(on, e.joined_on),
                WITHDRAWAL_REASON,
            )
            sync_from_enrollment(s, e)
        s.flush()
        # whose consent, on which day, by whom: in the transaction that records it
        record(s, ctx, "withdraw_consent", members=[member_id], detail=f"on={on}; consents={len(consents)}")
        return len(consents)
