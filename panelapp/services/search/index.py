"""Keeps the search index (search_grams) in step with the documents, whatever service writes them.

An `after_flush` listener (attached per database by `attach`, see services/context.py) re-indexes the rows of the indexed models that the
flush inserted, changed (in an indexed column or deleted_at) or deleted: a soft-deleted row
leaves the index, a restored one comes back. Postings are added with insert-or-ignore, so a
stale index never makes a user's save fail; stale postings only cost a candidate that the
search then rejects against the real text. Paths that bypass the ORM call `index_documents`
(the roster import does); `ensure_index` fills an empty index from what is stored (a database
upgraded from before the index existed) and `rebuild_index` redoes it all.
"""

from __future__ import annotations

import enum
import weakref

from sqlalchemy import bindparam, delete, event, exists, select
from sqlalchemy.orm import Session, attributes

from panelapp.db.models import Facility, Feedback, Finding, Member, Proposal, SearchGram
from panelapp.domain.search_text import grams
from panelapp.services.permissions import Permission, writes


class DocKind(enum.IntEnum):
    MEMBER = 1
    FACILITY = 2
    FINDING = 3
    PROPOSAL = 4
    FEEDBACK = 5


# model → (kind, indexed columns); a member's phone is searched by its last 4 digits only.
INDEXED = {
    Member: (DocKind.MEMBER, ("name", "district", "phone")),
    Facility: (DocKind.FACILITY, ("name", "address")),
    Finding: (DocKind.FINDING, ("title", "description", "location")),
    Proposal: (DocKind.PROPOSAL, ("title", "problem", "proposal", "answer")),
    Feedback: (DocKind.FEEDBACK, ("text",)),
}
MODELS = {kind: model for model, (kind, _cols) in INDEXED.items()}
CHUNK = 1000


def doc_grams(model, values: dict) -> set[int]:
    texts = [values.get(c) for c in INDEXED[model][1]]
    if model is Member and texts[2]:
        texts[2] = "".join(ch for ch in texts[2] if ch.isdigit())[-4:]
    return grams(texts)


def write_postings(conn, kind: int, added: dict[int, set[int]], removed: dict[int, set[int]]) -> None:
    drops = [{"g": g, "k": int(kind), "d": doc} for doc, gs in removed.items() for g in gs]
    if drops:
        t = SearchGram.__table__
        conn.execute(
            delete(t).where(
                t.c.gram == bindparam("g"), t.c.doc_kind == bindparam("k"), t.c.doc_id == bindparam("d")
            ),
            drops,
        )
    # Straight to the driver's executemany: SQLAlchemy's per-row parameter processing cost more
    # than the inserts (a 100,000-member import writes about a million postings).
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {SearchGram.__tablename__} (gram, doc_kind, doc_id) "
        f"VALUES ({mark}, {mark}, {mark}) ON CONFLICT DO NOTHING"
    )
    adds = [(g, int(kind), doc) for doc, gs in added.items() for g in gs]
    for start in range(0, len(adds), 20000):
        conn.exec_driver_sql(sql, adds[start : start + 20000])


def _values(obj, cols, old: bool) -> dict:
    out = {}
    for c in cols:
        if not old:
            out[c] = getattr(obj, c)
            continue
        hist = attributes.get_history(obj, c, passive=attributes.PASSIVE_NO_INITIALIZE)
        if hist.deleted:
            out[c] = hist.deleted[0]
        elif hist.unchanged:
            out[c] = hist.unchanged[0]
        elif not hist.added:
            out[c] = getattr(obj, c, None)
        else:
            out[c] = None  # the old value was never loaded: a stale posting costs nothing
    return out


def _after_flush(session: Session, _flush_context) -> None:
    changes: dict[int, tuple[dict, dict]] = {}
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        spec = INDEXED.get(type(obj))
        if spec is None:
            continue
        kind, cols = spec
        model, watched = type(obj), (*cols, "deleted_at")
        is_new, is_gone = obj in session.new, obj in session.deleted
        if not (is_new or is_gone) and not any(
            attributes.get_history(obj, c, passive=attributes.PASSIVE_NO_INITIALIZE).has_changes()
            for c in watched
        ):
            continue
        old_live = not is_new and _values(obj, ("deleted_at",), old=True)["deleted_at"] is None
        new_live = not is_gone and obj.deleted_at is None
        before = doc_grams(model, _values(obj, cols, old=True)) if old_live else set()
        after = doc_grams(model, _values(obj, cols, old=False)) if new_live else set()
        added, removed = changes.setdefault(kind, ({}, {}))
        if after - before:
            added[obj.id] = after - before
        if before - after:
            removed[obj.id] = before - after
    if changes:
        conn = session.connection()
        for kind, (added, removed) in changes.items():
            write_postings(conn, kind, added, removed)


