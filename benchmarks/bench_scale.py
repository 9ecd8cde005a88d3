"""Every page at scale: 100,000 members, 50,000 inspections, 1,000,000 findings, 200,000 proposals.

    make bench ARGS=scale                       (SQLite; PostgreSQL too when PANELAPP_TEST_PG_URL is set)
    make bench ARGS="scale --json"              last line: one JSON object (shape below)
    python -m benchmarks.bench_scale [--backend sqlite|postgresql|both] [--runs 5] [--tiny] [--no-startup]

The database comes from benchmarks/scale/data.py (generated once, cached). The real main window
runs offscreen in a child process (benchmarks/scale/probe.py) with a 10 ms heartbeat; for each
navigation page, the roster sorted by every column and scrolled to the end and back, three
two-syllable global searches and the report dialog it records the time until the data is shown
and the longest UI-thread block meanwhile. A task that fails, raises or times out (60 s) is
recorded with its error and the run goes on; a child that stops answering or passes the memory
limit is killed and a new one continues with the remaining tasks. Start-up (process start →
first page painted with data) is measured on the demo and on the large database, interleaved
with a bare QMainWindow (benchmarks/scale/startup.py).

JSON: {"max_ui_block_ms", "pages": {key: {"data_ms", "max_block_ms", ...}}, "startup": {"bare_ms",
"window_ms", "first_data_ms", ...}, "peak_rss_mb", ...}; the top level is the first backend run
(SQLite), a PostgreSQL run sits under "postgresql" with the same shape.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

from benchmarks.scale import data as scale_data
from benchmarks.scale import startup as scale_startup
from benchmarks.scale.child import child_env, run_child, why_ended

SEARCHES = ["화장", "계단", "조명"]
TASK_TIMEOUT_S = 60.0
MAX_RESTARTS = 8
TARGETS = {
    "max_ui_block_ms": 100.0,
    "page_data_ms": 500.0,
    "window_ratio": 1.5,
    "demo_first_data_ms": 600.0,
    "large_first_data_ms": 1500.0,
    "peak_rss_mb": 600.0,
    "search_ms": 150.0,
}


def page_labels() -> dict[str, str]:
    from panelapp.gui.mainwindow import PAGES

    return {key: label for key, label, _target in PAGES}


def default_tasks() -> list[str]:
    pages = [f"page:{key}" for key in page_labels()]
    searches = [f"search:{q}" for q in SEARCHES]
    return [*pages, "rss:pages", "sort:*", "scroll:end", "scroll:top", *searches, "report:"]


# ----- the page run --------------------------------------------------------------------------------
def measure_tasks(
    target: str,
    tasks: list[str] | None = None,
    rss_limit_mb: float = 6000.0,
    timeout_s: float = TASK_TIMEOUT_S,
    progress=print,
    probe_env: dict[str, str] | None = None,
    budget_s: float = 3600.0,
    silence_margin_s: float = 30.0,
) -> dict:
    """Run the tasks in as few child processes as possible; {task: result} plus the start-ups seen.
    After `budget_s` no new child is started: the tasks left are recorded as not run."""
    remaining = list(tasks or default_tasks())
    results: dict[str, dict] = {}
    startups: list[dict] = []
    peak, restarts, began = 0.0, 0, time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="panelapp-bench-scale-") as home:
        env = {
            **child_env(home),
            "PANELAPP_SCALE_TIMEOUT": str(timeout_s),
            "PANELAPP_SCALE_STARTUP_TIMEOUT": str(scale_startup.STARTUP_TIMEOUT_S),
            **(probe_env or {}),
        }
        current: dict = {}  # what the child in flight is doing
        while remaining and restarts <= MAX_RESTARTS and time.perf_counter() - began < budget_s:
            current.update(task=None, at=None, started=False)

            def silence() -> float:  # nothing is printed until the start-up is done
                return (
                    timeout_s + silence_margin_s
                    if current["started"]
                    else scale_startup.STARTUP_TIMEOUT_S + 60
                )

            def on_line(item: dict) -> None:
                kind = item["kind"]
                if kind == "startup":
                    current["started"] = True
                    startups.append(item)
                    progress(f"  (start-up: first data {item['first_data_ms']} ms on {item.get('page')})")
                elif kind == "begin":
                    current.update(task=item["task"], at=time.perf_counter())
                elif kind == "expand" and item["task"] in remaining:
                    at = remaining.index(item["task"])
                    remaining[at : at + 1] = item["tasks"]
                elif kind == "result":
                    task = item.pop("task")
                    results[task] = _shape(item)
                    if task in remaining:
                        remaining.remove(task)
                    current["task"] = None
                    progress("  " + _line(task, results[task]))

            cmd = [*scale_startup.PROBE, "app", "--db", target, "--tasks", ",".join(remaining)]
            run = run_child(cmd, env, silence_s=silence, rss_limit_mb=rss_limit_mb, on_line=on_line)
            peak = max(peak, run.peak_rss_mb, *(line.get("peak_rss_mb", 0) for line in run.lines))
            if not remaining:
                break
            why = why_ended(run)
            task = current["task"]
            if task is None and not any(line["kind"] == "begin" for line in run.lines):
                # It never got past start-up: nothing else can be measured this way.
                for t in remaining:
                    results[t] = {"data_ms": None, "max_block_ms": None, "failed": f"시작하지 못함: {why}"}
                break
            if task is not None and task not in results:
                elapsed = round((time.perf_counter() - current["at"]) * 1000, 1)
                blocked = run.killed is not None and "응답" in run.killed
                results[task] = {
                    "data_ms": elapsed,
                    "max_block_ms": elapsed if blocked else None,
                    "failed": why,
                }
                progress("  " + _line(task, results[task]))
                if task in remaining:
                    remaining.remove(task)
            restarts += 1
    for t in remaining:
        results.setdefault(
            t,
            {
                "data_ms": None,
                "max_block_ms": None,
                "failed": "측정하지 못함 (restarts or time budget used up)",
            },
        )
    return {"results": results, "startups": startups, "peak_rss_mb": round(peak, 1), "restarts": restarts}


def _shape(item: dict) -> dict:
    """A task's result with `failed` set when it timed out, raised or showed an error."""
    out = {k: v for k, v in item.items() if k not in ("kind",)}
    if item.get("timeout"):
        out["failed"] = f"{TASK_TIMEOUT_S:.0f}초 안에 데이터가 나오지 않음 (timeout)" + (
            f" — {item['stuck_at']}" if item.get("stuck_at") else ""
        )
    elif item.get("error"):
        out["failed"] = item["error"]
    elif item.get("errors"):
        out["failed"] = item["errors"][0][-600:]
    out.pop("timeout", None)
    return out


