"""Destroying the personal data of due members (파기), irreversibly, with its ledger line.

One transaction removes every personal field of each member (the name becomes "파기된 단원 #N";
phone, e-mail, birth year, gender, district, notes cleared; their consent records deleted;
their enrolments' leaving reasons and attendance notes cleared; their search-index postings
deleted), marks the row destroyed (and deleted, so no list, search or trash shows it: a
trashed enrolment of theirs can no longer be restored), and writes the 파기 관리대장 line. The
statistics stay, anonymous: enrolments, hours, attendance, inspection assignments and the
findings they wrote keep pointing at the member's number.

After the commit the freed pages are wiped (`wipe.py`) and the backups dealt with
(`backup_handling.py`); the ledger line is then completed with what happened to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from panelapp.db.base import utcnow
from panelapp.db.models import Attendance, Consent, DestructionRecord, Enrollment, Member, SearchGram
from panelapp.domain.enums import Gender
from panelapp.domain.errors import ValidationError
from panelapp.domain.localtime import today_local
from panelapp.domain.retention_data import DESTROYED_ITEMS, KEPT_ANONYMOUS, destroyed_name
from panelapp.domain.validation import normalize_text
from panelapp.services.audit import log as audit
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.people.account_history import host_name
from panelapp.services.permissions import Permission, require, writes
from panelapp.services.retention.due import check_due, due_ids
from panelapp.services.search.index import DocKind
from panelapp.settings import Settings

CHUNK = 500
PENDING = "백업 정리가 끝나지 않음(중단됨): 백업 폴더의 파기 전 백업을 직접 확인하여 삭제해야 함"


@dataclass(frozen=True)
class DestructionResult:
    record_id: int
    count: int
    member_ids: tuple[int, ...]
    wiped: bool
    method: str
    backups: str


def _anonymize(s: Session, member_ids: list[int], now: dt.datetime) -> None:
    for start in range(0, len(member_ids), CHUNK):
        chunk = member_ids[start : start + CHUNK]
        for member in s.scalars(select(Member).where(Member.id.in_(chunk))):
            member.name = destroyed_name(member.id)
            member.phone = ""  # no live row: the unique index of live phones does not see it
            member.email = member.district = member.notes = None
            member.birth_year = None
            member.gender = Gender.UNSPECIFIED
            member.destroyed_at = now
            if member.deleted_at is None:
                member.deleted_at = now
        enrolments = select(Enrollment.id).where(Enrollment.member_id.in_(chunk)).scalar_subquery()
        s.execute(
            update(Enrollment)
            .where(Enrollment.member_id.in_(chunk))
            .values(left_reason=None)
            .execution_options(synchronize_session=False)
        )
        s.execute(
            update(Attendance)
            .where(Attendance.enrollment_id.in_(enrolments), Attendance.note.is_not(None))
            .values(note=None)
            .execution_options(synchronize_session=False)
        )
        s.execute(delete(Consent).where(Consent.member_id.in_(chunk)))
        s.flush()  # the search index's flush listener has now re-indexed the placeholder name
        s.execute(
            delete(SearchGram).where(SearchGram.doc_kind == int(DocKind.MEMBER), SearchGram.doc_id.in_(chunk))
        )


@writes(Permission.RETENTION)
def destroy_members(
    ctx: ServiceContext,
    member_ids: list[int] | None,
    reason: str,
    settings: Settings | None,
    today: dt.date | None = None,
) -> DestructionResult:
    """Destroy the given members (None: every member due today). Every one must be due; the
    reason is required. Irreversible."""
    reason_text = normalize_text(reason, "파기 사유", 500, required=True)
    assert reason_text is not None
    today = today or today_local()
    now = utcnow()
    with transaction(ctx) as s:
        approver = require(ctx, s, Permission.RETENTION)
        ids = due_ids(s, today) if member_ids is None else sorted(set(member_ids))
        if not ids:
            raise ValidationError("파기 대상", "파기할 단원이 없습니다.")
        check_due(s, ids, today)
        _anonymize(s, ids, now)
        record = DestructionRecord(
            at=now,
            approver_id=approver.id,
            count=len(ids),
            member_ids=ids,
            items=DESTROYED_ITEMS + f" (익명으로 남긴 통계: {KEPT_ANONYMOUS})",
            method="복원할 수 없게 데이터베이스의 값을 지움",
            reason=reason_text,
            backups=PENDING,
            host=host_name(),
        )
        s.add(record)
        s.flush()
        record_id = record.id
        audit.record(
            s, ctx, "destroy", members=ids, purpose=reason_text, detail=f"파기 관리대장 {record_id}번"
        )
    return _finish(ctx, record_id, ids, settings)


def _finish(
    ctx: ServiceContext, record_id: int, ids: list[int], settings: Settings | None
) -> DestructionResult:
    from panelapp.services.retention.backup_handling import replace_backups
    from panelapp.services.retention.wipe import checkpoint, wipe_freed

    wiped = wipe_freed(ctx.db)
    handling = replace_backups(ctx.db, settings)
    method = "복원할 수 없게 데이터베이스의 값을 지움; " + wiped.method
    with transaction(ctx) as s:
        record = s.get(DestructionRecord, record_id)
        assert record is not None
        record.method, record.backups = method, handling.text
    checkpoint(ctx.db)  # the ledger's own completion leaves the WAL empty too
    return DestructionResult(record_id, len(ids), tuple(ids), wiped.complete, method, handling.text)
