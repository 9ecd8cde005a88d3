"""The schedule's list view at any size: inspection ids filtered and sorted in SQL, rows by id.

A cohort can hold 50,000 visits. The list view holds the ordered ids (`inspection_ids`) and
fetches the rows it paints by id (`inspection_rows`); the calendar views ask only for the dates
they show (`queries.list_inspections` with a date range). `inspection_total` is the unfiltered
count the list's label compares with.

Sort keys (the list's columns): date, time, facility, team, lead, status, note. Empty values sort
last both ways; every sort ends on the id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, func, select

from panelapp.db.models import Enrollment, Facility, Inspection, InspectionAssignment, Member, Team
from panelapp.domain.enums import AssignmentRole, InspectionStatus
from panelapp.domain.inspection_info import InspectionInfo
from panelapp.services.context import ServiceContext, reading
from panelapp.services.id_lists import fetch_ids, nulls_last, ordered, ranked
from panelapp.services.inspections.rules import InspectionQuery

SORT_KEYS = ("date", "time", "facility", "team", "lead", "status", "note")


def inspection_filter(query: InspectionQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [
        Inspection.cohort_id == query.cohort_id,
        Inspection.deleted_at.is_(None),
    ]
    if query.date_from is not None:
        where.append(Inspection.scheduled_date >= query.date_from)
    if query.date_to is not None:
        where.append(Inspection.scheduled_date <= query.date_to)
    if query.status is not None:
        where.append(Inspection.status == query.status)
    if query.facility_id is not None:
        where.append(Inspection.facility_id == query.facility_id)
    if query.team_id is not None:
        where.append(Inspection.team_id == query.team_id)
    return where + awaiting_filter(query)


def awaiting_filter(query: InspectionQuery) -> list[ColumnElement[bool]]:
    """domain's is_awaiting_results in SQL, when the query asks for those visits only."""
    if query.awaiting_before is None:
        return []
    return [
        Inspection.status == InspectionStatus.PLANNED,
        Inspection.scheduled_date < query.awaiting_before,
    ]


def _lead_name() -> Any:
    return (
        select(Member.name)
        .join(Enrollment, Enrollment.member_id == Member.id)
        .join(InspectionAssignment, InspectionAssignment.enrollment_id == Enrollment.id)
        .where(
            InspectionAssignment.inspection_id == Inspection.id,
            InspectionAssignment.role == AssignmentRole.LEAD,
        )
        .order_by(Member.name)
        .limit(1)
        .correlate(Inspection)
        .scalar_subquery()
    )


def _sorted(stmt: Select[Any], sort_key: str, descending: bool) -> Select[Any]:
    day, start = Inspection.scheduled_date, func.coalesce(Inspection.start_time, Inspection.end_time)
    fixed: list[ColumnElement[Any]] = []
    parts: list[SQLColumnExpression[Any]] = [day, start]
    if sort_key == "date":
        pass
    elif sort_key == "time":
        fixed = nulls_last(Inspection.start_time, descending)
        parts = [day]
    elif sort_key == "facility":
        stmt = stmt.join(Facility, Facility.id == Inspection.facility_id)
        parts = [Facility.name, day, start]
    elif sort_key == "team":
        stmt = stmt.outerjoin(Team, Team.id == Inspection.team_id)
        fixed = nulls_last(Team.name, descending)
    elif sort_key == "lead":
        fixed = nulls_last(_lead_name(), descending)
    elif sort_key == "status":
        parts = [ranked(Inspection.status, InspectionStatus), day, start]
    elif sort_key == "note":
        note = func.coalesce(Inspection.status_reason, Inspection.notes)
        fixed = nulls_last(note, descending)
    else:
        raise ValueError(f"unknown sort key {sort_key!r}")
    return stmt.order_by(*ordered(parts, descending, Inspection.id, fixed))


def inspection_ids(
    ctx: ServiceContext, query: InspectionQuery, sort_key: str = "date", descending: bool = False
) -> list[int]:
    """Ids of the cohort's visits the filters match, in the asked order (default: by date)."""
    stmt = _sorted(select(Inspection.id).where(*inspection_filter(query)), sort_key, descending)
    with reading(ctx) as s:
        return fetch_ids(s, stmt)


def inspection_rows(ctx: ServiceContext, ids: Sequence[int]) -> list[InspectionInfo]:
    """The rows a list paints: a block of ids (about a hundred) by primary key."""
    from panelapp.services.inspections.queries import infos_where, masked_for

    if not ids:
        return []
    with reading(ctx) as s:
        return masked_for(ctx, infos_where(s, [Inspection.id.in_(list(ids))]), s)


def inspection_total(ctx: ServiceContext, cohort_id: int) -> int:
    """Every live visit of the cohort, before filters."""
    stmt = select(func.count()).select_from(Inspection).where(*inspection_filter(InspectionQuery(cohort_id)))
    with reading(ctx) as s:
        return int(s.scalar(stmt) or 0)


def visit_choices(ctx: ServiceContext, cohort_id: int) -> list[tuple[int, str, dt.date]]:
    """(id, "2026-05-12 한빛국민체육센터 (예정)", date) of the cohort's visits a finding can belong
    to (not cancelled), newest first: one light query, not an InspectionInfo per visit."""
    stmt = (
        select(Inspection.id, Inspection.scheduled_date, Facility.name, Inspection.status)
        .join(Facility, Facility.id == Inspection.facility_id)
        .where(
            *inspection_filter(InspectionQuery(cohort_id)),
            Inspection.status != InspectionStatus.CANCELLED,
        )
        .order_by(Inspection.scheduled_date.desc(), Inspection.id.desc())
    )
    with reading(ctx) as s:
        return [
            (iid, f"{day:%Y-%m-%d} {name} ({status.label})", day)
            for iid, day, name, status in s.execute(stmt)
        ]
