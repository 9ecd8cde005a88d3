"""Accounts (issue 12 items 1 and 5): the password rule, argon2id hashes, the first 관리자, the
lock after 5 failed logins (30 minutes or a 관리자's unlock), resets changed at the next login,
roles with their department, the permission history, and the upgrade of older databases."""

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select, text

from panelapp.db.base import utcnow
from panelapp.db.engine import open_database
from panelapp.db.models import AccountEvent, Department, User
from panelapp.domain.enums import AccountAction, UserRole
from panelapp.domain.errors import DomainError, ValidationError
from panelapp.domain.passwords import check_password
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.people.account_history import account_history, host_name
from panelapp.services.people.accounts import (
    LoginError,
    authenticate,
    change_own_password,
    create_first_admin,
    has_accounts,
    lock_account,
    reset_password,
    set_role,
    unlock_account,
)
from panelapp.services.people.users import create_user, list_users, set_active
from panelapp.services.permissions import PermissionDenied
from panelapp.services.registers.departments import ensure_organization

PW = "panel-2026"
ADMIN = "테스트담당자"  # the user every test context starts with (tests/conftest.py), no password yet


@pytest.fixture
def admin(ctx):
    create_first_admin(ctx, ADMIN, PW)
    return ctx


@pytest.mark.parametrize(
    "password",
    [
        "abcdef12",
        "Abcdefgh",
        "abc!defg",
        "abcdefghij",
        "1234567890",
        "한글비밀번호입니다1",
        "가나다라마바사아자차",
    ],
)
def test_password_rule_accepts(password):
    assert check_password(password) == password


@pytest.mark.parametrize(
    "password, says",
    [
        ("", "입력해 주세요"),
        ("        ", "입력해 주세요"),
        ("abc12", "5자에 2종류뿐이라"),
        ("abcdefgh", "8자에 1종류뿐이라"),
        ("123456789", "9자에 1종류뿐이라"),
        ("abcdefg\n1", "제어 문자"),
        ("a1" * 70, "128자"),
    ],
)
def test_password_rule_refuses_with_a_korean_sentence(password, says):
    with pytest.raises(ValidationError) as err:
        check_password(password)
    assert err.value.field == "비밀번호" and says in err.value.message
    if "종류" in says:
        assert "두 종류 이상" in err.value.message and "10자 이상" in err.value.message


def test_password_may_not_contain_the_account_name():
    with pytest.raises(ValidationError, match="계정 이름"):
        check_password("kimdam-2026", "kimdam")


def test_first_admin_claims_the_user_of_an_older_database(ctx):
    assert not has_accounts(ctx)  # the conftest user has no password: no account yet
    me = ctx.user_id
    login = create_first_admin(ctx, ADMIN, PW)
    assert login.account.id == me and login.account.role is UserRole.ADMIN and not login.must_change_password
    assert has_accounts(ctx)
    with reading(ctx) as s:
        stored = s.get(User, me).password_hash
    assert stored.startswith("$argon2id$") and PW not in stored
    with pytest.raises(DomainError, match="이미 계정이 있습니다"):
        create_first_admin(ctx, "다른관리자", PW)
    (event,) = account_history(ctx)
    assert (event.account, event.actor, event.action) == (ADMIN, ADMIN, AccountAction.CREATED)
    assert event.host == host_name() and event.host


def test_first_admin_on_an_empty_database_is_a_new_account(tmp_path):
    from panelapp.db.base import Base

    db = open_database(str(tmp_path / "new.db"))
    Base.metadata.create_all(db.engine)
    ctx = ServiceContext(db=db)
    with pytest.raises(ValidationError, match="두 종류 이상"):
        create_first_admin(ctx, "관리자", "short")
    login = create_first_admin(ctx, "관리자", PW)
    assert (ctx.user_id, ctx.user_name, ctx.role) == (login.account.id, "관리자", UserRole.ADMIN)
    db.dispose()


