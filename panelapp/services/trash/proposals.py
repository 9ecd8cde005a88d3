"""Trash kinds for proposals, citizen feedback and news-team content posts.

A restored proposal or post needs its cohort (and a post its author's enrolment) out of the
trash first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import ContentPost, Enrollment, Feedback, Member, Proposal
from panelapp.domain.errors import DomainError
from panelapp.services import masking
from panelapp.services.trash.kinds import TrashKind, refuse_if_cohort_trashed, short


class ProposalKind(TrashKind):
    key, label, model = "proposal", "개선제안", Proposal

    def text(self) -> Any:
        return Proposal.title

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        rows = s.execute(
            select(Proposal.id, Proposal.title, Proposal.status, Proposal.submitted_on).where(
                Proposal.id.in_(list(ids))
            )
        )
        return {pid: f"{title} ({status.label}, 접수 {day:%Y-%m-%d})" for pid, title, status, day in rows}

    def check_restore(self, s: Session, obj: Proposal) -> None:
        refuse_if_cohort_trashed(s, obj.cohort_id, "개선제안")


class FeedbackKind(TrashKind):
    key, label, model = "feedback", "좋아요·아쉬워요", Feedback

    def text(self) -> Any:
        return Feedback.text

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        rows = s.execute(
            select(Feedback.id, Feedback.kind, Feedback.text, Feedback.received_on).where(
                Feedback.id.in_(list(ids))
            )
        )
        return {fid: f"{kind.label} · {short(text)} ({day:%Y-%m-%d})" for fid, kind, text, day in rows}

    def check_restore(self, s: Session, obj: Feedback) -> None:
        refuse_if_cohort_trashed(s, obj.cohort_id, "기록")


class ContentKind(TrashKind):
    key, label, model = "content", "소식 콘텐츠", ContentPost

    def text(self) -> Any:
        return ContentPost.title

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        return self.shown_labels(s, ids, masked=False)

    def shown_labels(self, s: Session, ids: Sequence[int], masked: bool) -> dict[int, str]:
        rows = s.execute(
            select(ContentPost.id, ContentPost.title, ContentPost.channel, Member.name)
            .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
            .join(Member, Member.id == Enrollment.member_id)
            .where(ContentPost.id.in_(list(ids)))
        )
        return {
            pid: f"{title} ({masking.name(name, masked)}, {channel.label})"
            for pid, title, channel, name in rows
        }

    def check_restore(self, s: Session, obj: ContentPost) -> None:
        e = s.get(Enrollment, obj.enrollment_id)
        refuse_if_cohort_trashed(s, e.cohort_id if e is not None else None, "콘텐츠")
        if e is None or e.deleted_at is not None:
            raise DomainError("이 콘텐츠를 쓴 참여단원이 휴지통에 있습니다. 참여단원을 먼저 복원해 주세요.")

    def restore(self, s: Session, obj: ContentPost) -> str:
        self.check_restore(s, obj)
        obj.deleted_at, obj.deleted_by_id = None, None
        return obj.title  # what the status bar has always said for a post


KINDS: tuple[TrashKind, ...] = (ProposalKind(), FeedbackKind(), ContentKind())
