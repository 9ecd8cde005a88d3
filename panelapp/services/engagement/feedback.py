"""좋아요 / 아쉬워요: citizens' praise and complaints, their handling and answer.

A note may point at the proposal it led to. Edits, the handled flag and deletion return an
UndoRecord (Ctrl+Z); deleted notes go to the trash.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Date, func, literal, select

from panelapp.db.base import utcnow
from panelapp.db.models import Facility, Feedback, Proposal
from panelapp.domain.enums import FeedbackKind, FeedbackSource
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.localtime import today_local
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.listing import blocks, contains, fetch_ids, like_pattern, ordering
from panelapp.services.permissions import Permission, writes
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
    search: str = ""  # part of the note's text


@dataclass(frozen=True)
class FeedbackCounts:
    likes: int  # in the filtered list
    dislikes: int
    total: int  # notes of the cohort, whatever the filter

    @property
    def shown(self) -> int:
        return self.likes + self.dislikes


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


def _filtered(stmt, query: FeedbackQuery):
    stmt = stmt.where(Feedback.deleted_at.is_(None))
    if query.cohort_id is not None:
        stmt = stmt.where(Feedback.cohort_id == query.cohort_id)
    if query.kind is not None:
        stmt = stmt.where(Feedback.kind == query.kind)
    if query.facility_id is not None:
        stmt = stmt.where(Feedback.facility_id == query.facility_id)
    if query.handled is not None:
        stmt = stmt.where(Feedback.handled.is_(query.handled))
    if query.date_from is not None:
        stmt = stmt.where(Feedback.received_on >= query.date_from)
    if query.date_to is not None:
        stmt = stmt.where(Feedback.received_on <= query.date_to)
    pattern = like_pattern(query.search)
    if pattern is not None:
        stmt = stmt.where(contains(Feedback.text, pattern))
    return stmt


_NO_DATE = literal(dt.date(1900, 1, 1), Date)  # unanswered notes sort as the oldest answers
# sort key -> ORDER BY expression (NULLs made explicit, so SQLite and PostgreSQL agree)
FEEDBACK_SORTS = {
    "received": Feedback.received_on,
    "kind": Feedback.kind,
    "facility": func.coalesce(Facility.name, ""),
    "text": Feedback.text,
    "source": Feedback.source,
    "handled": Feedback.handled,
    "answered": func.coalesce(Feedback.answered_on, _NO_DATE),
    "proposal": func.coalesce(Proposal.title, ""),
}


def feedback_ids(
    ctx: ServiceContext,
    query: FeedbackQuery = FeedbackQuery(),
    sort_key: str = "received",
    descending: bool = True,
) -> list[int]:
    """Ids of the notes matching the query, sorted in SQL (ties: newest received, then id)."""
    stmt = select(Feedback.id)
    if sort_key == "facility":
        stmt = stmt.outerjoin(Facility, Facility.id == Feedback.facility_id)
    elif sort_key == "proposal":
        stmt = stmt.outerjoin(Proposal, (Proposal.id == Feedback.proposal_id) & Proposal.deleted_at.is_(None))
    primary = FEEDBACK_SORTS.get(sort_key, Feedback.received_on)
    stmt = _filtered(stmt, query).order_by(*ordering(primary, descending, Feedback.received_on, Feedback.id))
    with reading(ctx) as s:
        if masking.names_a_member(ctx, s, query.search):
            return []
        return fetch_ids(s, stmt)


def feedback_rows(ctx: ServiceContext, ids: list[int]) -> list[FeedbackRow]:
    """The notes with these ids (one query by primary key; deleted ones are left out)."""
    if not ids:
        return []
    with reading(ctx) as s:
        # a note may name a member ("김영희 단원이 안내해 줬어요"): masked for a masked role
        shown = masking.text_masker(s, masking.personal_masked(ctx))
        return [
            masking.texts_masked(_row(*r), shown, "text", "answer", "proposal_title")
            for r in s.execute(_select().where(Feedback.id.in_(ids)))
        ]


def feedback_counts(ctx: ServiceContext, query: FeedbackQuery = FeedbackQuery()) -> FeedbackCounts:
    """좋아요 and 아쉬워요 in the filtered list (one GROUP BY), and the cohort's notes in all."""
    by_kind = _filtered(select(Feedback.kind, func.count()), query).group_by(Feedback.kind)
    total = select(func.count()).select_from(Feedback).where(Feedback.deleted_at.is_(None))
    if query.cohort_id is not None:
        total = total.where(Feedback.cohort_id == query.cohort_id)
    with reading(ctx) as s:
        counts = dict(s.execute(by_kind).all())
        everything = s.scalar(total) or 0
    return FeedbackCounts(counts.get(FeedbackKind.LIKE, 0), counts.get(FeedbackKind.DISLIKE, 0), everything)


