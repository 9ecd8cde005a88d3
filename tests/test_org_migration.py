"""Migration 0004 (organizations.signoff_titles) on SQLite and PostgreSQL: a database at 0003 with
an institution and departments upgrades to head keeping them, stores a sign-off chain, goes back
to 0003 with foreign keys enforced and up again; the start-up fast path agrees with Alembic."""

import os
import uuid

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, make_url, text

from panelapp.db.engine import open_database
from panelapp.db.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from panelapp.services.context import ServiceContext
from panelapp.services.org.manage import OrgInput, get_organization, save_organization
from panelapp.services.system.bootstrap import newest_migration, schema_is_current

PG_URL = os.environ.get("PANELAPP_TEST_PG_URL")


def _to(db, revision: str, downgrade: bool = False) -> None:
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if downgrade else command.upgrade)(cfg, revision)


def _columns(db) -> set[str]:
    return {c["name"] for c in inspect(db.engine).get_columns("organizations")}


def _exercise(db) -> None:
    _to(db, "0003")
    assert "signoff_titles" not in _columns(db)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organizations (name, address, created_at, updated_at, version) "
                "VALUES ('한빛시설관리공단', '한빛시 중구', '2026-01-01', '2026-01-01', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO departments (organization_id, name, active, created_at, updated_at, version) "
                "VALUES (1, '체육사업부', true, '2026-01-01', '2026-01-01', 1)"
            )
        )
    assert not schema_is_current(db)
    upgrade_to_head(db)
    assert current_revision(db) == head_revision(db) and schema_is_current(db)
    assert "signoff_titles" in _columns(db)
    ctx = ServiceContext(db=db)
    from panelapp.services.system.bootstrap import ensure_user

    ensure_user(ctx, None)  # a 관리자 acts: institution details are theirs (services/permissions.py)
    before = get_organization(ctx)
    assert (before.name, before.address, before.signoff) == ("한빛시설관리공단", "한빛시 중구", ())
    saved = save_organization(
        ctx, OrgInput(before.name, before.address, signoff="담당,팀장,부장,이사장"), before.version
    )
    assert get_organization(ctx).signoff == ("담당", "팀장", "부장", "이사장") == saved.signoff
    _to(db, "0003", downgrade=True)  # the departments row still points at the organization
    assert "signoff_titles" not in _columns(db)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM departments")).scalars().all() == ["체육사업부"]
        assert conn.execute(text("SELECT name FROM organizations")).scalars().all() == ["한빛시설관리공단"]
    upgrade_to_head(db)
    assert get_organization(ctx).signoff == ()


def test_newest_migration_is_read_from_the_file_headers(tmp_path):
    db = open_database(str(tmp_path / "h.db"))
    try:
        assert newest_migration() == head_revision(db)
        chain = {s.revision: s.down_revision for s in _script(db).walk_revisions()}
        assert chain["0004"] == "0003"  # 0004 sits in the one line of migrations
    finally:
        db.dispose()


def _script(db):
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(db))


def test_migration_on_sqlite(tmp_path):
    db = open_database(str(tmp_path / "old.db"))
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # enforced throughout
        _exercise(db)
    finally:
        db.dispose()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL leg: PANELAPP_TEST_PG_URL not set")
def test_migration_on_postgresql():
    url = make_url(PG_URL)
    name = f"panelapp_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(url.set(database=name).render_as_string(hide_password=False))
    try:
        _exercise(db)
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
