"""`panelapp check`: integrity of the database file, schema version, attachments, consent and
the access log's hash chain (services/audit/chain.py).

Each problem is one Korean sentence; an empty list means the database is sound. Nothing is
written: a SQLite file is read through a read-only connection (and not created when missing),
so a damaged file is examined without being touched.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from sqlalchemy import exists, func, select

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
from panelapp.domain.josa import josa, quoted
from panelapp.services import masking
from panelapp.services.attachments.store import attachment_path, attachments_root
from panelapp.services.audit.chain import chain_problems
from panelapp.services.errors import corrupt_sentence
from panelapp.settings import Settings

MAX_LINES = 20  # per kind of problem; the rest is counted, not listed
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_HASH_FOLDER = re.compile(r"^[0-9a-f]{2}$")
_THUMB = re.compile(r"^([0-9a-f]{64})_[0-9a-z]+\.jpg$")  # thumbs/<sha>_256.jpg, <sha>_print…x….jpg


def run_checks(
    db: Database, settings: Settings | None = None, *, repaired: list[str] | None = None
) -> list[str]:
    """The problems found. Given `repaired` (`check --repair`), what can be set right without
    touching the database is: orphaned attachment files are removed, and said in `repaired`
    instead of among the problems. Nothing is repaired in a database that fails the checks
    before (damaged, unstamped, not the newest schema): its rows cannot be trusted."""
    problems: list[str] = []
    head = head_revision(db)
    path = db.sqlite_path if db.is_sqlite and str(db.sqlite_path) != ":memory:" else None
    problems += _capped(readable_by_others(db, settings), "다른 사용자도 읽을 수 있는 파일")
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
                f"데이터베이스의 구조가 형식 {josa(current, '과')} 맞지 않습니다({'; '.join(differences[:5])}). "
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
    problems += _capped(_blobs_not_on_server(db), "서버에 없는 첨부파일")
    problems += _capped(_orphans(db, repaired), "기록이 없는 첨부파일")
    problems += _capped(_enrollments_without_consent(db), "동의 기록이 없는 참여단원")
    problems += _capped(duplicate_people(db), "같은 번호를 쓰는 사람")
    problems += _capped(chain_problems(db), "접속기록의 이상")
    return problems


def _owner_only_places(db: Database, settings: Settings | None) -> list[Path]:
    """The files and folders of ours that hold personal data: the database with its -wal and
    -shm, the attachments folder with its folders and files, the backups, the settings file.
    (Folders the user chose or gave, for backups or PANELAPP_HOME, are theirs to share; exports
    go where the user chose and are made 0600.)"""
    from panelapp.services.system.backups import list_backups

    places: list[Path] = []
    path = db.sqlite_path if db.is_sqlite and str(db.sqlite_path) != ":memory:" else None
    if path is not None:
        places += [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
    root = attachments_root(db)
    places.append(root)
    if root.is_dir():
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            places.append(folder)
            places += sorted(folder.iterdir())
    places += [info.path for info in list_backups(db, settings)]
    if settings is not None:
        places.append(settings.path)
    return places


def readable_by_others(db: Database, settings: Settings | None) -> list[str]:
    """A sentence for each of those the group or others may read (POSIX; none elsewhere)."""
    from panelapp.atomic import OWNER_FILE, OWNER_FOLDER, wider_than_owner

    found = []
    for place in _owner_only_places(db, settings):
        mode = wider_than_owner(place)
        if mode is None:
            continue
        wanted = OWNER_FOLDER if place.is_dir() else OWNER_FILE
        found.append(
            f"{quoted(place, '은')} 소유자가 아닌 사용자도 열 수 있습니다(권한 {mode:03o}). 개인정보가 "
            f"담겨 있으니 소유자만 쓰도록 바꾸세요: chmod {wanted:o} {shlex.quote(str(place))}"
        )
    return found


def _unstamped(db: Database, tables: list[str] | None) -> str:
    if not tables:
        return (
            f"'{db.display_name()}'에 아직 데이터베이스 형식이 없습니다(새 데이터베이스). 프로그램을 한 번 "
            "실행하면 만듭니다."
        )
    return (
        f"{quoted(db.display_name(), '은')} 만들다가 중단된 데이터베이스로 보입니다(표는 있는데 형식 정보가 "
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
                f"데이터베이스 파일 {quoted(path, '이')} 없거나 비어 있습니다. 프로그램을 한 번 실행하면 새로 만듭니다."
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
    from panelapp.services.attachments.blobs import missing_blobs

    told = {att_id for att_id, _sha, _name in missing_blobs(db)}  # said as not on the server
    out = []
    for att_id, sha, name in rows:
        if att_id in told:
            continue
        try:
            present = attachment_path(db, sha).is_file()
        except DomainError:  # a malformed hash is a problem to report, not a crash
            present = False
        if not present:
            out.append(f"첨부파일 '{name}'(번호 {att_id})의 파일이 첨부파일 폴더에 없습니다.")
    return out


def _blobs_not_on_server(db: Database) -> list[str]:
    """PostgreSQL: photos whose content only some desktop's folder holds (added before the
    contents were kept in the database): the other desktops cannot show them."""
    from panelapp.services.attachments.blobs import missing_blobs

    return [
        f"첨부파일 '{name}'(번호 {att_id})의 내용이 서버 데이터베이스에 없어 다른 컴퓨터에서 볼 수 없습니다. "
        "파일이 있는 컴퓨터에서 'panelapp attachments upload'를 실행하세요."
        for att_id, _sha, name in missing_blobs(db)
    ]


def orphan_files(db: Database) -> list[Path]:
    """Files in the attachments folder that no attachment row names (a live one or one in the
    trash): a photo copied in by a transaction that then rolled back before this version
    removed it (attachments/rollback.py), with its thumbnails and print copies. SQLite only:
    the folder beside a SQLite database is its own, while a PostgreSQL database's folder is
    per computer and may hold the photos of another server's database."""
    if not db.is_sqlite:
        return []
    root = attachments_root(db)
    if not root.is_dir():
        return []
    orphans: list[Path] = []
    known: set[str] = set()
    with db.session_factory() as s:

        def claimed(prefix: str) -> set[str]:
            upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)  # every hash starting with `prefix`
            return set(
                s.scalars(
                    select(Attachment.sha256)
                    .where(Attachment.sha256 >= prefix, Attachment.sha256 < upper)
                    .distinct()
                )
            )

        for folder in sorted(p for p in root.iterdir() if _HASH_FOLDER.match(p.name) and p.is_dir()):
            names = [p for p in folder.iterdir() if _SHA256.match(p.name) and p.is_file()]
            if not names:
                continue
            rows = claimed(folder.name)
            known |= rows
            orphans += [p for p in sorted(names) if p.name not in rows]
        thumbs = root / "thumbs"
        if thumbs.is_dir():
            for p in sorted(thumbs.iterdir()):
                found = _THUMB.match(p.name)
                if found is None or not p.is_file():
                    continue
                sha = found.group(1)
                if sha not in known and sha not in claimed(sha):
                    orphans.append(p)
    if orphans:  # another database in the same folder shares the attachments folder: its photos stay
        neighbours = claimed_by_neighbours(db)
        orphans = [p for p in orphans if _sha_of(p) not in neighbours]
    return orphans


