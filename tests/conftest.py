"""Test set-up: offscreen Qt, isolated user folders, a fresh database per test.

Service tests take the `ctx` fixture, which runs each test on SQLite and, when
PANELAPP_TEST_PG_URL is set, again on PostgreSQL.
"""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt: no display in CI, and never touch the real user folders.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="panelapp-test-home-")
os.environ["PANELAPP_HOME"] = _HOME
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "xdg-config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "xdg-data")
os.environ.pop("PANELAPP_DB", None)

import pytest  # noqa: E402
from sqlalchemy import text  # noqa: E402

from panelapp.db import models  # noqa: E402,F401
from panelapp.db.base import Base  # noqa: E402
from panelapp.db.engine import open_database  # noqa: E402
from panelapp.services.context import ServiceContext  # noqa: E402
from panelapp.services.system.bootstrap import ensure_user, sync_consent_notices  # noqa: E402

PG_URL = os.environ.get("PANELAPP_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
_pg_db = None


def _pg_database():
    """One schema per run; each test starts from empty tables (TRUNCATE is fast)."""
    global _pg_db
    if _pg_db is None:
        _pg_db = open_database(PG_URL)
        Base.metadata.drop_all(_pg_db.engine)
        with _pg_db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        Base.metadata.create_all(_pg_db.engine)
    else:
        names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with _pg_db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    return _pg_db


def make_ctx(backend: str, tmp_path) -> ServiceContext:
    if backend == "sqlite":
        db = open_database(str(tmp_path / "test.db"))
        Base.metadata.create_all(db.engine)
    else:
        db = _pg_database()
    ctx = ServiceContext(db=db)
    sync_consent_notices(ctx)
    ensure_user(ctx, "테스트담당자")
    return ctx


@pytest.fixture(params=BACKENDS)
def ctx(request, tmp_path) -> ServiceContext:
    context = make_ctx(request.param, tmp_path)
    yield context
    if request.param == "sqlite":
        context.db.dispose()


@pytest.fixture
def sqlite_ctx(tmp_path) -> ServiceContext:
    context = make_ctx("sqlite", tmp_path)
    yield context
    context.db.dispose()


def pytest_sessionfinish(session, exitstatus):
    if _pg_db is not None:
        _pg_db.dispose()