def _line(task: str, r: dict) -> str:
    text = f"{task:<22} {_ms(r.get('data_ms')):>10}  block {_ms(r.get('max_block_ms')):>10}"
    for extra in ("via", "work_ms", "column", "hits", "at", "current_mb"):
        if extra in r:
            text += f"  {extra}={r[extra]}"
    return text + _failed(r)


def _ms(value) -> str:
    return "–" if value is None else f"{value:,.0f} ms"


# ----- one backend -----------------------------------------------------------------------------------
def run_backend(
    backend: str,
    sizes: scale_data.Sizes,
    folder=None,
    runs: int = 5,
    demo_db: str | None = None,
    startup: bool = True,
    warmup: bool = True,
    rss_limit_mb: float = 6000.0,
    probe_env: dict[str, str] | None = None,
    tasks: list[str] | None = None,
    progress=print,
) -> dict:
    progress(f"-- {backend}: database ({sizes.label()})")
    built = scale_data.ensure(sizes, backend, folder=folder, progress=progress)
    progress(
        f"  {'generated in ' + format(built.build_s, '.1f') + ' s' if built.build_s is not None else 'cached'}: "
        + ", ".join(
            f"{k} {v:,}"
            for k, v in built.counts.items()
            if k in ("members", "findings", "proposals", "search_grams")
        )
    )
    out: dict = {
        "backend": backend,
        "data": {"key": built.key, "build_s": built.build_s, "counts": built.counts},
    }
    if startup:
        progress(f"-- {backend}: start-up")
        databases = {**({"demo": demo_db} if demo_db else {}), "large": built.target}
        st = scale_startup.measure(
            databases, runs=runs, progress=progress, warmup=warmup, rss_limit_mb=rss_limit_mb
        )
        large = st["large"]
        out["startup"] = {
            "bare_ms": st["bare_ms"],
            "window_ms": large["window_ms"],
            "first_data_ms": large["first_data_ms"],
            "max_block_ms": large["max_block_ms"],
            "window_ratio": large["window_ratio"],
            "first_data_ratio": large["first_data_ratio"],
            "page": large["page"],
            "failed": large["failed"],
            "runs": runs,
            **({"demo": st["demo"]} if "demo" in st else {}),
            "large": large,
        }
        out["startup_samples"] = st["samples"]
    progress(f"-- {backend}: pages")
    measured = measure_tasks(
        built.target, tasks, rss_limit_mb=rss_limit_mb, progress=progress, probe_env=probe_env
    )
    res = measured["results"]
    labels = page_labels()
    out["pages"] = {
        key[5:]: {"label": labels.get(key[5:], key[5:]), **r}
        for key, r in res.items()
        if key.startswith("page:")
    }
    out["roster"] = {
        "sort": {r.get("column", key): r for key, r in res.items() if key.startswith("sort:")},
        "scroll_end": res.get("scroll:end"),
        "scroll_top": res.get("scroll:top"),
    }
    out["search"] = {key[7:]: r for key, r in res.items() if key.startswith("search:")}
    out["report_dialog"] = res.get("report:")
    out["calibration"] = {key: r for key, r in res.items() if key.startswith(("block:", "work:"))}
    out["rss_after_pages_mb"] = (res.get("rss:pages") or {}).get("current_mb")
    out["peak_rss_mb"] = measured["peak_rss_mb"]
    out["restarts"] = measured["restarts"]
    real = {key: r for key, r in res.items() if not key.startswith(("block:", "work:"))}
    blocks = [r.get("max_block_ms") for r in real.values()]
    if startup:
        blocks += [out["startup"]["max_block_ms"], (out["startup"].get("demo") or {}).get("max_block_ms")]
    known = [b for b in blocks if b is not None]
    out["max_ui_block_ms"] = max(known) if known else None
    out["failed"] = {key: r["failed"] for key, r in real.items() if r.get("failed")}
    out["targets"] = _targets(out)
    return out


