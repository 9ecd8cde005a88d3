"""A writer that finds another's write lock taken waits (up to locks.WAIT_S) and says so: the
`on_lock_wait` listeners hear "waiting" after locks.QUICK_S and "done" when the lock is taken or
given up; a lock free at once is taken without a word."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import text

from panelapp.domain.errors import DomainError
from panelapp.services import locks
from panelapp.services.context import transaction


@pytest.fixture
def heard():
    events: list[bool] = []
    remove = locks.on_lock_wait(events.append)
    yield events
    remove()


def _hold(ctx, seconds: float) -> threading.Event:
    """Another writer: holds the database's (SQLite) or the cohort's (PostgreSQL) write lock for
    `seconds` on its own connection; the returned event is set once it holds it."""
    held = threading.Event()

    def run() -> None:
        if ctx.db.is_sqlite:
            conn = sqlite3.connect(ctx.db.engine.url.database, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            held.set()
            time.sleep(seconds)
            conn.execute("COMMIT")
            conn.close()
        else:
            with ctx.db.engine.connect() as conn:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k, :c)"), {"k": locks.COHORT_KEY, "c": 7})
                held.set()
                time.sleep(seconds)
                conn.rollback()

    threading.Thread(target=run, daemon=True).start()
    assert held.wait(10)
    return held


def test_a_free_lock_is_taken_without_a_word(ctx, heard):
    with transaction(ctx) as s:
        locks.write_lock(s, 7)
    assert heard == []


def test_a_taken_lock_is_waited_for_and_the_wait_announced(ctx, heard):
    times: list[float] = []
    remove = locks.on_lock_wait(lambda _waiting: times.append(time.monotonic()))
    _hold(ctx, locks.QUICK_S + 1.5)
    started = time.monotonic()
    try:
        with transaction(ctx) as s:
            locks.write_lock(s, 7)
            taken = time.monotonic()
    finally:
        remove()
    assert heard == [True, False]
    said, over = times
    assert locks.QUICK_S - 0.2 <= said - started < taken - started  # said while it waited
    assert taken - started >= locks.QUICK_S + 1  # it did wait for the other writer
    assert over >= taken - 0.01


def test_a_lock_not_freed_in_time_is_a_sentence_and_the_wait_ends(ctx, heard, monkeypatch):
    monkeypatch.setattr(locks, "WAIT_S", locks.QUICK_S + 1)
    _hold(ctx, locks.QUICK_S + 4)
    with pytest.raises(DomainError) as caught:
        with transaction(ctx) as s:
            locks.write_lock(s, 7)
    assert "기다렸지만 끝나지 않았습니다" in caught.value.message
    assert "아무것도 저장하지 않았습니다" in caught.value.message
    assert heard == [True, False]


def test_a_listener_that_fails_never_breaks_the_write(ctx, heard):
    def broken(_waiting: bool) -> None:
        raise RuntimeError("a closed window")

    remove = locks.on_lock_wait(broken)
    try:
        _hold(ctx, locks.QUICK_S + 0.8)
        with transaction(ctx) as s:
            locks.write_lock(s, 7)
    finally:
        remove()
    assert heard == [True, False]


def test_the_command_line_says_it_waits(demo_db, tmp_path, capsys):
    """`panelapp members import` prints locks.WAITING on standard error while its write waits
    for another writer, then imports."""
    from types import SimpleNamespace

    from panelapp.cli.main import main

    roster = tmp_path / "명단.csv"
    roster.write_text(
        "이름,휴대전화,소속,역할,개인정보동의일\n한새봄,010-7777-1234,,,2026-03-02\n", encoding="utf-8"
    )
    other = SimpleNamespace(
        db=SimpleNamespace(is_sqlite=True, engine=SimpleNamespace(url=SimpleNamespace(database=str(demo_db))))
    )
    _hold(other, locks.QUICK_S + 1.5)
    code = main(["--db", str(demo_db), "members", "import", str(roster), "--cohort", "7"])
    captured = capsys.readouterr()
    assert locks.WAITING in captured.err, captured.err
    assert code == 0, captured.err
