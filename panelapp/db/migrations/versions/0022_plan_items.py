"""plan items: 차년도 업무계획

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 18:40:00

차년도 업무계획 (issue 14 item 8): at the end of a cohort its adopted proposals not yet done are
carried into next year's plan, one item per proposal and cohort with its department, estimated
cost (원), target quarter and a note. A new table only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "plan_items"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("estimated_cost", sa.BigInteger(), nullable=True),
        sa.Column("target_year", sa.Integer(), nullable=False),
        sa.Column("target_quarter", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], name=op.f("fk_plan_items_cohort_id_cohorts")),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposals.id"], name=op.f("fk_plan_items_proposal_id_proposals")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_plan_items_department_id_departments")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_plan_items_created_by_id_users"), use_alter=True
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_plan_items_updated_by_id_users"), use_alter=True
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_items")),
        sa.UniqueConstraint("cohort_id", "proposal_id", name=op.f("uq_plan_items_cohort_id_proposal_id")),
    )
    for column in ("cohort_id", "proposal_id", "department_id"):
        op.create_index(op.f(f"ix_plan_items_{column}"), TABLE, [column])


def downgrade() -> None:
    for column in ("department_id", "proposal_id", "cohort_id"):
        op.drop_index(op.f(f"ix_plan_items_{column}"), table_name=TABLE)
    op.drop_table(TABLE)
