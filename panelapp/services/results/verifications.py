"""확인할 개선사항: the next visit checks what a department says it completed (issue 14 item 7).

Which proposals a visit lists: those of the visit's facility that are 완료, were completed before
the visit's day (its actual day once entered, else its scheduled one) and have no recorded
개선 확인 yet — plus every proposal this visit already holds a choice for, so a completed visit
reopened shows what it recorded. A proposal completed again after a 미흡 is listed again at the
visit after its new completion.

How a choice travels, like the other inputs of 결과 입력:
- 임시 저장 keeps the choices (개선 확인 / 미흡 / none, and a note) as drafts, one row per visit and
  proposal (`ProposalVerification`, `recorded_at` NULL); nothing reaches the proposal yet.
- 완료 (or saving a visit already completed) records each chosen draft in the same transaction:
  개선 확인 writes a history entry on the proposal (the visit's day, the visit, the account);
  미흡 needs a note, moves the proposal back to 추진중 (its 완료일 cleared: it is no longer done)
  with a history entry naming the visit and the account. A recorded choice is not changed again.
- A 미흡 may carry photos: `add_verification_photo` attaches them through the attachments
  service (owner "proposal_verification"), at once, as finding photos are.
Writes go through the RESULTS services and their `require_own_inspection`: a 점검 조장 records
checks only on the visits they lead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Exists, exists, func, select
from sqlalchemy.orm import Session

from panelapp.db.base import utcnow
from panelapp.db.models import (
    Attachment,
    Department,
    Inspection,
    Proposal,
    ProposalEvent,
    ProposalVerification,
)
from panelapp.domain.enums import ProposalStatus, VerificationOutcome
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.josa import quoted
from panelapp.domain.localtime import to_local
from panelapp.domain.validation import normalize_text
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.permissions import Permission, require_own_inspection, writes

F_VERIFY = "확인할 개선사항"
PHOTOS = "proposal_verification"  # attachments' owner_type of a check's photos
AFTER_PHOTOS = "proposal_after"


@dataclass(frozen=True)
class VerificationChoice:
    """What the dialog sends for one listed proposal; outcome None: not checked (yet)."""

    proposal_id: int
    outcome: VerificationOutcome | None = None
    note: str | None = None


@dataclass(frozen=True)
class VerificationItem:
    proposal_id: int
    title: str
    department: str | None
    completed_on: dt.date | None  # None once a recorded 미흡 reopened it
    result_text: str | None
    after_photos: int  # the department's "after" photos
    outcome: VerificationOutcome | None
    note: str | None
    photos: int  # this check's own photos
    recorded: bool  # recorded on the proposal: shown, no longer changed
    visited_on: dt.date | None  # the day it was recorded for
    note_masked: bool = False  # the note names a member, shown masked: read-only in the form


def visit_day(insp: Inspection) -> dt.date:
    return to_local(insp.actual_start).date() if insp.actual_start else insp.scheduled_date


def _confirmed() -> Exists:
    return exists().where(
        ProposalVerification.proposal_id == Proposal.id,
        ProposalVerification.recorded_at.is_not(None),
        ProposalVerification.outcome == VerificationOutcome.CONFIRMED,
    )


def listed_ids(s: Session, insp: Inspection) -> list[int]:
    """The proposals this visit lists, by completion day then number."""
    held = select(ProposalVerification.proposal_id).where(ProposalVerification.inspection_id == insp.id)
    due = select(Proposal.id).where(
        Proposal.facility_id == insp.facility_id,
        Proposal.deleted_at.is_(None),
        Proposal.duplicate_of_id.is_(None),  # a duplicate's check is its original's
        Proposal.status == ProposalStatus.DONE,
        Proposal.completed_on < visit_day(insp),
        ~_confirmed(),
    )
    rows = s.execute(
        select(Proposal.id)
        .where(Proposal.deleted_at.is_(None), (Proposal.id.in_(held)) | (Proposal.id.in_(due)))
        .order_by(Proposal.completed_on, Proposal.id)
    )
    return list(rows.scalars())


def items_in(s: Session, insp: Inspection) -> tuple[VerificationItem, ...]:
    ids = listed_ids(s, insp)
    if not ids:
        return ()
    held = {
        v.proposal_id: v
        for v in s.scalars(select(ProposalVerification).where(ProposalVerification.inspection_id == insp.id))
    }
    photos = _photo_counts(s, PHOTOS, [v.id for v in held.values()])
    after = _photo_counts(s, AFTER_PHOTOS, ids)
    out = []
    for p, department in s.execute(
        select(Proposal, Department.name)
        .outerjoin(Department, Department.id == Proposal.department_id)
        .where(Proposal.id.in_(ids))
    ):
        v = held.get(p.id)
        out.append(
            VerificationItem(
                p.id,
                p.title,
                department,
                p.completed_on,
                p.result_text,
                after.get(p.id, 0),
                v.outcome if v else None,
                v.note if v else None,
                photos.get(v.id, 0) if v else 0,
                bool(v and v.recorded_at is not None),
                v.visited_on if v else None,
            )
        )
    order = {pid: n for n, pid in enumerate(ids)}
    return tuple(sorted(out, key=lambda i: order[i.proposal_id]))


def _photo_counts(s: Session, owner_type: str, owner_ids: list[int]) -> dict[int, int]:
    if not owner_ids:
        return {}
    return dict(
        s.execute(
            select(Attachment.owner_id, func.count())
            .where(
                Attachment.owner_type == owner_type,
                Attachment.owner_id.in_(owner_ids),  # one visit's list: a handful
                Attachment.deleted_at.is_(None),
            )
            .group_by(Attachment.owner_id)
        ).all()
    )


def _label(title: str) -> str:
    short = title if len(title) <= 20 else title[:19] + "…"
    return f"{F_VERIFY} '{short}'"


def write_choices(
    s: Session,
    insp: Inspection,
    choices: Iterable[VerificationChoice],
    keep: Callable[[str | None, str | None, str], str | None] | None = None,
) -> None:
    """Inside the results' transaction: keep the choices as drafts (all or none). `keep`:
    masking.masked_text_guard of the acting account (a note shown masked is kept as it is)."""
    listed = set(listed_ids(s, insp))
    held = {
        v.proposal_id: v
        for v in s.scalars(select(ProposalVerification).where(ProposalVerification.inspection_id == insp.id))
    }
    errors: list[ValidationError] = []
    cleaned: list[tuple[int, VerificationOutcome | None, str | None]] = []
    for c in choices:
        p = s.get(Proposal, c.proposal_id)
        if p is None or c.proposal_id not in listed:
            errors.append(
                ValidationError(F_VERIFY, "이 점검에서 확인할 제안이 아닙니다. 화면을 다시 열어 주세요.")
            )
            continue
        label = _label(p.title)
        try:
            note = normalize_text(c.note, f"{label} 메모", 1000) or None
        except ValidationError as e:
            errors.append(e)
            continue
        outcome = VerificationOutcome(c.outcome) if c.outcome is not None else None
        v = held.get(p.id)
        if keep is not None:
            note = keep(v.note if v is not None else None, note, f"{label} 메모")
        if v is not None and v.recorded_at is not None:
            if (v.outcome, v.note) != (outcome, note):
                errors.append(ValidationError(label, "이미 기록된 확인 결과는 바꿀 수 없습니다."))
            continue
        cleaned.append((p.id, outcome, note))
    ValidationErrors.raise_if_any(errors)
    for pid, outcome, note in cleaned:
        v = held.get(pid)
        if outcome is None and note is None:
            if v is not None and not _photo_counts(s, PHOTOS, [v.id]):
                s.delete(v)
            continue
        if v is None:
            v = ProposalVerification(inspection_id=insp.id, proposal_id=pid)
            s.add(v)
        if (v.outcome, v.note) != (outcome, note):
            v.outcome, v.note = outcome, note
    s.flush()


def record_choices(s: Session, ctx: ServiceContext, insp: Inspection, visit_title: str) -> None:
    """Inside the completing transaction: every chosen draft onto its proposal."""
    day = visit_day(insp)
    visit = f"{day:%Y-%m-%d} {visit_title}"
    drafts = list(
        s.scalars(
            select(ProposalVerification)
            .where(
                ProposalVerification.inspection_id == insp.id,
                ProposalVerification.recorded_at.is_(None),
                ProposalVerification.outcome.is_not(None),
            )
            .order_by(ProposalVerification.id)
        )
    )
    errors: list[ValidationError] = []
    for v in drafts:
        p = s.get(Proposal, v.proposal_id)
        if p is None or p.deleted_at is not None:
            raise NotFoundError("확인할 개선제안")
        label = _label(p.title)
        confirmed_elsewhere = s.scalar(
            select(ProposalVerification.id).where(
                ProposalVerification.proposal_id == p.id,
                ProposalVerification.id != v.id,
                ProposalVerification.recorded_at.is_not(None),
                ProposalVerification.outcome == VerificationOutcome.CONFIRMED,
            )
        )
        if p.status != ProposalStatus.DONE or confirmed_elsewhere is not None:
            now = (
                "이미 다른 점검에서 개선 확인되었습니다"
                if confirmed_elsewhere
                else (f"그사이 상태가 {quoted(p.status.label, '으로')} 바뀌었습니다")
            )
            errors.append(ValidationError(label, f"{now}. 화면을 다시 열어 주세요."))
        elif p.completed_on is not None and p.completed_on >= day:
            errors.append(
                ValidationError(
                    label, f"점검일({day:%Y-%m-%d}) 이후에 완료된 제안은 이 점검에서 확인할 수 없습니다."
                )
            )
        elif v.outcome == VerificationOutcome.INSUFFICIENT and not v.note:
            errors.append(ValidationError(label, "미흡이면 무엇이 미흡한지 메모를 적어 주세요."))
    ValidationErrors.raise_if_any(errors)
    for v in drafts:
        p = s.get(Proposal, v.proposal_id)
        assert p is not None and v.outcome is not None
        note = f"현장 확인: {v.outcome.label} ({visit})" + (f"\n{v.note}" if v.note else "")
        if v.outcome == VerificationOutcome.INSUFFICIENT:
            s.add(
                ProposalEvent(
                    proposal_id=p.id,
                    user_id=ctx.user_id,
                    from_status=ProposalStatus.DONE,
                    to_status=ProposalStatus.IN_PROGRESS,
                    note=note + "\n다시 추진중으로 돌립니다.",
                    happened_on=day,
                )
            )
            p.status, p.completed_on = ProposalStatus.IN_PROGRESS, None
        else:
            s.add(
                ProposalEvent(
                    proposal_id=p.id,
                    user_id=ctx.user_id,
                    from_status=ProposalStatus.DONE,
                    to_status=ProposalStatus.DONE,
                    note=note,
                    happened_on=day,
                )
            )
            p.updated_at = utcnow()  # the version moves on: a form open on it is refused, not overwritten
        v.recorded_at, v.recorded_by_id, v.visited_on = utcnow(), ctx.user_id, day
    s.flush()


@writes(Permission.RESULTS)
def add_verification_photo(
    ctx: ServiceContext, inspection_id: int, proposal_id: int, path: str | Path
) -> VerificationItem:
    """A photo of what is 미흡, attached at once (the check's draft row is made when needed, as
    미흡 unless another choice was kept); a recorded check takes none."""
    from panelapp.services.attachments.photos import attach_bytes, read_photo
    from panelapp.services.attachments.store import attachments_root

    data = read_photo(Path(path))
    with transaction(ctx) as s:
        require_own_inspection(ctx, s, inspection_id)
        insp = s.get(Inspection, inspection_id)
        if insp is None or insp.deleted_at is not None:
            raise NotFoundError("점검")
        p = s.get(Proposal, proposal_id)
        if p is None or proposal_id not in listed_ids(s, insp):
            raise ValidationError(F_VERIFY, "이 점검에서 확인할 제안이 아닙니다. 화면을 다시 열어 주세요.")
        v = s.scalar(
            select(ProposalVerification).where(
                ProposalVerification.inspection_id == insp.id, ProposalVerification.proposal_id == p.id
            )
        )
        if v is not None and v.recorded_at is not None:
            raise ValidationError(_label(p.title), "이미 기록된 확인 결과에는 사진을 더할 수 없습니다.")
        if v is None:
            v = ProposalVerification(
                inspection_id=insp.id, proposal_id=p.id, outcome=VerificationOutcome.INSUFFICIENT
            )
            s.add(v)
            s.flush()
        attach_bytes(s, attachments_root(ctx.db), PHOTOS, v.id, data, Path(path).name)
        s.flush()  # like a finding's photo, it leaves the visit's lock counter alone (the open form saves on)
        return next(i for i in items_in(s, insp) if i.proposal_id == p.id)


def latest_checks(
    s: Session, cohort_id: int, department_id: int | None = None, until: dt.date | None = None
) -> dict[int, tuple[VerificationOutcome, dt.date]]:
    """proposal id → (outcome, visit day) of its latest recorded check, for a cohort's proposals
    (one query joined on the cohort; ordered here: the visit day, then when it was recorded);
    `until`: only visits up to that day (a report's period end)."""
    q = (
        select(
            ProposalVerification.proposal_id,
            ProposalVerification.outcome,
            ProposalVerification.visited_on,
            ProposalVerification.recorded_at,
            ProposalVerification.id,
        )
        .join(Proposal, Proposal.id == ProposalVerification.proposal_id)
        .where(
            Proposal.cohort_id == cohort_id,
            Proposal.deleted_at.is_(None),
            ProposalVerification.recorded_at.is_not(None),
        )
    )
    if department_id is not None:
        q = q.where(Proposal.department_id == department_id)
    if until is not None:
        q = q.where(ProposalVerification.visited_on <= until)
    latest: dict[int, tuple[tuple[dt.date, dt.datetime, int], VerificationOutcome, dt.date]] = {}
    for pid, outcome, day, at, vid in s.execute(q):
        if outcome is None or day is None or at is None:
            continue
        key = (day, at, vid)
        if pid not in latest or key > latest[pid][0]:
            latest[pid] = (key, outcome, day)
    return {pid: (outcome, day) for pid, (_k, outcome, day) in latest.items()}


def check_text(status: ProposalStatus, latest: tuple[VerificationOutcome, dt.date] | None) -> str | None:
    """확인 결과 as the export writes it: "개선 확인 (2026-06-10)", "미흡 (2026-06-10)" (and
    ", 다시 완료·확인 전" once completed again), "확인 전" for a done proposal not checked yet."""
    if latest is None:
        return "확인 전" if status is ProposalStatus.DONE else None
    outcome, day = latest
    text = f"{outcome.label} ({day:%Y-%m-%d})"
    if outcome is VerificationOutcome.INSUFFICIENT and status is ProposalStatus.DONE:
        text += ", 다시 완료·확인 전"
    return text


@dataclass(frozen=True)
class CheckPhoto:
    attachment_id: int
    original_name: str
    visited_on: dt.date | None
    outcome: VerificationOutcome | None
    note: str | None


def check_photos(ctx: ServiceContext, proposal_id: int) -> list[CheckPhoto]:
    """The photos the visits' checks took of a proposal (what was 미흡), oldest visit first: the
    proposal's detail shows them to the department that has to do the work again. Only recorded
    checks: a draft is still the visiting team's."""
    from panelapp.services.context import reading
    from panelapp.services.permissions import department_scope

    with reading(ctx) as s:
        p = s.get(Proposal, proposal_id)
        scope = department_scope(ctx, s)
        if p is None or p.deleted_at is not None or (scope is not None and p.department_id != scope):
            raise NotFoundError("개선제안")
        rows = s.execute(
            select(Attachment.id, Attachment.original_name, ProposalVerification)
            .join(
                ProposalVerification,
                (Attachment.owner_type == PHOTOS) & (Attachment.owner_id == ProposalVerification.id),
            )
            .where(
                ProposalVerification.proposal_id == proposal_id,
                ProposalVerification.recorded_at.is_not(None),
                Attachment.deleted_at.is_(None),
            )
            .order_by(ProposalVerification.visited_on, Attachment.id)
        ).all()
        return [CheckPhoto(aid, name, v.visited_on, v.outcome, v.note) for aid, name, v in rows]
