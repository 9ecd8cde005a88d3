"""추진 단계 (issue 14 item 4): the ordered steps of an adopted proposal's plan, and its 진행률.

A 채택 / 부분채택 / 추진중 proposal carries steps, each with a title, a 예정일, a 완료일 once done
and a weight (1 unless given). The department desk of the proposal's department
(`require_own_department`) and the coordinators add, edit, reorder, mark done (or undo that) and
delete them; a 완료 or 불채택 proposal's steps are no longer changed. Every change is a history
entry of the proposal with the acting account (`proposal_events.kind`,
domain/proposal_progress.MILESTONE_EVENT_LABELS), and every change is checked against and moves
on the proposal's version, as a 진행 상황 update does: a dialog opened on an older state is
refused rather than writing over what another desk just did. A deleted step is gone (no trash:
nothing else points at it); its history entry says what it was.

The proposal's 진행률 follows domain/proposal_progress.py; `progress_sql` is that rule in SQL
for the roll-ups (`rollup`: per department, per facility or for the whole cohort, one grouped
query) and the outputs that list many proposals (`progress_by_proposal`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, Subquery, case, func, select
from sqlalchemy.orm import Session, aliased

from panelapp.db.base import utcnow
from panelapp.db.models import Department, Facility, Proposal, ProposalEvent, ProposalMilestone
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.errors import DomainError, NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.localtime import today_local
from panelapp.domain.proposal_progress import (
    ADOPTED,
    DONE_PERCENT,
    MAX_WEIGHT,
    MILESTONE_ADDED,
    MILESTONE_DELETED,
    MILESTONE_DONE,
    MILESTONE_EDITED,
    MILESTONE_MOVED,
    MILESTONE_UNDONE,
    OPEN_CEILING,
    ProgressFigures,
)
from panelapp.domain.proposal_rules import PLANNED
from panelapp.domain.report_data import NO_DEPARTMENT
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.permissions import (
    Permission,
    department_scope,
    require_department_may_read,
    require_own_department,
    writes,
)
from panelapp.services.proposals.queries import MilestoneInfo, ProposalDetail, detail_in, shown_detail

F_TITLE, F_PLANNED, F_DONE, F_WEIGHT = "단계", "예정일", "완료일", "가중치"
MAX_STEPS = 30


@dataclass(frozen=True)
class MilestoneInput:
    title: str
    planned_on: dt.date | None
    weight: int = 1


# ----- checks ----------------------------------------------------------------------------------
def _proposal(s: Session, ctx: ServiceContext, proposal_id: int, version: int | None) -> Proposal:
    p = s.get(Proposal, proposal_id)
    if p is None or p.deleted_at is not None:
        raise NotFoundError("개선제안")
    require_own_department(ctx, s, p.department_id)
    check_version(p, version)
    if p.duplicate_of_id is not None:
        raise DomainError("중복으로 표시된 제안에는 추진 단계를 둘 수 없습니다. 원본 제안에 남겨 주세요.")
    if p.status not in PLANNED:
        raise DomainError(
            "추진 단계는 채택·부분채택·추진중인 제안에만 두고 바꿀 수 있습니다. "
            f"이 제안의 지금 상태는 '{p.status.label}'입니다."
        )
    return p


def _milestone(
    s: Session, ctx: ServiceContext, milestone_id: int, version: int | None
) -> tuple[Proposal, ProposalMilestone]:
    m = s.get(ProposalMilestone, milestone_id)
    if m is None:
        raise DomainError(
            f"추진 단계(#{milestone_id})가 없습니다. 다른 사용자가 지웠을 수 있으니 다시 열어 주세요."
        )
    return _proposal(s, ctx, m.proposal_id, version), m


def _checked(p: Proposal, data: MilestoneInput) -> tuple[str, dt.date, int]:
    errors: list[ValidationError] = []
    title: str | None = None
    try:
        title = normalize_text(data.title, F_TITLE, 200, required=True)
    except ValidationError as e:
        errors.append(e)
    if data.planned_on is None:
        errors.append(ValidationError(F_PLANNED, "예정일을 적어 주세요."))
    elif data.planned_on < p.submitted_on:
        errors.append(
            ValidationError(
                F_PLANNED, f"예정일은 제안 접수일({p.submitted_on:%Y-%m-%d})보다 앞설 수 없습니다."
            )
        )
    weight = data.weight
    if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= MAX_WEIGHT:
        errors.append(ValidationError(F_WEIGHT, f"가중치는 1부터 {MAX_WEIGHT} 사이의 정수로 적어 주세요."))
    ValidationErrors.raise_if_any(errors)
    assert title is not None and data.planned_on is not None
    return title, data.planned_on, weight


def _ordered(s: Session, proposal_id: int) -> list[ProposalMilestone]:
    return list(
        s.scalars(
            select(ProposalMilestone)
            .where(ProposalMilestone.proposal_id == proposal_id)
            .order_by(ProposalMilestone.position, ProposalMilestone.id)
        )
    )


def _renumber(steps: list[ProposalMilestone]) -> None:
    for n, m in enumerate(steps, 1):
        if m.position != n:
            m.position = n


def _named(n: int, title: str) -> str:
    return f"{n}. {title}"


def _weight_text(weight: int) -> str:
    return f", 가중치 {weight}" if weight != 1 else ""


def _record(s: Session, ctx: ServiceContext, p: Proposal, kind: str, note: str) -> None:
    s.add(
        ProposalEvent(
            proposal_id=p.id,
            user_id=ctx.user_id,
            from_status=p.status,
            to_status=p.status,
            note=note,
            kind=kind,
        )
    )
    p.updated_at = utcnow()  # the proposal's version moves on


def _done(
    s: Session, p: Proposal, today: dt.date | None, ctx: ServiceContext | None = None
) -> ProposalDetail:
    s.flush()
    detail = detail_in(s, p.id, today)
    return detail if ctx is None else shown_detail(ctx, s, detail)


# ----- writes ----------------------------------------------------------------------------------
@writes(Permission.PROPOSAL_ANSWER, "추진 단계 변경")
def add_milestone(
    ctx: ServiceContext,
    proposal_id: int,
    version: int | None,
    data: MilestoneInput,
    today: dt.date | None = None,
) -> ProposalDetail:
    """A new step at the end of the proposal's list; the proposal's detail after it."""
    with transaction(ctx) as s:
        p = _proposal(s, ctx, proposal_id, version)
        title, planned, weight = _checked(p, data)
        steps = _ordered(s, p.id)
        if len(steps) >= MAX_STEPS:
            raise DomainError(f"추진 단계는 한 제안에 {MAX_STEPS}개까지 둘 수 있습니다.")
        _renumber(steps)
        n = len(steps) + 1
        s.add(ProposalMilestone(proposal_id=p.id, position=n, title=title, planned_on=planned, weight=weight))
        _record(
            s, ctx, p, MILESTONE_ADDED, f"{_named(n, title)} (예정 {planned:%Y-%m-%d}{_weight_text(weight)})"
        )
        return _done(s, p, today, ctx)


@writes(Permission.PROPOSAL_ANSWER, "추진 단계 변경")
def edit_milestone(
    ctx: ServiceContext,
    milestone_id: int,
    version: int | None,
    data: MilestoneInput,
    today: dt.date | None = None,
) -> ProposalDetail:
    """Change a step's title, 예정일 or weight; the history entry says what changed."""
    with transaction(ctx) as s:
        p, m = _milestone(s, ctx, milestone_id, version)
        title, planned, weight = _checked(p, data)
        # a title shown masked (a member's name in it) comes back as shown: the real one stays
        title = masking.masked_text_guard(s, ctx)(m.title, title, F_TITLE) or title
        changes = []
        if title != m.title:
            changes.append(f"단계 '{m.title}' → '{title}'")
        if planned != m.planned_on:
            changes.append(f"예정일 {m.planned_on:%Y-%m-%d} → {planned:%Y-%m-%d}")
        if weight != m.weight:
            changes.append(f"가중치 {m.weight} → {weight}")
        if not changes:
            return shown_detail(ctx, s, detail_in(s, p.id, today))
        steps = _ordered(s, p.id)
        _renumber(steps)
        m.title, m.planned_on, m.weight = title, planned, weight
        _record(s, ctx, p, MILESTONE_EDITED, f"{_named(m.position, title)}: " + ", ".join(changes))
        return _done(s, p, today, ctx)


