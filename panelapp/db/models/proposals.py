"""Improvement proposals with their status history, and citizen feedback."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from panelapp.db.base import Base, SoftDelete, Stamped, enum_column, utcnow
from panelapp.domain.enums import (
    FeedbackKind,
    FeedbackSource,
    FindingCategory,
    ProposalStatus,
    VerificationOutcome,
)

proposal_findings = Table(
    "proposal_findings",
    Base.metadata,
    Column("proposal_id", ForeignKey("proposals.id", ondelete="CASCADE"), primary_key=True),
    Column("finding_id", ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True),
    # the primary key leads with proposal_id: a finding's proposals need their own index
    Index("ix_proposal_findings_finding_id", "finding_id"),
)


class Proposal(Stamped, SoftDelete, Base):
    """개선제안: what should change, followed to the department's answer."""

    __tablename__ = "proposals"
    # newest first is the 개선제안 page's order: its first screen is read off this index
    __table_args__ = (Index("ix_proposals_submitted_on_id", "submitted_on", "id"),)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    proposer_enrollment_id: Mapped[int | None] = mapped_column(ForeignKey("enrollments.id"))
    title: Mapped[str] = mapped_column(String(200))
    problem: Mapped[str | None] = mapped_column(Text)
    proposal: Mapped[str | None] = mapped_column(Text)
    expected_effect: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ProposalStatus] = mapped_column(
        enum_column(ProposalStatus), default=ProposalStatus.SUBMITTED, index=True
    )
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    decline_reason: Mapped[str | None] = mapped_column(Text)
    completed_on: Mapped[dt.date | None] = mapped_column(Date)
    # 완료 내용: what was done, given when the proposal is marked done (its "after" photos are
    # attachments with owner_type "proposal_after")
    result_text: Mapped[str | None] = mapped_column(Text)
    # 추진 계획 and 완료 예정일: what the department means to do and by when, given with 채택 /
    # 부분채택 (or later at 추진 시작)
    plan_text: Mapped[str | None] = mapped_column(Text)
    expected_on: Mapped[dt.date | None] = mapped_column(Date)
    # 중복으로 표시 (services/proposals/duplicate_marks.py): the original this one repeats; a
    # duplicate leaves every count and the lists' default filter. duplicate_moves keeps which
    # finding and feedback links moved to the original ({"findings": [ids], "feedback": [ids]}),
    # so that unmarking gives them back; none_as_null: not a duplicate is SQL NULL
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("proposals.id"), index=True)
    duplicate_moves: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    events: Mapped[list[ProposalEvent]] = relationship(back_populates="proposal", order_by="ProposalEvent.at")


class ProposalEvent(Base):
    """One status change or answer, with its date and author: history is never rewritten."""

    __tablename__ = "proposal_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    from_status: Mapped[ProposalStatus | None] = mapped_column(enum_column(ProposalStatus))
    to_status: Mapped[ProposalStatus] = mapped_column(enum_column(ProposalStatus))
    note: Mapped[str | None] = mapped_column(Text)
    # a 진행 상황 update (from_status == to_status): the day it reports on and the progress in %
    happened_on: Mapped[dt.date | None] = mapped_column(Date)
    progress: Mapped[int | None] = mapped_column(Integer)
    # an entry that is neither a step nor a 진행 상황 update: domain/duplicates.EVENT_LABELS
    # (marked as a duplicate, a duplicate's links received, and their undoing); NULL otherwise
    kind: Mapped[str | None] = mapped_column(String(20))
    proposal: Mapped[Proposal] = relationship(back_populates="events")


class ProposalMilestone(Stamped, Base):
    """추진 단계 (issue 14 item 4): one ordered step of an adopted proposal's plan, with its
    예정일, its 완료일 once done and a weight (1 unless given) for the proposal's 진행률
    (domain/proposal_progress.py). Every change is also a history entry of the proposal
    (services/proposals/milestones.py); a deleted step is gone, its entry says what it was."""

    __tablename__ = "proposal_milestones"
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 … in the proposal's order
    title: Mapped[str] = mapped_column(String(200))
    planned_on: Mapped[dt.date] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    weight: Mapped[int] = mapped_column(Integer, default=1)


class ProposalVerification(Base):
    """현장 확인: a later visit of the proposal's facility checks a completed proposal.

    Kept with the visit's results: 임시 저장 keeps the choice (outcome, note) as a draft
    (`recorded_at` NULL); completing the visit, or saving a completed one, records it — a
    history entry on the proposal, and 미흡 reopens it (추진중). A recorded row is not changed
    again. A 미흡 row may carry photos (attachments "proposal_verification").
    """

    __tablename__ = "proposal_verifications"
    __table_args__ = (UniqueConstraint("inspection_id", "proposal_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    outcome: Mapped[VerificationOutcome | None] = mapped_column(enum_column(VerificationOutcome))
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    recorded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # the visit's day when recorded (its actual day, else its scheduled one)
    visited_on: Mapped[dt.date | None] = mapped_column(Date)


class Feedback(Stamped, SoftDelete, Base):
    """좋아요 / 아쉬워요: a citizen's praise or complaint about a facility or service."""

    __tablename__ = "feedback"
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"), index=True)
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id"), index=True)
    kind: Mapped[FeedbackKind] = mapped_column(enum_column(FeedbackKind))
    source: Mapped[FeedbackSource] = mapped_column(enum_column(FeedbackSource))
    received_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    handled: Mapped[bool] = mapped_column(Boolean, default=False)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposals.id"))


class AnswerTemplate(Stamped, SoftDelete, Base):
    """답변 템플릿: a reusable answer text, for one department (NULL: every department) and one
    finding category (NULL: any). Picked in the answer form, it fills the answer text."""

    __tablename__ = "answer_templates"
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    category: Mapped[FindingCategory | None] = mapped_column(enum_column(FindingCategory))
    title: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)


class PlanItem(Stamped, Base):
    """차년도 업무계획: an adopted proposal not done when its cohort ended, carried into the
    next year's work plan of that cohort (services/proposals/next_year.py). One item per
    proposal and cohort; the proposal stays in its own cohort (domain/next_year_plan.py says how
    that is counted). Not a trash kind: taking an item out of the plan deletes it, with a history
    entry on the proposal."""

    __tablename__ = "plan_items"
    __table_args__ = (UniqueConstraint("cohort_id", "proposal_id"),)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    estimated_cost: Mapped[int | None] = mapped_column(BigInteger)  # 원
    target_year: Mapped[int] = mapped_column(Integer)
    target_quarter: Mapped[int] = mapped_column(Integer)  # 1-4
    note: Mapped[str | None] = mapped_column(Text)