def list_feedback(ctx: ServiceContext, query: FeedbackQuery = FeedbackQuery()) -> FeedbackList:
    """Every matching note, newest first, with the counts (for scripts and tests: the page reads
    `feedback_ids` and fetches rows by id as they are painted)."""
    ids = feedback_ids(ctx, query)
    found: dict[int, FeedbackRow] = {}
    for block in blocks(ids):
        found.update((r.id, r) for r in feedback_rows(ctx, block))
    counts = feedback_counts(ctx, query)
    return FeedbackList([found[i] for i in ids if i in found], counts.likes, counts.dislikes, counts.total)


def proposal_link_choices(
    ctx: ServiceContext,
    cohort_id: int | None,
    facility_id: int | None = None,
    include_id: int | None = None,
    limit: int = 300,
) -> tuple[list[tuple[int, str]], bool]:
    """(id, "제목 (상태)") of the proposals a note may link to, newest first: the cohort's, of the
    note's facility (or of no facility) when it has one, at most `limit`, plus `include_id` (the
    current link) always. The flag says whether more exist than are listed."""
    stmt = select(Proposal.id, Proposal.title, Proposal.status).where(
        Proposal.deleted_at.is_(None),
        Proposal.duplicate_of_id.is_(None),  # a duplicate's go to its original
    )
    if cohort_id is not None:
        stmt = stmt.where(Proposal.cohort_id == cohort_id)
    if facility_id is not None:
        stmt = stmt.where((Proposal.facility_id == facility_id) | Proposal.facility_id.is_(None))
    stmt = stmt.order_by(Proposal.submitted_on.desc(), Proposal.id.desc()).limit(limit + 1)
    with reading(ctx) as s:
        rows = s.execute(stmt).all()
        more = len(rows) > limit
        rows = rows[:limit]
        if include_id is not None and all(r[0] != include_id for r in rows):
            current = s.execute(
                select(Proposal.id, Proposal.title, Proposal.status).where(
                    Proposal.id == include_id, Proposal.deleted_at.is_(None)
                )
            ).first()
            if current is not None:
                rows = [current, *rows]
        shown = masking.text_masker(s, masking.personal_masked(ctx))
    return [(pid, f"{shown(title)} ({status.label})") for pid, title, status in rows], more


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


@writes(Permission.PANEL_WORK)
def create_feedback(
    ctx: ServiceContext, data: FeedbackInput, today: dt.date | None = None
) -> tuple[FeedbackRow, UndoRecord]:
    values = _clean(data, today or today_local())
    with transaction(ctx) as s:
        _check_refs(s, values)
        f = Feedback(**values)
        s.add(f)
        s.flush()
        return _reload(s, f.id), UndoRecord.for_create(f, f"{data.kind.label} 기록")


@writes(Permission.PANEL_WORK)
def update_feedback(
    ctx: ServiceContext, feedback_id: int, data: FeedbackInput, version: int, today: dt.date | None = None
) -> tuple[FeedbackRow, UndoRecord]:
    """Edit a note, its handling and answer, or its link to a proposal."""
    values = _clean(data, today or today_local())
    with transaction(ctx) as s:
        f = _load(s, feedback_id)
        check_version(f, version)
        _check_refs(s, values)
        values["cohort_id"] = f.cohort_id
        before = snapshot(f)
        for key, value in values.items():
            setattr(f, key, value)
        return _reload(s, f.id), UndoRecord.for_update(f, before, f"{f.kind.label} 수정")


@writes(Permission.PANEL_WORK)
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


@writes(Permission.PANEL_WORK)
def delete_feedback(ctx: ServiceContext, feedback_id: int, version: int | None = None) -> UndoRecord:
    with transaction(ctx) as s:
        f = _load(s, feedback_id)
        check_version(f, version)
        before = snapshot(f)
        f.deleted_at, f.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return UndoRecord.for_delete(f, before, f"{f.kind.label} 삭제")
