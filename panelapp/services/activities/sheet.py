"""The attendance sheet of the 활동·출석 page, for large cohorts: ids first, rows by id.

A cohort can have 100,000 members and, through its inspection visits, 50,000 events. The page
holds two ordered id lists (events, members) and asks for the rows about to be painted, a block
at a time; the figures its labels need are GROUP BYs on the database:

- `event_ids` / `event_rows`: the events, oldest first, each with how many attended and how many
  were recorded on it (a visit is for the members recorded on it, see activity_stats);
- `events_summary`: how many events were held and their hours, how many members were in their
  period on each event that counts for everyone, and the event the page opens on;
- `sheet_ids` / `sheet_rows`: every live enrolment by team then name, with hours and rate;
- `event_marks`: for the chosen event, who is marked present, who has a record and who can be
  ticked — id sets, so ticking everyone never needs the rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from panelapp.db.models import ActivityEvent, Attendance, Enrollment, Inspection, Member, Team
from panelapp.domain.enums import EnrollmentStatus, EventKind, MemberRole
from panelapp.domain.localtime import today_local
from panelapp.domain.participation import attendance_rate
from panelapp.services import masking
from panelapp.services.activities.event_rules import EventInfo, event_info, load_cohort, load_event
from panelapp.services.activities.stats import (
    BLOCK,
    cohort_wide_event,
    counted_visit,
    for_everyone,
    stats_for,
)
from panelapp.services.audit.log import record_access
from panelapp.services.context import ServiceContext, reading

_OPEN_END = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class EventRow:
    info: EventInfo
    recorded: int  # live members with an attendance record on it, within their period (visits only)

    @property
    def id(self) -> int:
        return self.info.id


@dataclass(frozen=True)
class EventsSummary:
    total: int
    held: int  # held by today: events for everyone by date, visits once completed (as the report)
    held_hours: float
    members: dict[int, int]  # event id → members in their period that day (events for everyone)
    default_event_id: int | None  # the latest held event taken here, else the latest held, else the first


@dataclass(frozen=True)
class SheetMember:
    enrollment_id: int
    name: str
    team_name: str | None
    role: MemberRole
    status: EnrollmentStatus
    joined_on: dt.date
    left_on: dt.date | None
    hours: float
    attended: int
    held: int

    @property
    def rate(self) -> float | None:
        return attendance_rate(self.attended, self.held)  # the one definition (domain/participation)

    def in_period(self, day: dt.date) -> bool:
        return self.joined_on <= day and (self.left_on is None or day <= self.left_on)


@dataclass(frozen=True)
class EventMarks:
    event: EventInfo
    present: frozenset[int]  # enrolments marked present
    recorded: frozenset[int]  # enrolments with a record (present or absent)
    recordable: frozenset[int]  # enrolments that can be ticked: in their period, held, not a visit
    today: dt.date

    @property
    def held(self) -> bool:
        return self.event.event_date <= self.today


def _live_members(cohort_id: int) -> tuple[ColumnElement[bool], ...]:
    return (Enrollment.cohort_id == cohort_id, Enrollment.deleted_at.is_(None), Member.deleted_at.is_(None))


def _in_period(day: Any) -> ColumnElement[bool]:
    return and_(Enrollment.joined_on <= day, or_(Enrollment.left_on.is_(None), Enrollment.left_on >= day))


def _live_events(cohort_id: int) -> tuple[ColumnElement[bool], ...]:
    return (ActivityEvent.cohort_id == cohort_id, ActivityEvent.deleted_at.is_(None))


def _for_everyone() -> ColumnElement[bool]:
    """Events every member in their period counts: not a visit (stats.for_everyone: one
    expression, so that PostgreSQL does not expect a single such event)."""
    return for_everyone()


def _ids(s: Session, stmt: Any) -> list[int]:
    result = s.connection().execute(stmt)
    try:
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()


# ----- events ------------------------------------------------------------------------------------
def event_ids(ctx: ServiceContext, cohort_id: int) -> list[int]:
    """The cohort's live events, oldest first."""
    with reading(ctx) as s:
        return _ids(
            s,
            select(ActivityEvent.id)
            .where(*_live_events(cohort_id))
            .order_by(ActivityEvent.event_date, ActivityEvent.start_time, ActivityEvent.id),
        )


