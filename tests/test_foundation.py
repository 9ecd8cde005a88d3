"""Settings registry, resource paths, database URL resolution, who-changed-what stamps."""

import pytest
from sqlalchemy import select

from panelapp.db.engine import open_database, resolve_url
from panelapp.db.models import Cohort
from panelapp.domain.errors import ConcurrencyError, DomainError
from panelapp.paths import resource
from panelapp.services.context import check_version, transaction
from panelapp.settings import DEFAULTS, Settings


def test_settings_defaults_and_persistence(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings(path)
    assert s.get("current_user") == DEFAULTS["current_user"]
    s.set("current_user", "김담당")
    assert Settings(path).get("current_user") == "김담당"
    with pytest.raises(KeyError):
        s.get("no_such_setting")


def test_broken_settings_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert Settings(path).get("last_cohort_id") is None


def test_bundled_fonts_and_license_present():
    assert resource("fonts", "NanumGothic.ttf").stat().st_size > 1_000_000
    assert resource("fonts", "NanumGothicBold.ttf").stat().st_size > 1_000_000
    assert "SIL OPEN FONT LICENSE" in resource("fonts", "OFL.txt").read_text(encoding="utf-8")


def test_db_target_resolution(tmp_path, monkeypatch):
    assert resolve_url(str(tmp_path / "a.db")).get_backend_name() == "sqlite"
    assert resolve_url("postgresql+psycopg://u@h/db").get_backend_name() == "postgresql"
    monkeypatch.setenv("PANELAPP_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).database.endswith("env.db")
    with pytest.raises(DomainError):
        resolve_url(str(tmp_path / "missing-folder" / "x.db"))


def test_default_database_lives_in_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("PANELAPP_DB", raising=False)
    monkeypatch.setenv("PANELAPP_HOME", str(tmp_path / "home"))
    assert resolve_url(None).database == str((tmp_path / "home" / "panelapp.db").resolve())


def test_changes_record_the_acting_user_and_bump_the_version(ctx):
    import datetime as dt

    with transaction(ctx) as s:
        c = Cohort(number=1, name="제1기", term_start=dt.date(2026, 1, 1), term_end=dt.date(2026, 12, 31))
        s.add(c)
    with transaction(ctx) as s:
        c = s.scalar(select(Cohort))
        assert (c.created_by_id, c.updated_by_id, c.version) == (ctx.user_id, ctx.user_id, 1)
        c.name = "제1기 시민참여단"
    with transaction(ctx) as s:
        c = s.scalar(select(Cohort))
        assert c.version == 2
        with pytest.raises(ConcurrencyError):
            check_version(c, 1)


def test_concurrent_write_of_a_stale_row_is_refused(ctx):
    """Two desktops load the same row; the later save must not overwrite the first."""
    import datetime as dt

    from sqlalchemy import text

    with transaction(ctx) as s:
        s.add(Cohort(number=2, name="제2기", term_start=dt.date(2026, 1, 1), term_end=dt.date(2026, 12, 31)))
    other = open_database(ctx.db.url)
    try:
        with pytest.raises(ConcurrencyError):
            with transaction(ctx) as s:
                mine = s.scalar(select(Cohort))
                with other.engine.begin() as conn:  # the other desktop saves first
                    conn.execute(text("UPDATE cohorts SET name = '먼저 저장', version = version + 1"))
                mine.name = "나중 저장"
        with transaction(ctx) as s:
            assert s.scalar(select(Cohort.name)) == "먼저 저장"
    finally:
        other.dispose()


# ----- start-up: Alembic only when there is a migration to run ---------------------------------
def test_newest_migration_is_the_alembic_head(tmp_path):
    from panelapp.db.migrate import head_revision
    from panelapp.services.system.bootstrap import newest_migration

    db = open_database(str(tmp_path / "h.db"))
    assert newest_migration() == head_revision(db)
    db.dispose()


def test_newest_migration_defers_to_alembic_when_the_files_are_unusual(tmp_path, monkeypatch):
    from panelapp.services.system import bootstrap

    monkeypatch.setattr(bootstrap, "VERSIONS", tmp_path)
    assert bootstrap.newest_migration() is None  # no files
    (tmp_path / "a.py").write_text('revision = "a"\ndown_revision = None\n', encoding="utf-8")
    (tmp_path / "b.py").write_text('revision: str = "b"\ndown_revision: str | None = "a"\n', encoding="utf-8")
    assert bootstrap.newest_migration() == "b"
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = "a"\n', encoding="utf-8")
    assert bootstrap.newest_migration() is None  # two heads
    (tmp_path / "d.py").write_text('revision = "d"\ndown_revision = ("b", "c")\n', encoding="utf-8")
    assert bootstrap.newest_migration() == "d"  # the merge
    (tmp_path / "e.py").write_text("REVISION = 'e'\n", encoding="utf-8")
    assert bootstrap.newest_migration() is None  # a header not written as usual


def test_open_app_migrates_only_a_database_behind(tmp_path, monkeypatch):
    from alembic import command

    from panelapp.db import migrate
    from panelapp.services.system.bootstrap import open_app

    path = str(tmp_path / "m.db")
    open_app(path).db.dispose()  # a new file: migrated to head
    runs = []
    real = migrate.upgrade_to_head
    monkeypatch.setattr(migrate, "upgrade_to_head", lambda db, **kw: runs.append(db) or real(db, **kw))
    ctx = open_app(path)
    assert runs == []  # at head: nothing to do, Alembic not asked
    ctx.db.dispose()
    older = str(tmp_path / "old.db")
    db = open_database(older)
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")  # a file made by the previous release
    db.dispose()
    ctx = open_app(older)
    assert len(runs) == 1 and migrate.is_at_head(ctx.db)
    ctx.db.dispose()


def test_opening_a_current_database_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    from panelapp.services.system.bootstrap import open_app

    open_app(str(tmp_path / "c.db")).db.dispose()
    code = (
        "import sys\nfrom panelapp.services.system.bootstrap import open_app\n"
        "open_app(sys.argv[1]).db.dispose()\nprint('ALEMBIC', 'alembic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "c.db")], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "ALEMBIC False" in done.stdout
