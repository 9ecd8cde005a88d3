"""access log chain: computer, whose data, and the hash chain of every entry

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 14:30:00

Entries written before this revision get host "" and no member ids (they named a cohort in
their detail) and are chained in id order here, so the chain covers the whole log.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from panelapp.domain.access_log import GENESIS, entry_hash

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("access_logs") as batch:
        batch.add_column(sa.Column("host", sa.String(length=100), nullable=False, server_default=""))
        batch.add_column(sa.Column("member_count", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("member_ids", sa.Text(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=False, server_default=""))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=False, server_default=""))
        batch.create_index(batch.f("ix_access_logs_at"), ["at"])
        batch.create_index(batch.f("ix_access_logs_user_id"), ["user_id"])
    conn = op.get_bind()
    logs = sa.table(
        "access_logs",
        sa.column("id", sa.Integer),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("user_id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("purpose", sa.String),
        sa.column("detail", sa.Text),
        sa.column("prev_hash", sa.String),
        sa.column("hash", sa.String),
    )
    prev = GENESIS
    rows = conn.execute(
        sa.select(
            logs.c.id, logs.c.at, logs.c.user_id, logs.c.action, logs.c.purpose, logs.c.detail
        ).order_by(logs.c.id)
    ).all()
    for row in rows:
        digest = entry_hash(prev, row.at, row.user_id, "", row.action, row.purpose, 0, None, row.detail)
        conn.execute(sa.update(logs).where(logs.c.id == row.id).values(prev_hash=prev, hash=digest))
        prev = digest


def downgrade() -> None:
    with op.batch_alter_table("access_logs") as batch:
        batch.drop_index(batch.f("ix_access_logs_user_id"))
        batch.drop_index(batch.f("ix_access_logs_at"))
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("member_ids")
        batch.drop_column("member_count")
        batch.drop_column("host")
