"""attachment blobs: photo contents in a shared PostgreSQL database

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 07:15:00

On PostgreSQL every desktop reads the photos from the database (the local hash-named folder is a
cache); SQLite keeps its files beside the database and leaves the table empty. Existing server
databases fill it with `panelapp attachments upload` on the desktops that hold the files.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blobs")),
    )


def downgrade() -> None:
    op.drop_table("attachment_blobs")
