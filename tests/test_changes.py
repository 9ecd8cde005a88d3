"""Write transactions announce what they changed (services/changes.py)."""

import datetime as dt

import pytest
from sqlalchemy import insert

from panelapp.db.models import Facility
from panelapp.domain.enums import ConsentMethod
from panelapp.domain.errors import ValidationErrors
from panelapp.services.changes import Changes, Kind, collecting, declare
from panelapp.services.cohorts.manage import CohortInput, create_cohort, delete_cohort
from panelapp.services.context import transaction
from panelapp.services.people.member_rules import ConsentInput, MemberInput
from panelapp.services.people.members import enroll_member

D = dt.date


def _cohort(ctx):
    return create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))


def test_a_committed_write_announces_its_kinds_and_ids(ctx):
    c = _cohort(ctx)
    with collecting() as bag:
        info = enroll_member(
            ctx,
            c.id,
            MemberInput(name="홍길동", phone="010-1234-5678", joined_on=D(2026, 3, 1)),
            ConsentInput("2026-1", D(2026, 3, 2), ConsentMethod.WRITTEN, True),
        )
    changes = bag.changes
    assert {Kind.MEMBER, Kind.ENROLLMENT} <= changes.kinds
    assert info.enrollment_id in changes.ids_of(Kind.ENROLLMENT)
    assert Kind.COHORT not in changes.kinds


def test_soft_delete_announces_the_trash(ctx):
    c = _cohort(ctx)
    with collecting() as bag:
        delete_cohort(ctx, c.id)
    assert bag.changes.touches({Kind.COHORT}) and Kind.TRASH in bag.changes.kinds
    assert c.id in bag.changes.ids_of(Kind.COHORT)


def test_a_failed_write_announces_nothing(ctx):
    c = _cohort(ctx)
    with collecting() as bag, pytest.raises(ValidationErrors):
        enroll_member(
            ctx,
            c.id,
            MemberInput(name="", phone="12"),
            ConsentInput("2026-1", D(2026, 3, 2), ConsentMethod.WRITTEN, True),
        )
    assert not bag.changes


def test_a_rolled_back_transaction_after_a_flush_announces_nothing(ctx):
    with collecting() as bag, pytest.raises(RuntimeError):
        with transaction(ctx) as s:
            s.add(Facility(name="체육센터"))
            s.flush()
            raise RuntimeError("stop")
    assert not bag.changes


def test_bulk_insert_announces_its_table_without_ids(ctx):
    with collecting() as bag, transaction(ctx) as s:
        s.execute(insert(Facility), [{"name": "가"}, {"name": "나"}])
    assert Kind.FACILITY in bag.changes.kinds and bag.changes.ids_of(Kind.FACILITY) is None


def test_declare_outside_a_transaction_and_inside_one(ctx):
    with collecting() as bag:
        declare(Kind.REPORT)
        with transaction(ctx) as s:
            declare(Kind.USER, [3], session=s)
    assert bag.changes.kinds == {Kind.REPORT, Kind.USER} and bag.changes.ids_of(Kind.USER) == {3}


def test_reads_announce_nothing_and_no_collector_means_no_error(ctx):
    _cohort(ctx)  # outside collecting(): recorded nowhere, fails nothing
    with collecting() as bag:
        from panelapp.services.cohorts.manage import list_cohorts

        list_cohorts(ctx)
    assert not bag.changes


def test_merged_keeps_unknown_ids_unknown():
    a = Changes(frozenset({Kind.FINDING}), {Kind.FINDING: frozenset({1})})
    b = Changes(frozenset({Kind.FINDING, Kind.PROPOSAL}), {Kind.PROPOSAL: frozenset({2})})
    m = a.merged(b)
    assert m.kinds == {Kind.FINDING, Kind.PROPOSAL}
    assert m.ids_of(Kind.FINDING) is None and m.ids_of(Kind.PROPOSAL) == {2}


def test_nothing_announces_by_hand():
    """Only ops announce (gui/core/ops.py), and the listener that re-emits other desktops'
    changes (gui/core/live.py): no page or dialog emits on the bus itself, and the transitional
    `emit_changed` is gone."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[1] / "panelapp"
    hand = re.compile(
        r"emit_changed|bus\.changed\.emit\(|bus\.changes\.emit\(|bus\.announce\(|bus\(\)\.announce\("
    )
    offenders = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root).as_posix()
        if rel in ("gui/core/bus.py", "gui/core/ops.py", "gui/core/live.py"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if hand.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == []
