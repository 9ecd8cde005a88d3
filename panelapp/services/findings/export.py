"""발견사항 to Excel: the rows the page's filters and sort show, with the page's columns.

A finding names a facility and a place, not a person; but its title and place are free text that
may name a member: those names are masked (김*희) unless a purpose is given (services/exporting.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from panelapp.services.context import ServiceContext, reading
from panelapp.services.exporting import ExportColumn, ExportResult, ListExport, Progress, export_list
from panelapp.services.findings.listing import finding_ids, rows_in
from panelapp.services.findings.queries import FindingQuery, FindingSummary

TITLE = "발견사항"
COLUMNS = (
    ExportColumn("날짜", lambda f: f.observed_on, 12),
    ExportColumn("시설", lambda f: f.facility_name, 24),
    ExportColumn("제목", lambda f: f.title, 40, free_text=True),
    ExportColumn("분류", lambda f: f.category.label, 10),
    ExportColumn("심각도", lambda f: f.severity.label, 10),
    ExportColumn("위치", lambda f: f.location, 20, free_text=True),
    ExportColumn("사진 수", lambda f: f.photo_count or None, 8),
    ExportColumn("제안", lambda f: "있음" if f.has_proposal else "없음", 8),
)


def _rows(ctx: ServiceContext, ids: list[int]) -> list[FindingSummary]:
    with reading(ctx) as s:
        return rows_in(s, ids)


def findings_export(
    ctx: ServiceContext, query: FindingQuery, sort_key: str = "date", descending: bool = True
) -> ListExport:
    return ListExport(
        TITLE,
        COLUMNS,
        lambda: finding_ids(ctx, query, sort_key, descending),
        lambda ids: _rows(ctx, ids),
        subject=f"cohort_id={query.cohort_id}",
    )


def export_findings(
    ctx: ServiceContext,
    query: FindingQuery,
    sort_key: str,
    descending: bool,
    path: str | Path,
    *,
    purpose: str | None = None,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
) -> ExportResult:
    """The page's list (its query, its sort) to `path`; names in the texts masked unless `purpose`."""
    return export_list(
        ctx,
        findings_export(ctx, query, sort_key, descending),
        path,
        purpose=purpose,
        conditions=conditions,
        token=token,
    )
