"""Trash kinds for proposals, citizen feedback and news-team content posts.

Plugged into panelapp.services.trash.manage. A restored proposal or post needs its cohort (and a
post its author's enrolment) out of the trash first.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import Cohort, ContentPost, Enrollment, Feedback, Member, Proposal
from panelapp.domain.errors import DomainError


def _who(s: Session, model) -> dict[int, str]:
    from panelapp.services.trash.manage import _who as who

    return who(s, model)


def _item(kind: str, obj, label: str, who: dict[int, str]):
    from panelapp.services.trash.manage import _item as item

    return item(kind, obj, label, who)


def _short(text: str, size: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _proposal_label(p: Proposal) -> str:
    return f"{p.title} ({p.status.label}, 접수 {p.submitted_on:%Y-%m-%d})"


def _feedback_label(f: Feedback) -> str:
    return f"{f.kind.label} · {_short(f.text)} ({f.received_on:%Y-%m-%d})"


def list_proposals(s: Session):
    who = _who(s, Proposal)
    return [
        _item("proposal", p, _proposal_label(p), who)
        for p in s.scalars(select(Proposal).where(Proposal.deleted_at.is_not(None)))
    ]


def list_feedback(s: Session):
    who = _who(s, Feedback)
    return [
        _item("feedback", f, _feedback_label(f), who)
        for f in s.scalars(select(Feedback).where(Feedback.deleted_at.is_not(None)))
    ]


def list_posts(s: Session):
    who = _who(s, ContentPost)
    rows = s.execute(
        select(ContentPost, Member.name)
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
        .join(Member, Member.id == Enrollment.member_id)
        .where(ContentPost.deleted_at.is_not(None))
    )
    return [_item("content", p, f"{p.title} ({name}, {p.channel.label})", who) for p, name in rows]


def _live_cohort(s: Session, cohort_id: int | None, what: str) -> None:
    cohort = s.get(Cohort, cohort_id) if cohort_id is not None else None
    if cohort is not None and cohort.deleted_at is not None:
        raise DomainError(
            f"이 {what}이(가) 속한 제{cohort.number}기가 휴지통에 있습니다. 기수를 먼저 복원해 주세요."
        )


def restore_proposal(s: Session, p: Proposal) -> str:
    _live_cohort(s, p.cohort_id, "개선제안")
    return _proposal_label(p)


def restore_feedback(s: Session, f: Feedback) -> str:
    _live_cohort(s, f.cohort_id, "기록")
    return _feedback_label(f)


def restore_post(s: Session, p: ContentPost) -> str:
    e = s.get(Enrollment, p.enrollment_id)
    _live_cohort(s, e.cohort_id, "콘텐츠")
    if e.deleted_at is not None:
        raise DomainError("이 콘텐츠를 쓴 참여단원이 휴지통에 있습니다. 참여단원을 먼저 복원해 주세요.")
    return p.title


KINDS = {
    "proposal": ("개선제안", Proposal, list_proposals, restore_proposal),
    "feedback": ("좋아요·아쉬워요", Feedback, list_feedback, restore_feedback),
    "content": ("소식 콘텐츠", ContentPost, list_posts, restore_post),
}