def _targets(out: dict) -> dict:
    st = out.get("startup") or {}
    pages = [r.get("data_ms") for r in out["pages"].values()]
    # The search itself, from its Op starting to the hits shown (the dialog's debounce comes first).
    searches = [
        r.get("work_ms") if r.get("work_ms") is not None else r.get("data_ms") for r in out["search"].values()
    ]
    checks = {
        "max_ui_block_ms": out["max_ui_block_ms"] is not None
        and out["max_ui_block_ms"] <= TARGETS["max_ui_block_ms"],
        "page_data_ms": all(p is not None and p <= TARGETS["page_data_ms"] for p in pages)
        and not out["failed"],
        "peak_rss_mb": out["peak_rss_mb"] <= TARGETS["peak_rss_mb"],
        "search_ms": all(s is not None and s <= TARGETS["search_ms"] for s in searches),
    }
    if st:
        checks["window_ratio"] = (st.get("window_ratio") or 99) <= TARGETS["window_ratio"]
        checks["large_first_data_ms"] = (st.get("first_data_ms") or 1e9) <= TARGETS["large_first_data_ms"]
        if st.get("demo"):
            checks["demo_first_data_ms"] = (st["demo"].get("first_data_ms") or 1e9) <= TARGETS[
                "demo_first_data_ms"
            ]
    return checks


