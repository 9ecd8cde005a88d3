"""`panelapp attachments upload`: move this desktop's photo files into the shared PostgreSQL
database (an installation from before the contents were kept there), so every desktop shows
them (services/attachments/blobs.py)."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    att = sub.add_parser("attachments", help="첨부파일 (예: attachments upload)")
    verbs = att.add_subparsers(dest="attachments_command", metavar="작업", required=True)
    verbs.add_parser(
        "upload",
        help="이 컴퓨터의 첨부파일을 공유 PostgreSQL 데이터베이스에 올립니다",
        description="이 컴퓨터의 첨부파일 폴더에만 있고 서버 데이터베이스에 없는 사진을 올려, 다른 컴퓨터에서도 "
        "보고서와 점검에 나오게 합니다. 여러 번 실행해도 됩니다(이미 있는 것은 건너뜁니다).",
    )


def cmd_attachments(args: argparse.Namespace, opener) -> int:
    from panelapp.services.attachments.blobs import upload_local_files

    ctx = opener.app(args.db)
    result = upload_local_files(ctx.db)
    print(f"첨부파일을 올렸습니다: {result.uploaded}개 (이미 서버에 있던 것 {result.already}개)")
    if result.not_here:
        shown = ", ".join(f"'{n}'" for n in result.not_here[:5]) + (" 등" if len(result.not_here) > 5 else "")
        print(
            f"이 컴퓨터에 파일이 없는 첨부파일 {len(result.not_here)}개({shown})는 올리지 못했습니다. "
            "그 사진을 붙인 컴퓨터에서도 실행하세요.",
            file=sys.stderr,
        )
    return 0
