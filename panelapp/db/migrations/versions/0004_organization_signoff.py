"""organization sign-off chain: the 결재란 titles of printed documents

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10 10:00:00

The institution (기관 정보) now carries the titles of its sign-off chain, left to right
("담당", "팀장", "부장", "이사장"), which printed documents draw as a 결재란. NULL means no box.
Adding a nullable column is a plain ALTER TABLE on SQLite too (batch mode does not copy the
table for it), so departments and cohorts referencing organizations are left alone.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signoff_titles", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Not through batch mode: on SQLite that would copy the table, and dropping the old copy
    # fails while foreign keys are enforced and departments point at it. SQLite 3.35+ drops
    # a column in place.
    op.drop_column("organizations", "signoff_titles")
