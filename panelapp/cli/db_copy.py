"""`panelapp db copy --from SOURCE --to TARGET`: one desktop's SQLite file into the office's
PostgreSQL database, or a server database into a new SQLite file (services/system/db_copy.py).

Progress goes to stderr line by line as the tables are loaded; the summary to stdout. The
global `--db` is not used: both ends are named.
"""

from __future__ import annotations

import argparse
import sys

from panelapp.domain.josa import josa


def add_parser(sub) -> None:
    db = sub.add_parser("db", help="데이터베이스 다루기 (예: db copy --from 파일 --to 주소)")
    verbs = db.add_subparsers(dest="db_command", metavar="작업", required=True)
    copy = verbs.add_parser(
        "copy",
        help="데이터베이스 전체를 빈 데이터베이스로 옮깁니다 (SQLite ↔ PostgreSQL)",
        description="모든 표(검색 색인, 사용자, 접근 기록 포함)와 첨부파일, 형식 정보를 빈 데이터베이스로 "
        "한 트랜잭션에 옮기고, 표마다 행 수와 내용 검사값을 원본과 맞춰 봅니다. 자료가 있는 대상은 "
        "거절합니다. 예: panelapp db copy --from panel.db --to postgresql+psycopg://user@server/panel",
    )
    verbs.add_parser(
        "upgrade",
        help="--db의 데이터베이스 형식을 이 버전에 맞게 올립니다 (서버의 소유자 계정으로)",
        description="데이터베이스를 만들거나 형식을 이 프로그램의 것으로 올립니다(SQLite 파일은 먼저 백업). "
        "서버에서 평소에 쓰는 계정이 데이터만 다룰 수 있을 때(docs/sql/postgres_roles.sql), 새 버전을 설치한 뒤 "
        "관리자가 소유자 계정의 주소로 한 번 실행합니다. "
        "예: panelapp --db postgresql+psycopg://panel_owner@server/panel db upgrade",
    )
    copy.add_argument(
        "--from", dest="source", metavar="PATH|URL", required=True, help="원본: SQLite 파일 또는 주소"
    )
    copy.add_argument(
        "--to",
        dest="target",
        metavar="PATH|URL",
        required=True,
        help="대상: 빈 PostgreSQL 데이터베이스 주소 또는 새 SQLite 파일",
    )


def cmd_db(args: argparse.Namespace, opener) -> int:
    if args.db_command == "upgrade":
        return _upgrade(args, opener)
    from panelapp.services.system.db_copy import copy_database

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    result = copy_database(args.source, args.target, progress=progress)
    rows = sum(result.tables.values())
    print(
        f"옮겼습니다: {result.source} → {result.target} (표 {len(result.tables)}개 {rows:,}행, "
        f"첨부파일 {result.attachments}개, 행 수·검사값 일치)"
    )
    if result.attachments_missing:
        print(
            f"원본에도 파일이 없는 첨부파일 {len(result.attachments_missing)}개는 옮기지 못했습니다"
            "('panelapp check'가 이름을 알려 줍니다).",
            file=sys.stderr,
        )
    return 0


def _upgrade(args: argparse.Namespace, opener) -> int:
    from panelapp.db.migrate import current_revision, head_revision

    db = opener.database(args.db)
    try:
        before = current_revision(db)
        name = db.display_name()
    finally:
        db.dispose()
    opener.app(args.db).db.dispose()  # as at every start: a SQLite file is backed up first
    after = head_revision()
    if before == after:
        print(f"데이터베이스 형식이 이미 최신({after})입니다: {name}")
    else:
        print(f"데이터베이스 형식을 {before or '없음'}에서 {josa(after, '으로')} 올렸습니다: {name}")
    return 0
