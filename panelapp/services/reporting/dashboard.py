"""대시보드: one cohort at a glance, every figure defined as the list it clicks through to.

- inspections: the cohort's visits (not deleted) by status; upcoming = 예정 in the next 14 days;
  awaiting results = 예정 and dated before today (결과 미입력: domain/inspection_info.py).
- findings: those recorded on the cohort's inspections (as the 발견사항 page lists them), by
  severity and category; 긴급 ones that no live proposal covers stay on top until one does
  (the oldest URGENT_SHOWN listed, all of them counted).
- proposals: the cohort's, by status. Acceptance rate = adopted / decided, adopted being
  채택·부분채택 and what followed them (추진중, 완료), decided adding 불채택. Days to answer
  run from 접수 to the department's answer date; overdue follows proposal_rules.is_overdue.
- members: the cohort's enrolments by status; the tile counts the active ones (활동 중) and says
  how many were ever enrolled and how many left, which is what the report's "참여 단원 46/46명"
  counts (everyone enrolled during its period, those who left included).
- participation: active enrolments, the mean of their credited hours and the mean of their
  attendance rates, each member's figures being the roster's (activities.stats, the rule in
  domain/participation.py); members not yet expected at any event are left out of the rate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, and_, case, func, select
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
from panelapp.domain.formatting import format_rate
from panelapp.domain.localtime import today_local
from panelapp.domain.participation import hours_text
from panelapp.domain.proposal_rules import ADOPTED, UNANSWERED
from panelapp.services import masking
from panelapp.services.activities.stats import rate_expression, stats_subquery
from panelapp.services.context import ServiceContext, reading
from panelapp.services.inspections.listing import awaiting_filter
from panelapp.services.inspections.rules import InspectionQuery
from panelapp.services.proposals.next_year import CarriedSummary, carried_into_in

UPCOMING_DAYS = 14
URGENT_SHOWN = 50  # the banner lists the oldest ones; its title counts them all


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
    urgent_without_proposal: tuple[UrgentFinding, ...]  # the oldest URGENT_SHOWN
    urgent_count: int = 0  # every urgent finding without a proposal
    awaiting_results: int = 0  # 예정 visits whose day has passed (결과 미입력)
    carried: CarriedSummary | None = None  # 이월 과제 (Overview.carried)

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


@dataclass(frozen=True)
class Participation:
    """The participation figures: the one part of the dashboard that reads every attendance row."""

    active_members: int
    mean_hours: float | None
    mean_attendance_rate: float | None

    @property
    def hours_text(self) -> str:
        """The mean hours as the roster and the report print hours ("–" with no member)."""
        return "–" if self.mean_hours is None else hours_text(self.mean_hours)

    @property
    def rate_text(self) -> str:
        return format_rate(self.mean_attendance_rate)


def _tally(enum_cls, rows) -> dict:
    counts = {member: 0 for member in enum_cls}
    for key, n in rows:
        counts[key] += n
    return counts


def _days_between(start, end, sqlite: bool):
    """Whole days from start to end, on the database (SQLite keeps dates as ISO text)."""
    if sqlite:
        return func.cast(func.julianday(end) - func.julianday(start), Integer)
    return end - start  # PostgreSQL: date - date is an integer number of days


def _median(histogram: list[tuple[int, int]]) -> float | None:
    """The median of a multiset given as sorted (value, count) pairs."""
    total = sum(n for _v, n in histogram)
    if total == 0:
        return None
    wanted = [(total - 1) // 2, total // 2]  # positions of the middle one or two values
    found: list[int] = []
    seen = 0
    for value, n in histogram:
        while wanted and wanted[0] < seen + n:
            found.append(value)
            wanted.pop(0)
        seen += n
    return (found[0] + found[1]) / 2


def _load_cohort(s, cohort_id: int) -> Cohort:
    cohort = s.get(Cohort, cohort_id)
    if cohort is None or cohort.deleted_at is not None:
        raise NotFoundError("기수")
    return cohort


@dataclass(frozen=True)
class Overview:
    """The figures that read the cohort's inspections and proposals (a few GROUP BYs)."""

    cohort_id: int
    cohort_name: str
    today: dt.date
    inspections: dict[InspectionStatus, int]
    proposals_by_status: dict[ProposalStatus, int]
    adopted: int
    declined: int
    median_days_to_answer: float | None
    answered: int
    overdue: int
    members_by_status: dict[EnrollmentStatus, int]
    upcoming: tuple[UpcomingInspection, ...]
    awaiting_results: int = 0  # 예정 visits whose day has passed (결과 미입력)
    # 이월 과제: what the cohort before this one carried into its 차년도 업무계획, counted apart
    # (never in proposals_by_status: a carried proposal counts in its own cohort only)
    carried: CarriedSummary | None = None

    @property
    def acceptance_rate(self) -> float | None:
        decided = self.adopted + self.declined
        return None if decided == 0 else self.adopted / decided

    @property
    def proposals_total(self) -> int:
        return sum(self.proposals_by_status.values())

    @property
    def active_members(self) -> int:
        return self.members_by_status[EnrollmentStatus.ACTIVE]

    @property
    def enrolled_members(self) -> int:
        """Everyone enrolled in the cohort, those who left or finished included."""
        return sum(self.members_by_status.values())

    @property
    def members_text(self) -> str:
        """The tile's detail: how the active count relates to the report's count of everyone
        enrolled ("등록 46명 · 중도 탈퇴 2명")."""
        parts = [f"등록 {self.enrolled_members:,}명"]
        for status in (EnrollmentStatus.WITHDRAWN, EnrollmentStatus.COMPLETED):
            if self.members_by_status[status]:
                parts.append(f"{status.label} {self.members_by_status[status]:,}명")
        return " · ".join(parts)


