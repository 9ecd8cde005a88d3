"""The institution's 자동 잠금 limit (domain/idle_lock.py): read by every account at login,
set by a 관리자 (Permission.INSTITUTION), stored on the one organization row so that every
computer of a shared database follows it and no settings file can lengthen it."""

from __future__ import annotations

from dataclasses import dataclass

from panelapp.domain.errors import ValidationError
from panelapp.domain.idle_lock import F_LOCK, MAX_MINUTES, MIN_MINUTES, institution_minutes
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.org.manage import organization_for_department, organization_row
from panelapp.services.permissions import Permission, writes


@dataclass(frozen=True)
class LockPolicy:
    minutes: int  # the institution's limit: no computer stays unlocked longer
    version: int | None  # the organization row's, for the optimistic check; None: no row yet
    stored: bool  # False: the default (no 관리자 set it)


def get_lock_policy(ctx: ServiceContext) -> LockPolicy:
    with reading(ctx) as s:
        org = organization_row(s)
        stored = org.lock_minutes if org is not None else None
        return LockPolicy(
            institution_minutes(stored), org.version if org is not None else None, stored is not None
        )


def _checked(minutes: object) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError(
            F_LOCK, f"자동 잠금 시간은 {MIN_MINUTES}분부터 {MAX_MINUTES}분 사이의 정수로 정해 주세요."
        )
    return minutes


@writes(Permission.INSTITUTION)
def save_lock_policy(ctx: ServiceContext, minutes: int, version: int | None = None) -> LockPolicy:
    """Set the institution's limit (`version`: the organization's as the form showed it)."""
    minutes = _checked(minutes)
    with transaction(ctx) as s:
        org = organization_row(s)
        if org is not None:
            check_version(org, version)
        else:
            organization_for_department(s)  # the unnamed row departments attach to
            org = organization_row(s)
            assert org is not None
        org.lock_minutes = minutes
        s.flush()
        return LockPolicy(minutes, org.version, True)