def _sha_of(path: Path) -> str:
    found = _THUMB.match(path.name)
    return found.group(1) if found is not None else path.name


def claimed_by_neighbours(db: Database) -> set[str]:
    """The photo hashes other SQLite databases beside this one name: two database files in one
    folder (a demo beside the office's) share its attachments folder, so a photo this database
    does not know may be theirs. Each is read read-only; one that is not a database of this
    program (or cannot be read) claims nothing."""
    import sqlite3

    path = db.sqlite_path
    if path is None:
        return set()
    claimed: set[str] = set()
    for other in sorted(path.parent.iterdir()):
        if other == path or other.name.startswith(".") or not other.is_file():
            continue
        if other.suffix.lower() not in (".db", ".sqlite", ".sqlite3", ".panelapp"):
            continue
        try:
            conn = sqlite3.connect(f"{other.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        except sqlite3.Error:
            continue
        try:
            claimed |= {row[0] for row in conn.execute("SELECT sha256 FROM attachments") if row[0]}
        except sqlite3.Error:
            pass  # not one of ours, or unreadable: it claims nothing
        finally:
            conn.close()
    return claimed


def _orphans(db: Database, repaired: list[str] | None) -> list[str]:
    found = orphan_files(db)
    if repaired is None:
        return [
            f"첨부파일 폴더의 {quoted(p.relative_to(attachments_root(db)).as_posix(), '은')} 어느 기록에도 "
            "붙어 있지 않습니다(저장이 취소된 사진). 'panelapp check --repair'로 지울 수 있습니다."
            for p in found
        ]
    left: list[str] = []
    removed = 0
    for p in found:
        try:
            p.unlink()
            removed += 1
        except FileNotFoundError:
            removed += 1
        except OSError as exc:
            left.append(f"기록이 없는 첨부파일 {quoted(p, '을')} 지우지 못했습니다: {exc.strerror or exc}")
    if removed:
        repaired.append(f"어느 기록에도 붙어 있지 않은 첨부파일 {removed:,}개를 지웠습니다.")
    return left


def _enrollments_without_consent(db: Database) -> list[str]:
    has_consent = exists().where(Consent.enrollment_id == Enrollment.id)
    with db.session_factory() as s:
        rows = s.execute(
            select(Enrollment.id, Member.name, Cohort.number)
            .join(Member, Member.id == Enrollment.member_id)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            # a destroyed member's consents went with the destruction (services/retention)
            .where(Enrollment.deleted_at.is_(None), Member.destroyed_at.is_(None), ~has_consent)
            .order_by(Cohort.number, Enrollment.id)
        ).all()
    return [
        f"제{number}기 참여단원 {masking.name(name)}(등록 번호 {eid})의 개인정보 동의 기록이 없습니다."
        for eid, name, number in rows
    ]


def duplicate_people(db: Database) -> list[str]:
    """Live people sharing a phone number (the unique index of migration 0008 forbids it; a
    database missing that index, or restored from elsewhere, may still hold them)."""
    shared = (
        select(Member.phone)
        .where(Member.deleted_at.is_(None))
        .group_by(Member.phone)
        .having(func.count() > 1)
    )
    with db.session_factory() as s:
        rows = s.execute(
            select(Member.phone, Member.id, Member.name)
            .where(Member.deleted_at.is_(None), Member.phone.in_(shared))
            .order_by(Member.phone, Member.id)
        ).all()
    groups: dict[str, list[str]] = {}
    for phone, member_id, name in rows:
        groups.setdefault(phone, []).append(f"{masking.name(name)}(단원 번호 {member_id})")
    return [
        f"같은 휴대전화 번호({masking.phone(phone)})로 {len(people)}명이 있습니다: {', '.join(people)}. "
        "같은 사람이 두 번 기록되었거나 번호가 잘못 적힌 것입니다. 다른 사람이면 번호를 고쳐 주세요."
        for phone, people in groups.items()
    ]


def _capped(lines: list[str], what: str) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    return lines[:MAX_LINES] + [f"{what}: 이 밖에 {len(lines) - MAX_LINES}건이 더 있습니다."]
