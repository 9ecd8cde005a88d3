"""answer templates: reusable answer texts per department and finding category

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 02:20:00

답변 템플릿 (issue 14 item 5): a title and a text, for one department (NULL: every department)
and one finding category (NULL: any), soft-deleted into the trash. A new table only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CATEGORIES = ("safety", "structure", "cleanliness", "accessibility", "signage", "service", "other")


def upgrade() -> None:
    op.create_table(
        "answer_templates",
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column(
            "category",
            sa.Enum(*CATEGORIES, name="findingcategory", native_enum=False, length=20),
            nullable=True,
        ),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_answer_templates_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"],
            ["users.id"],
            name=op.f("fk_answer_templates_deleted_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_answer_templates_department_id_departments")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_answer_templates_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_templates")),
    )
    op.create_index(op.f("ix_answer_templates_department_id"), "answer_templates", ["department_id"])
    # the trash lists deleted templates as one arm of its UNION ALL: a partial index of the
    # trashed rows, as 0005 gave the other kinds (db/models/indexes.py)
    op.create_index(
        "ix_answer_templates_trashed",
        "answer_templates",
        ["deleted_at"],
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
        postgresql_where=sa.text("deleted_at IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_answer_templates_trashed", table_name="answer_templates")
    op.drop_index(op.f("ix_answer_templates_department_id"), table_name="answer_templates")
    op.drop_table("answer_templates")
