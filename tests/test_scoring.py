"""Checklist scores: section averages on 1–5, yes shares without 해당없음, 100-point combination."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelapp.domain.enums import ChecklistItemKind as K
from panelapp.domain.scoring import (
    Answer,
    describe_overall,
    describe_section,
    overall_score,
    section_score,
)


def test_score_items_average_on_one_to_five():
    s = section_score([Answer(K.SCORE, "4"), Answer(K.SCORE, "5"), Answer(K.SCORE, None)])
    assert s.score_avg == 4.5 and s.yes_share is None
    assert s.points == pytest.approx((4.5 - 1) / 4 * 100)
    assert (s.answered, s.total) == (2, 3)


def test_yes_share_leaves_out_not_applicable_and_unanswered():
    s = section_score(
        [
            Answer(K.YES_NO, "yes"),
            Answer(K.YES_NO, "yes"),
            Answer(K.YES_NO, "no"),
            Answer(K.YES_NO, "na"),
            Answer(K.YES_NO, None),
        ]
    )
    assert s.yes_share == pytest.approx(2 / 3) and s.score_avg is None
    assert s.points == pytest.approx(200 / 3)
    assert s.answered == 4  # 해당없음 is an answer, it just does not score


def test_mixed_section_is_the_mean_of_its_parts_and_text_never_scores():
    s = section_score([Answer(K.SCORE, "3"), Answer(K.YES_NO, "yes"), Answer(K.TEXT, "메모")])
    assert s.points == pytest.approx((50 + 100) / 2)
    assert s.answered == 3


def test_only_not_applicable_gives_no_points():
    s = section_score([Answer(K.YES_NO, "na"), Answer(K.TEXT, None)])
    assert s.points is None and s.yes_share is None
    assert describe_section(s) == "답 없음"


def test_overall_is_the_mean_of_sections_with_answers():
    a = section_score([Answer(K.SCORE, "5")])  # 100
    b = section_score([Answer(K.YES_NO, "no"), Answer(K.YES_NO, "yes")])  # 50
    empty = section_score([Answer(K.SCORE, None)])
    o = overall_score([a, b, empty])
    assert o.points == pytest.approx(75) and o.sections_scored == 2
    assert o.score_avg == 5 and o.yes_share == 0.5
    assert describe_overall(o) == "종합 75점 (100점 만점, 구역 2개 평균)"
    assert overall_score([empty]).points is None
    assert "아직" in describe_overall(overall_score([]))
    assert describe_section(b) == "예 50% → 50점"


@given(
    st.lists(st.sampled_from(["1", "2", "3", "4", "5", None]), max_size=8),
    st.lists(st.sampled_from(["yes", "no", "na", None]), max_size=8),
)
def test_points_stay_between_0_and_100(scores, yes_no):
    s = section_score([Answer(K.SCORE, v) for v in scores] + [Answer(K.YES_NO, v) for v in yes_no])
    assert s.points is None or 0 <= s.points <= 100
    if s.score_avg is not None:
        assert 1 <= s.score_avg <= 5
