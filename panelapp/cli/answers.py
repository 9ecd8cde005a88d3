"""`panelapp answers request --cohort N --department NAME -o FILE.xlsx [--purpose 목적]` and
`panelapp answers import FILE [--department NAME]`: the answer request a coordinator sends to a
department that does not use the program, and its answers read back all or nothing
(services/proposals/answer_request.py, answer_import.py; issue 14 item 2).
`panelapp answers templates list|add|delete`: the reusable answer texts per department and
category (services/proposals/templates.py; issue 14 item 5).
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
    _add_templates_parser(verbs)


def _add_templates_parser(verbs) -> None:
    from panelapp.domain.enums import FindingCategory

    categories = ", ".join(label for label, _m in FindingCategory.choices())
    tpl = verbs.add_parser("templates", help="답변 템플릿(부서·분류별로 다시 쓰는 답변 문구) 보기·추가·삭제")
    how = tpl.add_subparsers(dest="templates_command", metavar="작업", required=True)
    show = how.add_parser("list", help="답변 템플릿을 번호·부서·분류·이름과 함께 보여 줍니다")
    show.add_argument("--department", metavar="부서", help="이 부서에 쓰는 템플릿만 (모든 부서용 포함)")
    show.add_argument("--category", metavar="분류", help=f"이 분류에 쓰는 템플릿만 ({categories})")
    add = how.add_parser("add", help="답변 템플릿을 추가합니다")
    add.add_argument("--title", required=True, metavar="이름", help="템플릿 이름 (예: 채택 — 예산 반영)")
    add.add_argument("--text", required=True, metavar="답변", help="답변 내용")
    add.add_argument("--department", metavar="부서", help="이 부서만 씁니다 (빼면 모든 부서)")
    add.add_argument("--category", metavar="분류", help=f"이 분류의 제안에만 ({categories}; 빼면 모든 분류)")
    rm = how.add_parser("delete", help="답변 템플릿을 휴지통으로 보냅니다 (휴지통에서 복원)")
    rm.add_argument("id", type=int, metavar="번호", help="list가 보여 주는 템플릿 번호")


def _category(raw: str | None):
    from panelapp.domain.enums import FindingCategory
    from panelapp.domain.errors import DomainError
    from panelapp.domain.josa import quoted

    if raw is None:
        return None
    try:
        return FindingCategory.from_label(raw)
    except ValueError:
        known = ", ".join(label for label, _m in FindingCategory.choices())
        raise DomainError(
            f"--category: {quoted(raw, '은')} 분류가 아닙니다. 고를 수 있는 분류: {known}"
        ) from None


def _templates(args: argparse.Namespace, ctx) -> None:
    from panelapp.domain.josa import quoted
    from panelapp.services.proposals.answer_request import department_by_name
    from panelapp.services.proposals.templates import (
        TemplateInput,
        create_template,
        delete_template,
        list_templates,
    )

    department = department_by_name(ctx, args.department)[0] if getattr(args, "department", None) else None
    if args.templates_command == "list":
        found = list_templates(ctx, department, _category(args.category))
        if not found:
            print("답변 템플릿이 없습니다. `panelapp answers templates add`로 추가하세요.")
        for t in found:
            text = " ".join(t.text.split())
            print(f"{t.id}\t{t.scope_text}\t{t.title}\t{text[:60] + '…' if len(text) > 60 else text}")
    elif args.templates_command == "add":
        made = create_template(
            ctx, TemplateInput(args.title, args.text, department, _category(args.category))
        )
        print(f"답변 템플릿 {made.id}번 {quoted(made.title, '을')} 추가했습니다 ({made.scope_text}).")
    else:
        title = delete_template(ctx, args.id)
        print(f"답변 템플릿 {args.id}번 {quoted(title, '을')} 휴지통으로 보냈습니다.")


def cmd_answers(args: argparse.Namespace, opener) -> int:
    from panelapp.services.proposals.answer_request import department_by_name

    ctx = opener.app(args.db)
    try:
        if args.answers_command == "templates":
            _templates(args, ctx)
        elif args.answers_command == "request":
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
            already = f", 이미 가져온 행 {len(done.already):,}개는 건너뜀" if done.already else ""
            print(
                f"가져왔습니다: {done.department}의 답변 {done.answered:,}건을 저장했습니다{skipped}{already}."
            )
            for line in done.already:
                print(line)
    finally:
        ctx.db.dispose()
    return EXIT_OK
