"""`panelapp proposals export --cohort N -o FILE.xlsx|.csv [--purpose 목적]`: every proposal of a
cohort with its answer figures, and (in the .xlsx) the history of each (services/proposals/
full_export.py). Proposers' names are masked unless a purpose is given, which the access log
keeps with the export.

`panelapp proposals duplicate ID --of ORIGINAL` marks proposal ID as a duplicate of ORIGINAL
(services/proposals/duplicate_marks.py: its findings and feedback move to the original, and it
leaves every count); `panelapp proposals duplicate ID --undo` unmarks it and gives its links back.
Without --of or --undo it prints the likely originals (the likely-duplicate rule) and changes nothing.

`panelapp proposals progress --cohort N [--by department|facility]` prints 추진 현황 per department
or facility with the 전체 row last (services/proposals/milestones.rollup).

`panelapp proposals milestones ID [list | add 제목 --planned DATE [--weight N] | edit N [--title T]
[--planned DATE] [--weight W] | done N [--on DATE] | undo N | move N --to M | delete N]`: the
proposal's 추진 단계 (services/proposals/milestones.py), N the step's number in the list; each
change is a history entry of the proposal with the logged-in account. `list` prints the steps and
the proposal's 진행률 (domain/proposal_progress.py).

`panelapp proposals plan show|carry|export --cohort N [-o FILE.xlsx|.pdf]`: 차년도 업무계획
(services/proposals/next_year.py): the cohort's carried items, carrying every adopted proposal not
yet done with its defaults (again: nothing doubles), and the plan as a workbook or a PDF.
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

    _milestones_parser(verbs)
    prog = verbs.add_parser(
        "progress",
        help="기수의 추진 현황(채택·완료·평균 진행률·예정일 지난 단계)을 부서별 또는 시설별로 봅니다",
    )
    prog.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7)")
    prog.add_argument(
        "--by", choices=("department", "facility"), default="department", help="묶는 기준 (기본: department)"
    )
    _plan_parser(verbs)


def _milestones_parser(verbs) -> None:
    ms = verbs.add_parser(
        "milestones",
        help="채택된 제안의 추진 단계를 보고, 더하고, 완료로 표시하고, 순서를 바꾸고, 지웁니다",
    )
    ms.add_argument("id", type=int, metavar="ID", help="개선제안 번호")
    steps = ms.add_subparsers(dest="milestone_command", metavar="작업")
    steps.add_parser("list", help="추진 단계와 진행률을 봅니다 (기본)")
    add = steps.add_parser("add", help="추진 단계를 끝에 더합니다")
    add.add_argument("title", metavar="단계", help='단계 이름 (예: "업체 선정")')
    add.add_argument("--planned", required=True, metavar="DATE", help="예정일 (예: 2026-07-01)")
    add.add_argument("--weight", type=int, default=1, metavar="N", help="가중치 (기본 1)")
    edit = steps.add_parser("edit", help="추진 단계의 이름·예정일·가중치를 고칩니다")
    edit.add_argument("step", type=int, metavar="N", help="단계 번호 (목록의 순서)")
    edit.add_argument("--title", metavar="단계")
    edit.add_argument("--planned", metavar="DATE")
    edit.add_argument("--weight", type=int, metavar="N")
    done = steps.add_parser("done", help="추진 단계를 완료로 표시합니다")
    done.add_argument("step", type=int, metavar="N", help="단계 번호")
    done.add_argument("--on", metavar="DATE", help="완료일 (기본: 오늘)")
    undo = steps.add_parser("undo", help="추진 단계의 완료 표시를 지웁니다")
    undo.add_argument("step", type=int, metavar="N", help="단계 번호")
    move = steps.add_parser("move", help="추진 단계의 순서를 바꿉니다")
    move.add_argument("step", type=int, metavar="N", help="단계 번호")
    move.add_argument("--to", type=int, required=True, metavar="M", help="새 순서 (1 = 맨 앞)")
    delete = steps.add_parser("delete", help="추진 단계를 지웁니다 (처리 이력에 남음)")
    delete.add_argument("step", type=int, metavar="N", help="단계 번호")


def _plan_parser(verbs) -> None:
    plan = verbs.add_parser("plan", help="차년도 업무계획: 종료 기수의 미완료 채택 제안 이월, 목록·내보내기")
    plan_verbs = plan.add_subparsers(dest="plan_command", metavar="작업", required=True)
    for verb, text in (
        ("show", "기수의 차년도 업무계획(이월한 과제)을 보여 줍니다"),
        ("carry", "채택·부분채택·추진중인 제안을 기본값(제안의 담당부서, 목표 분기)으로 모두 이월합니다"),
        ("export", "차년도 업무계획을 .xlsx 또는 .pdf로 저장합니다"),
    ):
        v = plan_verbs.add_parser(verb, help=text)
        v.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 6 → 제6기)")
        if verb == "export":
            v.add_argument("-o", "--output", required=True, metavar="FILE.xlsx|FILE.pdf")


def cmd_proposals(args: argparse.Namespace, opener) -> int:
    if args.proposals_command == "duplicate":
        return _duplicate(args, opener)
    if args.proposals_command == "progress":
        return _progress(args, opener)
    if args.proposals_command == "milestones":
        return _milestones(args, opener)
    if args.proposals_command == "plan":
        return _plan(args, opener)
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


def _progress(args: argparse.Namespace, opener) -> int:
    from panelapp.domain.proposal_progress import PROGRESS_HEADERS
    from panelapp.services.inspections.queries import cohort_by_number
    from panelapp.services.proposals.milestones import rollup

    ctx = opener.app(args.db)
    try:
        cohort_id, name = cohort_by_number(ctx, args.cohort)
        rows = rollup(ctx, cohort_id, args.by)
    finally:
        ctx.db.dispose()
    print(f"{name} 추진 현황: {rows[-1].text}")
    heads = ("시설" if args.by == "facility" else PROGRESS_HEADERS[0], *PROGRESS_HEADERS[1:])
    print("\t".join(heads))
    for row in rows:
        print("\t".join(row.cells()))
    return EXIT_OK


def _date(text: str | None, option: str):
    import datetime as dt

    from panelapp.domain.errors import DomainError
    from panelapp.domain.josa import quoted

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError(
            f"{option} {quoted(text, '은')} 날짜가 아닙니다. 2026-07-01처럼 적어 주세요."
        ) from None


def _print_steps(d) -> None:
    from panelapp.domain.proposal_progress import percent_text

    print(f"#{d.id} '{d.title}' ({d.status.label}) — 진행률 {percent_text(d.progress)}")
    if not d.milestones:
        print("  추진 단계가 없습니다.")
    for m in d.milestones:
        state = f"완료 {m.done_on:%Y-%m-%d}" if m.done_on else ("예정일 지남" if m.overdue else "진행 전")
        weight = f" · 가중치 {m.weight}" if m.weight != 1 else ""
        print(f"  {m.position}. {m.title}  (예정 {m.planned_on:%Y-%m-%d} · {state}{weight})")


def _milestones(args: argparse.Namespace, opener) -> int:
    from panelapp.domain.errors import DomainError
    from panelapp.services.proposals import milestones as ms
    from panelapp.services.proposals.queries import get_proposal

    ctx = opener.app(args.db)
    try:
        d = get_proposal(ctx, args.id)
        command = args.milestone_command or "list"
        if command == "list":
            _print_steps(d)
            return EXIT_OK
        if command == "add":
            d = ms.add_milestone(
                ctx,
                d.id,
                d.version,
                ms.MilestoneInput(args.title, _date(args.planned, "--planned"), args.weight),
            )
            print(f"추진 단계를 더했습니다: {d.milestones[-1].position}. {d.milestones[-1].title}")
            _print_steps(d)
            return EXIT_OK
        if not 1 <= args.step <= len(d.milestones):
            raise DomainError(
                f"{args.step}번 추진 단계가 없습니다. 이 제안의 추진 단계는 {len(d.milestones)}개입니다."
                if d.milestones
                else "이 제안에는 추진 단계가 없습니다. add로 먼저 더해 주세요."
            )
        m = d.milestones[args.step - 1]
        named = ""  # the step's title as the sentence names it (the undo says '…'의 완료 표시를 지웠습니다)
        if command == "edit":
            data = ms.MilestoneInput(
                args.title if args.title is not None else m.title,
                _date(args.planned, "--planned") or m.planned_on,
                args.weight if args.weight is not None else m.weight,
            )
            d = ms.edit_milestone(ctx, m.id, d.version, data)
            said = "고쳤습니다"
        elif command == "done":
            import datetime as dt

            from panelapp.domain.localtime import today_local

            on: dt.date = _date(args.on, "--on") or today_local()
            d = ms.set_milestone_done(ctx, m.id, d.version, on)
            said = "완료로 표시했습니다"
        elif command == "undo":
            if m.done_on is None:
                raise DomainError(f"{args.step}번 추진 단계는 아직 완료되지 않았습니다.")
            d = ms.set_milestone_done(ctx, m.id, d.version, None)
            said = "완료 표시를 지웠습니다"
            named = f"'{m.title}'의"  # 의 has one form
        elif command == "move":
            d = ms.move_milestone(ctx, m.id, d.version, args.to)
            said = "옮겼습니다"
        else:
            d = ms.delete_milestone(ctx, m.id, d.version)
            said = "지웠습니다 (처리 이력에 남았습니다)"
        from panelapp.domain.josa import quoted

        print(f"추진 단계 {named or quoted(m.title, '을')} {said}.")
        _print_steps(d)
    finally:
        ctx.db.dispose()
    return EXIT_OK


def _plan(args: argparse.Namespace, opener) -> int:
    from panelapp.services.inspections.queries import cohort_by_number
    from panelapp.services.proposals import next_year

    if args.plan_command == "export":
        next_year.check_output(args.output)
    ctx = opener.app(args.db)
    try:
        cohort_id, name = cohort_by_number(ctx, args.cohort)
        if args.plan_command == "carry":
            print(next_year.carry_all(ctx, cohort_id).sentence)
        if args.plan_command == "export":
            data = next_year.export_plan(ctx, cohort_id, args.output)
            print(f"저장했습니다: {name} 차년도 업무계획 {data.summary} — {args.output}")
            return EXIT_OK
        data = next_year.plan_data(ctx, cohort_id)
    finally:
        ctx.db.dispose()
    print(f"{data.cohort} 차년도 업무계획: {data.summary}")
    for d in data.departments:
        print(f"  {d.department} ({len(d.rows):,}건, {d.total_cost:,}원)")
        for r in d.rows:
            cost = f"{r.estimated_cost:,}원" if r.estimated_cost is not None else "비용 미정"
            print(
                f"    #{r.proposal_id} {r.title} — {r.status} {r.progress_text} · {r.quarter.label} · {cost}"
            )
    return EXIT_OK
