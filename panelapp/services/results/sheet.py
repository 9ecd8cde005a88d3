"""What the result screen reads and sends: the sheet of one inspection, answers, completion."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    ChecklistResponse,
    Enrollment,
    Inspection,
    InspectionAssignment,
    Member,
)
from panelapp.domain.enums import AssignmentRole, ChecklistItemKind
from panelapp.domain.localtime import to_local
from panelapp.domain.scoring import Answer, OverallScore, SectionScore, overall_score, section_score
from panelapp.services.checklists.drafts import ItemInfo, SectionInfo
from panelapp.services.context import ServiceContext

F_REQUIRED, F_ATTENDEES, F_START, F_END = "필수 항목", "참여자", "실제 시작", "실제 종료"


@dataclass(frozen=True)
class Response:
    item_id: int
    value: str | None = None  # "1".."5" / "yes" "no" "na"; None for text items or no answer
    text: str | None = None  # text items
    note: str | None = None
    # what the sheet shows masked ("text", "note"): a member's name in it, read by a masked role;
    # the form keeps those read-only (what comes back unchanged keeps the real text)
    masked: tuple[str, ...] = ()


@dataclass(frozen=True)
class Completion:
    start: dt.datetime  # naive values are Korean time
    end: dt.datetime
    present_ids: tuple[int, ...]  # enrollment ids of the assigned people who took part


@dataclass(frozen=True)
class Participant:
    enrollment_id: int
    name: str
    role: AssignmentRole
    present: bool | None  # None: no attendance recorded yet


@dataclass(frozen=True)
class ResultSheet:
    inspection_id: int
    title: str  # "한빛국민체육센터 점검"
    scheduled_date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    status: object  # InspectionStatus
    template_label: str | None
    sections: tuple[SectionInfo, ...]
    responses: tuple[Response, ...]
    participants: tuple[Participant, ...]
    event_hours: float
    actual_start: dt.datetime | None  # Korean time
    actual_end: dt.datetime | None
    facility_id: int
    version: int
    # 확인할 개선사항: completed proposals of the facility this visit checks (results/verifications.py)
    verifications: tuple = ()

    def response(self, item_id: int) -> Response | None:
        return next((r for r in self.responses if r.item_id == item_id), None)

    def scores(self) -> tuple[list[SectionScore], OverallScore]:
        return scores_for(self.sections, {r.item_id: r for r in self.responses})


def item_label(item: ItemInfo, section: SectionInfo | None = None) -> str:
    """ "안전 1번(소화기가 비치되어 있고…)": names an item in messages."""
    short = item.text if len(item.text) <= 16 else item.text[:15] + "…"
    prefix = f"{section.title} " if section is not None else ""
    return f"{prefix}{item.position}번({short})"


def _answered(item: ItemInfo, r: Response | None) -> bool:
    if r is None:
        return False
    return bool(r.text and r.text.strip()) if item.kind == ChecklistItemKind.TEXT else bool(r.value)


def scores_for(sections: tuple[SectionInfo, ...], answers: dict[int, Response]):
    """Live scores from answers held by item id (the dialog's current state)."""
    per_section = [
        section_score(
            Answer(
                i.kind,
                (answers[i.id].text if i.kind == ChecklistItemKind.TEXT else answers[i.id].value)
                if i.id in answers
                else None,
            )
            for i in sec.items
        )
        for sec in sections
    ]
    return per_section, overall_score(per_section)


def missing_items(sheet: ResultSheet, answers: dict[int, Response] | None = None) -> dict[int, str]:
    """Required items without an answer: item id → label, in checklist order."""
    answers = answers if answers is not None else {r.item_id: r for r in sheet.responses}
    return {
        i.id: item_label(i, sec)
        for sec in sheet.sections
        for i in sec.items
        if i.required and not _answered(i, answers.get(i.id))
    }


def missing_required(sheet: ResultSheet, answers: dict[int, Response] | None = None) -> list[str]:
    return list(missing_items(sheet, answers).values())


def sheet_in(s: Session, insp: Inspection) -> ResultSheet:
    from panelapp.services.checklists.templates import _sections
    from panelapp.services.inspections.queries import info_in
    from panelapp.services.results.verifications import items_in

    info = info_in(s, insp.id)
    sections = _sections(s, insp.template_version_id) if insp.template_version_id else ()
    responses = tuple(
        Response(r.item_id, r.value, r.text, r.note)
        for r in s.scalars(
            select(ChecklistResponse)
            .where(ChecklistResponse.inspection_id == insp.id)
            .order_by(ChecklistResponse.item_id)
        )
    )
    event = s.scalar(select(ActivityEvent).where(ActivityEvent.inspection_id == insp.id))
    present = (
        {}
        if event is None
        else dict(
            s.execute(
                select(Attendance.enrollment_id, Attendance.present).where(Attendance.event_id == event.id)
            ).all()
        )
    )
    rows = s.execute(
        select(
            InspectionAssignment.enrollment_id,
            Member.name,
            InspectionAssignment.role,
            InspectionAssignment.attended,
        )
        .join(Enrollment, Enrollment.id == InspectionAssignment.enrollment_id)
        .join(Member, Member.id == Enrollment.member_id)
        .where(InspectionAssignment.inspection_id == insp.id)
    ).all()
    for eid, _name, _role, drafted in rows:
        if eid not in present and drafted is not None:
            present[eid] = drafted  # ticks kept by 임시 저장 before the visit was completed
    people = [(eid, name, role) for eid, name, role, _drafted in rows]
    people.sort(key=lambda p: (p[2] != AssignmentRole.LEAD, p[1], p[0]))  # the lead first, then 가나다
    return ResultSheet(
        insp.id,
        info.title,
        insp.scheduled_date,
        insp.start_time,
        insp.end_time,
        insp.status,
        info.template_label,
        sections,
        responses,
        tuple(Participant(eid, name, role, present.get(eid)) for eid, name, role in people),
        event.hours if event is not None else 0.0,
        to_local(insp.actual_start) if insp.actual_start else None,
        to_local(insp.actual_end) if insp.actual_end else None,
        insp.facility_id,
        insp.version,
        items_in(s, insp),
    )


def masked_for(ctx: ServiceContext, sheet: ResultSheet, s: Session) -> ResultSheet:
    """The sheet's people as the acting account may see them (a 점검 조장 sees them masked:
    permissions.personal_masked); ids and attendance stay, so ticking presence still works.
    Members' names in the answers, notes and the 확인할 개선사항 texts are masked for them too; what
    they send back unchanged keeps the real text (masking.masked_text_guard)."""
    from dataclasses import replace

    from panelapp.services import masking

    if not masking.personal_masked(ctx):
        return sheet
    shown = masking.text_masker(s, True)
    return replace(
        sheet,
        participants=tuple(replace(p, name=masking.name(p.name)) for p in sheet.participants),
        responses=tuple(_masked_response(r, shown) for r in sheet.responses),
        verifications=tuple(_masked_check(v, shown) for v in sheet.verifications),
    )


def _masked_response(r: Response, shown) -> Response:
    from dataclasses import replace

    text, note = shown(r.text), shown(r.note)
    masked = tuple(k for k, a, b in (("text", text, r.text), ("note", note, r.note)) if a != b)
    return replace(r, text=text, note=note, masked=masked)


def _masked_check(v, shown):
    from dataclasses import replace

    from panelapp.services import masking

    note = shown(v.note)
    return replace(
        masking.texts_masked(v, shown, "title", "result_text"), note=note, note_masked=note != v.note
    )
