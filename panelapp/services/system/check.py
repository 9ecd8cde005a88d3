"""`panelapp check`: integrity of the database file, schema version, attachments and consent.

Each problem is one Korean sentence; an empty list means the database is sound. Nothing is
written: a SQLite file is read through a read-only connection (and not created when missing),
so a damaged file is examined without being touched.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import exists, select

from panelapp.db.engine import Database
from panelapp.db.integrity import NotADatabase, connect_read_only, inspect_file, integrity_problems
from panelapp.db.migrate import current_revision, head_revision, known_revisions, schema_differences
from panelapp.db.models import Attachment, Cohort, Consent, Enrollment, Member
from panelapp.domain.errors import DomainError
from panelapp.domain.failures import (
    DatabaseUnusable,
    StorageError,
    Unusable,
    newer_schema_sentence,
    restore_hint,
)
from panelapp.domain.validation import mask_name
from panelapp.services.attachments.store import attachment_path
from panelapp.services.errors import corrupt_sentence
from panelapp.settings import Settings

MAX_LINES = 20  # per kind of problem; the rest is counted, not listed


def run_checks(db: Database, settings: Settings | None = None) -> list[str]:
    problems: list[str] = []
    head = head_revision(db)
    path = db.sqlite_path if db.is_sqlite and str(db.sqlite_path) != ":memory:" else None
    if path is not None:
        found, stop, current, tables = _sqlite_file(db, path, settings)
        problems += found
        if stop:
            return problems
    else:
        current = current_revision(db)
        tables = None
    if current is not None and current not in known_revisions():
        problems.append(newer_schema_sentence(db.display_name(), current, head))
        return problems
    if current is None:
        problems.append(_unstamped(db, tables))
        return problems
    if path is not None:
        differences = schema_differences(path, current)
        if differences:
            problems.append(
                f"데이터베이스의 구조가 형식 {current}과(와) 맞지 않습니다({'; '.join(differences[:5])}). "
                "이전 버전에서 형식을 올리다가 중단된 것으로 보입니다: 형식을 올리기 전에 만든 백업으로 "
                "복원하세요(파일 → 백업·복원, 또는 panelapp restore 백업파일)."
            )
            return problems
    if current != head:
        problems.append(
            f"데이터베이스 형식이 최신({head})이 아닙니다(현재 {current}). 프로그램을 한 번 실행하면 "
            "백업을 만든 뒤 자동으로 올립니다. 나머지 점검은 그 뒤에 할 수 있습니다."
        )
        return problems
    problems += _capped(_missing_attachments(db), "첨부파일이 없는 기록")
    problems += _capped(_enrollments_without_consent(db), "동의 기록이 없는 참여단원")
    return problems


def _unstamped(db: Database, tables: list[str] | None) -> str:
    if not tables:
        return (
            f"'{db.display_name()}'에 아직 데이터베이스 형식이 없습니다(새 데이터베이스). 프로그램을 한 번 "
            "실행하면 만듭니다."
        )
    return (
        f"'{db.display_name()}'은(는) 만들다가 중단된 데이터베이스로 보입니다(표는 있는데 형식 정보가 "
        "없습니다). 표가 비어 있으면 프로그램을 실행할 때 새로 만들고, 자료가 있으면 백업으로 복원해야 "
        "합니다(파일 → 백업·복원)."
    )


def _sqlite_file(
    db: Database, path: Path, settings: Settings | None
) -> tuple[list[str], bool, str | None, list[str] | None]:
    """(problems, stop, stamp, tables) of the file, read-only; stop when nothing else can be
    checked (no file, not a database, damaged)."""
    from panelapp.services.system.opening import newest_good

    try:
        state = inspect_file(path, full=False)
    except NotADatabase:  # nothing to check: an error, as for a file that cannot be read
        backup = newest_good(db, settings)
        raise DatabaseUnusable(
            corrupt_sentence(str(path), "SQLite 데이터베이스 파일의 머리말이 없음", backup),
            Unusable.CORRUPT,
            path,
            backup,
        ) from None
    except OSError as exc:
        raise StorageError.from_os_error(exc, path, prefix="점검할 수 없습니다: ") from None
    if not state.exists:
        return (
            [
                f"데이터베이스 파일 '{path}'이(가) 없거나 비어 있습니다. 프로그램을 한 번 실행하면 새로 만듭니다."
            ],
            True,
            None,
            None,
        )
    out: list[str] = []
    damaged = integrity_problems(path, MAX_LINES)
    if damaged:
        out += [f"데이터베이스 파일이 손상되었습니다: {r}" for r in damaged[:MAX_LINES]]
        out.append(
            "손상된 파일에는 쓰지 마세요." + restore_hint(newest_good(db, settings), db.display_name())
        )
        return out, True, None, None
    conn = connect_read_only(path)
    try:
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            out.append(f"'{table}' 표의 {rowid}번 행이 '{parent}' 표에 없는 항목을 가리킵니다.")
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version'"
            )
        ]
    finally:
        conn.close()
    return out, False, state.stamp, tables


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
