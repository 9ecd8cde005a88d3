"""Members (참여단원): enrolment with personal-data consent, edits, withdrawal, soft delete."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from panelapp.db.base import utcnow
from panelapp.db.models import Cohort, Consent, Enrollment, Member
from panelapp.domain.enums import ConsentMethod, EnrollmentStatus, Gender, MemberRole
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.localtime import today_local
from panelapp.domain.participation import attendance_rate
from panelapp.domain.validation import check_consent_date, normalize_text
from panelapp.services import masking
from panelapp.services.activities.stats import stats_for
from panelapp.services.audit.log import record, record_access
from panelapp.services.cohorts.team_leaders import sync_from_enrollment
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.locks import DuplicateError, write_lock
from panelapp.services.people.member_rules import (
    F_CONSENT,
    ConsentInput,
    MemberInput,
    NoticeInfo,
    add_months,
    clean_member,
    find_notice,
    notice_info,
    team_for,
)
from panelapp.services.permissions import Permission, writes

__all__ = [
    "MemberInput",
    "ConsentInput",
    "NoticeInfo",
    "EnrollmentInfo",
    "ConsentRecord",
    "MemberDetail",
    "current_notice",
    "list_notices",
    "enroll_member",
    "update_member",
    "withdraw_member",
    "delete_enrollment",
    "get_member",
    "record_reveal",
]


@dataclass(frozen=True)
class EnrollmentInfo:
    enrollment_id: int
    member_id: int
    name: str
    reused_member: bool  # the person was already known from another cohort
    version: int


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    notice_version: str
    notice_title: str
    consented_on: dt.date
    method: ConsentMethod
    retention_until: dt.date
    withdrawn_on: dt.date | None


@dataclass(frozen=True)
class MemberDetail:
    enrollment_id: int
    member_id: int
    cohort_id: int
    name: str
    phone_e164: str
    email: str | None
    district: str | None
    birth_year: int | None
    gender: Gender
    notes: str | None
    team_id: int | None
    team_name: str | None
    role: MemberRole
    status: EnrollmentStatus
    joined_on: dt.date
    left_on: dt.date | None
    left_reason: str | None
    consents: tuple[ConsentRecord, ...]
    hours: float
    attended: int
    held: int
    version: int  # the enrolment's version
    member_version: int  # the person's version (shared by all their cohorts)

    @property
    def rate(self) -> float | None:
        return attendance_rate(self.attended, self.held)


def current_notice(ctx: ServiceContext, today: dt.date | None = None) -> NoticeInfo:
    """The notice in force today: the latest effective one."""
    with reading(ctx) as s:
        return notice_info(find_notice(s, None, today))


def list_notices(ctx: ServiceContext) -> list[NoticeInfo]:
    from panelapp.db.models import ConsentNotice

    with reading(ctx) as s:
        rows = s.scalars(select(ConsentNotice).order_by(ConsentNotice.effective_on, ConsentNotice.id))
        return [notice_info(n) for n in rows]


def _cohort(s, cohort_id: int) -> Cohort:
    cohort = s.get(Cohort, cohort_id)
    if cohort is None or cohort.deleted_at is not None:
        raise NotFoundError("기수")
    return cohort


def _enrollment(s, enrollment_id: int) -> Enrollment:
    e = s.get(Enrollment, enrollment_id)
    if e is None or e.deleted_at is not None:
        raise NotFoundError("참여단원")
    return e


def _phone_conflict(s, cohort_id: int, phone: str, exclude_member_id: int | None = None) -> None:
    """Refuse a number already used in this cohort (live or in the trash)."""
    q = (
        select(Enrollment, Member)
        .join(Member, Member.id == Enrollment.member_id)
        .where(Enrollment.cohort_id == cohort_id, Member.phone == phone)
    )
    if exclude_member_id is not None:
        q = q.where(Member.id != exclude_member_id)
    for enrollment, member in s.execute(q):
        who = masking.name(member.name)
        if enrollment.deleted_at is None:
            raise ValidationError("휴대전화", f"이 기수에 같은 번호의 단원({who})이 이미 있습니다.")
        raise ValidationError(
            "휴대전화",
            f"같은 번호의 단원({who})이 휴지통에 있습니다. 새로 등록하지 말고 휴지통에서 복원해 주세요.",
        )


@writes(Permission.PANEL_WORK)
def enroll_member(
    ctx: ServiceContext, cohort_id: int, data: MemberInput, consent: ConsentInput
) -> EnrollmentInfo:
    """Member (new or reused by phone), enrolment and consent, in one transaction."""
    errors: list[ValidationError] = []
    try:
        clean = clean_member(data)
    except ValidationErrors as e:
        errors.extend(e.errors)
        clean = None
    except ValidationError as e:
        errors.append(e)
        clean = None
    if not consent.agreed:
        errors.append(ValidationError(F_CONSENT, "개인정보 수집·이용에 동의해야 등록할 수 있습니다."))
    else:
        try:
            check_consent_date(consent.consented_on, "동의일")
        except ValidationError as e:
            errors.append(e)
    ValidationErrors.raise_if_any(errors)
    try:
        return _enroll(ctx, cohort_id, data, consent, clean)
    except DuplicateError as exc:
        who = _live_holder(ctx, clean["phone"]) if exc.what == "member_phone" else None
        if who is None:
            raise
        raise ValidationError(
            "휴대전화",
            f"같은 번호의 사람({who})이 방금 다른 곳에서 등록되어 저장하지 않았습니다. "
            "다시 저장하면 그 사람으로 등록합니다.",
        ) from None


def _live_holder(ctx: ServiceContext, phone: str, exclude_member_id: int | None = None) -> str | None:
    """The masked name and number of the live person with `phone`, for the sentence of a race
    lost to the unique index (read after the failed transaction is gone)."""
    with reading(ctx) as s:
        q = select(Member.id, Member.name).where(Member.phone == phone, Member.deleted_at.is_(None))
        if exclude_member_id is not None:
            q = q.where(Member.id != exclude_member_id)
        row = s.execute(q.limit(1)).first()
    return None if row is None else f"{masking.name(row.name)}, 단원 번호 {row.id}"


def _enroll(
    ctx: ServiceContext, cohort_id: int, data: MemberInput, consent: ConsentInput, clean: dict
) -> EnrollmentInfo:
    with transaction(ctx) as s:
        write_lock(s, cohort_id)  # the phone checks below see every earlier enrolment
        cohort = _cohort(s, cohort_id)
        notice = find_notice(s, consent.notice_version)
        if clean["joined_on"] > cohort.term_end:
            raise ValidationError("활동 시작일", "기수 활동 종료일보다 늦을 수 없습니다.")
        team = team_for(s, cohort_id, data.team_id)
        _phone_conflict(s, cohort_id, clean["phone"])
        member = s.scalar(
            select(Member)
            .where(Member.phone == clean["phone"], Member.deleted_at.is_(None))
            .order_by(Member.id.desc())
            .limit(1)
        )
        reused = member is not None
        if member is None:
            member = Member()
            s.add(member)
        for key in ("name", "phone", "email", "district", "birth_year", "gender", "notes"):
            # a returning person: what the form gives is refreshed, what it leaves blank is kept
            # (as an import does), so enrolling them in a new cohort never erases their details
            given = clean[key] is not None and clean[key] != Gender.UNSPECIFIED
            if not reused or given:
                setattr(member, key, clean[key])
        s.flush()
        enrollment = Enrollment(
            member_id=member.id,
            cohort_id=cohort_id,
            team_id=team,
            role=data.role,
            joined_on=clean["joined_on"],
            status=EnrollmentStatus.ACTIVE,
        )
        s.add(enrollment)
        s.flush()
        s.add(
            Consent(
                member_id=member.id,
                enrollment_id=enrollment.id,
                notice_id=notice.id,
                consented_on=consent.consented_on,
                method=consent.method,
                retention_until=add_months(cohort.term_end, notice.retention_months),
            )
        )
        sync_from_enrollment(s, enrollment)
        s.flush()
        return EnrollmentInfo(enrollment.id, member.id, member.name, reused, enrollment.version)


@writes(Permission.PANEL_WORK)
def update_member(
    ctx: ServiceContext,
    enrollment_id: int,
    data: MemberInput,
    version: int,
    member_version: int | None = None,
) -> MemberDetail:
    """Edit the person and their place in the cohort; both versions must be the ones loaded."""
    clean = clean_member(data)
    try:
        return _update(ctx, enrollment_id, data, version, member_version, clean)
    except DuplicateError as exc:
        who = None
        if exc.what == "member_phone":
            with reading(ctx) as s:
                e = s.get(Enrollment, enrollment_id)
                mine = e.member_id if e is not None else None
            who = _live_holder(ctx, clean["phone"], mine)
        if who is None:
            raise
        raise ValidationError(
            "휴대전화",
            f"같은 번호로 등록된 다른 사람({who})이 있어 저장하지 않았습니다. 번호를 확인해 주세요.",
        ) from None


def _update(
    ctx: ServiceContext,
    enrollment_id: int,
    data: MemberInput,
    version: int,
    member_version: int | None,
    clean: dict,
) -> MemberDetail:
    with transaction(ctx) as s:
        e = _enrollment(s, enrollment_id)
        check_version(e, version)
        member = s.get(Member, e.member_id)
        check_version(member, member_version)
        if clean["phone"] != member.phone:
            write_lock(s, e.cohort_id)  # nothing written yet: reads above took no lock
            _phone_conflict(s, e.cohort_id, clean["phone"], exclude_member_id=member.id)
            other = s.scalar(
                select(Member)
                .where(Member.phone == clean["phone"], Member.id != member.id, Member.deleted_at.is_(None))
                .limit(1)
            )
            if other is not None:
                raise ValidationError(
                    "휴대전화",
                    f"같은 번호로 등록된 다른 사람({masking.name(other.name)}, 단원 번호 {other.id})이 "
                    "다른 기수에 있습니다. 번호를 확인해 주세요.",
                )
        if clean["joined_on"] > e.cohort.term_end:
            raise ValidationError("활동 시작일", "기수 활동 종료일보다 늦을 수 없습니다.")
        if e.left_on and clean["joined_on"] > e.left_on:
            raise ValidationError("활동 시작일", "탈퇴일보다 늦을 수 없습니다.")
        e.team_id = team_for(s, e.cohort_id, data.team_id)
        e.role, e.joined_on = data.role, clean["joined_on"]
        for key in ("name", "phone", "email", "district", "birth_year", "gender", "notes"):
            setattr(member, key, clean[key])
        sync_from_enrollment(s, e)
        s.flush()
        return _detail(s, e)


@writes(Permission.PANEL_WORK)
def withdraw_member(
    ctx: ServiceContext, enrollment_id: int, left_on: dt.date, reason: str | None, version: int
) -> MemberDetail:
    """탈퇴: the member stays on the roster with status 탈퇴 and the date they left."""
    reason = normalize_text(reason, "탈퇴 사유", 200)
    with transaction(ctx) as s:
        e = _enrollment(s, enrollment_id)
        check_version(e, version)
        if e.status == EnrollmentStatus.WITHDRAWN:
            raise ValidationError("상태", "이미 탈퇴 처리된 단원입니다.")
        if left_on < e.joined_on:
            raise ValidationError("탈퇴일", f"활동 시작일({e.joined_on:%Y-%m-%d})보다 빠를 수 없습니다.")
        if left_on > today_local() + dt.timedelta(days=31):
            raise ValidationError("탈퇴일", "한 달 이상 앞선 날짜로는 처리할 수 없습니다.")
        e.status, e.left_on, e.left_reason = EnrollmentStatus.WITHDRAWN, left_on, reason
        sync_from_enrollment(s, e)
        s.flush()
        return _detail(s, e)


@writes(Permission.PANEL_WORK)
def delete_enrollment(ctx: ServiceContext, enrollment_id: int) -> None:
    """Soft delete: the enrolment goes to the trash and can be restored from there."""
    with transaction(ctx) as s:
        e = _enrollment(s, enrollment_id)
        e.deleted_at, e.deleted_by_id = utcnow(), ctx.user_id
        sync_from_enrollment(s, e)


def get_member(ctx: ServiceContext, enrollment_id: int) -> MemberDetail:
    """The member form's full record: only for roles that see personal data unmasked."""
    from panelapp.services.masking import personal_masked
    from panelapp.services.permissions import PermissionDenied

    if personal_masked(ctx):
        raise PermissionDenied(
            "단원의 개인정보(연락처·동의 기록)는 관리자와 담당자만 열 수 있습니다. 목록에서는 가린 이름으로 보입니다.",
            Permission.PANEL_WORK,
        )
    with reading(ctx) as s:
        detail = _detail(s, _enrollment(s, enrollment_id))
    record_access(ctx, "view_member", enrollments=[enrollment_id], detail=f"enrollment_id={enrollment_id}")
    return detail