def test_login_succeeds_and_acts_as_the_account(admin):
    kim = create_user(admin, "김담당", UserRole.COORDINATOR, password="kim-pass-1")
    assert kim.has_password and kim.must_change_password  # the 관리자 knows it
    fresh = ServiceContext(db=admin.db)
    login = authenticate(fresh, "김담당", "kim-pass-1")
    assert login.must_change_password
    assert (fresh.user_id, fresh.user_name, fresh.role) == (kim.id, "김담당", UserRole.COORDINATOR)
    # the same Hangul password typed decomposed (macOS) is the same password
    create_user(admin, "박담당", password="비밀번호는한글열자요")
    import unicodedata

    authenticate(ServiceContext(db=admin.db), "박담당", unicodedata.normalize("NFD", "비밀번호는한글열자요"))


def test_wrong_and_unknown_logins_say_the_same_sentence(admin):
    with pytest.raises(LoginError) as unknown:
        authenticate(ServiceContext(db=admin.db), "없는사람", PW)
    with pytest.raises(LoginError) as wrong:
        authenticate(ServiceContext(db=admin.db), ADMIN, "wrong-pass-1")
    assert unknown.value.message == "계정 이름이나 비밀번호가 맞지 않습니다."
    assert wrong.value.message == unknown.value.message  # nothing tells that the account exists
    with pytest.raises(LoginError, match="입력해 주세요"):
        authenticate(ServiceContext(db=admin.db), ADMIN, "")


def test_five_failures_lock_for_thirty_minutes(admin):
    create_user(admin, "김담당", password="kim-pass-1")
    now = utcnow()
    for _ in range(4):
        with pytest.raises(LoginError, match="^계정 이름이나 비밀번호가 맞지 않습니다.$"):
            authenticate(ServiceContext(db=admin.db), "김담당", "bad-pass-1", now=now)
    with pytest.raises(LoginError, match="5번 실패해 .*까지 잠겼습니다"):
        authenticate(ServiceContext(db=admin.db), "김담당", "bad-pass-1", now=now)
    # the right password does not open a locked account
    with pytest.raises(LoginError, match="잠겼습니다"):
        authenticate(ServiceContext(db=admin.db), "김담당", "kim-pass-1", now=now + dt.timedelta(minutes=29))
    later = now + dt.timedelta(minutes=30, seconds=1)
    assert (
        authenticate(ServiceContext(db=admin.db), "김담당", "kim-pass-1", now=later).account.name == "김담당"
    )
    events = [e for e in account_history(admin) if e.account == "김담당"]
    assert [e.action for e in events][:1] == [AccountAction.LOCKED_BY_FAILURES]
    assert events[0].actor == "(프로그램)"
    # a failure after the lock ran out starts counting again from one: four more do not lock
    for _ in range(4):
        with pytest.raises(LoginError, match="^계정 이름이나 비밀번호가 맞지 않습니다.$"):
            authenticate(ServiceContext(db=admin.db), "김담당", "bad-pass-1", now=later)
    with pytest.raises(LoginError, match="5번 실패해"):
        authenticate(ServiceContext(db=admin.db), "김담당", "bad-pass-1", now=later)


def test_a_failure_counts_even_though_the_login_fails(admin):
    create_user(admin, "김담당", password="kim-pass-1")
    with pytest.raises(LoginError):
        authenticate(ServiceContext(db=admin.db), "김담당", "bad-pass-1")
    with reading(admin) as s:
        assert s.scalar(select(User.failed_logins).where(User.name == "김담당")) == 1
    authenticate(ServiceContext(db=admin.db), "김담당", "kim-pass-1")
    with reading(admin) as s:
        user = s.scalar(select(User).where(User.name == "김담당"))
        assert user.failed_logins == 0 and user.last_login_at is not None


def test_admin_unlocks_before_the_thirty_minutes(admin):
    kim = create_user(admin, "김담당", password="kim-pass-1")
    for _ in range(5):
        with pytest.raises(LoginError):
            authenticate(ServiceContext(db=admin.db), "김담당", "bad-pass-1")
    assert [u for u in list_users(admin) if u.name == "김담당"][0].locked_at()
    unlock_account(admin, kim.id)
    authenticate(ServiceContext(db=admin.db), "김담당", "kim-pass-1")
    actions = [e.action for e in account_history(admin, kim.id)]
    assert actions[:2] == [AccountAction.UNLOCKED, AccountAction.LOCKED_BY_FAILURES]


