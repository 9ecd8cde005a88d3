"""개선제안: create (from findings or standalone), edit, move through the workflow, delete.

The workflow rules live in panelapp.domain.proposal_rules. Every status change appends a
ProposalEvent (date/time, acting user, note) and is never rewritten, so it is not offered
for undo; edits and deletions return an UndoRecord. Reading lives in proposal_queries.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from panelapp.db.base import utcnow
from panelapp.db.models import (
    Cohort,
    Department,
    Enrollment,
    Facility,
    Finding,
    Proposal,
    ProposalEvent,
    proposal_findings,
)
from panelapp.domain.enums import ProposalStatus
from panelapp.domain.errors import DomainError, NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.josa import quoted
from panelapp.domain.localtime import today_local
from panelapp.domain.proposal_rules import (
    ACTION_LABELS,
    PLANNED,
    can_move,
    needs_answer,
    needs_reason,
)
from panelapp.domain.validation import normalize_text
from panelapp.services.context import ServiceContext, check_version, transaction
from panelapp.services.org.deadlines import due_for_findings
from panelapp.services.permissions import Permission, require_own_department, writes
from panelapp.services.proposals.queries import (  # noqa: F401 - callers import these from here
    EventInfo,
    LinkedFinding,
    ProposalDetail,
    ProposalQuery,
    ProposalRow,
    detail_in,
    get_proposal,
    list_proposals,
    proposal_choices,
    shown_detail,
)
from panelapp.services.system.undo import UndoRecord, snapshot

F_TITLE, F_PROBLEM, F_PROPOSAL, F_EFFECT = "제목", "현황 및 문제점", "개선 제안", "기대 효과"
F_DEPARTMENT, F_FACILITY, F_DUE, F_SUBMITTED = "담당부서", "시설", "처리 기한", "접수일"
F_ANSWER, F_REASON, F_ANSWERED_ON, F_PROPOSER = "부서 답변", "불채택 사유", "처리일", "제안자"
F_RESULT = "완료 내용"
F_PLAN, F_EXPECTED = "추진 계획", "완료 예정일"
EXPECTED_YEARS = 5  # a 완료 예정일 further than this from the answer is taken for a typing slip
AFTER_PHOTOS = "proposal_after"  # attachments' owner_type of a done proposal's "after" photos


@dataclass(frozen=True)
class ProposalInput:
    cohort_id: int
    title: str
    problem: str | None = None
    proposal: str | None = None
    expected_effect: str | None = None
    facility_id: int | None = None
    department_id: int | None = None
    submitted_on: dt.date | None = None  # None: today
    # None: a new proposal's from the institution's 답변 기한 (services/org/deadlines.py, by its
    # findings' severity and category); an edited one keeps the date it has
    due_on: dt.date | None = None
    proposer_enrollment_id: int | None = None
    finding_ids: tuple[int, ...] = ()  # linked when the proposal is created


def _clean(data: ProposalInput, today: dt.date) -> dict:
    errors: list[ValidationError] = []
    values: dict = {}
    for key, field, raw, size, required in (
        ("title", F_TITLE, data.title, 200, True),
        ("problem", F_PROBLEM, data.problem, 4000, False),
        ("proposal", F_PROPOSAL, data.proposal, 4000, True),
        ("expected_effect", F_EFFECT, data.expected_effect, 2000, False),
    ):
        try:
            values[key] = normalize_text(raw, field, size, required)
        except ValidationError as e:
            errors.append(e)
    submitted = data.submitted_on or today
    if submitted > today:
        errors.append(ValidationError(F_SUBMITTED, "접수일은 오늘 이후일 수 없습니다."))
    due = data.due_on
    if due is not None and due < submitted:
        errors.append(ValidationError(F_DUE, "처리 기한은 접수일보다 앞설 수 없습니다."))
    ValidationErrors.raise_if_any(errors)
    values.update(
        submitted_on=submitted,
        due_on=due,
        facility_id=data.facility_id,
        department_id=data.department_id,
        proposer_enrollment_id=data.proposer_enrollment_id,
        cohort_id=data.cohort_id,
    )
    return values


def _check_refs(s, values: dict, current: Proposal | None = None) -> None:
    cohort = s.get(Cohort, values["cohort_id"])
    if cohort is None or cohort.deleted_at is not None:
        raise ValidationError("기수", "고른 기수가 없습니다.")
    if values["facility_id"] is not None:
        f = s.get(Facility, values["facility_id"])
        if f is None or f.deleted_at is not None:
            raise ValidationError(F_FACILITY, "고른 시설이 없습니다. 다른 사용자가 삭제했을 수 있습니다.")
    dept_id = values["department_id"]
    if dept_id is not None:
        d = s.get(Department, dept_id)
        if d is None or d.deleted_at is not None:
            raise ValidationError(
                F_DEPARTMENT, "고른 담당부서가 없습니다. 다른 사용자가 삭제했을 수 있습니다."
            )
        if not d.active and (current is None or current.department_id != dept_id):
            raise ValidationError(F_DEPARTMENT, f"'{d.name}' 부서는 사용 중지되어 고를 수 없습니다.")
    eid = values["proposer_enrollment_id"]
    if eid is not None:
        e = s.get(Enrollment, eid)
        if e is None or e.deleted_at is not None or e.cohort_id != values["cohort_id"]:
            raise ValidationError(F_PROPOSER, "제안자가 이 기수의 참여단원이 아닙니다.")


def _load(s, proposal_id: int) -> Proposal:
    p = s.get(Proposal, proposal_id)
    if p is None or p.deleted_at is not None:
        raise NotFoundError("개선제안")
    return p


def _link(s, proposal_id: int, finding_ids) -> None:
    ids = sorted(set(finding_ids))
    if not ids:
        return
    found = set(s.scalars(select(Finding.id).where(Finding.id.in_(ids), Finding.deleted_at.is_(None))))
    if found != set(ids):
        raise ValidationError(
            "발견사항", "연결할 발견사항 중 삭제된 것이 있습니다. 목록을 다시 불러와 주세요."
        )
    s.execute(insert(proposal_findings), [{"proposal_id": proposal_id, "finding_id": i} for i in ids])


@writes(Permission.PANEL_WORK)
def create_proposal(
    ctx: ServiceContext, data: ProposalInput, today: dt.date | None = None
) -> tuple[ProposalDetail, UndoRecord]:
    """A new proposal in 접수, its first history entry, and its linked findings."""
    values = _clean(data, today or today_local())
    with transaction(ctx) as s:
        _check_refs(s, values)
        if values["due_on"] is None:
            values["due_on"] = due_for_findings(s, values["submitted_on"], data.finding_ids)
        p = Proposal(status=ProposalStatus.SUBMITTED, **values)
        s.add(p)
        s.flush()
        s.add(
            ProposalEvent(
                proposal_id=p.id,
                user_id=ctx.user_id,
                from_status=None,
                to_status=ProposalStatus.SUBMITTED,
                note="제안 접수",
            )
        )
        _link(s, p.id, data.finding_ids)
        s.flush()
        return shown_detail(ctx, s, detail_in(s, p.id, today)), UndoRecord.for_create(p, "개선제안 등록")


@writes(Permission.PANEL_WORK)
def update_proposal(
    ctx: ServiceContext, proposal_id: int, data: ProposalInput, version: int, today: dt.date | None = None
) -> tuple[ProposalDetail, UndoRecord]:
    """Edit the content fields (not the status, answer or links)."""
    values = _clean(data, today or today_local())
    with transaction(ctx) as s:
        p = _load(s, proposal_id)
        check_version(p, version)
        values["cohort_id"] = p.cohort_id  # a proposal stays in its cohort
        _check_refs(s, values, current=p)
        if values["due_on"] is None:
            linked = s.scalars(
                select(proposal_findings.c.finding_id).where(proposal_findings.c.proposal_id == p.id)
            ).all()
            values["due_on"] = p.due_on or due_for_findings(s, values["submitted_on"], linked)
        before = snapshot(p)
        for key, value in values.items():
            setattr(p, key, value)
        s.flush()
        return shown_detail(ctx, s, detail_in(s, p.id, today)), UndoRecord.for_update(
            p, before, "개선제안 수정"
        )


@writes(Permission.PANEL_WORK)
def set_linked_findings(
    ctx: ServiceContext, proposal_id: int, finding_ids, version: int, today: dt.date | None = None
) -> ProposalDetail:
    """Replace the linked findings; the proposal's version moves on (an older undo is refused)."""
    with transaction(ctx) as s:
        p = _load(s, proposal_id)
        check_version(p, version)
        s.execute(delete(proposal_findings).where(proposal_findings.c.proposal_id == p.id))
        _link(s, p.id, finding_ids)
        p.updated_at = utcnow()
        s.flush()
        return shown_detail(ctx, s, detail_in(s, p.id, today))


