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


def test_the_dashboard_findings_part_reads_its_indexes_in_order(sqlite_ctx):
    """The dashboard's findings part (reporting/dashboard.load_findings) at a million findings:
    the counts come off ix_findings_severity_category already grouped, and the oldest urgent
    findings off ix_findings_severity_observed_on, so neither sorts (no temp B-tree)."""
    from dashboard_world import build_dashboard_world
    from sqlalchemy import event

    from panelapp.services.reporting.dashboard import load_findings

    w, _ids = build_dashboard_world(sqlite_ctx)
    statements: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        if "FROM findings" in statement:
            statements.append((statement, parameters))

    engine = sqlite_ctx.db.engine
    event.listen(engine, "before_cursor_execute", keep)
    try:
        figures = load_findings(sqlite_ctx, w.cohort_id)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert figures.urgent  # the urgent list ran too
    plans = []
    with engine.connect() as conn:
        for statement, parameters in statements:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            plans.append("\n".join(str(row[-1]) for row in rows))
    assert len(plans) == 3, plans  # the counts, the urgent count, the urgent list
    assert all("TEMP B-TREE" not in plan for plan in plans), plans
    assert "COVERING INDEX ix_findings_severity_category" in plans[0], plans[0]
    assert "ix_findings_severity_observed_on" in plans[2], plans[2]
