"""Hours and attendance rate of enrolments, on the database: the one place they are computed.

The rule (who was expected at what) is panelapp/domain/participation.py; this module is its SQL,
for a whole cohort or a block of enrolments. Every output takes its figures from here: the
roster (rows, sort by hours or rate), the member dialog, the attendance sheet, the dashboard
(participation part), the report's 단원별 참여, the activity certificate and the roster export.

The figures are made of four GROUP BYs per enrolment, joined on the cohort (never an IN-list of
its enrolments, which broke at 100,000 members):
- cohort-wide events attended (present attendance on live non-visit events inside the span);
- visits: the member's assignments on completed, live visits inside the span, each expected,
  attended when their attendance row is present;
- cohort-wide events held: (distinct enrolment periods) × (distinct event days), a few thousand
  rows however large the cohort;
- content posts' hours published inside the span.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    ContentPost,
    Enrollment,
    Inspection,
    InspectionAssignment,
)
from panelapp.domain.enums import EventKind, InspectionStatus
from panelapp.domain.localtime import KST
from panelapp.domain.participation import ParticipationFigures, Window
from panelapp.services.context import ServiceContext, reading

# The figures of one enrolment (hours, attended, held; rate and the printed texts).
EnrollmentStats = ParticipationFigures

# Dates compare as ISO text on SQLite and as dates on PostgreSQL: a far date stands in for
# "still a member" so that (joined_on, left_on) pairs can be grouped and joined on equality.
_OPEN_END = dt.date(9999, 12, 31)
BLOCK = 500  # ids per query when a caller hands over more (a block of rows is 100)


def local_today() -> dt.date:
    """The day in Korea: the default day the figures are for."""
    return dt.datetime.now(KST).date()


@dataclass(frozen=True)
class _Scope:
    """Which enrolments: a whole cohort (joined on, never listed) or a block of at most BLOCK ids.

    A block names its ids on the table each part reads (`on(Attendance.enrollment_id)`) as well
    as on the enrolments: PostgreSQL then reads those members' rows through the enrolment index
    instead of every attendance of the cohort's events (it cannot carry an IN-list across the
    join as it does an equality)."""

    cohort_id: int | None
    ids: tuple[int, ...] | None

    def on(self, column=None) -> ColumnElement[bool]:
        if self.cohort_id is not None:
            return Enrollment.cohort_id == self.cohort_id
        assert self.ids is not None
        if column is None:
            return Enrollment.id.in_(self.ids)
        return and_(Enrollment.id.in_(self.ids), column.in_(self.ids))


def _scope(cohort_id: int | None, enrollment_ids: list[int] | None) -> _Scope:
    if cohort_id is not None:
        return _Scope(cohort_id, None)
    if enrollment_ids is None:
        raise ValueError("a cohort or a block of enrolment ids")
    if len(enrollment_ids) > BLOCK:
        raise ValueError(f"at most {BLOCK} enrolment ids per query (use the cohort)")
    return _Scope(None, tuple(enrollment_ids))


def in_span(day: ColumnElement[dt.date], today: dt.date, window: Window | None) -> ColumnElement[bool]:
    """SQL of participation.in_span: `day` inside the Enrollment's period, held by `today`, and
    inside the report's window if there is one."""
    conds = [
        day <= today,
        day >= Enrollment.joined_on,
        or_(Enrollment.left_on.is_(None), day <= Enrollment.left_on),
    ]
    if window is not None:
        conds.append(day.between(*window))
    return and_(*conds)


def cohort_wide_event() -> ColumnElement[bool]:
    """SQL: a live event for everyone in the cohort (not an inspection's visit): no inspection_id
    and not of the kind 점검.

    Written as one expression, (CASE WHEN inspection_id IS NULL THEN kind END) <> '점검', which
    is true exactly when both hold (NULL <> x is not true). As two predicates PostgreSQL
    multiplies their selectivities — each ~0.1% at 40 events among 50,000 visits, but they are
    the same 0.1% — and expected one event, hence a few dozen attendance rows instead of 3.3
    million: nested loops over every attendance and on-disk sorts (18 s). It has no statistics
    for the expression and assumes most events pass, so a cohort's figures are planned as the
    hash joins and hash aggregate over its attendance they are, and a block of members is read
    through their own rows. SQLite finds the cohort's events by its cohort index."""
    return and_(for_everyone(), ActivityEvent.deleted_at.is_(None))


