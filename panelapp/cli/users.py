"""`panelapp users ...`: accounts on the command line (관리자 only, issue 12 item 3).

    panelapp users add 김담당 --role coordinator [--department 공원녹지과] [--password-stdin]
    panelapp users list
    panelapp users lock|unlock|deactivate 김담당
    panelapp users passwd 김담당          (자기 계정: 비밀번호 변경, 다른 계정: 관리자의 초기화)
    panelapp users add 백조장 --role lead --member 17
    panelapp users role 김담당 lead --member 17

A new password is asked twice on the terminal, or read as one line from standard input with
--password-stdin. On a database without accounts, `users add NAME --role admin` makes the first
관리자 without logging in (the command line's first start).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from panelapp.domain.enums import UserRole
from panelapp.domain.errors import DomainError, ValidationError
from panelapp.domain.josa import josa
from panelapp.domain.localtime import format_local

ROLE_NAMES = {role.value: role for role in UserRole}  # admin, coordinator, lead, department, viewer


def add_parser(sub) -> None:
    users = sub.add_parser("users", help="계정 관리 (관리자만): 추가, 목록, 잠금, 비밀번호, 역할")
    verbs = users.add_subparsers(dest="users_command", metavar="작업", required=True)
    roles = ", ".join(f"{r.value}={r.label}" for r in UserRole)
    add = verbs.add_parser("add", help="계정을 만듭니다 (계정이 없는 데이터베이스에서는 첫 관리자)")
    add.add_argument("name", metavar="NAME", help="계정 이름")
    add.add_argument("--role", required=True, choices=list(ROLE_NAMES), metavar="ROLE", help=f"역할: {roles}")
    add.add_argument("--department", metavar="부서", help="부서 담당자(department)가 맡을 부서 이름")
    add_member_argument(add)
    add.add_argument(
        "--password-stdin", action="store_true", help="새 비밀번호를 표준 입력 한 줄에서 읽습니다"
    )
    verbs.add_parser("list", help="계정 목록")
    for verb, text in (
        ("lock", "계정을 잠급니다 (관리자가 풀 때까지)"),
        ("unlock", "계정 잠금을 풉니다 (로그인 실패 잠금 포함)"),
        ("deactivate", "계정을 사용 중지합니다 (기록의 이름은 남습니다)"),
    ):
        verbs.add_parser(verb, help=text).add_argument("name", metavar="NAME")
    passwd = verbs.add_parser(
        "passwd", help="자기 비밀번호를 바꾸거나 (관리자) 다른 계정의 비밀번호를 초기화합니다"
    )
    passwd.add_argument("name", metavar="NAME")
    passwd.add_argument(
        "--password-stdin", action="store_true", help="새 비밀번호를 표준 입력 한 줄에서 읽습니다"
    )
    role = verbs.add_parser("role", help="계정의 역할을 바꿉니다")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", choices=list(ROLE_NAMES), metavar="ROLE", help=f"역할: {roles}")
    role.add_argument("--department", metavar="부서", help="부서 담당자(department)가 맡을 부서 이름")
    add_member_argument(role)


def add_member_argument(parser) -> None:
    parser.add_argument(
        "--member",
        type=int,
        metavar="ID",
        help="점검 조장(lead)인 단원의 번호: 그 단원이 조장인 점검만 입력합니다",
    )


def new_password(from_stdin: bool, environment: bool = False) -> str:
    """From standard input (--password-stdin), the terminal (asked twice), or, for the first
    관리자 only (`environment`), PANELAPP_PASSWORD: the password the next commands log in with."""
    if environment and not from_stdin and os.environ.get("PANELAPP_PASSWORD") is not None:
        return os.environ["PANELAPP_PASSWORD"]
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise ValidationError("비밀번호", "표준 입력에 새 비밀번호가 없습니다.")
        return line.rstrip("\r\n")
    try:
        terminal = sys.stdin.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if not terminal:
        raise ValidationError(
            "비밀번호", "새 비밀번호를 --password-stdin으로 주거나 터미널에서 실행해 입력해 주세요."
        )
    first = getpass.getpass("새 비밀번호: ")
    if getpass.getpass("새 비밀번호 확인: ") != first:
        raise ValidationError("비밀번호", "두 번 입력한 새 비밀번호가 서로 다릅니다.")
    return first


def _department_id(ctx, name: str | None, role: UserRole) -> int | None:
    if role is not UserRole.DEPARTMENT:
        if name:
            raise ValidationError("부서", "--department는 부서 담당자(department) 역할에만 씁니다.")
        return None
    if not name:
        raise ValidationError("부서", "부서 담당자는 --department로 맡을 부서를 알려 주세요.")
    from panelapp.services.registers.departments import list_departments

    for dept in list_departments(ctx):
        if dept.name == name.strip():
            return dept.id
    raise ValidationError("부서", f"'{name.strip()}' 부서가 없습니다.")


def _member_id(member_id: int | None, role: UserRole) -> int | None:
    if role is not UserRole.LEAD:
        if member_id is not None:
            raise ValidationError("단원", "--member는 점검 조장(lead) 역할에만 씁니다.")
        return None
    if member_id is None:
        raise ValidationError("단원", "점검 조장은 --member로 자기 단원 번호를 알려 주세요.")
    return member_id


def cmd_users(args: argparse.Namespace, opener, login) -> int:
    if args.users_command == "add":
        return _add(args, opener, login)
    ctx = login.open_app(lambda: opener.app(args.db), allow_must_change=args.users_command == "passwd")
    try:
        return _HANDLERS[args.users_command](args, ctx, login)
    finally:
        ctx.db.dispose()


def _add(args, opener, login) -> int:
    from panelapp.services.people.accounts import create_first_admin, has_accounts
    from panelapp.services.people.users import create_user

    role = ROLE_NAMES[args.role]
    if not has_accounts_in(opener, args.db, has_accounts):
        if role is not UserRole.ADMIN:
            raise DomainError(
                "이 데이터베이스에는 아직 계정이 없습니다: 첫 계정은 관리자로 만들어 주세요 (--role admin)."
            )
        password = new_password(args.password_stdin, environment=True)
        ctx = opener.app(args.db)
        try:
            account = create_first_admin(ctx, args.name, password).account
        finally:
            ctx.db.dispose()
        print(
            f"첫 관리자 계정 {josa(repr(account.name), '을')} 만들었습니다. 이제 이 계정으로 로그인해 주세요."
        )
        return 0
    ctx = login.open_app(lambda: opener.app(args.db))
    try:
        department_id = _department_id(ctx, args.department, role)
        member_id = _member_id(args.member, role)
        password = new_password(args.password_stdin)
        account = create_user(
            ctx, args.name, role, password=password, department_id=department_id, member_id=member_id
        )
    finally:
        ctx.db.dispose()
    print(
        f"{account.role.label} 계정 {josa(repr(account.name), '을')} 만들었습니다. "
        "처음 로그인할 때 비밀번호를 바꿔야 합니다."
    )
    return 0


def has_accounts_in(opener, target, has_accounts) -> bool:
    ctx = opener.app(target)
    try:
        return bool(has_accounts(ctx))
    finally:
        ctx.db.dispose()


def _state(u, now) -> str:
    if not u.active:
        return "사용 중지"
    if u.locked:
        return "잠김(관리자)"
    if u.locked_until is not None and u.locked_until > now:
        return f"잠김({format_local(u.locked_until)}까지)"
    if not u.has_password:
        return "비밀번호 없음"
    if u.must_change_password:
        return "비밀번호 변경 필요"
    return "사용"


def _list(args, ctx, login) -> int:
    from panelapp.db.base import utcnow
    from panelapp.services.people.users import list_accounts

    now = utcnow()
    for u in list_accounts(ctx):
        dept = f"\t{u.department_name}" if u.department_name else ""
        if u.member_id is not None:
            dept += f"\t단원 #{u.member_id} {u.member_name or ''}".rstrip()
        last = format_local(u.last_login_at) or "-"
        print(f"{u.name}\t{u.role.label}\t{_state(u, now)}\t마지막 로그인 {last}{dept}")
    return 0


def _target(ctx, name: str):
    from panelapp.services.people.users import find_user

    return find_user(ctx, name)


def _lock(args, ctx, login) -> int:
    from panelapp.services.people.accounts import lock_account

    account = lock_account(ctx, _target(ctx, args.name).id)
    print(f"계정 {josa(repr(account.name), '을')} 잠갔습니다.")
    return 0


def _unlock(args, ctx, login) -> int:
    from panelapp.services.people.accounts import unlock_account

    account = unlock_account(ctx, _target(ctx, args.name).id)
    print(f"계정 '{account.name}'의 잠금을 풀었습니다.")
    return 0


def _deactivate(args, ctx, login) -> int:
    from panelapp.services.people.users import set_active

    account = set_active(ctx, _target(ctx, args.name).id, False)
    print(f"계정 {josa(repr(account.name), '을')} 사용 중지했습니다.")
    return 0


def _passwd(args, ctx, login) -> int:
    from panelapp.services.people.accounts import change_own_password, reset_password

    target = _target(ctx, args.name)
    if target.id == ctx.user_id:
        change_own_password(ctx, login.credentials.password, new_password(args.password_stdin))
        print(f"'{target.name}' 계정의 비밀번호를 바꿨습니다.")
        return 0
    if login.must_change_password:
        raise DomainError(f"먼저 자기 비밀번호를 바꿔 주세요: 'panelapp users passwd {ctx.user_name}'.")
    reset_password(ctx, target.id, new_password(args.password_stdin))
    print(f"'{target.name}' 계정의 비밀번호를 초기화했습니다. 다음 로그인 때 바꿔야 합니다.")
    return 0


def _role(args, ctx, login) -> int:
    from panelapp.services.people.accounts import set_role

    role = ROLE_NAMES[args.role]
    target = _target(ctx, args.name)
    department_id = _department_id(ctx, args.department, role)
    account = set_role(ctx, target.id, role, department_id, _member_id(args.member, role))
    print(f"계정 '{account.name}'의 역할을 {josa(account.role.label, '으로')} 바꿨습니다.")
    return 0


_HANDLERS = {
    "list": _list,
    "lock": _lock,
    "unlock": _unlock,
    "deactivate": _deactivate,
    "passwd": _passwd,
    "role": _role,
}
