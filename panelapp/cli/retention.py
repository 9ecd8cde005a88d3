"""`panelapp retention ...`: retention and destruction of personal data (관리자 only).

    panelapp retention due                          one line per member due, starting with the id
    panelapp retention destroy --due --reason 사유 --confirm
    panelapp retention destroy --member 12 15 --reason 사유 --confirm
    panelapp retention ledger -o 파기관리대장.pdf
    panelapp retention wipe                         wipe the file's freed pages again

Destruction is irreversible: without --confirm nothing is destroyed and the command says what
it would have done.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub) -> None:
    retention = sub.add_parser(
        "retention", help="개인정보 보존·파기 (관리자만): 파기 대상, 파기, 파기 관리대장"
    )
    verbs = retention.add_subparsers(dest="retention_command", metavar="작업", required=True)
    verbs.add_parser("due", help="파기 대상 단원 (보유기간이 지났거나 동의를 철회한 단원, 한 줄에 한 명)")
    destroy = verbs.add_parser(
        "destroy",
        help="단원의 개인정보를 복원할 수 없게 파기합니다",
        description="성명·휴대전화·이메일·출생연도·성별·거주지역·메모·동의 기록을 지우고(성명은 "
        "'파기된 단원 #번호'), 활동 시간·출석 횟수는 익명으로 남깁니다. 파기 전 백업은 지우고 "
        "파기 후 새 백업을 만듭니다. --confirm 없이는 아무것도 지우지 않습니다.",
    )
    which = destroy.add_mutually_exclusive_group(required=True)
    which.add_argument("--due", action="store_true", help="지금 파기 대상인 단원 모두")
    which.add_argument(
        "--member", nargs="+", type=int, metavar="ID", help="파기할 단원 번호 (파기 대상이어야 함)"
    )
    destroy.add_argument(
        "--reason",
        metavar="사유",
        help="파기 사유 (없으면 대상에 맞게: 개인정보 보유기간 경과, 개인정보 수집·이용 동의 철회)",
    )
    destroy.add_argument("--confirm", action="store_true", help="복원할 수 없음을 확인하고 실제로 파기합니다")
    ledger = verbs.add_parser("ledger", help="파기 관리대장을 PDF로 씁니다")
    ledger.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True, help="PDF 파일")
    verbs.add_parser("wipe", help="SQLite 파일의 빈 페이지를 다시 덮어씁니다 (다른 컴퓨터가 모두 닫은 뒤)")


def _settings():
    from panelapp.settings import Settings

    return Settings()


def cmd_retention(args: argparse.Namespace, opener) -> int:
    ctx = opener.app(args.db)
    try:
        return _VERBS[args.retention_command](ctx, args)
    finally:
        ctx.db.dispose()


def _due(ctx, _args) -> int:
    from panelapp.services.retention.due import due_members

    due = due_members(ctx)
    for d in due:
        since = f"{d.due_since:%Y-%m-%d}" if d.due_since else "-"
        print(f"{d.member_id}\t{d.masked_name}\t{d.masked_phone}\t{d.cohorts}\t{d.reason}\t{since}")
    if not due:
        print("파기 대상 단원이 없습니다.")
    return 0


def _destroy(ctx, args) -> int:
    from panelapp.services.retention.destroy import destroy_members
    from panelapp.services.retention.due import due_members

    if not args.confirm:
        due = {d.member_id for d in due_members(ctx, logged=False)}
        ids = sorted(due) if args.due else sorted(set(args.member))
        print(
            f"파기하지 않았습니다: 단원 {len(ids):,}명(번호 {', '.join(map(str, ids)) or '없음'})의 개인정보는 "
            "복원할 수 없게 지워집니다. 확인했으면 --confirm을 붙여 다시 실행해 주세요."
        )
        return 1
    reason = args.reason
    if reason is None:  # the reason the members have: 보유기간 경과 is no 동의 철회
        from panelapp.domain.retention_data import destruction_reason

        wanted = None if args.due else set(args.member)
        reason = (
            destruction_reason(
                d.reason for d in due_members(ctx, logged=False) if wanted is None or d.member_id in wanted
            )
            or "개인정보 보유기간 경과"
        )  # nobody due: destroy_members says so, naming the members
    result = destroy_members(ctx, None if args.due else list(args.member), reason, _settings())
    print(f"단원 {result.count:,}명의 개인정보를 파기했습니다 (파기 관리대장 {result.record_id}번).")
    print(f"방법: {result.method}")
    print(f"백업: {result.backups}")
    return 0 if result.wiped else 1


def _ledger(ctx, args) -> int:
    from panelapp.services.retention.ledger import write_ledger_pdf

    count = write_ledger_pdf(ctx, args.output)
    print(f"파기 관리대장 {count:,}건을 썼습니다: {args.output}")
    return 0


def _wipe(ctx, _args) -> int:
    from panelapp.services.retention.wipe import wipe_now

    result = wipe_now(ctx)
    print(result.method)
    return 0 if result.complete else 1


_VERBS = {"due": _due, "destroy": _destroy, "ledger": _ledger, "wipe": _wipe}