def for_everyone() -> ColumnElement[bool]:
    """SQL: an event that is not an inspection's visit (live or not): cohort_wide_event's test."""
    return (
        case((ActivityEvent.inspection_id.is_(None), ActivityEvent.kind), else_=None) != EventKind.INSPECTION
    )


def counted_visit() -> ColumnElement[bool]:
    """Join condition ActivityEvent → Inspection: a live visit whose results were entered (완료)."""
    return and_(
        Inspection.id == ActivityEvent.inspection_id,
        Inspection.status == InspectionStatus.COMPLETED,
        Inspection.deleted_at.is_(None),
        ActivityEvent.deleted_at.is_(None),
    )


def _attended_part(scope, today: dt.date, window: Window | None):
    """(enrollment_id, attended, hours) at the cohort-wide events: the present rows only."""
    return (
        select(
            Attendance.enrollment_id.label("enrollment_id"),
            func.count().label("attended"),
            func.sum(Attendance.hours).label("hours"),
        )
        .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
        .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
        .where(
            scope.on(Attendance.enrollment_id),
            Attendance.present.is_(True),
            cohort_wide_event(),
            ActivityEvent.cohort_id == Enrollment.cohort_id,
            in_span(ActivityEvent.event_date, today, window),
        )
        .group_by(Attendance.enrollment_id)
        .subquery("stats_attended")
    )


def _visits_held_part(scope: _Scope, today: dt.date, window: Window | None):
    """(enrollment_id, held) : the completed visits each member was assigned to."""
    return (
        select(InspectionAssignment.enrollment_id.label("enrollment_id"), func.count().label("held"))
        .join(Enrollment, Enrollment.id == InspectionAssignment.enrollment_id)
        .join(Inspection, Inspection.id == InspectionAssignment.inspection_id)
        .join(ActivityEvent, counted_visit())
        .where(
            scope.on(InspectionAssignment.enrollment_id),
            ActivityEvent.cohort_id == Enrollment.cohort_id,
            in_span(ActivityEvent.event_date, today, window),
        )
        .group_by(InspectionAssignment.enrollment_id)
        .subquery("stats_visits_held")
    )


def _visits_attended_part(scope: _Scope, today: dt.date, window: Window | None):
    """(enrollment_id, attended, hours) at those visits: their present attendance rows, read from
    the attendance side (an inner join on the visit and the assignment) rather than looked up
    once per assignment."""
    return (
        select(
            Attendance.enrollment_id.label("enrollment_id"),
            func.count().label("attended"),
            func.sum(Attendance.hours).label("hours"),
        )
        .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
        .join(Inspection, counted_visit())
        .join(
            InspectionAssignment,
            and_(
                InspectionAssignment.inspection_id == Inspection.id,
                InspectionAssignment.enrollment_id == Attendance.enrollment_id,
            ),
        )
        .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
        .where(
            scope.on(Attendance.enrollment_id),
            Attendance.present.is_(True),
            ActivityEvent.cohort_id == Enrollment.cohort_id,
            in_span(ActivityEvent.event_date, today, window),
        )
        .group_by(Attendance.enrollment_id)
        .subquery("stats_visits_attended")
    )


def _posts_part(scope, today: dt.date, window: Window | None):
    return (
        select(ContentPost.enrollment_id.label("enrollment_id"), func.sum(ContentPost.hours).label("hours"))
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
        .where(
            scope.on(ContentPost.enrollment_id),
            ContentPost.deleted_at.is_(None),
            in_span(ContentPost.published_on, today, window),
        )
        .group_by(ContentPost.enrollment_id)
        .subquery("stats_posts")
    )


def _left_key(column):
    return func.coalesce(column, _OPEN_END)


