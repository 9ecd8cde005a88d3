"""The 발견사항 list at any size: ids filtered and sorted in SQL, rows fetched by id.

A cohort can hold a million findings. The page holds the ordered ids (`finding_ids`) and asks
for the rows it paints a hundred at a time (`finding_rows`, primary-key lookups of a few ms);
its labels take their figures from `finding_counts` and its facility filter from
`finding_facilities`. No ORM object per finding, no IN-list that grows with the data.

Sort keys (the page's columns): date, facility, title, category, severity, location, photos,
proposal. Every sort ends on the finding id in the same direction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, exists, func, select
from sqlalchemy.orm import Session

from panelapp.db.models import Attachment, Facility, Finding, Inspection, Proposal, proposal_findings
from panelapp.domain.enums import FindingCategory, Severity
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading
from panelapp.services.findings.queries import FindingQuery, FindingSummary, masked_summary, text_mask
from panelapp.services.id_lists import by_label, fetch_ids, ordered, ranked, text_matches

SORT_KEYS = ("date", "facility", "title", "category", "severity", "location", "photos", "proposal")


@dataclass(frozen=True)
class FindingCounts:
    any_in_cohort: bool  # the cohort has findings at all (which empty-state text to show)
    urgent_without_proposal: int  # among those the filters match


def _live_link() -> Select[Any]:
    """Links from a live proposal to the finding of the enclosing query."""
    return (
        select(proposal_findings.c.finding_id)
        .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
        .where(proposal_findings.c.finding_id == Finding.id, Proposal.deleted_at.is_(None))
    )


def cohort_clause(cohort_id: int) -> ColumnElement[bool]:
    """Findings recorded on the cohort's visits (the page, the dashboard and the report agree).
    A correlated EXISTS, not IN (…): SQLite then walks the date index for the first screen
    instead of gathering the cohort's findings visit by visit and sorting them."""
    return exists(
        select(Inspection.id).where(Inspection.id == Finding.inspection_id, Inspection.cohort_id == cohort_id)
    )


def finding_filter(query: FindingQuery) -> list[ColumnElement[bool]]:
    """WHERE terms for the query's filters (live findings only)."""
    where: list[ColumnElement[bool]] = [Finding.deleted_at.is_(None)]
    if query.cohort_id is not None:
        where.append(cohort_clause(query.cohort_id))
    if query.severity is not None:
        where.append(Finding.severity == query.severity)
    if query.category is not None:
        where.append(Finding.category == query.category)
    if query.facility_id is not None:
        where.append(Finding.facility_id == query.facility_id)
    if query.inspection_id is not None:
        where.append(Finding.inspection_id == query.inspection_id)
    if query.without_proposal is True:
        where.append(~exists(_live_link()))
    elif query.without_proposal is False:
        where.append(exists(_live_link()))
    text = text_matches(query.text, (Finding.title, Finding.location, Finding.description))
    if text is not None:
        where.append(text)
    return where


def _photo_counts() -> Any:
    return (
        select(Attachment.owner_id.label("fid"), func.count().label("n"))
        .where(Attachment.owner_type == "finding", Attachment.deleted_at.is_(None))
        .group_by(Attachment.owner_id)
        .subquery("photos")
    )


def _proposal_counts() -> Any:
    return (
        select(proposal_findings.c.finding_id.label("fid"), func.count().label("n"))
        .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
        .where(Proposal.deleted_at.is_(None))
        .group_by(proposal_findings.c.finding_id)
        .subquery("proposals")
    )


def _sorted(stmt: Select[Any], sort_key: str, descending: bool) -> Select[Any]:
    date = Finding.observed_on
    parts: list[SQLColumnExpression[Any]]
    if sort_key == "date":
        parts = [date]
    elif sort_key == "facility":
        stmt = stmt.join(Facility, Facility.id == Finding.facility_id)
        parts = [Facility.name, date]
    elif sort_key == "title":
        parts = [Finding.title]
    elif sort_key == "category":
        parts = [by_label(Finding.category, FindingCategory), date]
    elif sort_key == "severity":
        parts = [ranked(Finding.severity, Severity), date]
    elif sort_key == "location":
        parts = [func.coalesce(Finding.location, ""), date]
    elif sort_key == "photos":
        photos = _photo_counts()
        stmt = stmt.outerjoin(photos, photos.c.fid == Finding.id)
        parts = [func.coalesce(photos.c.n, 0), date]
    elif sort_key == "proposal":
        proposals = _proposal_counts()
        stmt = stmt.outerjoin(proposals, proposals.c.fid == Finding.id)
        parts = [func.coalesce(proposals.c.n, 0), date]
    else:
        raise ValueError(f"unknown sort key {sort_key!r}")
    return stmt.order_by(*ordered(parts, descending, Finding.id))


