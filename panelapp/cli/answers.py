"""`panelapp answers request --cohort N --department NAME -o FILE.xlsx [--purpose 목적]` and
`panelapp answers import FILE [--department NAME]`: the answer request a coordinator sends to a
department that does not use the program, and its answers read back all or nothing
(services/proposals/answer_request.py, answer_import.py; issue 14 item 2).
"""

from __future__ import annotations

import argparse

EXIT_OK = 0


def add_parser(sub) -> None:
    answers = sub.add_parser("answers", help="앱을 쓰지 않는 부서에 보내는 답변 요청서 만들기·가져오기")
    verbs = answers.add_subparsers(dest="answers_command", metavar="작업", required=True)
    req = verbs.add_parser(
        "request",
        help="부서의 답변을 기다리는 제안(접수·검토중)을 답변 칸이 있는 엑셀 요청서로 만듭니다 (제안자 이름 가림)",
    )
    req.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7 → 제7기)")
    req.add_argument("--department", required=True, metavar="부서", help="담당부서 이름 (예: 체육시설과)")
    req.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    req.add_argument(
        "--purpose",
        metavar="목적",
        help="제안자 이름을 가리지 않고 만드는 목적 (접근 기록에 남음)",
    )
    imp = verbs.add_parser(
        "import",
        help="부서가 답을 적은 요청서를 읽어 답변으로 저장합니다 (문제가 하나라도 있으면 아무것도 저장하지 않음)",
    )
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument(
        "--department", metavar="부서", help="이 부서 앞으로 만든 요청서만 받습니다 (다르면 거부)"
    )


def cmd_answers(args: argparse.Namespace, opener) -> int:
    from panelapp.services.proposals.answer_request import department_by_name

    ctx = opener.app(args.db)
    try:
        if args.answers_command == "request":
            from panelapp.services.inspections.queries import cohort_by_number
            from panelapp.services.proposals.answer_request import make_answer_request

            cohort_id, name = cohort_by_number(ctx, args.cohort)
            department_id, _department = department_by_name(ctx, args.department)
            made = make_answer_request(ctx, cohort_id, department_id, args.output, purpose=args.purpose)
            how = "제안자 이름을 가려서" if made.masked else "제안자 이름을 가리지 않고(접근 기록에 남김)"
            print(
                f"답변 요청서를 만들었습니다: {name} {made.department} 제안 {made.rows:,}건"
                f"(사진 미리보기 {made.photos:,}장)을 {how} {made.path}에 저장했습니다."
            )
        else:
            from panelapp.services.proposals.answer_import import import_answers

            chosen = department_by_name(ctx, args.department)[0] if args.department else None
            done = import_answers(ctx, args.file, department_id=chosen)
            skipped = f", 빈 행 {done.skipped:,}개는 건너뜀" if done.skipped else ""
            print(f"가져왔습니다: {done.department}의 답변 {done.answered:,}건을 저장했습니다{skipped}.")
    finally:
        ctx.db.dispose()
    return EXIT_OK
