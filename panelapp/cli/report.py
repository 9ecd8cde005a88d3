"""`panelapp report ...`: the improvement report (개선 보고서) from the command line."""

from __future__ import annotations

import argparse
import datetime as dt

from panelapp.domain.errors import DomainError


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError(f"{option}: '{text}'은(는) 날짜가 아닙니다. 예: 2026-03-01") from None


def add_parser(sub) -> None:
    report = sub.add_parser("report", help="개선 보고서 PDF를 만듭니다 (예: report --cohort 7 -o 보고서.pdf)")
    report.add_argument("--cohort", type=int, required=True, metavar="N", help="기수 번호 (예: 7)")
    report.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="보고 기간 시작일 (없으면 기수 활동 시작일)"
    )
    report.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="보고 기간 종료일 (없으면 기수 활동 종료일)"
    )
    report.add_argument("--no-photos", action="store_true", help="발견사항 사진을 넣지 않습니다")
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="저장할 PDF 파일")
    report.add_argument("--xlsx", metavar="FILE.xlsx", help="같은 내용을 엑셀 파일로도 저장합니다")


def cmd_report(args: argparse.Namespace, opener) -> int:
    from panelapp.domain.report_data import ReportOptions
    from panelapp.services.inspections.queries import cohort_by_number
    from panelapp.services.reporting.files import write_report

    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise DomainError("기간: 시작일(--from)이 종료일(--to)보다 늦습니다.")
    ctx = opener.app(args.db)
    cohort_id, name = cohort_by_number(ctx, args.cohort)
    options = ReportOptions(cohort_id, date_from, date_to, photos=not args.no_photos)
    result = write_report(ctx, options, args.output, args.xlsx)
    extra = f", {result.xlsx_path}" if result.xlsx_path else ""
    print(
        f"{name} 개선 보고서 {result.pages}쪽을 저장했습니다: {result.pdf_path}{extra} "
        f"(시설 {result.facilities}곳, 발견사항 {result.findings}건, 개선제안 {result.proposals}건)"
    )
    return 0
