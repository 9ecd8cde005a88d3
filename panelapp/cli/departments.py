"""`panelapp departments sla --cohort N [-o FILE.xlsx]`: 부서별 답변 처리 from the command line.

Prints the table the dashboard's section and the report show (services/reporting/sla.py), one
department a line, 전체 last; with -o also writes it to a workbook whose header row is the table's.
"""

from __future__ import annotations

import argparse
import unicodedata

from panelapp.domain.errors import DomainError

EXIT_OK = 0


def add_parser(sub) -> None:
    departments = sub.add_parser("departments", help="담당부서별 개선제안 답변 처리 현황")
    verbs = departments.add_subparsers(dest="departments_command", metavar="작업", required=True)
    sla = verbs.add_parser(
        "sla",
        help="부서별 접수·답변 건수, 답변 소요 근무일(중앙값·90%%), 기한 내 답변 비율, 기한 경과를 보여 줍니다",
    )
    sla.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7 → 제7기)")
    sla.add_argument("-o", "--output", metavar="FILE.xlsx", help="같은 표를 엑셀 파일로도 저장합니다")


def cmd_departments(args: argparse.Namespace, opener) -> int:
    from panelapp.services.inspections.queries import cohort_by_number
    from panelapp.services.reporting.sla import department_sla, write_sla_workbook

    if args.output is not None and not args.output.lower().endswith(".xlsx"):
        raise DomainError("-o: 엑셀 파일 이름은 .xlsx로 끝나야 합니다.")
    ctx = opener.app(args.db)
    try:
        cohort_id, name = cohort_by_number(ctx, args.cohort)
        rows = department_sla(ctx, cohort_id)
        print(f"{name} 부서별 답변 처리 (근무일: 주말·공휴일 제외)")
        for line in table_lines(rows):
            print(line)
        if args.output:
            write_sla_workbook(rows, args.output, name)
            print(f"저장했습니다: {args.output}")
    finally:
        ctx.db.dispose()
    return EXIT_OK


def _width(text: str) -> int:
    """Columns a terminal gives the text (Hangul takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * max(width - _width(text), 0)
    return space + text if right else text + space


def table_lines(rows) -> list[str]:
    from panelapp.domain.report_data import SLA_HEADERS

    table = [list(SLA_HEADERS), *(list(r.cells()) for r in rows)]
    widths = [max(_width(line[c]) for line in table) for c in range(len(SLA_HEADERS))]
    return ["  ".join(_pad(cell, widths[c], c > 0) for c, cell in enumerate(line)).rstrip() for line in table]