# ----- the report --------------------------------------------------------------------------------------
def table(out: dict) -> list[str]:
    lines = [f"== {out['backend']}: {out['data']['key']}"]
    if out.get("startup"):
        st = out["startup"]
        lines.append(f"시작 시간 start-up (median of {st['runs']}; bare QMainWindow {st['bare_ms']} ms)")
        for name in ("demo", "large"):
            r = st.get(name)
            if r:
                lines.append(
                    f"  {name:<6} 창 window {_ms(r['window_ms'])} (×{r['window_ratio']})   "
                    f"첫 데이터 first data {_ms(r['first_data_ms'])} (×{r['first_data_ratio']})   "
                    f"최대 멈춤 max block {_ms(r['max_block_ms'])}   {r['page']}"
                    + (
                        f"\n         실패 FAILED: {' '.join(str(r['failed']).split())[:200]}"
                        if r.get("failed")
                        else ""
                    )
                )
    lines.append(f"{'화면 page':<26}{'데이터 data':>12}{'최대 멈춤 block':>17}")
    for key, r in out["pages"].items():
        lines.append(
            f"  {r['label'] + ' (' + key + ')':<24}{_ms(r.get('data_ms')):>12}{_ms(r.get('max_block_ms')):>17}"
            + (
                f"   첫 화면 first rows {_ms(r['first_rows_ms'])}"
                if r.get("first_rows_ms") is not None
                else ""
            )
            + _failed(r)
        )
    lines.append("참여단원 정렬·스크롤 roster sort / scroll")
    for column, r in out["roster"]["sort"].items():
        lines.append(
            f"  정렬 sort {column:<14}{_ms(r.get('data_ms')):>12}{_ms(r.get('max_block_ms')):>17}"
            + _failed(r)
        )
    for name in ("scroll_end", "scroll_top"):
        r = out["roster"].get(name) or {}
        lines.append(f"  {name:<24}{_ms(r.get('data_ms')):>12}{_ms(r.get('max_block_ms')):>17}" + _failed(r))
    lines.append("통합 검색 global search (typed → shown, incl. the dialog's debounce; search → shown)")
    for q, r in out["search"].items():
        lines.append(
            f"  '{q}' ({r.get('hits', '?')}건){'':<14}{_ms(r.get('data_ms')):>12}{_ms(r.get('max_block_ms')):>17}"
            f"   search→shown {_ms(r.get('work_ms'))}" + _failed(r)
        )
    r = out.get("report_dialog") or {}
    lines.append(
        f"보고서 창 report dialog{'':<6}{_ms(r.get('data_ms')):>12}{_ms(r.get('max_block_ms')):>17}"
        + _failed(r)
    )
    lines.append(
        f"최대 UI 멈춤 max UI block {_ms(out['max_ui_block_ms'])}; 최대 메모리 peak RSS {out['peak_rss_mb']} MB "
        f"(after every page {out['rss_after_pages_mb']} MB); child restarts {out['restarts']}"
    )
    missed = [k for k, ok in out["targets"].items() if not ok]
    lines.append("목표 targets: " + ("all met" if not missed else "missed " + ", ".join(missed)))
    return lines


def _failed(r: dict) -> str:
    """The failure, else where the UI thread was during the longest block (when it was long)."""
    if r.get("failed"):
        return "  FAILED: " + " ".join(str(r["failed"]).split())[:160]
    if r.get("block_at") and (r.get("max_block_ms") or 0) > TARGETS["max_ui_block_ms"]:
        return f"  (block at {r['block_at'][:120]})"
    return ""


def run(
    backends: list[str] | None = None,
    runs: int = 5,
    sizes: scale_data.Sizes | None = None,
    folder=None,
    startup: bool = True,
    demo: bool = True,
    warmup: bool = True,
    rss_limit_mb: float = 6000.0,
    probe_env: dict[str, str] | None = None,
    tasks: list[str] | None = None,
    verbose: bool = True,
) -> dict:
    progress = print if verbose else (lambda _m: None)
    backends = backends or (["sqlite"] + (["postgresql"] if os.environ.get(scale_data.PG_ENV) else []))
    sizes = sizes or scale_data.Sizes()
    outs = []
    with tempfile.TemporaryDirectory(prefix="panelapp-bench-demo-") as demo_home:
        demo_db = scale_startup.make_demo(demo_home) if startup and demo else None
        for backend in backends:
            out = run_backend(
                backend,
                sizes,
                folder,
                runs,
                demo_db,
                startup,
                warmup,
                rss_limit_mb,
                probe_env,
                tasks,
                progress,
            )
            for line in table(out):
                progress(line)
            outs.append(out)
    result = dict(outs[0])
    for other in outs[1:]:
        result[other["backend"]] = other
    result["passed"] = all(all(o["targets"].values()) for o in outs)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_scale", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tiny", action="store_true")
    parser.add_argument("--no-startup", action="store_true")
    parser.add_argument("--rss-limit-mb", type=float, default=6000.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    backends = None if args.backend in (None, "both") else [args.backend]
    if args.backend == "both":
        backends = ["sqlite", "postgresql"]
    result = run(
        backends,
        args.runs,
        scale_data.Sizes.tiny() if args.tiny else None,
        startup=not args.no_startup,
        rss_limit_mb=args.rss_limit_mb,
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
