"""How hours, rates and dates read in Korean, the same on screen and on paper."""

from __future__ import annotations

import datetime as dt


def format_hours(hours: float | None, unit: str = "시간") -> str:
    """38.0 → "38시간", 1.5 → "1.5시간", 1234.5 → "1,234.5시간"."""
    value = float(hours or 0.0)
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    return text + unit


def format_rate(rate: float | None) -> str:
    """0.9166 → "91.7%"; None (no event held yet) → "–"."""
    if rate is None:
        return "–"
    return f"{rate * 100:.1f}".rstrip("0").rstrip(".") + "%"


def korean_date(day: dt.date) -> str:
    """2026-11-23 → "2026년 11월 23일" (the issue date on certificates)."""
    return f"{day.year}년 {day.month}월 {day.day}일"


def dotted_date(day: dt.date) -> str:
    """2026-03-01 → "2026. 3. 1." (dates in running text and tables of official documents)."""
    return f"{day.year}. {day.month}. {day.day}."