@dataclass(frozen=True)
class FindingFigures:
    """The findings by severity and category, and the urgent ones no live proposal covers."""

    by_severity: dict[Severity, int]
    by_category: dict[FindingCategory, int]
    urgent_count: int  # all of them
    urgent: tuple[UrgentFinding, ...]  # the oldest URGENT_SHOWN of them

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())


def load_overview(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> Overview:
    today = today or today_local()
    with reading(ctx) as s:
        return _overview(s, _load_cohort(s, cohort_id), today, ctx.db.is_sqlite)


def load_findings(ctx: ServiceContext, cohort_id: int) -> FindingFigures:
    with reading(ctx) as s:
        _load_cohort(s, cohort_id)
        return _findings(s, cohort_id, masking.text_masker(s, masking.personal_masked(ctx)))


def load_dashboard(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> DashboardData:
    """Every figure at once (the page loads the three parts apart, the slow ones last)."""
    today = today or today_local()
    with reading(ctx) as s:
        o = _overview(s, _load_cohort(s, cohort_id), today, ctx.db.is_sqlite)
        f = _findings(s, cohort_id, masking.text_masker(s, masking.personal_masked(ctx)))
        p = _participation(s, cohort_id, today)
    return DashboardData(
        o.cohort_id,
        o.cohort_name,
        o.today,
        o.inspections,
        f.by_severity,
        f.by_category,
        o.proposals_by_status,
        o.adopted,
        o.declined,
        o.median_days_to_answer,
        o.answered,
        o.overdue,
        p.active_members,
        p.mean_hours,
        p.mean_attendance_rate,
        o.upcoming,
        f.urgent,
        f.urgent_count,
        o.awaiting_results,
        o.carried,
    )


def _overview(s: Session, cohort: Cohort, today: dt.date, sqlite: bool) -> Overview:
    live_inspections = (Inspection.cohort_id == cohort.id, Inspection.deleted_at.is_(None))
    inspections = _tally(
        InspectionStatus,
        s.execute(
            select(Inspection.status, func.count()).where(*live_inspections).group_by(Inspection.status)
        ),
    )
    # a proposal marked as a duplicate counts nowhere (proposals/duplicate_marks.py)
    live_proposals = (
        Proposal.cohort_id == cohort.id,
        Proposal.deleted_at.is_(None),
        Proposal.duplicate_of_id.is_(None),
    )
    by_status: dict[ProposalStatus, int] = {member: 0 for member in ProposalStatus}
    overdue = 0
    for status, n, past_due in s.execute(
        select(
            Proposal.status,
            func.count(),
            func.count(case((and_(Proposal.due_on.is_not(None), Proposal.due_on < today), 1))),
        )
        .where(*live_proposals)
        .group_by(Proposal.status)
    ):
        by_status[status] += n
        if status in UNANSWERED:  # proposal_rules.is_overdue: unanswered and past its due date
            overdue += past_due
    # 답변 소요 in working days (근무일), as 부서별 답변 처리 and every list count it: the answered
    # proposals per (접수일, 답변일) pair, turned into a working-day histogram in Python
    # (reporting/sla.py's way: holidays are not SQL)
    from panelapp.services.reporting.sla import working_day_histogram

    pairs = s.execute(
        select(Proposal.cohort_id, Proposal.submitted_on, Proposal.answered_on, func.count())
        .where(*live_proposals, Proposal.answered_on.is_not(None))
        .group_by(Proposal.cohort_id, Proposal.submitted_on, Proposal.answered_on)
    ).all()
    histogram = sorted(working_day_histogram(pairs).items())
    return Overview(
        cohort.id,
        cohort.name,
        today,
        inspections,
        by_status,
        sum(by_status[st] for st in ADOPTED),
        by_status[ProposalStatus.DECLINED],
        _median(histogram),
        sum(n for _d, n in histogram),
        overdue,
        _members_by_status(s, cohort.id),
        _upcoming(s, live_inspections, today),
        s.scalar(
            select(func.count())
            .select_from(Inspection)
            .where(*live_inspections, *awaiting_filter(InspectionQuery(cohort.id, awaiting_before=today)))
        )
        or 0,
        carried_into_in(s, cohort.id),
    )


def _findings(s: Session, cohort_id: int, shown) -> FindingFigures:
    by_severity = {member: 0 for member in Severity}
    by_category = {member: 0 for member in FindingCategory}
    # read off ix_findings_severity_category already grouped, the cohort tested per finding
    # (EXISTS): joined from the cohort's visits, SQLite sorted a million rows in a temp B-tree
    # for this GROUP BY (no hash aggregate there)
    in_cohort = (
        select(Inspection.id)
        .where(Inspection.id == Finding.inspection_id, Inspection.cohort_id == cohort_id)
        .exists()
    )
    for severity, category, n in s.execute(
        select(Finding.severity, Finding.category, func.count())
        .where(Finding.deleted_at.is_(None), in_cohort)
        .group_by(Finding.severity, Finding.category)
    ):
        by_severity[severity] += n
        by_category[category] += n
    if not by_severity[Severity.URGENT]:
        return FindingFigures(by_severity, by_category, 0, ())
    # the urgent ones apart: a correlated NOT EXISTS inside the aggregate above ran once per
    # finding on PostgreSQL; alone it is an anti-join there and index lookups on SQLite
    urgent = s.scalar(
        select(func.count())
        .select_from(Finding)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .where(*_urgent_uncovered(cohort_id))
    )
    return FindingFigures(
        by_severity, by_category, urgent or 0, _urgent(s, cohort_id, shown) if urgent else ()
    )


def _active(cohort_id: int):
    return (
        Enrollment.cohort_id == cohort_id,
        Enrollment.deleted_at.is_(None),
        Enrollment.status == EnrollmentStatus.ACTIVE,
    )


def _members_by_status(s, cohort_id: int) -> dict[EnrollmentStatus, int]:
    return _tally(
        EnrollmentStatus,
        s.execute(
            select(Enrollment.status, func.count())
            .where(Enrollment.cohort_id == cohort_id, Enrollment.deleted_at.is_(None))
            .group_by(Enrollment.status)
        ),
    )


def _participation(s, cohort_id: int, today: dt.date) -> Participation:
    stats = stats_subquery(today, cohort_id=cohort_id)
    rate = rate_expression(stats)
    count, mean_hours, mean_rate = s.execute(
        select(func.count(), func.avg(stats.c.hours), func.avg(rate))  # AVG skips the NULL rates
        .select_from(Enrollment)
        .join(stats, stats.c.enrollment_id == Enrollment.id)
        .where(*_active(cohort_id))
    ).one()
    return Participation(
        int(count),
        None if not count else float(mean_hours),
        None if mean_rate is None else float(mean_rate),
    )


def load_participation(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> Participation:
    """Active members, their mean credited hours and mean attendance rate (activity_stats)."""
    today = today or today_local()
    with reading(ctx) as s:
        _load_cohort(s, cohort_id)
        return _participation(s, cohort_id, today)


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


def _urgent_uncovered(cohort_id: int):
    """The cohort's urgent findings (not deleted) that no live proposal covers, for a query over
    Finding joined to Inspection. NOT EXISTS, correlated: per urgent finding a lookup in
    ix_proposal_findings_finding_id (NOT IN built the list of every covered finding first: 0.2 s
    at a million findings). proposal_findings.finding_id is never NULL, so the two agree."""
    covered = (
        select(proposal_findings.c.finding_id)
        .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
        .where(
            proposal_findings.c.finding_id == Finding.id,
            Proposal.deleted_at.is_(None),
            Proposal.duplicate_of_id.is_(None),
        )
    )
    return (
        Inspection.cohort_id == cohort_id,
        Finding.deleted_at.is_(None),
        Finding.severity == Severity.URGENT,
        ~covered.exists(),
    )


def _urgent(s: Session, cohort_id: int, shown) -> tuple[UrgentFinding, ...]:
    """The oldest urgent findings no proposal covers; `shown`: masking.text_masker of the reader."""
    rows = s.execute(
        select(Finding.id, Finding.title, Facility.name, Finding.location, Finding.observed_on)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(Facility, Facility.id == Finding.facility_id)
        .where(*_urgent_uncovered(cohort_id))
        .order_by(Finding.observed_on, Finding.id)  # ix_findings_severity_observed_on's order
        .limit(URGENT_SHOWN)
    )
    return tuple(masking.texts_masked(UrgentFinding(*row), shown, "title", "location") for row in rows)
