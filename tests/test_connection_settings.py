"""The database this computer opens (services/system/connection.py, issue 13 item 6): saved per
computer in the settings, the server's password in the keyring (a fake in-memory backend here)
and never in the settings file, asked when there is no keyring; `--db` and PANELAPP_DB win; the
command line opens the saved connection too; 연결 시험 says what it found without writing."""

from __future__ import annotations

import json

import pytest

from panelapp.services.system import connection as conn
from panelapp.services.system.connection import (
    ASK,
    KEYRING,
    NONE,
    SERVER,
    SQLITE,
    SavedConnection,
    keyring_usable,
    probe,
    save,
    saved,
    saved_target,
    store_password,
)
from panelapp.settings import Settings
from tests.storage_conditions import needs_pg, throwaway_server_database

SERVER_CHOICE = SavedConnection(
    kind=SERVER, host="db.example.go.kr", port=5433, database="panel", user="clerk", tls="require"
)


def test_nothing_saved_opens_the_data_folder_file(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    assert saved(settings) is None and saved_target(settings).target is None


def test_a_saved_file_is_opened_and_panelapp_db_wins(tmp_path, monkeypatch):
    settings = Settings(tmp_path / "settings.json")
    save(settings, SavedConnection(kind=SQLITE, path=str(tmp_path / "office.db")))
    assert saved_target(settings).target == str(tmp_path / "office.db")
    monkeypatch.setenv("PANELAPP_DB", str(tmp_path / "other.db"))
    assert saved_target(settings).target is None  # resolve_url reads PANELAPP_DB then
    save(settings, None)
    assert saved(settings) is None


def test_the_server_password_is_in_the_keyring_never_in_the_settings(tmp_path, memory_keyring):
    settings = Settings(tmp_path / "settings.json")
    choice = SavedConnection(**{**SERVER_CHOICE.__dict__, "password": KEYRING})
    assert keyring_usable() and store_password(choice, "s3cret-비밀")
    save(settings, choice)
    written = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert "s3cret" not in written and json.loads(written)["connection"]["host"] == "db.example.go.kr"
    assert memory_keyring.kept == {("panelapp", "clerk@db.example.go.kr:5433/panel"): "s3cret-비밀"}
    start = saved_target(Settings(tmp_path / "settings.json"))  # read back as at the next start
    assert start.ask is None
    from sqlalchemy import make_url

    url = make_url(start.target)
    assert (url.host, url.port, url.database, url.username, url.password) == (
        "db.example.go.kr",
        5433,
        "panel",
        "clerk",
        "s3cret-비밀",
    )
    assert url.query["sslmode"] == "require"
    memory_keyring.kept.clear()  # the keyring lost it: asked instead
    assert saved_target(settings).ask == choice


def test_without_a_keyring_the_password_is_asked(tmp_path, no_keyring):
    settings = Settings(tmp_path / "settings.json")
    choice = SavedConnection(**{**SERVER_CHOICE.__dict__, "password": ASK})
    assert not keyring_usable() and not store_password(choice, "x")
    save(settings, choice)
    start = saved_target(settings)
    assert start.target is None and start.ask == choice
    answered = saved_target(settings, "typed")
    assert "typed" in answered.target
    none = SavedConnection(**{**SERVER_CHOICE.__dict__, "password": NONE})
    save(settings, none)
    assert saved_target(settings).target.startswith("postgresql+psycopg://clerk@db.example.go.kr:5433/panel")


def test_a_broken_saved_value_is_the_default(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    for value in ({"kind": "tape"}, {"kind": SERVER, "port": "x"}, {"kind": SQLITE}, "nonsense"):
        settings.set("connection", value)
        assert saved(settings) is None


def test_the_test_of_a_file_says_what_it_found(tmp_path):
    from panelapp.domain.errors import DomainError

    assert "새 데이터베이스 파일로 만듭니다" in probe(str(tmp_path / "new.db"))
    assert not (tmp_path / "new.db").exists()  # nothing written
    (tmp_path / "notes.db").write_text("not a database", encoding="utf-8")
    with pytest.raises(DomainError, match="데이터베이스 파일이 아닙니다"):
        probe(str(tmp_path / "notes.db"))
    (tmp_path / "folder.db").mkdir()
    with pytest.raises(DomainError, match="폴더"):
        probe(str(tmp_path / "folder.db"))


@needs_pg
def test_the_test_of_a_server_says_what_it_found():
    from panelapp.db.engine import open_database
    from panelapp.db.migrate import upgrade_to_head

    with throwaway_server_database() as url:
        assert "빈 데이터베이스" in probe(url)
        db = open_database(url)
        try:
            upgrade_to_head(db)
        finally:
            db.dispose()
        assert "이 프로그램의 자료가 있습니다" in probe(url)


def test_an_unreachable_server_is_a_sentence():
    from panelapp.domain.errors import DomainError

    with pytest.raises(DomainError) as caught:
        probe("postgresql+psycopg://nobody@127.0.0.1:1/panel?connect_timeout=2")
    said = caught.value.message
    assert "연결할 수 없습니다" in said and "127.0.0.1:1" in said  # the server named, no driver text
    assert "refused" not in said and "OperationalError" not in said


def test_the_command_line_opens_the_saved_connection(tmp_path, monkeypatch, capsys):
    from panelapp.cli.main import main
    from panelapp.services.system.bootstrap import open_app
    from tests.conftest import with_admin_account

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PANELAPP_HOME", str(home))
    office, other = tmp_path / "office.db", tmp_path / "other.db"
    for path in (office, other):
        open_app(str(path)).db.dispose()
        with_admin_account(path)
    save(Settings(), SavedConnection(kind=SQLITE, path=str(office)))

    def checked(*args: str) -> str:
        assert main([*args, "check"]) == 0, capsys.readouterr().err
        return capsys.readouterr().out

    assert str(office) in checked()
    assert str(other) in checked("--db", str(other))  # --db wins
    monkeypatch.setenv("PANELAPP_DB", str(other))  # and so does PANELAPP_DB
    assert str(other) in checked()
    assert conn.ENV_DB == "PANELAPP_DB"
