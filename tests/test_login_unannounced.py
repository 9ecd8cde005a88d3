"""A command-line reader's login is not a change of 사용자 to the other desktops (issue 12): a
read-only `panelapp org show` in another process made an open window say "다른 사용자가 방금
사용자를 바꿨습니다", because the login's last-login time went through the ORM flush (announced,
and the account row's version bumped, so a 관리자 editing it meanwhile was made stale)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TEST_PASSWORD
from sqlalchemy import select

from panelapp.db.engine import open_database
from panelapp.db.migrate import upgrade_to_head
from panelapp.db.models import User
from panelapp.domain.enums import UserRole
from panelapp.services import live
from panelapp.services.changes import Kind, collecting
from panelapp.services.context import ServiceContext
from panelapp.services.org.manage import OrgInput, save_first_organization
from panelapp.services.people.accounts import (
    LoginError,
    authenticate,
    change_own_password,
    create_first_admin,
)
from panelapp.services.people.users import create_user
from tests.storage_conditions import PG_URL, throwaway_server_database

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
OWN = "읽기만-하는-2026"


@pytest.fixture(params=BACKENDS)
def office(request, tmp_path):
    """(target, ctx): a database with a 관리자 (acting) and a 열람자, open to other processes."""
    if request.param == "sqlite":
        yield from _prepared(str(tmp_path / "office.db"))
        return
    with throwaway_server_database() as url:
        yield from _prepared(url)


def _prepared(target: str):
    db = open_database(target)
    upgrade_to_head(db)
    ctx = ServiceContext(db=db)
    save_first_organization(ctx, OrgInput("한빛시설관리공단"))  # what `org show` reads
    create_first_admin(ctx, "관리자", TEST_PASSWORD)
    create_user(ctx, "열람자", UserRole.VIEWER, TEST_PASSWORD)
    viewer = ServiceContext(db=db)
    authenticate(viewer, "열람자", TEST_PASSWORD)
    change_own_password(viewer, TEST_PASSWORD, OWN)  # a temporary one would refuse the command
    try:
        yield target, ctx
    finally:
        db.dispose()


def _row(ctx, name: str) -> tuple[int, object, int]:
    with ctx.db.session_factory() as s:
        user = s.scalar(select(User).where(User.name == name))
        return user.version, user.last_login_at, user.failed_logins


def _cli(target: str, *args: str, password: str = OWN) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "PANELAPP_USER": "열람자",
        "PANELAPP_PASSWORD": password,
    }
    return subprocess.run(
        [sys.executable, "-m", "panelapp", "--db", target, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _heard(feed: live.ChangeFeed, seconds: float) -> list:
    import time

    out: list = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        out += feed.wait(min(0.3, max(0.0, deadline - time.monotonic())))
    return out


def test_a_read_only_command_s_login_is_not_heard_as_a_user_change(office):
    target, ctx = office
    version, last, _failed = _row(ctx, "열람자")
    feed = live.open_feed(ctx.db)
    try:
        done = _cli(target, "org", "show")
        assert done.returncode == 0 and "한빛시설관리공단" in done.stdout, done.stderr
        wrong = _cli(target, "org", "show", password="틀린-비밀번호-2026")  # counts toward the lock
        assert wrong.returncode == 1 and "맞지 않습니다" in wrong.stderr
        heard = _heard(feed, live.GRACE_SECONDS + 1.5)
        assert not [c for c in heard if Kind.USER in c.kinds], heard
        assert live.EVERYTHING not in heard  # not unexplained either (SQLite: its empty line)
    finally:
        feed.close()
    new_version, new_last, failed = _row(ctx, "열람자")
    assert new_last is not None and new_last != last  # the last login is still kept
    assert failed == 1 and new_version == version  # the row a 관리자 may be editing is not stale


def test_the_login_s_own_op_announces_nothing_and_a_lock_still_does(office):
    _target, ctx = office
    other = ServiceContext(db=ctx.db)
    with collecting() as bag:
        authenticate(other, "열람자", OWN)
    assert Kind.USER not in bag.changes.kinds
    with collecting() as bag:
        for _ in range(4):
            with pytest.raises(LoginError):
                authenticate(other, "열람자", "틀린-비밀번호-2026")
    assert Kind.USER not in bag.changes.kinds
    with collecting() as bag, pytest.raises(LoginError, match="잠겼습니다"):
        authenticate(other, "열람자", "틀린-비밀번호-2026")  # the fifth: 계정 관리 shows 잠김
    assert Kind.USER in bag.changes.kinds
