"""Where attachment files live: `<database folder>/attachments/<sha256[:2]>/<sha256>`.

Files are named by their content hash, so the same photo attached twice is stored once and a
file can be checked against its name. A SQLite database keeps its attachments beside the
database file (copy the folder with it); a PostgreSQL database keeps them in the database
(table attachment_blobs), and the per-user data folder of each desktop is a cache in front.
"""

from __future__ import annotations

import re
from pathlib import Path

from panelapp.db.engine import Database
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted
from panelapp.paths import data_dir

FOLDER = "attachments"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def attachments_root(db: Database) -> Path:
    path = db.sqlite_path
    if path is not None:
        return path.parent / FOLDER
    return data_dir() / FOLDER


def attachment_path(db: Database, sha256: str) -> Path:
    """The managed file for a content hash (lower-case hex); refuses anything else. On
    PostgreSQL the file is a cache: one this desktop has not seen is fetched from the database
    first (services/attachments/blobs.py), so every desktop reads every photo."""
    if not _SHA256.match(sha256 or ""):
        raise DomainError(f"첨부파일 식별값 {quoted(sha256, '이')} 올바르지 않습니다.")
    path = attachments_root(db) / sha256[:2] / sha256
    if not db.is_sqlite and not path.is_file():
        from panelapp.services.attachments.blobs import cached_file

        cached_file(db, sha256, path)
    return path
