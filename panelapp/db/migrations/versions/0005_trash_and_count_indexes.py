"""trash and count indexes: partial indexes of trashed rows, a covering index for finding counts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 14:10:00

The trash lists soft-deleted records of eleven tables with `deleted_at IS NOT NULL`; each arm
scanned its whole table. A partial index per table holds only the trashed rows. The dashboard's
and the report's finding counts by severity and category read a covering index instead of
every finding (see panelapp/db/models/indexes.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "cohorts",
    "teams",
    "enrollments",
    "activity_events",
    "facilities",
    "departments",
    "checklist_templates",
    "findings",
    "proposals",
    "feedback",
    "content_posts",
)
TRASHED = "deleted_at IS NOT NULL"


def upgrade() -> None:
    for table in TABLES:
        op.create_index(
            f"ix_{table}_trashed",
            table,
            ["deleted_at"],
            sqlite_where=sa.text(TRASHED),
            postgresql_where=sa.text(TRASHED),
        )
    op.create_index(
        "ix_findings_inspection_counts", "findings", ["inspection_id", "severity", "category", "deleted_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_findings_inspection_counts", table_name="findings")
    for table in reversed(TABLES):
        op.drop_index(f"ix_{table}_trashed", table_name=table)