@writes(Permission.PROPOSAL_ANSWER)
def move_proposal(
    ctx: ServiceContext,
    proposal_id: int,
    to_status: ProposalStatus,
    version: int,
    note: str | None = None,
    answer: str | None = None,
    decline_reason: str | None = None,
    on: dt.date | None = None,
    today: dt.date | None = None,
    result: str | None = None,
    photos: Sequence[str | Path] = (),
    plan: str | None = None,
    expected_on: dt.date | None = None,
) -> ProposalDetail:
    """One workflow step. `on` is the day of the answer or completion (default today).

    완료 (DONE) needs `result`, what was done (완료 내용), and may bring "after" photos, attached
    in the same transaction: a refused photo or a missing result saves nothing.
    채택 / 부분채택 / 추진 시작 may bring the 추진 계획 (`plan`) and 완료 예정일 (`expected_on`, not
    before the step's day); at 추진 시작 a value not given keeps the one of the answer."""
    from panelapp.services.attachments.photos import inspect_image, read_photo

    today = today or today_local()
    done = to_status == ProposalStatus.DONE
    if photos and not done:
        raise DomainError("개선 후 사진은 완료 처리할 때만 붙일 수 있습니다.")
    planned = to_status in PLANNED
    if (plan or expected_on) and not planned:
        raise DomainError("추진 계획과 완료 예정일은 채택·부분채택·추진 시작 때만 적을 수 있습니다.")
    files = [(Path(p).name, read_photo(Path(p))) for p in photos]
    for name, content in files:
        inspect_image(content, name)
    with transaction(ctx) as s:
        p = _load(s, proposal_id)
        require_own_department(ctx, s, p.department_id)
        check_version(p, version)
        move_in(
            ctx,
            s,
            p,
            to_status,
            note=note,
            answer=answer,
            decline_reason=decline_reason,
            on=on,
            today=today,
            result=result,
            files=files,
            plan=plan,
            expected_on=expected_on,
        )
        s.flush()
        return shown_detail(ctx, s, detail_in(s, p.id, today))


