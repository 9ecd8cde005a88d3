"""Make the improvement report's files: read the data, draw the PDF (and the .xlsx), write them.

Nothing is written until everything is drawn, so Cancel (token.check) at any point leaves no
file behind. Files are written beside their target and renamed into place. An unmasked report
is personal data leaving the program: it is recorded in the access log (who, when, why, which
files) in the same transaction as the writing, as the roster export does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from panelapp.db.models import AccessLog
from panelapp.domain.errors import DomainError
from panelapp.domain.report_data import ReportData, ReportOptions
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.reporting.query import build_report_data, check_options


@dataclass(frozen=True)
class ReportResult:
    pdf_path: str
    pages: int
    xlsx_path: str | None
    masked: bool
    facilities: int
    findings: int
    proposals: int


class _Phase:
    """Maps one phase's own progress onto its share (percent) of the whole bar."""

    def __init__(self, token, start: int, end: int):
        self.token, self.start, self.end = token, start, end

    def check(self) -> None:
        if self.token is not None:
            self.token.check()

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self.token is not None:
            self.token.check()
            share = 0 if total <= 0 else min(done, total) / total
            self.token.progress(self.start + round(share * (self.end - self.start)), 100, text)


def write_report(
    ctx: ServiceContext,
    options: ReportOptions,
    pdf_path: str | Path,
    xlsx_path: str | Path | None = None,
    token=None,
) -> ReportResult:
    from panelapp.reports.improvement_report import render_improvement_report
    from panelapp.reports.report_xlsx import report_xlsx_bytes

    pdf_path = Path(pdf_path)
    xlsx_path = Path(xlsx_path) if xlsx_path else None
    if pdf_path.suffix.lower() != ".pdf":
        raise DomainError("보고서 파일 이름은 .pdf로 끝나야 합니다.")
    if xlsx_path is not None and xlsx_path.suffix.lower() != ".xlsx":
        raise DomainError("표 파일 이름은 .xlsx로 끝나야 합니다.")
    purpose = check_options(options)
    data = build_report_data(ctx, options, _Phase(token, 0, 25))
    render = _Phase(token, 25, 92)
    pdf, pages = render_improvement_report(data, render.progress)
    xlsx = None
    if xlsx_path is not None:
        render.progress(1, 1, "엑셀 파일을 만드는 중…")
        xlsx = report_xlsx_bytes(data)
    finish = _Phase(token, 92, 100)
    finish.progress(0, 1, "파일을 저장하는 중…")
    if purpose is None:
        _write_all(pdf_path, pdf, xlsx_path, xlsx)
    else:
        with transaction(ctx) as s:
            s.add(
                AccessLog(
                    user_id=ctx.user_id,
                    action="report_unmasked",
                    purpose=purpose,
                    detail=f"cohort_id={options.cohort_id}; period={data.date_from}~{data.date_to}; "
                    f"file={pdf_path.name}" + (f", {xlsx_path.name}" if xlsx_path else ""),
                )
            )
            s.flush()
            _write_all(pdf_path, pdf, xlsx_path, xlsx)
    if token is not None:
        token.progress(100, 100, "완료")
    return _result(data, pdf_path, pages, xlsx_path)


def _result(data: ReportData, pdf_path: Path, pages: int, xlsx_path: Path | None) -> ReportResult:
    return ReportResult(
        str(pdf_path),
        pages,
        str(xlsx_path) if xlsx_path else None,
        data.masked,
        len(data.facilities),
        data.summary.findings,
        data.summary.proposals,
    )


def _write_all(pdf_path: Path, pdf: bytes, xlsx_path: Path | None, xlsx: bytes | None) -> None:
    temps = [(_temp_write(pdf_path, pdf), pdf_path)]
    try:
        if xlsx_path is not None:
            temps.append((_temp_write(xlsx_path, xlsx), xlsx_path))
        for tmp, target in temps:
            try:
                os.replace(tmp, target)
            except PermissionError:
                raise DomainError(
                    f"'{target.name}'에 저장할 수 없습니다. 파일이 PDF 뷰어나 Excel 등에서 "
                    "열려 있으면 닫고 다시 시도해 주세요."
                ) from None
    finally:
        for tmp, _target in temps:
            tmp.unlink(missing_ok=True)


def _temp_write(target: Path, content: bytes) -> Path:
    if not target.parent.is_dir():
        raise DomainError(f"저장할 폴더 '{target.parent}'가 없습니다.")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(content)
    except PermissionError:
        raise DomainError(f"'{target.parent}' 폴더에 저장할 권한이 없습니다.") from None
    return tmp
