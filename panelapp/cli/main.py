"""`panelapp`: opens the GUI, or runs a subcommand headless.

User errors are printed in plain Korean on stderr with exit code 1 (no traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from panelapp import __version__
from panelapp.cli.backup import add_parser as add_backup_parser
from panelapp.cli.backup import cmd_backup, cmd_restore
from panelapp.cli.members import add_parser as add_members_parser
from panelapp.cli.members import cmd_members
from panelapp.cli.org import add_parser as add_org_parser
from panelapp.cli.org import cmd_org
from panelapp.cli.report import add_parser as add_report_parser
from panelapp.cli.report import cmd_report
from panelapp.cli.schedule import add_parser as add_schedule_parser
from panelapp.cli.schedule import cmd_schedule
from panelapp.cli.search import add_parser as add_search_parser
from panelapp.cli.search import cmd_search_index

EXIT_USER_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="panelapp", description="시민참여단 활동관리. 하위 명령 없이 실행하면 프로그램 창이 열립니다."
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="데이터베이스: SQLite 파일 경로 또는 SQLAlchemy 주소 "
        "(예: postgresql+psycopg://user@server/panel). 환경변수 PANELAPP_DB도 됩니다.",
    )
    parser.add_argument("--version", action="version", version=f"panelapp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="명령")
    sub.add_parser("demo", help="빈 데이터베이스에 데모 데이터를 채웁니다")
    sub.add_parser("check", help="데이터베이스 무결성을 점검합니다 (문제가 있으면 종료 코드 1)")
    add_org_parser(sub)
    add_members_parser(sub)
    add_schedule_parser(sub)
    add_report_parser(sub)
    add_search_parser(sub)
    add_backup_parser(sub)
    return parser


@dataclass(frozen=True)
class Opener:
    """How commands reach the database, handed to every command (tests and other front-ends can
    hand their own). `app` migrates to head and picks the acting user; `database` opens the
    file or server as it is (`check` must not change what it inspects)."""

    app: Callable[[str | None], Any]
    database: Callable[[str | None], Any]


def _open_app(target: str | None):
    from panelapp.services.system.bootstrap import open_app
    from panelapp.settings import Settings

    return open_app(target, Settings())


def _open_database(target: str | None):
    from panelapp.db.engine import open_database

    return open_database(target)


DEFAULT_OPENER = Opener(app=_open_app, database=_open_database)


def cmd_demo(args, opener: Opener) -> int:
    from panelapp.services.demo.build import load_demo

    summary = load_demo(opener.app(args.db))
    print(f"데모 데이터를 불러왔습니다: {summary}")
    return 0


def cmd_check(args, opener: Opener) -> int:
    from panelapp.services.system.check import run_checks
    from panelapp.settings import Settings

    db = opener.database(args.db)
    problems = run_checks(db, Settings())  # the settings say where the backups to offer are
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
}


def main(argv: list[str] | None = None, opener: Opener = DEFAULT_OPENER) -> int:
    args = build_parser().parse_args(argv)
    from panelapp.domain.errors import DomainError

    try:
        if args.command is None:
            from panelapp.gui.app import run_gui

            return run_gui(args.db)
        return COMMANDS[args.command](args, opener)
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


if __name__ == "__main__":
    raise SystemExit(main())
