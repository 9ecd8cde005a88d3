"""How hours, rates, scores and dates read in Korean, the same on screen and on paper.

One rounding rule for every figure shown: half away from zero at the shown digit, on the decimal
value Python prints (`shown`), so 6.25 % reads 6.3 % on the dashboard, in the PDF and in the xlsx
(Excel rounds half up; Python's own formatting rounds 6.25 to 6.2). Rates are shown to 0.1 %,
checklist points (0–100) to 0.1 point; files that keep numbers (xlsx) store the shown value."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

RATE_DIGITS = 3  # a rate 0–1 kept to 0.001, that is 0.1 %
POINTS_DIGITS = 1  # checklist points 0–100 to 0.1


def shown(value: float, digits: int) -> float:
    """`value` rounded half away from zero to `digits` decimals, as every output shows it."""
    return float(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def shown_rate(rate: float | None) -> float | None:
    """0.0625 → 0.063 (6.3 %): the rate as printed, for files that keep the number."""
    return None if rate is None else shown(rate, RATE_DIGITS)


def shown_points(points: float | None) -> float | None:
    """88.75 → 88.8: the checklist points as printed."""
    return None if points is None else shown(points, POINTS_DIGITS)


def _trimmed(value: float, digits: int) -> str:
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_points(points: float | None, unit: str = "점") -> str:
    """88.75 → "88.8점", 75.0 → "75점"; None (nothing answered) → "–"."""
    if points is None:
        return "–"
    return _trimmed(shown(points, POINTS_DIGITS), POINTS_DIGITS) + unit


def format_hours(hours: float | None, unit: str = "시간") -> str:
    """38.0 → "38시간", 1.5 → "1.5시간", 1234.5 → "1,234.5시간"."""
    value = float(hours or 0.0)
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    return text + unit


def format_rate(rate: float | None) -> str:
    """0.9166 → "91.7%"; None (no event held yet) → "–"."""
    if rate is None:
        return "–"
    return _trimmed(shown(rate, RATE_DIGITS) * 100, RATE_DIGITS - 2) + "%"  # the number shown_rate keeps


def korean_date(day: dt.date) -> str:
    """2026-11-23 → "2026년 11월 23일" (the issue date on certificates)."""
    return f"{day.year}년 {day.month}월 {day.day}일"


def dotted_date(day: dt.date) -> str:
    """2026-03-01 → "2026. 3. 1." (dates in running text and tables of official documents)."""
    return f"{day.year}. {day.month}. {day.day}."