def test_admin_lock_holds_until_unlocked(admin):
    kim = create_user(admin, "김담당", password="kim-pass-1")
    assert lock_account(admin, kim.id).locked
    with pytest.raises(LoginError, match="관리자가 잠갔습니다"):
        authenticate(ServiceContext(db=admin.db), "김담당", "kim-pass-1", now=utcnow() + dt.timedelta(days=9))
    with pytest.raises(ValidationError, match="자기 계정은 잠글 수 없습니다"):
        lock_account(admin, admin.user_id)
    assert not unlock_account(admin, kim.id).locked
    authenticate(ServiceContext(db=admin.db), "김담당", "kim-pass-1")


def test_reset_must_be_changed_at_next_login(admin):
    kim = create_user(admin, "김담당", password="kim-pass-1")
    kim_ctx = ServiceContext(db=admin.db)
    authenticate(kim_ctx, "김담당", "kim-pass-1")
    change_own_password(kim_ctx, "kim-pass-1", "kim-pass-2")
    assert not authenticate(ServiceContext(db=admin.db), "김담당", "kim-pass-2").must_change_password
    reset_password(admin, kim.id, "temp-pass-9")
    login = authenticate(kim_ctx, "김담당", "temp-pass-9")
    assert login.must_change_password
    with pytest.raises(ValidationError, match="지금 비밀번호가 맞지 않습니다"):
        change_own_password(kim_ctx, "wrong-one-1", "kim-pass-3")
    with pytest.raises(ValidationError, match="다른 비밀번호"):
        change_own_password(kim_ctx, "temp-pass-9", "temp-pass-9")
    with pytest.raises(ValidationError, match="두 종류 이상"):
        change_own_password(kim_ctx, "temp-pass-9", "short")
    assert not change_own_password(kim_ctx, "temp-pass-9", "kim-pass-3").must_change_password
    with pytest.raises(LoginError):
        authenticate(ServiceContext(db=admin.db), "김담당", "temp-pass-9")
    actions = [e.action for e in account_history(admin, kim.id)]
    assert actions == [
        AccountAction.PASSWORD_CHANGED,
        AccountAction.PASSWORD_RESET,
        AccountAction.PASSWORD_CHANGED,
        AccountAction.CREATED,
    ]


def test_an_account_without_password_cannot_log_in_until_reset(admin):
    kim = create_user(admin, "김담당")
    with pytest.raises(LoginError, match="아직 비밀번호가 없습니다"):
        authenticate(ServiceContext(db=admin.db), "김담당", "anything-1")
    reset_password(admin, kim.id, "temp-pass-9")
    assert authenticate(ServiceContext(db=admin.db), "김담당", "temp-pass-9").must_change_password


def test_deactivated_account_cannot_log_in(admin):
    kim = create_user(admin, "김담당", password="kim-pass-1")
    set_active(admin, kim.id, False)
    with pytest.raises(LoginError, match="사용 중지"):
        authenticate(ServiceContext(db=admin.db), "김담당", "kim-pass-1")
    set_active(admin, kim.id, True)
    actions = [e.action for e in account_history(admin, kim.id)]
    assert actions[:2] == [AccountAction.REACTIVATED, AccountAction.DEACTIVATED]


def _department(ctx) -> int:
    ensure_organization(ctx, "한빛시")
    with transaction(ctx) as s:
        org_id = s.scalar(text("SELECT id FROM organizations"))
        dept = Department(organization_id=org_id, name="공원녹지과")
        s.add(dept)
        s.flush()
        return dept.id


def _member(ctx) -> int:
    from panelapp.db.models import Member

    with transaction(ctx) as s:
        member = Member(name="백현정", phone="+821055501234")
        s.add(member)
        s.flush()
        return member.id


def test_roles_and_the_department_of_a_department_account(admin):
    dept = _department(admin)
    with pytest.raises(ValidationError, match="담당할 부서"):
        create_user(admin, "이부서", UserRole.DEPARTMENT)
    lee = create_user(admin, "이부서", UserRole.DEPARTMENT, department_id=dept)
    assert lee.department_id == dept
    assert [u.department_name for u in list_users(admin) if u.name == "이부서"] == ["공원녹지과"]
    viewer = set_role(admin, lee.id, UserRole.VIEWER)
    assert viewer.role is UserRole.VIEWER and viewer.department_id is None
    (changed, _created) = account_history(admin, lee.id)
    assert changed.action is AccountAction.ROLE_CHANGED and changed.detail == "부서 담당자 → 열람자"
    with pytest.raises(ValidationError, match="자기 계정의 관리자 역할"):
        set_role(admin, admin.user_id, UserRole.COORDINATOR)


