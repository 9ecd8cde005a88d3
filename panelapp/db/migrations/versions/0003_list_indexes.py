"""list indexes: a finding's proposals, findings and proposals newest first

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 10:00:00

The 발견사항 and 개선제안 pages fetch the rows they paint by id, a hundred at a time, with how
many live proposals answer each finding: without an index on proposal_findings.finding_id
(its primary key leads with proposal_id) every block scanned the whole link table (~90 ms at
250,000 links). Their first screen, newest first, is read off the date indexes in a few ms
while the full id list is still being sorted.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_proposal_findings_finding_id", "proposal_findings", ["finding_id"])
    op.create_index("ix_findings_observed_on_id", "findings", ["observed_on", "id"])
    op.create_index("ix_proposals_submitted_on_id", "proposals", ["submitted_on", "id"])


def downgrade() -> None:
    op.drop_index("ix_proposals_submitted_on_id", table_name="proposals")
    op.drop_index("ix_findings_observed_on_id", table_name="findings")
    op.drop_index("ix_proposal_findings_finding_id", table_name="proposal_findings")