@writes(Permission.PANEL_WORK)
def record_reveal(ctx: ServiceContext, cohort_id: int, purpose: str) -> None:
    """Unmasked phone numbers were shown: who, when, why (PIPA access accountability)."""
    purpose = normalize_text(purpose, "열람 목적", 200, required=True)
    with transaction(ctx) as s:
        record(s, ctx, "reveal_phones", cohort_id=cohort_id, purpose=purpose, detail=f"cohort_id={cohort_id}")


def _detail(s, e: Enrollment) -> MemberDetail:
    m = e.member
    consents = s.scalars(
        select(Consent)
        .where(Consent.member_id == m.id)
        .order_by(Consent.consented_on.desc(), Consent.id.desc())
    )
    records = tuple(
        ConsentRecord(
            c.id,
            c.notice.version,
            c.notice.title,
            c.consented_on,
            c.method,
            c.retention_until,
            c.withdrawn_on,
        )
        for c in consents
    )
    stats = stats_for(s, [e.id]).get(e.id)
    team = e.team if e.team is not None and e.team.deleted_at is None else None
    return MemberDetail(
        e.id,
        m.id,
        e.cohort_id,
        m.name,
        m.phone,
        m.email,
        m.district,
        m.birth_year,
        m.gender,
        m.notes,
        team.id if team else None,
        team.name if team else None,
        e.role,
        e.status,
        e.joined_on,
        e.left_on,
        e.left_reason,
        records,
        stats.hours if stats else 0.0,
        stats.attended if stats else 0,
        stats.held if stats else 0,
        e.version,
        m.version,
    )
