"""The proposal workflow as pure rules: transitions, answers/reasons, overdue, day counts."""

import datetime as dt

import pytest

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.proposal_rules import (
    TRANSITIONS,
    allowed_next,
    can_move,
    days_between,
    days_overdue,
    days_to_answer,
    days_to_completion,
    default_due,
    is_overdue,
    needs_answer,
    needs_reason,
)

D = dt.date


def test_the_workflow_graph():
    assert allowed_next(PS.SUBMITTED) == (PS.REVIEWING,)
    assert set(allowed_next(PS.REVIEWING)) == {PS.ACCEPTED, PS.PARTIAL, PS.DECLINED, PS.SUBMITTED}
    assert set(allowed_next(PS.ACCEPTED)) == set(allowed_next(PS.PARTIAL)) == {PS.IN_PROGRESS, PS.DONE}
    assert allowed_next(PS.IN_PROGRESS) == (PS.DONE,)
    assert allowed_next(PS.DECLINED) == allowed_next(PS.DONE) == ()
    assert set(TRANSITIONS) == set(PS)


@pytest.mark.parametrize(
    "a,b",
    [
        (PS.SUBMITTED, PS.ACCEPTED),
        (PS.SUBMITTED, PS.DONE),
        (PS.DECLINED, PS.IN_PROGRESS),
        (PS.DONE, PS.REVIEWING),
        (PS.IN_PROGRESS, PS.ACCEPTED),
        (PS.REVIEWING, PS.IN_PROGRESS),
        (PS.REVIEWING, PS.REVIEWING),
    ],
)
def test_forbidden_moves(a, b):
    assert not can_move(a, b)


def test_every_status_is_reachable_from_submitted():
    seen, todo = {PS.SUBMITTED}, [PS.SUBMITTED]
    while todo:
        for nxt in allowed_next(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(PS)


def test_decisions_need_an_answer_and_only_declining_a_reason():
    assert [s for s in PS if needs_answer(s)] == [PS.ACCEPTED, PS.PARTIAL, PS.DECLINED]
    assert [s for s in PS if needs_reason(s)] == [PS.DECLINED]


def test_day_counts():
    assert default_due(D(2026, 6, 1)) == D(2026, 6, 15)
    assert days_between(D(2026, 6, 1), D(2026, 6, 1)) == 0
    assert days_to_answer(D(2026, 6, 1), D(2026, 6, 2)) == 1
    assert days_to_answer(D(2026, 6, 1), None) is None
    assert days_to_completion(D(2026, 5, 30), D(2026, 7, 1)) == 32


@pytest.mark.parametrize(
    "status,due,today,expected",
    [
        (PS.SUBMITTED, D(2026, 6, 15), D(2026, 6, 15), False),  # the due day itself is on time
        (PS.SUBMITTED, D(2026, 6, 15), D(2026, 6, 16), True),
        (PS.REVIEWING, D(2026, 6, 15), D(2026, 7, 1), True),
        (PS.REVIEWING, None, D(2026, 7, 1), False),  # no deadline, never late
        (PS.ACCEPTED, D(2026, 6, 15), D(2026, 7, 1), False),  # answered: not overdue
        (PS.DECLINED, D(2026, 6, 15), D(2026, 7, 1), False),
        (PS.IN_PROGRESS, D(2026, 6, 15), D(2026, 7, 1), False),
        (PS.DONE, D(2026, 6, 15), D(2026, 7, 1), False),
    ],
)
def test_overdue(status, due, today, expected):
    assert is_overdue(status, due, today) is expected
    assert days_overdue(status, due, today) == ((today - due).days if expected else 0)
