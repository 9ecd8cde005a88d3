"""What a write changed, collected from the transaction itself (after Anki's OpChanges).

Every committed write transaction records which kinds of records it inserted, updated or
deleted, and their ids, by looking at the ORM flush (`after_flush`): a service cannot forget to
announce what it changed. Bulk writes through `session.execute(insert(...))` are seen by their
table (ids unknown). Changes that touch no table (a report file written, the acting user
switched in the settings) are announced with `declare`.

The GUI's op helper runs each service call inside `collecting()` on its worker thread and
emits the collected `Changes` on the bus when the call returns, so pages never announce
changes by hand. A rolled-back transaction announces nothing.

    with collecting() as bag:
        services.findings.manage.delete_finding(ctx, 12, version=3)
    bag.changes  # Changes(kinds={Kind.FINDING, Kind.TRASH}, ids={Kind.FINDING: {12}, ...})
"""

from __future__ import annotations

import enum
import weakref
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker


class Kind(str, enum.Enum):
    """What changed. The values are the names pages have always listened for."""

    ORGANIZATION = "organization"
    DEPARTMENT = "department"
    FACILITY = "facility"
    FACILITY_TYPE = "facility_type"
    CHECKLIST = "checklist"
    COHORT = "cohort"
    TEAM = "team"
    MEMBER = "member"
    ENROLLMENT = "enrollment"
    EVENT = "event"
    ATTENDANCE = "attendance"
    INSPECTION = "inspection"
    RESULT = "result"
    FINDING = "finding"
    ATTACHMENT = "attachment"
    PROPOSAL = "proposal"
    FEEDBACK = "feedback"
    CONTENT = "content"
    USER = "user"
    REPORT = "report"  # a report file was written (the recent-reports list)
    TRASH = "trash"  # something went into the trash or came back out of it
    ANSWER_TEMPLATE = "answer_template"  # 답변 템플릿 (services/proposals/templates.py)
    PLAN = "plan"  # 차년도 업무계획 (services/proposals/next_year.py)


# table → the kinds a row change there means (the search index and the access log mean nothing
# a page shows). A row of a child table announces its parent's kind too.
TABLE_KINDS: dict[str, tuple[Kind, ...]] = {
    "organizations": (Kind.ORGANIZATION,),
    "departments": (Kind.DEPARTMENT,),
    "facilities": (Kind.FACILITY,),
    "facility_types": (Kind.FACILITY_TYPE,),
    "checklist_templates": (Kind.CHECKLIST,),
    "checklist_template_versions": (Kind.CHECKLIST,),
    "checklist_sections": (Kind.CHECKLIST,),
    "checklist_items": (Kind.CHECKLIST,),
    "cohorts": (Kind.COHORT,),
    "teams": (Kind.TEAM,),
    "members": (Kind.MEMBER,),
    "enrollments": (Kind.ENROLLMENT, Kind.MEMBER),
    "consent_notices": (),
    "consents": (Kind.MEMBER,),
    "activity_events": (Kind.EVENT,),
    "attendances": (Kind.ATTENDANCE,),
    "inspections": (Kind.INSPECTION,),
    "inspection_assignments": (Kind.INSPECTION,),
    "checklist_responses": (Kind.RESULT,),
    "findings": (Kind.FINDING,),
    "attachments": (Kind.ATTACHMENT,),
    "proposals": (Kind.PROPOSAL,),
    "proposal_events": (Kind.PROPOSAL,),
    "proposal_findings": (Kind.PROPOSAL, Kind.FINDING),
    "proposal_milestones": (Kind.PROPOSAL,),  # 추진 단계, part of the proposal
    "proposal_verifications": (Kind.RESULT, Kind.PROPOSAL),  # kept with a visit's results
    "answer_templates": (Kind.ANSWER_TEMPLATE,),
    "plan_items": (Kind.PLAN,),
    "feedback": (Kind.FEEDBACK,),
    "content_posts": (Kind.CONTENT,),
    "users": (Kind.USER,),
    "access_logs": (),
    "access_log_seals": (),  # beside a review's access-log entry
    "account_events": (),  # always beside a change of its users row
    "report_records": (Kind.REPORT,),
    "search_grams": (),
    "attachment_blobs": (),  # contents on a server; the attachments row says what changed
}


