"""발견사항: what a visit observed — title, category, severity, where, what, when, photos.

A finding belongs to an inspection (so to its cohort and facility). Edits check the version
the caller saw; deletes go to the trash (kind "finding"); both return an UndoRecord for Ctrl+Z.
Reading (lists, filters, the dashboard's urgent list) lives in finding_queries.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from panelapp.db.base import utcnow
from panelapp.db.models import Finding, Inspection
from panelapp.domain.enums import FindingCategory, InspectionStatus, Severity
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.localtime import to_local, today_local
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.context import ServiceContext, check_version, transaction
from panelapp.services.findings.queries import (  # noqa: F401 - callers import these from here
    FindingInfo,
    FindingQuery,
    FindingSummary,
    get_finding,
    info_in,
    list_findings,
    shown_info,
    urgent_without_proposal,
)
from panelapp.services.permissions import Permission, require_own_inspection, writes
from panelapp.services.system.undo import UndoRecord, snapshot

F_INSPECTION, F_TITLE, F_CATEGORY, F_SEVERITY = "점검", "제목", "분류", "심각도"
F_LOCATION, F_DESCRIPTION, F_OBSERVED = "위치", "내용", "발견일"


@dataclass(frozen=True)
class FindingInput:
    inspection_id: int | None
    title: str
    category: FindingCategory | None
    severity: Severity | None = Severity.MEDIUM
    location: str | None = None
    description: str | None = None
    observed_on: dt.date | None = None  # None: the visit's date; never before it, nor after today


def _clean(data: FindingInput) -> dict:
    errors: list[ValidationError] = []
    values: dict = {"category": data.category, "severity": data.severity, "observed_on": data.observed_on}
    for key, fn in (
        ("title", lambda: normalize_text(data.title, F_TITLE, 200, required=True)),
        ("location", lambda: normalize_text(data.location, F_LOCATION, 200)),
        ("description", lambda: normalize_text(data.description, F_DESCRIPTION, 4000)),
    ):
        try:
            values[key] = fn() or None
        except ValidationError as e:
            errors.append(e)
    if data.inspection_id is None:
        errors.append(ValidationError(F_INSPECTION, "발견사항을 기록할 점검을 골라 주세요."))
    if data.category is None:
        errors.append(ValidationError(F_CATEGORY, "분류를 골라 주세요."))
    if data.severity is None:
        errors.append(ValidationError(F_SEVERITY, "심각도를 골라 주세요."))
    ValidationErrors.raise_if_any(errors)
    return values


def _inspection(s, inspection_id: int) -> Inspection:
    insp = s.get(Inspection, inspection_id)
    if insp is None or insp.deleted_at is not None:
        raise ValidationError(F_INSPECTION, "고른 점검이 없습니다. 다른 사용자가 삭제했을 수 있습니다.")
    if insp.status == InspectionStatus.CANCELLED:
        raise ValidationError(F_INSPECTION, "취소된 점검에는 발견사항을 기록할 수 없습니다.")
    return insp


def visit_day(insp: Inspection) -> dt.date:
    """The day the visit took place: its actual start (in Korea) once completed, else the plan."""
    return to_local(insp.actual_start).date() if insp.actual_start else insp.scheduled_date


def _check_observed(observed: dt.date, insp: Inspection, today: dt.date) -> None:
    """Something seen at a visit was seen on or after it, and not in the future."""
    first = min(insp.scheduled_date, visit_day(insp))
    if observed < first:
        raise ValidationError(F_OBSERVED, f"발견일은 점검일({first:%Y-%m-%d})보다 앞설 수 없습니다.")
    if observed > today:
        raise ValidationError(F_OBSERVED, f"발견일은 오늘({today:%Y-%m-%d})보다 늦을 수 없습니다.")


def _apply(f: Finding, insp: Inspection, values: dict, today: dt.date | None = None) -> None:
    values = {**values, "observed_on": values["observed_on"] or visit_day(insp)}
    # An edit that keeps the date and the visit is not refused for a date saved before the rule.
    if f.id is None or values["observed_on"] != f.observed_on or insp.id != f.inspection_id:
        _check_observed(values["observed_on"], insp, today or today_local())
    f.inspection_id, f.facility_id = insp.id, insp.facility_id
    for key, value in values.items():
        if getattr(f, key) != value:
            setattr(f, key, value)


def _load(s, finding_id: int) -> Finding:
    f = s.get(Finding, finding_id)
    if f is None or f.deleted_at is not None:
        raise NotFoundError("발견사항")
    return f


@writes(Permission.RESULTS)
def create_finding(
    ctx: ServiceContext, data: FindingInput, photos: Sequence[str | Path] = (), today: dt.date | None = None
) -> FindingInfo:
    """The finding with its first photos, all or nothing (a refused photo saves nothing).
    `today` (the day in Korea unless given) bounds 발견일 from above, the visit from below."""
    from panelapp.services.attachments.photos import attach_bytes, inspect_image, read_photo
    from panelapp.services.attachments.store import attachments_root

    values = _clean(data)
    files = [(Path(p).name, read_photo(Path(p))) for p in photos]
    for name, content in files:
        inspect_image(content, name)
    with transaction(ctx) as s:
        require_own_inspection(ctx, s, data.inspection_id)
        f = Finding()
        _apply(f, _inspection(s, data.inspection_id), values, today)
        s.add(f)
        s.flush()
        for name, content in files:
            attach_bytes(s, attachments_root(ctx.db), "finding", f.id, content, name)
        return shown_info(ctx, s, info_in(s, f.id))


@writes(Permission.RESULTS)
def update_finding(
    ctx: ServiceContext, finding_id: int, data: FindingInput, version: int, today: dt.date | None = None
) -> tuple[FindingInfo, UndoRecord]:
    values = _clean(data)
    with transaction(ctx) as s:
        f = _load(s, finding_id)
        require_own_inspection(ctx, s, f.inspection_id)
        if data.inspection_id != f.inspection_id:
            require_own_inspection(ctx, s, data.inspection_id)
        check_version(f, version)
        before = snapshot(f)
        keep = masking.masked_text_guard(s, ctx)  # a text shown masked is never saved back masked
        for key, label in (("title", F_TITLE), ("location", F_LOCATION), ("description", F_DESCRIPTION)):
            values[key] = keep(getattr(f, key), values[key], label)
        _apply(f, _inspection(s, data.inspection_id), values, today)
        f.updated_at = utcnow()  # saving unchanged still proves nobody else saved in between
        s.flush()
        return shown_info(ctx, s, info_in(s, f.id)), UndoRecord.for_update(
            f, before, f"발견사항 수정 '{f.title}'"
        )


@writes(Permission.RESULTS)
def delete_finding(ctx: ServiceContext, finding_id: int, version: int | None = None) -> UndoRecord:
    """To the trash; its photos stay attached and come back with it."""
    with transaction(ctx) as s:
        f = _load(s, finding_id)
        require_own_inspection(ctx, s, f.inspection_id)
        check_version(f, version)
        before = snapshot(f)
        f.deleted_at, f.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return UndoRecord.for_delete(f, before, f"발견사항 삭제 '{f.title}'")
