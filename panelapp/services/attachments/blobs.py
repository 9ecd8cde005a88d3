"""Photo contents in the shared PostgreSQL database, with the local folder as a cache in front.

- `save_blob` (inside the transaction that adds the attachment row) stores the bytes once per
  content hash, so a photo added on one desktop is readable on every other.
- `cached_file` gives the local hash-named file, fetching it from the database first when this
  desktop has not seen it yet (checked against its hash, written atomically); every reader goes
  through `store.attachment_path`, which calls it, so the viewer, thumbnails, reports and
  archives of any desktop get the photo.
- `upload_local_files` (`panelapp attachments upload`) moves the files of an installation from
  before this table into the database.
SQLite databases keep their files beside the database and never use the table.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from panelapp.atomic import private_folder, write_bytes
from panelapp.db.engine import Database
from panelapp.db.models import Attachment, AttachmentBlob

_BLOBS = AttachmentBlob.__table__


def uses_blobs(dialect_name: str) -> bool:
    return dialect_name == "postgresql"


def save_blob(conn: Session | Connection, sha: str, data: bytes, mime: str) -> None:
    """Store the bytes under their hash unless they are there (a second desktop adding the same
    photo at the same moment is not an error)."""
    stmt = pg_insert(AttachmentBlob).values(sha256=sha, size=len(data), mime=mime, data=data)
    conn.execute(stmt.on_conflict_do_nothing(index_elements=["sha256"]))


def cached_file(db: Database, sha: str, target: Path) -> bool:
    """Make `target` (the cache file for `sha`) from the database; False when it has no such
    content (or the server cannot be read now: the caller reports a missing file)."""
    try:
        with db.engine.connect() as conn:
            data = conn.execute(select(_BLOBS.c.data).where(_BLOBS.c.sha256 == sha)).scalar()
    except Exception:  # noqa: BLE001 - no server now: the photo is missing here, not a crash
        return False
    if data is None or hashlib.sha256(data).hexdigest() != sha:
        return False
    private_folder(target.parent)
    write_bytes(target, bytes(data))
    return True


def missing_blobs(db: Database) -> list[tuple[int, str, str]]:
    """(attachment id, sha, original name) of live attachments whose content is not in the
    database (PostgreSQL only; [] on SQLite)."""
    if not uses_blobs(db.engine.dialect.name):
        return []
    with db.session_factory() as s:
        present = select(AttachmentBlob.sha256).where(AttachmentBlob.sha256 == Attachment.sha256).exists()
        rows = s.execute(
            select(Attachment.id, Attachment.sha256, Attachment.original_name)
            .where(Attachment.deleted_at.is_(None), ~present)
            .order_by(Attachment.id)
        ).all()
    return [(int(i), str(sha), str(name)) for i, sha, name in rows]


@dataclass(frozen=True)
class UploadResult:
    uploaded: int  # contents stored now
    already: int  # contents the database had
    not_here: tuple[str, ...]  # original names of photos whose file this desktop does not have


def upload_local_files(db: Database) -> UploadResult:
    """Store every attachment content this desktop's folder holds and the database lacks."""
    from panelapp.domain.errors import DomainError
    from panelapp.services.attachments.store import attachments_root

    if not uses_blobs(db.engine.dialect.name):
        raise DomainError(
            "SQLite 데이터베이스는 첨부파일을 데이터베이스 옆 폴더에 둡니다. 올리기는 PostgreSQL 서버에만 합니다."
        )
    root = attachments_root(db)
    wanted = missing_blobs(db)
    uploaded, not_here = 0, []
    done: set[str] = set()
    for _att_id, sha, name in wanted:
        if sha in done:
            continue
        path = root / sha[:2] / sha
        if not path.is_file():
            not_here.append(name)
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            not_here.append(name)  # a damaged copy is not uploaded
            continue
        with db.engine.begin() as conn:  # one photo a transaction: an interrupted upload resumes
            mime = conn.execute(select(Attachment.mime).where(Attachment.sha256 == sha).limit(1)).scalar()
            save_blob(conn, sha, data, mime or "application/octet-stream")
        done.add(sha)
        uploaded += 1
    with db.engine.connect() as conn:
        stored = conn.execute(select(_BLOBS.c.sha256)).scalars().all()
    return UploadResult(uploaded, max(0, len(stored) - uploaded), tuple(not_here))
