"""Korean public holidays (공휴일) with their Korean names, from the `holidays` package.

The package computes lunar holidays (설날, 추석, 부처님오신날) and substitute days
(대체 휴일) itself, so no list has to be kept up to date by hand. Its Korean names are not always
the ones a Korean calendar prints, so `official_name` puts them right: 1 January has been the one
day 신정 since 1999 (the package says "신정연휴"), a substitute day is a 대체공휴일 (the package
writes "대체 휴일"), and two holidays on one day read "부처님오신날·어린이날" (not "; ").

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

                raw = holidays.country_holidays("KR", years=year, language="ko")
                days = {day: official_name(day, name) for day, name in raw.items()}
                _YEARS[year] = days
    return days


NEW_YEAR_ONE_DAY = 1999  # from 1999 only 1 January is a holiday (before: 1–2 or 1–3 January)


def official_name(day: dt.date, name: str) -> str:
    """The package's Korean name as a Korean calendar prints it."""
    parts = [part.strip() for part in name.split(";") if part.strip()]
    out = []
    for part in parts:
        if part == "신정연휴" and day.year >= NEW_YEAR_ONE_DAY and (day.month, day.day) == (1, 1):
            part = "신정"
        part = part.replace("대체 휴일", "대체공휴일")
        if part not in out:
            out.append(part)
    return "·".join(out)


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
