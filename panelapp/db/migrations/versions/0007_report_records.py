"""report records: the improvement reports made from this database

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-15 10:00:00

The 개선 보고서 page listed the reports remembered in the user's settings file, and the report
dialog started from the choices saved there, so database B listed the reports of database A and
offered its cohort and facility ids. Each database now keeps its own: one row per report made
(files, cohort, period, pages, masking, who and when in UTC) with the dialog's choices, which the
newest row gives back. A new table only: nothing is copied.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "report_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("cohort_id", sa.Integer(), nullable=True),
        sa.Column("cohort_label", sa.String(length=200), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("pdf_path", sa.Text(), nullable=True),
        sa.Column("xlsx_path", sa.Text(), nullable=True),
        sa.Column("hwpx_path", sa.Text(), nullable=True),
        sa.Column("docx_path", sa.Text(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("masked", sa.Boolean(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_report_records_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_records")),
    )
    op.create_index(op.f("ix_report_records_made_at"), "report_records", ["made_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_report_records_made_at"), table_name="report_records")
    op.drop_table("report_records")
