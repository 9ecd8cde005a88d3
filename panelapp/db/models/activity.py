"""Activity events, attendance and the news team's content posts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from panelapp.db.base import Base, SoftDelete, Stamped, enum_column
from panelapp.domain.enums import ContentChannel, EventKind


class ActivityEvent(Stamped, SoftDelete, Base):
    """발대식, 교육, 간담회, 점검...: something members attend for credited hours."""

    __tablename__ = "activity_events"
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind))
    title: Mapped[str] = mapped_column(String(200))
    event_date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    hours: Mapped[float] = mapped_column(Float, default=2.0)
    location: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    # Set when the event is an inspection's visit: its participants are its attendance.
    inspection_id: Mapped[int | None] = mapped_column(
        ForeignKey("inspections.id", use_alter=True), unique=True
    )
    attendances: Mapped[list[Attendance]] = relationship(back_populates="event")


class Attendance(Stamped, Base):
    __tablename__ = "attendances"
    __table_args__ = (UniqueConstraint("event_id", "enrollment_id"),)
    event_id: Mapped[int] = mapped_column(ForeignKey("activity_events.id"), index=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id"), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    hours: Mapped[float] = mapped_column(Float, default=0.0)
    note: Mapped[str | None] = mapped_column(String(200))
    event: Mapped[ActivityEvent] = relationship(back_populates="attendances")


class ContentPost(Stamped, SoftDelete, Base):
    """소식 콘텐츠: a review or promotional post by a member of the news team."""

    __tablename__ = "content_posts"
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id"), index=True)
    channel: Mapped[ContentChannel] = mapped_column(enum_column(ContentChannel))
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(500))
    published_on: Mapped[dt.date] = mapped_column(Date)
    views: Mapped[int | None] = mapped_column(Integer)
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))
    hours: Mapped[float] = mapped_column(Float, default=0.0)
