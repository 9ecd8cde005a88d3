"""Korean public holidays (공휴일) with their Korean names, from the `holidays` package.

The package computes lunar holidays (설날, 추석, 부처님오신날) and substitute days
(대체 휴일) itself, so no list has to be kept up to date by hand.

Its first use costs 100–600 ms (importing `holidays` imports every country it knows); a year
after that costs under a millisecond. The window calls `warm` on a worker after start-up so
that a calendar opened later finds its years computed; each year is computed once, whichever
thread asks first, and kept.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable

_LOCK = threading.Lock()
_YEARS: dict[int, dict[dt.date, str]] = {}


def _year(year: int) -> dict[dt.date, str]:
    days = _YEARS.get(year)
    if days is None:
        with _LOCK:  # a worker warming the cache and the UI thread never compute a year twice
            days = _YEARS.get(year)
            if days is None:
                import holidays

                days = dict(holidays.country_holidays("KR", years=year, language="ko").items())
                _YEARS[year] = days
    return days


def warm(years: Iterable[int]) -> None:
    """Compute these years now (on a worker thread), so later look-ups are instant."""
    for year in years:
        _year(year)


def is_warm(year: int) -> bool:
    return year in _YEARS


def holiday_name(day: dt.date) -> str | None:
    """ "한글날" for 2026-10-09; None on an ordinary day."""
    return _year(day.year).get(day)


def holidays_between(first: dt.date, last: dt.date) -> dict[dt.date, str]:
    """Every holiday from `first` to `last`, both included."""
    out: dict[dt.date, str] = {}
    for year in range(first.year, last.year + 1):
        out.update((d, n) for d, n in _year(year).items() if first <= d <= last)
    return dict(sorted(out.items()))
