"""Indexes that serve whole screens rather than one model, declared in one place.

- The trash (휴지통) lists every soft-deleted record of eleven tables as one UNION ALL with
  `deleted_at IS NOT NULL` (answer templates too, since 0019). Without an index each arm scanned its whole table (a million
  findings, a hundred thousand enrolments): ~0.7 s for a trash of 2,000 items. A partial index
  holding only the trashed rows is tiny and makes each arm a lookup (SQLite and PostgreSQL both
  use a partial index when the query's WHERE repeats its condition).
- The dashboard and the report count a cohort's findings by severity and category: a covering
  index (inspection_id, severity, category, deleted_at) lets them read the index alone, visit by
  visit, instead of every finding row (2.6 s → 1.3 s at a million findings).
"""

from __future__ import annotations

from sqlalchemy import Index, Table, text

from panelapp.db.models.activity import ActivityEvent, ContentPost
from panelapp.db.models.facilities import ChecklistTemplate, Facility
from panelapp.db.models.inspections import Finding
from panelapp.db.models.people import Cohort, Department, Enrollment, Team
from panelapp.db.models.proposals import AnswerTemplate, Feedback, Proposal

TRASHED_TABLES: tuple[Table, ...] = tuple(
    model.__table__  # type: ignore[misc]
    for model in (
        Cohort,
        Team,
        Enrollment,
        ActivityEvent,
        Facility,
        Department,
        ChecklistTemplate,
        Finding,
        Proposal,
        Feedback,
        ContentPost,
        AnswerTemplate,
    )
)
TRASHED = "deleted_at IS NOT NULL"


def trashed_index_name(table: Table) -> str:
    return f"ix_{table.name}_trashed"


for _table in TRASHED_TABLES:
    Index(
        trashed_index_name(_table),
        _table.c.deleted_at,
        sqlite_where=text(TRASHED),
        postgresql_where=text(TRASHED),
    )

Index(
    "ix_findings_inspection_counts",
    Finding.inspection_id,
    Finding.severity,
    Finding.category,
    Finding.deleted_at,
)

Index(
    "ix_findings_severity_category",
    Finding.severity,
    Finding.category,
    Finding.inspection_id,
    Finding.deleted_at,
)
Index("ix_findings_severity_observed_on", Finding.severity, Finding.observed_on, Finding.id)
