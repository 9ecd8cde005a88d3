"""Scheduling inspections (점검): one visit or a series, rescheduling, status changes.

Each visit owns an activity event (kind 점검) made in the same transaction; its date, start
and hours follow the visit, and a cancelled visit's event goes to the trash with it.
Who took part is recorded later with the results, not here.
Save functions refuse with ConflictsPending while warnings (conflicts.py) are unconfirmed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

from sqlalchemy import select

from panelapp.db.base import utcnow
from panelapp.db.models import (
    ActivityEvent,
    ChecklistTemplateVersion,
    Enrollment,
    Facility,
    Inspection,
    InspectionAssignment,
    Team,
)
from panelapp.domain.enums import AssignmentRole, EventKind, InspectionStatus
from panelapp.domain.errors import NotFoundError, ValidationError
from panelapp.domain.inspection_info import InspectionInfo  # noqa: F401
from panelapp.domain.josa import quoted
from panelapp.domain.localtime import today_local
from panelapp.services.activities.event_rules import load_cohort
from panelapp.services.context import ServiceContext, check_version, transaction
from panelapp.services.inspections.conflicts import (  # noqa: F401 - callers import these from here
    ConflictsPending,
    conflicts_in,
    find_conflicts,
    find_series_conflicts,
    series_conflicts_in,
)
from panelapp.services.inspections.queries import (  # noqa: F401
    cohort_by_number,
    default_template_version,
    get_inspection,
    info_in,
    list_inspections,
    template_versions,
)
from panelapp.services.inspections.rules import (  # noqa: F401
    F_FACILITY,
    F_LEAD,
    F_MEMBERS,
    F_TEAM,
    F_TEMPLATE,
    InspectionDraft,
    InspectionQuery,
    Repeat,
    SeriesSpec,
    check_draft,
    check_status,
    series_dates,
    span_hours,
)
from panelapp.services.permissions import Permission, writes


def _load(s, inspection_id: int) -> Inspection:
    i = s.get(Inspection, inspection_id)
    if i is None or i.deleted_at is not None:
        raise NotFoundError("점검")
    return i


def _prepare(s, draft: InspectionDraft, current: Inspection | None = None) -> dict:
    """Checked column values; references must exist and belong to the draft's cohort."""
    cohort = load_cohort(s, draft.cohort_id)
    values = check_draft(draft, (cohort.term_start, cohort.term_end), cohort.number)
    facility = s.get(Facility, values["facility_id"])
    if facility is None or facility.deleted_at is not None:
        raise ValidationError(F_FACILITY, "고른 시설이 없습니다. 다른 사용자가 삭제했을 수 있습니다.")
    if not facility.active and (current is None or current.facility_id != facility.id):
        raise ValidationError(
            F_FACILITY, f"{quoted(facility.name, '은')} 사용 중지된 시설이라 고를 수 없습니다."
        )
    if values["team_id"] is not None:
        team = s.get(Team, values["team_id"])
        if team is None or team.deleted_at is not None or team.cohort_id != cohort.id:
            raise ValidationError(F_TEAM, "고른 단이 이 기수에 없습니다.")
    people = [values["lead_id"], *values["member_ids"]]
    found = {e.id: e for e in s.scalars(select(Enrollment).where(Enrollment.id.in_(people)))}
    for eid in people:
        e = found.get(eid)
        if e is None or e.deleted_at is not None or e.cohort_id != cohort.id:
            raise ValidationError(
                F_LEAD if eid == values["lead_id"] else F_MEMBERS,
                f"제{cohort.number}기 참여단원이 아닌 사람이 있습니다. 목록을 다시 불러와 주세요.",
            )
    if values["template_version_id"] is None:
        values["template_version_id"] = default_template_version(s) or _seed_template(s)
    elif s.get(ChecklistTemplateVersion, values["template_version_id"]) is None:
        raise ValidationError(F_TEMPLATE, "고른 점검표 버전이 없습니다.")
    values["facility"] = facility
    return values


def _seed_template(s) -> int:
    """No template yet: the shipped default, as a new database gets it."""
    from panelapp.services.checklists.templates import _create, clean_draft, load_default_draft

    return _create(s, clean_draft(load_default_draft())).version_id


def _warn(s, draft: InspectionDraft, values: dict, dates: list[dt.date] | None = None) -> None:
    checked = replace(draft, team_id=values["team_id"], member_ids=values["member_ids"])
    warnings = series_conflicts_in(s, checked, dates) if dates else conflicts_in(s, checked)
    if warnings:
        raise ConflictsPending(warnings)


def _write(s, insp: Inspection, values: dict) -> None:
    for key in (
        "facility_id",
        "scheduled_date",
        "start_time",
        "end_time",
        "team_id",
        "template_version_id",
        "notes",
    ):
        setattr(insp, key, values[key])
    s.flush()
    wanted = {values["lead_id"]: AssignmentRole.LEAD}
    wanted.update((m, AssignmentRole.MEMBER) for m in values["member_ids"])
    for a in list(
        s.scalars(select(InspectionAssignment).where(InspectionAssignment.inspection_id == insp.id))
    ):
        if a.enrollment_id in wanted:
            if a.role != wanted[a.enrollment_id]:
                a.role = wanted[a.enrollment_id]
            del wanted[a.enrollment_id]
        else:
            s.delete(a)
    s.flush()
    s.add_all(
        InspectionAssignment(inspection_id=insp.id, enrollment_id=eid, role=role)
        for eid, role in wanted.items()
    )
    _sync_event(s, insp, values["facility"])


