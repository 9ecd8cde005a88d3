"""organizations.lock_minutes: the institution's longest idle time before the screen locks

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04 18:40:00

자동 잠금 was a setting of each computer (settings.json), and a hand-edit of that file could
leave a screen open for an hour although only a 관리자 may allow more than 15 minutes
(issue 12). The institution's limit now lives in the database, set by a 관리자; each computer
may only lock sooner (services/org/lock.py). NULL: the default (15 minutes).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("organizations", sa.Column("lock_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("organizations", "lock_minutes")
