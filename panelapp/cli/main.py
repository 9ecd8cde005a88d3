"""`panelapp`: opens the GUI, or runs a subcommand headless.

User errors are printed in plain Korean on stderr with exit code 1 (no traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from panelapp import __version__
from panelapp.cli.answers import add_parser as add_answers_parser
from panelapp.cli.answers import cmd_answers
from panelapp.cli.attachments import add_parser as add_attachments_parser
from panelapp.cli.attachments import cmd_attachments
from panelapp.cli.audit import add_parser as add_audit_parser
from panelapp.cli.audit import cmd_audit
from panelapp.cli.backup import add_parser as add_backup_parser
from panelapp.cli.backup import cmd_backup, cmd_restore
from panelapp.cli.db_copy import add_parser as add_db_parser
from panelapp.cli.db_copy import cmd_db
from panelapp.cli.departments import add_parser as add_departments_parser
from panelapp.cli.departments import cmd_departments
from panelapp.cli.members import add_parser as add_members_parser
from panelapp.cli.members import cmd_members
from panelapp.cli.org import add_parser as add_org_parser
from panelapp.cli.org import cmd_org
from panelapp.cli.proposals import add_parser as add_proposals_parser
from panelapp.cli.proposals import cmd_proposals
from panelapp.cli.reminders import add_parser as add_reminders_parser
from panelapp.cli.reminders import cmd_reminders
from panelapp.cli.report import add_parser as add_report_parser
from panelapp.cli.report import cmd_report
from panelapp.cli.retention import add_parser as add_retention_parser
from panelapp.cli.retention import cmd_retention
from panelapp.cli.schedule import add_parser as add_schedule_parser
from panelapp.cli.schedule import cmd_schedule
from panelapp.cli.search import add_parser as add_search_parser
from panelapp.cli.search import cmd_search_index
from panelapp.cli.users import add_parser as add_users_parser
from panelapp.cli.users import cmd_users

EXIT_USER_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    from panelapp.cli.korean_argparse import KoreanArgumentParser

    parser = KoreanArgumentParser(
        prog="panelapp", description="시민참여단 활동관리. 하위 명령 없이 실행하면 프로그램 창이 열립니다."
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="데이터베이스: SQLite 파일 경로 또는 SQLAlchemy 주소 "
        "(예: postgresql+psycopg://user@server/panel). 환경변수 PANELAPP_DB도 됩니다.",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="로그인할 계정 (환경변수 PANELAPP_USER도 됩니다). 비밀번호는 환경변수 PANELAPP_PASSWORD에서 "
        "읽거나 터미널에서 묻습니다.",
    )
    parser.add_argument(
        "--version", action="version", version=f"panelapp {__version__}", help="버전을 보여 주고 끝냅니다"
    )
    sub = parser.add_subparsers(dest="command", metavar="명령")
    demo = sub.add_parser("demo", help="빈 데이터베이스에 데모 데이터를 채웁니다")
    demo.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="데모의 기준일(기본: 오늘). 일정과 기록이 이 날짜를 '오늘'로 놓고 만들어집니다. "
        "같은 기준일이면 언제나 같은 데모가 만들어집니다.",
    )
    demo.add_argument(
        "--password",
        metavar="PW",
        help="데모 계정(관리자, 담당자, 조장, 부서담당, 열람자)의 비밀번호 (기본: 환경변수 PANELAPP_PASSWORD; "
        "둘 다 없으면 계정 없이 만들고 'users add 이름 --role admin'으로 첫 관리자를 만듭니다)",
    )
    check = sub.add_parser("check", help="데이터베이스 무결성을 점검합니다 (문제가 있으면 종료 코드 1)")
    check.add_argument(
        "--repair",
        action="store_true",
        help="데이터베이스를 건드리지 않고 고칠 수 있는 것을 고칩니다: 어느 기록에도 붙어 있지 않은 첨부파일을 지웁니다",
    )
    add_org_parser(sub)
    add_members_parser(sub)
    add_schedule_parser(sub)
    add_report_parser(sub)
    add_search_parser(sub)
    add_backup_parser(sub)
    add_db_parser(sub)
    add_attachments_parser(sub)
    add_users_parser(sub)
    add_audit_parser(sub)
    add_retention_parser(sub)
    add_departments_parser(sub)
    add_proposals_parser(sub)
    add_answers_parser(sub)
    add_reminders_parser(sub)
    return parser


@dataclass(frozen=True)
class Opener:
    """How commands reach the database, handed to every command (tests and other front-ends can
    hand their own). `app` migrates to head; `database` opens the file or server as it is
    (`check` must not change what it inspects). main() hands commands these wrapped in the
    login (cli/login.py): nobody acts until the account has logged in."""

    app: Callable[[str | None], Any]
    database: Callable[[str | None], Any]


def _open_app(target: str | None):
    from panelapp.services.system.bootstrap import open_app
    from panelapp.settings import Settings

    return open_app(target, Settings(), pick_user=False)


def _open_database(target: str | None):
    from panelapp.db.engine import open_database

    return open_database(target)


DEFAULT_OPENER = Opener(app=_open_app, database=_open_database)


def cmd_demo(args, opener: Opener) -> int:
    from panelapp.cli.report import _date
    from panelapp.services.demo.build import check_anchor, load_demo

    anchor = check_anchor(_date(args.today, "--today"))  # before the database is touched
    password = args.password if args.password is not None else os.environ.get("PANELAPP_PASSWORD")
    ctx = opener.app(args.db)  # no login: a demo goes only into an empty database
    try:
        summary = load_demo(ctx, anchor=anchor, password=password)
    finally:
        ctx.db.dispose()
    print("데모 데이터를 불러왔습니다.")
    print(summary)
    if password is None:
        print(
            "계정은 만들지 않았습니다: 'panelapp users add 이름 --role admin'으로 첫 관리자를 만들어 주세요."
        )
    return 0


def cmd_check(args, opener: Opener) -> int:
    from panelapp.services.system.check import run_checks
    from panelapp.settings import Settings

    db = opener.database(args.db)
    repaired: list[str] | None = [] if getattr(args, "repair", False) else None
    problems = run_checks(db, Settings(), repaired=repaired)  # settings: where the backups to offer are
    for line in repaired or ():
        print(f"고침: {line}")
    for line in problems:
        print(f"문제: {line}", file=sys.stderr)
    if problems:
        print(f"점검 결과: 문제 {len(problems)}건", file=sys.stderr)
        return EXIT_USER_ERROR
    print(f"점검 결과: 이상 없음 ({db.display_name()})")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Opener], int]] = {
    "demo": cmd_demo,
    "check": cmd_check,
    "org": cmd_org,
    "members": cmd_members,
    "schedule": cmd_schedule,
    "report": cmd_report,
    "search-index": cmd_search_index,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "db": cmd_db,
    "attachments": cmd_attachments,
    "audit": cmd_audit,
    "retention": cmd_retention,
    "departments": cmd_departments,
    "proposals": cmd_proposals,
    "answers": cmd_answers,
    "reminders": cmd_reminders,
}


# Commands that open the database as it is, and the right each needs beyond logging in.
_RAW_RIGHTS = {"check": None, "backup": "PANEL_WORK", "restore": "ACCOUNTS", "db": "ACCOUNTS"}


def _run(args: argparse.Namespace, opener: Opener) -> int:
    """The command, with the login in front of every database it opens (cli/login.py)."""
    from panelapp.cli.login import CliLogin
    from panelapp.services.permissions import Permission

    login = CliLogin(args.user)
    if args.command == "demo":
        return cmd_demo(args, opener)
    if args.command == "users":
        return cmd_users(args, opener, login)
    right = _RAW_RIGHTS.get(args.command)
    permission = Permission[right] if right else None
    if args.command == "db" and args.db_command == "upgrade":
        # the schema only, run by the server's owner role: it reads no one's data, and on a
        # database not yet made or not yet upgraded there is no account to log in with
        return COMMANDS[args.command](args, opener)
    if args.command == "db":  # copy: both ends named, log in on the one read
        login.open_database(lambda: opener.database(args.source), permission).dispose()
        return COMMANDS[args.command](args, opener)
    guarded = Opener(
        app=lambda target: login.open_app(lambda: opener.app(target)),
        database=lambda target: login.open_database(lambda: opener.database(target), permission),
    )
    return COMMANDS[args.command](args, guarded)


def main(argv: list[str] | None = None, opener: Opener = DEFAULT_OPENER) -> int:
    args = build_parser().parse_args(argv)
    from panelapp.domain.errors import DomainError

    try:
        if args.command is None:
            from panelapp.gui.app import run_gui

            return run_gui(args.db)
        return _run_command(args, opener)
    except DomainError as exc:
        print(f"오류: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("중단했습니다.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last resort: a sentence, not a traceback
        from panelapp.services.errors import database_error_sentence

        sentence = database_error_sentence(exc, getattr(args, "db", None))
        if sentence is None and isinstance(exc, OSError):
            from panelapp.domain.failures import os_error_sentence

            sentence = os_error_sentence(exc)
        if sentence is not None:
            print(f"오류: {sentence}", file=sys.stderr)
            return EXIT_USER_ERROR
        raise


def _run_command(args, opener: Opener) -> int:
    """A subcommand, saying on standard error when it waits for another writer's lock or for
    another desktop upgrading the server's schema. Without --db it opens PANELAPP_DB, else the
    connection saved on this computer (파일 → 데이터베이스 연결), else the data folder's file."""
    from panelapp.db.migrate import telling_waits
    from panelapp.services.locks import WAITING, on_lock_wait

    def say(waiting: bool) -> None:
        if waiting:
            print(WAITING, file=sys.stderr, flush=True)

    if args.db is None:
        args.db = _saved_target()
    remove = on_lock_wait(say)
    try:
        with telling_waits(lambda sentence: print(sentence, file=sys.stderr, flush=True)):
            return _run(args, opener)
    finally:
        remove()


def _saved_target() -> str | None:
    """The saved connection's address (its password from the keyring, or asked on the terminal
    when it is saved as asked; without a terminal the server's own means: .pgpass, PGPASSWORD)."""
    from panelapp.services.system.connection import saved_target
    from panelapp.settings import Settings

    start = saved_target(Settings())
    if start.ask is None:
        return start.target
    password = ""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"데이터베이스 서버 {start.ask.shown()}의 비밀번호: ")
    return saved_target(Settings(), password).target


if __name__ == "__main__":
    raise SystemExit(main())
