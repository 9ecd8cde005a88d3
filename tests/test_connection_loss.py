"""Losing the database server while the program runs (issue 13 item 4), on a server of the test's
own (tests/private_pg.py): after a restart the engine replaces its dead pooled connections by
itself (pre-ping), a write cut off by the server stopping is one Korean sentence with no SQL and
leaves nothing of itself behind, and the live feed's connection fails so that it can be opened
again."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from panelapp.db.engine import SERVER_CONNECT_ARGS, open_database, server_connect_args
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.errors import connection_lost, database_error_sentence, lost_connection_sentence
from tests.private_pg import private_cluster


@pytest.fixture(scope="module")
def cluster():
    with private_cluster() as c:
        yield c


def test_the_engine_replaces_its_connections_after_a_restart(cluster):
    db = open_database(cluster.url)
    try:
        with db.engine.connect() as conn:
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
        cluster.restart()
        with db.engine.connect() as conn:  # the pooled one is dead: pre-ping gives a new one
            assert conn.execute(text("SELECT pg_backend_pid()")).scalar() != pid
    finally:
        db.dispose()


def test_a_write_cut_off_is_a_sentence_and_leaves_nothing(cluster):
    db = open_database(cluster.url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE IF NOT EXISTS notes (body text)"))
            conn.execute(text("DELETE FROM notes"))
        ctx = ServiceContext(db=db)
        with pytest.raises(Exception) as caught:
            with transaction(ctx) as s:
                s.execute(text("INSERT INTO notes VALUES ('first half')"))
                cluster.stop()  # the server goes away between the two halves of the work
                s.execute(text("INSERT INTO notes VALUES ('second half')"))
        exc = caught.value
        assert connection_lost(exc)
        sentence = lost_connection_sentence(exc)
        assert sentence is not None and "연결이 끊겨" in sentence and "저장되지 않았" in sentence
        for shown in (sentence, database_error_sentence(exc)):
            assert "INSERT" not in shown and "psycopg" not in shown and "sqlalche" not in shown
        with pytest.raises(Exception) as refused:  # while it is down: refused, and said the same
            with db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        assert connection_lost(refused.value)
        cluster.start()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM notes")).scalar() == 0  # not half-applied
    finally:
        db.dispose()


def test_the_live_feed_fails_with_its_server_and_opens_again(cluster):
    from panelapp.services.live import open_feed

    db = open_database(cluster.url)
    feed = open_feed(db)
    try:
        assert feed.wait(0.1) == []
        cluster.restart()
        with pytest.raises(Exception) as caught:
            for _ in range(20):
                feed.wait(0.2)
                feed.ping()
        assert connection_lost(caught.value)
        feed.close()
        feed = open_feed(db)
        feed.ping()
    finally:
        feed.close()
        db.dispose()


def test_an_address_keeps_its_own_connection_settings():
    from sqlalchemy import make_url

    plain = make_url("postgresql+psycopg://u@h/d")
    assert server_connect_args(plain) == SERVER_CONNECT_ARGS
    own = make_url("postgresql+psycopg://u@h/d?connect_timeout=3")
    assert "connect_timeout" not in server_connect_args(own)


def test_sqlite_failures_are_never_a_lost_server(tmp_path):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    exc = OperationalError("SELECT 1", {}, sqlite3.OperationalError("disk I/O error"))
    assert not connection_lost(exc) and lost_connection_sentence(exc) is None
