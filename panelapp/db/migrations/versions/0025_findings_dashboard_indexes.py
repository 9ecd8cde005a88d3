"""findings (severity, …) indexes: the dashboard's findings part at a million findings.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-04 19:45:00

The dashboard counts a cohort's findings by severity and by category and lists the oldest urgent
ones no live proposal covers (services/reporting/dashboard.py). SQLite grouped a million findings
by sorting them all in a temp B-tree and sorted every urgent finding to keep the first 50:
ix_findings_severity_category hands the rows over already grouped (covering), and
ix_findings_severity_observed_on is the urgent list's order, read until the 50th.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_findings_severity_category": ["severity", "category", "inspection_id", "deleted_at"],
    "ix_findings_severity_observed_on": ["severity", "observed_on", "id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "findings", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, "findings")