_ATTACHED: weakref.WeakSet = weakref.WeakSet()  # session factories that keep the index current


def attach(factory) -> None:
    """Keep the index current on every session this factory makes (idempotent). Called when a
    database is first used by a service, not at import: importing the module changes nothing."""
    if factory not in _ATTACHED:
        event.listen(factory, "after_flush", _after_flush)
        _ATTACHED.add(factory)


def index_documents(session: Session, model, ids: list[int]) -> None:
    """Index rows written without the ORM (bulk inserts), by id, in the caller's transaction."""
    kind, cols = INDEXED[model]
    conn = session.connection()
    for start in range(0, len(ids), CHUNK):
        rows = session.execute(
            select(model.id, *(getattr(model, c) for c in cols)).where(
                model.id.in_(ids[start : start + CHUNK]), model.deleted_at.is_(None)
            )
        )
        write_postings(conn, kind, {r[0]: doc_grams(model, dict(zip(cols, r[1:]))) for r in rows}, {})


def index_members(session: Session, ids: list[int]) -> None:
    index_documents(session, Member, list(ids))


def index_new_documents(session: Session, model, docs: dict[int, dict]) -> None:
    """Index rows just bulk-inserted, from the values the caller wrote (id → column values):
    no reading them back, as index_documents does (the roster import's 100,000 members)."""
    kind = INDEXED[model][0]
    write_postings(session.connection(), kind, {i: doc_grams(model, v) for i, v in docs.items()}, {})


def rebuild_kind(session: Session, kind: DocKind) -> int:
    model = MODELS[kind]
    session.execute(delete(SearchGram).where(SearchGram.doc_kind == int(kind)))
    ids = list(session.scalars(select(model.id).where(model.deleted_at.is_(None)).order_by(model.id)))
    index_documents(session, model, ids)
    return len(ids)


@writes(Permission.PANEL_WORK)
def rebuild_index(ctx) -> int:
    """Redo the whole index from the stored documents; returns how many were indexed."""
    from panelapp.services.context import transaction

    with transaction(ctx) as s:
        return sum(rebuild_kind(s, kind) for kind in DocKind)


_ENSURED: weakref.WeakSet = weakref.WeakSet()  # engines whose index was checked
PROBES = 20  # live documents looked at per kind before calling a kind indexed


def _kind_indexed(s: Session, kind: DocKind, model) -> bool:
    """Whether the kind's documents have postings, asked of a few live documents with text by
    primary-key lookups of one of their grams. (`EXISTS … WHERE doc_kind = k` has no index to
    use: the key leads with the gram, and on 62 million postings it took ~2 s on the first
    search of a session.) A kind without live documents, or whose first ones have no text, needs
    nothing."""
    cols = INDEXED[model][1]
    rows = s.execute(
        select(model.id, *(getattr(model, c) for c in cols))
        .where(model.deleted_at.is_(None))
        .order_by(model.id)
        .limit(PROBES)
    ).all()
    for row in rows:
        doc = doc_grams(model, dict(zip(cols, row[1:])))
        if doc:
            gram = min(doc)
            return bool(
                s.scalar(
                    select(
                        exists().where(
                            SearchGram.gram == gram,
                            SearchGram.doc_kind == int(kind),
                            SearchGram.doc_id == row[0],
                        )
                    )
                )
            )
    return True


def ensure_index(ctx) -> list[DocKind]:
    """Once per database and process: index every kind that has documents but no postings."""
    from panelapp.services.context import reading, transaction

    if ctx.db.engine in _ENSURED:
        return []
    with reading(ctx) as s:
        missing = [kind for kind, model in MODELS.items() if not _kind_indexed(s, kind, model)]
    if missing:
        with transaction(ctx) as s:
            for kind in missing:
                rebuild_kind(s, kind)
    _ENSURED.add(ctx.db.engine)
    return missing
