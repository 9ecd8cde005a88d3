"""Attachment contents kept in a shared PostgreSQL database (issue 13 item 1).

One row per distinct content (sha256 of the bytes): every desktop on the server reads a photo
another desktop added, and its `check` and reports see it. The hash-named folder of each desktop
is a cache in front (services/attachments/store.py). A SQLite database keeps its files beside
the database file and leaves this table empty.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from panelapp.db.base import Base, utcnow


class AttachmentBlob(Base):
    __tablename__ = "attachment_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
