"""A PostgreSQL server of a test's own, to restart or stop while the program works on it.

The machine's server (port 5432) serves other sessions and CI and is never restarted: a test
that needs a server going away makes a throwaway cluster with Debian's tools (`pg_createcluster`
on a free port, trust authentication, one database `panel`), stops and starts it with
`pg_ctlcluster`, and drops it at the end. Without the tools (or without root, which they need)
the test is skipped with the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _version() -> str | None:
    """The PostgreSQL major version the machine has (the newest installed)."""
    versions = sorted(
        (p.name for p in Path("/usr/lib/postgresql").glob("*") if re.fullmatch(r"\d+", p.name)), key=int
    )
    return versions[-1] if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateCluster:
    def __init__(self, version: str, name: str, port: int) -> None:
        self.version, self.name, self.port = version, name, port
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/panel"

    def _ctl(self, action: str, *extra: str) -> None:
        subprocess.run(
            ["pg_ctlcluster", *extra, self.version, self.name, action],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def stop(self) -> None:
        self._ctl("stop", "--mode", "fast")  # closes every connection, as a restart does

    def start(self) -> None:
        self._ctl("start")

    def restart(self) -> None:
        self._ctl("restart", "--mode", "fast")

    def drop(self) -> None:
        subprocess.run(
            ["pg_dropcluster", "--stop", self.version, self.name], capture_output=True, text=True, timeout=60
        )


@contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    version = _version()
    if shutil.which("pg_createcluster") is None or version is None:
        pytest.skip("pg_createcluster (Debian's postgresql-common) is needed for a server to restart")
    if os.geteuid() != 0:
        pytest.skip("pg_createcluster needs root to make a throwaway PostgreSQL cluster")
    cluster = PrivateCluster(version, f"paneltest_{uuid.uuid4().hex[:8]}", _free_port())
    made = subprocess.run(
        [
            "pg_createcluster",
            version,
            cluster.name,
            "--port",
            str(cluster.port),
            "--start",
            "--",
            "--auth=trust",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if made.returncode != 0:
        cluster.drop()
        pytest.skip(f"pg_createcluster failed: {made.stderr.strip()[-300:]}")
    try:
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={cluster.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE panel")
        yield cluster
    finally:
        cluster.drop()
