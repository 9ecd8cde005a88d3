"""Reading inspections: the list behind the calendar views, one inspection, dialog choices."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from panelapp.db.models import (
    ChecklistTemplate,
    ChecklistTemplateVersion,
    Cohort,
    Enrollment,
    Facility,
    Inspection,
    InspectionAssignment,
    Member,
    Team,
)
from panelapp.domain.enums import AssignmentRole
from panelapp.domain.errors import DomainError, NotFoundError
from panelapp.domain.holidays_kr import holiday_name
from panelapp.domain.inspection_info import InspectionInfo, is_awaiting_results
from panelapp.domain.localtime import today_local
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading
from panelapp.services.inspections.listing import awaiting_filter
from panelapp.services.inspections.rules import InspectionQuery


@dataclass(frozen=True)
class VersionChoice:
    id: int
    label: str  # "기본 시설 점검표 v2"
    is_default: bool  # the latest version of the default template


def _rows(s: Session, where: Sequence[ColumnElement[bool]]) -> list[InspectionInfo]:
    rows = s.execute(
        select(
            Inspection,
            Facility.name,
            Facility.address,
            Team.name,
            ChecklistTemplate.name,
            ChecklistTemplateVersion.number,
        )
        .join(Facility, Facility.id == Inspection.facility_id)
        .outerjoin(Team, Team.id == Inspection.team_id)
        .outerjoin(ChecklistTemplateVersion, ChecklistTemplateVersion.id == Inspection.template_version_id)
        .outerjoin(ChecklistTemplate, ChecklistTemplate.id == ChecklistTemplateVersion.template_id)
        .where(Inspection.deleted_at.is_(None), *where)
        .order_by(Inspection.scheduled_date, Inspection.start_time, Facility.name, Inspection.id)
    ).all()
    people: dict[int, list[tuple[int, AssignmentRole, str]]] = defaultdict(list)
    ids = [r[0].id for r in rows]
    for chunk in range(0, len(ids), 500):
        for insp_id, eid, role, name, withdrew in s.execute(
            select(
                InspectionAssignment.inspection_id,
                InspectionAssignment.enrollment_id,
                InspectionAssignment.role,
                Member.name,
                masking.withdrew_consent(),
            )
            .join(Enrollment, Enrollment.id == InspectionAssignment.enrollment_id)
            .join(Member, Member.id == Enrollment.member_id)
            .where(InspectionAssignment.inspection_id.in_(ids[chunk : chunk + 500]))
            .order_by(Member.name, Enrollment.id)
        ):
            people[insp_id].append((eid, role, masking.name(name, withdrew)))  # 동의 철회: masked
    out = []
    today = today_local()
    for i, f_name, f_address, team, t_name, v_number in rows:
        lead = next(
            ((eid, name) for eid, role, name in people[i.id] if role == AssignmentRole.LEAD), (None, None)
        )
        members = tuple((eid, name) for eid, role, name in people[i.id] if role == AssignmentRole.MEMBER)
        label = f"{t_name} v{v_number}" if t_name else None
        out.append(
            InspectionInfo(
                i.id,
                i.uid,
                i.cohort_id,
                i.facility_id,
                f_name,
                f_address,
                i.team_id,
                team,
                i.scheduled_date,
                i.start_time,
                i.end_time,
                i.status,
                i.status_reason,
                lead[0],
                lead[1],
                members,
                i.template_version_id,
                label,
                i.series_id,
                i.notes,
                holiday_name(i.scheduled_date),
                i.version,
                is_awaiting_results(i.status, i.scheduled_date, today),
            )
        )
    return out


def infos_where(s: Session, where: Sequence[ColumnElement[bool]]) -> list[InspectionInfo]:
    """The visits matching these WHERE terms, with their people, by date and time."""
    return _rows(s, where)


@dataclass(frozen=True)
class CalendarVisits:
    """What a calendar shows of a period: at most `per_day` visits a day, and how many each day
    has in all (the calendar says "+N건 더" for the rest; the list view shows every one)."""

    rows: list[InspectionInfo]
    day_totals: dict[dt.date, int]


def calendar_inspections(ctx: ServiceContext, query: InspectionQuery, per_day: int) -> CalendarVisits:
    """The first `per_day` visits of each day (by time, facility, id) with every day's total.
    A cohort with 50,000 visits has ~6,500 in a month grid: reading them all with their people
    took ~1 s for a calendar that shows five a day."""
    where = _query_where(query)
    live = Inspection.deleted_at.is_(None)
    rank = (
        func.row_number()
        .over(
            partition_by=Inspection.scheduled_date,
            order_by=(Inspection.start_time, Facility.name, Inspection.id),
        )
        .label("n")
    )
    ranked = (
        select(Inspection.id.label("id"), rank)
        .join(Facility, Facility.id == Inspection.facility_id)
        .where(live, *where)
        .subquery("ranked")
    )
    with reading(ctx) as s:
        totals = {
            day: int(n)
            for day, n in s.execute(
                select(Inspection.scheduled_date, func.count())
                .where(live, *where)
                .group_by(Inspection.scheduled_date)
            )
        }
        rows = _rows(s, [Inspection.id.in_(select(ranked.c.id).where(ranked.c.n <= per_day))])
    return CalendarVisits(masked_for(ctx, rows), totals)


def _query_where(query: InspectionQuery) -> list[ColumnElement[bool]]:
    where = [Inspection.cohort_id == query.cohort_id]
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


def masked_for(
    ctx: ServiceContext, infos: list[InspectionInfo], s: Session | None = None
) -> list[InspectionInfo]:
    """The visits' people as the acting account may see them (services/masking.py): the lead's
    and members' names, and members' names in the 사유 and 메모 texts."""
    from dataclasses import replace

    if not masking.personal_masked(ctx) or not infos:
        return infos
    if s is None:
        with reading(ctx) as own:
            shown = masking.text_masker(own, True)
    else:
        shown = masking.text_masker(s, True)
    return [
        replace(
            masking.texts_masked(i, shown, "status_reason", "notes"),
            lead_name=masking.name(i.lead_name),
            members=tuple((eid, masking.name(name)) for eid, name in i.members),
        )
        for i in infos
    ]


def list_inspections(ctx: ServiceContext, query: InspectionQuery) -> list[InspectionInfo]:
    """A cohort's visits by date and time, narrowed by the query's filters."""
    with reading(ctx) as s:
        return masked_for(ctx, _rows(s, _query_where(query)), s)


def info_in(s: Session, inspection_id: int) -> InspectionInfo:
    s.flush()
    rows = _rows(s, [Inspection.id == inspection_id])
    if not rows:
        raise NotFoundError("점검")
    return rows[0]


def get_inspection(ctx: ServiceContext, inspection_id: int) -> InspectionInfo:
    with reading(ctx) as s:
        return masked_for(ctx, [info_in(s, inspection_id)], s)[0]


def default_template_version(s: Session) -> int | None:
    """The latest version of the default template: the one named like the shipped default,
    else the oldest template still in use."""
    from panelapp.services.checklists.drafts import load_default_draft

    templates = list(
        s.execute(
            select(ChecklistTemplate.id, ChecklistTemplate.name)
            .where(ChecklistTemplate.deleted_at.is_(None))
            .order_by(ChecklistTemplate.id)
        )
    )
    if not templates:
        return None
    default_name = load_default_draft().name
    template_id = next((t_id for t_id, name in templates if name == default_name), templates[0][0])
    return s.scalar(
        select(ChecklistTemplateVersion.id)
        .where(ChecklistTemplateVersion.template_id == template_id)
        .order_by(ChecklistTemplateVersion.number.desc())
        .limit(1)
    )


def template_versions(ctx: ServiceContext) -> list[VersionChoice]:
    """Every version of the templates in use, newest first within each template."""
    with reading(ctx) as s:
        default = default_template_version(s)
        rows = s.execute(
            select(ChecklistTemplateVersion.id, ChecklistTemplate.name, ChecklistTemplateVersion.number)
            .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistTemplateVersion.template_id)
            .where(ChecklistTemplate.deleted_at.is_(None))
            .order_by(ChecklistTemplate.name, ChecklistTemplateVersion.number.desc())
        ).all()
        return [VersionChoice(v_id, f"{name} v{number}", v_id == default) for v_id, name, number in rows]


def cohort_by_number(ctx: ServiceContext, number: int) -> tuple[int, str]:
    """(id, name) of 제N기."""
    with reading(ctx) as s:
        row = s.execute(
            select(Cohort.id, Cohort.name).where(Cohort.number == number, Cohort.deleted_at.is_(None))
        ).first()
        if row is None:
            raise DomainError(f"제{number}기가 없습니다. 기수 번호를 확인해 주세요.")
        return row[0], row[1]
