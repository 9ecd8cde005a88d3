"""Demo builder: results of cohort 7's completed visits, their attendance, and findings with photos.

Runs after build_inspections. Every completed visit gets answers to the checklist (most items
good, some not, a few 해당없음), its actual time and attendance (the lead always, others
mostly); the findings of demo_finding_data are placed at their facility's visits, with
generated photos stored in the managed attachments folder like any photo a user adds. Their
(month, day) is of the material's season and moves with the demo's calendar.
Uses its own seeded generator, so the builders after it see the same random sequence.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from panelapp.db.engine import Database
from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    ChecklistResponse,
    Finding,
    Inspection,
    InspectionAssignment,
)
from panelapp.domain.enums import (
    AssignmentRole,
    ChecklistItemKind,
    FindingCategory,
    InspectionStatus,
    Severity,
)
from panelapp.domain.localtime import KST
from panelapp.services.demo.finding_data import FINDINGS, RESPONSE_NOTES, TEXT_ANSWERS

SEED = 20261031


def build_findings(d) -> None:
    """`d` is demo._Demo."""
    rnd = random.Random(SEED)
    visits = list(
        d.s.scalars(
            select(Inspection)
            .where(Inspection.cohort_id == d.cohorts[7].id, Inspection.status == InspectionStatus.COMPLETED)
            .order_by(Inspection.scheduled_date, Inspection.id)
        )
    )
    if not visits:
        return
    from panelapp.services.checklists.templates import _sections

    items = [i for sec in _sections(d.s, visits[0].template_version_id) for i in sec.items]
    for visit in visits:
        _answers(d, rnd, visit, items)
        _attendance(d, rnd, visit)
    _findings(d, visits)


def _answers(d, rnd: random.Random, visit: Inspection, items) -> None:
    care = rnd.uniform(0.7, 0.95)  # how well this facility was kept that day
    rows = []
    for item in items:
        value = text = note = None
        if item.kind == ChecklistItemKind.SCORE:
            value = str(min(5, max(1, round(rnd.gauss(1 + 4 * care, 0.8)))))
        elif item.kind == ChecklistItemKind.YES_NO:
            roll = rnd.random()
            value = "na" if roll > 0.95 and not item.required else ("yes" if roll < care else "no")
        elif rnd.random() < 0.5:
            text = rnd.choice(TEXT_ANSWERS)
        if rnd.random() < 0.06:
            note = rnd.choice(RESPONSE_NOTES)
        rows.append(
            ChecklistResponse(inspection_id=visit.id, item_id=item.id, value=value, text=text, note=note)
        )
    d.s.add_all(rows)


def _attendance(d, rnd: random.Random, visit: Inspection) -> None:
    start = dt.datetime.combine(visit.scheduled_date, visit.start_time, KST) + dt.timedelta(
        minutes=rnd.randint(-5, 10)
    )
    end = dt.datetime.combine(visit.scheduled_date, visit.end_time, KST) + dt.timedelta(
        minutes=rnd.randint(-15, 10)
    )
    visit.actual_start, visit.actual_end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
    event = d.s.scalar(select(ActivityEvent).where(ActivityEvent.inspection_id == visit.id))
    for a in d.s.scalars(select(InspectionAssignment).where(InspectionAssignment.inspection_id == visit.id)):
        here = a.role == AssignmentRole.LEAD or rnd.random() < 0.9
        a.attended = here
        d.s.add(
            Attendance(
                event_id=event.id,
                enrollment_id=a.enrollment_id,
                present=here,
                hours=event.hours if here else 0.0,
            )
        )
        d.present += here


def _findings(d, visits: list[Inspection]) -> None:
    from panelapp.services.attachments.photos import attach_bytes
    from panelapp.services.attachments.store import attachments_root
    from panelapp.services.demo.photos import photo_bytes

    bind = d.s.get_bind()
    root = attachments_root(Database(bind, None, bind.url))  # only the location is needed here
    by_facility = {f.id: f.name for f in d.facilities}
    phone = 0
    for n, (place, title, category, severity, location, text, (month, day), photos) in enumerate(FINDINGS):
        facility_id = next(fid for fid, name in by_facility.items() if name == place)
        mine = [v for v in visits if v.facility_id == facility_id]
        before = [v for v in mine if v.scheduled_date <= d.cal.on(2026, month, day)]
        visit = (before or mine)[-1]
        f = Finding(
            inspection_id=visit.id,
            facility_id=facility_id,
            title=title,
            category=FindingCategory(category),
            severity=Severity(severity),
            location=location,
            description=text,
            observed_on=visit.scheduled_date,
        )
        d.s.add(f)
        d.s.flush()
        for k in range(photos):
            upright = (n + k) % 3 == 0  # every third photo comes from a phone held upright
            phone += upright
            data = photo_bytes(
                category,
                f"{place} · {location}",
                f"{visit.scheduled_date:%Y-%m-%d} 정책동행단 점검",
                seed=n * 10 + k,
                upright_phone=upright,
            )
            attach_bytes(
                d.s,
                root,
                "finding",
                f.id,
                data,
                f"IMG_{visit.scheduled_date:%Y%m%d}_{n:02d}{k}.jpg",
                caption=title if k == 0 else None,
            )
