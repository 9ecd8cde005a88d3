"""Undo of the last edit or delete (Ctrl+Z), for any Stamped row.

A write service captures the row before it changes and returns an `UndoRecord` with its
result; the GUI keeps a small stack and calls `undo(ctx, record)`. Undo is refused when
somebody changed the row since (its version moved on): it never overwrites newer work.

    with transaction(ctx) as s:
        finding = ...; before = snapshot(finding)
        finding.title = ...
        s.flush()
        return result, UndoRecord.for_update(finding, before, "발견사항 수정")
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect as sa_inspect

from panelapp.db.base import Base, utcnow
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.permissions import Permission, writes

# Bookkeeping columns are never rolled back: they describe the undo itself.
_SKIP = {"id", "version", "created_at", "created_by_id", "updated_at", "updated_by_id"}


def snapshot(obj: Base) -> dict[str, Any]:
    """The row's own values (not stamps), to restore later."""
    mapper = sa_inspect(obj).mapper
    return {c.key: getattr(obj, c.key) for c in mapper.column_attrs if c.key not in _SKIP}


@dataclass(frozen=True)
class UndoRecord:
    label: str  # Korean, e.g. "발견사항 수정" — shown as "실행 취소: …"
    table: str  # the model's __tablename__
    row_id: int
    version: int  # the row's version right after the change
    before: tuple[tuple[str, Any], ...] | None  # None: the change created the row

    @classmethod
    def for_update(cls, obj: Base, before: dict[str, Any], label: str) -> UndoRecord:
        return cls(label, obj.__tablename__, obj.id, obj.version, tuple(before.items()))

    @classmethod
    def for_create(cls, obj: Base, label: str) -> UndoRecord:
        return cls(label, obj.__tablename__, obj.id, obj.version, None)

    # a soft delete is an update of deleted_at: its undo restores the row
    for_delete = for_update


def _model(table: str):
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise DomainError("되돌릴 수 없는 기록입니다.")


@writes(Permission.PANEL_WORK)
def undo(ctx: ServiceContext, record: UndoRecord) -> str:
    """Put the row back as it was; returns the label of what was undone."""
    with transaction(ctx) as s:
        obj = s.get(_model(record.table), record.row_id)
        if obj is None:
            raise DomainError(f"{quoted(record.label, '을')} 되돌릴 수 없습니다: 기록이 없습니다.")
        if obj.version != record.version:
            raise DomainError(
                f"'{record.label}' 뒤에 다른 수정이 있어 되돌릴 수 없습니다. 최신 내용을 확인해 주세요."
            )
        if record.before is None:
            if not hasattr(obj, "deleted_at"):
                raise DomainError(f"{quoted(record.label, '은')} 되돌릴 수 없습니다.")
            obj.deleted_at, obj.deleted_by_id = utcnow(), ctx.user_id
        else:
            for key, value in record.before:
                setattr(obj, key, value)
        return record.label
