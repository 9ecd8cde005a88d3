"""Accounts of the app (관리자, 담당자, 점검 조장, 부서 담당자, 열람자): listing, creating,
deactivating. Logging in, passwords, locks and roles are in accounts.py; every change to an
account is written to the permission history (account_history.py) in the same transaction.
Managing accounts is the 관리자's right (services/permissions.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import object_session

from panelapp.db.base import utcnow
from panelapp.db.models import Department, Member, User
from panelapp.domain import localtime
from panelapp.domain.enums import AccountAction, UserRole
from panelapp.domain.errors import NotFoundError, ValidationError
from panelapp.domain.passwords import check_password
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.people.account_history import record
from panelapp.services.people.password_hash import hash_password
from panelapp.services.permissions import Permission, require, writes

F_USER_NAME = "이름"
F_USER_ROLE = "역할"
F_USER_ACTIVE = "사용 여부"
F_USER_DEPARTMENT = "부서"
F_USER_MEMBER = "단원"


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else localtime.as_utc(value)


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    role: UserRole
    active: bool
    version: int
    has_password: bool = False
    must_change_password: bool = False
    locked: bool = False  # by a 관리자
    locked_until: dt.datetime | None = None  # after failed logins (UTC)
    department_id: int | None = None
    department_name: str | None = None
    last_login_at: dt.datetime | None = None
    member_id: int | None = None  # 점검 조장: the member they are
    member_name: str | None = None  # masked (홍*동)

    @property
    def display_name(self) -> str:
        text = f"{self.name} ({self.role.label})"
        return text if self.active else f"{text} · 사용 중지"

    def locked_at(self, now: dt.datetime | None = None) -> bool:
        now = now or utcnow()
        return self.locked or (self.locked_until is not None and self.locked_until > now)


def info(u: User, department_name: str | None = None) -> UserInfo:
    member = None
    if u.member_id is not None and (s := object_session(u)) is not None:
        member = s.get(Member, u.member_id)
    return UserInfo(
        u.id,
        u.name,
        u.role,
        u.active,
        u.version,
        has_password=u.password_hash is not None,
        must_change_password=u.must_change_password,
        locked=u.locked,
        locked_until=as_utc(u.locked_until),
        department_id=u.department_id,
        department_name=department_name,
        last_login_at=as_utc(u.last_login_at),
        member_id=u.member_id,
        member_name=masking.name(member.name) if member is not None else None,
    )


_info = info


def clean_name(name: str) -> str:
    clean = normalize_text(" ".join((name or "").split()), F_USER_NAME, 50, required=True)
    if any(ch.isdigit() for ch in clean):
        raise ValidationError(F_USER_NAME, "이름에 숫자를 넣을 수 없습니다.")
    return clean


def check_role(s, role: UserRole, department_id: int | None) -> int | None:
    """The department a role keeps: a 부서 담당자 needs a live one, other roles none."""
    if not isinstance(role, UserRole):
        raise ValidationError(F_USER_ROLE, "목록에서 골라 주세요.")
    if role is not UserRole.DEPARTMENT:
        return None
    dept = s.get(Department, department_id) if department_id is not None else None
    if dept is None or dept.deleted_at is not None:
        raise ValidationError(F_USER_DEPARTMENT, "부서 담당자는 담당할 부서를 골라야 합니다.")
    return dept.id


def check_member(s, role: UserRole, member_id: int | None) -> int | None:
    """The member a role keeps: a 점검 조장 needs a live one (the member who leads their
    inspections), other roles none."""
    if role is not UserRole.LEAD:
        return None
    member = s.get(Member, member_id) if member_id is not None else None
    if member is None or member.deleted_at is not None or member.destroyed_at is not None:
        raise ValidationError(F_USER_MEMBER, "점검 조장은 자기가 누구인지 단원을 골라야 합니다.")
    return member.id


def list_users(ctx: ServiceContext) -> list[UserInfo]:
    """Active users first, then by name."""
    with reading(ctx) as s:
        rows = s.execute(
            select(User, Department.name)
            .outerjoin(Department, Department.id == User.department_id)
            .order_by(User.active.desc(), User.name, User.id)
        )
        return [info(u, dept) for u, dept in rows]


def list_accounts(ctx: ServiceContext) -> list[UserInfo]:
    """The accounts as a 관리자 manages them (the same order as list_users)."""
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCOUNTS)
    return list_users(ctx)


def find_user(ctx: ServiceContext, name: str) -> UserInfo:
    with reading(ctx) as s:
        user = s.scalar(select(User).where(User.name == clean_name(name)))
        if user is None:
            raise ValidationError(F_USER_NAME, f"'{clean_name(name)}' 계정이 없습니다.")
        return info(user)


def get_user(ctx: ServiceContext, user_id: int, must_be_active: bool = False) -> UserInfo:
    with reading(ctx) as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFoundError("사용자")
        if must_be_active and not user.active:
            raise ValidationError(
                F_USER_ACTIVE, f"{user.name} 님은 사용 중지된 사용자입니다. 다시 사용하도록 바꾼 뒤 고르세요."
            )
        return info(user)


@writes(Permission.ACCOUNTS)
def create_user(
    ctx: ServiceContext,
    name: str,
    role: UserRole = UserRole.COORDINATOR,
    password: str | None = None,
    department_id: int | None = None,
    member_id: int | None = None,
) -> UserInfo:
    """A new account (관리자 only). With a password, its owner must change it at the first
    login (the 관리자 knows it); without one, it cannot log in until a 관리자 resets it."""
    clean = clean_name(name)
    hashed = hash_password(check_password(password, clean)) if password is not None else None
    with transaction(ctx) as s:
        actor = require(ctx, s, Permission.ACCOUNTS)
        department_id = check_role(s, role, department_id)
        member_id = check_member(s, role, member_id)
        if s.scalar(select(User.id).where(User.name == clean)) is not None:
            raise ValidationError(F_USER_NAME, f"'{clean}' 사용자가 이미 있습니다. 다른 이름을 써 주세요.")
        user = User(name=clean, role=role, active=True, department_id=department_id, member_id=member_id)
        if hashed is not None:
            user.password_hash = hashed
            user.must_change_password = True
            user.password_changed_at = utcnow()
        s.add(user)
        s.flush()
        record(s, user.id, actor.id, AccountAction.CREATED, role.label)
        return info(user)


@writes(Permission.ACCOUNTS)
def set_active(ctx: ServiceContext, user_id: int, active: bool, version: int | None = None) -> UserInfo:
    """사용 중지 keeps the user (their name stays on what they changed) but they can no longer
    log in or be chosen. 관리자 only."""
    with transaction(ctx) as s:
        actor = require(ctx, s, Permission.ACCOUNTS)
        user = s.get(User, user_id)
        if user is None:
            raise NotFoundError("사용자")
        check_version(user, version)
        if not active and user.active:
            if user.id == ctx.user_id:
                raise ValidationError(
                    F_USER_ACTIVE,
                    "지금 로그인한 자기 계정은 사용 중지할 수 없습니다. "
                    "다른 관리자 계정으로 로그인해 바꿔 주세요.",
                )
            others = s.scalar(
                select(func.count()).select_from(User).where(User.active.is_(True), User.id != user.id)
            )
            if not others:
                raise ValidationError(F_USER_ACTIVE, "사용자가 한 명은 남아 있어야 합니다.")
        if user.active != active:
            user.active = active
            record(s, user.id, actor.id, AccountAction.REACTIVATED if active else AccountAction.DEACTIVATED)
        s.flush()
        return info(user)


@dataclass(frozen=True)
class MemberChoice:
    """A member a 점검 조장 account can be: masked name and phone, and how many visits they lead."""

    id: int
    label: str


def lead_member_choices(ctx: ServiceContext) -> list[MemberChoice]:
    """The members who lead inspections or are a team's 조장 (관리자 only), most visits led first;
    names and phones masked (the 관리자 tells two people of one masked name apart by the phone's
    last digits)."""
    from panelapp.db.models import Enrollment, InspectionAssignment
    from panelapp.domain.enums import AssignmentRole, MemberRole

    with reading(ctx) as s:
        require(ctx, s, Permission.ACCOUNTS)
        led = (
            select(Enrollment.member_id, func.count(InspectionAssignment.id).label("n"))
            .join(InspectionAssignment, InspectionAssignment.enrollment_id == Enrollment.id)
            .where(InspectionAssignment.role == AssignmentRole.LEAD)
            .group_by(Enrollment.member_id)
            .subquery()
        )
        leaders = select(Enrollment.member_id).where(
            Enrollment.role == MemberRole.LEADER, Enrollment.deleted_at.is_(None)
        )
        rows = s.execute(
            select(Member.id, Member.name, Member.phone, func.coalesce(led.c.n, 0))
            .outerjoin(led, led.c.member_id == Member.id)
            .where(
                Member.deleted_at.is_(None),
                Member.destroyed_at.is_(None),
                (led.c.n > 0) | Member.id.in_(leaders),
            )
            .order_by(func.coalesce(led.c.n, 0).desc(), Member.name, Member.id)
        )
        return [
            MemberChoice(mid, f"{masking.name(name)} · {masking.phone(phone)} · 점검 조장 {n}회")
            for mid, name, phone, n in rows
        ]
