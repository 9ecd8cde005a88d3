"""Where attachment files live: `<database folder>/attachments/<sha256[:2]>/<sha256>`.

Files are named by their content hash, so the same photo attached twice is stored once and a
file can be checked against its name. A SQLite database keeps its attachments beside the
database file (copy the folder with it); a PostgreSQL database keeps them in the per-user data
folder of each desktop.
"""

from __future__ import annotations

import re
from pathlib import Path

from panelapp.db.engine import Database
from panelapp.domain.errors import DomainError
from panelapp.paths import data_dir

FOLDER = "attachments"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def attachments_root(db: Database) -> Path:
    path = db.sqlite_path
    if path is not None:
        return path.parent / FOLDER
    return data_dir() / FOLDER


def attachment_path(db: Database, sha256: str) -> Path:
    """The managed file for a content hash (lower-case hex); refuses anything else."""
    if not _SHA256.match(sha256 or ""):
        raise DomainError(f"첨부파일 식별값 '{sha256}'이(가) 올바르지 않습니다.")
    return attachments_root(db) / sha256[:2] / sha256
