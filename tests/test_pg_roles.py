"""Server roles (issue 13 item 7, docs/sql/postgres_roles.sql), on the real server: the owner role
makes and upgrades the schema (`panelapp db upgrade`), the app role reads and writes rows but
cannot change tables; an app-role desktop facing a schema to make or upgrade is refused with a
sentence that names the command, and nothing is changed."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest
from conftest import with_admin_account
from sqlalchemy import create_engine, make_url, text

from panelapp.cli.main import main
from panelapp.db.engine import open_database
from panelapp.db.migrate import head_revision
from panelapp.domain.josa import josa
from tests.storage_conditions import PG_URL, needs_pg, step_back, throwaway_server_database

SCRIPT = Path(__file__).resolve().parents[1] / "docs" / "sql" / "postgres_roles.sql"

pytestmark = needs_pg


@pytest.fixture
def roles():
    """(owner URL, app URL) of a new database set up by the documented script."""
    tag = uuid.uuid4().hex[:8]
    owner, app = f"panel_owner_{tag}", f"panel_app_{tag}"
    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with throwaway_server_database() as url:
            u = make_url(url)
            done = subprocess.run(
                ["psql", "-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres",
                 "-d", u.database, "-v", "ON_ERROR_STOP=1", "-v", f"owner={owner}", "-v", "owner_password=o-pw",
                 "-v", f"app={app}", "-v", "app_password=a-pw", "-f", str(SCRIPT)],
                capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            as_ = lambda role: u.set(username=role, password=None).render_as_string(hide_password=False)  # noqa: E731
            yield as_(owner), as_(app)
    finally:
        with admin.connect() as conn:
            for role in (app, owner):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def _tables(url: str) -> set[str]:
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            return set(
                conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
            )
    finally:
        db.dispose()


def _revision(url: str) -> str:
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar())
    finally:
        db.dispose()


def test_owner_makes_the_schema_app_writes_rows(roles, capsys):
    owner, app = roles
    assert main(["--db", app, "demo"]) == 1  # the app role cannot make the tables
    err = capsys.readouterr().err
    assert "형식을 만들어야 하는데" in err and "권한이 없습니다" in err and "db upgrade" in err
    assert "Traceback" not in err and _tables(owner) == set()
    assert main(["--db", owner, "db", "upgrade"]) == 0
    assert "올렸습니다" in capsys.readouterr().out
    assert main(["--db", app, "demo"]) == 0  # rows, through the default privileges
    capsys.readouterr()
    db = open_database(app)
    try:
        with db.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT count(*) FROM members")).scalar() == 68
            )  # 60 of cohorts 6 and 7, 8 of the earlier 제5기
            with pytest.raises(Exception, match="permission denied"):
                conn.execute(text("CREATE TABLE intruder (id integer)"))
    finally:
        db.dispose()


def test_an_upgrade_waits_for_the_owner(roles, capsys):
    owner, app = roles
    assert main(["--db", owner, "db", "upgrade"]) == 0
    with_admin_account(owner)  # the first 관리자 (the command line logs in from here on)
    assert main(["--db", app, "check"]) == 0
    head = head_revision()
    db = open_database(owner)
    try:
        previous = step_back(db)  # as a database of the previous version
    finally:
        db.dispose()
    capsys.readouterr()
    assert main(["--db", app, "org", "show"]) == 1
    err = capsys.readouterr().err
    assert f"{previous}에서 {josa(head, '으로')} 올려야" in err and "db upgrade" in err
    assert _revision(owner) == previous  # nothing changed
    assert main(["--db", owner, "db", "upgrade"]) == 0
    assert f"{previous}에서 {head}" in capsys.readouterr().out
    assert main(["--db", owner, "db", "upgrade"]) == 0
    assert "이미 최신" in capsys.readouterr().out
    assert main(["--db", app, "check"]) == 0
