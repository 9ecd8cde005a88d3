"""retention: when a member's data was destroyed, and the 파기 관리대장

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 14:30:00

Consents always stored `retention_until`; nothing acted on it. A member whose every consent has
ended (retention passed or withdrawn) is due for destruction (파기): their personal fields are
removed and `members.destroyed_at` says when, the row staying as "파기된 단원 #N" for the
statistics. `destruction_records` is the ledger of each destruction (파기 관리대장). Nothing is
copied into either.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a plain column added in place: rebuilding members (which enrolments point at) is not needed
    op.add_column("members", sa.Column("destroyed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "destruction_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approver_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("member_ids", sa.JSON(), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("backups", sa.Text(), nullable=False),
        sa.Column("host", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["users.id"], name=op.f("fk_destruction_records_approver_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_records")),
    )
    op.create_index(op.f("ix_destruction_records_at"), "destruction_records", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_destruction_records_at"), table_name="destruction_records")
    op.drop_table("destruction_records")
    op.drop_column("members", "destroyed_at")
