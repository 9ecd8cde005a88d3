"""휴지통: soft-deleted records of every kind, listed, counted and restored.

Nothing is ever removed for good here; the legal destruction of personal data after its
retention period is a separate, logged procedure. The kinds are explicit objects in
registry.py; the list is one SQL UNION ALL of every kind's deleted rows, so the trash page
filters, sorts and counts in the database and fetches the rows it paints by key:

    keys = trash_ids(ctx, TrashQuery(kind="finding"), sort_key="deleted", descending=True)
    items = trash_rows(ctx, keys[:100])
    restore(ctx, "finding", keys[0][1])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal, literal_column, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select, Subquery

from panelapp.db.models import User
from panelapp.domain.errors import DomainError, NotFoundError
from panelapp.domain.josa import quoted
from panelapp.domain.localtime import as_utc
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.listing import blocks, contains, fetch_pairs, like_pattern, ordering
from panelapp.services.permissions import Permission, writes
from panelapp.services.trash.kinds import TrashItem, TrashKind, cohort_label  # noqa: F401 - public here too
from panelapp.services.trash.registry import BY_KEY, KIND_LABELS, KINDS  # noqa: F401

TRASH_SORTS = ("kind", "label", "deleted", "who")


@dataclass(frozen=True)
class TrashQuery:
    kind: str | None = None  # a kind's key; None: every kind
    search: str = ""  # part of the item's name or title


def _listing(query: TrashQuery, *, masked: bool, with_kind_filter: bool = True) -> Subquery | None:
    """The trash as one subquery: kind number, id, deleted_at, text, deleter id. With `masked`
    (a role that sees names masked) a kind whose text is a person's name has no text here: the
    search never matches it and the 항목 sort leaves it in deletion order."""
    pattern = like_pattern(query.search)
    arms: list[Select[Any]] = []
    for number, kind in enumerate(KINDS):
        if with_kind_filter and query.kind is not None and kind.key != query.kind:
            continue
        model = kind.model
        text: Any = literal("") if masked and kind.text_names_a_person else kind.text()
        stmt = select(
            literal_column(str(number)).label("kind_no"),
            model.id.label("id"),
            model.deleted_at.label("deleted_at"),
            text.label("text"),
            model.deleted_by_id.label("who"),
        ).select_from(model)
        stmt = kind.joined(stmt).where(model.deleted_at.is_not(None), *kind.where())
        if pattern is not None:
            stmt = stmt.where(contains(text, pattern))
        arms.append(stmt)
    if not arms:
        return None
    return (arms[0] if len(arms) == 1 else union_all(*arms)).subquery("trash")


def trash_ids(
    ctx: ServiceContext, query: TrashQuery = TrashQuery(), sort_key: str = "deleted", descending: bool = True
) -> list[tuple[str, int]]:
    """(kind, id) of everything in the trash matching the query, sorted in SQL; by default the
    most recently deleted first."""
    t = _listing(query, masked=masking.personal_masked(ctx))
    if t is None:
        return []
    source: Any = t
    if sort_key == "who":
        source = t.outerjoin(User, User.id == t.c.who)
        primary: Any = func.coalesce(User.name, "")
    else:
        primary = {"kind": t.c.kind_no, "label": func.lower(t.c.text)}.get(sort_key, t.c.deleted_at)
    ties = [t.c.deleted_at, t.c.kind_no, t.c.id] if primary is not t.c.deleted_at else [t.c.kind_no, t.c.id]
    stmt = select(t.c.kind_no, t.c.id).select_from(source).order_by(*ordering(primary, descending, *ties))
    with reading(ctx) as s:
        pairs = fetch_pairs(s, stmt)
    return [(KINDS[int(number)].key, int(item_id)) for number, item_id in pairs]


def trash_counts(ctx: ServiceContext, search: str = "") -> dict[str, int]:
    """How many items of each kind the trash holds (matching `search`): one GROUP BY."""
    t = _listing(TrashQuery(None, search), masked=masking.personal_masked(ctx), with_kind_filter=False)
    if t is None:
        return {}
    with reading(ctx) as s:
        rows = s.execute(select(t.c.kind_no, func.count()).group_by(t.c.kind_no)).all()
    return {KINDS[int(number)].key: count for number, count in rows}


def trash_rows(ctx: ServiceContext, keys: Sequence[tuple[str, int]]) -> list[TrashItem]:
    """The items for these (kind, id) keys: per kind one query by primary key. Keys no longer in
    the trash are left out; the order is not kept (the page keys rows by `TrashItem.key`)."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for key, item_id in keys:
        wanted[key].append(item_id)
    out: list[TrashItem] = []
    masked = masking.personal_masked(ctx)
    with reading(ctx) as s:
        for key, ids in wanted.items():
            kind = BY_KEY.get(key)
            if kind is not None:
                out.extend(_items(s, kind, ids, masked))
    return out


def _items(s: Session, kind: TrashKind, ids: list[int], masked: bool = False) -> list[TrashItem]:
    model = kind.model
    labels = kind.shown_labels(s, ids, masked)
    rows = s.execute(
        select(model.id, model.deleted_at, User.name)
        .outerjoin(User, User.id == model.deleted_by_id)
        .where(model.id.in_(ids), model.deleted_at.is_not(None))
    )
    return [
        TrashItem(kind.key, item_id, labels.get(item_id, ""), as_utc(deleted_at), who, kind.label)
        for item_id, deleted_at, who in rows
    ]


def list_trash(ctx: ServiceContext, query: TrashQuery = TrashQuery()) -> list[TrashItem]:
    """Everything in the trash, most recently deleted first (for scripts and tests; the page
    pages through `trash_ids`/`trash_rows`)."""
    keys = trash_ids(ctx, query)
    found: dict[tuple[str, int], TrashItem] = {}
    for block in blocks(keys):
        found.update((item.key, item) for item in trash_rows(ctx, block))
    return [found[k] for k in keys if k in found]


@writes(Permission.PANEL_WORK)
def restore(ctx: ServiceContext, kind: str, item_id: int) -> str:
    """Take an item out of the trash; returns its label. Refuses when that would clash."""
    trash_kind = BY_KEY.get(kind)
    if trash_kind is None:
        raise DomainError(f"{quoted(kind, '은')} 휴지통에서 복원할 수 있는 종류가 아닙니다.")
    with transaction(ctx) as s:
        obj = s.get(trash_kind.model, item_id)
        if obj is None or obj.deleted_at is None:
            raise NotFoundError(f"휴지통의 {trash_kind.label}")
        return trash_kind.restore(s, obj)
