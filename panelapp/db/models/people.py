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
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from panelapp.db.base import Base, SoftDelete, Stamped, enum_column, utcnow
from panelapp.domain.enums import (
    AccountAction,
    CohortStatus,
    ConsentMethod,
    EnrollmentStatus,
    Gender,
    MemberRole,
    TeamKind,
    UserRole,
)

# The account columns came with migration 0009, which adds them after the existing ones; a
# table made from the models puts them there too, so both kinds of file have one column order.
LAST = 100


class User(Stamped, Base):
    """An account: someone who logs in to the app (관리자, 담당자, 점검 조장, 부서 담당자, 열람자).
    `password_hash` is an argon2id hash; None until a password is set (rows of databases made
    before accounts existed, and accounts a 관리자 made without one): such an account cannot log
    in until a 관리자 resets its password."""

    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(50), unique=True)
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole), default=UserRole.COORDINATOR)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(200), sort_order=LAST)
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), sort_order=LAST
    )
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"), sort_order=LAST)
    # after LOCK_AFTER_FAILURES wrong passwords: locked until then (or a 관리자 unlocks)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), sort_order=LAST)
    # locked by a 관리자: until a 관리자 unlocks
    locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), sort_order=LAST)
    # 부서 담당자: the department whose proposals they read and answer. No foreign key: SQLite
    # adds and drops a plain column in place, where a key would rebuild the users table (which
    # every stamp points at); the services check the department (people/users.check_role).
    department_id: Mapped[int | None] = mapped_column(Integer, sort_order=LAST)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), sort_order=LAST)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), sort_order=LAST)
    # 점검 조장: the member they are; they write results and findings only of the inspections
    # that member leads (services/permissions.require_own_inspection). Added in place by 0013.
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), sort_order=LAST)


class Organization(Stamped, Base):
    __tablename__ = "organizations"
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(30))
    # Stored inline: a logo is small and must travel with the database to other desktops.
    logo_png: Mapped[bytes | None] = mapped_column()
    # 결재란 of printed documents, left to right ("담당", "팀장", "부장", "이사장"); None: no box
    signoff_titles: Mapped[list[str] | None] = mapped_column(JSON)
    # 답변 기한 per severity and category (domain/answer_deadlines.to_json); None: the defaults
    # none_as_null: no rules is SQL NULL, never the JSON text 'null' (a copy of the database
    # (db copy, archive) must give back exactly what it read)
    answer_deadlines: Mapped[list[dict] | None] = mapped_column(JSON(none_as_null=True), sort_order=LAST)
    # 자동 잠금: the longest idle minutes before a screen locks, on every computer (a 관리자's;
    # services/org/lock.py); a computer may only lock sooner. None: the default, 15
    lock_minutes: Mapped[int | None] = mapped_column(Integer, sort_order=LAST + 1)
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
    # One live person per phone number (phones are stored normalised, E.164): imports and the
    # member form reuse the person by phone, and two writers racing must not create two.
    __table_args__ = (
        Index(
            "uq_members_phone_live",
            "phone",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        # the newest change to any member: services/masking.member_names asks it on every unit
        # of work of a masked reader to know whether its cached names still hold (migration 0024)
        Index("ix_members_updated_at", "updated_at"),
    )
    name: Mapped[str] = mapped_column(String(50), index=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)  # E.164, +8210...
    email: Mapped[str | None] = mapped_column(String(254))
    district: Mapped[str | None] = mapped_column(String(50))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[Gender] = mapped_column(enum_column(Gender), default=Gender.UNSPECIFIED)
    notes: Mapped[str | None] = mapped_column(Text)
    # 파기: when the person's data was destroyed (services/retention); the row stays, anonymous,
    # so the cohort's hours and attendance counts and the findings they wrote still add up
    destroyed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), sort_order=LAST)
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


class AccountEvent(Base):
    """권한 변경 이력: who created, changed the role of, locked, unlocked, reset or deactivated
    which account, when and from which computer. Append-only: no service edits or deletes a
    row (kept at least 3 years; nothing here ever removes one)."""

    __tablename__ = "account_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # None: the program itself (the lock after failed logins)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[AccountAction] = mapped_column(enum_column(AccountAction))
    detail: Mapped[str | None] = mapped_column(Text)
    host: Mapped[str] = mapped_column(String(100), default="")


class AccessLog(Base):
    """접속기록: who viewed, searched, printed, exported, imported or revealed whose personal data,
    when, from which computer and (unmasked) for what purpose. Append-only and hash-chained:
    written only by services/audit/log.record, never edited or deleted by any service (kept at
    least 2 years: nothing removes a row); `hash` covers the content and `prev_hash`, the hash
    of the entry before it (domain/access_log.entry_hash), so an edit or a removal shows."""

    __tablename__ = "access_logs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(50))
    purpose: Mapped[str] = mapped_column(String(200))  # "" when nothing was unmasked
    detail: Mapped[str | None] = mapped_column(Text)
    host: Mapped[str] = mapped_column(String(100), default="")
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    member_ids: Mapped[str | None] = mapped_column(Text)  # "3,5-9,12" (domain/access_log.compress_ids)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class AccessLogSeal(Base):
    """A monthly review's seal of the access log, kept beside the log rather than in it: the
    review's own entry (id and hash) and how many entries the log held with it. Deleting the
    newest entries, the review among them, leaves no break in the chain; the seal still says the
    log was longer (services/audit/chain.py). Written only by the review; never edited or deleted.
    `review_id` has no foreign key: a removed entry must leave its seal behind."""

    __tablename__ = "access_log_seals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    review_id: Mapped[int] = mapped_column(Integer)
    review_hash: Mapped[str] = mapped_column(String(64))
    entries: Mapped[int] = mapped_column(Integer)  # the log's entries up to and with the review


class DestructionRecord(Base):
    """파기 관리대장: one destruction of personal data whose retention ended or whose consent was
    withdrawn: when, how many, which items, how, who approved, why, what happened to the backups.
    Append-only: the destruction writes its row, and completes `backups` once the backups have
    been dealt with; nothing edits or removes a row afterwards."""

    __tablename__ = "destruction_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    approver_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    count: Mapped[int] = mapped_column(Integer)
    # the destroyed members' numbers (their rows stay as "파기된 단원 #N")
    member_ids: Mapped[list[int]] = mapped_column(JSON)
    items: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    backups: Mapped[str] = mapped_column(Text)
    host: Mapped[str] = mapped_column(String(100), default="")
