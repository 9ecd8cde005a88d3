"""Reading proposals: the filtered list, one proposal with its history and findings, choices."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select

from panelapp.db.models import (
    Department,
    Enrollment,
    Facility,
    Finding,
    Member,
    Proposal,
    ProposalEvent,
    ProposalMilestone,
    User,
    proposal_findings,
)
from panelapp.domain.enums import FindingCategory, ProposalStatus, Severity
from panelapp.domain.errors import NotFoundError
from panelapp.domain.localtime import today_local
from panelapp.domain.proposal_rules import UNANSWERED, days_to_answer, days_to_completion, is_overdue
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading


@dataclass(frozen=True)
class ProposalQuery:
    cohort_id: int | None = None
    status: ProposalStatus | None = None
    department_id: int | None = None
    facility_id: int | None = None
    overdue_only: bool = False
    text: str = ""
    today: dt.date | None = None
    no_department: bool = False  # only those without a department (the dashboard's 미지정 row)
    with_duplicates: bool = False  # also those marked as duplicates (left out by default)
    # the proposals this cohort's 차년도 업무계획 carried (the next cohort's 이월 과제), whatever
    # cohort_id says (services/proposals/next_year.py)
    carried_from: int | None = None


@dataclass(frozen=True)
class ProposalRow:
    id: int
    cohort_id: int
    title: str
    facility_id: int | None
    facility_name: str | None
    department_id: int | None
    department_name: str | None
    status: ProposalStatus
    submitted_on: dt.date
    due_on: dt.date | None
    answered_on: dt.date | None
    completed_on: dt.date | None
    days_to_answer: int | None
    days_to_completion: int | None
    overdue: bool
    version: int
    duplicate_of_id: int | None = None  # marked as a duplicate of this proposal (중복으로 표시)


@dataclass(frozen=True)
class EventInfo:
    at: dt.datetime  # UTC
    from_status: ProposalStatus | None
    to_status: ProposalStatus
    user_name: str | None
    note: str | None
    happened_on: dt.date | None = None  # a 진행 상황 update: the day it reports on
    progress: int | None = None  # a 진행 상황 update: percent done, when given
    kind: str | None = None  # a 중복 표시 entry (domain/duplicates.EVENT_LABELS); None otherwise

    @property
    def is_progress(self) -> bool:
        """A 진행 상황 update (no status change) rather than a workflow step."""
        return (
            self.kind is None
            and self.from_status is not None
            and self.from_status == self.to_status
            and not self.is_verification
        )

    @property
    def is_verification(self) -> bool:
        """A next visit's 개선 확인 of a done proposal (results/verifications.py): 완료 stays 완료."""
        return self.kind is None and self.from_status == self.to_status == ProposalStatus.DONE


@dataclass(frozen=True)
class LinkedFinding:
    id: int
    title: str
    category: FindingCategory
    severity: Severity
    facility_name: str | None
    location: str | None
    observed_on: dt.date


@dataclass(frozen=True)
class MilestoneInfo:
    """One 추진 단계 as every screen shows it (services/proposals/milestones.py)."""

    id: int
    position: int
    title: str
    planned_on: dt.date
    done_on: dt.date | None
    weight: int
    overdue: bool  # not done and its 예정일 is past (while the proposal is not 완료)
    title_masked: bool = False  # a member's name in the title, masked for the reader: not editable


@dataclass(frozen=True)
class ProposalDetail:
    row: ProposalRow
    problem: str | None
    proposal: str | None
    expected_effect: str | None
    answer: str | None
    decline_reason: str | None
    proposer_enrollment_id: int | None
    proposer_name: str | None
    events: tuple[EventInfo, ...]
    findings: tuple[LinkedFinding, ...]
    result_text: str | None = None  # 완료 내용, given when it was marked done
    plan_text: str | None = None  # 추진 계획, given with 채택 / 부분채택 or at 추진 시작
    expected_on: dt.date | None = None  # 완료 예정일
    duplicate_of_title: str | None = None  # the original's title when marked as a duplicate
    duplicates: tuple[tuple[int, str], ...] = ()  # (id, title) of the proposals marked as its duplicates
    milestones: tuple[MilestoneInfo, ...] = ()  # 추진 단계 in their order
    progress: int | None = None  # 진행률 by domain/proposal_progress.py; None when not adopted
    # a member's name in its texts was masked for the acting account (masking.text_masker): the
    # texts are shown, never saved back (a masked text would overwrite the real names)
    texts_masked: bool = False

    def __getattr__(self, name):  # the row's fields read as the detail's own
        return getattr(self.row, name)


