"""Start a built bundle the way a user would, and fail on anything but a clean run.

    python3 tools/bundle_smoke.py dist/panelapp [--launcher usr/bin/panelapp]

On a temporary PANELAPP_HOME (nothing of the user's is read or written): `panelapp-cli --version`,
`demo`, `check`, `report --cohort 7` (PDF, .xlsx, .hwpx and .docx), then the windowed app
offscreen, once until its window is painted and once for 5 s with the demo database open.
Every step fails on a non-zero
exit, a traceback anywhere, or any line on stderr (Qt warnings included: a missing plugin or
library shows up there first). Needs nothing but the Python standard library, so it runs on a
bare machine beside an extracted package (tools/deb_check.py) as well as after `make bundle`.
"""

from __future__ import annotations

import argparse
import os
import runpy
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = runpy.run_path(str(ROOT / "packaging" / "bundle_layout.py"))
EXE = ".exe" if sys.platform == "win32" else ""
GUI_SECONDS = 5.0
# a loaded 2-core machine: the demo (60 members, photos) and the 40-page report take a while
STEP_TIMEOUT = 600


class SmokeFailure(Exception):
    pass


SMOKE_PASSWORD = "smoke-test-2026"  # the password rule: 8+ characters of two kinds


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PANELAPP_", "QT_", "PYTHON"))}
    env.update(PANELAPP_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    # LD_LIBRARY_PATH from a venv or CI must not mask a library the bundle lacks
    env.pop("LD_LIBRARY_PATH", None)
    return env


def _check_output(name: str, code: int | None, out: str, err: str, expect_code: int | None = 0) -> None:
    problems = []
    if expect_code is not None and code != expect_code:
        problems.append(f"exit code {code}, expected {expect_code}")
    if "Traceback (most recent call last)" in out + err:
        problems.append("a traceback")
    if err.strip():
        problems.append("output on stderr")
    if problems:
        raise SmokeFailure(f"{name}: {', '.join(problems)}\n--- stdout ---\n{out}\n--- stderr ---\n{err}")


def run(name: str, argv: list[str], env: dict[str, str], expect_in_stdout: str = "") -> str:
    started = time.monotonic()
    proc = subprocess.run(
        argv,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=STEP_TIMEOUT,
    )
    _check_output(name, proc.returncode, proc.stdout, proc.stderr)
    if expect_in_stdout not in proc.stdout:
        raise SmokeFailure(f"{name}: stdout lacks {expect_in_stdout!r}\n--- stdout ---\n{proc.stdout}")
    print(f"ok  {name} ({time.monotonic() - started:.1f} s)", flush=True)
    return proc.stdout


def run_window(name: str, argv: list[str], env: dict[str, str], seconds: float) -> None:
    """The window must still be running after `seconds` (no crash at start-up, on opening the
    database or on building the first page) and have said nothing on stderr."""
    with tempfile.TemporaryFile("w+b") as out, tempfile.TemporaryFile("w+b") as err:
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=err)
        try:
            code = proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            code = None
        if code is None:
            if sys.platform == "win32":
                proc.terminate()
            else:
                proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if code is not None:
        raise SmokeFailure(
            f"{name}: the window exited after less than {seconds:.0f} s (code {code})\n"
            f"--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"
        )
    _check_output(name, None, stdout, stderr, expect_code=None)
    print(f"ok  {name} (ran {seconds:.0f} s)", flush=True)