@writes(Permission.PROPOSAL_ANSWER, "추진 단계 변경")
def set_milestone_done(
    ctx: ServiceContext,
    milestone_id: int,
    version: int | None,
    done_on: dt.date | None,
    today: dt.date | None = None,
) -> ProposalDetail:
    """Mark a step done on `done_on` (not after today, not before the answer), or None: not done
    after all (완료 취소)."""
    day = today or today_local()
    with transaction(ctx) as s:
        p, m = _milestone(s, ctx, milestone_id, version)
        if done_on is not None:
            start = p.answered_on or p.submitted_on
            if done_on > day:
                raise ValidationError(F_DONE, "완료일은 오늘 이후일 수 없습니다.")
            if done_on < start:
                raise ValidationError(F_DONE, f"완료일은 답변일({start:%Y-%m-%d})보다 앞설 수 없습니다.")
        if done_on == m.done_on:
            return detail_in(s, p.id, today)
        _renumber(_ordered(s, p.id))
        before, m.done_on = m.done_on, done_on
        if done_on is None:
            note = f"{_named(m.position, m.title)} (완료일 {before:%Y-%m-%d} 지움)" if before else m.title
            _record(s, ctx, p, MILESTONE_UNDONE, note)
        else:
            _record(s, ctx, p, MILESTONE_DONE, f"{_named(m.position, m.title)} (완료 {done_on:%Y-%m-%d})")
        return _done(s, p, today, ctx)