def _select():
    return (
        select(Proposal, Facility.name, Department.name)
        .outerjoin(Facility, Facility.id == Proposal.facility_id)
        .outerjoin(Department, Department.id == Proposal.department_id)
        .where(Proposal.deleted_at.is_(None))
    )


def row_of(p: Proposal, facility: str | None, department: str | None, today: dt.date) -> ProposalRow:
    return ProposalRow(
        p.id,
        p.cohort_id,
        p.title,
        p.facility_id,
        facility,
        p.department_id,
        department,
        p.status,
        p.submitted_on,
        p.due_on,
        p.answered_on,
        p.completed_on,
        days_to_answer(p.submitted_on, p.answered_on),
        days_to_completion(p.submitted_on, p.completed_on),
        is_overdue(p.status, p.due_on, today) and p.duplicate_of_id is None,
        p.version,
        p.duplicate_of_id,
    )


def overdue_clause(today: dt.date):
    """SQL twin of proposal_rules.is_overdue (tests hold them to the same answer)."""
    return and_(
        Proposal.status.in_(UNANSWERED),
        Proposal.due_on.is_not(None),
        Proposal.due_on < today,
        Proposal.duplicate_of_id.is_(None),  # a duplicate is nobody's to answer
    )


def list_proposals(ctx: ServiceContext, query: ProposalQuery = ProposalQuery()) -> list[ProposalRow]:
    """Newest submission first; text matches title, problem, proposal or answer. For small lists
    and tests; the 개선제안 page uses listing.proposal_ids / proposal_rows."""
    from panelapp.services.permissions import department_scope
    from panelapp.services.proposals.listing import proposal_filter

    today = query.today or today_local()
    with reading(ctx) as s:
        if masking.names_a_member(ctx, s, query.text):
            return []
        q = _select().where(*proposal_filter(query, today, department_scope(ctx, s)))
        rows = s.execute(q.order_by(Proposal.submitted_on.desc(), Proposal.id.desc()))
        shown = masking.text_masker(s, masking.personal_masked(ctx))
        return [masking.texts_masked(row_of(p, f, d, today), shown, "title") for p, f, d in rows]


DETAIL_TEXTS = (
    "problem",
    "proposal",
    "expected_effect",
    "answer",
    "decline_reason",
    "result_text",
    "plan_text",
)


def _masked_step(m: MilestoneInfo, shown) -> MilestoneInfo:
    from dataclasses import replace

    title = shown(m.title) or m.title
    return replace(m, title=title, title_masked=title != m.title)


def masked_detail(detail: ProposalDetail, shown) -> ProposalDetail:
    """The detail with members' names masked in every text of it (`shown`: masking.text_masker):
    the title, the seven texts, the history's notes, the linked findings' titles and places and
    the duplicates' titles."""
    from dataclasses import replace

    out = replace(
        masking.texts_masked(detail, shown, *DETAIL_TEXTS),
        row=masking.texts_masked(detail.row, shown, "title"),
        events=tuple(masking.texts_masked(e, shown, "note") for e in detail.events),
        findings=tuple(masking.texts_masked(f, shown, "title", "location") for f in detail.findings),
        duplicate_of_title=shown(detail.duplicate_of_title),
        duplicates=tuple((pid, shown(title) or "") for pid, title in detail.duplicates),
        milestones=tuple(_masked_step(m, shown) for m in detail.milestones),
    )
    before = (detail.row.title, *(getattr(detail, f) for f in DETAIL_TEXTS))
    after = (out.row.title, *(getattr(out, f) for f in DETAIL_TEXTS))
    return replace(out, texts_masked=before != after)


def linked_findings(s, proposal_id: int) -> tuple[LinkedFinding, ...]:
    rows = s.execute(
        select(Finding, Facility.name)
        .join(proposal_findings, proposal_findings.c.finding_id == Finding.id)
        .outerjoin(Facility, Facility.id == Finding.facility_id)
        .where(proposal_findings.c.proposal_id == proposal_id, Finding.deleted_at.is_(None))
        .order_by(Finding.observed_on, Finding.id)
    )
    return tuple(
        LinkedFinding(f.id, f.title, f.category, f.severity, name, f.location, f.observed_on)
        for f, name in rows
    )


