"""Logging in, and what a 관리자 does to accounts: the first 관리자, passwords (argon2id, the rule
of domain/passwords.py), the lock after 5 failed logins (30 minutes, or until a 관리자 unlocks),
locks, resets (changed at the next login) and roles. Every change is written to the permission
history in its own transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from panelapp.db.base import utcnow
from panelapp.db.engine import Database
from panelapp.db.models import User
from panelapp.domain.enums import AccountAction, UserRole
from panelapp.domain.errors import DomainError, NotFoundError, ValidationError
from panelapp.domain.localtime import to_local
from panelapp.domain.passwords import F_PASSWORD, LOCK_AFTER_FAILURES, LOCK_MINUTES, check_password
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.locks import write_lock
from panelapp.services.people.account_history import record
from panelapp.services.people.password_hash import hash_password, needs_rehash, verify_password
from panelapp.services.people.users import (
    F_USER_ROLE,
    UserInfo,
    as_utc,
    check_member,
    check_role,
    clean_name,
    info,
)
from panelapp.services.permissions import Permission, require, writes

WRONG = "계정 이름이나 비밀번호가 맞지 않습니다."


class LoginError(DomainError):
    """Logging in failed; one Korean sentence (which never tells whether the name exists)."""


@dataclass(frozen=True)
class Login:
    account: UserInfo
    must_change_password: bool


def has_accounts(ctx: ServiceContext) -> bool:
    """True once some active account has a password: from then on nothing opens without
    logging in. A database made before accounts (users without passwords) has none yet."""
    with reading(ctx) as s:
        found = s.scalar(
            select(User.id).where(User.active.is_(True), User.password_hash.is_not(None)).limit(1)
        )
        return found is not None


def accounts_readable(db: Database) -> bool:
    """The database is this program's at the newest schema, so its accounts can be checked (the
    command line's check, backup, restore and db copy open a database as it is). A missing
    SQLite file is not opened: connecting would create it. Any failure to read says False."""
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import SQLAlchemyError

    from panelapp.services.system.bootstrap import newest_migration

    path = db.sqlite_path
    if db.is_sqlite and (path is None or not path.exists() or path.stat().st_size == 0):
        return False
    try:
        with db.engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            if "users" not in tables or "alembic_version" not in tables:
                return False
            stamps = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except SQLAlchemyError:
        return False
    return stamps == [newest_migration()]


def act_as(ctx: ServiceContext, account: UserInfo) -> None:
    ctx.user_id, ctx.user_name = account.id, account.name
    ctx.role = account.role


def _locked_sentence(user: User, now: dt.datetime) -> str | None:
    if user.locked:
        return f"{user.name} 계정은 관리자가 잠갔습니다. 관리자에게 잠금 해제를 요청해 주세요."
    until = as_utc(user.locked_until)
    if until is not None and until > now:
        return (
            f"{user.name} 계정은 로그인에 {LOCK_AFTER_FAILURES}번 실패해 "
            f"{to_local(until):%H시 %M분}까지 잠겼습니다. 그 뒤에 다시 시도하거나 관리자에게 잠금 해제를 요청해 주세요."
        )
    return None


def _bookkeeping(s: Session, user: User, **values: object) -> None:
    """A login's own bookkeeping on the account row (the last login, the failed-login count, a
    password rehashed with newer parameters): no screen shows it and nothing is edited, so it is
    written past the ORM flush: the row's version and 수정 stamp stay (a 관리자 editing the
    account on another desktop is not made stale by its owner logging in), and no other desktop
    is told "다른 사용자가 방금 사용자를 바꿨습니다" because a read-only command logged in."""
    from panelapp.services.live import wrote_unannounced

    changed = {k: v for k, v in values.items() if getattr(user, k) != v}
    if not changed:
        return
    table = User.__table__
    assert isinstance(table, Table)
    s.connection().execute(update(table).where(table.c.id == user.id).values(**changed))
    for key, value in changed.items():
        set_committed_value(user, key, value)
    wrote_unannounced(s)


def authenticate(
    ctx: ServiceContext, name: str, password: str, now: dt.datetime | None = None, record_login: bool = True
) -> Login:
    """Log in as `name`: on success the context acts as that account. A wrong password counts
    toward the lock (committed even though the login fails); the fifth in a row locks the
    account for 30 minutes and is written to the permission history. record_login=False leaves
    a successful login unwritten when nothing else changes (commands that open a database as it
    is, `check` above all, must not change what they inspect)."""
    now = now or utcnow()
    clean = " ".join((name or "").split())
    if not clean or not password:
        raise LoginError("계정 이름과 비밀번호를 입력해 주세요.")
    failure: str | None = None
    with transaction(ctx) as s:
        if record_login:  # a writer holding the lock is waited for, and the wait announced
            write_lock(s, None, people=False)
        user = s.scalar(select(User).where(User.name == clean))
        if user is None or not user.active:
            failure = (
                WRONG
                if user is None
                else f"{user.name} 계정은 사용 중지되었습니다. 관리자에게 문의해 주세요."
            )
        elif (locked := _locked_sentence(user, now)) is not None:
            failure = locked
        elif user.password_hash is None:
            failure = (
                f"{user.name} 계정은 아직 비밀번호가 없습니다. 관리자에게 비밀번호 초기화를 요청해 주세요."
            )
        elif not verify_password(user.password_hash, password):
            until = as_utc(user.locked_until)
            count = 1 if until is not None and until <= now else (user.failed_logins or 0) + 1
            if count >= LOCK_AFTER_FAILURES:  # the account locks: a change 계정 관리 shows
                user.failed_logins = count
                user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                record(s, user.id, None, AccountAction.LOCKED_BY_FAILURES, f"{count}회 실패")
                failure = _locked_sentence(user, now)
            else:
                _bookkeeping(s, user, failed_logins=count, locked_until=None)
                failure = WRONG  # as for a name that does not exist: no count that would tell it does
        else:
            values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
            if needs_rehash(user.password_hash):
                values["password_hash"] = hash_password(password)
            if record_login:
                values["last_login_at"] = now
            _bookkeeping(s, user, **values)
            account = info(user)
    if failure is not None:
        raise LoginError(failure)
    act_as(ctx, account)
    return Login(account, account.must_change_password)


def create_first_admin(ctx: ServiceContext, name: str, password: str) -> Login:
    """The first start's account (GUI) or `users add NAME --role admin` on a database without
    accounts. On a database made before accounts, a user of that name without a password (the
    one the settings named) becomes this 관리자, keeping what they changed; otherwise a new one."""
    clean = clean_name(name)
    hashed = hash_password(check_password(password, clean))
    with transaction(ctx) as s:
        if s.scalar(select(User.id).where(User.active.is_(True), User.password_hash.is_not(None)).limit(1)):
            raise DomainError("이미 계정이 있습니다. 관리자 계정으로 로그인한 뒤 계정을 추가해 주세요.")
        user = s.scalar(select(User).where(User.name == clean))
        claimed = user is not None
        if user is None:
            user = User(name=clean)
            s.add(user)
        user.role, user.active, user.department_id, user.member_id = UserRole.ADMIN, True, None, None
        user.password_hash, user.must_change_password = hashed, False
        user.failed_logins, user.locked_until, user.locked = 0, None, False
        user.password_changed_at = user.last_login_at = utcnow()
        s.flush()
        detail = "첫 관리자 (기존 사용자에게 비밀번호 설정)" if claimed else "첫 관리자"
        record(s, user.id, user.id, AccountAction.CREATED, detail)
        account = info(user)
    act_as(ctx, account)
    return Login(account, False)


def change_own_password(ctx: ServiceContext, old_password: str, new_password: str) -> UserInfo:
    """The logged-in account changes its password (also the must-change after a reset)."""
    with reading(ctx) as s:
        user = s.get(User, ctx.user_id) if ctx.user_id is not None else None
        if user is None:
            raise LoginError("로그인한 계정이 없습니다.")
        account_id, name, stored = user.id, user.name, user.password_hash
    if not verify_password(stored, old_password):
        raise ValidationError("지금 비밀번호", "지금 비밀번호가 맞지 않습니다.")
    if verify_password(stored, new_password):
        raise ValidationError(F_PASSWORD, "지금과 다른 비밀번호로 정해 주세요.")
    hashed = hash_password(check_password(new_password, name))
    with transaction(ctx) as s:
        user = _account(s, account_id)
        user.password_hash, user.must_change_password = hashed, False
        user.password_changed_at = utcnow()
        record(s, user.id, user.id, AccountAction.PASSWORD_CHANGED)
        s.flush()
        return info(user)


def _account(s: Session, account_id: int) -> User:
    user: User | None = s.get(User, account_id)
    if user is None:
        raise NotFoundError("계정")
    return user


@writes(Permission.ACCOUNTS)
def reset_password(
    ctx: ServiceContext, account_id: int, new_password: str, version: int | None = None
) -> UserInfo:
    """A 관리자 sets a temporary password, which its owner must change at the next login; the
    failed-login lock is lifted with it."""
    with reading(ctx) as s:
        name = _account(s, account_id).name
    hashed = hash_password(check_password(new_password, name))
    with transaction(ctx) as s:
        actor = require(ctx, s, Permission.ACCOUNTS)
        user = _account(s, account_id)
        check_version(user, version)
        user.password_hash, user.must_change_password = hashed, user.id != actor.id
        user.failed_logins, user.locked_until = 0, None
        user.password_changed_at = utcnow()
        record(
            s,
            user.id,
            actor.id,
            AccountAction.PASSWORD_RESET,
            "다음 로그인 때 변경" if user.must_change_password else "",
        )
        s.flush()
        return info(user)


@writes(Permission.ACCOUNTS)
def lock_account(ctx: ServiceContext, account_id: int) -> UserInfo:
    with transaction(ctx) as s:
        actor = require(ctx, s, Permission.ACCOUNTS)
        user = _account(s, account_id)
        if user.id == actor.id:
            raise ValidationError("잠금", "지금 로그인한 자기 계정은 잠글 수 없습니다.")
        if not user.locked:
            user.locked = True
            record(s, user.id, actor.id, AccountAction.LOCKED)
        s.flush()
        return info(user)


@writes(Permission.ACCOUNTS)
def unlock_account(ctx: ServiceContext, account_id: int) -> UserInfo:
    """Lifts both a 관리자's lock and the lock after failed logins."""
    now = utcnow()
    with transaction(ctx) as s:
        actor = require(ctx, s, Permission.ACCOUNTS)
        user = _account(s, account_id)
        until = as_utc(user.locked_until)
        was = user.locked or (until is not None and until > now) or user.failed_logins
        user.locked, user.locked_until, user.failed_logins = False, None, 0
        if was:
            record(s, user.id, actor.id, AccountAction.UNLOCKED)
        s.flush()
        return info(user)