@writes(Permission.PROPOSAL_ANSWER, "추진 단계 변경")
def move_milestone(
    ctx: ServiceContext,
    milestone_id: int,
    version: int | None,
    to_position: int,
    today: dt.date | None = None,
) -> ProposalDetail:
    """Put a step at `to_position` (1 = first), the others closing up; a place outside the list is
    refused with the allowed range rather than clamped."""
    with transaction(ctx) as s:
        p, m = _milestone(s, ctx, milestone_id, version)
        steps = _ordered(s, p.id)
        old = steps.index(m) + 1
        if not 1 <= to_position <= len(steps):
            raise DomainError(
                f"옮길 순서 {to_position}번은 범위를 벗어났습니다. 1부터 {len(steps)}까지 정할 수 있습니다."
            )
        new = to_position
        if new == old:
            return detail_in(s, p.id, today)
        steps.remove(m)
        steps.insert(new - 1, m)
        _renumber(steps)
        _record(s, ctx, p, MILESTONE_MOVED, f"'{m.title}' {old}번째 → {new}번째")
        return _done(s, p, today, ctx)


@writes(Permission.PROPOSAL_ANSWER, "추진 단계 변경")
def delete_milestone(
    ctx: ServiceContext, milestone_id: int, version: int | None, today: dt.date | None = None
) -> ProposalDetail:
    """Remove a step; the history entry keeps what it was."""
    with transaction(ctx) as s:
        p, m = _milestone(s, ctx, milestone_id, version)
        steps = _ordered(s, p.id)
        n = steps.index(m) + 1
        done = f", 완료 {m.done_on:%Y-%m-%d}" if m.done_on else ""
        note = f"{_named(n, m.title)} (예정 {m.planned_on:%Y-%m-%d}{done}{_weight_text(m.weight)})"
        steps.remove(m)
        s.delete(m)
        s.flush()
        _renumber(steps)
        _record(s, ctx, p, MILESTONE_DELETED, note)
        return _done(s, p, today, ctx)


def list_milestones(
    ctx: ServiceContext, proposal_id: int, today: dt.date | None = None
) -> tuple[MilestoneInfo, ...]:
    with reading(ctx) as s:
        detail = detail_in(s, proposal_id, today)
        require_department_may_read(ctx, s, detail.department_id)
        return shown_detail(ctx, s, detail).milestones


# ----- the rule in SQL, and the roll-ups ----------------------------------------------------------
def _milestone_totals(today: dt.date) -> Subquery:
    m = ProposalMilestone
    return (
        select(
            m.proposal_id.label("proposal_id"),
            func.sum(m.weight).label("total"),
            func.sum(case((m.done_on.is_not(None), m.weight), else_=0)).label("done"),
            func.sum(case((m.done_on.is_(None) & (m.planned_on < today), 1), else_=0)).label("late"),
        )
        .group_by(m.proposal_id)
        .subquery("milestone_totals")
    )


def _latest_update() -> Any:
    """The latest 진행 상황 % of the outer proposal (domain/proposal_progress.latest_update)."""
    e = aliased(ProposalEvent)
    return (
        select(e.progress)
        .where(e.proposal_id == Proposal.id, e.progress.is_not(None), e.kind.is_(None))
        .order_by(e.happened_on.is_(None), e.happened_on.desc(), e.at.desc(), e.id.desc())
        .limit(1)
        .correlate(Proposal)
        .scalar_subquery()
    )