def _sync_event(s, insp: Inspection, facility: Facility) -> None:
    event = s.scalar(select(ActivityEvent).where(ActivityEvent.inspection_id == insp.id))
    if event is None:
        event = ActivityEvent(cohort_id=insp.cohort_id, kind=EventKind.INSPECTION, inspection_id=insp.id)
        s.add(event)
    event.title = f"{facility.name} 점검"[:200]
    event.event_date, event.start_time, event.location = insp.scheduled_date, insp.start_time, facility.name
    event.hours = span_hours(insp.start_time, insp.end_time)
    cancelled = insp.status == InspectionStatus.CANCELLED
    if cancelled and event.deleted_at is None:
        event.deleted_at, event.deleted_by_id = utcnow(), s.info.get("user_id")
    elif not cancelled and event.deleted_at is not None:
        event.deleted_at = event.deleted_by_id = None
    s.flush()


def _new(s, draft: InspectionDraft, values: dict, series_id: str | None = None) -> Inspection:
    insp = Inspection(
        uid=f"{uuid.uuid4()}@panelapp",
        cohort_id=draft.cohort_id,
        series_id=series_id,
        status=InspectionStatus.PLANNED,
        **{k: values[k] for k in ("facility_id", "scheduled_date", "start_time", "end_time")},
    )
    s.add(insp)
    s.flush()
    _write(s, insp, values)
    return insp


@writes(Permission.PANEL_WORK)
def create_inspection(ctx: ServiceContext, draft: InspectionDraft, confirmed: bool = False) -> InspectionInfo:
    with transaction(ctx) as s:
        values = _prepare(s, draft)
        if not confirmed:
            _warn(s, draft, values)
        return info_in(s, _new(s, draft, values).id)


@writes(Permission.PANEL_WORK)
def create_series(
    ctx: ServiceContext, draft: InspectionDraft, spec: SeriesSpec, confirmed: bool = False
) -> list[InspectionInfo]:
    """Every visit of the series, sharing one series_id, or none of them."""
    with transaction(ctx) as s:
        values = _prepare(s, draft)
        dates = series_dates(draft.scheduled_date, spec)
        if not confirmed:
            _warn(s, draft, values, dates)
        series_id = uuid.uuid4().hex
        made = [_new(s, draft, {**values, "scheduled_date": day}, series_id).id for day in dates]
        return [info_in(s, i) for i in made]


@writes(Permission.PANEL_WORK)
def update_inspection(
    ctx: ServiceContext, inspection_id: int, draft: InspectionDraft, version: int, confirmed: bool = False
) -> InspectionInfo:
    draft = replace(draft, exclude_id=inspection_id)
    with transaction(ctx) as s:
        insp = _load(s, inspection_id)
        check_version(insp, version)
        if draft.cohort_id != insp.cohort_id:
            raise ValidationError(F_TEAM, "점검을 다른 기수로 옮길 수 없습니다.")
        values = _prepare(s, draft, insp)
        if not confirmed:
            _warn(s, draft, values)
        _write(s, insp, values)
        insp.updated_at = utcnow()  # a change of people alone still moves the lock counter
        return info_in(s, insp.id)


@writes(Permission.PANEL_WORK)
def move_inspection(
    ctx: ServiceContext,
    inspection_id: int,
    day: dt.date,
    version: int,
    start: dt.time | None = None,
    confirmed: bool = False,
) -> InspectionInfo:
    """Drag and drop: another day, and with `start` another time of the same length."""
    current = get_inspection(ctx, inspection_id)
    draft = current.to_draft()
    if start is not None and current.start_time is not None and current.end_time is not None:
        length = dt.datetime.combine(day, current.end_time) - dt.datetime.combine(day, current.start_time)
        end = dt.datetime.combine(day, start) + length
        if end.date() != day:
            raise ValidationError("종료 시각", "자정을 넘기는 시간으로는 옮길 수 없습니다.")
        draft = replace(draft, start_time=start, end_time=end.time())
    return update_inspection(ctx, inspection_id, replace(draft, scheduled_date=day), version, confirmed)


@writes(Permission.PANEL_WORK)
def set_status(
    ctx: ServiceContext,
    inspection_id: int,
    status: InspectionStatus,
    reason: str | None,
    version: int,
    today: dt.date | None = None,
) -> InspectionInfo:
    """예정/완료/연기/취소; 연기 and 취소 need a reason. Cancelling sends the event to the trash."""
    with transaction(ctx) as s:
        insp = _load(s, inspection_id)
        check_version(insp, version)
        insp.status_reason = check_status(status, reason, insp.scheduled_date, today or today_local())
        insp.status = status
        s.flush()
        _sync_event(s, insp, s.get(Facility, insp.facility_id))
        return info_in(s, insp.id)
