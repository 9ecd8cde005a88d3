"""활동·출석 to Excel: the cohort's events as the page lists them, and the attendance of one
event as its grid shows it (the saved marks: the page asks to save or revert ticks first).

The attendance names members: masked (김*희) unless a purpose is given (services/exporting.py).
The events list names no one but a member written into a title (masked the same way).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from panelapp.domain.enums import EnrollmentStatus, EventKind
from panelapp.domain.localtime import today_local
from panelapp.io.workbook import HOURS_FORMAT, PERCENT_FORMAT
from panelapp.services.activities.event_rules import EventInfo
from panelapp.services.activities.sheet import (
    EventMarks,
    EventRow,
    SheetMember,
    event_ids,
    event_marks,
    event_rows,
    events_summary,
    sheet_ids,
    sheet_rows,
)
from panelapp.services.context import ServiceContext
from panelapp.services.exporting import (
    ExportColumn,
    ExportResult,
    ListExport,
    Progress,
    export_list,
    mask_name,
)

EVENTS_TITLE, ATTENDANCE_TITLE = "행사", "출석"
WEEKDAYS = "월화수목금토일"


def when_text(event: EventInfo) -> str:
    """2026-05-12 (화) 14:00, as the events table shows it."""
    text = f"{event.event_date:%Y-%m-%d} ({WEEKDAYS[event.event_date.weekday()]})"
    return text + (f" {event.start_time:%H:%M}" if event.start_time else "")


def count_text(row: EventRow, members: dict[int, int], today: dt.date) -> str:
    """출석 인원 as the events table shows it: "12 / 30명", 예정, 결과 입력 전."""
    ev = row.info
    if ev.event_date > today:
        return "예정"
    if ev.read_only:
        if row.recorded == 0:
            return "결과 입력 전"  # a visit's attendance comes with its results
        eligible = row.recorded
    else:
        eligible = members.get(ev.id, 0)
    return f"{ev.present_count:,} / {eligible:,}명"


def hours_value(hours: float | None) -> float:
    """Hours as a number for the sheet (29.5, shown with HOURS_FORMAT), 0.0 when none."""
    return float(hours or 0.0)


def status_text(row: SheetMember) -> str:
    if row.status == EnrollmentStatus.ACTIVE or row.left_on is None:
        return row.status.label
    return f"{row.status.label} ({row.left_on:%m-%d})"


def note_text(row: SheetMember, marks: EventMarks) -> str:
    """비고 of a member who cannot be ticked on this event (blank when they can)."""
    if row.enrollment_id in marks.recordable:
        return ""
    event = marks.event
    if event.read_only:
        return "점검에서 관리"
    eligible = row.in_period(event.event_date) and (
        event.kind != EventKind.INSPECTION or row.enrollment_id in marks.recorded
    )
    return "예정 행사" if eligible else "활동 기간 아님"


def events_export(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> ListExport:
    day = today or today_local()
    members: dict[int, int] = {}

    def ids() -> list[int]:
        members.update(events_summary(ctx, cohort_id, day).members)
        return event_ids(ctx, cohort_id)

    columns = (
        ExportColumn("날짜", lambda r: when_text(r.info), 22),
        ExportColumn("구분", lambda r: r.info.kind.label, 10),
        ExportColumn("제목", lambda r: r.info.title, 36, free_text=True),
        ExportColumn("인정 시간", lambda r: hours_value(r.info.hours), 10, number_format=HOURS_FORMAT),
        ExportColumn("장소", lambda r: r.info.location, 24),
        ExportColumn("출석 인원", lambda r: count_text(r, members, day), 16),
    )
    return ListExport(
        EVENTS_TITLE, columns, ids, lambda block: event_rows(ctx, block), subject=f"cohort_id={cohort_id}"
    )


@dataclass(frozen=True)
class _Marked:
    member: SheetMember
    marks: EventMarks

    @property
    def id(self) -> int:
        return self.member.enrollment_id


def attendance_export(
    ctx: ServiceContext, cohort_id: int, event_id: int, today: dt.date | None = None
) -> ListExport:
    day = today or today_local()
    held: list[EventMarks] = []

    def ids() -> list[int]:
        held.append(event_marks(ctx, event_id, day))
        return sheet_ids(ctx, cohort_id)

    def rows(block: list[int]) -> list[_Marked]:
        return [_Marked(m, held[0]) for m in sheet_rows(ctx, block, day)]

    columns = (
        ExportColumn("출석", lambda r: "출석" if r.id in r.marks.present else None, 8),
        ExportColumn("이름", lambda r: r.member.name, 10, mask=mask_name),
        ExportColumn("단", lambda r: r.member.team_name or "—", 14),
        ExportColumn("역할", lambda r: r.member.role.label, 8),
        ExportColumn("상태", lambda r: status_text(r.member), 12),
        ExportColumn("누적 시간", lambda r: hours_value(r.member.hours), 10, number_format=HOURS_FORMAT),
        ExportColumn("출석 횟수", lambda r: f"{r.member.attended} / {r.member.held}", 10),
        ExportColumn("출석률", lambda r: r.member.rate, 10, number_format=PERCENT_FORMAT),
        ExportColumn("비고", lambda r: note_text(r.member, r.marks) or None, 16),
    )
    return ListExport(
        ATTENDANCE_TITLE, columns, ids, rows, subject=f"cohort_id={cohort_id}; event_id={event_id}"
    )


def export_events(
    ctx: ServiceContext,
    cohort_id: int,
    path: str | Path,
    *,
    purpose: str | None = None,
    today: dt.date | None = None,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
) -> ExportResult:
    """The cohort's events, oldest first (the page's order), to `path`; members' names written
    into the titles masked unless `purpose`."""
    return export_list(
        ctx,
        events_export(ctx, cohort_id, today),
        path,
        purpose=purpose,
        conditions=conditions,
        token=token,
    )


def export_attendance(
    ctx: ServiceContext,
    cohort_id: int,
    event_id: int,
    path: str | Path,
    *,
    purpose: str | None = None,
    today: dt.date | None = None,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
) -> ExportResult:
    """One event's attendance (every member of the cohort, in the grid's order) to `path`;
    names masked unless `purpose`."""
    return export_list(
        ctx,
        attendance_export(ctx, cohort_id, event_id, today),
        path,
        purpose=purpose,
        conditions=conditions,
        token=token,
    )
