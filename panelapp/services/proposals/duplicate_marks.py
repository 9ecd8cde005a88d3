"""중복으로 표시 (issue 14 item 6): one proposal repeats another of its cohort.

Marking moves the duplicate's links to its original: its findings (those the original did not
already link) and the feedback (좋아요 / 아쉬워요) that pointed at it. Both proposals get a history
entry with the acting account; the duplicate keeps its texts, its status and its own history, and
is from then on left out of every count (dashboard, 부서별 답변 처리, the report) and of the
proposal lists' default filter (`live_proposal`); the full export marks it (중복 원본).

Unmarking is allowed and gives back what marking moved, as far as it is still there: the findings
it had are linked to it again (a finding deleted meanwhile stays away), those the original got
only from it are taken off the original, and the feedback that moved and still points at the
original comes back. What the original had before, or was given since by someone else, stays.

Refused, each with a sentence: marking a proposal as its own duplicate, as the duplicate of a
duplicate (the sentence names that one's original, which is the one to choose), across cohorts,
a deleted proposal (either side), one already marked, and one that is itself the original of
other duplicates (chains are never made).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, delete, func, insert, select
from sqlalchemy.orm import Session

from panelapp.db.base import utcnow
from panelapp.db.models import Cohort, Feedback, Finding, Proposal, ProposalEvent, proposal_findings
from panelapp.domain.duplicates import MARKED, MERGED, SPLIT, UNMARKED
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import josa, quoted
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.permissions import Permission, department_scope, writes
from panelapp.services.proposals.duplicates import SimilarProposal, shown_to, similar_proposals
from panelapp.services.proposals.queries import ProposalDetail, detail_in, shown_detail


def live_proposal() -> ColumnElement[bool]:
    """A proposal that counts: not deleted and not marked as a duplicate."""
    return and_(Proposal.deleted_at.is_(None), Proposal.duplicate_of_id.is_(None))


def _named(p: Proposal, which: str = "") -> str:
    """#12 '제목' with the particle that follows the title ("" for none)."""
    return f"#{p.id} " + (quoted(p.title, which) if which else f"'{p.title}'")


def _load(s: Session, proposal_id: int, what: str) -> Proposal:
    p = s.get(Proposal, proposal_id)
    if p is None:
        raise DomainError(f"{what} 제안(#{proposal_id})이 없습니다. 번호를 확인해 주세요.")
    if p.deleted_at is not None:
        raise DomainError(
            f"{what} 제안 {_named(p, '은')} 삭제되어 휴지통에 있습니다. 삭제된 제안은 중복 표시에 쓸 수 없습니다."
        )
    return p


def _event(s: Session, ctx: ServiceContext, p: Proposal, kind: str, note: str) -> None:
    s.add(
        ProposalEvent(
            proposal_id=p.id,
            user_id=ctx.user_id,
            from_status=p.status,
            to_status=p.status,
            note=note,
            kind=kind,
        )
    )


def _refusal(s: Session, dup: Proposal, original: Proposal) -> str | None:
    if dup.id == original.id:
        return "제안을 자기 자신의 중복으로 표시할 수 없습니다. 원본으로 다른 제안을 고르세요."
    if dup.duplicate_of_id is not None:
        first = s.get(Proposal, dup.duplicate_of_id)
        shown = (_named(first) if first is not None else f"#{dup.duplicate_of_id}") + "의"
        return f"{_named(dup, '은')} 이미 {shown} 중복으로 표시되어 있습니다. 바꾸려면 먼저 중복 표시를 해제하세요."
    if original.duplicate_of_id is not None:
        first = s.get(Proposal, original.duplicate_of_id)
        named = _named(first) if first is not None else f"#{original.duplicate_of_id}"
        choose = _named(first, "을") if first is not None else josa(f"#{original.duplicate_of_id}", "을")
        return f"{_named(original, '은')} {named}의 중복입니다. 중복의 중복은 만들 수 없으니 원본 {choose} 고르세요."
    if dup.cohort_id != original.cohort_id:
        cohort = s.get(Cohort, original.cohort_id)
        where = cohort.name if cohort is not None else "다른 기수"
        return f"원본 {_named(original, '은')} {where}의 제안입니다. 같은 기수의 제안만 원본으로 고를 수 있습니다."
    followers = s.scalar(
        select(func.count())
        .select_from(Proposal)
        .where(Proposal.duplicate_of_id == dup.id, Proposal.deleted_at.is_(None))
    )
    if followers:
        return (
            f"{_named(dup, '을')} 원본으로 둔 중복 제안이 {followers}건 있습니다. "
            "그 제안들의 중복 표시를 먼저 해제하거나, 이 제안을 원본으로 두세요."
        )
    return None


