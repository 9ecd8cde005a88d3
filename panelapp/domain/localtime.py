"""Times are stored in UTC and shown in Korean time (Asia/Seoul).

Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact and needs
no time-zone database (Windows Python has none unless the tzdata package is installed).
"""

from __future__ import annotations

import datetime as dt

KST = dt.timezone(dt.timedelta(hours=9), "KST")


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def to_local(value: dt.datetime) -> dt.datetime:
    return as_utc(value).astimezone(KST)


def format_local(value: dt.datetime | None) -> str:
    """2026-11-23 21:05 (Korean time); empty for None."""
    return "" if value is None else to_local(value).strftime("%Y-%m-%d %H:%M")


def now_local() -> dt.datetime:
    """The time in Korea now, whatever the computer's own time zone is."""
    return dt.datetime.now(KST)


def today_local() -> dt.date:
    """Today in Korea (a machine on UTC is still on yesterday until 09:00 KST)."""
    return now_local().date()
