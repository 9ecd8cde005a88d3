"""Exports of a cohort's inspection schedule (iCalendar for now)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from panelapp.atomic import write_bytes
from panelapp.db.models import Inspection, InspectionAssignment
from panelapp.services.audit.log import record_access
from panelapp.services.context import ServiceContext, reading
from panelapp.services.inspections.queries import cohort_by_number, list_inspections
from panelapp.services.inspections.rules import InspectionQuery


def schedule_ics(
    ctx: ServiceContext, cohort_id: int, cohort_name: str, stamp: dt.datetime | None = None
) -> tuple[bytes, int]:
    """The .ics bytes and how many visits they hold (cancelled ones included, as CANCELLED)."""
    from panelapp.io.ical import calendar_bytes

    rows = list_inspections(ctx, InspectionQuery(cohort_id))
    data = calendar_bytes(rows, f"{cohort_name} 점검 일정", stamp)
    # the events name each visit's lead and members: whose, for the access log
    with reading(ctx) as s:
        assigned = list(
            s.scalars(
                select(InspectionAssignment.enrollment_id)
                .join(Inspection, Inspection.id == InspectionAssignment.inspection_id)
                .where(Inspection.cohort_id == cohort_id)
                .distinct()
            )
        )
    record_access(
        ctx, "calendar_export", enrollments=assigned, detail=f"cohort_id={cohort_id}; visits={len(rows)}"
    )
    return data, len(rows)


def export_ics_for_number(ctx: ServiceContext, number: int, target: Path) -> int:
    """Write 제N기's schedule to `target`; returns the number of visits written."""
    cohort_id, name = cohort_by_number(ctx, number)
    data, count = schedule_ics(ctx, cohort_id, name)
    write_bytes(target, data)  # atomically: a failure leaves the old file, or none
    return count
