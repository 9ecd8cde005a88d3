"""Working days (근무일): Monday to Friday, less the Korean public holidays of domain/holidays_kr.py
(lunar holidays, substitute holidays and election days included, as the `holidays` package
gives them).

How answer times are counted (개선제안 답변 기한, issue 14):
- `working_days_between(start, end)` counts the working days after `start` up to and including
  `end`: a proposal received on Friday and answered on Monday took 1 working day, one answered
  on the day it came took 0, whatever day it came on.
- `add_working_days(start, n)` is the n-th working day after `start` (n = 0: `start` itself), so
  `working_days_between(start, add_working_days(start, n)) == n` for every n ≥ 0.

`WorkingCalendar` answers many counts over one span at the cost of a dictionary look-up each
(the department figures count thousands of proposals at once).
"""

from __future__ import annotations

import datetime as dt

from panelapp.domain.holidays_kr import holiday_name, holidays_between

SATURDAY = 5


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < SATURDAY and holiday_name(day) is None


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day after `start` (n ≥ 0; 0 gives `start`)."""
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is earlier."""
    if end < start:
        return -working_days_between(end, start)
    return WorkingCalendar(start, end).between(start, end)


class WorkingCalendar:
    """Working-day ordinals for every day from `first` to `last`: `between(a, b)` for dates in
    that span is a subtraction. A date outside the span is counted day by day."""

    def __init__(self, first: dt.date, last: dt.date):
        self.first, self.last = first, last
        off = holidays_between(first, last)
        self._ordinal: dict[dt.date, int] = {}
        count, day = 0, first
        while day <= last:
            if day.weekday() < SATURDAY and day not in off:
                count += 1
            self._ordinal[day] = count
            day += dt.timedelta(days=1)

    def between(self, start: dt.date, end: dt.date) -> int:
        a, b = self._ordinal.get(start), self._ordinal.get(end)
        if a is None or b is None:
            return working_days_between(start, end)
        return b - a
