"""The demo's calendar: every date of the demo comes from one anchor day, the day it is loaded.

The demo's material (data.py, finding_data.py, proposal_data.py) was written for a season seen
from BASE_ANCHOR, a Friday in late November 2026. Loaded on another day, the whole season moves
by whole weeks (so a Tuesday visit stays a Tuesday), as far as the last Friday on or before the
anchor: that Friday is the demo's `now`, the latest day anything already happened. The cohort in
progress runs until the end of the month after the anchor's, and visits are planned until a week
before it ends, so the current month and the next always have visits on the calendar. A shifted
visit that lands on a Korean holiday moves to the next working day, as a coordinator would move it.

The same anchor gives the same demo (the random generators are seeded); `panelapp demo --today`
and `load_demo(anchor=...)` pick one, otherwise it is today in Korea.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass

from panelapp.domain.holidays_kr import holiday_name

BASE_ANCHOR = dt.date(2026, 11, 20)  # the day the material was written for (a Friday)


def working_day(day: dt.date) -> dt.date:
    """`day`, or the next day that is neither a weekend nor a Korean holiday."""
    while day.weekday() >= 5 or holiday_name(day):
        day += dt.timedelta(days=1)
    return day


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=_calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class DemoCalendar:
    """Maps the material's dates (written for BASE_ANCHOR) to dates around `anchor`."""

    anchor: dt.date

    @property
    def shift(self) -> dt.timedelta:
        """Whole weeks, never past the anchor: the material's last day stays on or before it."""
        return dt.timedelta(weeks=(self.anchor - BASE_ANCHOR).days // 7)

    @property
    def now(self) -> dt.date:
        """The demo's latest day of recorded work: the last Friday on or before the anchor."""
        return BASE_ANCHOR + self.shift

    def on(self, year: int, month: int, day: int) -> dt.date:
        """A date of the material, moved with the season."""
        return dt.date(year, month, day) + self.shift

    def event_day(self, year: int, month: int, day: int) -> dt.date:
        """A cohort event's date: moved with the season, a week later when that is a holiday."""
        moved = self.on(year, month, day)
        while holiday_name(moved):
            moved += dt.timedelta(weeks=1)
        return moved

    def term(self, cohort: int) -> tuple[dt.date, dt.date]:
        """(term start, term end) of cohort 6 (last year's, closed) or 7 (the one in progress)."""
        if cohort == 6:
            return self.on(2025, 3, 1).replace(day=1), month_end(self.on(2025, 12, 31))
        start = self.on(2026, 3, 1).replace(day=1)
        next_month = month_end(self.anchor) + dt.timedelta(days=1)
        return start, month_end(next_month)

    @property
    def last_visit_day(self) -> dt.date:
        """Visits are planned until a week before the cohort's term ends."""
        return self.term(7)[1] - dt.timedelta(days=7)
