"""proposal milestones: 추진 단계 of an adopted proposal

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 18:40:00

추진 단계 (issue 14 item 4): the ordered steps of an adopted proposal's plan, each with a title,
its 예정일, its 완료일 once done and a weight for the proposal's 진행률
(domain/proposal_progress.py). A new table only; a step is deleted outright (its history entry
on the proposal says what it was), so it has no trash index.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "proposal_milestones"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f(f"fk_{TABLE}_created_by_id_users"), use_alter=True
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f(f"fk_{TABLE}_updated_by_id_users"), use_alter=True
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposals.id"], name=op.f(f"fk_{TABLE}_proposal_id_proposals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
    )
    op.create_index(op.f(f"ix_{TABLE}_proposal_id"), TABLE, ["proposal_id"])


def downgrade() -> None:
    op.drop_index(op.f(f"ix_{TABLE}_proposal_id"), table_name=TABLE)
    op.drop_table(TABLE)