def event_rows(ctx: ServiceContext, ids: list[int], *, counts: bool = True) -> list[EventRow]:
    """The events with these ids (a block), in any order; deleted ones are left out. With
    `counts=False` present and recorded are zero: an event for everyone has a record per member
    (80,000 rows for one event of a large cohort), so the page counts them on a worker
    (event_counts)."""
    ids = list(ids)[:BLOCK]
    if not ids:
        return []
    with reading(ctx) as s:
        events = list(
            s.scalars(
                select(ActivityEvent).where(ActivityEvent.id.in_(ids), ActivityEvent.deleted_at.is_(None))
            )
        )
        found = _event_counts(s, ids) if counts else {}
        shown = masking.text_masker(s, masking.personal_masked(ctx))  # members named in titles, notes
        return [
            EventRow(event_info(e, found.get(e.id, (0, 0))[0], shown), found.get(e.id, (0, 0))[1])
            for e in events
        ]


def event_counts(ctx: ServiceContext, ids: list[int]) -> dict[int, tuple[int, int]]:
    """{event id: (present, recorded)} for a block of events (recorded: live members with a
    record within their period)."""
    with reading(ctx) as s:
        return _event_counts(s, list(ids)[:BLOCK])


def _event_counts(s: Session, ids: list[int]) -> dict[int, tuple[int, int]]:
    if not ids:
        return {}
    present = {
        k: v
        for k, v in s.execute(
            select(Attendance.event_id, func.count())
            .where(Attendance.event_id.in_(ids), Attendance.present.is_(True))
            .group_by(Attendance.event_id)
        )
    }
    recorded = {
        k: v
        for k, v in s.execute(
            select(Attendance.event_id, func.count())
            .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
            .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
            .join(Member, Member.id == Enrollment.member_id)
            .where(
                Attendance.event_id.in_(ids),
                ActivityEvent.kind == EventKind.INSPECTION,  # only a visit shows it
                Enrollment.deleted_at.is_(None),
                Member.deleted_at.is_(None),
                _in_period(ActivityEvent.event_date),
            )
            .group_by(Attendance.event_id)
        )
    }
    return {i: (present.get(i, 0), recorded.get(i, 0)) for i in ids}


