"""Hours and attendance rate of enrolments: one definition for the roster, certificates, reports.

- hours: the sum of Attendance.hours over non-deleted events where the member was present,
  plus hours credited for content posts.
- attendance rate: events attended / events held (event date not in the future, not deleted)
  between the member's joined date and left date. None when no event was held yet. An
  inspection counts only for the members who have an attendance record for it (those assigned
  and marked present or absent when its results were entered), not for the whole cohort.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from panelapp.db.models import ActivityEvent, Attendance, ContentPost, Enrollment
from panelapp.domain.enums import EventKind
from panelapp.services.context import ServiceContext, reading


@dataclass(frozen=True)
class EnrollmentStats:
    hours: float
    attended: int
    held: int

    @property
    def rate(self) -> float | None:
        return None if self.held == 0 else self.attended / self.held


# Dates compare as ISO text on SQLite and as dates on PostgreSQL: a far date stands in for
# "still a member" so that (joined_on, left_on) pairs can be grouped and joined on equality.
_OPEN_END = dt.date(9999, 12, 31)
BLOCK = 500  # ids per query when a caller hands over more (a block of rows is 100)


def _scope(cohort_id: int | None, enrollment_ids: list[int] | None):
    """Which enrolments: a whole cohort (joined on, never listed) or a block of at most BLOCK ids."""
    if cohort_id is not None:
        return Enrollment.cohort_id == cohort_id
    if enrollment_ids is None:
        raise ValueError("a cohort or a block of enrolment ids")
    if len(enrollment_ids) > BLOCK:
        raise ValueError(f"at most {BLOCK} enrolment ids per query (use the cohort)")
    return Enrollment.id.in_(enrollment_ids)


def _attendance_part(today: dt.date, scope):
    """(enrollment_id, hours, attended, held inspections) from the attendance rows alone.

    An inspection counts as held only for the members recorded on it, so its part of "held"
    comes from the same rows as "attended": one pass over the cohort's attendance."""
    in_period = and_(
        ActivityEvent.cohort_id == Enrollment.cohort_id,
        ActivityEvent.event_date <= today,
        ActivityEvent.event_date >= Enrollment.joined_on,
        or_(Enrollment.left_on.is_(None), ActivityEvent.event_date <= Enrollment.left_on),
    )
    present = Attendance.present.is_(True)
    return (
        select(
            Attendance.enrollment_id.label("enrollment_id"),
            func.sum(case((present, Attendance.hours), else_=0.0)).label("hours"),
            func.count(case((and_(present, in_period), 1))).label("attended"),
            func.count(case((and_(ActivityEvent.kind == EventKind.INSPECTION, in_period), 1))).label("held"),
        )
        .join(
            ActivityEvent, and_(ActivityEvent.id == Attendance.event_id, ActivityEvent.deleted_at.is_(None))
        )
        .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
        .where(scope)
        .group_by(Attendance.enrollment_id)
        .subquery("stats_attendance")
    )


def _posts_part(scope):
    return (
        select(ContentPost.enrollment_id.label("enrollment_id"), func.sum(ContentPost.hours).label("hours"))
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
        .where(scope, ContentPost.deleted_at.is_(None))
        .group_by(ContentPost.enrollment_id)
        .subquery("stats_posts")
    )


def _left_key(column):
    return func.coalesce(column, _OPEN_END)


