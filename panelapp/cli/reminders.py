"""`panelapp reminders --cohort N [--department NAME] [--within 3] -o FILE.pdf|.xlsx`: 독촉 안내문,
the overdue and soon-due answers of each department (services/reminders/sheets.py)."""

from __future__ import annotations

import argparse

from panelapp.domain.reminder_data import DEFAULT_WITHIN

EXIT_OK = 0


def add_parser(sub) -> None:
    p = sub.add_parser(
        "reminders",
        help="답변 기한이 지났거나 곧 닥치는 제안을 부서별 독촉 안내문(PDF 또는 엑셀)으로 만듭니다",
    )
    p.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7 → 제7기)")
    p.add_argument("--department", metavar="부서", help="이 부서만 (없으면 독촉할 제안이 있는 모든 부서)")
    p.add_argument(
        "--within",
        type=int,
        default=DEFAULT_WITHIN,
        metavar="N",
        help=f"답변 기한이 N근무일 안에 닥치는 제안도 넣습니다 (기본 {DEFAULT_WITHIN})",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf|.xlsx")


def cmd_reminders(args: argparse.Namespace, opener) -> int:
    from panelapp.services.inspections.queries import cohort_by_number
    from panelapp.services.proposals.answer_request import department_by_name
    from panelapp.services.reminders.sheets import check_output, check_within, make_reminders, summary

    check_output(args.output)
    check_within(args.within)
    ctx = opener.app(args.db)
    try:
        cohort_id, _name = cohort_by_number(ctx, args.cohort)
        department_id = department_by_name(ctx, args.department)[0] if args.department else None
        data = make_reminders(ctx, cohort_id, args.output, department_id, args.within)
        print(summary(data))
        for d in data.sheets:
            print(f"  {d.department}: 기한 경과 {d.overdue:,}건, 기한 임박 {d.soon:,}건")
        if data.empty:
            print(f"  독촉할 제안이 없는 부서: {', '.join(data.empty)}")
        print(f"저장했습니다: {args.output}")
    finally:
        ctx.db.dispose()
    return EXIT_OK