def events_summary(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> EventsSummary:
    today = today or today_local()
    with reading(ctx) as s:
        load_cohort(s, cohort_id)
        # Held as participation and the report count it (appendix): an event for everyone by its
        # date, a visit once its results are entered; a postponed or cancelled visit is not held.
        held = and_(ActivityEvent.event_date <= today, or_(cohort_wide_event(), Inspection.id.is_not(None)))
        total, held_count, hours = s.execute(
            select(
                func.count(),
                func.count(case((held, 1))),
                func.coalesce(func.sum(case((held, ActivityEvent.hours), else_=0.0)), 0.0),
            )
            .select_from(ActivityEvent)
            .outerjoin(Inspection, counted_visit())
            .where(*_live_events(cohort_id))
        ).one()
        # Members grouped by period first: (periods × events for everyone) stays small.
        left = func.coalesce(Enrollment.left_on, _OPEN_END)
        periods = (
            select(Enrollment.joined_on, left.label("left_key"), func.count().label("n"))
            .join(Member, Member.id == Enrollment.member_id)
            .where(*_live_members(cohort_id))
            .group_by(Enrollment.joined_on, left)
            .subquery("periods")
        )
        # The events for everyone grouped too: PostgreSQL then reads them once (a few dozen)
        # instead of scanning a date range of the cohort's visits once per period.
        everyone = (
            select(ActivityEvent.id.label("id"), ActivityEvent.event_date.label("day"))
            .where(*_live_events(cohort_id), _for_everyone())
            .group_by(ActivityEvent.id, ActivityEvent.event_date)
            .subquery("everyone")
        )
        members: dict[int, int] = dict(
            s.execute(
                select(everyone.c.id, func.sum(periods.c.n))
                .select_from(everyone)
                .join(
                    periods,
                    and_(everyone.c.day >= periods.c.joined_on, everyone.c.day <= periods.c.left_key),
                )
                .group_by(everyone.c.id)
            ).all()
        )
        return EventsSummary(
            int(total),
            int(held_count),
            float(hours),
            {int(k): int(v) for k, v in members.items()},
            _default_event(s, cohort_id, today),
        )


def _default_event(s: Session, cohort_id: int, today: dt.date) -> int | None:
    latest = (ActivityEvent.event_date.desc(), ActivityEvent.start_time.desc(), ActivityEvent.id.desc())
    held = ActivityEvent.event_date <= today
    for where in ((held, _for_everyone()), (held,)):
        found = s.scalar(
            select(ActivityEvent.id).where(*_live_events(cohort_id), *where).order_by(*latest).limit(1)
        )
        if found is not None:
            return found
    first = (ActivityEvent.event_date, ActivityEvent.start_time, ActivityEvent.id)
    return s.scalar(select(ActivityEvent.id).where(*_live_events(cohort_id)).order_by(*first).limit(1))


# ----- members -----------------------------------------------------------------------------------
def sheet_ids(ctx: ServiceContext, cohort_id: int) -> list[int]:
    """Every live enrolment of the cohort (active, withdrawn, completed): by team, then name."""
    no_team_last = case((Team.id.is_(None), 1), else_=0)
    with reading(ctx) as s:
        ids = _ids(
            s,
            select(Enrollment.id)
            .join(Member, Member.id == Enrollment.member_id)
            .outerjoin(Team, (Team.id == Enrollment.team_id) & Team.deleted_at.is_(None))
            .where(*_live_members(cohort_id))
            .order_by(no_team_last, Team.sort_order, Member.name, Enrollment.id),
        )
    # the sheet lists the members' names (masked): a count, like the roster's view
    record_access(ctx, "view_attendance", count=len(ids), detail=f"cohort_id={cohort_id}")
    return ids


def sheet_rows(
    ctx: ServiceContext, ids: list[int], today: dt.date | None = None, *, stats: bool = True
) -> list[SheetMember]:
    """The members with these enrolment ids (a block), in any order, with hours and rate (zero
    with `stats=False`: a block's stats read its members' scattered attendance rows, and the
    page fetches them on a worker, see activities.stats.block_stats)."""
    ids = list(ids)[:BLOCK]
    if not ids:
        return []
    with reading(ctx) as s:
        rows = s.execute(
            select(
                Enrollment.id,
                Member.name,
                Team.name,
                Enrollment.role,
                Enrollment.status,
                Enrollment.joined_on,
                Enrollment.left_on,
                masking.withdrew_consent(),
            )
            .join(Member, Member.id == Enrollment.member_id)
            .outerjoin(Team, (Team.id == Enrollment.team_id) & Team.deleted_at.is_(None))
            .where(Enrollment.id.in_(ids), Enrollment.deleted_at.is_(None), Member.deleted_at.is_(None))
        ).all()
        found = stats_for(s, [r[0] for r in rows], today) if stats else {}
    masked = masking.personal_masked(ctx)
    out = []
    for eid, name, team, role, status, joined, left, withdrew in rows:
        st = found.get(eid)
        out.append(
            SheetMember(
                eid,
                masking.name(name, masked or withdrew),
                team,
                role,
                status,
                joined,
                left,
                st.hours if st else 0.0,
                st.attended if st else 0,
                st.held if st else 0,
            )
        )
    return out


def event_marks(ctx: ServiceContext, event_id: int, today: dt.date | None = None) -> EventMarks:
    """Who is present, recorded and tickable on one event (ids of live enrolments)."""
    today = today or today_local()
    with reading(ctx) as s:
        event = load_event(s, event_id)
        present = {}
        for enrollment_id, is_present in s.execute(
            select(Attendance.enrollment_id, Attendance.present)
            .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
            .join(Member, Member.id == Enrollment.member_id)
            .where(Attendance.event_id == event_id, *_live_members(event.cohort_id))
        ):
            present[enrollment_id] = bool(is_present)
        recordable: list[int] = []
        if event.kind != EventKind.INSPECTION and event.event_date <= today:
            recordable = _ids(
                s,
                select(Enrollment.id)
                .join(Member, Member.id == Enrollment.member_id)
                .where(*_live_members(event.cohort_id), _in_period(event.event_date)),
            )
        info = event_info(
            event,
            sum(1 for v in present.values() if v),
            masking.text_masker(s, masking.personal_masked(ctx)),
        )
        return EventMarks(
            info,
            frozenset(k for k, v in present.items() if v),
            frozenset(present),
            frozenset(recordable),
            today,
        )
