"""answer deadlines: working days per finding severity and category

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 19:00:00

The institution keeps how many working days a department has to answer a proposal, by the
severity and category of its findings (domain/answer_deadlines.py). NULL means the defaults
(긴급(안전) 1, 높음 5, 기타 10). Existing proposals keep the due dates they were given.
A nullable column is a plain ALTER TABLE on SQLite too, as in 0004.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("organizations", sa.Column("answer_deadlines", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("organizations", "answer_deadlines")
