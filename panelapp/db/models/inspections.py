"""Inspections, their assigned members, checklist answers, findings and attachments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from panelapp.db.base import Base, SoftDelete, Stamped, enum_column
from panelapp.domain.enums import AssignmentRole, FindingCategory, InspectionStatus, Severity


class Inspection(Stamped, SoftDelete, Base):
    """점검: a scheduled visit of a facility by a team, led by a 조장."""

    __tablename__ = "inspections"
    __table_args__ = (Index("ix_inspections_cohort_date", "cohort_id", "scheduled_date"),)
    uid: Mapped[str] = mapped_column(String(64), unique=True)  # stable iCalendar UID
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"))
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    template_version_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_template_versions.id"))
    scheduled_date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    status: Mapped[InspectionStatus] = mapped_column(
        enum_column(InspectionStatus), default=InspectionStatus.PLANNED
    )
    status_reason: Mapped[str | None] = mapped_column(String(300))
    actual_start: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    actual_end: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    series_id: Mapped[str | None] = mapped_column(String(64), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    assignments: Mapped[list[InspectionAssignment]] = relationship(back_populates="inspection")


class InspectionAssignment(Stamped, Base):
    __tablename__ = "inspection_assignments"
    __table_args__ = (UniqueConstraint("inspection_id", "enrollment_id"),)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id"), index=True)
    role: Mapped[AssignmentRole] = mapped_column(enum_column(AssignmentRole), default=AssignmentRole.MEMBER)
    attended: Mapped[bool | None] = mapped_column(Boolean)
    inspection: Mapped[Inspection] = relationship(back_populates="assignments")


class ChecklistResponse(Stamped, Base):
    __tablename__ = "checklist_responses"
    __table_args__ = (UniqueConstraint("inspection_id", "item_id"),)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("checklist_items.id"))
    value: Mapped[str | None] = mapped_column(String(20))  # yes / no / na, or "1".."5"
    text: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class Finding(Stamped, SoftDelete, Base):
    """발견사항: something observed on a visit."""

    __tablename__ = "findings"
    # newest first is the 발견사항 page's order: its first screen is read off this index
    __table_args__ = (Index("ix_findings_observed_on_id", "observed_on", "id"),)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[FindingCategory] = mapped_column(enum_column(FindingCategory))
    severity: Mapped[Severity] = mapped_column(enum_column(Severity), default=Severity.MEDIUM)
    location: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    observed_on: Mapped[dt.date] = mapped_column(Date)


class Attachment(Stamped, SoftDelete, Base):
    """A file in the managed attachments folder, named by its content hash."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_owner", "owner_type", "owner_id"),)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    owner_type: Mapped[str] = mapped_column(String(30))
    owner_id: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str | None] = mapped_column(String(300))