@writes(Permission.PANEL_WORK)
def mark_duplicate(
    ctx: ServiceContext, proposal_id: int, original_id: int, version: int | None, today: dt.date | None = None
) -> ProposalDetail:
    """Mark `proposal_id` as a duplicate of `original_id` and move its links; the duplicate's detail."""
    with transaction(ctx) as s:
        dup = _load(s, proposal_id, "중복으로 표시할")
        original = _load(s, original_id, "원본")
        check_version(dup, version)
        refusal = _refusal(s, dup, original)
        if refusal is not None:
            raise DomainError(refusal)
        had = sorted(
            s.scalars(select(proposal_findings.c.finding_id).where(proposal_findings.c.proposal_id == dup.id))
        )
        present = set(
            s.scalars(
                select(proposal_findings.c.finding_id).where(proposal_findings.c.proposal_id == original.id)
            )
        )
        added = [f for f in had if f not in present]
        s.execute(delete(proposal_findings).where(proposal_findings.c.proposal_id == dup.id))
        if added:
            s.execute(
                insert(proposal_findings), [{"proposal_id": original.id, "finding_id": f} for f in added]
            )
        feedback = list(
            s.scalars(select(Feedback).where(Feedback.proposal_id == dup.id).order_by(Feedback.id))
        )
        for f in feedback:
            f.proposal_id = original.id
        dup.duplicate_of_id = original.id
        dup.duplicate_moves = {"findings": had, "added": added, "feedback": [f.id for f in feedback]}
        moved = f"발견사항 {len(added)}건, 좋아요·아쉬워요 {len(feedback)}건"
        _event(s, ctx, dup, MARKED, f"{_named(original)}의 중복으로 표시: {moved}을 원본으로 옮김")
        _event(s, ctx, original, MERGED, f"중복 제안 {_named(dup)}의 {moved}을 넘겨받음")
        original.updated_at = utcnow()  # its links changed: its version moves on
        s.flush()
        return shown_detail(ctx, s, detail_in(s, dup.id, today))


@writes(Permission.PANEL_WORK)
def unmark_duplicate(
    ctx: ServiceContext, proposal_id: int, version: int | None, today: dt.date | None = None
) -> ProposalDetail:
    """Undo 중복으로 표시: the proposal counts again and takes back what moved (module docstring)."""
    with transaction(ctx) as s:
        dup = _load(s, proposal_id, "중복 표시를 해제할")
        check_version(dup, version)
        if dup.duplicate_of_id is None:
            raise DomainError(f"{_named(dup, '은')} 중복으로 표시되어 있지 않습니다.")
        original = s.get(Proposal, dup.duplicate_of_id)
        moves = dup.duplicate_moves or {}
        had = [int(f) for f in moves.get("findings", [])]
        live = set(s.scalars(select(Finding.id).where(Finding.id.in_(had), Finding.deleted_at.is_(None))))
        back = [f for f in had if f in live]
        if back:
            s.execute(insert(proposal_findings), [{"proposal_id": dup.id, "finding_id": f} for f in back])
        taken: list[int] = []
        returned: list[Feedback] = []
        if original is not None:
            taken = [int(f) for f in moves.get("added", [])]
            if taken:
                s.execute(
                    delete(proposal_findings).where(
                        proposal_findings.c.proposal_id == original.id,
                        proposal_findings.c.finding_id.in_(taken),
                    )
                )
            ids = [int(f) for f in moves.get("feedback", [])]
            if ids:
                returned = list(
                    s.scalars(
                        select(Feedback).where(Feedback.id.in_(ids), Feedback.proposal_id == original.id)
                    )
                )
            for f in returned:
                f.proposal_id = dup.id
        dup.duplicate_of_id, dup.duplicate_moves = None, None
        moved = f"발견사항 {len(back)}건, 좋아요·아쉬워요 {len(returned)}건"
        of = _named(original) if original is not None else "원본"
        _event(s, ctx, dup, UNMARKED, f"{of}의 중복 표시 해제: {moved}을 되돌려 받음")
        if original is not None:
            _event(s, ctx, original, SPLIT, f"{_named(dup)}의 중복 표시 해제: {moved}을 돌려줌")
            original.updated_at = utcnow()
        s.flush()
        return shown_detail(ctx, s, detail_in(s, dup.id, today))


def original_suggestions(ctx: ServiceContext, proposal_id: int) -> list[SimilarProposal]:
    """The likely originals of a proposal, by the likely-duplicate rule of a new proposal
    (proposals/duplicates.py: shared findings, alike titles at the same facility). A suggestion
    that is itself a duplicate is replaced by its original; the proposal itself and its own
    duplicates are never suggested."""
    with reading(ctx) as s:
        p = s.get(Proposal, proposal_id)
        if p is None or p.deleted_at is not None:
            return []
        findings = tuple(
            s.scalars(select(proposal_findings.c.finding_id).where(proposal_findings.c.proposal_id == p.id))
        )
        cohort_id, title, facility_id = p.cohort_id, p.title, p.facility_id
    hits = similar_proposals(ctx, cohort_id, title, facility_id, findings, exclude_id=proposal_id)
    if not hits:
        return []
    with reading(ctx) as s:
        scope = department_scope(ctx, s)
        rows = {
            r.id: r
            for r in s.execute(
                select(
                    Proposal.id,
                    Proposal.title,
                    Proposal.status,
                    Proposal.submitted_on,
                    Proposal.duplicate_of_id,
                ).where(Proposal.id.in_([h.id for h in hits]))
            )
        }
        firsts = {r.duplicate_of_id for r in rows.values() if r.duplicate_of_id is not None}
        originals = {
            r.id: r
            for r in s.execute(
                select(
                    Proposal.id,
                    Proposal.title,
                    Proposal.status,
                    Proposal.submitted_on,
                    Proposal.department_id,
                ).where(Proposal.id.in_(sorted(firsts)), live_proposal())
            )
            if scope is None or r.department_id == scope
        }
    out: dict[int, SimilarProposal] = {}
    for h in hits:
        row = rows.get(h.id)
        if row is None:
            continue
        if row.duplicate_of_id is None:
            out.setdefault(h.id, h)
        elif row.duplicate_of_id in originals and row.duplicate_of_id != proposal_id:
            o = originals[row.duplicate_of_id]
            reason = f"{h.reason} (#{h.id}의 원본)"
            out.setdefault(o.id, SimilarProposal(o.id, o.title, o.status, o.submitted_on, reason))
    return shown_to(ctx, list(out.values()))
