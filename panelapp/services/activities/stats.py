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


@dataclass(frozen=True)
class EnrollmentStats:
    hours: float
    attended: int
    held: int

    @property
    def rate(self) -> float | None:
        return None if self.held == 0 else self.attended / self.held


def hours_subquery(enrollment_ids: list[int] | None = None):
    """(enrollment_id, hours) for every enrolment with credited hours (or only those given)."""
    attended = (
        select(Attendance.enrollment_id.label("enrollment_id"), Attendance.hours.label("hours"))
        .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
        .where(Attendance.present.is_(True), ActivityEvent.deleted_at.is_(None))
    )
    posts = select(ContentPost.enrollment_id.label("enrollment_id"), ContentPost.hours.label("hours")).where(
        ContentPost.deleted_at.is_(None)
    )
    if enrollment_ids is not None:  # filter inside: a grouped subquery is not narrowed from outside
        attended = attended.where(Attendance.enrollment_id.in_(enrollment_ids))
        posts = posts.where(ContentPost.enrollment_id.in_(enrollment_ids))
    union = attended.union_all(posts).subquery()
    return (
        select(union.c.enrollment_id, func.sum(union.c.hours).label("hours"))
        .group_by(union.c.enrollment_id)
        .subquery("enrollment_hours")
    )


def held_and_attended_subquery(today: dt.date | None = None, enrollment_ids: list[int] | None = None):
    """(enrollment_id, held, attended) counted within each enrolment's own period."""
    today = today or dt.date.today()
    in_period = and_(
        ActivityEvent.cohort_id == Enrollment.cohort_id,
        ActivityEvent.deleted_at.is_(None),
        ActivityEvent.event_date <= today,
        ActivityEvent.event_date >= Enrollment.joined_on,
        or_(Enrollment.left_on.is_(None), ActivityEvent.event_date <= Enrollment.left_on),
    )
    recorded = and_(Attendance.event_id == ActivityEvent.id, Attendance.enrollment_id == Enrollment.id)
    # An inspection is held for the members it was assigned to (their attendance rows), not for all.
    counts = or_(ActivityEvent.kind != EventKind.INSPECTION, Attendance.id.is_not(None))
    stmt = (
        select(
            Enrollment.id.label("enrollment_id"),
            func.count(case((counts, ActivityEvent.id)).distinct()).label("held"),
            func.count(case((Attendance.present.is_(True), ActivityEvent.id)).distinct()).label("attended"),
        )
        .join(ActivityEvent, in_period)
        .outerjoin(Attendance, recorded)
    )
    if enrollment_ids is not None:
        stmt = stmt.where(Enrollment.id.in_(enrollment_ids))
    return stmt.group_by(Enrollment.id).subquery("enrollment_rate")


def stats_for(
    session: Session, enrollment_ids: list[int], today: dt.date | None = None
) -> dict[int, EnrollmentStats]:
    if not enrollment_ids:
        return {}
    hours = hours_subquery(enrollment_ids)
    rate = held_and_attended_subquery(today, enrollment_ids)
    rows = session.execute(
        select(
            Enrollment.id,
            func.coalesce(hours.c.hours, 0.0),
            func.coalesce(rate.c.attended, 0),
            func.coalesce(rate.c.held, 0),
        )
        .outerjoin(hours, hours.c.enrollment_id == Enrollment.id)
        .outerjoin(rate, rate.c.enrollment_id == Enrollment.id)
        .where(Enrollment.id.in_(enrollment_ids))
    )
    return {eid: EnrollmentStats(float(h), int(a), int(n)) for eid, h, a, n in rows}