def _zip_has(path: Path, part: str) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return part in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def check_files(bundle: Path) -> None:
    contents = bundle / LAYOUT["CONTENTS"]
    qt = contents / "PySide6" / ("translations" if sys.platform == "win32" else "Qt/translations")
    needed = [
        contents / "resources" / "fonts" / "NanumGothic.ttf",
        contents / "resources" / "icons" / "panelapp.png",
        contents / "panelapp" / "db" / "migrations" / "env.py",
        contents / "holidays" / "locale" / "ko" / "LC_MESSAGES" / "KR.mo",
        qt / "qtbase_ko.qm",
        # the templates the board report's 한글 (HWPX) and Word exports start from
        contents / "hwpx" / "data" / "Skeleton.hwpx",
        contents / "docx" / "templates" / "default.docx",
    ]
    missing = [str(p.relative_to(bundle)) for p in needed if not p.is_file()]
    # ReportLab's C accelerators (imported by name inside exec(), so easily left behind)
    if not any(contents.glob("_rl_accel*")):
        missing.append(f"{LAYOUT['CONTENTS']}/_rl_accel (rl-accel)")
    if missing:
        raise SmokeFailure("missing from the bundle: " + ", ".join(missing))
    print(f"ok  files ({len(needed) + 1} checked)", flush=True)


def smoke(bundle: Path, launcher: Path | None = None) -> None:
    cli = str(bundle / (LAYOUT["CLI"] + EXE))
    gui = str(bundle / (LAYOUT["APP"] + EXE))
    version = LAYOUT["version"]()
    check_files(bundle)
    with tempfile.TemporaryDirectory(prefix="panelapp-smoke-") as tmp:
        home = Path(tmp) / "home"
        env = _env(home)
        run("--version", [cli, "--version"], env, expect_in_stdout=f"panelapp {version}")
        if launcher is not None:
            run(f"{launcher} --version", [str(launcher), "--version"], env, f"panelapp {version}")
        # the demo's accounts (관리자 …) get this password; the later commands log in with it
        run(
            "demo",
            [cli, "demo", "--password", SMOKE_PASSWORD],
            env,
            expect_in_stdout="데모 데이터를 불러왔습니다",
        )
        env = dict(env, PANELAPP_USER="관리자", PANELAPP_PASSWORD=SMOKE_PASSWORD)
        run("check", [cli, "check"], env, expect_in_stdout="이상 없음")
        pdf = Path(tmp) / "개선보고서.pdf"
        office = {  # the other outputs, each a zip package with the part that makes it one
            Path(tmp) / "개선보고서.xlsx": "xl/workbook.xml",
            Path(tmp) / "보고.hwpx": "Contents/section0.xml",
            Path(tmp) / "보고.docx": "word/document.xml",
        }
        xlsx, hwpx, docx = office
        argv = [cli, "report", "--cohort", "7", "-o", str(pdf), "--xlsx", str(xlsx)]
        run("report", argv + ["--hwpx", str(hwpx), "--docx", str(docx)], env)
        data = pdf.read_bytes() if pdf.is_file() else b""
        if not data.startswith(b"%PDF-") or b"NanumGothic" not in data:
            raise SmokeFailure(f"report: {pdf} is not a PDF with NanumGothic embedded ({len(data)} bytes)")
        for path, part in office.items():
            if not _zip_has(path, part):
                raise SmokeFailure(f"report: {path.name} is not a document with {part}")
        # the window shown and painted (app.py's start-up probe: prints the time, then exits).
        # Through the console executable, which opens the same window without a command: on
        # Windows the windowed one has no standard output to print the probe's line to.
        shown_env = dict(env, PANELAPP_BENCH_T0=str(time.time()))
        run("window shown", [cli], shown_env, expect_in_stdout="PANELAPP_SHOWN")
        run_window("window with the demo database", [gui], env, GUI_SECONDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder (dist/panelapp)")
    parser.add_argument(
        "--launcher", type=Path, help="also run `LAUNCHER --version` (the PATH entry of a package)"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        smoke(args.bundle.resolve(), args.launcher)
    except SmokeFailure as exc:
        print(f"bundle smoke test FAILED: {exc}", file=sys.stderr)
        return 1
    except (subprocess.TimeoutExpired, OSError) as exc:
        print(f"bundle smoke test FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"bundle smoke test passed in {time.monotonic() - started:.0f} s: {args.bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
