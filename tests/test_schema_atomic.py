"""Schema work is one transaction with its stamp: a failure at any statement leaves the old schema;
half-made databases of older versions are repaired or refused; a newer schema is refused; a
refused start leaves no backup behind."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from sqlalchemy import Engine, event, text

from panelapp.cli.main import main
from panelapp.db import migrate
from panelapp.db.engine import open_database
from panelapp.domain.failures import DatabaseUnusable, Unusable
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings
from tests.storage_conditions import needs_pg, throwaway_server_database


def _tables(path) -> set[str]:
    conn = sqlite3.connect(str(path))
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def _stamp(path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    finally:
        conn.close()


class Fail(Exception):
    pass


def _failing_at(n: int):
    """Fail the n-th SQL statement any engine sends (as a kill at that statement would)."""
    seen = {"count": 0}

    def hook(conn, cursor, statement, params, context, executemany):
        seen["count"] += 1
        if seen["count"] == n:
            raise Fail(statement)

    return hook, seen


def _at(path, revision: str) -> None:
    db = open_database(str(path))
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.execute(
            text(
                "INSERT INTO users (name, role, active, created_at, updated_at, version) "
                "VALUES ('김담당', 'coordinator', 1, '2026-01-01', '2026-01-01', 1)"
            )
        )
    db.dispose()


def _count_statements(make) -> int:
    hook, seen = _failing_at(-1)
    event.listen(Engine, "before_cursor_execute", hook)
    try:
        make()
    finally:
        event.remove(Engine, "before_cursor_execute", hook)
    return seen["count"]


@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.97])
def test_creation_failing_at_any_statement_leaves_no_table(tmp_path, fraction):
    total = _count_statements(lambda: migrate.upgrade_to_head(open_database(str(tmp_path / "count.db"))))
    path = tmp_path / "new.db"
    db = open_database(str(path))
    hook, _seen = _failing_at(max(2, int(total * fraction)))
    event.listen(Engine, "before_cursor_execute", hook)
    try:
        with pytest.raises(Fail):
            migrate.upgrade_to_head(db)
    finally:
        event.remove(Engine, "before_cursor_execute", hook)
    assert _tables(path) == set()  # not one CREATE TABLE survived, no stamp
    assert migrate.upgrade_to_head(db) is None and migrate.is_at_head(db)
    db.dispose()


def test_upgrade_failing_midway_leaves_the_old_schema_and_data(tmp_path):
    path = tmp_path / "old.db"
    _at(path, "0003")
    before = migrate.schema_differences(path, "0003")
    assert before == []
    db = open_database(str(path))

    def hook(conn, cursor, statement, params, context, executemany):
        if "ix_findings_inspection_counts" in statement:  # 0005's last, after 0004's column
            raise Fail(statement)

    event.listen(Engine, "before_cursor_execute", hook)
    try:
        with pytest.raises(Fail):
            migrate.upgrade_to_head(db)
    finally:
        event.remove(Engine, "before_cursor_execute", hook)
    assert _stamp(path) == ["0003"]
    assert migrate.schema_differences(path, "0003") == []  # no column or index of 0004-0006
    migrate.upgrade_to_head(db)
    assert _stamp(path) == [migrate.head_revision()]
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM users")).scalars().all() == ["김담당"]
    db.dispose()


def test_half_created_empty_database_is_rebuilt(tmp_path):
    """What an older version left when killed between CREATE TABLEs and the stamp."""
    path = tmp_path / "half.db"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE attachments (id INTEGER PRIMARY KEY, sha256 VARCHAR(64))")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(tmp_path / "backups"))
    ctx = open_app(str(path), settings)
    ctx.db.dispose()
    assert _stamp(path) == [migrate.head_revision()]
    assert migrate.schema_differences(path, migrate.head_revision()) == []
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_half_created_database_with_data_is_refused_untouched(tmp_path, capsys):
    path = tmp_path / "half.db"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE attachments (id INTEGER PRIMARY KEY, sha256 VARCHAR(64))")
    conn.execute("INSERT INTO attachments (sha256) VALUES ('x')")
    conn.commit()
    conn.close()
    raw = path.read_bytes()
    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(tmp_path / "backups"))
    with pytest.raises(DatabaseUnusable) as caught:
        open_app(str(path), settings)
    assert caught.value.reason is Unusable.HALF_CREATED
    assert "만들다가 중단된" in caught.value.message and "attachments" in caught.value.message
    assert "백업" in caught.value.message
    assert path.read_bytes() == raw
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())
    assert main(["--db", str(path), "org", "show"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("오류: ") and "만들다가 중단된" in err and "Traceback" not in err


def test_half_upgraded_database_is_refused_and_offers_the_copy_made_before(tmp_path):
    """An older version was killed after 0004's column but before its stamp moved on from 0003;
    its first try had copied the file while it was still sound."""
    path = tmp_path / "panel.db"
    _at(path, "0003")
    backups = tmp_path / "backups"
    backups.mkdir()
    good = backups / "panel-20261201-090000-before-0003.db"
    src, dst = sqlite3.connect(str(path)), sqlite3.connect(str(good))
    src.backup(dst)
    dst.close()
    conn = src
    conn.execute("ALTER TABLE organizations ADD COLUMN signoff_titles JSON")  # 0004, unstamped
    conn.commit()
    conn.close()
    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(backups))
    with pytest.raises(DatabaseUnusable) as caught:
        open_app(str(path), settings)
    err = caught.value
    assert err.reason is Unusable.HALF_UPGRADED and err.backup == good
    assert "형식을 올리다가 중단된" in err.message and str(good) in err.message
    assert _stamp(path) == ["0003"]
    assert sorted(p.name for p in backups.iterdir()) == [good.name]  # no copy added by the refusal


def test_newer_schema_is_refused_and_check_promises_no_upgrade(tmp_path, capsys):
    path = tmp_path / "new.db"
    ctx = open_app(str(path), Settings(tmp_path / "s.json"))
    ctx.db.dispose()
    conn = sqlite3.connect(str(path))
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.close()
    raw = path.read_bytes()
    with pytest.raises(DatabaseUnusable) as caught:
        open_app(str(path), Settings(tmp_path / "s.json"))
    assert caught.value.reason is Unusable.NEWER
    assert "더 새로운 버전의 프로그램에서 만들어졌습니다" in caught.value.message
    assert "업데이트하세요" in caught.value.message
    assert path.read_bytes() == raw
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert "더 새로운 버전" in err and "자동으로 올립니다" not in err and "Traceback" not in err
    assert main(["--db", str(path), "org", "show"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("오류: 이 데이터베이스는 더 새로운 버전") and "Traceback" not in err


def test_upgrade_backup_that_cannot_be_written_refuses_without_changing_anything(tmp_path):
    path = tmp_path / "old.db"
    _at(path, "0004")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(blocker))
    with pytest.raises(Exception) as caught:
        open_app(str(path), settings)
    assert "백업" in str(caught.value) and str(blocker) in str(caught.value)
    assert _stamp(path) == ["0004"]
    assert migrate.schema_differences(path, "0004") == []


def test_upgrade_failure_removes_the_backup_it_made(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _at(path, "0004")
    backups = tmp_path / "backups"
    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(backups))
    real = command.upgrade

    def upgrade_then_fail(cfg, revision):
        real(cfg, revision)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(Exception) as caught:
        open_app(str(path), settings)
    assert "디스크 공간이 부족" in str(caught.value)
    assert list(backups.iterdir()) == []  # made before the upgrade, removed when it failed
    assert _stamp(path) == ["0004"]
    monkeypatch.undo()
    ctx = open_app(str(path), settings)
    ctx.db.dispose()
    made = list(backups.iterdir())
    assert len(made) == 1 and made[0].name.endswith("-before-0004.db")
    assert _stamp(made[0]) == ["0004"]


@needs_pg
def test_on_postgresql_a_failed_creation_leaves_nothing_and_a_half_made_one_is_rebuilt():
    with throwaway_server_database() as url:
        db = open_database(url)
        try:
            hook, _seen = _failing_at(40)
            event.listen(Engine, "before_cursor_execute", hook)
            try:
                with pytest.raises(Fail):
                    migrate.upgrade_to_head(db)
            finally:
                event.remove(Engine, "before_cursor_execute", hook)
            with db.engine.connect() as conn:
                assert migrate.user_tables(conn) == []
                conn.exec_driver_sql("CREATE TABLE attachments (id integer primary key)")
                conn.commit()
            ctx = open_app(url)  # empty tables without a stamp: made again
            assert migrate.is_at_head(ctx.db)
            with ctx.db.engine.begin() as conn:
                conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
            with pytest.raises(DatabaseUnusable) as caught:
                open_app(url)
            assert caught.value.reason is Unusable.NEWER and "postgresql" in caught.value.message
        finally:
            db.dispose()
