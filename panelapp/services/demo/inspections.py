"""Demo builder: a season of 정책동행단 visits for cohort 7, in every status.

Two visits a week from April to late November (Tuesday morning, Thursday afternoon), the
facilities in rotation, a holiday or weekend moving a visit to the next working day. Visits
before November took place, except a few postponed or cancelled with a reason; November's
are planned, with one postponed and one cancelled so every status shows on the calendar.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from panelapp.db.models import ChecklistTemplate, Inspection
from panelapp.domain.enums import InspectionStatus, MemberRole
from panelapp.domain.holidays_kr import holiday_name
from panelapp.services.activities.event_rules import in_period

FIRST_WEEK, LAST_WEEK = dt.date(2026, 4, 6), dt.date(2026, 11, 23)  # Mondays
HELD_BEFORE = dt.date(2026, 11, 1)
SLOTS = ((1, dt.time(10), dt.time(12)), (3, dt.time(14), dt.time(16)))  # (weekday, start, end)
POSTPONED = {
    5: "우천으로 연기",
    23: "시설 내부 공사로 연기",
    55: "시설 행사와 겹쳐 연기",
    63: "조장 일정 변경으로 연기",
}
CANCELLED = {11: "시설 임시 휴관으로 취소", 41: "태풍 예비특보로 취소", 65: "시설 측 요청으로 취소"}


def _working_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5 or holiday_name(day):
        day += dt.timedelta(days=1)
    return day


def build_inspections(d) -> None:
    """`d` is demo._Demo; uses its facilities, cohort 7's policy team and the random generator."""
    from panelapp.services.checklists.templates import (
        _create,
        _info,
        _latest,
        clean_draft,
        load_default_draft,
    )
    from panelapp.services.inspections.scheduling import _sync_event, _write

    draft = clean_draft(load_default_draft())
    # a database opened by the app has the default checklist from its first start: use it
    seeded = d.s.scalar(
        select(ChecklistTemplate).where(
            ChecklistTemplate.name == draft.name, ChecklistTemplate.deleted_at.is_(None)
        )
    )
    template = _info(d.s, seeded, _latest(d.s, seeded.id)) if seeded is not None else _create(d.s, draft)
    cohort, team = d.cohorts[7], d.teams[(7, "정책동행단")]
    policy = [e for e in d.enrollments[7] if e.team_id == team.id]
    leads = [e for e in policy if e.role in (MemberRole.CHIEF, MemberRole.LEADER)]
    others = [e for e in policy if e not in leads]
    n, week = 0, FIRST_WEEK
    while week <= LAST_WEEK:
        for weekday, start, end in SLOTS:
            day = _working_day(week + dt.timedelta(days=weekday))
            facility = d.facilities[n % len(d.facilities)]
            lead = leads[n % len(leads)]
            members = d.rnd.sample([e for e in others if in_period(e, day)], 3)
            insp = Inspection(
                uid=f"{uuid.UUID(int=d.rnd.getrandbits(128), version=4)}@panelapp",
                cohort_id=cohort.id,
                facility_id=facility.id,
                scheduled_date=day,
                start_time=start,
                end_time=end,
                status=InspectionStatus.PLANNED,
            )
            d.s.add(insp)
            d.s.flush()
            _write(
                d.s,
                insp,
                {
                    "facility_id": facility.id,
                    "scheduled_date": day,
                    "start_time": start,
                    "end_time": end,
                    "team_id": team.id,
                    "template_version_id": template.version_id,
                    "notes": None,
                    "lead_id": lead.id,
                    "member_ids": tuple(m.id for m in members),
                    "facility": facility,
                },
            )
            if n in POSTPONED or n in CANCELLED:
                insp.status = InspectionStatus.POSTPONED if n in POSTPONED else InspectionStatus.CANCELLED
                insp.status_reason = POSTPONED.get(n) or CANCELLED[n]
                _sync_event(d.s, insp, facility)
            elif day < HELD_BEFORE:
                insp.status = InspectionStatus.COMPLETED
            n += 1
        week += dt.timedelta(weeks=1)
