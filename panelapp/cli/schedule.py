"""`panelapp schedule ...`: the inspection schedule from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub) -> None:
    schedule = sub.add_parser("schedule", help="점검 일정 (예: schedule export-ics --cohort 7 -o 점검.ics)")
    verbs = schedule.add_subparsers(dest="schedule_command", metavar="작업", required=True)
    ics = verbs.add_parser("export-ics", help="한 기수의 점검 일정을 iCalendar(.ics) 파일로 내보냅니다")
    ics.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7)")
    ics.add_argument("-o", "--output", required=True, metavar="FILE.ics", help="저장할 파일")


def cmd_schedule(args: argparse.Namespace, opener) -> int:
    from panelapp.services.inspections.export import export_ics_for_number

    ctx = opener.app(args.db)
    target = Path(args.output)
    count = export_ics_for_number(ctx, args.cohort, target)
    print(f"제{args.cohort}기 점검 {count}건을 {target}에 저장했습니다.")
    return 0
