"""Withdrawing consent (동의 철회, PIPA §37): processing stops and the member becomes due.

Every consent of the person still in force is marked withdrawn on the day given; each of their
active enrolments ends (status 탈퇴 on that day), which takes them out of the active lists (the
attendance sheet, inspection assignments, sign-in sheets). From then on they are listed under
관리 → 개인정보 파기 until a 관리자 destroys their data.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from panelapp.db.models import Consent, Enrollment, Member
from panelapp.domain.enums import EnrollmentStatus
from panelapp.domain.errors import NotFoundError, ValidationError
from panelapp.domain.localtime import today_local
from panelapp.services.cohorts.team_leaders import sync_from_enrollment
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.permissions import Permission, writes

WITHDRAWAL_REASON = "개인정보 수집·이용 동의 철회"


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
        return len(consents)
