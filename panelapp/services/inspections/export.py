"""Exports of a cohort's inspection schedule (iCalendar for now)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from panelapp.services.context import ServiceContext
from panelapp.services.inspections.queries import cohort_by_number, list_inspections
from panelapp.services.inspections.rules import InspectionQuery


def schedule_ics(
    ctx: ServiceContext, cohort_id: int, cohort_name: str, stamp: dt.datetime | None = None
) -> tuple[bytes, int]:
    """The .ics bytes and how many visits they hold (cancelled ones included, as CANCELLED)."""
    from panelapp.io.ical import calendar_bytes

    rows = list_inspections(ctx, InspectionQuery(cohort_id))
    return calendar_bytes(rows, f"{cohort_name} 점검 일정", stamp), len(rows)


def export_ics_for_number(ctx: ServiceContext, number: int, target: Path) -> int:
    """Write 제N기's schedule to `target`; returns the number of visits written."""
    cohort_id, name = cohort_by_number(ctx, number)
    data, count = schedule_ics(ctx, cohort_id, name)
    target.write_bytes(data)
    return count
