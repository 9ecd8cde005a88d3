"""`panelapp proposals export --cohort N -o FILE.xlsx|.csv [--purpose 목적]`: every proposal of a
cohort with its answer figures, and (in the .xlsx) the history of each (services/proposals/
full_export.py). Proposers' names are masked unless a purpose is given, which the access log
keeps with the export.
"""

from __future__ import annotations

import argparse

EXIT_OK = 0


def add_parser(sub) -> None:
    proposals = sub.add_parser("proposals", help="개선제안 내보내기")
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


def cmd_proposals(args: argparse.Namespace, opener) -> int:
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
