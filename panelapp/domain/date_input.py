"""Dates and times as people type them into a field, read the way they meant them.

    parse_date_input("20260512", current)   → 2026-05-12
    parse_date_input("26.5.12", current)    → 2026-05-12
    parse_date_input("5/12", current)       → May 12 of this year
    parse_date_input("2027", current, YEAR) → `current` with the year 2027
    parse_time_input("1400", current)       → 14:00   ("14:00", "14시", "오후 2시", "2pm" too)

A number alone fills the part of the field the cursor was in (`part`): typing 2027 over the
year changes the year, 15 over the day the day. Two-digit years are 20xx. None: not a date
or time (or a day that does not exist, such as 2026-02-30).
"""

from __future__ import annotations

import datetime as dt
import enum
import re

from panelapp.domain.localtime import today_local


class Part(enum.Enum):
    """The part of a date or time field that a lone number replaces."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"


# 년 월 일 and the usual separators; "2026. 5. 12." ends with a dot
_DATE_SPLIT = re.compile(r"\s*(?:[-./,\s]|년|월|일)\s*")


def _year(text: str) -> int | None:
    if len(text) == 4:
        return int(text)
    if len(text) in (1, 2):
        return 2000 + int(text)
    return None


def _date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _replace(current: dt.date, **parts: int) -> dt.date | None:
    try:
        return current.replace(**parts)
    except ValueError:
        return None


def parse_date_input(
    text: str, current: dt.date, part: Part | None = None, today: dt.date | None = None
) -> dt.date | None:
    """The date meant by `text` typed over a field showing `current`; `today` gives the year of
    a month and day typed without one (5/12, 0512: this year)."""
    raw = (text or "").strip()
    if not raw:
        return None
    this_year = (today or today_local()).year
    pieces = [p for p in _DATE_SPLIT.split(raw) if p]
    if not 1 <= len(pieces) <= 3 or not all(p.isdigit() for p in pieces):
        return None
    if len(pieces) == 3:
        y, m, d = pieces
        return _date(_year(y), int(m), int(d)) if len(m) <= 2 and len(d) <= 2 else None
    if len(pieces) == 2:
        m, d = pieces
        if len(m) == 4 and len(d) <= 2:  # 2026-05: that year and month, the day kept
            return _replace(current, year=int(m), month=int(d)) if 1 <= int(d) <= 12 else None
        return _date(this_year, int(m), int(d)) if len(m) <= 2 and len(d) <= 2 else None
    digits = pieces[0]
    if len(digits) == 8:  # 20260512
        return _date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    if len(digits) == 6:  # 260512
        return _date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    if len(digits) == 4:
        if part is Part.YEAR:
            return _replace(current, year=int(digits))
        as_day = _date(this_year, int(digits[:2]), int(digits[2:]))  # 0512: May 12
        if as_day is not None:
            return as_day
        return _replace(current, year=int(digits)) if 1900 <= int(digits) <= 2100 else None
    if len(digits) == 3:  # 512: May 12
        return _date(this_year, int(digits[:1]), int(digits[1:]))
    if len(digits) <= 2:
        number = int(digits)
        if part is Part.YEAR:
            return _replace(current, year=2000 + number)
        if part is Part.MONTH:
            return _replace(current, month=number) if 1 <= number <= 12 else None
        return _replace(current, day=number) if number >= 1 else None
    return None


_MERIDIEM = re.compile(r"(오전|오후|am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
_TIME_SPLIT = re.compile(r"\s*(?:[:.\s]|시|분)\s*")


def parse_time_input(text: str, current: dt.time, part: Part | None = None) -> dt.time | None:
    """The time meant by `text` typed over a field showing `current`: 1400, 14:00, 14.00, 14시,
    14시 30분, 930 (9:30), 9 (9:00; the minutes if typed over them), 오후 2시, 2pm, 2:30 pm."""
    raw = (text or "").strip()
    if not raw:
        return None
    pm = am = False
    found = _MERIDIEM.findall(raw)
    if len(found) > 1:
        return None
    if found:
        word = found[0].lower().replace(".", "")
        pm, am = word in ("오후", "pm"), word in ("오전", "am")
        raw = _MERIDIEM.sub(" ", raw).strip()
    pieces = [p for p in _TIME_SPLIT.split(raw) if p]
    if not pieces or len(pieces) > 2 or not all(p.isdigit() for p in pieces):
        return None
    hour_named, minute_named = "시" in raw, "분" in raw  # 14시, 30분 say which part they are
    lone = len(pieces) == 1 and len(pieces[0]) <= 2 and not (pm or am)
    if lone and not hour_named and (minute_named or part is Part.MINUTE):
        minute = int(pieces[0])
        return current.replace(minute=minute) if minute < 60 else None
    if len(pieces) == 2:
        if len(pieces[0]) > 2 or len(pieces[1]) > 2:
            return None
        hour, minute = int(pieces[0]), int(pieces[1])
    else:
        digits = pieces[0]
        if len(digits) <= 2:
            hour, minute = int(digits), 0
            if part is Part.HOUR and not (pm or am) and not hour_named:
                minute = current.minute  # a number typed over the hour keeps the minutes
        elif len(digits) in (3, 4):
            hour, minute = int(digits[:-2]), int(digits[-2:])
        else:
            return None
    if pm or am:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return dt.time(hour, minute)
