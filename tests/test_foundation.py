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
