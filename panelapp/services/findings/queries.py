"""Reading findings (발견사항): the filtered list, one finding, and the dashboard's urgent list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from panelapp.db.models import Attachment, Facility, Finding, Inspection, Proposal, proposal_findings
from panelapp.domain.enums import FindingCategory, Severity
from panelapp.domain.errors import NotFoundError
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading


@dataclass(frozen=True)
class FindingSummary:
    id: int
    inspection_id: int | None
    cohort_id: int | None
    facility_id: int
    facility_name: str
    observed_on: dt.date
    title: str
    category: FindingCategory
    severity: Severity
    location: str | None
    photo_count: int
    proposal_count: int  # live proposals made from it
    version: int

    @property
    def has_proposal(self) -> bool:
        return self.proposal_count > 0


@dataclass(frozen=True)
class FindingInfo:
    summary: FindingSummary
    description: str | None
    inspection_label: str | None  # "2026-05-12 한빛국민체육센터 점검"
    # a member's name in the texts was masked for the acting account: the texts are not theirs
    # to edit (saving them back would overwrite the real names)
    texts_masked: bool = False

    def __getattr__(self, name):  # the summary's fields read through: info.title, info.version
        if name.startswith("__") or name == "summary":
            raise AttributeError(name)
        return getattr(self.summary, name)


@dataclass(frozen=True)
class FindingQuery:
    cohort_id: int | None = None
    severity: Severity | None = None
    category: FindingCategory | None = None
    facility_id: int | None = None
    without_proposal: bool | None = None  # True: none yet; False: has one; None: either
    text: str = ""
    inspection_id: int | None = None


def _counts():
    photos = (
        select(Attachment.owner_id.label("fid"), func.count().label("n"))
        .where(Attachment.owner_type == "finding", Attachment.deleted_at.is_(None))
        .group_by(Attachment.owner_id)
        .subquery("photos")
    )
    proposals = (
        select(proposal_findings.c.finding_id.label("fid"), func.count().label("n"))
        .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
        .where(Proposal.deleted_at.is_(None))
        .group_by(proposal_findings.c.finding_id)
        .subquery("proposals")
    )
    return photos, proposals


def _select():
    photos, proposals = _counts()
    q = (
        select(
            Finding,
            Facility.name,
            Inspection.cohort_id,
            func.coalesce(photos.c.n, 0),
            func.coalesce(proposals.c.n, 0),
            Inspection.scheduled_date,
        )
        .join(Facility, Facility.id == Finding.facility_id)
        .outerjoin(Inspection, Inspection.id == Finding.inspection_id)
        .outerjoin(photos, photos.c.fid == Finding.id)
        .outerjoin(proposals, proposals.c.fid == Finding.id)
        .where(Finding.deleted_at.is_(None))
    )
    return q, proposals


def _summary(f: Finding, facility: str, cohort_id, photos, proposals) -> FindingSummary:
    return FindingSummary(
        f.id,
        f.inspection_id,
        cohort_id,
        f.facility_id,
        facility,
        f.observed_on,
        f.title,
        f.category,
        f.severity,
        f.location,
        int(photos),
        int(proposals),
        f.version,
    )


def list_findings(ctx: ServiceContext, query: FindingQuery = FindingQuery()) -> list[FindingSummary]:
    """Newest first; the text matches title, location or description (any case). For the small
    lists (one visit's findings); the 발견사항 page uses listing.finding_ids / finding_rows."""
    from panelapp.services.findings.listing import finding_filter, rows_in
    from panelapp.services.id_lists import fetch_ids

    stmt = (
        select(Finding.id)
        .where(*finding_filter(query))
        .order_by(Finding.observed_on.desc(), Finding.id.desc())
    )
    with reading(ctx) as s:
        ids = [] if masking.names_a_member(ctx, s, query.text) else fetch_ids(s, stmt)
        shown = text_mask(ctx, s)
        found = {
            r.id: masked_summary(r, shown)
            for start in range(0, len(ids), 500)
            for r in rows_in(s, ids[start : start + 500])
        }
    return [found[i] for i in ids if i in found]


def text_mask(ctx: ServiceContext, s) -> Callable[[str | None], str | None]:
    """Members' names in a finding's texts, as the acting account may see them (masking.py)."""
    return masking.text_masker(s, masking.personal_masked(ctx))


def masked_summary(row: FindingSummary, shown: Callable[[str | None], str | None]) -> FindingSummary:
    return masking.texts_masked(row, shown, "title", "location")


def urgent_without_proposal(ctx: ServiceContext, cohort_id: int) -> list[FindingSummary]:
    """긴급 findings of the cohort that no live proposal answers yet, the longest waiting first."""
    rows = list_findings(
        ctx, FindingQuery(cohort_id=cohort_id, severity=Severity.URGENT, without_proposal=True)
    )
    return sorted(rows, key=lambda f: (f.observed_on, f.id))


def info_in(s, finding_id: int) -> FindingInfo:
    q, _proposals = _select()
    row = s.execute(q.where(Finding.id == finding_id)).first()
    if row is None:
        raise NotFoundError("발견사항")
    f, facility, _cohort, _photos, _proposals, day = row
    label = f"{day:%Y-%m-%d} {facility} 점검" if day is not None else None
    return FindingInfo(_summary(*row[:5]), f.description, label)


def get_finding(ctx: ServiceContext, finding_id: int) -> FindingInfo:
    """One finding as the acting account may see it: a masked role reads members' names in its
    title, place and description masked (`FindingInfo.texts_masked` then says so, and the form
    keeps those fields read-only: a masked text must never be saved over the real one)."""
    with reading(ctx) as s:
        return shown_info(ctx, s, info_in(s, finding_id))


def shown_info(ctx: ServiceContext, s, info: FindingInfo) -> FindingInfo:
    """`info` as the acting account may see it (members' names in its texts masked for a masked
    role), with `texts_masked` saying whether anything was."""
    shown = text_mask(ctx, s)
    out = FindingInfo(masked_summary(info.summary, shown), shown(info.description), info.inspection_label)
    return replace(
        out,
        texts_masked=(out.description, out.title, out.location)
        != (info.description, info.title, info.location),
    )
