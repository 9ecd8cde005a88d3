"""Working days (근무일): weekends and Korean public holidays skipped, substitute days included."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelapp.domain.working_days import (
    WorkingCalendar,
    add_working_days,
    is_working_day,
    working_days_between,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 6, 1), True),  # Monday
        (D(2026, 6, 6), False),  # Saturday (현충일 too)
        (D(2026, 6, 7), False),  # Sunday
        (D(2026, 6, 3), False),  # 지방선거일
        (D(2026, 3, 2), False),  # 삼일절 대체공휴일 (3/1 was a Sunday)
        (D(2026, 8, 17), False),  # 광복절 대체공휴일
        (D(2026, 10, 5), False),  # 개천절 대체공휴일
        (D(2025, 10, 8), False),  # 추석 대체공휴일
        (D(2026, 2, 17), False),  # 설날
        (D(2026, 2, 19), True),  # the Thursday after 설 연휴
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


def test_counts_skip_weekends_and_holidays():
    # Friday 2026-02-13 → the next working day is Thursday 2-19 (weekend, then 설 연휴 2/16–18)
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 19)
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 19)) == 1
    # Friday → Monday is one working day; the same day is none
    assert working_days_between(D(2026, 6, 12), D(2026, 6, 15)) == 1
    assert working_days_between(D(2026, 6, 12), D(2026, 6, 12)) == 0
    # received on a Saturday and answered Monday: one working day
    assert working_days_between(D(2026, 6, 13), D(2026, 6, 15)) == 1
    # 추석 2026 (9/24–26) and 개천절's substitute (10/5): 9/23 + 5 working days = 10/1? count them
    assert add_working_days(D(2026, 9, 23), 1) == D(2026, 9, 28)
    assert add_working_days(D(2026, 10, 2), 1) == D(2026, 10, 6)  # 10/5 대체공휴일
    assert add_working_days(D(2026, 6, 1), 0) == D(2026, 6, 1)
    assert working_days_between(D(2026, 6, 15), D(2026, 6, 12)) == -1


def test_ten_working_days_over_the_local_election():
    # 2026-06-01 (Mon) + 10 working days, 6/3 (선거일) and 6/6 (Saturday) off → 6/16
    assert add_working_days(D(2026, 6, 1), 10) == D(2026, 6, 16)


def test_calendar_matches_the_plain_count():
    cal = WorkingCalendar(D(2025, 12, 1), D(2026, 12, 31))
    assert cal.between(D(2026, 2, 13), D(2026, 2, 19)) == 1
    assert cal.between(D(2024, 1, 2), D(2026, 1, 2)) == working_days_between(D(2024, 1, 2), D(2026, 1, 2))


days = st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 12, 31))


@given(days, st.integers(min_value=0, max_value=40))
def test_add_and_between_agree(start, n):
    due = add_working_days(start, n)
    assert working_days_between(start, due) == n
    assert n == 0 or is_working_day(due)
