"""Planner statistics after bulk writes (PostgreSQL).

PostgreSQL plans a query by its statistics of each table. Right after thousands of rows arrive
in one transaction (a roster import, a database copy) those still describe the table as it was:
an enrolment filter estimated at one row, the participation figures of the roster joined by
nested loops that re-run an aggregate for every member. Measured here: the roster sorted by
hours over 650 freshly inserted members ran for minutes instead of milliseconds. Autovacuum
corrects it within a minute or so; ANALYZE on the tables written corrects it at once (a sample
of 30,000 rows per table: tens of milliseconds even at 100,000 members). SQLite plans from its
indexes without such statistics, so nothing is done there.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

BULK_ROWS = 200  # fewer new rows than this barely move a table's statistics


def refresh_statistics(engine: Engine, tables: Iterable[str]) -> bool:
    """ANALYZE `tables` on PostgreSQL (after the bulk write committed); True if it ran. A failure
    is not the user's: the data is committed and autovacuum will do the same a little later."""
    if engine.dialect.name != "postgresql":
        return False
    names = [t for t in tables if t.isidentifier()]
    if not names:
        return False
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE " + ", ".join(names))
    except SQLAlchemyError:
        return False
    return True
