"""lead member: the member a 점검 조장 account is

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 15:00:00

A 점검 조장 writes the results and findings only of the inspections they lead; an inspection's
lead is an enrollment, so the account names its member. Existing 점검 조장 accounts get none
and can write no inspection until a 관리자 picks their member (설정 및 계정, `users role`).
The column is added in place with its foreign key inline (SQLite accepts REFERENCES in ADD
COLUMN; rebuilding users, which every stamp points at, fails with foreign keys on).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_users_member_id_members"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column(
        "users",
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("members.id", name=FK), nullable=True),
        inline_references=sqlite,
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # SQLite drops the column with its inline key
        op.drop_constraint(FK, "users", type_="foreignkey")
    op.drop_column("users", "member_id")
