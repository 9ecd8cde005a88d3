"""Reports made from a test's database, put there as write_report records them (for page tests
that need a listed report without drawing one)."""

from __future__ import annotations

import datetime as dt

from panelapp.db.models import ReportRecord
from panelapp.services.context import transaction


def add_report_record(
    ctx,
    pdf=None,
    *,
    options: dict | None = None,
    made_at: dt.datetime | None = None,
    cohort_label: str = "제7기",
    date_from: dt.date = dt.date(2026, 3, 1),
    date_to: dt.date = dt.date(2026, 12, 31),
    pages: int = 1,
    masked: bool = True,
    xlsx=None,
    hwpx=None,
    docx=None,
    user_id: int | None = None,
) -> int:
    with transaction(ctx) as s:
        record = ReportRecord(
            made_at=made_at or dt.datetime.now(dt.UTC),
            user_id=user_id if user_id is not None else ctx.user_id,
            cohort_id=(options or {}).get("cohort_id"),
            cohort_label=cohort_label,
            date_from=date_from,
            date_to=date_to,
            pdf_path=str(pdf) if pdf else None,
            xlsx_path=str(xlsx) if xlsx else None,
            hwpx_path=str(hwpx) if hwpx else None,
            docx_path=str(docx) if docx else None,
            pages=pages,
            masked=masked,
            options=dict(options or {}),
        )
        s.add(record)
        s.flush()
        return record.id
