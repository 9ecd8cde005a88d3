"""The demo in a database of its own, for a user whose database already holds their work.

The demo goes only into an empty database (build.load_demo), and the first start asks for the
institution before anything else: a coordinator who answered it has a database that is no longer
empty, and the welcome page used to tell them to start the program with `--db`. Instead the demo
is made in `demo.db` in the data folder (once; later it is opened as it is), and the window opens
it beside their own, which stays untouched.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from panelapp.paths import data_dir
from panelapp.settings import Settings

if TYPE_CHECKING:
    from panelapp.services.context import ServiceContext

DEMO_FILE = "demo.db"


def separate_demo_path() -> Path:
    return data_dir() / DEMO_FILE


def is_separate_demo(path: Path | None) -> bool:
    """Whether `path` (a database's SQLite file, None for a server) is the separate demo."""
    if path is None:
        return False
    try:
        return path.resolve() == separate_demo_path().resolve()
    except OSError:
        return False


def prepare_separate_demo(
    settings: Settings | None,
    path: Path | None = None,
    anchor: dt.date | None = None,
    account_from: ServiceContext | None = None,
) -> tuple[Path, bool]:
    """(the demo database, whether it was made now): opened, checked and migrated as any database
    the program opens, filled with the demo when it is still empty; otherwise left as it is.
    `account_from`: the window asking for it; its logged-in account becomes the demo's 관리자
    with the same password (its argon2id hash copied), so the demo's window logs in as that
    person does every day."""
    from panelapp.services.demo.build import demo_allowed, load_demo
    from panelapp.services.system.bootstrap import open_app

    path = path or separate_demo_path()
    ctx = open_app(str(path), settings, pick_user=False)
    try:
        made = demo_allowed(ctx)
        if made:
            load_demo(ctx, anchor)
            if account_from is not None and account_from.user_id is not None:
                _copy_account(account_from, ctx)
    finally:
        ctx.db.dispose()
    return path, made


def _copy_account(source: ServiceContext, demo: ServiceContext) -> None:
    from sqlalchemy import select

    from panelapp.db.base import utcnow
    from panelapp.db.models import User
    from panelapp.domain.enums import AccountAction, UserRole
    from panelapp.services.context import reading, transaction
    from panelapp.services.people.account_history import record

    with reading(source) as s:
        me = s.get(User, source.user_id)
        if me is None or me.password_hash is None:
            return
        name, hashed = me.name, me.password_hash
    with transaction(demo) as s:
        user = s.scalar(select(User).where(User.name == name))
        if user is None:
            user = User(name=name)
            s.add(user)
        user.role, user.active, user.department_id = UserRole.ADMIN, True, None
        user.password_hash, user.must_change_password = hashed, False
        user.password_changed_at = utcnow()
        s.flush()
        record(s, user.id, None, AccountAction.CREATED, "데모 관리자 (데모를 만든 계정의 비밀번호)")