def move_in(
    ctx: ServiceContext,
    s: Session,
    p: Proposal,
    to_status: ProposalStatus,
    *,
    note: str | None = None,
    answer: str | None = None,
    decline_reason: str | None = None,
    on: dt.date | None = None,
    today: dt.date,
    result: str | None = None,
    files: Sequence[tuple[str, bytes]] = (),
    plan: str | None = None,
    expected_on: dt.date | None = None,
    via: str | None = None,
) -> None:
    """One workflow step of `p` in the caller's transaction: the rules of `move_proposal`, for a
    caller that moves several proposals all or nothing (answers/importing.py). Raises before it
    changes anything. `via` heads the history note (who answered, when not the acting account)."""
    from panelapp.services.attachments.photos import attach_bytes
    from panelapp.services.attachments.store import attachments_root

    done = to_status == ProposalStatus.DONE
    planned = to_status in PLANNED
    require_own_department(ctx, s, p.department_id)
    if not can_move(p.status, to_status):
        raise DomainError(
            f"'{p.status.label}' 상태에서는 {quoted(to_status.label, '으로')} 바꿀 수 없습니다."
        )
    note = normalize_text(note, "메모", 2000)
    errors: list[ValidationError] = []
    day = on or today
    if day > today:
        errors.append(ValidationError(F_ANSWERED_ON, "처리일은 오늘 이후일 수 없습니다."))
    elif day < p.submitted_on:
        errors.append(ValidationError(F_ANSWERED_ON, "처리일은 접수일보다 앞설 수 없습니다."))
    if needs_answer(to_status):
        try:
            answer = normalize_text(answer, F_ANSWER, 4000, required=True)
        except ValidationError as e:
            errors.append(e)
    if needs_reason(to_status):
        try:
            decline_reason = normalize_text(decline_reason, F_REASON, 2000, required=True)
        except ValidationError as e:
            errors.append(e)
    if done:
        try:
            result = normalize_text(result, F_RESULT, 4000, required=True)
        except ValidationError as e:
            errors.append(e)
    if planned:
        try:
            plan = normalize_text(plan, F_PLAN, 4000)
        except ValidationError as e:
            errors.append(e)
        errors.extend(_expected_errors(expected_on, day))
    ValidationErrors.raise_if_any(errors)
    if needs_answer(to_status):
        p.answer, p.answered_on = answer, day
        p.decline_reason = decline_reason if needs_reason(to_status) else None
    if planned:
        if plan or needs_answer(to_status):
            p.plan_text = plan or None
        if expected_on is not None or needs_answer(to_status):
            p.expected_on = expected_on
    if done:
        p.completed_on, p.result_text = day, result
        for name, content in files:
            attach_bytes(s, attachments_root(ctx.db), AFTER_PHOTOS, p.id, content, name)
    text = note or _default_note(to_status, answer, decline_reason, result, plan, expected_on)
    s.add(
        ProposalEvent(
            proposal_id=p.id,
            user_id=ctx.user_id,
            from_status=p.status,
            to_status=to_status,
            note=f"{via}\n{text}" if via else text,
        )
    )
    p.status = to_status
    s.flush()


