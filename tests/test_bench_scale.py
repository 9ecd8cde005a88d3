"""The scale benchmark at a tiny size: its generator writes what the app would, its runner reports
every page, survives a task that raises, times out or freezes the UI, and prints its JSON shape."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3

import pytest

from benchmarks import bench_scale
from benchmarks.scale import data
from benchmarks.scale.grams import GramCache
from benchmarks.scale.words import finding_parts
from panelapp.domain.search_text import grams

FAST = {"PANELAPP_SCALE_QUIET": "0.15", "PANELAPP_SCALE_SETTLE": "0.05"}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale-cache")
    return folder, data.ensure(data.Sizes.tiny(), "sqlite", folder=folder, progress=lambda _m: None)


def test_part_grams_equal_the_apps_grams():
    rnd, cache = random.Random(3), GramCache()
    for _ in range(300):
        title, desc, place = finding_parts(rnd)
        assert cache.doc((title, desc, place)) == grams(("".join(title), "".join(desc), place))
    assert cache.doc(("a", None, ("x", " ", "Y"))) == grams(("a", None, "x Y"))


def _acting(db):
    """A context acting as the generated database's first active account (its 관리자): index
    rebuilds are written by an account with the right, as every write now is."""
    from panelapp.services.context import ServiceContext
    from panelapp.services.system.bootstrap import ensure_user

    ctx = ServiceContext(db=db)
    ensure_user(ctx, None)
    return ctx


def test_generator_builds_the_apps_schema_and_index_once(tiny, tmp_path):
    folder, built = tiny
    sizes = data.Sizes.tiny()
    assert built.build_s is not None and built.backend == "sqlite"
    assert built.counts["members"] == sizes.members and built.counts["findings"] == sizes.findings
    assert built.counts["proposals"] == sizes.proposals and built.counts["feedback"] == sizes.feedback
    again = data.ensure(sizes, "sqlite", folder=folder, progress=lambda _m: None)
    assert again.build_s is None and again.target == built.target  # cached
    assert data.head_revision() in built.key

    from panelapp.db.engine import open_database
    from panelapp.services.search.index import rebuild_index
    from panelapp.services.system.check import run_checks

    copy = tmp_path / "copy.db"
    shutil.copy(built.target, copy)
    with sqlite3.connect(copy) as conn:
        generated = set(conn.execute("SELECT gram, doc_kind, doc_id FROM search_grams"))
        events = conn.execute(
            "SELECT count(*) FROM inspections i JOIN activity_events e ON e.inspection_id = i.id"
        ).fetchone()[0]
        later = conn.execute(
            "SELECT count(*), sum(v.outcome = 'insufficient'), sum(p.status = 'in_progress' AND "
            "v.outcome = 'insufficient'), sum(i.status = 'completed' AND p.facility_id = i.facility_id) "
            "FROM proposal_verifications v JOIN proposals p ON p.id = v.proposal_id "
            "JOIN inspections i ON i.id = v.inspection_id"
        ).fetchone()
        templates = conn.execute("SELECT count(DISTINCT department_id) FROM answer_templates").fetchone()[0]
        dups = conn.execute(
            "SELECT count(*), sum(o.facility_id <> d.facility_id) FROM proposals d "
            "JOIN proposals o ON o.id = d.duplicate_of_id WHERE o.duplicate_of_id IS NULL"
        ).fetchone()
        dup_links = conn.execute(
            "SELECT count(*) FROM proposal_findings f JOIN proposals p ON p.id = f.proposal_id "
            "WHERE p.duplicate_of_id IS NOT NULL"
        ).fetchone()[0]
        kinds = dict(conn.execute("SELECT kind, count(*) FROM proposal_events GROUP BY kind").fetchall())
    assert events == sizes.inspections  # every visit owns its activity event, as scheduling makes it
    # the tables of 0018-0020: 현장 확인 at the facility's completed visits (미흡 reopened the
    # proposal), answer templates for several departments, duplicates whose links moved away
    assert later[0] > 0 and later[1] > 0 and later[2] == later[1] and later[3] == later[0]
    assert templates > 1
    assert dups[0] > 0 and dups[1] == 0 and dup_links == 0
    assert kinds["duplicate"] == kinds["duplicate_in"] == dups[0]
    db = open_database(str(copy))
    try:
        assert run_checks(db) == []
        rebuild_index(_acting(db))
    finally:
        db.dispose()
    with sqlite3.connect(copy) as conn:
        assert set(conn.execute("SELECT gram, doc_kind, doc_id FROM search_grams")) == generated


def test_two_runs_at_once_build_once(tiny):
    """A second run waits for the lock the first holds while it builds, then takes its cache."""
    import threading

    folder, built = tiny
    sizes, said, got = data.Sizes.tiny(), [], []
    with data._locked(folder / f"scale-{sizes.label()}.lock", lambda _m: None):
        other = threading.Thread(
            target=lambda: got.append(data.ensure(sizes, "sqlite", folder=folder, progress=said.append))
        )
        other.start()
        other.join(0.5)
        assert other.is_alive() and any("waiting" in m for m in said)
    other.join(30)
    assert got and got[0].build_s is None and got[0].target == built.target


def test_runner_reports_every_page_and_its_json_shape(tiny):
    folder, _built = tiny
    pages = list(bench_scale.page_labels())
    tasks = [f"page:{k}" for k in pages] + [
        "rss:pages",
        "sort:0",
        "scroll:end",
        "search:화장",
        "report:",
        "block:300",
        "work:300",
        "page:없는화면",
    ]
    result = bench_scale.run(
        ["sqlite"],
        runs=1,
        sizes=data.Sizes.tiny(),
        folder=folder,
        demo=False,
        warmup=False,
        probe_env=FAST,
        tasks=tasks,
        verbose=False,
    )
    shaped = json.loads(json.dumps(result, ensure_ascii=False))
    assert {"max_ui_block_ms", "pages", "startup", "peak_rss_mb"} <= set(shaped)
    assert {"bare_ms", "window_ms", "first_data_ms"} <= set(shaped["startup"])
    for key in pages:  # a page broken by work in progress elsewhere still reports its figures
        page = shaped["pages"][key]
        assert page["data_ms"] is not None and page["max_block_ms"] is not None, (key, page)
        assert page["data_ms"] >= 0 and page["max_block_ms"] >= 0, (key, page)
    failed = [k for k in pages if shaped["pages"][k].get("failed")]
    assert len(failed) < len(pages) // 2, failed  # the instrument itself does not fail pages
    assert "KeyError" in shaped["pages"]["없는화면"]["failed"]  # a task that raises: recorded, run goes on
    assert shaped["search"]["화장"]["hits"] > 0 and shaped["report_dialog"]["data_ms"] > 0
    assert shaped["roster"]["sort"] and shaped["roster"]["scroll_end"]["data_ms"] >= 0
    assert shaped["startup"]["first_data_ms"] >= shaped["startup"]["window_ms"] > 0
    assert shaped["peak_rss_mb"] > 50 and shaped["restarts"] == 0
    block, work = shaped["calibration"]["block:300"], shaped["calibration"]["work:300"]
    assert 280 <= block["max_block_ms"] <= 1500  # the heartbeat sees a known 300 ms freeze
    assert block["block_at"]  # ... and the sampler saw where the UI thread was meanwhile
    assert 290 <= work["data_ms"] <= 3000 and work["max_block_ms"] < 250  # work off the UI thread


def test_runner_survives_a_timeout_and_a_frozen_ui(tiny):
    _folder, built = tiny
    measured = bench_scale.measure_tasks(
        built.target,
        ["work:4000", "block:8000"],
        timeout_s=1.5,
        silence_margin_s=1.5,
        progress=lambda _m: None,
        probe_env=FAST,
    )
    res = measured["results"]
    assert "timeout" in res["work:4000"]["failed"]
    assert "응답" in res["block:8000"]["failed"] and "UI thread" in res["block:8000"]["failed"]
    assert res["block:8000"]["data_ms"] >= 3000  # a fresh child went on after the timeout


@pytest.mark.skipif(not os.environ.get(data.PG_ENV), reason="PostgreSQL leg: PANELAPP_TEST_PG_URL not set")
def test_generator_on_postgresql_matches_the_apps_index(tmp_path):
    """On its own database beside the test one (the generator drops and rebuilds every table)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from panelapp.db.engine import open_database
    from panelapp.services.search.index import rebuild_index
    from panelapp.services.system.check import run_checks

    base = make_url(os.environ[data.PG_ENV])
    name = f"{base.database}_scale_{os.getpid()}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
        )
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        built = data.ensure(
            data.Sizes.tiny(), "postgresql", pg_url=url, folder=tmp_path, progress=lambda _m: None
        )
        assert built.counts["findings"] == data.Sizes.tiny().findings and built.build_s is not None
        again = data.ensure(
            data.Sizes.tiny(), "postgresql", pg_url=url, folder=tmp_path, progress=lambda _m: None
        )
        assert again.build_s is None  # the stamp and the row counts agree: cached
        db = open_database(url)
        try:
            with db.engine.connect() as conn:
                generated = set(conn.execute(text("SELECT gram, doc_kind, doc_id FROM search_grams")))
            assert run_checks(db) == []
            rebuild_index(_acting(db))
            with db.engine.connect() as conn:
                assert set(conn.execute(text("SELECT gram, doc_kind, doc_id FROM search_grams"))) == generated
                # sequences were moved past the generated ids, so the app can insert
                assert (
                    conn.execute(text("SELECT nextval(pg_get_serial_sequence('findings', 'id'))")).scalar()
                    > 1000
                )
        finally:
            db.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_single_benchmark_json_is_the_last_line(monkeypatch, capsys):
    from benchmarks import __main__ as bench_main

    fake = {"max_ui_block_ms": 1.0, "pages": {}, "startup": {}, "peak_rss_mb": 1.0, "passed": True}
    monkeypatch.setattr(bench_scale, "run", lambda: fake)
    assert bench_main.main(["scale", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == fake
