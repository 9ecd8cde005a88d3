"""Users of the app (담당자, 점검 조장...). Until login exists, the acting user is chosen in
the settings dialog and every change records them (created_by / updated_by / deleted_by)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from panelapp.db.models import User
from panelapp.domain.enums import UserRole
from panelapp.domain.errors import NotFoundError, ValidationError
from panelapp.domain.validation import normalize_text
from panelapp.services.changes import Kind, declare
from panelapp.services.context import ServiceContext, check_version, reading, transaction

F_USER_NAME = "이름"
F_USER_ROLE = "역할"
F_USER_ACTIVE = "사용 여부"


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    role: UserRole
    active: bool
    version: int

    @property
    def display_name(self) -> str:
        text = f"{self.name} ({self.role.label})"
        return text if self.active else f"{text} · 사용 중지"


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.name, u.role, u.active, u.version)


def list_users(ctx: ServiceContext) -> list[UserInfo]:
    """Active users first, then by name."""
    with reading(ctx) as s:
        users = s.scalars(select(User).order_by(User.active.desc(), User.name, User.id))
        return [_info(u) for u in users]


def get_user(ctx: ServiceContext, user_id: int, must_be_active: bool = False) -> UserInfo:
    with reading(ctx) as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFoundError("사용자")
        if must_be_active and not user.active:
            raise ValidationError(
                F_USER_ACTIVE, f"{user.name} 님은 사용 중지된 사용자입니다. 다시 사용하도록 바꾼 뒤 고르세요."
            )
        return _info(user)


def create_user(ctx: ServiceContext, name: str, role: UserRole = UserRole.COORDINATOR) -> UserInfo:
    clean = normalize_text(" ".join((name or "").split()), F_USER_NAME, 50, required=True)
    if any(ch.isdigit() for ch in clean):
        raise ValidationError(F_USER_NAME, "이름에 숫자를 넣을 수 없습니다.")
    if not isinstance(role, UserRole):
        raise ValidationError(F_USER_ROLE, "목록에서 골라 주세요.")
    with transaction(ctx) as s:
        if s.scalar(select(User.id).where(User.name == clean)) is not None:
            raise ValidationError(F_USER_NAME, f"'{clean}' 사용자가 이미 있습니다. 다른 이름을 써 주세요.")
        user = User(name=clean, role=role, active=True)
        s.add(user)
        s.flush()
        return _info(user)


def set_active(ctx: ServiceContext, user_id: int, active: bool, version: int | None = None) -> UserInfo:
    """사용 중지 keeps the user (their name stays on what they changed) but hides them from choice."""
    with transaction(ctx) as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFoundError("사용자")
        check_version(user, version)
        if not active and user.active:
            if user.id == ctx.user_id:
                raise ValidationError(
                    F_USER_ACTIVE,
                    "지금 작업 중인 사용자는 사용 중지할 수 없습니다. "
                    "다른 사용자로 바꾼 뒤 다시 시도해 주세요.",
                )
            others = s.scalar(
                select(func.count()).select_from(User).where(User.active.is_(True), User.id != user.id)
            )
            if not others:
                raise ValidationError(F_USER_ACTIVE, "사용자가 한 명은 남아 있어야 합니다.")
        user.active = active
        s.flush()
        return _info(user)


def switch_user(ctx: ServiceContext, user_id: int) -> UserInfo:
    """Act as another (active) user from now on: every change records them. A setting, not a
    table: announced as a USER change so the window's status bar and the lists follow."""
    user = get_user(ctx, user_id, must_be_active=True)
    ctx.user_id, ctx.user_name = user.id, user.name
    declare(Kind.USER, [user.id])
    return user
