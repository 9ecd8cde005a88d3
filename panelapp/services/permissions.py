"""Who may do what: the one permission check every write service calls.

A write service is marked `@writes(Permission.X)`: before its body runs, the acting account
must hold X (`require`). The mark is an attribute of the function, not a registry filled at
import: tests/test_permissions.py finds every public service function that opens a write
transaction, fails when one is neither marked nor listed as exempt, and calls each marked one
as every role.

The rights of each role (issue 12 item 2). A 관리자 holds every right: in a small institution the
person who keeps the accounts also runs the panel, and a first start makes only a 관리자. The
acting account is read from the database inside the service's own transaction, so a role
changed or an account locked on another computer takes effect on the next call.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from panelapp.domain.enums import UserRole
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import josa

# The masking rule lives in services/masking.py; these names stay for the services that ask here.
from panelapp.services.masking import MASKED_ROLES as MASKED_ROLES
from panelapp.services.masking import personal_masked as personal_masked

if TYPE_CHECKING:
    from panelapp.db.models import User
    from panelapp.services.context import ServiceContext


class Permission(enum.Enum):
    """A right; the value is what the permission error calls it."""

    ACCOUNTS = "계정 관리"
    INSTITUTION = "기관 정보 수정"
    RETENTION = "개인정보 보존·파기"
    ACCESS_LOG = "접속기록 검토"
    PANEL_WORK = "참여단 자료 수정"
    RESULTS = "점검 결과·발견사항 입력"
    PROPOSAL_ANSWER = "개선제안 답변"


ROLE_PERMISSIONS: dict[UserRole, frozenset[Permission]] = {
    UserRole.ADMIN: frozenset(Permission),
    UserRole.COORDINATOR: frozenset({Permission.PANEL_WORK, Permission.RESULTS, Permission.PROPOSAL_ANSWER}),
    UserRole.LEAD: frozenset({Permission.RESULTS}),
    UserRole.DEPARTMENT: frozenset({Permission.PROPOSAL_ANSWER}),
    UserRole.VIEWER: frozenset(),
}


class PermissionDenied(DomainError):
    """The acting account lacks the right; the message is one Korean sentence."""

    def __init__(self, message: str, permission: Permission | None = None):
        super().__init__(message)
        self.permission = permission


def roles_with(permission: Permission) -> list[UserRole]:
    return [role for role in UserRole if permission in ROLE_PERMISSIONS[role]]


def allowed(role: UserRole | None, permission: Permission) -> bool:
    return role is not None and permission in ROLE_PERMISSIONS.get(role, frozenset())


def denial_sentence(
    permission: Permission, name: str | None, role: UserRole | None, action: str | None = None
) -> str:
    """ "개선 보고서 만들기는 관리자·담당자만 할 수 있어 …": `action` names what was refused when
    the right's own name would say something else (a report is not a 자료 수정)."""
    roles = "·".join(r.label for r in roles_with(permission))
    what = josa(action or permission.value, "은")
    if name is None or role is None:
        return f"{what} {roles} 계정으로 로그인해야 할 수 있습니다."
    return f"{what} {roles}만 할 수 있어 {name}({role.label}) 계정으로는 할 수 없습니다."


def require(ctx: ServiceContext, session: Session, permission: Permission, action: str | None = None) -> User:
    """The acting account's row when it holds `permission`; PermissionDenied otherwise (also
    when nobody is logged in, or the account was deactivated or locked meanwhile)."""
    from panelapp.db.models import User

    user: User | None = session.get(User, ctx.user_id) if ctx.user_id is not None else None
    if user is None or not user.active or user.locked:
        raise PermissionDenied(denial_sentence(permission, None, None, action), permission)
    if not allowed(user.role, permission):
        raise PermissionDenied(denial_sentence(permission, user.name, user.role, action), permission)
    return user


def require_own_department(ctx: ServiceContext, session: Session, department_id: int | None) -> None:
    """A 부서 담당자 reads and answers only the proposals of their own department."""
    from panelapp.db.models import Department, User

    user: User | None = session.get(User, ctx.user_id) if ctx.user_id is not None else None
    if user is None or user.role is not UserRole.DEPARTMENT or user.department_id == department_id:
        return
    own = session.get(Department, user.department_id) if user.department_id is not None else None
    where = f"{own.name}의 " if own is not None else "자기 부서의 "
    raise PermissionDenied(
        f"부서 담당자는 {where}개선제안에만 답할 수 있어 {user.name} 계정으로는 다른 부서의 제안을 바꿀 수 없습니다.",
        Permission.PROPOSAL_ANSWER,
    )


