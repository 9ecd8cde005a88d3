"""Make the improvement report's files: read the data, draw the PDF (and the .xlsx, and the board
report as a 한글 .hwpx and a Word .docx), write them.

The PDF is drawn into a temp file beside its target and renamed into place when everything is
drawn, so Cancel (token.check) at any point leaves no file behind (the temp file is removed).
Photos are drawn from print copies made first (photos.py). An unmasked report
is personal data leaving the program: it is recorded in the access log (who, when, why, which
files) in the same transaction as the writing, as the roster export does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from panelapp.atomic import Pending
from panelapp.domain.errors import DomainError
from panelapp.domain.report_data import ReportData, ReportOptions
from panelapp.services.audit.log import record
from panelapp.services.changes import Kind, declare
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.permissions import Permission, writes
from panelapp.services.reporting.history import record_report
from panelapp.services.reporting.photos import with_print_copies
from panelapp.services.reporting.query import build_report_data, check_options


@dataclass(frozen=True)
class ReportResult:
    pdf_path: str | None  # None: only the board report was asked for (hwpx/docx)
    pages: int  # of the PDF (0 without one)
    xlsx_path: str | None
    masked: bool
    facilities: int
    findings: int
    proposals: int
    hwpx_path: str | None = None
    docx_path: str | None = None


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


@writes(Permission.PANEL_WORK, "개선 보고서 만들기")
def write_report(
    ctx: ServiceContext,
    options: ReportOptions,
    pdf_path: str | Path | None,
    xlsx_path: str | Path | None = None,
    token=None,
    *,
    hwpx_path: str | Path | None = None,
    docx_path: str | Path | None = None,
) -> ReportResult:
    """Write the PDF (unless `pdf_path` is None), and the .xlsx, .hwpx and .docx that are given."""
    from panelapp.reports.improvement_report import write_improvement_report
    from panelapp.reports.report_xlsx import report_xlsx_bytes

    pdf_path = Path(pdf_path) if pdf_path else None
    xlsx_path = Path(xlsx_path) if xlsx_path else None
    hwpx_path = Path(hwpx_path) if hwpx_path else None
    docx_path = Path(docx_path) if docx_path else None
    if pdf_path is None and hwpx_path is None and docx_path is None:
        raise DomainError("저장할 파일: PDF, 한글(.hwpx), Word(.docx) 가운데 하나 이상을 정해 주세요.")
    for path, suffix, what in (
        (pdf_path, ".pdf", "보고서 파일"),
        (xlsx_path, ".xlsx", "표 파일"),
        (hwpx_path, ".hwpx", "한글 문서"),
        (docx_path, ".docx", "Word 문서"),
    ):
        if path is not None and path.suffix.lower() != suffix:
            raise DomainError(f"{what} 이름은 {suffix}로 끝나야 합니다.")
    purpose = check_options(options)
    data = build_report_data(ctx, options, _Phase(token, 0, 20))
    data = with_print_copies(ctx.db, data, _Phase(token, 20, 35))
    office = hwpx_path is not None or docx_path is not None
    render = _Phase(token, 35, 75 if office else 92)
    temps: list[Pending] = []
    pages = 0
    try:
        # The PDF is drawn straight into its temp file: holding it as bytes as well would double
        # the memory a report with photos needs.
        if pdf_path is not None:
            with _open_temp(_pending(pdf_path, temps)) as fh:
                pages = write_improvement_report(data, fh, render.progress)
        if xlsx_path is not None:
            render.progress(1, 1, "엑셀 파일을 만드는 중…")
            with _open_temp(_pending(xlsx_path, temps)) as fh:
                fh.write(report_xlsx_bytes(data))
        if office:
            _write_board_report(data, hwpx_path, docx_path, pdf_path, xlsx_path, temps, token)
        finish = _Phase(token, 92, 100)
        finish.progress(0, 1, "파일을 저장하는 중…")
        # The record (the 개선 보고서 list of this database) and the access-log entry
        # are committed with the rename: a file that could not be saved leaves neither.
        with transaction(ctx) as s:
            # masked or not (then with its purpose), the report names people (단원별 참여)
            record(
                s,
                ctx,
                "report" if purpose is None else "report_unmasked",
                cohort_id=options.cohort_id,
                purpose=purpose,
                detail=f"cohort_id={options.cohort_id}; period={data.date_from}~{data.date_to}; "
                f"file={', '.join(out.target.name for out in temps)}",
            )
            record_report(
                s,
                ctx,
                options,
                data.cohort_name,
                data.date_from,
                data.date_to,
                data.masked,
                pages,
                pdf_path,
                xlsx_path,
                hwpx_path,
                docx_path,
            )
            s.flush()
            _replace_all(temps)
    finally:
        for out in temps:
            if not out.committed:
                out.discard()
    if token is not None:
        token.progress(100, 100, "완료")
    declare(Kind.REPORT)  # the recent-reports list follows
    return _result(data, pdf_path, pages, xlsx_path, hwpx_path, docx_path)


def _write_board_report(data, hwpx_path, docx_path, pdf_path, xlsx_path, temps, token) -> None:
    """The board report (reports/board_report.py) as .hwpx and/or .docx, into temp files beside
    their targets like the PDF; its 붙임 names the PDF and .xlsx made with it."""
    from panelapp.reports.board_report import attachment_names, build_board_report
    from panelapp.reports.docx_report import render_docx
    from panelapp.reports.hwpx_report import render_hwpx

    report = build_board_report(data, attachment_names(pdf_path is not None, xlsx_path is not None))
    jobs = [(p, f) for p, f in ((hwpx_path, render_hwpx), (docx_path, render_docx)) if p is not None]
    for n, (path, render) in enumerate(jobs):
        phase = _Phase(token, 75 + n * 17 // len(jobs), 75 + (n + 1) * 17 // len(jobs))
        _check_folder(path)  # before the document is drawn
        body = render(report, phase.progress)
        with _open_temp(_pending(path, temps)) as fh:
            fh.write(body)


def _result(
    data: ReportData, pdf_path, pages: int, xlsx_path, hwpx_path=None, docx_path=None
) -> ReportResult:
    return ReportResult(
        str(pdf_path) if pdf_path else None,
        pages,
        str(xlsx_path) if xlsx_path else None,
        data.masked,
        len(data.facilities),
        data.summary.findings,
        data.summary.proposals,
        str(hwpx_path) if hwpx_path else None,
        str(docx_path) if docx_path else None,
    )


def _replace_all(temps: list[Pending]) -> None:
    for out in temps:
        try:
            out.commit(synced=True)
        except PermissionError:
            raise DomainError(
                f"'{out.target.name}'에 저장할 수 없습니다. 파일이 PDF 뷰어나 Excel, 한글, Word 등에서 "
                "열려 있으면 닫고 다시 시도해 주세요."
            ) from None


def _check_folder(target: Path) -> None:
    if not target.parent.is_dir():
        raise DomainError(f"저장할 폴더 '{target.parent}'가 없습니다.")


def _pending(target: Path, temps: list[Pending]) -> Pending:
    """A temporary beside `target` (atomic.Pending), kept in `temps` to be renamed or removed."""
    _check_folder(target)
    out = Pending(target)
    temps.append(out)
    return out


@contextmanager
def _open_temp(out: Pending) -> Iterator[BinaryIO]:
    """The temporary beside the target, flushed to disk when the block ends."""
    try:
        fh = out.open("wb")
    except PermissionError:
        raise DomainError(f"'{out.target.parent}' 폴더에 저장할 권한이 없습니다.") from None
    with fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
