"""Portable archives: the demo goes SQLite → zip → PostgreSQL → zip → SQLite with every row as it
was, the restored server database hands out new ids after the loaded ones, `check` passes at each
step, and a database that is not empty is refused."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from panelapp.cli.main import main
from panelapp.db.engine import open_database
from panelapp.domain.errors import DomainError
from panelapp.services.system.archive import read_manifest, write_archive
from panelapp.services.system.backups import list_backups, make_backup
from panelapp.services.system.check import run_checks
from panelapp.services.system.restore import restore
from panelapp.settings import Settings
from tests.storage_conditions import needs_pg, throwaway_server_database


def _table_rows(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(str(path))
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}
    finally:
        conn.close()


def test_sqlite_archive_round_trip_keeps_every_row_and_attachment(demo_db, tmp_path):
    archive = tmp_path / "demo.zip"
    size = write_archive(open_database(str(demo_db)), archive)
    assert size == archive.stat().st_size > 0
    manifest = read_manifest(archive, verify=True)
    assert manifest["source"] == "sqlite" and manifest["tables"]["members"] == 68
    with zipfile.ZipFile(archive) as zf:
        shipped = [n for n in zf.namelist() if n.startswith("attachments/")]
    assert len(shipped) == manifest["attachments"] > 0 and not manifest["attachments_missing"]
    target = tmp_path / "again" / "restored.db"
    target.parent.mkdir()
    result = restore(open_database(str(target)), archive)
    assert result.kept_aside is None  # there was no database to keep
    assert _table_rows(target) == _table_rows(demo_db)
    assert len(list((target.parent / "attachments").rglob("*"))) >= len(shipped)
    assert run_checks(open_database(str(target))) == []


def test_archive_is_refused_by_a_database_with_data(demo_db, tmp_path):
    archive = tmp_path / "demo.zip"
    write_archive(open_database(str(demo_db)), archive)
    db = open_database(str(demo_db))
    from panelapp.services.system.archive import load_archive

    with pytest.raises(DomainError) as caught:
        load_archive(db, archive)
    assert "비어 있지 않아" in caught.value.message and "createdb" in caught.value.message
    db.dispose()


def test_a_damaged_archive_is_refused(demo_db, tmp_path):
    archive = tmp_path / "demo.zip"
    write_archive(open_database(str(demo_db)), archive)
    data = bytearray(archive.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = b"\0" * 64
    archive.write_bytes(bytes(data))
    with pytest.raises(DomainError) as caught:
        restore(open_database(str(tmp_path / "x.db")), archive)
    assert str(archive) in caught.value.message and (
        "손상" in caught.value.message or "온전" in caught.value.message
    )
    assert not (tmp_path / "x.db").exists()


@needs_pg
def test_round_trip_sqlite_to_postgresql_to_sqlite(demo_db, tmp_path, capsys):
    first = tmp_path / "from-sqlite.zip"
    assert main(["--db", str(demo_db), "backup", "-o", str(first)]) == 0
    with throwaway_server_database() as server:
        assert main(["--db", server, "restore", str(first)]) == 0
        assert "복원했습니다" in capsys.readouterr().out
        db = open_database(server)
        try:
            assert run_checks(db) == []
            with db.engine.begin() as conn:  # the next id comes after the loaded ones
                top = conn.execute(text("SELECT max(id) FROM users")).scalar()
                new = conn.execute(
                    text(
                        "INSERT INTO users (name, role, active, created_at, updated_at, version) "
                        "VALUES ('새 사용자', 'coordinator', true, now(), now(), 1) RETURNING id"
                    )
                ).scalar()
                assert new == top + 1
                conn.execute(text("DELETE FROM users WHERE id = :i"), {"i": new})
            assert main(["--db", server, "restore", str(first)]) == 1  # not empty any more
            assert "비어 있지 않아" in capsys.readouterr().err
            settings = Settings(tmp_path / "s.json")
            settings.set("backup_dir", str(tmp_path / "server-backups"))
            second = make_backup(db, settings).path  # a server's backup: the archive, in the folder
            assert second.suffix == ".zip" and second.parent == tmp_path / "server-backups"
            assert [b.path for b in list_backups(db, settings)] == [second]
            assert read_manifest(second)["source"] == "postgresql"
            with pytest.raises(DomainError) as caught:  # a SQLite file cannot go into a server
                restore(db, demo_db)
            assert "zip 백업만" in caught.value.message
        finally:
            db.dispose()
    back = tmp_path / "back" / "panel.db"
    back.parent.mkdir()
    assert main(["--db", str(back), "restore", str(second)]) == 0
    assert _table_rows(back) == _table_rows(demo_db)
    assert main(["--db", str(back), "check"]) == 0
