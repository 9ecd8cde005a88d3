"""비슷한 제안: before a new proposal is saved, the proposals of its cohort it probably repeats
(issue 14 item 6): one that already links one of its findings, or one at the same facility (or,
without a facility, anywhere in the cohort) whose title is alike (domain/duplicates.py).

Bounded reads: the findings asked about are the few the user picked; a facility's proposals are
few; without a facility only the cohort's newest CANDIDATES proposals are compared. A 부서 담당자
is shown only their own department's (department_scope), as every proposal list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from panelapp.db.models import Finding, Proposal, proposal_findings
from panelapp.domain.duplicates import alike, title_similarity
from panelapp.domain.enums import ProposalStatus
from panelapp.domain.josa import quoted
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading
from panelapp.services.permissions import department_scope

CANDIDATES = 500
SHOWN = 5


@dataclass(frozen=True)
class SimilarProposal:
    id: int
    title: str
    status: ProposalStatus
    submitted_on: dt.date
    reason: str  # why it is shown, one Korean phrase


def similar_proposals(
    ctx: ServiceContext,
    cohort_id: int,
    title: str,
    facility_id: int | None = None,
    finding_ids: tuple[int, ...] = (),
    exclude_id: int | None = None,
) -> list[SimilarProposal]:
    """The likely duplicates, shared findings first, then the most alike titles; at most SHOWN."""
    base = [Proposal.deleted_at.is_(None), Proposal.cohort_id == cohort_id]
    if exclude_id is not None:
        base.append(Proposal.id != exclude_id)
    cols = (Proposal.id, Proposal.title, Proposal.status, Proposal.submitted_on)
    found: dict[int, SimilarProposal] = {}
    with reading(ctx) as s:
        scope = department_scope(ctx, s)
        if scope is not None:
            base.append(Proposal.department_id == scope)
        if finding_ids:
            rows = s.execute(
                select(*cols, Finding.title)
                .join(proposal_findings, proposal_findings.c.proposal_id == Proposal.id)
                .join(Finding, Finding.id == proposal_findings.c.finding_id)
                .where(*base, proposal_findings.c.finding_id.in_(sorted(set(finding_ids))))
                .order_by(Proposal.submitted_on.desc(), Proposal.id.desc())
            ).all()
            for pid, ptitle, status, submitted, finding in rows:
                if pid not in found:
                    found[pid] = SimilarProposal(
                        pid, ptitle, status, submitted, f"같은 발견사항 {quoted(finding, '이')} 연결됨"
                    )
        place = (
            Proposal.facility_id == facility_id if facility_id is not None else Proposal.facility_id.is_(None)
        )
        near = s.execute(
            select(*cols)
            .where(*base, place)
            .order_by(Proposal.submitted_on.desc(), Proposal.id.desc())
            .limit(CANDIDATES)
        ).all()
    alike_ones = sorted(
        (r for r in near if r.id not in found and alike(title, r.title, facility_id is not None)),
        key=lambda r: -title_similarity(title, r.title),
    )
    reason = "같은 시설, 비슷한 제목" if facility_id is not None else "비슷한 제목"
    hits = list(found.values()) + [
        SimilarProposal(r.id, r.title, r.status, r.submitted_on, reason) for r in alike_ones
    ]
    return shown_to(ctx, hits[:SHOWN])


def shown_to(ctx: ServiceContext, hits: list[SimilarProposal]) -> list[SimilarProposal]:
    """Members' names in the titles (and the finding title a reason quotes) masked for a masked
    role (services/masking.py)."""
    if not hits or not masking.personal_masked(ctx):
        return hits
    with reading(ctx) as s:
        shown = masking.text_masker(s, True)
    return [masking.texts_masked(h, shown, "title", "reason") for h in hits]
