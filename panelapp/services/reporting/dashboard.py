"""대시보드: one cohort at a glance, every figure defined as the list it clicks through to.

- inspections: the cohort's visits (not deleted) by status; upcoming = 예정 in the next 14 days.
- findings: those recorded on the cohort's inspections (as the 발견사항 page lists them), by
  severity and category; 긴급 ones that no live proposal covers stay on top until one does.
- proposals: the cohort's, by status. Acceptance rate = adopted / decided, adopted being
  채택·부분채택 and what followed them (추진중, 완료), decided adding 불채택. Days to answer
  run from 접수 to the department's answer date; overdue follows proposal_rules.is_overdue.
- participation: active enrolments, their mean credited hours and mean attendance rate
  (activity_stats; members for whom no event was held yet are left out of the rate).
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from panelapp.db.models import (
    Cohort,
    Enrollment,
    Facility,
    Finding,
    Inspection,
    Proposal,
    Team,
    proposal_findings,
)
from panelapp.domain.enums import (
    EnrollmentStatus,
    FindingCategory,
    InspectionStatus,
    ProposalStatus,
    Severity,
)
from panelapp.domain.errors import NotFoundError
from panelapp.domain.localtime import KST
from panelapp.domain.proposal_rules import ADOPTED, days_to_answer, is_overdue
from panelapp.services.activities.stats import stats_for
from panelapp.services.context import ServiceContext, reading

UPCOMING_DAYS = 14


@dataclass(frozen=True)
class UrgentFinding:
    id: int
    title: str
    facility_name: str
    location: str | None
    observed_on: dt.date


@dataclass(frozen=True)
class UpcomingInspection:
    id: int
    scheduled_date: dt.date
    start_time: dt.time | None
    facility_name: str
    team_name: str | None


@dataclass(frozen=True)
class DashboardData:
    cohort_id: int
    cohort_name: str
    today: dt.date
    inspections: dict[InspectionStatus, int]
    findings_by_severity: dict[Severity, int]
    findings_by_category: dict[FindingCategory, int]
    proposals_by_status: dict[ProposalStatus, int]
    adopted: int
    declined: int
    median_days_to_answer: float | None
    answered: int
    overdue: int
    active_members: int
    mean_hours: float | None
    mean_attendance_rate: float | None
    upcoming: tuple[UpcomingInspection, ...]
    urgent_without_proposal: tuple[UrgentFinding, ...]

    @property
    def acceptance_rate(self) -> float | None:
        decided = self.adopted + self.declined
        return None if decided == 0 else self.adopted / decided

    @property
    def findings_total(self) -> int:
        return sum(self.findings_by_severity.values())

    @property
    def proposals_total(self) -> int:
        return sum(self.proposals_by_status.values())


def _tally(enum_cls, rows) -> dict:
    counts = {member: 0 for member in enum_cls}
    for key, n in rows:
        counts[key] += n
    return counts


def load_dashboard(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> DashboardData:
    today = today or dt.datetime.now(KST).date()
    with reading(ctx) as s:
        cohort = s.get(Cohort, cohort_id)
        if cohort is None or cohort.deleted_at is not None:
            raise NotFoundError("기수")
        live_inspections = (Inspection.cohort_id == cohort_id, Inspection.deleted_at.is_(None))
        inspections = _tally(
            InspectionStatus,
            s.execute(
                select(Inspection.status, func.count()).where(*live_inspections).group_by(Inspection.status)
            ),
        )
        findings = (
            select(Finding)
            .join(Inspection, Inspection.id == Finding.inspection_id)
            .where(Inspection.cohort_id == cohort_id, Finding.deleted_at.is_(None))
            .subquery()
        )
        by_severity = _tally(
            Severity, s.execute(select(findings.c.severity, func.count()).group_by(findings.c.severity))
        )
        by_category = _tally(
            FindingCategory,
            s.execute(select(findings.c.category, func.count()).group_by(findings.c.category)),
        )
        proposals = s.execute(
            select(Proposal.status, Proposal.submitted_on, Proposal.answered_on, Proposal.due_on).where(
                Proposal.cohort_id == cohort_id, Proposal.deleted_at.is_(None)
            )
        ).all()
        days = [
            d for d in (days_to_answer(p.submitted_on, p.answered_on) for p in proposals) if d is not None
        ]
        enrollment_ids = list(
            s.scalars(
                select(Enrollment.id).where(
                    Enrollment.cohort_id == cohort_id,
                    Enrollment.deleted_at.is_(None),
                    Enrollment.status == EnrollmentStatus.ACTIVE,
                )
            )
        )
        stats = stats_for(s, enrollment_ids, today).values()
        rates = [st.rate for st in stats if st.rate is not None]
        return DashboardData(
            cohort_id,
            cohort.name,
            today,
            inspections,
            by_severity,
            by_category,
            _tally(ProposalStatus, ((p.status, 1) for p in proposals)),
            sum(1 for p in proposals if p.status in ADOPTED),
            sum(1 for p in proposals if p.status == ProposalStatus.DECLINED),
            float(statistics.median(days)) if days else None,
            len(days),
            sum(1 for p in proposals if is_overdue(p.status, p.due_on, today)),
            len(enrollment_ids),
            statistics.fmean(st.hours for st in stats) if enrollment_ids else None,
            statistics.fmean(rates) if rates else None,
            _upcoming(s, live_inspections, today),
            _urgent(s, cohort_id),
        )


def _upcoming(s: Session, live, today: dt.date) -> tuple[UpcomingInspection, ...]:
    last = today + dt.timedelta(days=UPCOMING_DAYS - 1)
    rows = s.execute(
        select(Inspection.id, Inspection.scheduled_date, Inspection.start_time, Facility.name, Team.name)
        .join(Facility, Facility.id == Inspection.facility_id)
        .outerjoin(Team, Team.id == Inspection.team_id)
        .where(
            *live,
            Inspection.status == InspectionStatus.PLANNED,
            Inspection.scheduled_date.between(today, last),
        )
        .order_by(Inspection.scheduled_date, Inspection.start_time, Inspection.id)
    )
    return tuple(UpcomingInspection(*row) for row in rows)


def _urgent(s: Session, cohort_id: int) -> tuple[UrgentFinding, ...]:
    covered = exists().where(
        proposal_findings.c.finding_id == Finding.id,
        proposal_findings.c.proposal_id == Proposal.id,
        Proposal.deleted_at.is_(None),
    )
    rows = s.execute(
        select(Finding.id, Finding.title, Facility.name, Finding.location, Finding.observed_on)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(Facility, Facility.id == Finding.facility_id)
        .where(
            Inspection.cohort_id == cohort_id,
            Finding.deleted_at.is_(None),
            Finding.severity == Severity.URGENT,
            ~covered,
        )
        .order_by(Finding.observed_on, Finding.id)
    )
    return tuple(UrgentFinding(*row) for row in rows)