def _held_part(scope, today: dt.date, window: Window | None, cohort_id: int | None):
    """(cohort_id, joined_on, left key, held) for the cohort-wide events held in each period.

    Both sides are grouped first, so the join is (distinct periods) × (distinct event days) —
    a few thousand rows — however many members and inspection visits the cohort has."""
    cohorts = (
        ActivityEvent.cohort_id == cohort_id
        if cohort_id is not None
        else ActivityEvent.cohort_id.in_(select(Enrollment.cohort_id).where(scope.on()).distinct())
    )
    conds = [cohorts, cohort_wide_event(), ActivityEvent.event_date <= today]
    if window is not None:
        conds.append(ActivityEvent.event_date.between(*window))
    days = (
        select(ActivityEvent.cohort_id, ActivityEvent.event_date.label("day"), func.count().label("n"))
        .where(*conds)
        .group_by(ActivityEvent.cohort_id, ActivityEvent.event_date)
        .subquery("stats_days")
    )
    left = _left_key(Enrollment.left_on)
    periods = (
        select(Enrollment.cohort_id, Enrollment.joined_on, left.label("left_key"))
        .where(scope.on())
        .group_by(Enrollment.cohort_id, Enrollment.joined_on, left)
        .subquery("stats_periods")
    )
    return (
        select(periods.c.cohort_id, periods.c.joined_on, periods.c.left_key, func.sum(days.c.n).label("held"))
        .join(
            days,
            and_(
                days.c.cohort_id == periods.c.cohort_id,
                days.c.day >= periods.c.joined_on,
                days.c.day <= periods.c.left_key,
            ),
        )
        .group_by(periods.c.cohort_id, periods.c.joined_on, periods.c.left_key)
        .subquery("stats_held")
    )


def stats_subquery(
    today: dt.date | None = None,
    *,
    cohort_id: int | None = None,
    enrollment_ids: list[int] | None = None,
    window: Window | None = None,
):
    """(enrollment_id, hours, attended, held) for every enrolment of a cohort, or of a block of
    ids, to join or sort on; `window` narrows to a report's period. Unrounded hours (the reader
    rounds them, ParticipationFigures). Nothing in it grows with the data but rows."""
    today = today or local_today()
    scope = _scope(cohort_id, enrollment_ids)
    att, visits, assigned, posts, held = (
        _attended_part(scope, today, window),
        _visits_attended_part(scope, today, window),
        _visits_held_part(scope, today, window),
        _posts_part(scope, today, window),
        _held_part(scope, today, window, cohort_id),
    )
    return (
        select(
            Enrollment.id.label("enrollment_id"),
            (
                func.coalesce(att.c.hours, 0.0)
                + func.coalesce(visits.c.hours, 0.0)
                + func.coalesce(posts.c.hours, 0.0)
            ).label("hours"),
            (func.coalesce(att.c.attended, 0) + func.coalesce(visits.c.attended, 0)).label("attended"),
            (func.coalesce(held.c.held, 0) + func.coalesce(assigned.c.held, 0)).label("held"),
        )
        .outerjoin(att, att.c.enrollment_id == Enrollment.id)
        .outerjoin(visits, visits.c.enrollment_id == Enrollment.id)
        .outerjoin(assigned, assigned.c.enrollment_id == Enrollment.id)
        .outerjoin(posts, posts.c.enrollment_id == Enrollment.id)
        .outerjoin(
            held,
            and_(
                held.c.cohort_id == Enrollment.cohort_id,
                held.c.joined_on == Enrollment.joined_on,
                held.c.left_key == _left_key(Enrollment.left_on),
            ),
        )
        .where(scope.on())
        .subquery("enrollment_stats")
    )


def hours_subquery(cohort_id: int, today: dt.date | None = None):
    """(enrollment_id, hours) of the cohort's enrolments: stats_subquery's hours without the
    events held, for sorting by hours."""
    today = today or local_today()
    scope = _scope(cohort_id, None)
    att, visits, posts = (
        _attended_part(scope, today, None),
        _visits_attended_part(scope, today, None),
        _posts_part(scope, today, None),
    )
    return (
        select(
            Enrollment.id.label("enrollment_id"),
            (
                func.coalesce(att.c.hours, 0.0)
                + func.coalesce(visits.c.hours, 0.0)
                + func.coalesce(posts.c.hours, 0.0)
            ).label("hours"),
        )
        .outerjoin(att, att.c.enrollment_id == Enrollment.id)
        .outerjoin(visits, visits.c.enrollment_id == Enrollment.id)
        .outerjoin(posts, posts.c.enrollment_id == Enrollment.id)
        .where(scope.on())
        .subquery("enrollment_hours")
    )