def finding_ids(
    ctx: ServiceContext,
    query: FindingQuery,
    sort_key: str = "date",
    descending: bool = True,
    limit: int | None = None,
) -> list[int]:
    """Ids of the findings the filters match, in the asked order (default: newest first).
    With `limit`, the first ones only: by date that is a walk down ix_findings_observed_on_id
    (a few ms at a million findings), so the page can show a first screen at once."""
    stmt = _sorted(select(Finding.id).where(*finding_filter(query)), sort_key, descending)
    if limit is not None:
        stmt = stmt.limit(limit)
    with reading(ctx) as s:
        if masking.names_a_member(ctx, s, query.text):
            return []
        return fetch_ids(s, stmt)


def rows_in(s: Session, ids: Sequence[int]) -> list[FindingSummary]:
    """Summaries of these live findings (any order; missing ids are skipped)."""
    if not ids:
        return []
    ids = list(ids)
    photos: dict[int, int] = {
        fid: n
        for fid, n in s.execute(
            select(Attachment.owner_id, func.count())
            .where(
                Attachment.owner_type == "finding",
                Attachment.owner_id.in_(ids),
                Attachment.deleted_at.is_(None),
            )
            .group_by(Attachment.owner_id)
        )
    }
    proposals: dict[int, int] = {
        fid: n
        for fid, n in s.execute(
            select(proposal_findings.c.finding_id, func.count())
            .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
            .where(proposal_findings.c.finding_id.in_(ids), Proposal.deleted_at.is_(None))
            .group_by(proposal_findings.c.finding_id)
        )
    }
    rows = s.execute(
        select(
            Finding.id,
            Finding.inspection_id,
            Inspection.cohort_id,
            Finding.facility_id,
            Facility.name,
            Finding.observed_on,
            Finding.title,
            Finding.category,
            Finding.severity,
            Finding.location,
            Finding.version,
        )
        .join(Facility, Facility.id == Finding.facility_id)
        .outerjoin(Inspection, Inspection.id == Finding.inspection_id)
        .where(Finding.id.in_(ids), Finding.deleted_at.is_(None))
    )
    return [
        FindingSummary(
            fid,
            inspection_id,
            cohort_id,
            facility_id,
            facility,
            observed_on,
            title,
            category,
            severity,
            location,
            photos.get(fid, 0),
            proposals.get(fid, 0),
            version,
        )
        for (
            fid,
            inspection_id,
            cohort_id,
            facility_id,
            facility,
            observed_on,
            title,
            category,
            severity,
            location,
            version,
        ) in rows
    ]


def finding_rows(ctx: ServiceContext, ids: Sequence[int]) -> list[FindingSummary]:
    """The rows a list paints: a block of ids (about a hundred) by primary key."""
    with reading(ctx) as s:
        shown = text_mask(ctx, s)
        return [masked_summary(r, shown) for r in rows_in(s, ids)]


def finding_counts(ctx: ServiceContext, query: FindingQuery) -> FindingCounts:
    """Whether the cohort has findings at all, and how many the filters match that are urgent
    with no live proposal yet (the page's warning)."""
    urgent = replace(query, severity=Severity.URGENT, without_proposal=True)
    if query.severity not in (None, Severity.URGENT) or query.without_proposal is False:
        urgent_stmt = None  # the filters already exclude them
    else:
        urgent_stmt = select(func.count()).select_from(Finding).where(*finding_filter(urgent))
    anything = select(Finding.id).where(*finding_filter(FindingQuery(cohort_id=query.cohort_id))).limit(1)
    with reading(ctx) as s:
        return FindingCounts(
            s.execute(anything).first() is not None,
            int(s.scalar(urgent_stmt) or 0) if urgent_stmt is not None else 0,
        )


def finding_facilities(ctx: ServiceContext, cohort_id: int) -> list[tuple[int, str]]:
    """(id, name) of the facilities the cohort visits, 가나다: the page's facility filter."""
    visited = select(Inspection.facility_id).where(
        Inspection.cohort_id == cohort_id, Inspection.deleted_at.is_(None)
    )
    stmt = (
        select(Facility.id, Facility.name)
        .where(Facility.id.in_(visited))
        .order_by(Facility.name, Facility.id)
    )
    with reading(ctx) as s:
        return [(fid, name) for fid, name in s.execute(stmt)]