def mask_person(ctx: ServiceContext, name: str) -> str:
    """A member's name as the acting account may see it (masking.person)."""
    from panelapp.services.masking import person

    return person(ctx, name)


def department_scope(ctx: ServiceContext, session: Session) -> int | None:
    """The department a 부서 담당자 account reads and answers (0 when none is set: nothing
    matches); None for every other role, which is not limited by department."""
    from panelapp.db.models import User

    user: User | None = session.get(User, ctx.user_id) if ctx.user_id is not None else None
    if user is None or user.role is not UserRole.DEPARTMENT:
        return None
    return user.department_id if user.department_id is not None else 0


def require_department_may_read(ctx: ServiceContext, session: Session, department_id: int | None) -> None:
    """A 부서 담당자 opens only their own department's proposals."""
    scope = department_scope(ctx, session)
    if scope is not None and department_id != scope:
        raise PermissionDenied(
            "부서 담당자는 자기 부서의 개선제안만 볼 수 있어 다른 부서의 제안은 열 수 없습니다.",
            Permission.PROPOSAL_ANSWER,
        )


def require_own_inspection(ctx: ServiceContext, session: Session, inspection_id: int | None) -> None:
    """A 점검 조장 writes the results, checklist answers, findings and finding photos only of the
    inspections their member (users.member_id) leads: an assignment with role 조장. Other roles
    pass; an inspection that does not exist is left to the service's own sentence."""
    from sqlalchemy import select

    from panelapp.db.models import Enrollment, Facility, Inspection, InspectionAssignment, User
    from panelapp.domain.enums import AssignmentRole

    user: User | None = session.get(User, ctx.user_id) if ctx.user_id is not None else None
    if user is None or user.role is not UserRole.LEAD:
        return
    insp = session.get(Inspection, inspection_id) if inspection_id is not None else None
    if inspection_id is not None and insp is None:
        return
    if insp is not None and user.member_id is not None:
        leads = session.scalar(
            select(InspectionAssignment.id)
            .join(Enrollment, Enrollment.id == InspectionAssignment.enrollment_id)
            .where(
                InspectionAssignment.inspection_id == insp.id,
                InspectionAssignment.role == AssignmentRole.LEAD,
                Enrollment.member_id == user.member_id,
            )
            .limit(1)
        )
        if leads is not None:
            return
    if insp is None:
        what = "점검에 딸리지 않은 자료는"
    else:
        facility = session.get(Facility, insp.facility_id)
        place = facility.name if facility is not None else "시설"
        what = f"'{place} {insp.scheduled_date:%Y-%m-%d} 점검'의 결과와 발견사항은"
    if user.member_id is None:
        raise PermissionDenied(
            f"{user.name} 계정에 연결된 단원이 없어 {what} 바꿀 수 없습니다. "
            "관리자에게 계정의 단원을 정해 달라고 요청해 주세요.",
            Permission.RESULTS,
        )
    raise PermissionDenied(
        f"점검 조장은 자기가 조장인 점검만 입력할 수 있어 {user.name} 계정으로는 {what} 바꿀 수 없습니다.",
        Permission.RESULTS,
    )


P = ParamSpec("P")
R = TypeVar("R")


def writes(
    permission: Permission, action: str | None = None
) -> Callable[[Callable[Concatenate[ServiceContext, P], R]], Callable[Concatenate[ServiceContext, P], R]]:
    """Mark a write service: the acting account must hold `permission` before it runs; `action`
    names it in the refusal when the right's name would not (denial_sentence)."""

    def mark(fn: Callable[Concatenate[ServiceContext, P], R]) -> Callable[Concatenate[ServiceContext, P], R]:
        @functools.wraps(fn)
        def checked(ctx: ServiceContext, *args: P.args, **kwargs: P.kwargs) -> R:
            from panelapp.services.context import reading

            with reading(ctx) as s:
                require(ctx, s, permission, action)
            return fn(ctx, *args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        checked.action = action  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]  # wraps() keeps the signature

    return mark
