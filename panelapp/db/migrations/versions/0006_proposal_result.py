"""proposal result: the 완료 내용 given when a proposal is marked done

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-14 10:00:00

완료 처리 now takes what was done (완료 내용) besides the day; the proposal keeps it for the
detail view and the report, next to its "after" photos (attachments with owner_type
"proposal_after", which need no schema change). Proposals completed before keep NULL.
Adding a nullable column is a plain ALTER TABLE on SQLite too; nothing is copied.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("result_text", sa.Text(), nullable=True))


def downgrade() -> None:
    # Not through batch mode: on SQLite that would copy the table, and dropping the old copy
    # fails while foreign keys are enforced and proposal_findings and feedback point at it.
    # SQLite 3.35+ drops a column in place.
    op.drop_column("proposals", "result_text")
