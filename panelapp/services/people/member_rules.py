"""Inputs of the member services and the checks they share (fields, notices, teams)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from panelapp.db.models import ConsentNotice, Team
from panelapp.domain.enums import ConsentMethod, Gender, MemberRole
from panelapp.domain.errors import DomainError, ValidationError, ValidationErrors
from panelapp.domain.josa import quoted
from panelapp.domain.localtime import today_local
from panelapp.domain.validation import (
    normalize_email,
    normalize_name,
    normalize_phone,
    normalize_text,
    validate_birth_year,
)

F_CONSENT = "개인정보 동의"


@dataclass(frozen=True)
class MemberInput:
    name: str
    phone: str  # as typed: 010-1234-5678, 01012345678, +82 10...
    email: str | None = None
    district: str | None = None
    birth_year: int | str | None = None
    gender: Gender = Gender.UNSPECIFIED
    team_id: int | None = None
    role: MemberRole = MemberRole.MEMBER
    joined_on: dt.date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class ConsentInput:
    notice_version: str
    consented_on: dt.date
    method: ConsentMethod = ConsentMethod.WRITTEN
    agreed: bool = False


@dataclass(frozen=True)
class NoticeInfo:
    id: int
    version: str
    title: str
    purpose: str
    items: str
    retention: str
    retention_months: int
    refusal: str
    body: str
    effective_on: dt.date


def notice_info(n: ConsentNotice) -> NoticeInfo:
    return NoticeInfo(
        n.id,
        n.version,
        n.title,
        n.purpose,
        n.items,
        n.retention,
        n.retention_months,
        n.refusal,
        n.body,
        n.effective_on,
    )


def find_notice(s, version: str | None, today: dt.date | None = None) -> ConsentNotice:
    """The named notice version, or the one in force today when version is None."""
    if version:
        notice = s.scalar(select(ConsentNotice).where(ConsentNotice.version == version))
        if notice is None:
            raise ValidationError(F_CONSENT, f"동의서 버전 {quoted(version, '을')} 찾을 수 없습니다.")
        return notice
    today = today or today_local()
    notice = s.scalar(
        select(ConsentNotice)
        .where(ConsentNotice.effective_on <= today)
        .order_by(ConsentNotice.effective_on.desc(), ConsentNotice.id.desc())
        .limit(1)
    )
    if notice is None:
        notice = s.scalar(select(ConsentNotice).order_by(ConsentNotice.effective_on).limit(1))
    if notice is None:
        raise DomainError("개인정보 동의서가 데이터베이스에 없습니다. 프로그램을 다시 시작해 주세요.")
    return notice


def add_months(day: dt.date, months: int) -> dt.date:
    """2026-12-31 + 2 months → 2027-02-28 (the last day when the month is shorter)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def clean_member(data: MemberInput) -> dict:
    """Every field checked together, so the form can mark all mistakes at once."""
    clean: dict = {}
    errors: list[ValidationError] = []

    def check(key, fn, *args):
        try:
            clean[key] = fn(*args)
        except ValidationError as e:
            errors.append(e)

    check("name", normalize_name, data.name)
    check("phone", normalize_phone, data.phone)
    check("email", normalize_email, data.email)
    check("district", normalize_text, data.district, "거주지", 50)
    check("birth_year", validate_birth_year, data.birth_year)
    check("notes", normalize_text, data.notes, "메모", 2000)
    if data.joined_on is None:
        errors.append(ValidationError("활동 시작일", "활동 시작일을 입력해 주세요."))
    clean["joined_on"] = data.joined_on
    if not isinstance(data.gender, Gender):
        errors.append(ValidationError("성별", "목록에서 골라 주세요."))
    if not isinstance(data.role, MemberRole):
        errors.append(ValidationError("역할", "목록에서 골라 주세요."))
    clean["gender"] = data.gender
    ValidationErrors.raise_if_any(errors)
    return clean


def team_for(s, cohort_id: int, team_id: int | None) -> int | None:
    if team_id is None:
        return None
    team = s.get(Team, team_id)
    if team is None or team.cohort_id != cohort_id or team.deleted_at is not None:
        raise ValidationError("소속 단", "이 기수의 단 중에서 골라 주세요.")
    return team.id
