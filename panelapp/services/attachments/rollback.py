"""Photo files of a transaction that does not commit are removed again.

A photo is copied into the managed folder before its row is flushed (store_bytes, inside the
transaction that adds the row), because the row must name a file that exists. When that
transaction rolls back (a later row of the same call refused, a stale version, a kill of the
connection, a full disk at COMMIT), the row is gone and the file would be left with no row:
an orphan that only `panelapp check --repair` would find. So the files a transaction made are
remembered on its session and removed when its outermost transaction ends without a commit.

A file is removed only when no row names its content hash: another transaction may have
stored the same photo meanwhile and committed its row.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction

from panelapp.db.models import Attachment

log = logging.getLogger(__name__)
KEY = "panelapp.attachment_files_made"


def created_in(session: Session, path: Path) -> None:
    """Remember that this session's transaction made the attachment file `path`."""
    made: list[Path] | None = session.info.get(KEY)
    if made is None:
        made = session.info[KEY] = []
        if not event.contains(session, "after_commit", _committed):
            event.listen(session, "after_commit", _committed)
            event.listen(session, "after_transaction_end", _ended)
    made.append(path)


def _committed(session: Session) -> None:
    session.info.pop(KEY, None)  # the rows are in: the files are theirs


def _ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is not None:
        return  # a savepoint or inner transaction: the outer one decides
    made: list[Path] | None = session.info.pop(KEY, None)
    if made:
        remove_unclaimed(session, made)


def remove_unclaimed(session: Session, paths: list[Path]) -> int:
    """Remove each file whose content hash (its name) no attachment row names; returns how
    many. Best effort: a file left behind is an orphan `check` reports."""
    removed = 0
    try:
        bind: Any = session.get_bind()
        with bind.connect() as conn:
            for path in paths:
                claimed = conn.execute(
                    select(Attachment.id).where(Attachment.sha256 == path.name).limit(1)
                ).first()
                if claimed is None:
                    try:
                        path.unlink(missing_ok=True)
                        removed += 1
                    except OSError as exc:
                        log.warning("attachment file of a rolled-back transaction left: %s", exc)
    except Exception as exc:  # the rollback's own error is what the caller must see
        log.warning("attachment files of a rolled-back transaction left: %s", exc)
    return removed
