"""What a new proposal starts from, and what can be linked to one.

A proposal made from findings is pre-filled: the findings' facility (when they share one),
that facility's managing department, a title and the 현황 및 문제점 text built from the
findings. The coordinator edits the draft before saving it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from panelapp.db.models import Enrollment, Facility, Finding, Inspection, Member, Team
from panelapp.domain.enums import EnrollmentStatus, Severity
from panelapp.domain.errors import NotFoundError
from panelapp.domain.localtime import today_local
from panelapp.services.context import ServiceContext, reading
from panelapp.services.org.deadlines import due_for_findings, rules_in
from panelapp.services.proposals.manage import ProposalInput

_SEVERITY_ORDER = {Severity.URGENT: 0, Severity.HIGH: 1, Severity.MEDIUM: 2, Severity.LOW: 3}


@dataclass(frozen=True)
class FindingChoice:
    id: int
    label: str  # "2026-05-12 · 한빛체육관 · 탈의실 바닥 미끄러움 (높음)"
    facility_id: int


def draft_from_findings(
    ctx: ServiceContext, cohort_id: int, finding_ids, today: dt.date | None = None
) -> ProposalInput:
    today = today or today_local()
    ids = list(dict.fromkeys(finding_ids))
    with reading(ctx) as s:
        rows = s.execute(
            select(Finding, Facility)
            .join(Facility, Facility.id == Finding.facility_id)
            .where(Finding.id.in_(ids), Finding.deleted_at.is_(None))
        ).all()
        if not rows:
            raise NotFoundError("발견사항")
        rows.sort(key=lambda r: (_SEVERITY_ORDER[r[0].severity], r[0].observed_on, r[0].id))
        facilities = {f.id: f for _finding, f in rows}
        facility = next(iter(facilities.values())) if len(facilities) == 1 else None
        first = rows[0][0]
        if len(rows) == 1:
            title = first.title
        else:
            title = f"{first.title} 외 {len(rows) - 1}건 개선"
        if facility is not None and facility.name not in title:
            title = f"{facility.name} {title}"
        lines = []
        for finding, f in rows:
            where = f"{f.name}" + (f" {finding.location}" if finding.location else "")
            head = (
                f"- [{finding.category.label}·{finding.severity.label}] {finding.title} ({where}, "
                f"{finding.observed_on:%Y-%m-%d} 점검)"
            )
            lines.append(head + (f"\n  {finding.description}" if finding.description else ""))
        return ProposalInput(
            cohort_id=cohort_id,
            title=title[:200],
            problem="\n".join(lines),
            facility_id=facility.id if facility else None,
            department_id=facility.department_id if facility else None,
            submitted_on=today,
            due_on=due_for_findings(s, today, [f.id for f, _ in rows]),
            finding_ids=tuple(f.id for f, _ in rows),
        )


def blank_draft(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> ProposalInput:
    """A proposal made without findings: received today, due after the default 답변 기한."""
    today = today or today_local()
    with reading(ctx) as s:
        return ProposalInput(cohort_id, "", submitted_on=today, due_on=due_for_findings(s, today, ()))


def linkable_findings(
    ctx: ServiceContext, cohort_id: int, facility_id: int | None = None
) -> list[FindingChoice]:
    """Findings from the cohort's visits (or recorded without a visit), newest first."""
    q = (
        select(Finding, Facility.name)
        .join(Facility, Facility.id == Finding.facility_id)
        .outerjoin(Inspection, Inspection.id == Finding.inspection_id)
        .where(
            Finding.deleted_at.is_(None),
            or_(Inspection.cohort_id == cohort_id, Finding.inspection_id.is_(None)),
        )
    )
    if facility_id is not None:
        q = q.where(Finding.facility_id == facility_id)
    with reading(ctx) as s:
        rows = s.execute(q.order_by(Finding.observed_on.desc(), Finding.id.desc())).all()
        return [
            FindingChoice(
                f.id, f"{f.observed_on:%Y-%m-%d} · {name} · {f.title} ({f.severity.label})", f.facility_id
            )
            for f, name in rows
        ]


def proposer_choices(ctx: ServiceContext, cohort_id: int) -> list[tuple[int, str]]:
    """Active members of the cohort who can be named as a proposal's proposer (names masked for
    an account that sees them masked: services/masking.py)."""
    from panelapp.services import masking

    with reading(ctx) as s:
        rows = s.execute(
            select(Enrollment.id, Member.name, Team.name)
            .join(Member, Member.id == Enrollment.member_id)
            .outerjoin(Team, Team.id == Enrollment.team_id)
            .where(
                Enrollment.cohort_id == cohort_id,
                Enrollment.deleted_at.is_(None),
                Enrollment.status == EnrollmentStatus.ACTIVE,
                Member.deleted_at.is_(None),
                Member.destroyed_at.is_(None),
            )
            .order_by(Member.name, Enrollment.id)
        ).all()
    masked = masking.personal_masked(ctx)
    return [(eid, f"{masking.name(name, masked)} · {team or '미배정'}") for eid, name, team in rows]


@dataclass(frozen=True)
class FormChoices:
    """What the proposal pages and dialogs offer: in one read."""

    facilities: tuple[tuple[int, str, int | None], ...]  # (id, name, managing department id)
    departments: tuple[tuple[int, str], ...]  # active ones, 가나다
    proposers: tuple[tuple[int, str], ...]
    cohorts: tuple[tuple[int, str], ...]
    default_answer_days: int = 10  # the 답변 기한 of a proposal without findings (working days)


def form_choices(ctx: ServiceContext, cohort_id: int | None, with_proposers: bool = True) -> FormChoices:
    """`with_proposers=False` for the page's filters: a cohort can have 100,000 members and only
    the dialog offers them. A 부서 담당자 is offered their own department alone (the only one
    whose proposals they read: permissions.department_scope)."""
    from panelapp.domain.answer_deadlines import default_days
    from panelapp.services.cohorts.manage import list_cohorts
    from panelapp.services.permissions import department_scope
    from panelapp.services.registers.departments import list_departments
    from panelapp.services.registers.facilities import list_facilities

    with reading(ctx) as s:
        scope = department_scope(ctx, s)
        answer_days = default_days(rules_in(s))
    return FormChoices(
        tuple((f.id, f.name, f.department_id) for f in list_facilities(ctx)),
        tuple(
            (d.id, d.name) for d in list_departments(ctx, active_only=True) if scope is None or d.id == scope
        ),
        tuple(proposer_choices(ctx, cohort_id)) if cohort_id is not None and with_proposers else (),
        tuple((c.id, c.display_name) for c in list_cohorts(ctx)),
        answer_days,
    )
