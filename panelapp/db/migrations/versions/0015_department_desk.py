"""department desk: 추진 계획, 완료 예정일 and 진행 상황 updates

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 19:30:00

A department answering 채택 / 부분채택 now says what it plans (추진 계획) and by when (완료 예정일);
while the work goes on it posts 진행 상황 updates, kept as history entries with the day they
report on and an optional progress in percent. Nullable columns added in place: existing
proposals and history entries keep NULL, nothing is copied.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("proposals", sa.Column("plan_text", sa.Text(), nullable=True))
    op.add_column("proposals", sa.Column("expected_on", sa.Date(), nullable=True))
    op.add_column("proposal_events", sa.Column("happened_on", sa.Date(), nullable=True))
    op.add_column("proposal_events", sa.Column("progress", sa.Integer(), nullable=True))


def downgrade() -> None:
    # in place (SQLite 3.35+): batch mode would copy tables other tables point at
    op.drop_column("proposal_events", "progress")
    op.drop_column("proposal_events", "happened_on")
    op.drop_column("proposals", "expected_on")
    op.drop_column("proposals", "plan_text")
