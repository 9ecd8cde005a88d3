"""The demo's season of inspections: cohort 7, every facility and status, valid by the rules."""

from collections import Counter

from sqlalchemy import select

from panelapp.db.models import ActivityEvent, Attendance
from panelapp.domain.enums import EventKind, InspectionStatus, MemberRole
from panelapp.domain.holidays_kr import holiday_name
from panelapp.services.context import reading
from panelapp.services.demo.build import load_demo
from panelapp.services.inspections.scheduling import (
    InspectionQuery,
    cohort_by_number,
    find_conflicts,
    list_inspections,
)


def test_demo_season_of_inspections(demo_ctx):
    ctx = demo_ctx
    cohort_id, _name = cohort_by_number(ctx, 7)
    rows = list_inspections(ctx, InspectionQuery(cohort_id))
    statuses = Counter(r.status for r in rows)
    assert len(rows) >= 40 and set(statuses) == set(InspectionStatus)
    assert statuses[InspectionStatus.COMPLETED] > len(rows) / 2
    assert all(
        r.status_reason for r in rows if r.status in (InspectionStatus.POSTPONED, InspectionStatus.CANCELLED)
    )
    assert all(r.status_reason is None for r in rows if r.status == InspectionStatus.PLANNED)
    assert len({r.facility_id for r in rows}) == 14
    assert all(r.team_name == "정책동행단" and r.lead_name and len(r.members) == 3 for r in rows)
    assert all(r.template_label == "기본 시설 점검표 v1" and r.holiday is None for r in rows)
    assert all(r.scheduled_date.weekday() < 5 and not holiday_name(r.scheduled_date) for r in rows)
    nov = Counter(r.status for r in rows if r.scheduled_date.month == 11)
    assert {InspectionStatus.PLANNED, InspectionStatus.POSTPONED, InspectionStatus.CANCELLED} <= set(nov)
    for r in rows:  # nothing a coordinator would be warned about
        if r.status not in (InspectionStatus.CANCELLED, InspectionStatus.POSTPONED):
            assert find_conflicts(ctx, r.to_draft()) == [], r
    with reading(ctx) as s:
        events = list(s.scalars(select(ActivityEvent).where(ActivityEvent.kind == EventKind.INSPECTION)))
        live = [e for e in events if e.deleted_at is None]
        assert len(events) == len(rows)
        assert len(live) == len(rows) - statuses[InspectionStatus.CANCELLED]
        ids = {e.inspection_id for e in live}
        # attendance is recorded with the results (demo_findings), so only completed visits have it
        done = {r.id for r in rows if r.status == InspectionStatus.COMPLETED}
        attended = set(
            s.scalars(
                select(ActivityEvent.inspection_id)
                .join(Attendance, Attendance.event_id == ActivityEvent.id)
                .where(ActivityEvent.id.in_([e.id for e in events]))
            )
        )
        assert attended == done
    assert ids == {r.id for r in rows if r.status != InspectionStatus.CANCELLED}


def test_demo_leads_are_group_leaders(demo_ctx):
    ctx = demo_ctx
    from panelapp.db.models import Enrollment

    cohort_id, _ = cohort_by_number(ctx, 7)
    rows = list_inspections(ctx, InspectionQuery(cohort_id))
    with reading(ctx) as s:
        roles = {s.get(Enrollment, r.lead_id).role for r in rows}
    assert roles <= {MemberRole.CHIEF, MemberRole.LEADER}


def test_demo_inspections_are_deterministic(tmp_path, sqlite_demo_ctx):
    from conftest import DEMO_ANCHOR, make_ctx

    fresh = make_ctx("sqlite", tmp_path)  # built again here, compared with the session's demo
    load_demo(fresh, anchor=DEMO_ANCHOR)
    out = []
    for ctx in (fresh, sqlite_demo_ctx):
        cohort_id, _ = cohort_by_number(ctx, 7)
        out.append(
            [
                (r.uid, r.scheduled_date, r.lead_id, r.members, r.status)
                for r in list_inspections(ctx, InspectionQuery(cohort_id))
            ]
        )
    fresh.db.dispose()
    assert out[0] == out[1]
