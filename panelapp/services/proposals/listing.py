"""The 개선제안 list at any size: ids filtered and sorted in SQL, rows fetched by id.

A cohort can hold 200,000 proposals. The page holds the ordered ids (`proposal_ids`), fetches
the rows it paints by id (`proposal_rows`), and takes its labels' figures from
`proposal_counts` (GROUP BY / COUNT on the database, never an IN-list of the matches).

Sort keys (the page's columns): submitted, title, facility, department, status, due, answered,
days (접수→답변). Empty values sort last both ways; every sort ends on the id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, func, select
from sqlalchemy.orm import Session

from panelapp.db.models import Department, Facility, Proposal
from panelapp.domain.enums import ProposalStatus
from panelapp.domain.localtime import today_local
from panelapp.domain.proposal_rules import days_to_answer, days_to_completion, is_overdue
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
    if query.cohort_id is not None:
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


def _days_to_answer(s: Session) -> ColumnElement[Any]:
    """answered_on − submitted_on in days (NULL while unanswered), on either database."""
    if s.get_bind().dialect.name == "sqlite":
        return func.julianday(Proposal.answered_on) - func.julianday(Proposal.submitted_on)
    return Proposal.answered_on - Proposal.submitted_on


def _sorted(s: Session, stmt: Select[Any], sort_key: str, descending: bool) -> Select[Any]:
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
        fixed = nulls_last(_days_to_answer(s), descending)
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
        where = proposal_filter(query, today, department_scope(ctx, s))
        stmt = _sorted(s, select(Proposal.id).where(*where), sort_key, descending)
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
    return [
        ProposalRow(
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
