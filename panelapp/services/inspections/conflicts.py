"""Warnings before an inspection is saved: the coordinator may still save after confirming.

- the date is a public holiday;
- the lead or a member is in another visit whose time overlaps;
- an assigned person is not an active member of the cohort on that day;
- the facility already has a visit that day.
Cancelled and postponed visits do not take anyone's time, so they never conflict.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import Enrollment, Facility, Inspection, InspectionAssignment, Member
from panelapp.domain.enums import EnrollmentStatus, InspectionStatus
from panelapp.domain.errors import DomainError
from panelapp.domain.holidays_kr import holiday_name
from panelapp.domain.inspection_info import InspectionDraft
from panelapp.services import masking
from panelapp.services.activities.event_rules import in_period
from panelapp.services.context import ServiceContext, reading

WEEKDAYS = "월화수목금토일"
_QUIET = (InspectionStatus.CANCELLED, InspectionStatus.POSTPONED)


class ConflictsPending(DomainError):
    """Not saved: these warnings need the user's confirmation (save again with confirmed=True)."""

    def __init__(self, warnings: list[str]):
        super().__init__("확인이 필요합니다:\n" + "\n".join(f"• {w}" for w in warnings))
        self.warnings = warnings


def day_text(day: dt.date) -> str:
    """2026-10-09(금)"""
    return f"{day:%Y-%m-%d}({WEEKDAYS[day.weekday()]})"


def _span(start: dt.time | None, end: dt.time | None) -> tuple[dt.time, dt.time]:
    return start or dt.time(0), end or dt.time(23, 59, 59)


def _overlaps(a: tuple[dt.time, dt.time], b: tuple[dt.time, dt.time]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _time_text(i: Inspection) -> str:
    return f"{i.start_time:%H:%M}–{i.end_time:%H:%M}" if i.start_time and i.end_time else "시간 미정"


def conflicts_in(s: Session, draft: InspectionDraft, masked: bool = False) -> list[str]:
    """The warnings for one visit, in the order a coordinator would fix them (people's names
    masked for an account that sees them masked: services/masking.py)."""
    day = draft.scheduled_date
    if day is None:
        return []
    out: list[str] = []
    holiday = holiday_name(day)
    if holiday:
        out.append(f"{day_text(day)}은 공휴일({holiday})입니다.")
    people = ([draft.lead_id] if draft.lead_id is not None else []) + [
        m for m in draft.member_ids if m != draft.lead_id
    ]
    # a member who withdrew their consent is masked for everyone (processing has stopped)
    rows = (
        s.execute(
            select(Enrollment.id, Member.name, masking.withdrew_consent())
            .join(Member, Member.id == Enrollment.member_id)
            .where(Enrollment.id.in_(people))
        ).all()
        if people
        else []
    )
    names = {k: masking.name(v, masked or bool(gone)) for k, v, gone in rows}
    same_day = [
        i
        for i in s.scalars(
            select(Inspection)
            .where(
                Inspection.cohort_id == draft.cohort_id,
                Inspection.scheduled_date == day,
                Inspection.deleted_at.is_(None),
                Inspection.status.not_in(_QUIET),
            )
            .order_by(Inspection.start_time)
        )
        if i.id != draft.exclude_id
    ]
    facility_names = dict(
        s.execute(
            select(Facility.id, Facility.name).where(
                Facility.id.in_({i.facility_id for i in same_day} | {draft.facility_id})
            )
        ).all()
    )
    mine = _span(draft.start_time, draft.end_time)
    for other in same_day:
        if other.facility_id == draft.facility_id:
            out.append(
                f"{facility_names.get(other.facility_id, '이 시설')}에는 {day_text(day)}에 이미 점검이 "
                f"있습니다({_time_text(other)}, {other.status.label})."
            )
    for other in same_day:
        if not _overlaps(mine, _span(other.start_time, other.end_time)):
            continue
        busy = set(
            s.scalars(
                select(InspectionAssignment.enrollment_id).where(
                    InspectionAssignment.inspection_id == other.id
                )
            )
        )
        for person in people:
            if person in busy:
                out.append(
                    f"{names.get(person, '배정된 단원')} 님은 {day_text(day)} 같은 시간에 "
                    f"'{facility_names.get(other.facility_id, '')} 점검'({_time_text(other)})에도 "
                    "배정되어 있습니다."
                )
    for e in s.scalars(select(Enrollment).where(Enrollment.id.in_(people))) if people else []:
        # A member who left later still counts for the visits before they left.
        if not in_period(e, day) or (e.status != EnrollmentStatus.ACTIVE and e.left_on is None):
            state = (
                f"{e.joined_on:%Y-%m-%d}부터 활동"
                if day < e.joined_on
                else f"{e.status.label} {e.left_on:%Y-%m-%d}"
                if e.left_on
                else e.status.label
            )
            out.append(f"{names.get(e.id, '')} 님은 {day_text(day)}에 활동 중인 단원이 아닙니다({state}).")
    return out


def find_conflicts(ctx: ServiceContext, draft: InspectionDraft) -> list[str]:
    """Korean sentences, one per warning; empty when nothing needs a second look."""
    with reading(ctx) as s:
        return conflicts_in(s, draft, masking.personal_masked(ctx))


def find_series_conflicts(ctx: ServiceContext, draft: InspectionDraft, dates: list[dt.date]) -> list[str]:
    with reading(ctx) as s:
        return series_conflicts_in(s, draft, dates, masking.personal_masked(ctx))


def series_conflicts_in(
    s: Session, draft: InspectionDraft, dates: list[dt.date], masked: bool = False
) -> list[str]:
    from dataclasses import replace

    out: list[str] = []
    for day in dates:
        out += conflicts_in(s, replace(draft, scheduled_date=day), masked)
    return out
