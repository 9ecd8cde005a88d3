"""The office benchmark (benchmarks/bench_office.py, issue 13 item 8) in the suite: five desktop
processes on one PostgreSQL database for 40 s each (the benchmark's own run is ten minutes).
Fails on a lost update, a duplicate, a photo some desktop cannot read back, a failure that is
not a sentence, a desktop that did not hear all the others, or a p95 notice delay over 2 s."""

import os

import pytest

from tests.storage_conditions import needs_pg

SECONDS = float(os.environ.get("PANELAPP_OFFICE_TEST_S", "40"))


@needs_pg
@pytest.mark.timeout(int(SECONDS) + 400)
def test_five_desktops_lose_nothing_duplicate_nobody_and_hear_each_other(monkeypatch):
    import benchmarks.bench_office as bench

    monkeypatch.setattr(bench, "SERVER", os.environ["PANELAPP_TEST_PG_URL"].rsplit("/", 1)[0])
    result = bench.run(seconds=SECONDS, verbose=False)
    assert result["problems"] == []
    # the desktops really did each thing, met each other, and heard each other
    assert result["saved_notes"] > 20 and result["photos"] > 5 and result["ops"]["import"] > 5, result
    assert result["ops"]["read"] > 5 and result["refused"], result
    assert result["notices_heard"] > 100, result
    assert result["delay_p95_s"] <= bench.TARGET_P95_S, result
    assert result["passed"], result
