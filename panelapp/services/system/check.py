"""`panelapp check`: integrity of the database file, schema version, attachments and consent.

Each problem is one Korean sentence; an empty list means the database is sound.
"""

from __future__ import annotations

from sqlalchemy import exists, select, text

from panelapp.db.engine import Database
from panelapp.db.migrate import current_revision, head_revision
from panelapp.db.models import Attachment, Cohort, Consent, Enrollment, Member
from panelapp.domain.errors import DomainError
from panelapp.domain.validation import mask_name
from panelapp.services.attachments.store import attachment_path

MAX_LINES = 20  # per kind of problem; the rest is counted, not listed


def run_checks(db: Database) -> list[str]:
    problems: list[str] = []
    if db.is_sqlite:
        problems += _sqlite_integrity(db)
    current, head = current_revision(db), head_revision(db)
    if current != head:
        found = f"현재 {current}" if current else "스키마 없음"
        problems.append(
            f"데이터베이스 형식이 최신({head})이 아닙니다({found}). 프로그램을 한 번 실행하면 "
            "백업을 만든 뒤 자동으로 올립니다. 나머지 점검은 그 뒤에 할 수 있습니다."
        )
        return problems
    problems += _capped(_missing_attachments(db), "첨부파일이 없는 기록")
    problems += _capped(_enrollments_without_consent(db), "동의 기록이 없는 참여단원")
    return problems


def _sqlite_integrity(db: Database) -> list[str]:
    out: list[str] = []
    with db.engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        if rows != ["ok"]:
            out += [f"데이터베이스 파일이 손상되었습니다: {r}" for r in rows[:MAX_LINES]]
            out.append("손상된 파일은 backups 폴더의 최근 백업으로 되돌리는 것이 안전합니다.")
        for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
            out.append(f"'{table}' 표의 {rowid}번 행이 '{parent}' 표에 없는 항목을 가리킵니다.")
    return out


def _missing_attachments(db: Database) -> list[str]:
    with db.session_factory() as s:
        rows = s.execute(
            select(Attachment.id, Attachment.sha256, Attachment.original_name)
            .where(Attachment.deleted_at.is_(None))
            .order_by(Attachment.id)
        ).all()
    out = []
    for att_id, sha, name in rows:
        try:
            present = attachment_path(db, sha).is_file()
        except DomainError:  # a malformed hash is a problem to report, not a crash
            present = False
        if not present:
            out.append(f"첨부파일 '{name}'(번호 {att_id})의 파일이 첨부파일 폴더에 없습니다.")
    return out


def _enrollments_without_consent(db: Database) -> list[str]:
    has_consent = exists().where(Consent.enrollment_id == Enrollment.id)
    with db.session_factory() as s:
        rows = s.execute(
            select(Enrollment.id, Member.name, Cohort.number)
            .join(Member, Member.id == Enrollment.member_id)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            .where(Enrollment.deleted_at.is_(None), ~has_consent)
            .order_by(Cohort.number, Enrollment.id)
        ).all()
    return [
        f"제{number}기 참여단원 {mask_name(name)}(등록 번호 {eid})의 개인정보 동의 기록이 없습니다."
        for eid, name, number in rows
    ]


def _capped(lines: list[str], what: str) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    return lines[:MAX_LINES] + [f"{what}: 이 밖에 {len(lines) - MAX_LINES}건이 더 있습니다."]
