"""A cohort with visits, findings, proposals and one event, built straight from the models,
for the dashboard tests (service and page)."""

from __future__ import annotations

import datetime as dt
import uuid

from schedule_world import build_world

from panelapp.db.models import ActivityEvent, Attendance, Finding, Inspection, Proposal, proposal_findings
from panelapp.domain.enums import EventKind, FindingCategory, InspectionStatus, ProposalStatus, Severity
from panelapp.services.context import transaction

D = dt.date
TODAY = D(2026, 6, 10)
PS = ProposalStatus


def add_inspection(s, w, day, status, facility=None):
    i = Inspection(
        uid=uuid.uuid4().hex,
        cohort_id=w.cohort_id,
        facility_id=facility or w.gym,
        team_id=w.team_id,
        scheduled_date=day,
        start_time=dt.time(10),
        status=status,
    )
    s.add(i)
    s.flush()
    return i


def build_dashboard_world(ctx):
    """Returns (world, ids) with ids of the urgent finding and the visits by name."""
    w = build_world(ctx)
    ids = {}
    with transaction(ctx) as s:
        done = add_inspection(s, w, D(2026, 5, 12), InspectionStatus.COMPLETED)
        add_inspection(s, w, D(2026, 5, 20), InspectionStatus.COMPLETED, w.park_fac)
        ids["soon"] = add_inspection(s, w, D(2026, 6, 15), InspectionStatus.PLANNED, w.lot).id
        add_inspection(s, w, D(2026, 6, 30), InspectionStatus.PLANNED)  # beyond 14 days
        add_inspection(s, w, D(2026, 6, 1), InspectionStatus.POSTPONED)
        add_inspection(s, w, D(2026, 6, 2), InspectionStatus.CANCELLED)
        gone = add_inspection(s, w, D(2026, 6, 12), InspectionStatus.PLANNED)
        gone.deleted_at = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
        specs = [
            ("바닥 미끄럼", Severity.URGENT, FindingCategory.SAFETY),
            ("조명 고장", Severity.HIGH, FindingCategory.STRUCTURE),
            ("휴지통 넘침", Severity.LOW, FindingCategory.CLEANLINESS),
            ("경사로 없음", Severity.HIGH, FindingCategory.ACCESSIBILITY),
            ("비상벨 고장", Severity.URGENT, FindingCategory.SAFETY),
        ]
        findings = []
        for title, severity, category in specs:
            f = Finding(
                inspection_id=done.id,
                facility_id=w.gym,
                title=title,
                severity=severity,
                category=category,
                location="1층",
                observed_on=D(2026, 5, 12),
            )
            s.add(f)
            findings.append(f)
        s.add(
            Finding(
                inspection_id=done.id,
                facility_id=w.gym,
                title="지운 것",
                severity=Severity.URGENT,
                category=FindingCategory.SAFETY,
                observed_on=D(2026, 5, 12),
                deleted_at=dt.datetime(2026, 5, 13, tzinfo=dt.UTC),
            )
        )
        s.flush()
        ids["urgent"], ids["covered"] = findings[0].id, findings[4].id

        def proposal(title, status, submitted, answered=None, due=None):
            p = Proposal(
                cohort_id=w.cohort_id,
                title=title,
                status=status,
                submitted_on=submitted,
                answered_on=answered,
                due_on=due,
            )
            s.add(p)
            s.flush()
            return p

        covering = proposal("비상벨 교체", PS.ACCEPTED, D(2026, 5, 13), D(2026, 5, 14))
        s.execute(proposal_findings.insert().values(proposal_id=covering.id, finding_id=findings[4].id))
        proposal("조명 교체", PS.PARTIAL, D(2026, 5, 13), D(2026, 5, 20))
        proposal("경사로 설치", PS.DECLINED, D(2026, 5, 13), D(2026, 5, 27))
        proposal("휴지통 추가", PS.DONE, D(2026, 5, 1), D(2026, 5, 4))
        proposal("주차 안내", PS.SUBMITTED, D(2026, 5, 20), due=D(2026, 6, 3))  # overdue
        proposal("안내판 정비", PS.REVIEWING, D(2026, 6, 1), due=D(2026, 6, 10))  # due today: on time
        proposal("놀이터 보수", PS.SUBMITTED, D(2026, 6, 5), due=None)
        ids["proposals"] = 7
        event = ActivityEvent(
            cohort_id=w.cohort_id, kind=EventKind.TRAINING, title="교육", event_date=D(2026, 4, 1), hours=2.0
        )
        s.add(event)
        s.flush()
        s.add_all(
            [Attendance(event_id=event.id, enrollment_id=e, present=True, hours=2.0) for e in (w.lead, w.kim)]
        )
    return w, ids
