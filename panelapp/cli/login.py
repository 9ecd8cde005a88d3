"""Logging in on the command line (issue 12 item 3).

The account is `--user NAME` or PANELAPP_USER; the password PANELAPP_PASSWORD, or asked on the
terminal. Missing credentials are refused before the database is opened; a wrong password is
refused after the accounts were read (and counts toward the lock, services/people/accounts.py).
Only `--version`, `--help`, `members template` (which opens no database), `demo` on an empty
database and the first `users add NAME --role admin` run without logging in.

Commands that open the database as it is (check, backup, restore, db copy) log in the same way
when the database is this program's at the newest schema; one that is not (missing, never
opened, an older or a newer schema, damaged) has no accounts this program can check, and these
commands are the ones that report or repair it.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from panelapp.domain.errors import DomainError

NO_ACCOUNTS = (
    "이 데이터베이스에는 아직 계정이 없습니다. 먼저 'panelapp users add 이름 --role admin'으로 "
    "첫 관리자 계정을 만들어 주세요."
)


class LoginRequired(DomainError):
    """Logging in on the command line failed or was impossible."""


@dataclass(frozen=True)
class Credentials:
    name: str
    password: str


def _is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def credentials(user: str | None) -> Credentials:
    name = (user or os.environ.get("PANELAPP_USER") or "").strip()
    if not name:
        raise LoginRequired(
            "로그인이 필요합니다: --user 이름이나 PANELAPP_USER 환경변수로 계정 이름을 알려 주세요."
        )
    password = os.environ.get("PANELAPP_PASSWORD")
    if password is None:
        if not _is_terminal():
            raise LoginRequired(
                f"{name} 계정의 비밀번호가 없습니다: PANELAPP_PASSWORD 환경변수로 주거나 터미널에서 실행해 "
                "입력해 주세요."
            )
        password = getpass.getpass(f"{name} 비밀번호: ")
    return Credentials(name, password)


class CliLogin:
    """The credentials of one run, read once, and the login of each database it opens."""

    def __init__(self, user: str | None):
        self._user = user
        self._credentials: Credentials | None = None
        self.must_change_password = False

    @property
    def credentials(self) -> Credentials:
        if self._credentials is None:
            self._credentials = credentials(self._user)
        return self._credentials

    def log_in(self, ctx: Any, allow_must_change: bool = False, record_login: bool = True) -> None:
        """Act as the account on this open context, or LoginRequired/LoginError."""
        from panelapp.services.people.accounts import authenticate, has_accounts

        creds = self.credentials
        if not has_accounts(ctx):
            raise LoginRequired(NO_ACCOUNTS)
        login = authenticate(ctx, creds.name, creds.password, record_login=record_login)
        self.must_change_password = login.must_change_password
        if login.must_change_password and not allow_must_change:
            raise LoginRequired(
                f"{creds.name} 계정은 비밀번호를 바꿔야 합니다: 'panelapp users passwd {creds.name}'로 "
                "새 비밀번호를 정한 뒤 다시 실행해 주세요."
            )

    def open_app(self, open_: Callable[[], Any], allow_must_change: bool = False) -> Any:
        """Open the database (credentials read first: missing ones open nothing) and log in."""
        _ = self.credentials
        ctx = open_()
        try:
            self.log_in(ctx, allow_must_change)
        except BaseException:
            ctx.db.dispose()
            raise
        return ctx

    def open_database(self, open_: Callable[[], Any], permission: Any = None) -> Any:
        """A database opened as it is: logged in when it can be read as this program's."""
        from panelapp.services.context import ServiceContext
        from panelapp.services.people.accounts import accounts_readable, has_accounts

        _ = self.credentials
        db = open_()
        try:
            ctx = ServiceContext(db=db)
            readable = accounts_readable(db)
            accounts = readable and has_accounts(ctx)
            if readable:
                if not accounts:
                    raise LoginRequired(NO_ACCOUNTS)
                self.log_in(ctx, record_login=False)
                if permission is not None:
                    _require_role(ctx, permission)
        except BaseException:
            db.dispose()
            raise
        return db


def _require_role(ctx: Any, permission: Any) -> None:
    from panelapp.services.context import reading
    from panelapp.services.permissions import require

    with reading(ctx) as s:
        require(ctx, s, permission)
