"""`panelapp search-index rebuild`: redo the search index from the stored records.

The index is kept current by every save; rebuilding is for a database that was changed by
other tools (SQL by hand, a restored copy of some tables).
"""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    index = sub.add_parser("search-index", help="통합 검색 색인 (예: search-index rebuild)")
    verbs = index.add_subparsers(dest="index_command", metavar="작업", required=True)
    verbs.add_parser("rebuild", help="저장된 자료로 검색 색인을 처음부터 다시 만듭니다")


def cmd_search_index(args: argparse.Namespace, opener) -> int:
    from panelapp.services.search.index import rebuild_index

    ctx = opener.app(args.db)
    count = rebuild_index(ctx)
    print(f"검색 색인을 다시 만들었습니다: 자료 {count:,}건")
    return 0
