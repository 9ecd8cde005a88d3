"""The report's appendix: the period's activities with attendance, and each member's part in them.

Counted as panelapp/services/activities/stats.py counts, narrowed to the report's period:
events held are those dated on or before the report date within the member's own enrolment;
hours are the present attendances' hours plus the hours credited for content posts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from panelapp.db.models import ActivityEvent, Attendance, ContentPost, Enrollment, Member, Team
from panelapp.domain.report_data import EventRow, ParticipationRow


def load_appendix(
    s: Session, cohort_id: int, start: dt.date, end: dt.date, today: dt.date, name: Callable[[str], str]
) -> tuple[tuple[EventRow, ...], tuple[ParticipationRow, ...]]:
    present = (
        select(Attendance.event_id, func.count(Attendance.id).label("n"))
        .where(Attendance.present.is_(True))
        .group_by(Attendance.event_id)
        .subquery()
    )
    events = s.execute(
        select(
            ActivityEvent.id,
            ActivityEvent.event_date,
            ActivityEvent.kind,
            ActivityEvent.title,
            ActivityEvent.hours,
            func.coalesce(present.c.n, 0),
        )
        .outerjoin(present, present.c.event_id == ActivityEvent.id)
        .where(
            ActivityEvent.cohort_id == cohort_id,
            ActivityEvent.deleted_at.is_(None),
            ActivityEvent.event_date.between(start, end),
        )
        .order_by(ActivityEvent.event_date, ActivityEvent.start_time, ActivityEvent.id)
    ).all()
    event_rows = tuple(
        EventRow(d, kind.label, title, float(hours or 0), int(n), d <= today)
        for _id, d, kind, title, hours, n in events
    )
    held_dates = [(e_id, d) for e_id, d, *_ in events if d <= today]

    people = s.execute(
        select(
            Enrollment.id,
            Member.name,
            Team.name,
            Enrollment.role,
            Enrollment.status,
            Enrollment.joined_on,
            Enrollment.left_on,
        )
        .join(Member, Member.id == Enrollment.member_id)
        .outerjoin(Team, (Team.id == Enrollment.team_id) & Team.deleted_at.is_(None))
        .where(
            Enrollment.cohort_id == cohort_id,
            Enrollment.deleted_at.is_(None),
            Enrollment.joined_on <= end,
            or_(Enrollment.left_on.is_(None), Enrollment.left_on >= start),
        )
        .order_by(Team.sort_order, Member.name, Enrollment.id)
    ).all()
    attended: dict[int, set[int]] = defaultdict(set)
    hours: dict[int, float] = defaultdict(float)
    event_ids = {e_id for e_id, _d in held_dates}
    for e_id, enrollment_id, h in s.execute(
        select(Attendance.event_id, Attendance.enrollment_id, Attendance.hours)
        .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
        .where(
            ActivityEvent.cohort_id == cohort_id,
            ActivityEvent.deleted_at.is_(None),
            ActivityEvent.event_date.between(start, end),
            Attendance.present.is_(True),
        )
    ):
        if e_id in event_ids:
            attended[enrollment_id].add(e_id)
        hours[enrollment_id] += float(h or 0)
    for enrollment_id, h in s.execute(
        select(ContentPost.enrollment_id, func.sum(ContentPost.hours))
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
        .where(
            Enrollment.cohort_id == cohort_id,
            ContentPost.deleted_at.is_(None),
            ContentPost.published_on.between(start, end),
        )
        .group_by(ContentPost.enrollment_id)
    ):
        hours[enrollment_id] += float(h or 0)

    rows = []
    for e_id, person, team, role, status, joined, left in people:
        mine = {ev for ev, d in held_dates if d >= joined and (left is None or d <= left)}
        rows.append(
            ParticipationRow(
                name(person),
                team,
                role.label,
                status.label,
                len(attended[e_id] & mine),
                len(mine),
                round(hours[e_id], 1),
            )
        )
    return event_rows, tuple(rows)
