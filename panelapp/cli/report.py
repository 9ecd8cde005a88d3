"""`panelapp report ...`: the improvement report (개선 보고서) from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError(f"{option}: {quoted(text, '은')} 날짜가 아닙니다. 예: 2026-03-01") from None


def _sections(text: str | None) -> frozenset[str] | None:
    """--sections "summary,feedback" (keys or their Korean names) → section keys; None: all."""
    from panelapp.domain.report_data import SECTIONS

    if text is None:
        return None
    by_label = {label.replace(" ", ""): key for key, label in SECTIONS.items()}
    chosen = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        key = part if part in SECTIONS else by_label.get(part.replace(" ", ""))
        if key is None:
            offered = ", ".join(f"{k}({label})" for k, label in SECTIONS.items())
            raise DomainError(
                f"--sections: {quoted(part, '은')} 수록 내용이 아닙니다. 고를 수 있는 것: {offered}"
            )
        chosen.add(key)
    if not chosen:
        raise DomainError("--sections: 수록 내용을 하나 이상 주세요 (예: summary,proposals,feedback).")
    return frozenset(chosen)


def add_parser(sub) -> None:
    report = sub.add_parser(
        "report",
        help="개선 보고서 PDF와 한글·Word 보고 문서를 만듭니다 (예: report --cohort 7 -o 보고서.pdf --hwpx 보고.hwpx)",
    )
    report.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7)")
    report.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="보고 기간 시작일 (없으면 기수 활동 시작일)"
    )
    report.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="보고 기간 종료일 (없으면 기수 활동 종료일)"
    )
    report.add_argument("--no-photos", action="store_true", help="발견사항 사진을 넣지 않습니다")
    report.add_argument(
        "--sections",
        metavar="목록",
        help="수록 내용, 쉼표로 구분 (없으면 모두): summary(요약), facilities(시설별 점검 결과), "
        "proposals(개선제안 목록), feedback(좋아요·아쉬워요), appendix(부록: 활동·출석)",
    )
    report.add_argument("-o", "--output", metavar="FILE.pdf", help="저장할 PDF 파일")
    report.add_argument("--xlsx", metavar="FILE.xlsx", help="같은 내용을 엑셀 파일로도 저장합니다")
    report.add_argument(
        "--hwpx", metavar="FILE.hwpx", help="운영위원회·이사회 보고 문서를 한글(.hwpx, 개조식)로 저장합니다"
    )
    report.add_argument("--docx", metavar="FILE.docx", help="같은 보고 문서를 Word(.docx)로 저장합니다")


def cmd_report(args: argparse.Namespace, opener) -> int:
    from panelapp.domain.report_data import ReportOptions
    from panelapp.services.inspections.queries import cohort_by_number
    from panelapp.services.reporting.files import write_report

    if not (args.output or args.hwpx or args.docx):
        raise DomainError(
            "저장할 파일: -o FILE.pdf, --hwpx FILE.hwpx, --docx FILE.docx 가운데 하나 이상을 주세요."
        )
    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    sections = _sections(args.sections)
    if date_from and date_to and date_from > date_to:
        raise DomainError("기간: 시작일(--from)이 종료일(--to)보다 늦습니다.")
    ctx = opener.app(args.db)
    cohort_id, name = cohort_by_number(ctx, args.cohort)
    options = ReportOptions(cohort_id, date_from, date_to, photos=not args.no_photos)
    if sections is not None:
        options = dataclasses.replace(options, sections=sections)
    result = write_report(ctx, options, args.output, args.xlsx, hwpx_path=args.hwpx, docx_path=args.docx)
    counts = f"(시설 {result.facilities}곳, 발견사항 {result.findings}건, 개선제안 {result.proposals}건)"
    if result.pdf_path:
        extra = f", {result.xlsx_path}" if result.xlsx_path else ""
        print(f"{name} 개선 보고서 {result.pages}쪽을 저장했습니다: {result.pdf_path}{extra} {counts}")
    elif result.xlsx_path:
        print(f"{name} 개선 보고서 표를 저장했습니다: {result.xlsx_path} {counts}")
    office = [p for p in (result.hwpx_path, result.docx_path) if p]
    if office:
        print(f"{name} 보고 문서를 저장했습니다: {', '.join(office)}")
    return 0
