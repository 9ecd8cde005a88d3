"""`panelapp audit ...`: the access log (접속기록) and the permission history (관리자 only).

    panelapp audit log [--from 2026-11-01] [--to 2026-11-30] [--user 김담당] -o 접속기록.xlsx
    panelapp audit accounts [--from D] [--to D] [--user NAME] -o 권한이력.csv
    panelapp audit review --month 2026-11 [--note "이상 없음"]
    panelapp audit verify

Exit code 1 when `verify` finds the chain broken (each broken entry on standard error).
"""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    audit = sub.add_parser(
        "audit", help="접속기록과 권한 변경 이력 (관리자만): 내보내기, 월별 검토, 위변조 점검"
    )
    verbs = audit.add_subparsers(dest="audit_command", metavar="작업", required=True)
    for verb, text in (
        ("log", "접속기록을 .csv 또는 .xlsx로 내보냅니다"),
        ("accounts", "권한 변경 이력(계정 생성·역할 변경·잠금·초기화·사용 중지)을 내보냅니다"),
    ):
        p = verbs.add_parser(verb, help=text)
        p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="이날부터 (한국 시간)")
        p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="이날까지")
        p.add_argument("--user", dest="account", metavar="NAME", help="이 계정의 기록만")
        p.add_argument("-o", "--output", required=True, metavar="FILE", help="저장할 파일 (.csv 또는 .xlsx)")
    review = verbs.add_parser("review", help="한 달의 접속기록을 검토했다고 서명합니다 (검토도 기록됩니다)")
    review.add_argument("--month", required=True, metavar="YYYY-MM", help="검토한 달, 예: 2026-11")
    review.add_argument("--note", metavar="TEXT", help="검토 의견")
    verbs.add_parser("verify", help="접속기록의 해시 사슬을 처음부터 확인합니다 (위변조·삭제 점검)")


def cmd_audit(args: argparse.Namespace, opener) -> int:
    ctx = opener.app(args.db)
    try:
        return _HANDLERS[args.audit_command](args, ctx)
    finally:
        ctx.db.dispose()


def _filter(args):
    from panelapp.cli.report import _date
    from panelapp.services.audit.review import AccessFilter

    return AccessFilter(_date(args.date_from, "--from"), _date(args.date_to, "--to"), args.account)


def _log(args, ctx) -> int:
    from panelapp.services.audit.review import export_access_log

    count = export_access_log(ctx, args.output, _filter(args))
    print(f"접속기록 {count:,}건을 '{args.output}'에 저장했습니다.")
    return 0


def _accounts(args, ctx) -> int:
    from panelapp.services.audit.review import export_account_history

    count = export_account_history(ctx, args.output, _filter(args))
    print(f"권한 변경 이력 {count:,}건을 '{args.output}'에 저장했습니다.")
    return 0


def _review(args, ctx) -> int:
    from panelapp.services.audit.review import month_entries, review_month

    shown = month_entries(ctx, args.month)  # what is signed is said first, not signed blind
    print(shown.summary)
    done = review_month(ctx, args.month, args.note, seen=shown.entries)
    state = "해시 사슬 이상 없음" if not done.problems else f"해시 사슬 이상 {len(done.problems)}건"
    print(
        f"{done.month} 접속기록 {done.entries:,}건의 검토를 기록했습니다 ({state}, 검토 기록 {done.entry_id}번)."
    )
    for line in done.problems:
        print(f"문제: {line}", file=sys.stderr)
    return 0


def _verify(args, ctx) -> int:
    from panelapp.services.audit.chain import verify_chain

    count, problems = verify_chain(ctx)
    for line in problems:
        print(f"문제: {line}", file=sys.stderr)
    if problems:
        print(f"접속기록 {count:,}건 중 이상 {len(problems)}건", file=sys.stderr)
        return 1
    print(f"접속기록 {count:,}건의 해시 사슬이 처음부터 끝까지 이어져 있습니다.")
    return 0


_HANDLERS = {"log": _log, "accounts": _accounts, "review": _review, "verify": _verify}
