"""`make bench ARGS=crash`: 100 SIGKILLs at random points of each of first start, demo, upgrade,
import, export, backup and report (tests/crash_harness.py; the suite runs 10 of each).

Passes when no trial leaves a third state, an unreadable or incomplete file under a final name,
a database that does not open or fails `check`, or a traceback. The seed is printed;
PANELAPP_CRASH_SEED=<seed> replays a run, PANELAPP_CRASH_TRIALS changes the count.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

TRIALS = int(os.environ.get("PANELAPP_CRASH_TRIALS", "100"))
ROSTER_ROWS = 2000


def run(trials: int = TRIALS, verbose: bool = True) -> dict:
    root = Path(__file__).resolve().parent.parent
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from tests.crash_harness import SCENARIOS, CrashRun

    log = print if verbose else (lambda _m: None)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="panelapp-bench-crash-") as work:
        with CrashRun(Path(work), workers=os.cpu_count() or 1, roster_rows=ROSTER_ROWS, log=log) as crash:
            for name in SCENARIOS:
                report = crash.scenario(name, trials)
                results[name] = {
                    "typical_s": round(report.typical_s, 3),
                    "states": report.states(),
                    "failures": [
                        {"trial": t.trial, "delay_s": t.delay, "state": t.state, "problems": t.problems}
                        for t in report.failures
                    ],
                }
            seed = crash.seed
    failed = [n for n, r in results.items() if r["failures"]]
    return {"seed": seed, "trials": trials, "scenarios": results, "failed": failed, "passed": not failed}


if __name__ == "__main__":
    print(run())
