"""The trash and the finding counts read indexes, not whole tables (db/models/indexes.py)."""

import pytest
from sqlalchemy import func, select, text

from panelapp.db.models import Finding, Inspection
from panelapp.services.trash.manage import TrashQuery, _listing


def _plan(ctx, stmt) -> str:
    sql = str(stmt.compile(ctx.db.engine, compile_kwargs={"literal_binds": True}))
    with ctx.db.engine.connect() as conn:
        return "\n".join(str(row[-1]) for row in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))


@pytest.mark.parametrize("masked", [False, True])
def test_every_arm_of_the_trash_uses_its_partial_index(sqlite_ctx, masked):
    t = _listing(TrashQuery(), masked=masked)
    plan = _plan(sqlite_ctx, select(t.c.kind_no, t.c.id))
    for table in (
        "findings",
        "proposals",
        "enrollments",
        "feedback",
        "content_posts",
        "cohorts",
        "answer_templates",
    ):
        assert f"ix_{table}_trashed" in plan, plan
    scans = [line for line in plan.splitlines() if line.startswith("SCAN") and line != "SCAN trash"]
    assert scans == [], plan  # no arm reads its whole table


def test_finding_counts_read_the_covering_index(sqlite_ctx):
    stmt = (
        select(Finding.severity, Finding.category, func.count())
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .where(Inspection.cohort_id == 1, Finding.deleted_at.is_(None))
        .group_by(Finding.severity, Finding.category)
    )
    assert "COVERING INDEX ix_findings_inspection_counts" in _plan(sqlite_ctx, stmt)
