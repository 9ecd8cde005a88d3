"""The 개선제안 list at any size: ids filtered and sorted in SQL, rows fetched by id.

A cohort can hold 200,000 proposals. The page holds the ordered ids (`proposal_ids`), fetches
the rows it paints by id (`proposal_rows`), and takes its labels' figures from
`proposal_counts` (GROUP BY / COUNT on the database, never an IN-list of the matches).

Sort keys (the page's columns): submitted, title, facility, department, status, due, answered,
days (접수→답변, in working days as the column shows them). Empty values sort last both ways;
every sort ends on the id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    SQLColumnExpression,
    and_,
    case,
    cast,
    func,
    literal,
    select,
)
from sqlalchemy.orm import Session

from panelapp.db.models import Department, Facility, PlanItem, Proposal
from panelapp.domain.enums import ProposalStatus
from panelapp.domain.holidays_kr import holidays_between
from panelapp.domain.localtime import today_local
from panelapp.domain.proposal_rules import days_to_answer, days_to_completion, is_overdue
from panelapp.domain.working_days import SATURDAY
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading
from panelapp.services.id_lists import fetch_ids, nulls_last, ordered, ranked, text_matches
from panelapp.services.permissions import department_scope
from panelapp.services.proposals.queries import ProposalQuery, ProposalRow, overdue_clause

SORT_KEYS = ("submitted", "title", "facility", "department", "status", "due", "answered", "days")


@dataclass(frozen=True)
class ProposalCounts:
    any_at_all: bool  # some live proposal exists in any cohort (which empty-state text to show)
    overdue: int  # among those the filters match


def proposal_filter(
    query: ProposalQuery, today: dt.date, department_scope: int | None = None
) -> list[ColumnElement[bool]]:
    """`department_scope`: a 부서 담당자's own department (permissions.department_scope), which
    limits every list, count and export to that department's proposals."""
    where: list[ColumnElement[bool]] = [Proposal.deleted_at.is_(None)]
    if not query.with_duplicates:
        where.append(Proposal.duplicate_of_id.is_(None))
    if department_scope is not None:
        where.append(Proposal.department_id == department_scope)
    if query.no_department:
        where.append(Proposal.department_id.is_(None))
    if query.carried_from is not None:
        carried = select(PlanItem.proposal_id).where(PlanItem.cohort_id == query.carried_from)
        where.append(Proposal.id.in_(carried))
    elif query.cohort_id is not None:
        where.append(Proposal.cohort_id == query.cohort_id)
    if query.status is not None:
        where.append(Proposal.status == query.status)
    if query.department_id is not None:
        where.append(Proposal.department_id == query.department_id)
    if query.facility_id is not None:
        where.append(Proposal.facility_id == query.facility_id)
    if query.overdue_only:
        where.append(overdue_clause(today))
    text = text_matches(query.text, (Proposal.title, Proposal.problem, Proposal.proposal, Proposal.answer))
    if text is not None:
        where.append(text)
    return where


EPOCH = dt.date(1990, 1, 1)  # a Monday: weekdays are counted from it


def _day_number(s: Session, day: Any) -> ColumnElement[Any]:
    """Whole days from EPOCH to a date column, on either database."""
    if s.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(day) - func.julianday(EPOCH.isoformat()), Integer)
    days: ColumnElement[Any] = day - literal(EPOCH, Date)  # PostgreSQL: date - date is an integer
    return days


