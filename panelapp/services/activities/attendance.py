"""Activity events (발대식·교육·간담회·기타) of a cohort and who attended them.

The rules for event fields live in event_rules; hours and attendance rate come from
activity_stats, the one definition shared with the roster and the certificates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from panelapp.db.base import utcnow
from panelapp.db.models import ActivityEvent, Attendance, Enrollment, Member, Team
from panelapp.domain.enums import EnrollmentStatus, EventKind, MemberRole
from panelapp.domain.errors import DomainError, ValidationError, ValidationErrors
from panelapp.domain.josa import josa
from panelapp.domain.localtime import today_local
from panelapp.domain.participation import attendance_rate
from panelapp.services import masking
from panelapp.services.activities.event_rules import (
    F_ATTENDANCE,
    F_DATE,
    EventInfo,
    EventInput,
    clean_event,
    event_info,
    in_period,
    load_cohort,
    load_event,
    period_text,
)
from panelapp.services.activities.stats import BLOCK, cohort_stats
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.permissions import Permission, writes

__all__ = [
    "EventInput",
    "EventInfo",
    "SheetRow",
    "AttendanceSheet",
    "list_events",
    "create_event",
    "update_event",
    "delete_event",
    "attendance_sheet",
    "set_attendance",
    "mark_all_present",
]


@dataclass(frozen=True)
class SheetRow:
    enrollment_id: int
    name: str
    team_name: str | None
    role: MemberRole
    status: EnrollmentStatus
    joined_on: dt.date
    left_on: dt.date | None
    present: frozenset[int]  # event ids attended
    eligible: frozenset[int]  # event ids within the member's own period
    hours: float
    attended: int
    held: int

    @property
    def rate(self) -> float | None:
        return attendance_rate(self.attended, self.held)


@dataclass(frozen=True)
class AttendanceSheet:
    cohort_id: int
    events: tuple[EventInfo, ...]  # the columns, oldest first
    rows: tuple[SheetRow, ...]  # every enrolment of the cohort, by team then name
    today: dt.date

    def can_record(self, row: SheetRow, event: EventInfo) -> bool:
        """A cell can be ticked: in the member's period, held already, not an inspection."""
        return event.id in row.eligible and event.event_date <= self.today and not event.read_only

    def present_count(self, event_id: int) -> int:
        return sum(1 for r in self.rows if event_id in r.present)


def _blocks(ids: list[int]) -> list[list[int]]:
    """Ids in blocks of BLOCK: a query's parameters never grow with the data."""
    return [ids[i : i + BLOCK] for i in range(0, len(ids), BLOCK)]