@dataclass(frozen=True)
class Changes:
    """The kinds that changed and, per kind, the ids known to have changed.

    A kind without ids (`ids_of(kind)` is None) means "some, not said which": reload all."""

    kinds: frozenset[Kind] = frozenset()
    ids: Mapping[Kind, frozenset[int]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, kinds: Iterable[Kind]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def ids_of(self, kind: Kind) -> frozenset[int] | None:
        return self.ids.get(kind)

    def merged(self, other: Changes) -> Changes:
        kinds = self.kinds | other.kinds
        ids: dict[Kind, frozenset[int]] = {}
        for kind in kinds:
            mine, theirs = self.ids.get(kind), other.ids.get(kind)
            # a kind announced without ids by either side stays without ids
            unknown = (kind in self.kinds and mine is None) or (kind in other.kinds and theirs is None)
            if not unknown:
                ids[kind] = (mine or frozenset()) | (theirs or frozenset())
        return Changes(frozenset(kinds), ids)


class _Bag:
    """Accumulates kinds and ids: for one transaction (in session.info) or one op."""

    def __init__(self) -> None:
        self.kinds: set[Kind] = set()
        self.ids: dict[Kind, set[int]] = {}
        self.unknown: set[Kind] = set()  # kinds announced without ids

    def add(self, kind: Kind, ids: Iterable[int] | None) -> None:
        self.kinds.add(kind)
        if ids is None:
            self.unknown.add(kind)
        else:
            self.ids.setdefault(kind, set()).update(int(i) for i in ids)

    def add_changes(self, changes: Changes) -> None:
        for kind in changes.kinds:
            self.add(kind, changes.ids_of(kind))

    @property
    def changes(self) -> Changes:
        ids = {k: frozenset(v) for k, v in self.ids.items() if k not in self.unknown}
        return Changes(frozenset(self.kinds), ids)


_COLLECTOR: ContextVar[_Bag | None] = ContextVar("panelapp_changes", default=None)
_PENDING = "panelapp_changes"  # session.info key: this transaction's bag until it commits


@contextmanager
def collecting() -> Iterator[_Bag]:
    """Collect the changes of every transaction committed inside the block (this thread)."""
    bag = _Bag()
    token = _COLLECTOR.set(bag)
    try:
        yield bag
    finally:
        _COLLECTOR.reset(token)


def declare(kind: Kind, ids: Iterable[int] | None = None, session: Session | None = None) -> None:
    """Announce a change the ORM flush cannot see: inside `session`'s transaction (announced
    when it commits), or at once when no session is given (a file written, a setting)."""
    if session is not None:
        _pending(session).add(kind, ids)
        return
    bag = _COLLECTOR.get()
    if bag is not None:
        bag.add(kind, ids)


def pending(session: Session) -> Changes:
    """What `session`'s transaction has changed so far (flushed writes and declarations), for
    the hook that tells other desktops before it commits (services/live.py)."""
    bag = session.info.get(_PENDING)
    return bag.changes if bag is not None else Changes()


def _pending(session: Session) -> _Bag:
    bag = session.info.get(_PENDING)
    if bag is None:
        bag = session.info[_PENDING] = _Bag()
    return bag


def _after_flush(session: Session, _context: Any) -> None:
    bag = _pending(session)
    for objects, trashed in ((session.new, False), (session.dirty, True), (session.deleted, False)):
        for obj in objects:
            kinds = TABLE_KINDS.get(getattr(obj, "__tablename__", ""), ())
            if not kinds:
                continue
            # the key of a new row is set only after this hook; its primary key is already known
            pk = inspect(obj).mapper.primary_key_from_instance(obj)
            ids = [pk[0]] if len(pk) == 1 and isinstance(pk[0], int) else None
            for kind in kinds:
                bag.add(kind, ids)
            if trashed and _soft_delete_changed(obj):
                bag.add(Kind.TRASH, None)


def _on_execute(state: Any) -> None:
    """Bulk writes through `session.execute(insert(...))` bypass the flush: their table still
    says what changed, though not which rows."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    for kind in TABLE_KINDS.get(getattr(table, "name", ""), ()):
        _pending(state.session).add(kind, None)
    if state.is_delete or (state.is_update and table is not None and "deleted_at" in table.c):
        _pending(state.session).add(Kind.TRASH, None)


def _soft_delete_changed(obj: Any) -> bool:
    state = inspect(obj)
    if "deleted_at" not in state.attrs:
        return False
    return state.attrs.deleted_at.history.has_changes()


def _after_commit(session: Session) -> None:
    bag = session.info.pop(_PENDING, None)
    collector = _COLLECTOR.get()
    if bag is not None and collector is not None:
        collector.add_changes(bag.changes)


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


_ATTACHED: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()


def attach(factory: sessionmaker[Session]) -> None:
    """Track changes on every session this factory makes (once per database; idempotent)."""
    if factory in _ATTACHED:
        return
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_execute)
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_soft_rollback", lambda s, _t: _after_rollback(s))
    _ATTACHED.add(factory)
