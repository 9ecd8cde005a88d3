"""search index: bigram postings for partial Korean words

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 13:20:00

The index starts empty; the first search fills it from the documents already stored
(panelapp.services.search.index.ensure_index), so this migration stays a pure schema step.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "search_grams",
        sa.Column("gram", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("doc_kind", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("doc_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("gram", "doc_kind", "doc_id", name=op.f("pk_search_grams")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("search_grams")
