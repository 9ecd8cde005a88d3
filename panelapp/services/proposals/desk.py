"""우리 부서 제안: the open proposals a department desk works on, the nearest due date first.

A 부서 담당자 sees only their own department's (permissions.department_scope, as every proposal
list); a 담당자 or 관리자 sees every department's, or one department's when they pick it. Open
means not yet 완료 or 불채택. Proposals without a due date come last; ties go by submission.
The rows are the 개선제안 list's (listing.proposal_rows), fetched by id in blocks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from panelapp.db.models import Cohort, Department, PlanItem, Proposal
from panelapp.domain.localtime import today_local
from panelapp.domain.proposal_rules import OPEN, PLANNED
from panelapp.services.context import ServiceContext, reading
from panelapp.services.id_lists import fetch_ids
from panelapp.services.permissions import department_scope
from panelapp.services.proposals.listing import proposal_filter, proposal_rows
from panelapp.services.proposals.queries import ProposalQuery, ProposalRow, overdue_clause


@dataclass(frozen=True)
class DeskRow:
    row: ProposalRow
    expected_on: dt.date | None  # 완료 예정일, once answered
    late_for_plan: bool  # adopted, not done, and its 완료 예정일 is past
    carried_from: int | None = None  # the number of the cohort whose 차년도 업무계획 carried it

    def __getattr__(self, name: str) -> Any:  # the row's fields read as the desk row's own
        return getattr(self.row, name)


@dataclass(frozen=True)
class DeskCounts:
    open: int
    overdue: int
    scoped: bool  # the account is a 부서 담당자: the list is their department's only
    department_name: str | None = None  # that department's name
    carried: int = 0  # of the open ones, those a 차년도 업무계획 carried (이월 과제)


def _carried() -> ColumnElement[bool]:
    """Carried into some cohort's 차년도 업무계획 (services/proposals/next_year.py)."""
    return Proposal.id.in_(select(PlanItem.proposal_id))


def _where(
    ctx: ServiceContext, s: Session, department_id: int | None, today: dt.date, carried_only: bool = False
) -> tuple[list[ColumnElement[bool]], bool]:
    scope = department_scope(ctx, s)
    where = proposal_filter(ProposalQuery(department_id=department_id), today, scope)
    where.append(Proposal.status.in_(OPEN))
    if carried_only:
        where.append(_carried())
    return where, scope is not None


def desk_ids(
    ctx: ServiceContext,
    department_id: int | None = None,
    today: dt.date | None = None,
    carried_only: bool = False,
) -> list[int]:
    """Ids of the open proposals, by 처리 기한 (none last), then 접수일 and id; `carried_only`:
    those carried into a 차년도 업무계획 (이월 과제) alone."""
    day = today or today_local()
    with reading(ctx) as s:
        where, _scoped = _where(ctx, s, department_id, day, carried_only)
        stmt = (
            select(Proposal.id)
            .where(*where)
            .order_by(Proposal.due_on.is_(None), Proposal.due_on, Proposal.submitted_on, Proposal.id)
        )
        return fetch_ids(s, stmt)


def desk_counts(
    ctx: ServiceContext, department_id: int | None = None, today: dt.date | None = None
) -> DeskCounts:
    day = today or today_local()
    with reading(ctx) as s:
        where, scoped = _where(ctx, s, department_id, day)
        total = s.scalar(select(func.count()).select_from(Proposal).where(*where)) or 0
        late = s.scalar(select(func.count()).select_from(Proposal).where(*where, overdue_clause(day))) or 0
        carried = s.scalar(select(func.count()).select_from(Proposal).where(*where, _carried())) or 0
        name = None
        if scoped:
            scope = department_scope(ctx, s)
            name = s.scalar(select(Department.name).where(Department.id == scope))
        return DeskCounts(int(total), int(late), scoped, name, int(carried))


def desk_rows(ctx: ServiceContext, ids: Sequence[int], today: dt.date | None = None) -> list[DeskRow]:
    """The rows the desk paints (a block of ids), with each one's 완료 예정일."""
    day = today or today_local()
    rows = proposal_rows(ctx, ids, day)  # scoped to the desk's department there
    if not rows:
        return []
    with reading(ctx) as s:
        block = [r.id for r in rows]
        expected = dict(
            s.execute(select(Proposal.id, Proposal.expected_on).where(Proposal.id.in_(block))).all()
        )
        carried: dict[int, int] = {}
        for pid, number in s.execute(
            select(PlanItem.proposal_id, Cohort.number)
            .join(Cohort, Cohort.id == PlanItem.cohort_id)
            .where(PlanItem.proposal_id.in_(block))
            .order_by(Cohort.number)
        ):
            carried[pid] = number  # the latest plan that carried it
    out = []
    for r in rows:
        on = expected.get(r.id)
        out.append(DeskRow(r, on, r.status in PLANNED and on is not None and on < day, carried.get(r.id)))
    return out
