"""Demo builder: a season of 정책동행단 visits for cohort 7, in every status.

Two visits a week (Tuesday morning, Thursday afternoon) from the cohort's second month until a
week before its term ends, the facilities in rotation, a holiday moving a visit to the next
working day. Dates come from the demo's calendar (calendar.py). Visits more than two weeks
before the demo's `now` took place, except a few postponed or cancelled with a reason; the
later past ones still wait for their results (one of them postponed, one cancelled), and the
rest are planned.

The visits of the material's own season (68, to the week after BASE_ANCHOR) draw from the
demo's generator; the ones after, whose number depends on the anchor, draw from their own, so
how far ahead the demo is planned never changes the rest of it.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlalchemy import select

from panelapp.db.models import ChecklistTemplate, Inspection
from panelapp.domain.enums import InspectionStatus, MemberRole
from panelapp.services.activities.event_rules import in_period
from panelapp.services.demo.calendar import working_day

FIRST_WEEK = (2026, 4, 6)  # a Monday of the material's season
HELD_BEFORE = (2026, 11, 2)  # visits before it have results; the Monday two weeks before BASE_ANCHOR's
SEASON = 68  # visits of the material's season; later ones draw from their own generator
FUTURE_SEED = 20261201
SLOTS = ((1, dt.time(10), dt.time(12)), (3, dt.time(14), dt.time(16)))  # (weekday, start, end)
POSTPONED = {
    5: "우천으로 연기",
    23: "시설 내부 공사로 연기",
    55: "시설 행사와 겹쳐 연기",
    63: "조장 일정 변경으로 연기",
}
CANCELLED = {11: "시설 임시 휴관으로 취소", 41: "태풍 예비특보로 취소", 65: "시설 측 요청으로 취소"}


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
    held_before, last = d.cal.on(*HELD_BEFORE), d.cal.last_visit_day
    future = random.Random(FUTURE_SEED)
    n, week = 0, d.cal.on(*FIRST_WEEK)
    while week + dt.timedelta(days=SLOTS[0][0]) <= last:
        for weekday, start, end in SLOTS:
            planned = week + dt.timedelta(days=weekday)
            if planned > last:
                break
            day = working_day(planned)
            rnd = d.rnd if n < SEASON else future
            facility = d.facilities[n % len(d.facilities)]
            lead = leads[n % len(leads)]
            members = rnd.sample([e for e in others if in_period(e, day)], 3)
            insp = Inspection(
                uid=f"{uuid.UUID(int=rnd.getrandbits(128), version=4)}@panelapp",
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
            elif day < held_before:
                insp.status = InspectionStatus.COMPLETED
            n += 1
        week += dt.timedelta(weeks=1)
