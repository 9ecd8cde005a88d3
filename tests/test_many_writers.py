"""Two SQLite processes, and four PostgreSQL processes, importing, enrolling and editing one
database at once for SECONDS (issue 11 item 8; the writers: tests/many_writers.py): afterwards
nobody is there twice, no successful save was lost, every refusal was a sentence, nothing else
went wrong. Both groups run at the same time, so the test costs SECONDS once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

TESTS = Path(__file__).resolve().parent
SECONDS = float(os.environ.get("PANELAPP_MANY_WRITERS_S", "60"))


def _pg_server_url() -> str | None:
    url = os.environ.get("PANELAPP_TEST_PG_URL")
    return url.rsplit("/", 1)[0] if url else None


def _start(db: str, folder: Path, count: int, label: str) -> list[tuple[subprocess.Popen, Path]]:
    env = {**os.environ, "PANELAPP_HOME": str(folder / "home")}
    started = []
    for n in range(count):
        out = folder / f"{label}-{n}.json"
        proc = subprocess.Popen(
            [sys.executable, str(TESTS / "many_writers.py"), "work", db, str(out), str(SECONDS), str(1000 + n), str(n)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        started.append((proc, out))
    return started


def _setup(db: str, folder: Path) -> None:
    env = {**os.environ, "PANELAPP_HOME": str(folder / "home")}
    subprocess.run(
        [sys.executable, str(TESTS / "many_writers.py"), "setup", db], env=env, check=True, timeout=120
    )


def _results(started) -> list[dict]:
    results = []
    for proc, out in started:
        output, _ = proc.communicate(timeout=SECONDS + 120)
        assert proc.returncode == 0, output[-3000:]
        assert "Traceback" not in output, output[-3000:]
        results.append(json.loads(out.read_text(encoding="utf-8")))
    return results


def _verify(db_target: str, results: list[dict]) -> dict:
    from panelapp.db.engine import open_database
    from panelapp.db.models import Enrollment, Member
    from panelapp.services.system.check import duplicate_people

    failures = [f for r in results for f in r["failures"]]
    assert failures == [], "\n".join(failures)[:5000]
    db = open_database(db_target)
    try:
        assert duplicate_people(db) == []
        with db.engine.connect() as conn:
            twice = conn.execute(
                select(Enrollment.cohort_id, Enrollment.member_id)
                .where(Enrollment.deleted_at.is_(None))
                .group_by(Enrollment.cohort_id, Enrollment.member_id)
                .having(func.count() > 1)
            ).all()
            phones = conn.execute(
                select(Member.phone)
                .where(Member.deleted_at.is_(None))
                .group_by(Member.phone)
                .having(func.count() > 1)
            ).all()
            notes = dict(conn.execute(select(Member.id, Member.notes)).all())
        assert twice == [] and phones == []
        lost = [
            (member_id, token)
            for r in results
            for member_id, token in r["saved_tokens"]
            if token not in (notes.get(member_id) or "").split()
        ]
        assert lost == [], f"saved but lost: {lost[:20]}"
    finally:
        db.dispose()
    totals = {
        "saved": sum(len(r["saved_tokens"]) for r in results),
        "waits": sum(r["waits"] for r in results),
    }
    for r in results:
        for op, n in r["ops"].items():
            totals[op] = totals.get(op, 0) + n
        for kind, n in r["refused"].items():
            totals[f"refused {kind}"] = totals.get(f"refused {kind}", 0) + n
    return totals


@pytest.mark.timeout(int(SECONDS) + 400)
def test_many_writers_lose_nothing_and_duplicate_nobody(tmp_path):
    sqlite_folder = tmp_path / "sqlite"
    sqlite_folder.mkdir()
    sqlite_db = str(sqlite_folder / "panel.db")
    _setup(sqlite_db, sqlite_folder)
    groups = [("sqlite", sqlite_db, sqlite_folder, 2)]
    server, pg_name, pg_url = _pg_server_url(), None, None
    if server is not None:
        import psycopg

        pg_name = f"many_writers_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(
            server.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True
        ) as c:
            c.execute(f'CREATE DATABASE "{pg_name}"')
        pg_url = f"{server}/{pg_name}"
        pg_folder = tmp_path / "pg"
        pg_folder.mkdir()
        _setup(pg_url, pg_folder)
        groups.append(("postgresql", pg_url, pg_folder, 4))
    try:
        started = {label: _start(db, folder, n, label) for label, db, folder, n in groups}
        for label, db, _folder, _n in groups:
            totals = _verify(db, _results(started[label]))
            print(label, totals)
            # the run really did each thing, and the writers really met
            assert totals["saved"] > 10 and totals.get("import", 0) > 5 and totals.get("enrol", 0) > 2, totals
            assert any(k.startswith("refused") for k in totals), totals
    finally:
        if pg_name is not None:
            import psycopg

            with psycopg.connect(
                server.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True
            ) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
