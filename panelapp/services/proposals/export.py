"""개선제안 to Excel: the rows the page's filters and sort show, its columns, and 제안자.

The proposer is a member: masked (김*희) unless a purpose is given (services/exporting.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from panelapp.db.models import Enrollment, Member, Proposal
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading
from panelapp.services.exporting import (
    ExportColumn,
    ExportResult,
    ListExport,
    Progress,
    export_list,
    mask_name,
)
from panelapp.services.proposals.listing import proposal_ids, proposal_rows
from panelapp.services.proposals.queries import ProposalQuery, ProposalRow

TITLE = "개선제안"


@dataclass(frozen=True)
class ProposalExportRow:
    row: ProposalRow
    proposer: str | None

    @property
    def id(self) -> int:
        return self.row.id


def _status(p: ProposalRow) -> str:
    """The status, and for a proposal marked as a duplicate (shown with 중복 포함) its original."""
    return p.status.label + (f" · 중복(#{p.duplicate_of_id})" if p.duplicate_of_id is not None else "")


def _due(p: ProposalRow) -> str:
    if p.due_on is None:
        return "–"
    return f"{p.due_on:%Y-%m-%d}" + (" 초과" if p.overdue else "")


COLUMNS = (
    ExportColumn("접수일", lambda r: r.row.submitted_on, 12),
    ExportColumn("제목", lambda r: r.row.title, 40, free_text=True),
    ExportColumn("시설", lambda r: r.row.facility_name or "–", 24),
    ExportColumn("담당부서", lambda r: r.row.department_name or "미지정", 16),
    ExportColumn("상태", lambda r: _status(r.row), 14),
    ExportColumn("처리 기한", lambda r: _due(r.row), 16),
    ExportColumn("답변일", lambda r: r.row.answered_on, 12),
    ExportColumn("답변까지(근무일)", lambda r: r.row.days_to_answer, 12),
    ExportColumn("제안자", lambda r: r.proposer, 12, mask=mask_name),
)


def _rows(ctx: ServiceContext, ids: list[int], today: dt.date | None) -> list[ProposalExportRow]:
    rows = proposal_rows(ctx, ids, today)
    with reading(ctx) as s:
        proposers: dict[int, str] = {
            pid: masking.name(name, withdrew)  # 동의 철회: masked even with a purpose
            for pid, name, withdrew in s.execute(
                select(Proposal.id, Member.name, masking.withdrew_consent())
                .join(Enrollment, Enrollment.id == Proposal.proposer_enrollment_id)
                .join(Member, Member.id == Enrollment.member_id)
                .where(Proposal.id.in_(ids))
            )
        }
    return [ProposalExportRow(r, proposers.get(r.id)) for r in rows]


def proposals_export(
    ctx: ServiceContext, query: ProposalQuery, sort_key: str = "submitted", descending: bool = True
) -> ListExport:
    return ListExport(
        TITLE,
        COLUMNS,
        lambda: proposal_ids(ctx, query, sort_key, descending),
        lambda ids: _rows(ctx, ids, query.today),
        subject=f"cohort_id={query.cohort_id if query.cohort_id is not None else 'all'}",
    )


def export_proposals(
    ctx: ServiceContext,
    query: ProposalQuery,
    sort_key: str,
    descending: bool,
    path: str | Path,
    *,
    purpose: str | None = None,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
) -> ExportResult:
    """The page's list (its query, its sort) to `path`; 제안자 masked unless `purpose`."""
    return export_list(
        ctx,
        proposals_export(ctx, query, sort_key, descending),
        path,
        purpose=purpose,
        conditions=conditions,
        token=token,
    )
