"""After a bulk import PostgreSQL plans from fresh statistics (db/planner.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from panelapp.db.planner import BULK_ROWS, refresh_statistics
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.roster_io.importing import commit_import, preview_import


def _analyzed(ctx, table: str) -> bool:
    with ctx.db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT pg_stat_clear_snapshot()")
        return (
            conn.execute(
                text("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = :t"),
                {"t": table},
            ).scalar()
            is True
        )


def test_sqlite_needs_nothing(tmp_path):
    from sqlalchemy import create_engine

    assert refresh_statistics(create_engine(f"sqlite:///{tmp_path / 'x.db'}"), ["members"]) is False


def test_a_large_import_analyzes_the_tables_it_filled(ctx, tmp_path):
    if ctx.db.is_sqlite:
        pytest.skip("PostgreSQL only: SQLite keeps no such statistics")
    with ctx.db.engine.connect() as conn:  # the tests' schema is reused: start from "never"
        conn.exec_driver_sql("SELECT pg_stat_reset()")
    assert not _analyzed(ctx, "enrollments")
    c = create_cohort(ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    path = tmp_path / "명단.csv"
    rows = [
        f"참여자{chr(0xAC00 + i * 28)},010-6{i:03d}-{i + 2000:04d},,,2026-03-02" for i in range(BULK_ROWS)
    ]
    path.write_text("이름,휴대전화,소속,역할,개인정보동의일\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = commit_import(ctx, c.id, preview_import(ctx, c.id, path))
    assert result.imported == BULK_ROWS
    assert _analyzed(ctx, "enrollments") and _analyzed(ctx, "members")
