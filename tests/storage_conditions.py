"""Real storage conditions for failure tests: a tiny tmpfs (disk full), a read-only mount, and a
child process that obeys file permissions even when the suite runs as root; and a throw-away
PostgreSQL database on the server of PANELAPP_TEST_PG_URL.

Mounting needs root with CAP_SYS_ADMIN (a container run as root usually has it); without it the
tests that need a mount are skipped and say so. `without_permission_override` drops root's
capability to ignore file modes from a child process (setpriv), so chmod means what it says.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


@contextmanager
def tmpfs(path: Path, size_kb: int) -> Iterator[Path]:
    """A filesystem of `size_kb` KiB mounted at `path` (made), unmounted afterwards."""
    if not _can_mount():
        pytest.skip("a real full or read-only disk needs root to mount a tmpfs")
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=1777", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount_read_only(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)


def fill(folder: Path, leave_kb: int) -> Path:
    """Take all but about `leave_kb` KiB of the filesystem of `folder`."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    filler = folder / "filler.bin"
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(0, free - leave_kb * 1024))
    return filler


def panelapp_env(home: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PANELAPP_HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "xdg"),
        "QT_QPA_PLATFORM": "offscreen",
        "PANELAPP_AUTO_BACKUP": "0",
    }
    env.pop("PANELAPP_DB", None)
    return env


def run_panelapp(args: list[str], home: Path, obey_permissions: bool = False, timeout: int = 120):
    """`python -m panelapp ARGS` in a child; with `obey_permissions` root's power to ignore file
    modes is dropped from it (nothing to drop for a normal user)."""
    command = [sys.executable, "-m", "panelapp", *args]
    if obey_permissions and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is needed to drop root's permission override")
        caps = "-dac_override,-dac_read_search,-fowner"
        command = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", "--", *command]
    return subprocess.run(
        command, cwd=ROOT, env=panelapp_env(home), capture_output=True, text=True, timeout=timeout
    )


PG_URL = os.environ.get("PANELAPP_TEST_PG_URL")
needs_pg = pytest.mark.skipif(not PG_URL, reason="PostgreSQL leg: PANELAPP_TEST_PG_URL not set")


@contextmanager
def throwaway_server_database() -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, make_url, text

    url = make_url(PG_URL)
    name = f"panelapp_tmp_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def step_back(db) -> str:
    """Take a migrated database back to the revision before head (the last migration's
    downgrade), as a database the previous version left; returns that revision."""
    from alembic import command

    from panelapp.db.migrate import alembic_config, known_revisions

    previous = known_revisions()[-2]
    with db.engine.begin() as conn:
        cfg = alembic_config(db)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, previous)
    return previous
