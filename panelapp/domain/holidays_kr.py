"""Korean public holidays (공휴일) with their Korean names, from the `holidays` package.

The package computes lunar holidays (설날, 추석, 부처님오신날) and substitute days
(대체 휴일) itself, so no list has to be kept up to date by hand.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=16)
def _year(year: int) -> dict[dt.date, str]:
    import holidays

    return dict(holidays.country_holidays("KR", years=year, language="ko").items())


def holiday_name(day: dt.date) -> str | None:
    """ "한글날" for 2026-10-09; None on an ordinary day."""
    return _year(day.year).get(day)


def holidays_between(first: dt.date, last: dt.date) -> dict[dt.date, str]:
    """Every holiday from `first` to `last`, both included."""
    out: dict[dt.date, str] = {}
    for year in range(first.year, last.year + 1):
        out.update((d, n) for d, n in _year(year).items() if first <= d <= last)
    return dict(sorted(out.items()))
