"""Live refresh, service half (services/live.py): a write committed by another process on the
same SQLite file or PostgreSQL database is heard by this process's feed within 2 s with its
kinds and ids; this process's own writes and rolled-back ones are never heard; a SQLite commit
by a writer that keeps no change log is heard as "everything may have changed"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from panelapp.db.engine import open_database
from panelapp.db.migrate import upgrade_to_head
from panelapp.services import live
from panelapp.services.changes import Changes, Kind
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.registers.departments import DepartmentInput, create_department
from panelapp.services.system.bootstrap import ensure_user
from tests.storage_conditions import PG_URL, throwaway_server_database

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=BACKENDS)
def shared(request, tmp_path):
    """(target, ctx): a migrated database that other processes can open too."""
    if request.param == "sqlite":
        target = str(tmp_path / "office.db")
        yield from _prepared(target)
        return
    with throwaway_server_database() as url:
        yield from _prepared(url)


def _prepared(target: str):
    db = open_database(target)
    upgrade_to_head(db)
    ctx = ServiceContext(db=db)
    ensure_user(ctx, "첫번째 책상")
    try:
        yield target, ctx
    finally:
        db.dispose()


def write_elsewhere(target: str, name: str) -> tuple[int, float]:
    """Another process adds a department; (its id, the moment after its commit)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "live_writer.py"), target, name],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    dept_id, committed, _ready = done.stdout.split()
    return int(dept_id), float(committed)


def heard_within(feed: live.ChangeFeed, seconds: float) -> list[tuple[float, Changes]]:
    out: list[tuple[float, Changes]] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for changes in feed.wait(min(0.5, deadline - time.monotonic())):
            out.append((time.time(), changes))
    return out


def test_another_process_s_write_is_heard_within_two_seconds(shared):
    target, ctx = shared
    feed = live.open_feed(ctx.db)
    try:
        dept_id, committed = write_elsewhere(target, "다른책상과")
        heard: list[tuple[float, Changes]] = []
        deadline = time.monotonic() + 5
        while not heard and time.monotonic() < deadline:
            heard = [(time.time(), c) for c in feed.wait(0.5)]
        assert heard, "nothing heard"
        at, changes = heard[0]
        assert Kind.DEPARTMENT in changes.kinds and changes.ids_of(Kind.DEPARTMENT) == {dept_id}
        assert at - committed < 2.0
        assert heard_within(feed, 1.0) == []  # told once
    finally:
        feed.close()


def test_this_process_s_own_and_rolled_back_writes_are_not_heard(shared):
    _target, ctx = shared
    feed = live.open_feed(ctx.db)
    try:
        dept = create_department(ctx, DepartmentInput(name="우리책상과"))  # announced by its own op
        with pytest.raises(RuntimeError), transaction(ctx) as s:
            from panelapp.db.models import Department

            s.get(Department, dept.id).phone = "02-123-4567"
            s.flush()
            raise RuntimeError("the user pressed 취소")
        assert heard_within(feed, live.GRACE_SECONDS + 1.0) == []
    finally:
        feed.close()


def test_a_sqlite_commit_without_a_log_line_is_heard_as_everything(tmp_path):
    target = str(tmp_path / "office.db")
    for _target, ctx in _prepared(target):
        create_department(ctx, DepartmentInput(name="손으로고칠과"))
        feed = live.open_feed(ctx.db)
        try:
            raw = sqlite3.connect(target)  # the sqlite3 shell, say: no hook, no log line
            with raw:
                raw.execute("UPDATE departments SET phone = '02-000-0000'")
            raw.close()
            heard = heard_within(feed, 2.0)
            assert [c for _at, c in heard] == [live.EVERYTHING]
        finally:
            feed.close()


def test_payload_keeps_ids_while_they_fit_and_the_kinds_when_they_do_not():
    small = Changes(frozenset({Kind.PROPOSAL, Kind.TRASH}), {Kind.PROPOSAL: frozenset({3, 4})})
    origin, _at, back = live.decode(live.encode(small, origin="x"))
    assert origin == "x" and back == small
    big = Changes(frozenset({Kind.MEMBER}), {Kind.MEMBER: frozenset(range(5000))})
    payload = live.encode(big)
    assert len(payload.encode()) <= live.MAX_PAYLOAD
    assert live.decode(payload)[2] == Changes(frozenset({Kind.MEMBER}))  # reload all members
    assert live.decode("not json") is None
    assert live.decode('{"o": "y", "k": {"a_kind_of_a_newer_version": [1]}}')[2] == Changes()


def test_the_change_log_is_emptied_past_its_limit_and_read_on(tmp_path, monkeypatch):
    path = tmp_path / "office.db"
    sqlite3.connect(str(path)).close()
    feed = live.SqliteFeed(path)
    log = live.change_log_path(path)
    try:
        other = Changes(frozenset({Kind.FACILITY}), {Kind.FACILITY: frozenset({1})})
        line = len(live.encode(other, origin="someone")) + 1
        monkeypatch.setattr(live, "LOG_LIMIT", int(2.5 * line))
        for _ in range(3):
            live.append_to_log(log, live.encode(other, origin="someone"))
        assert feed.poll() == [other, other, other]
        live.append_to_log(log, live.encode(other, origin="someone"))  # emptied first
        assert log.read_bytes().count(b"\n") == 1  # (a time stamp can be a digit shorter)
        # lines written between two polls may have gone with the emptied log: everything is told
        assert feed.poll() == [live.EVERYTHING, other]
        live.append_to_log(log, live.encode(other, origin="someone"))
        assert feed.poll() == [other]
    finally:
        feed.close()
