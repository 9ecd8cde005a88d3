"""SIGKILL during the first start and during an upgrade: a child `python -m panelapp` is killed at
random moments, and a child running the same command is killed at chosen statements (mid-DDL,
just before COMMIT, after it while seeding). After each kill the file holds the old schema or the
new one, never a third (its tables match its stamp), the next start opens it, and `check`
passes."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command

from panelapp.db import migrate
from panelapp.db.engine import open_database
from panelapp.db.integrity import fingerprint_matches
from panelapp.services.system.bootstrap import open_app
from panelapp.services.system.check import run_checks
from panelapp.settings import Settings
from tests.crash_harness import seed_as_0003
from tests.storage_conditions import ROOT, panelapp_env

KILL_AT = """
import os, signal, sys
from sqlalchemy import Engine, event
marker = sys.argv[2]
def die(*_args):
    os.kill(os.getpid(), signal.SIGKILL)
if marker == "COMMIT":
    event.listen(Engine, "commit", die)
else:
    event.listen(Engine, "before_cursor_execute", lambda c, cur, statement, *a: marker in statement and die())
from panelapp.cli.main import main
sys.exit(main(["--db", sys.argv[1], "org", "show"]))
"""


def _stamp_and_tables(path: Path) -> tuple[str | None, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        stamp = None
        if "alembic_version" in tables:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            stamp = rows[0][0] if rows else None
        return stamp, len([t for t in tables if t != "alembic_version"])
    finally:
        conn.close()


def _old_schema_or_new(path: Path, old: str | None) -> str:
    """After a kill: either nothing of the schema work or all of it."""
    if not path.exists() or path.stat().st_size == 0:
        return "nothing"
    stamp, tables = _stamp_and_tables(path)
    if stamp is None:
        assert old is None and tables == 0, f"half-made: {tables} tables, no stamp"
        return "nothing"
    assert stamp in (old, migrate.head_revision()), stamp
    assert migrate.schema_differences(path, stamp) == [], f"tables do not match stamp {stamp}"
    return "old" if stamp == old else "new"


def _opens_and_checks(path: Path, home: Path) -> None:
    settings = Settings(home / "settings.json")
    ctx = open_app(str(path), settings)
    ctx.db.dispose()
    assert run_checks(open_database(str(path)), settings) == []


def _at_0003(path: Path) -> None:
    db = open_database(str(path))
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    seed_as_0003(db, str(path))  # consent notices and the first user, as 0003 had
    db.dispose()


def _kill_randomly(path: Path, home: Path, window: float, rng: random.Random) -> None:
    """Start the command, wait for the -wal the gate or the migration makes, kill within `window`."""
    child = subprocess.Popen(
        [sys.executable, "-m", "panelapp", "--db", str(path), "org", "show"],
        cwd=ROOT,
        env=panelapp_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wal = Path(f"{path}-wal")
    deadline = time.monotonic() + 60
    while not wal.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(rng.uniform(0, window))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)


@pytest.mark.parametrize("kind", ["first start", "upgrade"])
def test_sigkill_at_random_moments(tmp_path, kind):
    rng = random.Random()
    outcomes = []
    for trial in range(2):
        home = tmp_path / f"home{trial}"
        home.mkdir()
        path = tmp_path / f"t{trial}.db"
        old = None
        if kind == "upgrade":
            _at_0003(path)
            old = "0003"
        _kill_randomly(path, home, 0.35 if kind == "first start" else 0.9, rng)
        outcomes.append(_old_schema_or_new(path, old))
        _opens_and_checks(path, home)
    assert outcomes  # which ones were hit varies; each was one of the two states


@pytest.mark.parametrize(
    "kind, marker",
    [
        ("first start", "CREATE TABLE proposals"),  # in the middle of the tables
        ("first start", "COMMIT"),  # every table made, the stamp written, not committed
        ("first start", "INSERT INTO consent_notices"),  # committed; seeding the reference data
        ("upgrade", "ix_findings_inspection_counts"),  # 0004's column made, 0005 half done
    ],
)
def test_sigkill_at_chosen_statements(tmp_path, kind, marker, monkeypatch):
    path = tmp_path / "panel.db"
    old = None
    if kind == "upgrade":
        _at_0003(path)
        old = "0003"
    done = subprocess.run(
        [sys.executable, "-c", KILL_AT, str(path), marker],
        cwd=ROOT,
        env=panelapp_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    monkeypatch.setenv("PANELAPP_HOME", str(tmp_path))  # where the child keeps verified.json
    if kind == "first start":  # killed before it ended: the next start reads the whole file
        assert not fingerprint_matches(path)
    state = _old_schema_or_new(path, old)
    assert state == ("new" if marker.startswith("INSERT") else ("old" if old else "nothing"))
    _opens_and_checks(path, tmp_path)
    assert not list((tmp_path / "backups").glob("*")) if kind == "first start" else True


def test_a_command_that_ends_normally_leaves_the_file_known(tmp_path, monkeypatch):
    path = tmp_path / "panel.db"
    # the command line's first start: the first 관리자 (any other command needs a login)
    done = subprocess.run(
        [sys.executable, "-m", "panelapp", "--db", str(path), "users", "add", "관리자", "--role", "admin"]
        + ["--password-stdin"],
        input="first-pass-1\n",
        cwd=ROOT,
        env=panelapp_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    monkeypatch.setenv("PANELAPP_HOME", str(tmp_path))
    assert fingerprint_matches(path)  # a big file would not be read whole at the next start
