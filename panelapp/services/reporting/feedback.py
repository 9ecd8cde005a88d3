"""The report's 좋아요·아쉬워요 section: notes of the cohort received in the period (about the
chosen facilities, when only some are), counted per facility and kind, and the proposals they
led to. Two GROUP BY queries whatever the number of notes; nothing personal is read (a note
stores no author, and its text is not printed).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from panelapp.db.models import Facility, Feedback, Proposal
from panelapp.domain.enums import FeedbackKind
from panelapp.domain.report_data import FeedbackProposal, FeedbackSummary, FeedbackTally

NO_FACILITY = "시설 미지정"


def _scope(cohort_id: int, start: dt.date, end: dt.date, wanted: set[int] | None) -> list[Any]:
    where = [
        Feedback.cohort_id == cohort_id,
        Feedback.deleted_at.is_(None),
        Feedback.received_on.between(start, end),
    ]
    if wanted is not None:
        where.append(Feedback.facility_id.in_(sorted(wanted)))  # the facilities the user ticked
    return where


def load_feedback(
    s: Session, cohort_id: int, start: dt.date, end: dt.date, wanted: set[int] | None
) -> FeedbackSummary:
    where = _scope(cohort_id, start, end, wanted)
    live_proposal = (
        (Proposal.id == Feedback.proposal_id)
        & Proposal.deleted_at.is_(None)
        & Proposal.duplicate_of_id.is_(None)
    )
    answered = (Feedback.handled.is_(True)) | Feedback.answer.is_not(None)
    counts = s.execute(
        select(
            Feedback.facility_id,
            Facility.name,
            Feedback.kind,
            func.count(),
            func.sum(case((answered, 1), else_=0)),
            func.count(Proposal.id),
        )
        .select_from(Feedback)
        .outerjoin(Facility, Facility.id == Feedback.facility_id)
        .outerjoin(Proposal, live_proposal)
        .where(*where)
        .group_by(Feedback.facility_id, Facility.name, Feedback.kind)
    ).all()
    per: dict[int | None, list[Any]] = defaultdict(lambda: ["", 0, 0, 0, 0])
    for facility_id, name, kind, n, done, linked in counts:
        row = per[facility_id]
        row[0] = name or NO_FACILITY
        row[1 if kind == FeedbackKind.LIKE else 2] += n
        row[3] += int(done or 0)
        row[4] += linked
    tallies = sorted(
        (FeedbackTally(fid, *values) for fid, values in per.items()),
        key=lambda t: (t.facility_id is None, -t.total, t.facility),
    )
    led = s.execute(
        select(
            Proposal.id,
            Proposal.title,
            Proposal.status,
            Proposal.submitted_on,
            Facility.name,
            Feedback.kind,
            func.count(),
        )
        .select_from(Feedback)
        .join(Proposal, live_proposal)
        .outerjoin(Facility, Facility.id == Proposal.facility_id)
        .where(*where)
        .group_by(
            Proposal.id, Proposal.title, Proposal.status, Proposal.submitted_on, Facility.name, Feedback.kind
        )
    ).all()
    proposals: dict[int, list[Any]] = {}
    for pid, title, status, submitted, facility, kind, n in led:
        entry = proposals.setdefault(pid, [pid, title, facility, status, submitted, 0, 0])
        entry[5 if kind == FeedbackKind.LIKE else 6] += n
    return FeedbackSummary(
        likes=sum(t.likes for t in tallies),
        dislikes=sum(t.dislikes for t in tallies),
        answered=sum(t.answered for t in tallies),
        to_proposals=sum(t.to_proposals for t in tallies),
        by_facility=tuple(tallies),
        proposals=tuple(
            sorted(
                (FeedbackProposal(*e) for e in proposals.values()),
                key=lambda p: (p.submitted_on, p.proposal_id),
            )
        ),
    )