def rate_expression(stats):
    """SQL: the attendance rate of a stats_subquery row, NULL while nothing was expected."""
    return case((stats.c.held > 0, stats.c.attended * 1.0 / stats.c.held), else_=None)


def _read(session: Session, stats) -> dict[int, EnrollmentStats]:
    rows = session.execute(select(stats.c.enrollment_id, stats.c.hours, stats.c.attended, stats.c.held))
    return {eid: EnrollmentStats(float(h), int(a), int(n)) for eid, h, a, n in rows}


def stats_for(
    session: Session,
    enrollment_ids: list[int],
    today: dt.date | None = None,
    window: Window | None = None,
) -> dict[int, EnrollmentStats]:
    """Stats of a few enrolments (a block of rows, one member), BLOCK ids per query."""
    found: dict[int, EnrollmentStats] = {}
    ids = list(dict.fromkeys(enrollment_ids))
    for start in range(0, len(ids), BLOCK):
        block = ids[start : start + BLOCK]
        found.update(_read(session, stats_subquery(today, enrollment_ids=block, window=window)))
    return found


def cohort_stats(
    session: Session, cohort_id: int, today: dt.date | None = None, window: Window | None = None
) -> dict[int, EnrollmentStats]:
    """Stats of every enrolment of the cohort (deleted ones included: callers filter)."""
    return _read(session, stats_subquery(today, cohort_id=cohort_id, window=window))


def block_stats(
    ctx: ServiceContext, enrollment_ids: list[int], today: dt.date | None = None
) -> dict[int, EnrollmentStats]:
    """Stats of a block of enrolments, in their own read (the lists fetch them off the UI thread)."""
    with reading(ctx) as s:
        return stats_for(s, enrollment_ids, today)


def counted_attendances(enrollment_id: int, today: dt.date):
    """SQL: (event date, kind, title, hours) of the events that count for this enrolment and
    that it attended — the lines whose hours add up to its attendance hours (the certificate)."""
    cohort_wide = (
        select(ActivityEvent.event_date, ActivityEvent.kind, ActivityEvent.title, Attendance.hours)
        .join(Attendance, Attendance.event_id == ActivityEvent.id)
        .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
        .where(
            Enrollment.id == enrollment_id,
            Attendance.present.is_(True),
            cohort_wide_event(),
            ActivityEvent.cohort_id == Enrollment.cohort_id,
            in_span(ActivityEvent.event_date, today, None),
        )
    )
    visits = (
        select(ActivityEvent.event_date, ActivityEvent.kind, ActivityEvent.title, Attendance.hours)
        .select_from(InspectionAssignment)
        .join(Enrollment, Enrollment.id == InspectionAssignment.enrollment_id)
        .join(Inspection, Inspection.id == InspectionAssignment.inspection_id)
        .join(ActivityEvent, counted_visit())
        .join(
            Attendance,
            and_(
                Attendance.event_id == ActivityEvent.id,
                Attendance.enrollment_id == InspectionAssignment.enrollment_id,
            ),
        )
        .where(
            Enrollment.id == enrollment_id,
            Attendance.present.is_(True),
            ActivityEvent.cohort_id == Enrollment.cohort_id,
            in_span(ActivityEvent.event_date, today, None),
        )
    )
    return cohort_wide.union_all(visits)


def counted_posts(enrollment_id: int, today: dt.date):
    """SQL: (published on, title, hours) of the content posts credited to this enrolment."""
    return (
        select(ContentPost.published_on, ContentPost.title, ContentPost.hours)
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
        .where(
            Enrollment.id == enrollment_id,
            ContentPost.deleted_at.is_(None),
            ContentPost.hours > 0,
            in_span(ContentPost.published_on, today, None),
        )
    )