@writes(Permission.ACCOUNTS)
def set_role(
    ctx: ServiceContext,
    account_id: int,
    role: UserRole,
    department_id: int | None = None,
    member_id: int | None = None,
) -> UserInfo:
    """The role, with the department of a 부서 담당자 and the member of a 점검 조장."""
    with transaction(ctx) as s:
        actor = require(ctx, s, Permission.ACCOUNTS)
        user = _account(s, account_id)
        department_id = check_role(s, role, department_id)
        member_id = check_member(s, role, member_id)
        if user.role is UserRole.ADMIN and role is not UserRole.ADMIN:
            if user.id == actor.id:
                raise ValidationError(
                    F_USER_ROLE, "지금 로그인한 자기 계정의 관리자 역할은 바꿀 수 없습니다."
                )
            admins = s.scalar(
                select(func.count())
                .select_from(User)
                .where(User.active.is_(True), User.role == UserRole.ADMIN, User.id != user.id)
            )
            if not admins:
                raise ValidationError(F_USER_ROLE, "관리자가 한 명은 남아 있어야 합니다.")
        if (user.role, user.department_id, user.member_id) != (role, department_id, member_id):
            before = user.role.label
            user.role, user.department_id, user.member_id = role, department_id, member_id
            member = f" (단원 #{member_id})" if member_id is not None else ""
            record(s, user.id, actor.id, AccountAction.ROLE_CHANGED, f"{before} → {role.label}{member}")
        s.flush()
        return info(user)