def progress_rows(today: dt.date, *where: ColumnElement[bool]) -> Subquery:
    """One row per live adopted proposal matching `where`: its id, cohort, department, facility,
    status, 진행률 (`progress`, the rule of domain/proposal_progress.py) and steps past their
    예정일 (`late`, none once 완료)."""
    totals = _milestone_totals(today)
    share = (200 * totals.c.done + totals.c.total) // (2 * totals.c.total)
    raw = case((totals.c.total > 0, share), else_=func.coalesce(_latest_update(), 0))
    inner = (
        select(
            Proposal.id.label("id"),
            Proposal.cohort_id.label("cohort_id"),
            Proposal.department_id.label("department_id"),
            Proposal.facility_id.label("facility_id"),
            Proposal.status.label("status"),
            raw.label("raw"),
            func.coalesce(totals.c.late, 0).label("late"),
        )
        .outerjoin(totals, totals.c.proposal_id == Proposal.id)
        .where(
            Proposal.deleted_at.is_(None),
            Proposal.duplicate_of_id.is_(None),
            Proposal.status.in_(ADOPTED),
            *where,
        )
        .subquery("adopted")
    )
    done = inner.c.status == PS.DONE
    progress = case(
        (done, DONE_PERCENT),
        (inner.c.raw > OPEN_CEILING, OPEN_CEILING),
        (inner.c.raw < 0, 0),
        else_=inner.c.raw,
    )
    return select(
        inner.c.id,
        inner.c.cohort_id,
        inner.c.department_id,
        inner.c.facility_id,
        inner.c.status,
        progress.label("progress"),
        case((done, 0), else_=inner.c.late).label("late"),
    ).subquery("progress_rows")


def progress_by_proposal(s: Session, today: dt.date, *where: ColumnElement[bool]) -> dict[int, int]:
    """proposal id → 진행률 of the live adopted proposals matching `where` (others are absent)."""
    rows = progress_rows(today, *where)
    return {int(pid): int(v) for pid, v in s.execute(select(rows.c.id, rows.c.progress))}


By = Literal["department", "facility"]


def _figures(label: str, row: Any, key: int | None = None, total: bool = False) -> ProgressFigures:
    accepted = int(row.accepted or 0)
    return ProgressFigures(
        label,
        accepted,
        int(row.done or 0),
        float(row.mean) if accepted and row.mean is not None else None,
        int(row.late or 0),
        key,
        total,
    )


def _aggregates(rows: Subquery) -> list[Any]:
    return [
        func.count().label("accepted"),
        func.sum(case((rows.c.status == PS.DONE, 1), else_=0)).label("done"),
        func.avg(rows.c.progress).label("mean"),
        func.sum(rows.c.late).label("late"),
    ]


def rollup_in(
    s: Session,
    ctx: ServiceContext,
    cohort_id: int | None,
    by: By | None = None,
    today: dt.date | None = None,
    department_id: int | None = None,
    label: str = "전체",
) -> tuple[ProgressFigures, ...]:
    day = today or today_local()
    where: list[ColumnElement[bool]] = []
    if cohort_id is not None:
        where.append(Proposal.cohort_id == cohort_id)
    scope = department_scope(ctx, s)
    if scope is not None:
        where.append(Proposal.department_id == scope)
    elif department_id is not None:
        where.append(Proposal.department_id == department_id)
    rows = progress_rows(day, *where)
    whole = s.execute(select(*_aggregates(rows))).one()
    total = _figures(label, whole, None, by is not None)
    if by is None:
        return (total,)
    named: type[Department] | type[Facility]
    if by == "department":
        key, name_col, named = rows.c.department_id, Department.name, Department
    else:
        key, name_col, named = rows.c.facility_id, Facility.name, Facility
    stmt: Select[Any] = (
        select(key.label("key"), name_col.label("name"), *_aggregates(rows))
        .select_from(rows)
        .outerjoin(named, named.id == key)
        .group_by(key, name_col)
        .order_by(name_col.is_(None), name_col, key)
    )
    parts = tuple(
        _figures(r.name or NO_DEPARTMENT if by == "department" else r.name or "시설 없음", r, r.key)
        for r in s.execute(stmt)
    )
    return (*parts, total)


def rollup(
    ctx: ServiceContext,
    cohort_id: int | None,
    by: By | None = None,
    today: dt.date | None = None,
    department_id: int | None = None,
) -> tuple[ProgressFigures, ...]:
    """추진 현황: accepted, 완료, mean 진행률 and steps past their 예정일 — per department or per
    facility with the 전체 row last, or (by None) the cohort's one row. `cohort_id` None: every
    cohort. A 부서 담당자 counts their own department's only."""
    with reading(ctx) as s:
        return rollup_in(s, ctx, cohort_id, by, today, department_id)
