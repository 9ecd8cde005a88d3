"""점검 일정 (list view) to Excel: the visits its filters and sort show, with its columns.
(export.py beside it is the iCalendar file of the whole schedule.)

The 조장 and the members assigned are people: masked (김*희) unless a purpose is given
(services/exporting.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from panelapp.domain.inspection_info import InspectionInfo
from panelapp.services.context import ServiceContext
from panelapp.services.exporting import (
    ExportColumn,
    ExportResult,
    ListExport,
    Progress,
    export_list,
    mask_name,
    mask_names,
)
from panelapp.services.inspections.listing import inspection_ids, inspection_rows
from panelapp.services.inspections.rules import InspectionQuery

TITLE = "점검 일정"
WEEKDAYS = "월화수목금토일"


def date_text(info: InspectionInfo) -> str:
    """2026-05-05(화) 어린이날: the day as the list shows it, its weekday and holiday."""
    day = info.scheduled_date
    return f"{day:%Y-%m-%d}({WEEKDAYS[day.weekday()]})" + (f" {info.holiday}" if info.holiday else "")


COLUMNS = (
    ExportColumn("날짜", date_text, 22),
    ExportColumn("시간", lambda i: i.time_text, 12),
    ExportColumn("시설", lambda i: i.facility_name, 24),
    ExportColumn("담당 단", lambda i: i.team_name, 14),
    ExportColumn("조장", lambda i: i.lead_name, 10, mask=mask_name),
    ExportColumn("단원", lambda i: ", ".join(i.member_names), 30, mask=mask_names),
    ExportColumn("상태", lambda i: i.status_text, 10),  # "결과 미입력" as on screen
    ExportColumn("사유·메모", lambda i: i.status_reason or i.notes, 30, free_text=True),
)


def schedule_export(
    ctx: ServiceContext, query: InspectionQuery, sort_key: str = "date", descending: bool = False
) -> ListExport:
    return ListExport(
        TITLE,
        COLUMNS,
        lambda: inspection_ids(ctx, query, sort_key, descending),
        lambda ids: inspection_rows(ctx, ids),
        subject=f"cohort_id={query.cohort_id}",
    )


def export_schedule_list(
    ctx: ServiceContext,
    query: InspectionQuery,
    sort_key: str,
    descending: bool,
    path: str | Path,
    *,
    purpose: str | None = None,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
) -> ExportResult:
    """The list view's visits (its query, its sort) to `path`; names masked unless `purpose`."""
    return export_list(
        ctx,
        schedule_export(ctx, query, sort_key, descending),
        path,
        purpose=purpose,
        conditions=conditions,
        token=token,
    )
