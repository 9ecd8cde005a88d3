"""`panelapp members ...`: roster import, import template and export, headless.

    panelapp members import 지원자.xlsx --cohort 7 [--dry-run]
    panelapp members template -o 단원명단_서식.xlsx
    panelapp members export --cohort 7 -o 명단.xlsx [--unmasked --purpose "문자 발송"]
    panelapp members withdraw-consent 42 --confirm [--on 2026-11-20]

Problems go to stderr one per line as `행 N: 열: 메시지` (N counts data rows, header
excluded); any problem means exit 1 and nothing written.
"""

from __future__ import annotations

import argparse
import sys

from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted

EXIT_OK, EXIT_USER_ERROR = 0, 1


def add_parser(sub) -> None:
    members = sub.add_parser("members", help="참여단원 명단 불러오기·내보내기")
    verbs = members.add_subparsers(dest="members_command", metavar="작업", required=True)
    imp = verbs.add_parser(
        "import", help="Excel(.xlsx)·CSV 파일의 단원을 한 번에 등록합니다 (전부 또는 전혀)"
    )
    imp.add_argument("file", metavar="FILE", help=".xlsx 또는 .csv (UTF-8, UTF-8 BOM, CP949)")
    imp.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7 → 제7기)")
    imp.add_argument("--dry-run", action="store_true", help="검사만 하고 저장하지 않습니다")
    tpl = verbs.add_parser("template", help="불러오기용 Excel 서식 파일을 만듭니다")
    tpl.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    exp = verbs.add_parser("export", help="기수 명단을 .xlsx 또는 .csv로 내보냅니다 (기본: 이름·번호 가림)")
    exp.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7 → 제7기)")
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx|FILE.csv")
    exp.add_argument(
        "--unmasked",
        action="store_true",
        help="이름·전화번호를 가리지 않습니다 (목적 필수, 접근 기록에 남음)",
    )
    exp.add_argument("--purpose", metavar="목적", help='가리지 않고 내보내는 목적 (예: "문자 발송")')
    wd = verbs.add_parser(
        "withdraw-consent",
        help="단원의 개인정보 동의 철회를 기록합니다 (활동 중인 기수에서 탈퇴, 파기 대상이 됨)",
    )
    wd.add_argument("member_id", type=int, metavar="ID", help="단원 번호")
    wd.add_argument("--on", metavar="YYYY-MM-DD", help="철회일 (기본: 오늘)")
    wd.add_argument(
        "--confirm", action="store_true", help="확인: 이 옵션이 없으면 무엇이 바뀌는지만 알립니다"
    )


def cmd_members(args: argparse.Namespace, opener) -> int:
    handlers = {"import": _import, "template": _template, "export": _export, "withdraw-consent": _withdraw}
    return handlers[args.members_command](args, lambda: opener.app(args.db))


def _import(args, open_ctx) -> int:
    from panelapp.services.roster_io.importing import (
        ImportRefused,
        cohort_id_by_number,
        commit_import,
        preview_import,
    )

    ctx = open_ctx()
    cohort_id = cohort_id_by_number(ctx, args.cohort)
    preview = preview_import(ctx, cohort_id, args.file)
    for note in preview.notes:
        print(f"알림: {note}", file=sys.stderr)
    for name in preview.unknown_columns:
        print(f"알림: 알 수 없는 열 {quoted(name, '은')} 무시합니다.", file=sys.stderr)
    if preview.file_errors:
        for message in preview.file_errors:
            print(f"오류: {message}", file=sys.stderr)
        return EXIT_USER_ERROR
    if preview.error_count:
        return _refuse(preview.problems)
    if args.dry_run:
        print(
            f"검사 완료: {len(preview.rows):,}명 모두 등록할 수 있습니다 "
            f"(다른 기수에서 온 기존 인물 {preview.reused:,}명). --dry-run이므로 저장하지 않았습니다."
        )
        return EXIT_OK
    try:
        result = commit_import(ctx, cohort_id, preview)
    except ImportRefused as exc:
        return _refuse(exc.problems)
    print(
        f"불러오기 완료: 제{args.cohort}기에 {result.imported:,}명을 등록했습니다 "
        f"(다른 기수에서 온 기존 인물 {result.reused:,}명)."
    )
    return EXIT_OK


def _refuse(problems) -> int:
    for problem in problems:
        print(problem.line(), file=sys.stderr)
    rows = len({p.row for p in problems})
    print(
        f"문제 {len(problems):,}건 ({rows:,}개 행). 아무것도 저장하지 않았습니다. "
        "파일을 고친 뒤 다시 실행해 주세요.",
        file=sys.stderr,
    )
    return EXIT_USER_ERROR


def _template(args, open_ctx) -> int:
    from panelapp.io.roster_export import write_template

    write_template(args.output)
    print(f"서식 파일을 만들었습니다: {args.output} ('단원 명단' 시트에 작성, '작성 안내' 시트 참고)")
    return EXIT_OK


def _export(args, open_ctx) -> int:
    from panelapp.services.roster_io.export import export_roster
    from panelapp.services.roster_io.importing import cohort_id_by_number

    if args.unmasked and not (args.purpose or "").strip():
        raise DomainError(
            '--unmasked로 내보내려면 --purpose "목적"을 함께 적어 주세요(접근 기록에 남습니다).'
        )
    if args.purpose and not args.unmasked:
        raise DomainError("--purpose는 --unmasked와 함께 씁니다. 기본 내보내기는 이름·번호를 가립니다.")
    ctx = open_ctx()
    result = export_roster(
        ctx, cohort_id_by_number(ctx, args.cohort), args.output, unmasked=args.unmasked, purpose=args.purpose
    )
    how = "가리지 않고(접근 기록에 남김)" if not result.masked else "이름·전화번호를 가려서"
    print(f"내보내기 완료: 제{args.cohort}기 {result.rows:,}명을 {how} {result.path}에 저장했습니다.")
    return EXIT_OK


def _withdraw(args, open_ctx) -> int:
    import datetime as dt

    from panelapp.services.retention.withdrawal import withdraw_consent, withdrawal_preview

    on = None
    if args.on:
        try:
            on = dt.date.fromisoformat(args.on)
        except ValueError:
            raise DomainError(
                f"--on {quoted(args.on, '은')} 날짜가 아닙니다. 2026-11-20처럼 적어 주세요."
            ) from None
    ctx = open_ctx()
    preview = withdrawal_preview(ctx, args.member_id)
    if not args.confirm:
        print(
            f"{preview.sentence} 기록하려면 --confirm을 붙여 다시 실행해 주세요. 아무것도 바꾸지 않았습니다.",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    count = withdraw_consent(ctx, args.member_id, on)
    print(
        f"동의 철회를 기록했습니다: {preview.who}의 동의 {count}건, 활동을 마친 기수 {preview.active}곳. "
        "관리 → 개인정보 파기에서 파기 대상으로 보입니다."
    )
    return EXIT_OK