@writes(Permission.PROPOSAL_ANSWER)
def add_after_photos(ctx: ServiceContext, proposal_id: int, photos: Sequence[str | Path]) -> list:
    """More "after" photos for a done proposal, all or nothing (a refused photo adds none).
    Removing one is `attachments.photos.remove_attachment`, undone with Ctrl+Z like a finding's."""
    from panelapp.services.attachments.photos import attach_bytes, attachment_info, inspect_image, read_photo
    from panelapp.services.attachments.store import attachments_root

    files = [(Path(p).name, read_photo(Path(p))) for p in photos]
    for name, content in files:
        inspect_image(content, name)
    with transaction(ctx) as s:
        p = _load(s, proposal_id)
        require_own_department(ctx, s, p.department_id)
        if p.status != ProposalStatus.DONE:
            raise DomainError("개선 후 사진은 완료된 제안에만 붙일 수 있습니다.")
        root = attachments_root(ctx.db)
        return [attachment_info(ctx.db, attach_bytes(s, root, AFTER_PHOTOS, p.id, c, n)) for n, c in files]


def _expected_errors(expected_on: dt.date | None, day: dt.date) -> list[ValidationError]:
    if expected_on is None:
        return []
    if expected_on < day:
        return [ValidationError(F_EXPECTED, f"완료 예정일은 처리일({day:%Y-%m-%d})보다 앞설 수 없습니다.")]
    if (expected_on - day).days > 366 * EXPECTED_YEARS:
        return [
            ValidationError(
                F_EXPECTED, f"완료 예정일이 처리일로부터 {EXPECTED_YEARS}년이 넘습니다. 날짜를 확인해 주세요."
            )
        ]
    return []


def _default_note(
    to_status: ProposalStatus,
    answer: str | None,
    reason: str | None,
    result: str | None = None,
    plan: str | None = None,
    expected_on: dt.date | None = None,
) -> str:
    if to_status == ProposalStatus.DONE and result:
        return f"완료 내용: {result}"
    if needs_reason(to_status):
        return f"불채택 사유: {reason}"
    lines = [f"부서 답변: {answer}"] if needs_answer(to_status) else []
    if plan:
        lines.append(f"추진 계획: {plan}")
    if expected_on is not None:
        lines.append(f"완료 예정일: {expected_on:%Y-%m-%d}")
    return "\n".join(lines) or ACTION_LABELS[to_status]


@writes(Permission.PANEL_WORK)
def delete_proposal(ctx: ServiceContext, proposal_id: int, version: int | None = None) -> UndoRecord:
    """Soft delete: to the trash; Ctrl+Z or the trash page restores it."""
    with transaction(ctx) as s:
        p = _load(s, proposal_id)
        check_version(p, version)
        before = snapshot(p)
        p.deleted_at, p.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return UndoRecord.for_delete(p, before, f"개선제안 삭제 ({p.title})")
