"""proposal duplicates: 중복으로 표시

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 01:30:00

A proposal can be marked as a duplicate of another of its cohort (issue 14 item 6): it names
its original, and keeps which finding and feedback links moved to the original so that
unmarking can give them back; history entries get a kind (domain/duplicates.EVENT_LABELS), so
that such an entry is told from a 진행 상황 update, which changes no status either. The columns are nullable and added in place (SQLite accepts
REFERENCES in ADD COLUMN, as in 0013; rebuilding proposals, which other tables point at, would
fail with foreign keys on). Existing proposals are no one's duplicates.

Written as 0017 on a parallel branch; renumbered 0020 (after 0019 answer templates, which
followed 0018 확인할 개선사항) before any release, so the chain reads in order again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_proposals_duplicate_of_id_proposals"
INDEX = "ix_proposals_duplicate_of_id"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column(
        "proposals",
        sa.Column("duplicate_of_id", sa.Integer(), sa.ForeignKey("proposals.id", name=FK), nullable=True),
        inline_references=sqlite,
    )
    op.add_column("proposals", sa.Column("duplicate_moves", sa.JSON(), nullable=True))
    op.create_index(INDEX, "proposals", ["duplicate_of_id"])
    op.add_column("proposal_events", sa.Column("kind", sa.String(20), nullable=True))


def downgrade() -> None:
    op.drop_column("proposal_events", "kind")
    op.drop_index(INDEX, "proposals")
    op.drop_column("proposals", "duplicate_moves")
    if op.get_bind().dialect.name != "sqlite":  # SQLite drops the column with its inline key
        op.drop_constraint(FK, "proposals", type_="foreignkey")
    op.drop_column("proposals", "duplicate_of_id")
