"""점검 결과: the answers to an inspection's checklist, and completing the visit.

- Answers are stored per item (ChecklistResponse): "1".."5" for score items, "yes"/"no"/"na"
  for yes/no items, free text for text items, and a note for any item. An item sent with no
  answer, text or note loses its stored row.
- Results can be entered for visits that are 예정 or 완료 (to correct them); 연기/취소 visits
  have none. Every save moves the inspection's lock counter, so two people entering the same
  visit's results do not overwrite each other silently.
- 완료 needs every required item answered, the actual start and end of the visit and who took
  part (some of the assigned people). It writes the attendance of the visit's 점검 activity
  event in the same transaction: present people get the event's hours, absent ones none, so
  the hours count in activity_stats like any other event. A completed visit stays complete:
  a later save must still answer every required item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select

from panelapp.db.base import utcnow
from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    ChecklistResponse,
    Facility,
    Inspection,
    InspectionAssignment,
)
from panelapp.domain.enums import ChecklistItemKind, InspectionStatus
from panelapp.domain.errors import NotFoundError, ValidationError
from panelapp.domain.localtime import KST
from panelapp.domain.scoring import SCORE_VALUES, YES_NO_VALUES
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.inspections.rules import MAX_SPAN, check_status
from panelapp.services.permissions import Permission, require_own_inspection, writes
from panelapp.services.results.sheet import (  # noqa: F401 - callers import these from here
    F_ATTENDEES,
    F_END,
    F_REQUIRED,
    F_START,
    Completion,
    Participant,
    Response,
    ResultSheet,
    item_label,
    masked_for,
    missing_required,
    sheet_in,
)
from panelapp.services.results.verifications import VerificationChoice, record_choices, write_choices

F_STATUS = "상태"
EDITABLE = (InspectionStatus.PLANNED, InspectionStatus.COMPLETED)


def _load(s, inspection_id: int) -> Inspection:
    insp = s.get(Inspection, inspection_id)
    if insp is None or insp.deleted_at is not None:
        raise NotFoundError("점검")
    if insp.status not in EDITABLE:
        raise ValidationError(
            F_STATUS,
            f"{insp.status.label}된 점검에는 결과를 입력할 수 없습니다. "
            "상태를 예정으로 되돌린 뒤 입력해 주세요.",
        )
    if insp.template_version_id is None:
        raise ValidationError(
            "점검표", "이 점검에는 점검표가 지정되어 있지 않습니다. 점검을 수정해 점검표를 골라 주세요."
        )
    return insp


def get_result_sheet(ctx: ServiceContext, inspection_id: int) -> ResultSheet:
    """The results form of a visit; a 점검 조장 opens only the visits they lead (the same
    sentence as their saving would get), so the form is not filled in for nothing."""
    from panelapp.services.permissions import require_own_inspection

    with reading(ctx) as s:
        insp = s.get(Inspection, inspection_id)
        if insp is None or insp.deleted_at is not None:
            raise NotFoundError("점검")
        require_own_inspection(ctx, s, inspection_id)
        return masked_for(ctx, sheet_in(s, insp), s)


def _clean(item, label: str, r: Response) -> dict:
    value = (r.value or "").strip().lower() or None
    if item.kind == ChecklistItemKind.SCORE and value is not None and value not in SCORE_VALUES:
        raise ValidationError(label, "점수는 1에서 5 사이로 골라 주세요.")
    if item.kind == ChecklistItemKind.YES_NO and value is not None and value not in YES_NO_VALUES:
        raise ValidationError(label, "예, 아니오, 해당없음 가운데 하나를 골라 주세요.")
    if item.kind == ChecklistItemKind.TEXT:
        value = None
    text = normalize_text(r.text, label, 2000) if item.kind == ChecklistItemKind.TEXT else None
    return {
        "value": value,
        "text": text or None,
        "note": normalize_text(r.note, f"{label} 메모", 1000) or None,
    }


def _write_responses(s, insp: Inspection, responses: Iterable[Response], keep=None) -> None:
    """`keep`: masking.masked_text_guard of the acting account (a text shown masked is never
    saved back masked)."""
    sheet = sheet_in(s, insp)
    items = {i.id: (i, item_label(i, sec)) for sec in sheet.sections for i in sec.items}
    stored = {
        r.item_id: r
        for r in s.scalars(select(ChecklistResponse).where(ChecklistResponse.inspection_id == insp.id))
    }
    for r in responses:
        if r.item_id not in items:
            raise ValidationError("점검표", "이 점검의 점검표에 없는 항목입니다. 화면을 다시 열어 주세요.")
        values = _clean(*items[r.item_id], r)
        row = stored.get(r.item_id)
        if keep is not None:
            label = items[r.item_id][1]
            values["text"] = keep(row.text if row else None, values["text"], label)
            values["note"] = keep(row.note if row else None, values["note"], f"{label} 메모")
        if not any(values.values()):
            if row is not None:
                s.delete(row)
            continue
        if row is None:
            row = ChecklistResponse(inspection_id=insp.id, item_id=r.item_id)
            s.add(row)
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
    insp.updated_at = utcnow()  # answers alone still move the inspection's lock counter
    s.flush()


def _refuse_missing(s, insp: Inspection) -> None:
    missing = missing_required(sheet_in(s, insp))
    if missing:
        shown = ", ".join(missing[:5]) + (f" 외 {len(missing) - 5}개" if len(missing) > 5 else "")
        raise ValidationError(F_REQUIRED, f"답하지 않은 필수 항목이 {len(missing)}개 있습니다: {shown}")


@writes(Permission.RESULTS)
def save_results(
    ctx: ServiceContext,
    inspection_id: int,
    responses: Iterable[Response],
    version: int,
    present_ids: Iterable[int] | None = None,
    verifications: Iterable[VerificationChoice] | None = None,
) -> ResultSheet:
    """임시 저장: the given answers, all or none of them. Before the visit is completed the
    attendance ticks (`present_ids`) are kept on the assignments as a draft (no hours: those
    come with 완료); a completed visit's attendance changes only through 완료 정보 수정.
    The 확인할 개선사항 choices (`verifications`) are kept as drafts too, and recorded on their
    proposals when the visit is (or already was) completed."""
    with transaction(ctx) as s:
        require_own_inspection(ctx, s, inspection_id)
        insp = _load(s, inspection_id)
        check_version(insp, version)
        keep = masking.masked_text_guard(s, ctx)
        _write_responses(s, insp, responses, keep)
        if verifications is not None:
            write_choices(s, insp, verifications, keep)
        if present_ids is not None and insp.status != InspectionStatus.COMPLETED:
            present = set(present_ids)
            for a in s.scalars(
                select(InspectionAssignment).where(InspectionAssignment.inspection_id == insp.id)
            ):
                a.attended = a.enrollment_id in present
        if insp.status == InspectionStatus.COMPLETED:
            _refuse_missing(s, insp)
            record_choices(s, ctx, insp, visit_title(s, insp))
        return masked_for(ctx, sheet_in(s, insp), s)


def _local(value: dt.datetime | None, field: str) -> dt.datetime:
    if value is None:
        raise ValidationError(field, "실제 점검 시각을 입력해 주세요.")
    return value.replace(tzinfo=KST) if value.tzinfo is None else value


@writes(Permission.RESULTS)
def complete_inspection(
    ctx: ServiceContext,
    inspection_id: int,
    responses: Iterable[Response],
    completion: Completion,
    version: int,
    today: dt.date | None = None,
    verifications: Iterable[VerificationChoice] | None = None,
) -> ResultSheet:
    """완료: answers, actual visit time and attendance in one transaction, and the 확인할
    개선사항 choices recorded on their proposals (results/verifications.py)."""
    start, end = _local(completion.start, F_START), _local(completion.end, F_END)
    if end <= start:
        raise ValidationError(F_END, "종료 시각은 시작 시각보다 늦어야 합니다.")
    if end - start > MAX_SPAN:
        raise ValidationError(F_END, "점검 시간은 12시간을 넘을 수 없습니다.")
    today = today or dt.datetime.now(KST).date()
    if start.astimezone(KST).date() > today:
        raise ValidationError(F_START, "아직 오지 않은 시각으로 완료할 수 없습니다.")
    with transaction(ctx) as s:
        require_own_inspection(ctx, s, inspection_id)
        insp = _load(s, inspection_id)
        check_version(insp, version)
        check_status(InspectionStatus.COMPLETED, None, insp.scheduled_date, today)
        keep = masking.masked_text_guard(s, ctx)
        _write_responses(s, insp, responses, keep)
        _refuse_missing(s, insp)
        _write_attendance(s, insp, set(completion.present_ids))
        insp.status, insp.status_reason = InspectionStatus.COMPLETED, None
        insp.actual_start, insp.actual_end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
        s.flush()
        if verifications is not None:
            write_choices(s, insp, verifications, keep)
        record_choices(s, ctx, insp, visit_title(s, insp))
        return masked_for(ctx, sheet_in(s, insp), s)


def visit_title(s, insp: Inspection) -> str:
    """ "한빛국민체육센터 점검", as the visit is named everywhere (InspectionInfo.title)."""
    facility = s.get(Facility, insp.facility_id)
    return f"{facility.name} 점검"


def _write_attendance(s, insp: Inspection, present: set[int]) -> None:
    from panelapp.services.inspections.scheduling import _sync_event

    assigned = {
        a.enrollment_id: a
        for a in s.scalars(select(InspectionAssignment).where(InspectionAssignment.inspection_id == insp.id))
    }
    if present - set(assigned):
        raise ValidationError(
            F_ATTENDEES, "이 점검에 배정되지 않은 사람이 있습니다. 화면을 다시 열어 주세요."
        )
    if not present:
        raise ValidationError(F_ATTENDEES, "점검에 참여한 사람을 한 명 이상 골라 주세요.")
    _sync_event(s, insp, s.get(Facility, insp.facility_id))
    event = s.scalar(select(ActivityEvent).where(ActivityEvent.inspection_id == insp.id))
    rows = {a.enrollment_id: a for a in s.scalars(select(Attendance).where(Attendance.event_id == event.id))}
    for eid, row in rows.items():
        if eid not in assigned:  # no longer on the visit: no credit for it
            s.delete(row)
    for eid, assignment in assigned.items():
        here = eid in present
        row = rows.get(eid) or Attendance(event_id=event.id, enrollment_id=eid)
        if row.id is None:
            s.add(row)
        row.present, row.hours = here, (event.hours if here else 0.0)
        assignment.attended = here
    s.flush()
