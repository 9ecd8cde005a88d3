"""access log seals: what each monthly review signed, kept beside the log

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 19:00:00

A review recorded the newest entry it saw inside its own access-log entry; deleting the newest
entries, the review among them, then left a shorter chain with no break and nothing to say it
was longer. The seal (the review's entry id and hash, and how many entries the log held with
it) lives in a table of its own. Reviews made before this revision have none.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_log_seals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("review_hash", sa.String(length=64), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log_seals")),
    )


def downgrade() -> None:
    op.drop_table("access_log_seals")
