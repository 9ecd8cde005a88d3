"""Typed dates and times read as people mean them (domain/date_input.py)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelapp.domain.date_input import Part, parse_date_input, parse_time_input

SHOWN = dt.date(2000, 1, 1)
TODAY = dt.date(2026, 12, 2)
D = dt.date


@pytest.mark.parametrize(
    "text, part, expected",
    [
        ("20260512", None, D(2026, 5, 12)),
        ("2026-05-12", None, D(2026, 5, 12)),
        ("2026.5.12", None, D(2026, 5, 12)),
        ("2026. 5. 12.", None, D(2026, 5, 12)),
        ("2026/05/12", None, D(2026, 5, 12)),
        ("2026년 5월 12일", None, D(2026, 5, 12)),
        ("26.5.12", None, D(2026, 5, 12)),
        ("26-05-12", None, D(2026, 5, 12)),
        ("260512", None, D(2026, 5, 12)),
        ("5/12", None, D(2026, 5, 12)),  # this year
        ("5.12", Part.DAY, D(2026, 5, 12)),
        ("0512", Part.DAY, D(2026, 5, 12)),
        ("512", None, D(2026, 5, 12)),
        ("2027", Part.YEAR, D(2027, 1, 1)),  # typed over the year: the year changes
        ("27", Part.YEAR, D(2027, 1, 1)),
        ("2027", Part.DAY, D(2027, 1, 1)),  # not a month and day: a year
        ("3", Part.MONTH, D(2000, 3, 1)),
        ("15", Part.DAY, D(2000, 1, 15)),
        ("2026-05", None, D(2026, 5, 1)),
        (" 2026-05-12 ", None, D(2026, 5, 12)),
    ],
)
def test_dates_as_typed(text, part, expected):
    assert parse_date_input(text, SHOWN, part, TODAY) == expected


@pytest.mark.parametrize(
    "text, part",
    [
        ("", None),
        ("abc", None),
        ("2026-02-30", None),
        ("2026-13-01", None),
        ("13", Part.MONTH),
        ("32", Part.DAY),
    ]
    + [("1/2/3/4", None), ("123456789", None), ("20261301", None), ("2026-05-12-1", None)],
)
def test_what_is_not_a_date_is_none(text, part):
    assert parse_date_input(text, SHOWN, part, TODAY) is None


@pytest.mark.parametrize(
    "text, part, expected",
    [
        ("1400", None, dt.time(14, 0)),
        ("14:00", None, dt.time(14, 0)),
        ("14.30", None, dt.time(14, 30)),
        ("14 30", None, dt.time(14, 30)),
        ("14시", None, dt.time(14, 0)),
        ("14시 30분", None, dt.time(14, 30)),
        ("14시30분", None, dt.time(14, 30)),
        ("930", None, dt.time(9, 30)),
        ("9", None, dt.time(9, 0)),
        ("오후 2시", None, dt.time(14, 0)),
        ("오전 9시 30분", None, dt.time(9, 30)),
        ("2pm", None, dt.time(14, 0)),
        ("2:30 PM", None, dt.time(14, 30)),
        ("12am", None, dt.time(0, 0)),
        ("12pm", None, dt.time(12, 0)),
        ("45", Part.MINUTE, dt.time(10, 45)),  # typed over the minutes
        ("11", Part.HOUR, dt.time(11, 30)),  # typed over the hour: the minutes stay
        ("1400", Part.MINUTE, dt.time(14, 0)),
        ("14:00", Part.MINUTE, dt.time(14, 0)),
        ("3시", Part.MINUTE, dt.time(3, 0)),  # 시 names the hour wherever the cursor was
        ("30분", None, dt.time(10, 30)),
        ("오후 3시", Part.MINUTE, dt.time(15, 0)),
    ],
)
def test_times_as_typed(text, part, expected):
    assert parse_time_input(text, dt.time(10, 30), part) == expected


@pytest.mark.parametrize("text", ["", "25:00", "14:60", "오후 13시", "12345", "1:2:3", "오전 오후 2시", "x"])
def test_what_is_not_a_time_is_none(text):
    assert parse_time_input(text, dt.time(10, 30)) is None


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)))
def test_every_written_form_of_a_day_reads_back(day):
    for text in (
        f"{day:%Y%m%d}",
        f"{day:%Y-%m-%d}",
        f"{day.year}.{day.month}.{day.day}",
        f"{day:%y}.{day.month}.{day.day}",
        f"{day:%y%m%d}",
        f"{day.year}년 {day.month}월 {day.day}일",
    ):
        assert parse_date_input(text, SHOWN, None, TODAY) == day, text


@given(st.times())
def test_every_written_form_of_a_time_reads_back(t):
    minute = dt.time(t.hour, t.minute)
    for text in (f"{t:%H%M}", f"{t:%H:%M}", f"{t.hour}시 {t.minute}분"):
        assert parse_time_input(text, dt.time(10, 30)) == minute, text