def milestones_in(s, p: Proposal, today: dt.date) -> tuple[MilestoneInfo, ...]:
    from panelapp.domain.enums import ProposalStatus as PS
    from panelapp.domain.proposal_progress import is_overdue_milestone

    rows = s.scalars(
        select(ProposalMilestone)
        .where(ProposalMilestone.proposal_id == p.id)
        .order_by(ProposalMilestone.position, ProposalMilestone.id)
    )
    return tuple(
        MilestoneInfo(
            m.id,
            n,
            m.title,
            m.planned_on,
            m.done_on,
            m.weight,
            p.status != PS.DONE and is_overdue_milestone(m.planned_on, m.done_on, today),
        )
        for n, m in enumerate(rows, 1)
    )


def progress_of_detail(
    status: ProposalStatus, duplicate: bool, milestones: tuple[MilestoneInfo, ...], events
) -> int | None:
    from panelapp.domain.proposal_progress import MilestoneState, latest_update, progress_percent

    updates = [(e.happened_on, e.progress) for e in events if e.kind is None and e.progress is not None]
    return progress_percent(
        status,
        [MilestoneState(m.weight, m.done_on is not None) for m in milestones],
        latest_update(updates),
        duplicate,
    )


def detail_in(s, proposal_id: int, today: dt.date | None = None) -> ProposalDetail:
    found = s.execute(_select().where(Proposal.id == proposal_id)).first()
    if found is None:
        raise NotFoundError("개선제안")
    p, facility, department = found
    day = today or today_local()
    milestones = milestones_in(s, p, day)
    events = s.execute(
        select(ProposalEvent, User.name)
        .outerjoin(User, User.id == ProposalEvent.user_id)
        .where(ProposalEvent.proposal_id == p.id)
        .order_by(ProposalEvent.at, ProposalEvent.id)
    )
    proposer = None
    if p.proposer_enrollment_id is not None:
        found_proposer = s.execute(
            select(Member.name, masking.withdrew_consent())
            .join(Enrollment, Enrollment.member_id == Member.id)
            .where(Enrollment.id == p.proposer_enrollment_id)
        ).first()
        if found_proposer is not None:  # 동의 철회: masked whoever reads
            proposer = masking.name(found_proposer[0], bool(found_proposer[1]))
    infos = tuple(
        EventInfo(e.at, e.from_status, e.to_status, name, e.note, e.happened_on, e.progress, e.kind)
        for e, name in events
    )
    return ProposalDetail(
        row_of(p, facility, department, day),
        p.problem,
        p.proposal,
        p.expected_effect,
        p.answer,
        p.decline_reason,
        p.proposer_enrollment_id,
        proposer,
        infos,
        linked_findings(s, p.id),
        p.result_text,
        p.plan_text,
        p.expected_on,
        s.scalar(select(Proposal.title).where(Proposal.id == p.duplicate_of_id))
        if p.duplicate_of_id
        else None,
        tuple(
            (pid, title)
            for pid, title in s.execute(
                select(Proposal.id, Proposal.title)
                .where(Proposal.duplicate_of_id == p.id, Proposal.deleted_at.is_(None))
                .order_by(Proposal.id)
            )
        ),
        milestones,
        progress_of_detail(p.status, p.duplicate_of_id is not None, milestones, infos),
    )


def get_proposal(ctx: ServiceContext, proposal_id: int, today: dt.date | None = None) -> ProposalDetail:
    from panelapp.services.permissions import require_department_may_read

    with reading(ctx) as s:
        detail = detail_in(s, proposal_id, today)
        require_department_may_read(ctx, s, detail.department_id)
        return shown_detail(ctx, s, detail)


def shown_detail(ctx: ServiceContext, s, detail: ProposalDetail) -> ProposalDetail:
    """`detail` as the acting account may see it: the proposer's name, and members' names in its
    texts, masked for a masked role (what a write returns to a 부서 담당자 too)."""
    from dataclasses import replace

    detail = masked_detail(detail, masking.text_masker(s, masking.personal_masked(ctx)))
    proposer = detail.proposer_name
    return replace(detail, proposer_name=masking.person(ctx, proposer) if proposer else proposer)


def proposal_choices(ctx: ServiceContext, cohort_id: int | None) -> list[tuple[int, str]]:
    """(id, "제목 (상태)") of a cohort's proposals, newest first: for linking feedback."""
    q = select(Proposal.id, Proposal.title, Proposal.status).where(
        Proposal.deleted_at.is_(None), Proposal.duplicate_of_id.is_(None)
    )
    if cohort_id is not None:
        q = q.where(Proposal.cohort_id == cohort_id)
    with reading(ctx) as s:
        rows = s.execute(q.order_by(Proposal.submitted_on.desc(), Proposal.id.desc())).all()
        shown = masking.text_masker(s, masking.personal_masked(ctx))
    return [(pid, f"{shown(title)} ({status.label})") for pid, title, status in rows]