def test_the_last_admin_keeps_the_role(admin):
    other = create_user(admin, "박관리", UserRole.ADMIN, password="park-pass-1")
    park = ServiceContext(db=admin.db)
    authenticate(park, "박관리", "park-pass-1")
    set_role(park, admin.user_id, UserRole.COORDINATOR)  # another 관리자 is left: park
    me = ServiceContext(db=admin.db)
    authenticate(me, ADMIN, PW)
    with pytest.raises(PermissionDenied):
        set_role(me, other.id, UserRole.VIEWER)  # no longer a 관리자


@pytest.mark.parametrize("role", [r for r in UserRole if r is not UserRole.ADMIN])
def test_only_an_admin_manages_accounts(admin, role):
    dept = _department(admin) if role is UserRole.DEPARTMENT else None
    member = _member(admin) if role is UserRole.LEAD else None
    someone = create_user(admin, "김계정", role, password="kim-pass-1", department_id=dept, member_id=member)
    target = create_user(admin, "박대상", password="park-pass-1")
    kim = ServiceContext(db=admin.db)
    authenticate(kim, "김계정", "kim-pass-1")
    calls = [
        lambda: create_user(kim, "최신규", password="choi-pass-1"),
        lambda: set_active(kim, target.id, False),
        lambda: reset_password(kim, target.id, "temp-pass-9"),
        lambda: lock_account(kim, target.id),
        lambda: unlock_account(kim, target.id),
        lambda: set_role(kim, target.id, UserRole.ADMIN),
        lambda: account_history(kim),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as err:
            call()
        assert err.value.message.startswith("계정 관리는 관리자만 할 수 있어 김계정(")
    with reading(admin) as s:
        assert s.scalar(select(User.id).where(User.name == "최신규")) is None
        assert not s.get(User, target.id).locked
    assert someone.role is role


def test_history_is_written_in_the_same_transaction(admin):
    """A refused change leaves no history line; a done one always has its line."""
    kim = create_user(admin, "김담당", password="kim-pass-1")
    with pytest.raises(ValidationError):
        set_role(admin, kim.id, UserRole.DEPARTMENT)  # no department: refused
    with reading(admin) as s:
        rows = s.scalars(select(AccountEvent.action).where(AccountEvent.account_id == kim.id)).all()
    assert rows == [AccountAction.CREATED]


def test_older_database_users_become_accounts_without_password(tmp_path):
    """Upgrading from 0008: every user row stays, with its role, and has no password; the
    first 관리자 is made from the first start (has_accounts is False until then)."""
    from alembic import command

    from panelapp.db import migrate

    path = tmp_path / "old.db"
    db = open_database(str(path))
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0008")
        conn.execute(
            text(
                "INSERT INTO users (name, role, active, created_at, updated_at, version) VALUES "
                "('김담당', 'coordinator', 1, '2026-01-01', '2026-01-01', 1), "
                "('관리자', 'admin', 1, '2026-01-01', '2026-01-01', 1)"
            )
        )
    db.dispose()
    db = open_database(str(path))
    migrate.upgrade_to_head(db)
    raw = sqlite3.connect(str(path))
    assert raw.execute(
        "SELECT name, role, password_hash, must_change_password, failed_logins, locked FROM users ORDER BY id"
    ).fetchall() == [("김담당", "coordinator", None, 0, 0, 0), ("관리자", "admin", None, 0, 0, 0)]
    raw.close()
    ctx = ServiceContext(db=db)
    assert not has_accounts(ctx)
    with pytest.raises(LoginError, match="아직 비밀번호가 없습니다"):
        authenticate(ctx, "김담당", "anything-1")
    create_first_admin(ctx, "관리자", PW)
    assert has_accounts(ctx)
    db.dispose()