def _weekdays_to(s: Session, day: Any) -> ColumnElement[Any]:
    """Monday-to-Friday days from EPOCH up to and including `day` (integer arithmetic)."""
    n = _day_number(s, day)
    return 5 * (n // 7) + case((n % 7 > 4, 5), else_=n % 7 + 1)


def _days_to_answer(s: Session, where: Sequence[ColumnElement[bool]] = ()) -> ColumnElement[Any]:
    """Working days (근무일) from 접수 to the answer, as proposal_rules.days_to_answer counts them
    (NULL while unanswered), in SQL for the 답변까지(근무일) sort: the weekdays after submitted_on
    up to answered_on, less the weekday holidays among them. The holidays are the few of the
    matching proposals' span (about fifteen a year), written into the expression."""
    span = s.execute(
        select(func.min(Proposal.submitted_on), func.max(Proposal.answered_on)).where(
            *where, Proposal.answered_on.is_not(None)
        )
    ).first()
    days = _weekdays_to(s, Proposal.answered_on) - _weekdays_to(s, Proposal.submitted_on)
    if span is None or span[0] is None or span[1] is None:
        return days
    off = [d for d in holidays_between(span[0], span[1]) if d.weekday() < SATURDAY]
    for day in off:
        days = days - case((and_(Proposal.submitted_on < day, Proposal.answered_on >= day), 1), else_=0)
    return days


def _sorted(
    s: Session, stmt: Select[Any], sort_key: str, descending: bool, where: Sequence[ColumnElement[bool]] = ()
) -> Select[Any]:
    submitted = Proposal.submitted_on
    fixed: list[ColumnElement[Any]] = []
    parts: list[SQLColumnExpression[Any]] = [submitted]
    if sort_key == "submitted":
        pass
    elif sort_key == "title":
        parts = [Proposal.title]
    elif sort_key == "facility":
        stmt = stmt.outerjoin(Facility, Facility.id == Proposal.facility_id)
        fixed = nulls_last(Facility.name, descending)
    elif sort_key == "department":
        stmt = stmt.outerjoin(Department, Department.id == Proposal.department_id)
        fixed = nulls_last(Department.name, descending)
    elif sort_key == "status":
        parts = [ranked(Proposal.status, ProposalStatus), submitted]
    elif sort_key == "due":
        fixed = nulls_last(Proposal.due_on, descending)
    elif sort_key == "answered":
        fixed = nulls_last(Proposal.answered_on, descending)
    elif sort_key == "days":
        fixed = nulls_last(_days_to_answer(s, where), descending)
    else:
        raise ValueError(f"unknown sort key {sort_key!r}")
    return stmt.order_by(*ordered(parts, descending, Proposal.id, fixed))


def proposal_ids(
    ctx: ServiceContext,
    query: ProposalQuery,
    sort_key: str = "submitted",
    descending: bool = True,
    limit: int | None = None,
) -> list[int]:
    """Ids of the proposals the filters match, in the asked order (default: newest first).
    With `limit`, the first ones only (by submission: a walk down ix_proposals_submitted_on_id)."""
    today = query.today or today_local()
    with reading(ctx) as s:
        if masking.names_a_member(ctx, s, query.text):
            return []
        where = proposal_filter(query, today, department_scope(ctx, s))
        stmt = _sorted(s, select(Proposal.id).where(*where), sort_key, descending, where)
        if limit is not None:
            stmt = stmt.limit(limit)
        return fetch_ids(s, stmt)


def proposal_rows(ctx: ServiceContext, ids: Sequence[int], today: dt.date | None = None) -> list[ProposalRow]:
    """The rows a list paints: a block of ids (about a hundred) by primary key, any order."""
    if not ids:
        return []
    day = today or today_local()
    stmt = (
        select(
            Proposal.id,
            Proposal.cohort_id,
            Proposal.title,
            Proposal.facility_id,
            Facility.name,
            Proposal.department_id,
            Department.name,
            Proposal.status,
            Proposal.submitted_on,
            Proposal.due_on,
            Proposal.answered_on,
            Proposal.completed_on,
            Proposal.version,
            Proposal.duplicate_of_id,
        )
        .outerjoin(Facility, Facility.id == Proposal.facility_id)
        .outerjoin(Department, Department.id == Proposal.department_id)
        .where(Proposal.id.in_(list(ids)), Proposal.deleted_at.is_(None))
    )
    with reading(ctx) as s:
        scope = department_scope(ctx, s)
        if scope is not None:
            stmt = stmt.where(Proposal.department_id == scope)
        found = s.execute(stmt).all()
        shown = masking.text_masker(s, masking.personal_masked(ctx))
    return [
        ProposalRow(
            pid,
            cohort_id,
            shown(title) or "",
            facility_id,
            facility,
            department_id,
            department,
            status,
            submitted,
            due,
            answered,
            completed,
            days_to_answer(submitted, answered),
            days_to_completion(submitted, completed),
            is_overdue(status, due, day) and duplicate_of is None,
            version,
            duplicate_of,
        )
        for (
            pid,
            cohort_id,
            title,
            facility_id,
            facility,
            department_id,
            department,
            status,
            submitted,
            due,
            answered,
            completed,
            version,
            duplicate_of,
        ) in found
    ]


def proposal_counts(ctx: ServiceContext, query: ProposalQuery) -> ProposalCounts:
    today = query.today or today_local()
    with reading(ctx) as s:
        scope = department_scope(ctx, s)
        overdue = (
            select(func.count())
            .select_from(Proposal)
            .where(*proposal_filter(query, today, scope), overdue_clause(today))
        )
        anything = select(Proposal.id).where(*proposal_filter(ProposalQuery(), today, scope)).limit(1)
        return ProposalCounts(s.execute(anything).first() is not None, int(s.scalar(overdue) or 0))
