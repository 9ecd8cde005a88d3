"""A done proposal's evidence for the report: its findings' photos (before) and the photos given
at 완료 처리 (after, attachments "proposal_after"), a few of each, read with the report's
proposal scope in the query itself (no id lists) and cut to `limit` per proposal in SQL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from panelapp.db.engine import Database
from panelapp.db.models import Attachment, Finding, Proposal, proposal_findings
from panelapp.domain.enums import ProposalStatus
from panelapp.domain.report_data import Photo
from panelapp.services.attachments.store import attachment_path
from panelapp.services.proposals.manage import AFTER_PHOTOS

Shots = dict[int, tuple[list[Photo], int]]  # proposal id -> (the first photos, how many in all)


def _scope(cohort_id: int, start: dt.date, end: dt.date) -> list[Any]:
    """The report's proposals (query._proposals) that are done."""
    return [
        Proposal.cohort_id == cohort_id,
        Proposal.deleted_at.is_(None),
        Proposal.duplicate_of_id.is_(None),
        Proposal.submitted_on.between(start, end),
        Proposal.status == ProposalStatus.DONE,
    ]


def _photo(db: Database, a: Any) -> Photo:
    return Photo(str(attachment_path(db, a.sha256)), a.caption, a.width, a.height)


def _collect(s: Session, db: Database, ranked: Any, limit: int) -> Shots:
    """ranked: a subquery of (pid, attachment columns, rank, total); its first `limit` per pid."""
    photos: dict[int, list[Photo]] = defaultdict(list)
    totals: dict[int, int] = {}
    for row in s.execute(select(ranked).where(ranked.c.rank <= limit).order_by(ranked.c.pid, ranked.c.rank)):
        photos[row.pid].append(_photo(db, row))
        totals[row.pid] = row.total
    return {pid: (shots, totals[pid]) for pid, shots in photos.items()}


def before_photos(
    s: Session, db: Database, cohort_id: int, start: dt.date, end: dt.date, limit: int
) -> Shots:
    """Photos of the findings each done proposal links, oldest finding first."""
    order = (Finding.observed_on, Finding.id, Attachment.id)
    ranked = (
        select(
            proposal_findings.c.proposal_id.label("pid"),
            Attachment.sha256,
            Attachment.caption,
            Attachment.width,
            Attachment.height,
            func.row_number()
            .over(partition_by=proposal_findings.c.proposal_id, order_by=order)
            .label("rank"),
            func.count().over(partition_by=proposal_findings.c.proposal_id).label("total"),
        )
        .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
        .join(Finding, Finding.id == proposal_findings.c.finding_id)
        .join(Attachment, (Attachment.owner_type == "finding") & (Attachment.owner_id == Finding.id))
        .where(
            *_scope(cohort_id, start, end),
            Finding.deleted_at.is_(None),
            Attachment.deleted_at.is_(None),
            Attachment.mime.like("image/%"),
        )
        .subquery()
    )
    return _collect(s, db, ranked, limit)


def after_photos(s: Session, db: Database, cohort_id: int, start: dt.date, end: dt.date, limit: int) -> Shots:
    """The photos given at 완료 처리, in the order they were attached."""
    ranked = (
        select(
            Attachment.owner_id.label("pid"),
            Attachment.sha256,
            Attachment.caption,
            Attachment.width,
            Attachment.height,
            func.row_number().over(partition_by=Attachment.owner_id, order_by=Attachment.id).label("rank"),
            func.count().over(partition_by=Attachment.owner_id).label("total"),
        )
        .join(Proposal, Proposal.id == Attachment.owner_id)
        .where(
            *_scope(cohort_id, start, end),
            Attachment.owner_type == AFTER_PHOTOS,
            Attachment.deleted_at.is_(None),
            Attachment.mime.like("image/%"),
        )
        .subquery()
    )
    return _collect(s, db, ranked, limit)