def _present_counts(s: Session, event_ids: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for block in _blocks(event_ids):
        rows = s.execute(
            select(Attendance.event_id, func.count())
            .where(Attendance.event_id.in_(block), Attendance.present.is_(True))
            .group_by(Attendance.event_id)
        )
        counts.update((k, v) for k, v in rows)
    return counts


def _cohort_present_counts(s: Session, cohort_id: int) -> dict[int, int]:
    rows = s.execute(
        select(Attendance.event_id, func.count())
        .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
        .where(ActivityEvent.cohort_id == cohort_id, Attendance.present.is_(True))
        .group_by(Attendance.event_id)
    )
    return {k: v for k, v in rows}


def _events(s: Session, cohort_id: int) -> list[ActivityEvent]:
    return list(
        s.scalars(
            select(ActivityEvent)
            .where(ActivityEvent.cohort_id == cohort_id, ActivityEvent.deleted_at.is_(None))
            .order_by(ActivityEvent.event_date, ActivityEvent.start_time, ActivityEvent.id)
        )
    )


def list_events(ctx: ServiceContext, cohort_id: int) -> list[EventInfo]:
    """The cohort's events, oldest first, with how many attended each."""
    with reading(ctx) as s:
        events = _events(s, cohort_id)
        counts = _cohort_present_counts(s, cohort_id)
        shown = masking.text_masker(s, masking.personal_masked(ctx))  # members named in titles, notes
        return [event_info(e, counts.get(e.id, 0), shown) for e in events]


@writes(Permission.PANEL_WORK)
def create_event(ctx: ServiceContext, cohort_id: int, data: EventInput) -> EventInfo:
    with transaction(ctx) as s:
        values = clean_event(data, load_cohort(s, cohort_id))
        event = ActivityEvent(cohort_id=cohort_id, **values)
        s.add(event)
        s.flush()
        return event_info(event, 0)


@writes(Permission.PANEL_WORK)
def update_event(
    ctx: ServiceContext, event_id: int, data: EventInput, version: int, today: dt.date | None = None
) -> EventInfo:
    """Edit an event; the credited hours of everyone present follow its new length."""
    today = today or today_local()
    with transaction(ctx) as s:
        event = load_event(s, event_id, writable=True)
        check_version(event, version)
        values = clean_event(data, load_cohort(s, event.cohort_id))
        present = list(
            s.execute(
                select(Attendance, Enrollment, Member.name)
                .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
                .join(Member, Member.id == Enrollment.member_id)
                .where(Attendance.event_id == event_id, Attendance.present.is_(True))
            )
        )
        new_date = values["event_date"]
        if present and new_date > today:
            raise ValidationError(
                F_DATE, f"출석 기록({len(present)}명)이 있는 행사는 오늘 이후 날짜로 옮길 수 없습니다."
            )
        outside = [name for _a, e, name in present if not in_period(e, new_date)]
        if outside:
            raise ValidationError(
                F_DATE,
                f"{', '.join(outside[:3])}{' 등' if len(outside) > 3 else ''} "
                f"{len(outside)}명은 {new_date:%Y-%m-%d}에 활동 기간이 아닌데 출석으로 "
                "기록되어 있습니다. 출석을 먼저 고쳐 주세요.",
            )
        for key, value in values.items():
            setattr(event, key, value)
        for attendance, _e, _n in present:
            attendance.hours = event.hours
        s.flush()
        return event_info(event, len(present))


@writes(Permission.PANEL_WORK)
def delete_event(ctx: ServiceContext, event_id: int, version: int | None = None) -> None:
    """Soft delete: the event goes to the trash; its hours no longer count while it is there."""
    with transaction(ctx) as s:
        event = load_event(s, event_id, writable=True)
        check_version(event, version)
        event.deleted_at, event.deleted_by_id = utcnow(), ctx.user_id


def attendance_sheet(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> AttendanceSheet:
    """Events as columns, every enrolment (active, withdrawn, completed) as a row, with totals."""

    today = today or today_local()
    with reading(ctx) as s:
        load_cohort(s, cohort_id)
        events = _events(s, cohort_id)
        counts = _cohort_present_counts(s, cohort_id)
        no_team_last = case((Team.id.is_(None), 1), else_=0)
        enrolments = list(
            s.execute(
                select(Enrollment, Member.name, Team.name, masking.withdrew_consent())
                .join(Member, Member.id == Enrollment.member_id)
                .outerjoin(Team, (Team.id == Enrollment.team_id) & Team.deleted_at.is_(None))
                .where(
                    Enrollment.cohort_id == cohort_id,
                    Enrollment.deleted_at.is_(None),
                    Member.deleted_at.is_(None),
                )
                .order_by(no_team_last, Team.sort_order, Member.name, Enrollment.id)
            )
        )
        present: dict[int, set[int]] = {}
        recorded: set[tuple[int, int]] = set()
        for event_id, enrollment_id, is_present in s.execute(
            select(Attendance.event_id, Attendance.enrollment_id, Attendance.present)
            .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
            .where(ActivityEvent.cohort_id == cohort_id, ActivityEvent.deleted_at.is_(None))
        ):
            recorded.add((event_id, enrollment_id))
            if is_present:
                present.setdefault(enrollment_id, set()).add(event_id)
        stats = cohort_stats(s, cohort_id, today)
        rows = []
        masked = masking.personal_masked(ctx)
        for e, name, team, withdrew in enrolments:
            st = stats[e.id]
            # An inspection is for the members recorded on it (as activity_stats counts it).
            eligible = frozenset(
                ev.id
                for ev in events
                if in_period(e, ev.event_date)
                and (ev.kind != EventKind.INSPECTION or (ev.id, e.id) in recorded)
            )
            rows.append(
                SheetRow(
                    e.id,
                    masking.name(name, masked or withdrew),
                    team,
                    e.role,
                    e.status,
                    e.joined_on,
                    e.left_on,
                    frozenset(present.get(e.id, ())),
                    eligible,
                    st.hours,
                    st.attended,
                    st.held,
                )
            )
        return AttendanceSheet(
            cohort_id,
            tuple(event_info(ev, counts.get(ev.id, 0), masking.text_masker(s, masked)) for ev in events),
            tuple(rows),
            today,
        )


def _apply(s: Session, event: ActivityEvent, changes: dict[int, bool], today: dt.date) -> EventInfo:
    if event.event_date > today:
        raise ValidationError(
            F_ATTENDANCE, f"{event.event_date:%Y-%m-%d} 행사는 아직 열리지 않아 출석을 기록할 수 없습니다."
        )
    wanted = list(changes)
    found = {}
    for block in _blocks(wanted):  # rows, not ORM objects: "모두 출석" may name 100,000 members
        for row in s.execute(
            select(Enrollment.id, Enrollment.cohort_id, Enrollment.joined_on, Enrollment.left_on, Member.name)
            .join(Member, Member.id == Enrollment.member_id)
            .where(Enrollment.id.in_(block), Enrollment.deleted_at.is_(None))
        ):
            found[row.id] = (row, row.name)
    errors = []
    for enrollment_id, is_present in changes.items():
        if enrollment_id not in found:
            errors.append(
                ValidationError(
                    F_ATTENDANCE,
                    f"등록 번호 {enrollment_id}인 단원을 찾을 수 없습니다. "
                    "다른 사용자가 삭제했을 수 있습니다.",
                )
            )
            continue
        e, name = found[enrollment_id]
        if e.cohort_id != event.cohort_id:
            errors.append(ValidationError(F_ATTENDANCE, f"{name}: 이 행사의 기수 단원이 아닙니다."))
        elif is_present and not in_period(e, event.event_date):
            errors.append(
                ValidationError(
                    F_ATTENDANCE,
                    f"{name}: {josa(f'{event.event_date:%Y-%m-%d}', '은')} 활동 기간({period_text(e)}) 밖입니다.",
                )
            )
    ValidationErrors.raise_if_any(errors)
    existing = {
        a.enrollment_id: a
        for block in _blocks(wanted)
        for a in s.scalars(
            select(Attendance).where(Attendance.event_id == event.id, Attendance.enrollment_id.in_(block))
        )
    }
    for enrollment_id, is_present in changes.items():
        attendance = existing.get(enrollment_id)
        if attendance is None:
            attendance = Attendance(event_id=event.id, enrollment_id=enrollment_id)
            s.add(attendance)
        attendance.present = bool(is_present)
        attendance.hours = event.hours if is_present else 0.0
    s.flush()
    return event_info(event, _present_counts(s, [event.id]).get(event.id, 0))


@writes(Permission.PANEL_WORK)
def set_attendance(
    ctx: ServiceContext, event_id: int, changes: dict[int, bool], today: dt.date | None = None
) -> EventInfo:
    """Record present/absent for several members at once: all of it, or nothing."""
    with transaction(ctx) as s:
        return _apply(s, load_event(s, event_id, writable=True), changes, today or today_local())


@writes(Permission.PANEL_WORK)
def mark_all_present(ctx: ServiceContext, event_id: int, today: dt.date | None = None) -> EventInfo:
    """Everyone who was a member on the event's day is present (the usual case for 발대식)."""
    with transaction(ctx) as s:
        event = load_event(s, event_id, writable=True)
        ids = [
            e.id
            for e in s.scalars(
                select(Enrollment)
                .join(Member, Member.id == Enrollment.member_id)
                .where(
                    Enrollment.cohort_id == event.cohort_id,
                    Enrollment.deleted_at.is_(None),
                    Member.deleted_at.is_(None),
                )
            )
            if in_period(e, event.event_date)
        ]
        if not ids:
            raise DomainError("이 행사 날짜에 활동 중인 단원이 없습니다.")
        return _apply(s, event, dict.fromkeys(ids, True), today or today_local())
