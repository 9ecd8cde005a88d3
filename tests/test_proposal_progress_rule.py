"""진행률 (issue 14 item 4) as a pure rule: 완료 100; with steps their weighted share; without
them the latest 진행 상황 %; otherwise 0; never 100 before 완료; nothing for what was not adopted
or is a duplicate."""

import datetime as dt

import pytest

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.proposal_progress import (
    MilestoneState,
    figures_of,
    is_overdue_milestone,
    latest_update,
    mean_text,
    percent_text,
    progress_percent,
    weighted_share,
)

D = dt.date


def steps(*pairs):
    return [MilestoneState(w, done) for w, done in pairs]


def test_done_is_100_whatever_the_steps_say():
    assert progress_percent(PS.DONE, steps((1, False), (1, False)), 10) == 100
    assert progress_percent(PS.DONE) == 100


def test_steps_give_their_weighted_share_rounded_half_up():
    assert progress_percent(PS.IN_PROGRESS, steps((1, True), (1, False), (1, False))) == 33
    assert progress_percent(PS.IN_PROGRESS, steps((1, True), (1, True), (1, False))) == 67
    assert progress_percent(PS.ACCEPTED, steps((3, True), (1, False))) == 75
    assert weighted_share(steps((1, True), (7, False))) == 13  # 12.5 → 13
    assert weighted_share([]) == 0


def test_steps_win_over_a_progress_update():
    assert progress_percent(PS.IN_PROGRESS, steps((1, True), (1, False)), latest_update=90) == 50
    assert progress_percent(PS.IN_PROGRESS, steps((1, False)), latest_update=90) == 0


def test_without_steps_the_latest_update_counts_else_zero():
    assert progress_percent(PS.PARTIAL, (), 40) == 40
    assert progress_percent(PS.ACCEPTED) == 0


def test_nothing_reads_100_before_done():
    assert progress_percent(PS.IN_PROGRESS, steps((1, True), (2, True))) == 99
    assert progress_percent(PS.ACCEPTED, (), 100) == 99


@pytest.mark.parametrize("status", [PS.SUBMITTED, PS.REVIEWING, PS.DECLINED])
def test_not_adopted_has_no_progress(status):
    assert progress_percent(status, steps((1, True)), 50) is None


def test_a_duplicate_has_no_progress():
    assert progress_percent(PS.DONE, duplicate=True) is None


def test_the_latest_update_is_the_latest_day_then_the_later_post():
    assert latest_update([(D(2026, 6, 10), 30), (D(2026, 6, 5), 60)]) == 30
    assert latest_update([(D(2026, 6, 10), 30), (D(2026, 6, 10), 40)]) == 40
    assert latest_update([(D(2026, 6, 10), 30), (None, 80), (D(2026, 6, 1), None)]) == 30
    assert latest_update([]) is None


def test_overdue_step_is_undone_and_past_its_day():
    today = D(2026, 6, 20)
    assert is_overdue_milestone(D(2026, 6, 19), None, today)
    assert not is_overdue_milestone(D(2026, 6, 20), None, today)
    assert not is_overdue_milestone(D(2026, 6, 1), D(2026, 6, 2), today)


def test_figures_and_their_wording():
    f = figures_of("제7기", [(PS.DONE, 100), (PS.IN_PROGRESS, 25), (PS.ACCEPTED, 0), (PS.DECLINED, None)])
    assert (f.accepted, f.done) == (3, 1)
    assert f.text == "채택 3건 중 완료 1건, 평균 진행률 42%"  # 41.67 → 42
    assert figures_of("x", []).text == "채택된 제안이 없습니다" and mean_text(None) == "–"
    assert mean_text(62.5) == "63%" and percent_text(7) == "7%" and percent_text(None) == "–"
