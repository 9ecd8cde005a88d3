"""The improvement reports made from this database: the 개선 보고서 page's list, and the dialog's
last choices (the options of the newest report).

They live in the database they describe, not in the user's settings file: a report of database
A is never listed, nor its cohort and facility ids offered, when database B is open.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from panelapp.db.base import Base, utcnow


class ReportRecord(Base):
    """One report made: its files, what it covered, who made it and when (UTC).

    `cohort_id` has no foreign key on purpose: a cohort purged from the trash must not take the
    record with it or be blocked by it; `cohort_label` is what the list shows either way.
    `options` holds the dialog's choices (never the purpose of an unmasked report, which is in
    the access log), as the dialog reads them back: date_from, date_to, facility_ids, sections,
    sections_offered, photos, max_photos, xlsx, hwpx, docx, folder.
    """

    __tablename__ = "report_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    made_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    cohort_id: Mapped[int | None] = mapped_column(Integer)
    cohort_label: Mapped[str] = mapped_column(String(200))
    date_from: Mapped[dt.date] = mapped_column(Date)
    date_to: Mapped[dt.date] = mapped_column(Date)
    pdf_path: Mapped[str | None] = mapped_column(Text)  # None: only the board report (.hwpx/.docx)
    xlsx_path: Mapped[str | None] = mapped_column(Text)
    hwpx_path: Mapped[str | None] = mapped_column(Text)
    docx_path: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    masked: Mapped[bool] = mapped_column(Boolean, default=True)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
