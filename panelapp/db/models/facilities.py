"""Facilities and versioned checklist templates."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from panelapp.db.base import Base, SoftDelete, Stamped, enum_column
from panelapp.domain.enums import ChecklistItemKind


class FacilityType(Stamped, Base):
    """Editable list: 체육시설, 주차장, 공원, 문화시설, 장사시설, 청사, 기타."""

    __tablename__ = "facility_types"
    name: Mapped[str] = mapped_column(String(50), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Facility(Stamped, SoftDelete, Base):
    __tablename__ = "facilities"
    name: Mapped[str] = mapped_column(String(100), index=True)
    facility_type_id: Mapped[int | None] = mapped_column(ForeignKey("facility_types.id"))
    address: Mapped[str | None] = mapped_column(String(200))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    contact: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    facility_type: Mapped[FacilityType | None] = relationship()


class ChecklistTemplate(Stamped, SoftDelete, Base):
    __tablename__ = "checklist_templates"
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)
    versions: Mapped[list[ChecklistTemplateVersion]] = relationship(
        back_populates="template", order_by="ChecklistTemplateVersion.number"
    )


class ChecklistTemplateVersion(Stamped, Base):
    """Frozen once an inspection used it: edits then make the next version."""

    __tablename__ = "checklist_template_versions"
    __table_args__ = (UniqueConstraint("template_id", "number"),)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_templates.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(200))
    template: Mapped[ChecklistTemplate] = relationship(back_populates="versions")
    sections: Mapped[list[ChecklistSection]] = relationship(
        back_populates="version", order_by="ChecklistSection.position"
    )


class ChecklistSection(Stamped, Base):
    __tablename__ = "checklist_sections"
    version_id: Mapped[int] = mapped_column(ForeignKey("checklist_template_versions.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(100))
    version: Mapped[ChecklistTemplateVersion] = relationship(back_populates="sections")
    items: Mapped[list[ChecklistItem]] = relationship(
        back_populates="section", order_by="ChecklistItem.position"
    )


class ChecklistItem(Stamped, Base):
    __tablename__ = "checklist_items"
    section_id: Mapped[int] = mapped_column(ForeignKey("checklist_sections.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))
    kind: Mapped[ChecklistItemKind] = mapped_column(enum_column(ChecklistItemKind))
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    help: Mapped[str | None] = mapped_column(Text)
    section: Mapped[ChecklistSection] = relationship(back_populates="items")
