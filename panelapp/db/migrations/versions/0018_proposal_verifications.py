"""proposal verifications: 현장 확인 of completed proposals on the next visit

Revision ID: 0018
Revises: 0016
Create Date: 2026-12-04 01:40:00

After 완료, the next inspection of the proposal's facility lists the completed proposals under
확인할 개선사항 in 결과 입력; the team records 개선 확인 or 미흡 (with a note and photos). One row
per visit and proposal: a draft while 임시 저장 keeps it (recorded_at NULL), recorded when the
visit is completed. A new table only: nothing is copied.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "proposal_verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum("confirmed", "insufficient", name="verificationoutcome", native_enum=False, length=20),
            nullable=True,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("visited_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_proposal_verifications_inspection_id_inspections"),
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposals.id"], name=op.f("fk_proposal_verifications_proposal_id_proposals")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_proposal_verifications_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_verifications")),
        sa.UniqueConstraint(
            "inspection_id", "proposal_id", name=op.f("uq_proposal_verifications_inspection_id_proposal_id")
        ),
    )
    op.create_index(
        op.f("ix_proposal_verifications_inspection_id"), "proposal_verifications", ["inspection_id"]
    )
    op.create_index(op.f("ix_proposal_verifications_proposal_id"), "proposal_verifications", ["proposal_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_proposal_verifications_proposal_id"), table_name="proposal_verifications")
    op.drop_index(op.f("ix_proposal_verifications_inspection_id"), table_name="proposal_verifications")
    op.drop_table("proposal_verifications")
