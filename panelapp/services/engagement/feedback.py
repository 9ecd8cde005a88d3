"""좋아요 / 아쉬워요: citizens' praise and complaints, their handling and answer.

A note may point at the proposal it led to. Edits, the handled flag and deletion return an
UndoRecord (Ctrl+Z); deleted notes go to the trash.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from panelapp.db.base import utcnow
from panelapp.db.models import Facility, Feedback, Proposal
from panelapp.domain.enums import FeedbackKind, FeedbackSource
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.validation import normalize_text
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.system.undo import UndoRecord, snapshot

F_TEXT, F_DATE, F_ANSWER, F_ANSWERED_ON = "내용", "접수일", "답변", "답변일"


@dataclass(frozen=True)
class FeedbackInput:
    cohort_id: int | None
    kind: FeedbackKind
    text: str
    received_on: dt.date
    source: FeedbackSource = FeedbackSource.BOARD
    facility_id: int | None = None
    proposal_id: int | None = None
    handled: bool = False
    answer: str | None = None
    answered_on: dt.date | None = None  # None with an answer: today


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    cohort_id: int | None
    kind: FeedbackKind
    source: FeedbackSource
    received_on: dt.date
    text: str
    facility_id: int | None
    facility_name: str | None
    handled: bool
    answer: str | None
    answered_on: dt.date | None
    proposal_id: int | None
    proposal_title: str | None
    version: int


@dataclass(frozen=True)
class FeedbackQuery:
    cohort_id: int | None = None
    kind: FeedbackKind | None = None
    facility_id: int | None = None
    handled: bool | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class FeedbackList:
    rows: list[FeedbackRow]
    likes: int  # in the filtered list
    dislikes: int
    total: int  # notes of the cohort, whatever the filter


def _select():
    return (
        select(Feedback, Facility.name, Proposal.title)
        .outerjoin(Facility, Facility.id == Feedback.facility_id)
        .outerjoin(Proposal, (Proposal.id == Feedback.proposal_id) & Proposal.deleted_at.is_(None))
        .where(Feedback.deleted_at.is_(None))
    )


def _row(f: Feedback, facility: str | None, proposal: str | None) -> FeedbackRow:
    return FeedbackRow(
        f.id,
        f.cohort_id,
        f.kind,
        f.source,
        f.received_on,
        f.text,
        f.facility_id,
        facility,
        f.handled,
        f.answer,
        f.answered_on,
        f.proposal_id if proposal is not None else None,
        proposal,
        f.version,
    )


def list_feedback(ctx: ServiceContext, query: FeedbackQuery = FeedbackQuery()) -> FeedbackList:
    """Newest first, with the count of each kind in what is shown."""
    q = _select()
    base = select(func.count()).select_from(Feedback).where(Feedback.deleted_at.is_(None))
    if query.cohort_id is not None:
        q = q.where(Feedback.cohort_id == query.cohort_id)
        base = base.where(Feedback.cohort_id == query.cohort_id)
    if query.kind is not None:
        q = q.where(Feedback.kind == query.kind)
    if query.facility_id is not None:
        q = q.where(Feedback.facility_id == query.facility_id)
    if query.handled is not None:
        q = q.where(Feedback.handled.is_(query.handled))
    if query.date_from is not None:
        q = q.where(Feedback.received_on >= query.date_from)
    if query.date_to is not None:
        q = q.where(Feedback.received_on <= query.date_to)
    with reading(ctx) as s:
        rows = [_row(*r) for r in s.execute(q.order_by(Feedback.received_on.desc(), Feedback.id.desc()))]
        total = s.scalar(base)
    likes = sum(1 for r in rows if r.kind == FeedbackKind.LIKE)
    return FeedbackList(rows, likes, len(rows) - likes, total)


def _clean(data: FeedbackInput, today: dt.date) -> dict:
    errors: list[ValidationError] = []
    values = {
        "cohort_id": data.cohort_id,
        "kind": data.kind,
        "source": data.source,
        "facility_id": data.facility_id,
        "proposal_id": data.proposal_id,
        "handled": bool(data.handled),
        "received_on": data.received_on,
    }
    for key, field, raw, size, required in (
        ("text", F_TEXT, data.text, 2000, True),
        ("answer", F_ANSWER, data.answer, 2000, False),
    ):
        try:
            values[key] = normalize_text(raw, field, size, required)
        except ValidationError as e:
            errors.append(e)
    if data.received_on is None or data.received_on > today:
        errors.append(ValidationError(F_DATE, "접수일은 오늘 이후일 수 없습니다."))
    answered = data.answered_on
    if values.get("answer") and answered is None:
        answered = today
    if not values.get("answer"):
        answered = None
    if answered is not None and data.received_on is not None and answered < data.received_on:
        errors.append(ValidationError(F_ANSWERED_ON, "답변일은 접수일보다 앞설 수 없습니다."))
    if answered is not None and answered > today:
        errors.append(ValidationError(F_ANSWERED_ON, "답변일은 오늘 이후일 수 없습니다."))
    ValidationErrors.raise_if_any(errors)
    values["answered_on"] = answered
    if values["answer"]:
        values["handled"] = True  # an answered note is a handled one
    return values


def _check_refs(s, values: dict) -> None:
    if values["facility_id"] is not None:
        f = s.get(Facility, values["facility_id"])
        if f is None or f.deleted_at is not None:
            raise ValidationError("시설", "고른 시설이 없습니다. 다른 사용자가 삭제했을 수 있습니다.")
    if values["proposal_id"] is not None:
        p = s.get(Proposal, values["proposal_id"])
        if p is None or p.deleted_at is not None:
            raise ValidationError(
                "연결 제안", "고른 개선제안이 없습니다. 다른 사용자가 삭제했을 수 있습니다."
            )


def _load(s, feedback_id: int) -> Feedback:
    f = s.get(Feedback, feedback_id)
    if f is None or f.deleted_at is not None:
        raise NotFoundError("좋아요·아쉬워요 기록")
    return f


def _reload(s, feedback_id: int) -> FeedbackRow:
    s.flush()
    return _row(*s.execute(_select().where(Feedback.id == feedback_id)).one())


def create_feedback(
    ctx: ServiceContext, data: FeedbackInput, today: dt.date | None = None
) -> tuple[FeedbackRow, UndoRecord]:
    values = _clean(data, today or dt.date.today())
    with transaction(ctx) as s:
        _check_refs(s, values)
        f = Feedback(**values)
        s.add(f)
        s.flush()
        return _reload(s, f.id), UndoRecord.for_create(f, f"{data.kind.label} 기록")


def update_feedback(
    ctx: ServiceContext, feedback_id: int, data: FeedbackInput, version: int, today: dt.date | None = None
) -> tuple[FeedbackRow, UndoRecord]:
    """Edit a note, its handling and answer, or its link to a proposal."""
    values = _clean(data, today or dt.date.today())
    with transaction(ctx) as s:
        f = _load(s, feedback_id)
        check_version(f, version)
        _check_refs(s, values)
        values["cohort_id"] = f.cohort_id
        before = snapshot(f)
        for key, value in values.items():
            setattr(f, key, value)
        return _reload(s, f.id), UndoRecord.for_update(f, before, f"{f.kind.label} 수정")


def set_handled(
    ctx: ServiceContext, feedback_id: int, handled: bool, version: int | None = None
) -> tuple[FeedbackRow, UndoRecord]:
    """The 처리 check box in the list."""
    with transaction(ctx) as s:
        f = _load(s, feedback_id)
        check_version(f, version)
        before = snapshot(f)
        f.handled = handled
        return _reload(s, f.id), UndoRecord.for_update(f, before, "처리 표시 변경")


def delete_feedback(ctx: ServiceContext, feedback_id: int, version: int | None = None) -> UndoRecord:
    with transaction(ctx) as s:
        f = _load(s, feedback_id)
        check_version(f, version)
        before = snapshot(f)
        f.deleted_at, f.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return UndoRecord.for_delete(f, before, f"{f.kind.label} 삭제")
