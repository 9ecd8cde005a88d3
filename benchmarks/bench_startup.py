"""Cold start: process start → main window shown and painted, against a bare PySide6 window.

Both run in a fresh interpreter (same Python, QT_QPA_PLATFORM=offscreen, throw-away user
folders); the parent passes its time.time() in PANELAPP_BENCH_T0 and the child prints the
elapsed seconds once its window has been shown and the first paint processed. Median of 7
runs each, interleaved so that machine noise hits both alike. Target: app ≤ 1.5 × bare Qt.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
TARGET_RATIO = 1.5
ENV = "PANELAPP_BENCH_T0"

BARE = f"""
import os, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["bare"])
w = QMainWindow()
w.resize(1280, 800)
w.show()
app.processEvents()
print(f"PANELAPP_SHOWN {{time.time() - float(os.environ['{ENV}']):.4f}}", flush=True)
"""


def _env(home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PANELAPP_DB"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PANELAPP_HOME=home,
        XDG_CONFIG_HOME=f"{home}/config",
        XDG_DATA_HOME=f"{home}/data",
        PYTHONDONTWRITEBYTECODE="",
    )
    return env


def _once(cmd: list[str], env: dict[str, str]) -> float:
    env = {**env, ENV: repr(time.time())}
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("PANELAPP_SHOWN "):
            return float(line.split()[1])
    raise RuntimeError(
        f"{cmd[-1]!r} did not report its window (exit {done.returncode}):\n{done.stderr[-2000:]}"
    )


def run(runs: int = RUNS, verbose: bool = True) -> dict:
    with tempfile.TemporaryDirectory(prefix="panelapp-bench-startup-") as home:
        env = _env(home)
        app_cmd = [sys.executable, "-m", "panelapp", "--db", str(Path(home) / "bench.db")]
        bare_cmd = [sys.executable, "-c", BARE]
        _once(app_cmd, env), _once(bare_cmd, env)  # warm the disk cache and .pyc files
        app_times, bare_times = [], []
        for _ in range(runs):
            app_times.append(_once(app_cmd, env))
            bare_times.append(_once(bare_cmd, env))
    app_s, bare_s = statistics.median(app_times), statistics.median(bare_times)
    ratio = app_s / bare_s
    result = {
        "runs": runs,
        "app_ms": round(app_s * 1000),
        "bare_qt_ms": round(bare_s * 1000),
        "ratio": round(ratio, 2),
        "target_ratio": TARGET_RATIO,
        "passed": ratio <= TARGET_RATIO,
    }
    if verbose:
        print(f"start-up to the shown main window, median of {runs} runs")
        print(
            f"  bare PySide6 QMainWindow {result['bare_qt_ms']:>6} ms   (runs: "
            + ", ".join(f"{t * 1000:.0f}" for t in bare_times)
            + ")"
        )
        print(
            f"  panelapp                 {result['app_ms']:>6} ms   (runs: "
            + ", ".join(f"{t * 1000:.0f}" for t in app_times)
            + ")"
        )
        print(
            f"  ratio {result['ratio']:.2f} (target ≤ {TARGET_RATIO})  {'PASS' if result['passed'] else 'FAIL'}"
        )
    return result


if __name__ == "__main__":
    sys.exit(0 if run()["passed"] else 1)
