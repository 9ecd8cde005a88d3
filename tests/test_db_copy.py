"""`panelapp db copy`: the demo goes SQLite → PostgreSQL → SQLite with every row and attachment as
it was; a target with data, a server that does not answer, a missing source and a copy whose
check fails are refused with a sentence, exit code 1 and nothing written."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import text

from panelapp.cli.main import main
from panelapp.db.engine import open_database
from panelapp.services.attachments.store import FOLDER
from panelapp.services.system import db_copy
from panelapp.services.system.check import run_checks
from tests.storage_conditions import needs_pg, throwaway_server_database

NO_SERVER = "postgresql+psycopg://postgres@127.0.0.1:1/panel"  # nothing listens on port 1


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


def _files(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file() and "thumbs" not in p.parts
    }


def _server_rows(url: str) -> dict[str, int]:
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            names = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            ).scalars()
            return {n: conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar() for n in list(names)}
    finally:
        db.dispose()


def test_sqlite_to_a_new_sqlite_file_keeps_every_row_and_attachment(demo_db, tmp_path, capsys):
    target = tmp_path / "office" / "panel.db"
    target.parent.mkdir()
    assert main(["db", "copy", "--from", str(demo_db), "--to", str(target)]) == 0
    out, err = capsys.readouterr()
    assert "옮겼습니다" in out and "행 수·검사값 일치" in out
    assert "[ 1/" in err and "search_grams" in err and "검사: 표" in err  # progress, table by table
    assert _table_rows(target) == _table_rows(demo_db)
    assert _files(target.parent / FOLDER) == _files(demo_db.parent / FOLDER) != {}
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]  # no temporary left
    assert run_checks(open_database(str(target))) == []


@needs_pg
def test_round_trip_sqlite_to_postgresql_to_sqlite(demo_db, tmp_path, capsys, monkeypatch):
    from panelapp.paths import data_dir

    # this desktop's own data folder: the suite's shared one holds other tests' server photos
    monkeypatch.setenv("PANELAPP_HOME", str(tmp_path / "desktop"))
    back = tmp_path / "back" / "panel.db"
    back.parent.mkdir()
    with throwaway_server_database() as server:
        assert main(["db", "copy", "--from", str(demo_db), "--to", server]) == 0
        assert "행 수·검사값 일치" in capsys.readouterr().out
        db = open_database(server)
        try:
            assert run_checks(db) == []  # every attachment file where the server's desktop keeps it
            with db.engine.begin() as conn:  # the next id comes after the loaded ones
                top = conn.execute(text("SELECT max(id) FROM members")).scalar()
                assert (
                    conn.execute(text("SELECT nextval(pg_get_serial_sequence('members', 'id'))")).scalar()
                    == top + 1
                )
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        finally:
            db.dispose()
        assert _files(data_dir() / FOLDER).items() >= _files(demo_db.parent / FOLDER).items()
        assert _server_rows(server)["attachment_blobs"] == len(_files(demo_db.parent / FOLDER))
        shutil.rmtree(data_dir() / FOLDER)  # the way back takes the photos from the database
        assert main(["db", "copy", "--from", server, "--to", str(back)]) == 0
        capsys.readouterr()
    assert _table_rows(back) == _table_rows(demo_db)
    assert _table_rows(back)["alembic_version"] == [repr((revision,))]
    assert _files(back.parent / FOLDER) == _files(demo_db.parent / FOLDER)
    assert run_checks(open_database(str(back))) == []


def test_a_sqlite_target_with_data_is_refused_and_left_as_it_was(demo_db, tmp_path, capsys):
    other = tmp_path / "other" / "demo.db"
    other.parent.mkdir()
    other.write_bytes(demo_db.read_bytes())
    before = other.read_bytes()
    assert main(["db", "copy", "--from", str(demo_db), "--to", str(other)]) == 1
    err = capsys.readouterr().err
    assert f"'{other}'" in err and "비어 있지 않아 아무것도 옮기지 않았습니다" in err and "createdb" in err
    assert other.read_bytes() == before
    assert not (other.parent / FOLDER).exists()


@needs_pg
def test_a_server_database_with_data_is_refused_and_left_as_it_was(demo_db, tmp_path, capsys):
    with throwaway_server_database() as server:
        assert main(["db", "copy", "--from", str(demo_db), "--to", server]) == 0
        capsys.readouterr()
        before = _server_rows(server)
        assert main(["db", "copy", "--from", str(demo_db), "--to", server]) == 1
        err = capsys.readouterr().err
        assert "비어 있지 않아 아무것도 옮기지 않았습니다" in err and "Traceback" not in err
        assert _server_rows(server) == before


def test_a_server_that_does_not_answer_is_a_sentence_and_nothing_is_written(demo_db, tmp_path, capsys):
    assert main(["db", "copy", "--from", str(demo_db), "--to", NO_SERVER]) == 1
    err = capsys.readouterr().err
    assert "오류: 대상 데이터베이스에 문제가 있어 아무것도 옮기지 않았습니다" in err
    assert "연결할 수 없습니다" in err and "Traceback" not in err
    target = tmp_path / "new" / "panel.db"
    target.parent.mkdir()
    assert main(["db", "copy", "--from", NO_SERVER, "--to", str(target)]) == 1
    assert "원본 데이터베이스에 문제가 있어" in capsys.readouterr().err
    assert list(target.parent.iterdir()) == []  # not even an empty file


def test_a_missing_source_file_is_refused(tmp_path, capsys):
    (tmp_path / "new").mkdir()
    assert (
        main(["db", "copy", "--from", str(tmp_path / "none.db"), "--to", str(tmp_path / "new" / "x.db")]) == 1
    )
    assert f"'{tmp_path / 'none.db'}'" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists() and list((tmp_path / "new").iterdir()) == []


def test_the_same_database_at_both_ends_is_refused(demo_db, capsys):
    assert main(["db", "copy", "--from", str(demo_db), "--to", str(demo_db)]) == 1
    assert "같은 데이터베이스" in capsys.readouterr().err


def test_a_copy_whose_check_differs_is_rolled_back(demo_db, tmp_path, monkeypatch, capsys):
    real = db_copy.table_tallies

    def off_by_one(conn, tables):
        tallies = real(conn, tables)
        tallies["proposals"].total += 1  # as if one proposal had arrived changed
        return tallies

    monkeypatch.setattr(db_copy, "table_tallies", off_by_one)
    target = tmp_path / "office" / "panel.db"
    target.parent.mkdir()
    assert main(["db", "copy", "--from", str(demo_db), "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert "'proposals' 표의 내용이 원본과 다릅니다" in err and "아무것도 저장하지 않았습니다" in err
    assert list(target.parent.iterdir()) == []  # neither the file nor its temporary nor attachments


def test_tally_does_not_depend_on_row_order():
    a, b = db_copy.Tally(), db_copy.Tally()
    rows = [{"id": 1, "name": "가"}, {"id": 2, "name": "나"}, {"id": 3, "name": None}]
    for r in rows:
        a.add(r)
    for r in reversed(rows):
        b.add(r)
    assert (a.rows, a.checksum) == (b.rows, b.checksum)
    b.add({"id": 4, "name": "다"})
    assert a.checksum != b.checksum
