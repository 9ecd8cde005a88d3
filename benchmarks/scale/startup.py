"""Start-up as the user waits for it: process start → window painted → first page painted with data.

Each sample is a fresh interpreter (same Python, offscreen Qt, throw-away user folders). The bare
sample is a PySide6 QMainWindow of the same size, timed to its first paint; an app sample is the
real `panelapp --db ...` start-up (benchmarks/scale/probe.py). Runs are interleaved — bare, then
each database in turn, `runs` times — after one unmeasured warm-up round, so that machine noise
hits all alike; figures are medians.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.scale.child import ROOT, child_env, run_child, why_ended

PROBE = [sys.executable, "-m", "benchmarks.scale.probe"]


def make_demo(home: str) -> str:
    """`panelapp demo` into a temp PANELAPP_HOME, as a user would try the program."""
    env = child_env(home)
    done = subprocess.run(
        [sys.executable, "-m", "panelapp", "demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"panelapp demo failed:\n{done.stderr[-2000:]}")
    return str(Path(home) / "panelapp.db")


def sample_bare(home: str) -> dict:
    run = run_child([*PROBE, "bare"], child_env(home), silence_s=60)
    for line in run.lines:
        if line["kind"] == "bare":
            return {"window_ms": line["window_ms"]}
    return {"failed": why_ended(run)}


STARTUP_TIMEOUT_S = 300.0  # how long a start-up may take before it counts as failed
GIVE_UP_AFTER = 2  # failed start-ups in a row after which a database is not sampled again


def sample_app(
    home: str, db: str, rss_limit_mb: float = 6000.0, timeout_s: float = STARTUP_TIMEOUT_S
) -> dict:
    env = {**child_env(home), "PANELAPP_SCALE_STARTUP_TIMEOUT": str(timeout_s)}
    run = run_child([*PROBE, "startup", "--db", db], env, silence_s=timeout_s + 60, rss_limit_mb=rss_limit_mb)
    for line in run.lines:
        if line["kind"] == "startup":
            out = {
                k: line.get(k)
                for k in ("window_ms", "opened_ms", "first_data_ms", "max_block_ms", "page", "via")
            }
            out["peak_rss_mb"] = round(run.peak_rss_mb, 1)
            if line.get("timeout"):
                out["failed"] = "첫 화면 데이터가 제한 시간 안에 나오지 않음 (timeout)" + (
                    f" — {line['stuck_at']}" if line.get("stuck_at") else ""
                )
            elif line.get("errors"):
                out["failed"] = line["errors"][0][-600:]
                out["errors"] = line["errors"]
            return out
    return {"failed": why_ended(run), "peak_rss_mb": round(run.peak_rss_mb, 1)}


def _median(samples: list[dict], key: str) -> float | None:
    values = [s[key] for s in samples if s.get(key) is not None]
    return round(statistics.median(values), 1) if values else None


def measure(
    databases: dict[str, str], runs: int = 5, progress=print, warmup: bool = True, **app_options
) -> dict:
    """{name: db target}; returns medians per database and for the bare window, with all samples."""
    with tempfile.TemporaryDirectory(prefix="panelapp-bench-startup-") as home:
        samples: dict[str, list[dict]] = {"bare": [], **{name: [] for name in databases}}
        failing: dict[str, int] = dict.fromkeys(databases, 0)  # failed samples in a row
        for n in range(0 if warmup else 1, runs + 1):
            bare = sample_bare(home)
            # A database whose start-up failed twice in a row (a 5-minute timeout each) is not
            # tried again: the runs left would only repeat the failure.
            live = {name: db for name, db in databases.items() if failing[name] < GIVE_UP_AFTER}
            apps = {name: sample_app(home, db, **app_options) for name, db in live.items()}
            for name, s in apps.items():
                no_data = s.get("first_data_ms") is None or "timeout" in (s.get("failed") or "")
                failing[name] = failing[name] + 1 if no_data else 0
            if n == 0:
                continue  # warm-up: disk cache, .pyc files
            samples["bare"].append(bare)
            for name, s in apps.items():
                samples[name].append(s)
            progress(
                f"  run {n}/{runs}: bare {bare.get('window_ms')} ms; "
                + "; ".join(
                    f"{name} window {s.get('window_ms')} / data {s.get('first_data_ms')} ms"
                    + (" (failed)" if s.get("failed") else "")
                    for name, s in apps.items()
                )
            )
    result: dict = {"runs": runs, "bare_ms": _median(samples["bare"], "window_ms"), "samples": samples}
    for name in databases:
        got = samples[name]
        result[name] = {
            "window_ms": _median(got, "window_ms"),
            "first_data_ms": _median(got, "first_data_ms"),
            "max_block_ms": max(
                (s["max_block_ms"] for s in got if s.get("max_block_ms") is not None), default=None
            ),
            "peak_rss_mb": max((s.get("peak_rss_mb") or 0 for s in got), default=None),
            "page": next((s.get("page") for s in got if s.get("page")), None),
            "block_at": max(got, key=lambda s: s.get("max_block_ms") or 0, default={}).get("block_at"),
            "samples": len(got),
            "failed_samples": sum(1 for s in got if s.get("failed")),
            "failed": next((s["failed"] for s in got if s.get("failed")), None),
        }
        bare = result["bare_ms"]
        for key in ("window_ms", "first_data_ms"):
            value = result[name][key]
            result[name][key.replace("_ms", "_ratio")] = round(value / bare, 2) if value and bare else None
    return result


def table(result: dict) -> list[str]:
    lines = [
        f"시작 시간 start-up (median of {result['runs']} runs, interleaved)",
        f"  빈 창 bare QMainWindow {result['bare_ms']:>8} ms",
    ]
    for name, r in result.items():
        if not isinstance(r, dict) or "window_ms" not in r:
            continue
        lines.append(
            f"  {name:<10} 창 window {r['window_ms']} ms (×{r['window_ratio']}), "
            f"첫 데이터 first data {r['first_data_ms']} ms (×{r['first_data_ratio']}), "
            f"최대 멈춤 max block {r['max_block_ms']} ms, 화면 page {r['page']}"
            + (f"\n    실패 FAILED: {r['failed'][:300]}" if r.get("failed") else "")
        )
    return lines
