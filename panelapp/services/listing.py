"""Helpers for the id-based lists (registers, feedback, content, trash).

A list service offers `<thing>_ids(ctx, query, sort_key, descending)`: the filter and the ORDER BY
in SQL with a stable tie-break, ids read straight off the cursor; and `<thing>_rows(ctx, ids)`:
one primary-key lookup for the block of rows about to be painted (the GUI asks 100 at a time).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from panelapp.domain.text_input import nfc

BLOCK = 500  # ids per IN-list when a caller wants every row (never one IN-list that grows with the data)


def fetch_ids(session: Session, stmt: Select[Any]) -> list[Any]:
    """The first column of every row, read off the DBAPI cursor: 100k plain integers in ~30 ms
    instead of ~150 ms through SQLAlchemy's row processing."""
    result = session.connection().execute(stmt)
    try:
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()


def fetch_pairs(session: Session, stmt: Select[Any]) -> list[tuple[Any, Any]]:
    """The first two columns of every row (for lists whose key is a pair, like the trash)."""
    result = session.connection().execute(stmt)
    try:
        return [(row[0], row[1]) for row in result.cursor.fetchall()]
    finally:
        result.close()


def ordering(primary: Any, descending: bool, *ties: Any) -> list[Any]:
    """ORDER BY the sort column, then the tie-breaks (the last one unique, e.g. the id), all in
    the same direction so "newest first" stays newest first among equal dates."""
    return [c.desc() if descending else c.asc() for c in (primary, *ties)]


def like_pattern(text: str | None) -> str | None:
    """A case-insensitive LIKE pattern for 'contains', whitespace collapsed; None for no text."""
    words = " ".join(nfc(text or "").split())
    if not words:
        return None
    escaped = words.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column: Any, pattern: str) -> ColumnElement[bool]:
    return func.lower(column).like(pattern, escape="\\")


def blocks(ids: Sequence[Any], size: int = BLOCK) -> Iterator[list[Any]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])
