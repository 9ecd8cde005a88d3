"""SIGKILL at random moments of first start, demo, upgrade, import, export, backup and report
(tests/crash_harness.py): after each kill the database opens, passes `check`, and holds the old
state or the new one; an output file is absent or complete under its final name.

10 trials per command here (PANELAPP_CRASH_TRIALS to change it), 100 in `make bench ARGS=crash`.
The seed is printed and named in every failure; PANELAPP_CRASH_SEED=<seed> replays it.
"""

from __future__ import annotations

import os
import signal

import pytest

from tests.crash_harness import SCENARIOS, CrashRun, call, copy_database, orphan_attachments, run_cli

TRIALS = int(os.environ.get("PANELAPP_CRASH_TRIALS", "10"))
# Known and tested on its own below (test_a_demo_killed_after_its_photos_leaves_no_photo_files):
# the demo stores its photos before its transaction commits, so a kill in between leaves files
# no row names (and `check` reports them). Tolerated here only so that the random trials say
# everything else.
KNOWN = {"demo": ("attachment file ", "check: 첨부파일 폴더의", "check: 기록이 없는 첨부파일")}

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"), reason="POSIX")


@pytest.fixture(scope="module")
def crash(tmp_path_factory, demo_db_file):
    workers = min(2, os.cpu_count() or 1)
    with CrashRun(tmp_path_factory.mktemp("crash"), workers=workers, templates={"demo": demo_db_file}) as run:
        yield run


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_sigkill_at_random_points(crash, name):
    report = crash.scenario(name, TRIALS)
    print(report.text())
    known = KNOWN.get(name, ())
    for trial in report.trials:
        trial.problems = [p for p in trial.problems if not p.startswith(known)] if known else trial.problems
    assert not report.failures, report.text()
    full = [t for t in report.trials if t.delay is None]
    assert full and all(t.state == "new" and t.returncode == 0 for t in full)
    assert len(report.trials) == len(full) + TRIALS


@pytest.mark.xfail(
    strict=True,
    reason="issue 11 item 3: the demo's photos are written into attachments/ inside its transaction; "
    "a kill before the commit leaves them, named by no row",
)
def test_a_demo_killed_after_its_photos_leaves_no_photo_files(crash, tmp_path):
    folder = tmp_path / "demo"
    copy_database(crash.template("created"), folder)
    with crash.zygote() as z:
        ran = run_cli(
            z, folder, ["--db", str(folder / "panel.db"), "demo"], kill_at="INSERT INTO attachments"
        )
    assert ran.returncode == -signal.SIGKILL, ran.stderr
    assert orphan_attachments(folder / "panel.db") == []


def test_the_harness_sees_a_half_written_output(crash, tmp_path):
    """The checks are not blind: a truncated export under its final name is found."""
    folder = tmp_path / "export"
    copy_database(crash.template("roster"), folder)
    (folder / "out").mkdir()
    with crash.zygote() as z:
        ran = run_cli(z, folder, SCENARIOS["export"].args(folder, 0))
        assert ran.returncode == 0, ran.stderr
        target = folder / "out" / "명단.xlsx"
        full = call(z, folder, "tests.crash_harness:check_export", folder, "export", 0, None)
        data = target.read_bytes()
        target.write_bytes(data[: len(data) // 2])
        state, problems = call(z, folder, "tests.crash_harness:check_export", folder, "export", 0, [full[0]])
    assert state["state"] == "third" and any("unreadable" in p for p in problems), problems