def _events_held_part(today: dt.date, scope, cohort_id: int | None):
    """(cohort_id, joined_on, left key, held) for the events that count for everyone in their period.

    Both sides are grouped first, so the join is (distinct periods) × (distinct event days) —
    a few thousand rows — however many members and inspection visits the cohort has."""
    cohorts = (
        ActivityEvent.cohort_id == cohort_id
        if cohort_id is not None
        else ActivityEvent.cohort_id.in_(select(Enrollment.cohort_id).where(scope).distinct())
    )
    days = (
        select(ActivityEvent.cohort_id, ActivityEvent.event_date.label("day"), func.count().label("n"))
        .where(
            cohorts,
            # A visit's event has its inspection_id (unique, indexed): looking up the NULLs finds
            # the few events of the other kinds without reading every visit of the cohort.
            ActivityEvent.inspection_id.is_(None),
            ActivityEvent.kind != EventKind.INSPECTION,
            ActivityEvent.deleted_at.is_(None),
            ActivityEvent.event_date <= today,
        )
        .group_by(ActivityEvent.cohort_id, ActivityEvent.event_date)
        .subquery("stats_days")
    )
    left = _left_key(Enrollment.left_on)
    periods = (
        select(Enrollment.cohort_id, Enrollment.joined_on, left.label("left_key"))
        .where(scope)
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
    today: dt.date | None = None, *, cohort_id: int | None = None, enrollment_ids: list[int] | None = None
):
    """(enrollment_id, hours, attended, held) for every enrolment of a cohort, or of a block of
    ids, to join or sort on. Aggregates on the database; nothing grows with the data but rows."""
    today = today or dt.date.today()
    scope = _scope(cohort_id, enrollment_ids)
    att, posts, held = (
        _attendance_part(today, scope),
        _posts_part(scope),
        _events_held_part(today, scope, cohort_id),
    )
    return (
        select(
            Enrollment.id.label("enrollment_id"),
            (func.coalesce(att.c.hours, 0.0) + func.coalesce(posts.c.hours, 0.0)).label("hours"),
            func.coalesce(att.c.attended, 0).label("attended"),
            (func.coalesce(att.c.held, 0) + func.coalesce(held.c.held, 0)).label("held"),
        )
        .outerjoin(att, att.c.enrollment_id == Enrollment.id)
        .outerjoin(posts, posts.c.enrollment_id == Enrollment.id)
        .outerjoin(
            held,
            and_(
                held.c.cohort_id == Enrollment.cohort_id,
                held.c.joined_on == Enrollment.joined_on,
                held.c.left_key == _left_key(Enrollment.left_on),
            ),
        )
        .where(scope)
        .subquery("enrollment_stats")
    )


def hours_subquery(cohort_id: int):
    """(enrollment_id, hours) of the cohort's enrolments with credited hours: the cheaper half of
    stats_subquery, for sorting by hours (no periods, no events held)."""
    attended = (
        select(Attendance.enrollment_id.label("enrollment_id"), Attendance.hours.label("hours"))
        .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
        .where(
            ActivityEvent.cohort_id == cohort_id,
            Attendance.present.is_(True),
            ActivityEvent.deleted_at.is_(None),
        )
    )
    posts = (
        select(ContentPost.enrollment_id.label("enrollment_id"), ContentPost.hours.label("hours"))
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
        .where(Enrollment.cohort_id == cohort_id, ContentPost.deleted_at.is_(None))
    )
    union = attended.union_all(posts).subquery()
    return (
        select(union.c.enrollment_id, func.sum(union.c.hours).label("hours"))
        .group_by(union.c.enrollment_id)
        .subquery("enrollment_hours")
    )


def _read(session: Session, stats) -> dict[int, EnrollmentStats]:
    rows = session.execute(select(stats.c.enrollment_id, stats.c.hours, stats.c.attended, stats.c.held))
    return {eid: EnrollmentStats(float(h), int(a), int(n)) for eid, h, a, n in rows}


def stats_for(
    session: Session, enrollment_ids: list[int], today: dt.date | None = None
) -> dict[int, EnrollmentStats]:
    """Stats of a few enrolments (a block of rows, one member), BLOCK ids per query."""
    found: dict[int, EnrollmentStats] = {}
    ids = list(dict.fromkeys(enrollment_ids))
    for start in range(0, len(ids), BLOCK):
        found.update(_read(session, stats_subquery(today, enrollment_ids=ids[start : start + BLOCK])))
    return found


def cohort_stats(
    session: Session, cohort_id: int, today: dt.date | None = None
) -> dict[int, EnrollmentStats]:
    """Stats of every enrolment of the cohort (deleted ones included: callers filter)."""
    return _read(session, stats_subquery(today, cohort_id=cohort_id))


def block_stats(
    ctx: ServiceContext, enrollment_ids: list[int], today: dt.date | None = None
) -> dict[int, EnrollmentStats]:
    """Stats of a block of enrolments, in their own read (the lists fetch them off the UI thread)."""
    with reading(ctx) as s:
        return stats_for(s, enrollment_ids, today)
