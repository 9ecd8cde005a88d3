"""Organization, users, cohorts, teams, members, enrollments and consent."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from panelapp.db.base import Base, SoftDelete, Stamped, enum_column, utcnow
from panelapp.domain.enums import (
    CohortStatus,
    ConsentMethod,
    EnrollmentStatus,
    Gender,
    MemberRole,
    TeamKind,
    UserRole,
)


class User(Stamped, Base):
    """Someone who uses the app (담당자, 조장...). Until login exists, chosen in settings."""

    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(50), unique=True)
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole), default=UserRole.COORDINATOR)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Organization(Stamped, Base):
    __tablename__ = "organizations"
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(30))
    # Stored inline: a logo is small and must travel with the database to other desktops.
    logo_png: Mapped[bytes | None] = mapped_column()
    # 결재란 of printed documents, left to right ("담당", "팀장", "부장", "이사장"); None: no box
    signoff_titles: Mapped[list[str] | None] = mapped_column(JSON)
    departments: Mapped[list[Department]] = relationship(back_populates="organization")


class Department(Stamped, SoftDelete, Base):
    """담당부서: answers proposals; the contact person is the 시민소통관."""

    __tablename__ = "departments"
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    contact_person: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(254))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    organization: Mapped[Organization] = relationship(back_populates="departments")


class Cohort(Stamped, SoftDelete, Base):
    """기수: one yearly intake of the panel."""

    __tablename__ = "cohorts"
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    term_start: Mapped[dt.date] = mapped_column(Date)
    term_end: Mapped[dt.date] = mapped_column(Date)
    launch_date: Mapped[dt.date | None] = mapped_column(Date)
    quota: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[CohortStatus] = mapped_column(enum_column(CohortStatus), default=CohortStatus.RECRUITING)
    notes: Mapped[str | None] = mapped_column(Text)
    teams: Mapped[list[Team]] = relationship(back_populates="cohort", order_by="Team.sort_order")


class Team(Stamped, SoftDelete, Base):
    """단: 정책동행단 (inspections), 소식이음단 (news) or a custom team."""

    __tablename__ = "teams"
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[TeamKind] = mapped_column(enum_column(TeamKind), default=TeamKind.CUSTOM)
    description: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    leader_enrollment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrollments.id", use_alter=True, ondelete="SET NULL")
    )
    cohort: Mapped[Cohort] = relationship(back_populates="teams")


class Member(Stamped, SoftDelete, Base):
    """The person. No resident registration number, ever."""

    __tablename__ = "members"
    name: Mapped[str] = mapped_column(String(50), index=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)  # E.164, +8210...
    email: Mapped[str | None] = mapped_column(String(254))
    district: Mapped[str | None] = mapped_column(String(50))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[Gender] = mapped_column(enum_column(Gender), default=Gender.UNSPECIFIED)
    notes: Mapped[str | None] = mapped_column(Text)
    enrollments: Mapped[list[Enrollment]] = relationship(back_populates="member")


class Enrollment(Stamped, SoftDelete, Base):
    """A member's place in a cohort: team, role, status, joined/left dates."""

    __tablename__ = "enrollments"
    __table_args__ = (
        UniqueConstraint("cohort_id", "member_id"),
        Index("ix_enrollments_cohort_status", "cohort_id", "status"),
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"), index=True)
    role: Mapped[MemberRole] = mapped_column(enum_column(MemberRole), default=MemberRole.MEMBER)
    status: Mapped[EnrollmentStatus] = mapped_column(
        enum_column(EnrollmentStatus), default=EnrollmentStatus.ACTIVE
    )
    joined_on: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    left_reason: Mapped[str | None] = mapped_column(String(200))
    member: Mapped[Member] = relationship(back_populates="enrollments")
    cohort: Mapped[Cohort] = relationship()
    team: Mapped[Team | None] = relationship(foreign_keys=[team_id])


class ConsentNotice(Stamped, Base):
    """A version of the 개인정보 수집·이용 동의 notice (PIPA §15): the exact text agreed to."""

    __tablename__ = "consent_notices"
    # `version` here is the notice's own label ("2026-1"), not Stamped's lock counter: a notice
    # is never edited, so it needs no optimistic locking (which would overwrite it with 1, 2...).
    __mapper_args__ = {}
    version: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(Text)
    items: Mapped[str] = mapped_column(Text)
    retention: Mapped[str] = mapped_column(Text)
    retention_months: Mapped[int] = mapped_column(Integer)
    refusal: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    effective_on: Mapped[dt.date] = mapped_column(Date)


class Consent(Stamped, Base):
    """Dated record of what a member agreed to, under which notice, kept until when."""

    __tablename__ = "consents"
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    enrollment_id: Mapped[int | None] = mapped_column(ForeignKey("enrollments.id"), index=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("consent_notices.id"))
    consented_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[ConsentMethod] = mapped_column(enum_column(ConsentMethod), default=ConsentMethod.WRITTEN)
    retention_until: Mapped[dt.date] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    notice: Mapped[ConsentNotice] = relationship()


class AccessLog(Base):
    """Who saw or exported unmasked personal data, when, and for what purpose."""

    __tablename__ = "access_logs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(50))
    purpose: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str | None] = mapped_column(Text)
