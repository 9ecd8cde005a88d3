"""`panelapp proposals export --cohort N -o FILE.xlsx|.csv [--purpose 목적]`: every proposal of a
cohort with its answer figures, and (in the .xlsx) the history of each (services/proposals/
full_export.py). Proposers' names are masked unless a purpose is given, which the access log
keeps with the export.

`panelapp proposals duplicate ID --of ORIGINAL` marks proposal ID as a duplicate of ORIGINAL
(services/proposals/duplicate_marks.py: its findings and feedback move to the original, and it
leaves every count); `panelapp proposals duplicate ID --undo` unmarks it and gives its links back.
Without --of or --undo it prints the likely originals (the likely-duplicate rule) and changes nothing.
"""

from __future__ import annotations

import argparse

EXIT_OK = 0


def add_parser(sub) -> None:
    proposals = sub.add_parser("proposals", help="개선제안 내보내기, 중복 표시")
    verbs = proposals.add_subparsers(dest="proposals_command", metavar="작업", required=True)
    exp = verbs.add_parser(
        "export",
        help="기수의 개선제안 전체를 .xlsx(처리 이력 시트 포함) 또는 .csv로 내보냅니다 (기본: 제안자 이름 가림)",
    )
    exp.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7 → 제7기)")
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx|FILE.csv")
    exp.add_argument(
        "--purpose",
        metavar="목적",
        help='제안자 이름을 가리지 않고 내보내는 목적 (예: "감사 자료 제출"; 접근 기록에 남음)',
    )

    dup = verbs.add_parser(
        "duplicate",
        help="개선제안을 다른 제안의 중복으로 표시합니다 (발견사항·좋아요/아쉬워요 연결이 원본으로 옮겨지고 집계에서 빠짐)",
    )
    dup.add_argument("id", type=int, metavar="ID", help="중복인 제안의 번호")
    which = dup.add_mutually_exclusive_group()
    which.add_argument("--of", type=int, metavar="ORIGINAL", help="원본 제안의 번호")
    which.add_argument("--undo", action="store_true", help="중복 표시를 해제하고 옮긴 연결을 되돌립니다")


def cmd_proposals(args: argparse.Namespace, opener) -> int:
    if args.proposals_command == "duplicate":
        return _duplicate(args, opener)
    return _export(args, opener)


def _duplicate(args: argparse.Namespace, opener) -> int:
    from panelapp.services.proposals.duplicate_marks import (
        mark_duplicate,
        original_suggestions,
        unmark_duplicate,
    )
    from panelapp.services.proposals.queries import get_proposal

    ctx = opener.app(args.db)
    try:
        if args.undo:
            d = unmark_duplicate(ctx, args.id, None)
            print(f"#{d.id} '{d.title}' 제안의 중복 표시를 해제했습니다. 옮겼던 연결을 되돌렸습니다.")
        elif args.of is not None:
            d = mark_duplicate(ctx, args.id, args.of, None)
            print(
                f"#{d.id} '{d.title}' 제안을 #{args.of} '{d.duplicate_of_title}'의 중복으로 표시했습니다. "
                "연결된 발견사항과 좋아요·아쉬워요는 원본으로 옮겼고, 이 제안은 집계에서 빠집니다."
            )
        else:
            d = get_proposal(ctx, args.id)
            hits = original_suggestions(ctx, args.id)
            if not hits:
                print(
                    f"#{d.id} '{d.title}'의 원본으로 보이는 제안이 없습니다. --of 번호로 원본을 정해 주세요."
                )
            else:
                print(f"#{d.id} '{d.title}'의 원본 후보 (--of 번호로 표시합니다):")
                for h in hits:
                    print(f"  #{h.id}  {h.title}  ({h.status.label}, {h.submitted_on:%Y-%m-%d}) — {h.reason}")
    finally:
        ctx.db.dispose()
    return EXIT_OK


def _export(args: argparse.Namespace, opener) -> int:
    from panelapp.services.inspections.queries import cohort_by_number
    from panelapp.services.proposals.full_export import export_all_proposals

    ctx = opener.app(args.db)
    try:
        cohort_id, name = cohort_by_number(ctx, args.cohort)
        result = export_all_proposals(ctx, cohort_id, args.output, purpose=args.purpose)
    finally:
        ctx.db.dispose()
    how = "제안자 이름을 가리지 않고(접근 기록에 남김)" if not result.masked else "제안자 이름을 가려서"
    history = f", 처리 이력 {result.events:,}건" if result.path.lower().endswith(".xlsx") else ""
    print(f"내보내기 완료: {name} 개선제안 {result.rows:,}건{history}을 {how} {result.path}에 저장했습니다.")
    return EXIT_OK
