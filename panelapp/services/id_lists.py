"""Pieces every id-based list service uses: the id fetch, ORDER BY parts, a LIKE filter.

A list page holds the ordered ids of everything its filters match (a million findings at most)
and fetches the rows it paints by id. These helpers keep those queries portable between SQLite
and PostgreSQL and cheap in Python:

- `fetch_ids` reads the single id column straight off the driver's cursor: a million ids cost
  about a quarter of what SQLAlchemy's result rows cost (plain integers need no conversion).
- `ordered` turns sort parts into ORDER BY terms with the id as the stable tie-break, in the
  same direction; `nulls_last` keeps empty values at the end both ways (SQLite puts NULL first
  and PostgreSQL last unless told).
- `ranked` sorts an enum column by a fixed order (severity, workflow) instead of its stored text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, case, func, or_
from sqlalchemy.orm import Session

from panelapp.domain.enums import LabeledEnum
from panelapp.domain.text_input import nfc


def fetch_ids(s: Session, stmt: Select[Any]) -> list[int]:
    """The first (only) column of every row of `stmt`, as a list of ints."""
    result = s.connection().execute(stmt)
    try:
        return list(chain.from_iterable(result.cursor.fetchall()))
    finally:
        result.close()


def nulls_last(expr: SQLColumnExpression[Any], descending: bool = False) -> list[ColumnElement[Any]]:
    """ORDER BY parts that put NULLs after every value, ascending or descending."""
    missing = case((expr.is_(None), 1), else_=0)
    return [missing.asc(), expr.desc() if descending else expr.asc()]


def ordered(
    parts: Sequence[SQLColumnExpression[Any]],
    descending: bool,
    tie_break: SQLColumnExpression[int],
    fixed: Sequence[ColumnElement[Any]] = (),
) -> list[ColumnElement[Any]]:
    """`fixed` terms (already directed, e.g. from nulls_last) first, then `parts` in the asked
    direction, then the id in the same direction: equal keys keep one order across reloads."""
    direct = [p.desc() if descending else p.asc() for p in parts]
    return [*fixed, *direct, tie_break.desc() if descending else tie_break.asc()]


def ranked(column: SQLColumnExpression[Any], order: Iterable[enum.Enum]) -> ColumnElement[int]:
    """0, 1, 2… in the order given; values outside it after them."""
    members = list(order)
    return case(*((column == m, n) for n, m in enumerate(members)), else_=len(members))


def by_label(column: SQLColumnExpression[Any], members: Iterable[LabeledEnum]) -> ColumnElement[int]:
    """Rank of each value's Korean label in 가나다 order: the column sorts as it reads."""
    order: list[LabeledEnum] = sorted(members, key=lambda m: m.label)
    return ranked(column, order)


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_matches(text: str, columns: Iterable[SQLColumnExpression[Any]]) -> ColumnElement[bool] | None:
    """Any of the columns contains the text, ignoring case and repeated spaces; None for no text."""
    words = " ".join(nfc(text or "").split())
    if not words:
        return None
    pattern = f"%{escape_like(words.lower())}%"
    return or_(*(func.lower(c).like(pattern, escape="\\") for c in columns))
