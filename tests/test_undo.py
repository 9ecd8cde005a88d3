"""Undo restores an edited, deleted or created row, and refuses to overwrite newer work."""

import pytest
from sqlalchemy import select

from panelapp.db.base import utcnow
from panelapp.db.models import Facility
from panelapp.domain.errors import DomainError
from panelapp.services.context import reading, transaction
from panelapp.services.system.undo import UndoRecord, snapshot, undo


def make(ctx, name="새봄근린공원"):
    with transaction(ctx) as s:
        f = Facility(name=name, address="남구 새봄로 60")
        s.add(f)
        s.flush()
        return f.id, UndoRecord.for_create(f, "시설 등록")


def edit(ctx, fid, **values):
    with transaction(ctx) as s:
        f = s.get(Facility, fid)
        before = snapshot(f)
        for k, v in values.items():
            setattr(f, k, v)
        s.flush()
        return UndoRecord.for_update(f, before, "시설 수정")


def row(ctx, fid):
    with reading(ctx) as s:
        f = s.get(Facility, fid)
        return f.name, f.address, f.deleted_at


def test_undo_an_edit_puts_every_value_back(ctx):
    fid, _ = make(ctx)
    record = edit(ctx, fid, name="새봄공원", address="남구 새봄로 61")
    assert undo(ctx, record) == "시설 수정"
    assert row(ctx, fid) == ("새봄근린공원", "남구 새봄로 60", None)


def test_undo_a_soft_delete_restores_and_undo_a_create_deletes(ctx):
    fid, created = make(ctx)
    deleted = edit(ctx, fid, deleted_at=utcnow())
    undo(ctx, deleted)
    assert row(ctx, fid)[2] is None
    fid2, created2 = make(ctx, "중앙공원")
    undo(ctx, created2)
    assert row(ctx, fid2)[2] is not None


def test_undo_refused_after_a_newer_change(ctx):
    fid, _ = make(ctx)
    first = edit(ctx, fid, name="하나")
    edit(ctx, fid, name="둘")
    with pytest.raises(DomainError, match="뒤에 다른 수정"):
        undo(ctx, first)
    assert row(ctx, fid)[0] == "둘"
    with reading(ctx) as s:
        assert s.scalar(select(Facility.updated_by_id).where(Facility.id == fid)) == ctx.user_id
