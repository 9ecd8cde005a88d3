"""Start a measured process and watch it: its PROBE lines as they come, its memory, its silence.

A child that prints nothing for `silence_s` (its UI thread is stuck, or it hangs; a callable
gives the limit as it changes, e.g. longer until the start-up is reported) or whose
resident memory passes `rss_limit_mb` is killed — by its own pid, nothing else — and the
reason is returned with what it had reported so far and the tail of its stderr.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE = str(ROOT / "panelapp") + "/"  # frames of the app's own code in a stack dump


@dataclass
class ChildRun:
    lines: list[dict] = field(default_factory=list)
    returncode: int | None = None
    killed: str | None = None  # why we killed it
    stderr: str = ""
    peak_rss_mb: float = 0.0
    seconds: float = 0.0


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_child(
    cmd: list[str],
    env: dict[str, str],
    silence_s: float | Callable[[], float] = 90.0,
    total_s: float = 3600.0,
    rss_limit_mb: float = 6000.0,
    on_line=None,
) -> ChildRun:
    out = ChildRun()
    with tempfile.TemporaryFile(mode="w+b") as err:
        env = {**env, "PANELAPP_SCALE_T0": repr(time.time())}
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=err)
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        buf, last, eof = b"", time.perf_counter(), False
        while True:
            for _key, _ev in sel.select(timeout=0.25):
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    eof = True
                    sel.unregister(proc.stdout)
                    break
                buf += chunk
                *done, buf = buf.split(b"\n")
                for raw in done:
                    text = raw.decode("utf-8", "replace")
                    if text.startswith("PROBE "):
                        item = json.loads(text[6:])
                        out.lines.append(item)
                        last = time.perf_counter()
                        if on_line is not None:
                            on_line(item)
            now = time.perf_counter()
            if eof:
                proc.wait()
                break
            out.peak_rss_mb = max(out.peak_rss_mb, _rss_mb(proc.pid))
            if out.peak_rss_mb > rss_limit_mb:
                out.killed = f"메모리 한도 초과로 중단 (RSS {out.peak_rss_mb:.0f} MB > {rss_limit_mb:.0f} MB)"
            elif now - last > (limit := silence_s() if callable(silence_s) else silence_s):
                out.killed = f"{limit:.0f}초 동안 응답이 없어 중단 (UI thread blocked or hung)"
            elif now - started > total_s:
                out.killed = f"전체 시간 {total_s:.0f}초 초과로 중단"
            if out.killed:
                try:
                    os.kill(proc.pid, signal.SIGUSR1)  # the probe dumps its threads' stacks
                    time.sleep(1.0)
                except OSError:
                    pass
                proc.kill()
                proc.wait()
                break
        sel.close()
        proc.stdout.close()
        out.returncode = proc.returncode
        out.seconds = time.perf_counter() - started
        err.seek(0)
        out.stderr = err.read().decode("utf-8", "replace")[-12000:]
    return out


def stacks(stderr: str, frames: int = 4) -> str:
    """The app's own frames of each thread in a faulthandler dump (the UI thread first)."""
    blocks, current = [], None
    for line in stderr.splitlines():
        if line.startswith(("Thread 0x", "Current thread 0x")):
            current = ["UI thread" if line.startswith("Current") else "worker", []]
            blocks.append(current)
        elif current is not None and line.strip().startswith("File ") and PACKAGE in line:
            path, _sep, rest = line.strip()[5:].partition(", line ")
            where = path.strip('"').split(PACKAGE, 1)[-1]
            current[1].append(f"{where}:{rest.split()[0]} {rest.split(' in ')[-1]}")
    blocks.sort(key=lambda b: b[0] != "UI thread")
    return "; ".join(f"{name} at " + " < ".join(f[:frames]) for name, f in blocks if f)


def why_ended(run: ChildRun) -> str:
    """One sentence for a child that did not finish its tasks: killed or exited, and where it was."""
    text = run.killed or f"프로세스가 끝남 (exit {run.returncode}): {run.stderr[-800:]}"
    where = stacks(run.stderr)
    return f"{text} — {where}" if where else text


BENCH_USER, BENCH_PASSWORD = "관리자", "bench-scale-2026"


def child_env(home: str) -> dict[str, str]:
    """Offscreen Qt and throw-away user folders; no benchmark variable of the old start-up probe."""
    env = {k: v for k, v in os.environ.items() if k not in ("PANELAPP_DB", "PANELAPP_BENCH_T0")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PANELAPP_HOME=home,
        XDG_CONFIG_HOME=f"{home}/config",
        XDG_DATA_HOME=f"{home}/data",
        PYTHONDONTWRITEBYTECODE="",
        # no automatic backup of a 2.4 GB file in the middle of a measurement
        PANELAPP_AUTO_BACKUP="0",
        # The window logs in before it shows anything (issue 12 item 3): as the 관리자, the
        # first start of a generated database making that account, `panelapp demo` giving it
        # to the demo's accounts. Without them the probe waited at the login dialog until the
        # silence limit (only the test suite, which sets both, measured anything).
        PANELAPP_USER=BENCH_USER,
        PANELAPP_PASSWORD=BENCH_PASSWORD,
    )
    return env
