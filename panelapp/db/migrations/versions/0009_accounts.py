"""accounts: passwords, lockout, the 부서 담당자's department, the permission history

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 07:00:00

Until now a user was whoever the settings named. Users become accounts that log in: an argon2id
password hash, the must-change-at-next-login flag a reset sets, the count of failed logins and
the time the lock they caused ends, a lock set by a 관리자, the department of a 부서 담당자, and the
times of the last password change and login. Existing rows keep their name and role and get no
password: the first start after the upgrade asks for the first 관리자's password (the GUI's
first-start step, or `panelapp users add NAME --role admin`), and every other account logs in
once a 관리자 has reset its password. The new table account_events is the permission history
(권한 변경 이력): who did what to which account, when, from which computer; nothing is copied
into it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain columns added in place (ALTER TABLE ADD/DROP COLUMN on SQLite too): rebuilding users,
    # which every stamp of every table points at, fails with foreign keys on.
    op.add_column("users", sa.Column("password_hash", sa.String(length=200), nullable=True))
    op.add_column(
        "users", sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("users", sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("users", sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    op.add_column("users", sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("users", sa.Column("department_id", sa.Integer(), nullable=True))
    op.add_column("users", sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("users", sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "account_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("host", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["users.id"], name=op.f("fk_account_events_account_id_users")
        ),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_account_events_actor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_events")),
    )
    op.create_index(op.f("ix_account_events_at"), "account_events", ["at"])
    op.create_index(op.f("ix_account_events_account_id"), "account_events", ["account_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_account_events_account_id"), table_name="account_events")
    op.drop_index(op.f("ix_account_events_at"), table_name="account_events")
    op.drop_table("account_events")
    for name in (
        "last_login_at",
        "password_changed_at",
        "department_id",
        "locked",
        "locked_until",
        "failed_logins",
        "must_change_password",
        "password_hash",
    ):
        op.drop_column("users", name)
