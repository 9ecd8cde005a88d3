"""The report's appendix: the period's activities with attendance, and each member's part in them.

Each member's figures are the roster's (panelapp/services/activities/stats.py, the rule in
domain/participation.py) as of the report date, narrowed to the report's period: the cohort-wide
events and the completed visits they were assigned to, inside their enrolment and the period;
hours are those of the events attended plus the content posts of the same span.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from panelapp.db.models import ActivityEvent, Attendance, Enrollment, Inspection, Member, Team
from panelapp.domain.participation import NO_FIGURES
from panelapp.domain.report_data import EventRow, ParticipationRow
from panelapp.services import masking
from panelapp.services.activities.stats import cohort_stats, cohort_wide_event, counted_visit


def load_appendix(
    s: Session,
    cohort_id: int,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    name: Callable[[str], str],
    shown: Callable[[str | None], str | None] | None = None,
) -> tuple[tuple[EventRow, ...], tuple[ParticipationRow, ...]]:
    """`name` masks members' names, `shown` (masking.text_masker of the report) the names written
    into the events' titles."""
    show = shown or (lambda text: text)
    present = (
        select(Attendance.event_id, func.count(Attendance.id).label("n"))
        .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
        .where(
            ActivityEvent.cohort_id == cohort_id,
            ActivityEvent.event_date.between(start, end),
            Attendance.present.is_(True),
        )
        .group_by(Attendance.event_id)
        .subquery()
    )
    # Held as participation counts it: a cohort-wide event by its date, a visit once completed.
    counted = or_(cohort_wide_event(), Inspection.id.is_not(None))
    events = s.execute(
        select(
            ActivityEvent.id,
            ActivityEvent.event_date,
            ActivityEvent.kind,
            ActivityEvent.title,
            ActivityEvent.hours,
            func.coalesce(present.c.n, 0),
            counted,
        )
        .outerjoin(present, present.c.event_id == ActivityEvent.id)
        .outerjoin(Inspection, counted_visit())
        .where(
            ActivityEvent.cohort_id == cohort_id,
            ActivityEvent.deleted_at.is_(None),
            ActivityEvent.event_date.between(start, end),
        )
        .order_by(ActivityEvent.event_date, ActivityEvent.start_time, ActivityEvent.id)
    ).all()
    event_rows = tuple(
        EventRow(d, kind.label, show(title) or "", float(hours or 0), int(n), d <= today and bool(held))
        for _id, d, kind, title, hours, n, held in events
    )

    people = s.execute(
        select(
            Enrollment.id,
            Member.name,
            Team.name,
            Enrollment.role,
            Enrollment.status,
            masking.withdrew_consent(),
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
    figures = cohort_stats(s, cohort_id, today, window=(start, end))
    rows = []
    for e_id, person, team, role, status, withdrew in people:
        mine = figures.get(e_id, NO_FIGURES)
        rows.append(
            ParticipationRow(
                masking.name(person) if withdrew else name(person),
                team,
                role.label,
                status.label,
                mine.attended,
                mine.held,
                mine.hours,
            )
        )
    return event_rows, tuple(rows)
