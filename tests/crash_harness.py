"""Kill a panelapp command with SIGKILL at a random moment, then check what it left behind.

    with CrashRun(workdir, seed=None, workers=2) as run:   # seed printed; PANELAPP_CRASH_SEED
        report = run.scenario("import", trials=10)          # one full run, then 10 killed ones
        assert report.failures == [], report.text()

A *zygote* (`python -m tests.crash_harness`) imports panelapp once and forks one child per run,
so a trial costs the command's own work, not the 1-5 s of imports a fresh interpreter pays on a
loaded machine, and every kill lands in the work. The child is a real separate process running
`panelapp.cli.main.main(args)` with its own PANELAPP_HOME, killed with SIGKILL by the zygote
after the trial's delay. Each scenario first runs its command once to the end: that run's
duration is the *typical duration* D (measured on this machine, now) and its result is what
"all" means. Each trial then kills a fresh copy after a delay drawn uniformly from [0, D] by
`random.Random(f"{seed}/{scenario}/{trial}")`, so `PANELAPP_CRASH_SEED=<seed>` replays a failure.

After every run the scenario's check (also run in a forked child, with the trial's home) says
whether what is on disk is the old state or the new one, never a third: the schema matches its
stamp; an import is all its rows or none; an export, backup or report is absent or a complete
readable file under its final name (hidden temporaries are allowed); no attachment file outside
the database's rows. Then the database opens as the program opens it, and `check` passes.

The scenarios: first start, demo, upgrade, import, export, backup, report (SCENARIOS below).
"""

from __future__ import annotations

import atexit
import csv
import dataclasses
import importlib
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COHORT = 7
ANCHOR = "2026-11-20"  # the demo's day (tests/conftest.DEMO_ANCHOR)
USER = "충돌시험"


# ----- the zygote ----------------------------------------------------------------------------
PRELOAD = (
    "panelapp.cli.main",
    "panelapp.cli.members",
    "panelapp.cli.report",
    "panelapp.cli.backup",
    "panelapp.cli.org",
    "panelapp.services.system.bootstrap",
    "panelapp.services.system.check",
    "panelapp.services.system.backups",
    "panelapp.services.demo.build",
    "panelapp.services.roster_io.importing",
    "panelapp.services.roster_io.export",
    "panelapp.services.cohorts.manage",
    "panelapp.db.migrate",
    "alembic.command",
    "openpyxl",
    "pypdf",
    "PIL.Image",
    "reportlab.platypus",
)


def _child(job: dict) -> None:
    """In the forked child: become the job's process, run it, never return."""
    code = 70
    try:
        os.setpgid(0, 0)
        os.environ.update(job.get("env", {}))
        for name in job.get("unset", ()):
            os.environ.pop(name, None)
        os.chdir(job.get("cwd", ROOT))
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for fd, name in ((1, job["stdout"]), (2, job["stderr"])):
            out = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, fd)
            os.close(out)
        random.seed()  # not the zygote's sequence
        if job.get("kill_at"):
            _die_at(job["kill_at"])
        if job["kind"] == "cli":
            from panelapp.cli.main import main

            code = main(job["args"])
        else:
            module, name = job["func"].split(":")
            result = getattr(importlib.import_module(module), name)(*job["args"])
            tmp = job["result"] + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(result, f, ensure_ascii=False)
            os.replace(tmp, job["result"])
            code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - the parent reads it from stderr
        traceback.print_exc()
        code = 70
    finally:
        try:
            atexit._run_exitfuncs()  # what a normal end of the interpreter would do
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code if isinstance(code, int) else 1)


def _die_at(marker: str) -> None:
    """SIGKILL this process just before the first SQL statement containing `marker` runs
    ("COMMIT": at the first commit)."""
    from sqlalchemy import Engine, event

    def die(*_args) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    if marker == "COMMIT":
        event.listen(Engine, "commit", die)
    else:
        event.listen(
            Engine, "before_cursor_execute", lambda c, cur, statement, *a: marker in statement and die()
        )


def _wait(pid: int, kill_after: float | None, timeout: float) -> tuple[int, bool, float]:
    """(wait status, killed by us, seconds from fork to exit)."""
    started = time.monotonic()
    fd = os.pidfd_open(pid)
    try:
        limit = timeout if kill_after is None else min(kill_after, timeout)
        ready, _, _ = select.select([fd], [], [], limit)
        killed = False
        if not ready:
            killed = True
            os.killpg(pid, signal.SIGKILL)  # its own group: nothing it started survives it
        _, status = os.waitpid(pid, 0)
        return status, killed and os.WIFSIGNALED(status), time.monotonic() - started
    finally:
        os.close(fd)


def serve() -> None:
    for name in PRELOAD:
        importlib.import_module(name)
    from panelapp.db import migrate

    for revision in (migrate.head_revision(), "0003"):  # cached for every check's children
        migrate.expected_schema(revision)
    print(json.dumps({"ready": os.getpid()}), flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(job)
        try:
            os.setpgid(pid, pid)  # as the child does: whichever runs first, killpg finds the group
        except OSError:
            pass  # it has already done so, or already ended
        status, killed, elapsed = _wait(pid, job.get("kill_after"), job.get("timeout", 300))
        reply = {
            "pid": pid,
            "killed": killed,
            "elapsed": elapsed,
            "returncode": -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status),
        }
        print(json.dumps(reply), flush=True)


class ZygoteError(RuntimeError):
    pass


class Zygote:
    """One `python -m tests.crash_harness` process; one job at a time."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_harness"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        ready = self.proc.stdout.readline()
        if not ready.startswith('{"ready"'):
            raise ZygoteError(f"the crash zygote did not start: {ready!r}")

    def job(self, **job) -> dict:
        self.proc.stdin.write(json.dumps(job, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise ZygoteError("the crash zygote ended")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def home_env(home: Path) -> dict[str, str]:
    return {
        "PANELAPP_HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "xdg"),
        "QT_QPA_PLATFORM": "offscreen",
        "PANELAPP_AUTO_BACKUP": "0",
    }


@dataclasses.dataclass
class Ran:
    returncode: int
    killed: bool
    elapsed: float
    stdout: str
    stderr: str


def run_cli(
    z: Zygote, folder: Path, args: list[str], kill_after: float | None = None, kill_at: str | None = None
) -> Ran:
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    out, err = folder / "stdout.txt", folder / "stderr.txt"
    reply = z.job(
        kind="cli",
        args=args,
        env=home_env(home),
        unset=["PANELAPP_DB"],
        stdout=str(out),
        stderr=str(err),
        kill_after=kill_after,
        kill_at=kill_at,
        cwd=str(folder),
    )
    read = lambda p: p.read_text(encoding="utf-8", errors="replace") if p.exists() else ""  # noqa: E731
    return Ran(reply["returncode"], reply["killed"], reply["elapsed"], read(out), read(err))


def call(z: Zygote, folder: Path, func: str, *args):
    """`func` ("module:name") run in a forked child with `folder`/home as its home; its result
    (JSON) back, or ZygoteError with the child's traceback."""
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    result, err = folder / "result.json", folder / "call-stderr.txt"
    result.unlink(missing_ok=True)
    reply = z.job(
        kind="call",
        func=func,
        args=[str(a) if isinstance(a, Path) else a for a in args],
        env=home_env(home),
        unset=["PANELAPP_DB"],
        stdout=str(folder / "call-stdout.txt"),
        stderr=str(err),
        result=str(result),
        cwd=str(folder),
    )
    if reply["returncode"] != 0 or not result.exists():
        raise ZygoteError(f"{func} failed ({reply['returncode']}):\n{err.read_text(errors='replace')}")
    return json.loads(result.read_text(encoding="utf-8"))


# ----- what a database holds ---------------------------------------------------------------
def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def tables(path: Path) -> list[str]:
    conn = read_only(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        conn.close()


def stamp_of(path: Path) -> str | None:
    if "alembic_version" not in tables(path):
        return None
    conn = read_only(path)
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        return rows[0][0] if rows else None
    finally:
        conn.close()


COUNTED = (
    "organizations",
    "cohorts",
    "members",
    "enrollments",
    "consents",
    "facilities",
    "inspections",
    "findings",
    "proposals",
    "attachments",
    "report_records",
)


def counts(path: Path) -> dict[str, int]:
    present = set(tables(path))
    conn = read_only(path)
    try:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in COUNTED if t in present}
    finally:
        conn.close()


def schema_state(path: Path, old: str | None) -> tuple[str, list[str]]:
    """("nothing" | "old" | "new", problems): the schema work done wholly or not at all."""
    from panelapp.db import migrate

    if not path.exists() or path.stat().st_size == 0:
        return "nothing", []
    stamp = stamp_of(path)
    if stamp is None:
        made = [t for t in tables(path) if t != "alembic_version"]
        if old is None and not made:
            return "nothing", []
        return "third", [f"half-made: {len(made)} tables and no schema stamp"]
    if stamp not in (old, migrate.head_revision()):
        return "third", [f"stamp {stamp} is neither {old} nor head"]
    differences = migrate.schema_differences(path, stamp)
    if differences:
        return "third", [f"tables do not match stamp {stamp}: {differences[:3]}"]
    return ("old" if stamp == old else "new"), []


def orphan_attachments(db_path: Path) -> list[str]:
    """Attachment files (not hidden temporaries, not thumbnails) that no row names."""
    root = db_path.parent / "attachments"
    if not root.is_dir():
        return []
    named: set[str] = set()
    if db_path.exists() and "attachments" in tables(db_path):
        conn = read_only(db_path)
        try:
            named = {r[0] for r in conn.execute("SELECT sha256 FROM attachments")}
        finally:
            conn.close()
    found = [
        p
        for p in root.glob("??/*")
        if p.is_file() and not p.name.startswith(".") and p.parent.name != "thumbs"
    ]
    return [f"attachment file {p.name[:12]}… belongs to no row" for p in found if p.name not in named]


def opens_and_checks(db_path: Path) -> list[str]:
    """What the next start says: it opens (repairing or finishing what it must), `check` passes."""
    from panelapp.db.engine import open_database
    from panelapp.domain.errors import DomainError
    from panelapp.paths import config_dir
    from panelapp.services.system.bootstrap import open_app
    from panelapp.services.system.check import run_checks
    from panelapp.settings import Settings

    settings = Settings(config_dir() / "settings.json")
    try:
        open_app(str(db_path), settings).db.dispose()
    except DomainError as exc:
        return [f"the next start refuses the database: {exc.message}"]
    db = open_database(str(db_path))
    try:
        return [f"check: {line}" for line in run_checks(db, settings)]
    finally:
        db.dispose()


def visible_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if not p.name.startswith(".")} if folder.is_dir() else set()


# ----- reading outputs back ------------------------------------------------------------------
def roster_rows(path: Path) -> int:
    from panelapp.io.tabular import read_table

    return len(read_table(path).rows)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path), strict=True).pages)


def xlsx_sheets(path: Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return sum(1 for ws in wb.worksheets for _ in ws.iter_rows(values_only=True))
    finally:
        wb.close()


def sqlite_complete(path: Path) -> tuple[str, int]:
    conn = read_only(path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        return ok, conn.execute("SELECT count(*) FROM members").fetchone()[0]
    finally:
        conn.close()


def complete(kind: str, path: Path, expected) -> str | None:
    """None when `path` is the whole output, else what is wrong with it."""
    readers: dict[str, Callable[[Path], object]] = {
        "roster": roster_rows,
        "pdf": pdf_pages,
        "xlsx": xlsx_sheets,
        "sqlite": lambda p: list(sqlite_complete(p)),
    }
    try:
        got = readers[kind](path)
    except Exception as exc:  # noqa: BLE001 - any failure to read it back is the finding
        return f"{path.name} is under its final name but unreadable: {type(exc).__name__}: {exc}"
    if got != expected:
        return f"{path.name} is incomplete: read {got!r}, the full run gave {expected!r}"
    return None


# ----- templates: the databases the trials start from ---------------------------------------
def _settings():
    from panelapp.paths import config_dir
    from panelapp.settings import Settings

    return Settings(config_dir() / "settings.json")


def _folded(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _admin_account(ctx) -> None:
    """The 관리자 the command line logs in as (PANELAPP_USER / PANELAPP_PASSWORD of the suite)."""
    from panelapp.services.people.accounts import create_first_admin

    create_first_admin(ctx, os.environ["PANELAPP_USER"], os.environ["PANELAPP_PASSWORD"])


def build_created(path: str) -> dict:
    from panelapp.services.system.bootstrap import open_app

    settings = _settings()
    settings.set("current_user", USER)
    open_app(path, settings).db.dispose()
    _folded(Path(path))
    return {}


def build_cohort(path: str) -> dict:
    import datetime as dt

    from panelapp.services.cohorts.manage import CohortInput, create_cohort
    from panelapp.services.system.bootstrap import open_app

    ctx = open_app(path, _settings())
    create_cohort(ctx, CohortInput(COHORT, f"제{COHORT}기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    _admin_account(ctx)
    ctx.db.dispose()
    _folded(Path(path))
    return {}


def seed_as_0003(db, path: str) -> None:
    """The consent notices and the first user a 0003 database had, written as 0003's tables
    are (today's ORM models have user columns 0003 lacks, so open_app cannot write them)."""
    from panelapp.services.context import ServiceContext
    from panelapp.services.system.bootstrap import sync_consent_notices

    sync_consent_notices(ServiceContext(db=db))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO users (name, role, active, created_at, updated_at, version)"
            " VALUES (?, 'admin', 1, datetime('now'), datetime('now'), 1)",
            (USER,),
        )
    conn.close()


def build_at_0003(path: str) -> dict:
    from alembic import command

    from panelapp.db import migrate
    from panelapp.db.engine import open_database

    db = open_database(path)
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    seed_as_0003(db, path)
    db.dispose()
    _folded(Path(path))
    return {}


def build_demo(path: str) -> dict:
    import datetime as dt

    from panelapp.services.demo.build import load_demo
    from panelapp.services.system.bootstrap import open_app

    ctx = open_app(path, _settings())
    load_demo(ctx, anchor=dt.date.fromisoformat(ANCHOR), password=os.environ["PANELAPP_PASSWORD"])
    ctx.db.dispose()
    _folded(Path(path))
    return {}


def write_roster_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["이름", "휴대전화", "소속", "개인정보동의일"])
        for i in range(rows):
            w.writerow([_name(i), f"010-{3000 + i // 10000:04d}-{i % 10000:04d}", "정책동행단", "2026-03-02"])


def _name(i: int) -> str:
    """A distinct Hangul name for each row number (names take no digits)."""
    syllables = "가나다라마바사아자차카타파하"
    n = len(syllables)
    return "김" + syllables[i % n] + syllables[i // n % n] + syllables[i // n // n % n]


def build_roster(path: str, rows: int) -> dict:
    from panelapp.services.roster_io.importing import cohort_id_by_number, commit_import, preview_import
    from panelapp.services.system.bootstrap import open_app

    build_cohort(path)
    source = Path(path).parent / "roster.csv"
    write_roster_csv(source, rows)
    ctx = open_app(path, _settings())
    cohort = cohort_id_by_number(ctx, COHORT)
    preview = preview_import(ctx, cohort, source)
    assert preview.can_import, preview.problems[:3]
    commit_import(ctx, cohort, preview)
    ctx.db.dispose()
    _folded(Path(path))
    return {}


def copy_database(master: Path, folder: Path, name: str = "panel.db") -> Path:
    """The database file and its attachments folder (hard links: attachments never change)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy(master, target)  # its mode too: the program makes its databases owner-only
    attachments = master.parent / "attachments"
    if attachments.is_dir():
        shutil.copytree(attachments, folder / "attachments", copy_function=os.link)
    return target


# ----- scenarios -------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Scenario:
    """`template` names the database a trial starts from (None: no file); `args(folder, trial)`
    the command; `check` (name of a function below) what a killed or finished run may leave."""

    name: str
    template: str | None
    args: Callable[[Path, int], list[str]]
    check: str
    variants: int = 1  # trials alternate between this many forms of the command (trial % variants)


def _db(folder: Path) -> str:
    return str(folder / "panel.db")


def _export_target(folder: Path, trial: int) -> Path:
    return folder / "out" / ("명단.xlsx" if trial % 2 == 0 else "명단.csv")


def _backup_target(folder: Path, trial: int) -> Path | None:
    return None if trial % 2 == 0 else folder / "out" / "사본.db"


# Opens (creating or upgrading), then one write: the command line's first start, which makes the
# first 관리자 (its password from PANELAPP_PASSWORD); every other command logs in first.
FIRST_ADMIN = ["users", "add", "관리자", "--role", "admin"]
SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario("first start", None, lambda f, t: ["--db", _db(f), *FIRST_ADMIN], "check_schema"),
        Scenario("upgrade", "at_0003", lambda f, t: ["--db", _db(f), *FIRST_ADMIN], "check_schema"),
        Scenario("demo", "created", lambda f, t: ["--db", _db(f), "demo", "--today", ANCHOR], "check_counts"),
        Scenario(
            "import",
            "cohort",
            lambda f, t: ["--db", _db(f), "members", "import", "--cohort", str(COHORT), str(f / "in.csv")],
            "check_counts",
        ),
        Scenario(
            "export",
            "roster",
            lambda f, t: ["--db", _db(f), "members", "export", "--cohort", str(COHORT), "-o", str(_export_target(f, t))],
            "check_export",
            variants=2,
        ),
        Scenario(
            "backup",
            "demo",
            lambda f, t: ["--db", _db(f), "backup", *(["-o", str(_backup_target(f, t))] if t % 2 else [])],
            "check_backup",
            variants=2,
        ),
        Scenario(
            "report",
            "demo",
            lambda f, t: [
                "--db", _db(f), "report", "--cohort", str(COHORT),
                "-o", str(f / "out" / "보고서.pdf"), "--xlsx", str(f / "out" / "보고서.xlsx"),
            ],
            "check_report",
        ),
    )
}  # fmt: skip


# Each check runs in a forked child after the run, with the trial's home: (state, problems).
# `full` is what the same check returned after the unkilled run ("what all means"), None then.
def check_schema(folder: str, scenario: str, trial: int, full) -> list:
    path = Path(_db(Path(folder)))
    state, problems = schema_state(path, "0003" if scenario == "upgrade" else None)
    backups = Path(folder) / "home" / "backups"
    # a hidden temporary of a killed copy (panelapp/atomic.py's name) is allowed: it is never
    # listed or counted as a backup, and the next start sweeps it once its process is gone
    problems += [
        f"empty backup {p.name}"
        for p in backups.glob("*")
        if p.is_file() and p.stat().st_size == 0 and not (p.name.startswith(".") and p.name.endswith(".tmp"))
    ]
    return [state, problems + opens_and_checks(path)]


def check_counts(folder: str, scenario: str, trial: int, full) -> list:
    """An import or the demo: every counted table as before or as after the full run."""
    path = Path(_db(Path(folder)))
    got = counts(path)
    problems = orphan_attachments(path)
    state = "new"
    if full is not None:
        before, after = full[0]["before"], full[0]["after"]
        state = "old" if got == before else "new" if got == after else "third"
        if state == "third":
            problems.append(f"neither before nor after: {_diff(got, before, after)}")
    return [{"state": state, "counts": got}, problems + opens_and_checks(path)]


def _diff(got: dict, before: dict, after: dict) -> str:
    return ", ".join(
        f"{k}={got.get(k)} (before {before.get(k)}, after {after.get(k)})"
        for k in after
        if got.get(k) != after.get(k)
    )


def _output(folder: Path, target: Path, kind: str, full, key: str) -> tuple[str, list[str]]:
    stray = visible_files(target.parent) - {target.name}
    problems = [f"stray file {name} beside {target.name}" for name in sorted(stray)]
    if not target.exists():
        return "old", problems
    if full is None:
        return "new", problems
    wrong = complete(kind, target, full[0][key])
    return ("new" if wrong is None else "third"), problems + ([wrong] if wrong else [])


def check_export(folder: str, scenario: str, trial: int, full) -> list:
    f = Path(folder)
    target = _export_target(f, trial)
    state, problems = _output(f, target, "roster", full, target.suffix)
    info = {"state": state}
    if full is None:
        info[target.suffix] = roster_rows(target)
    return [info, problems + opens_and_checks(Path(_db(f)))]


def check_backup(folder: str, scenario: str, trial: int, full) -> list:
    from panelapp.db.engine import open_database
    from panelapp.services.system.backups import list_backups

    f = Path(folder)
    path = Path(_db(f))
    target = _backup_target(f, trial)
    info: dict = {}
    if target is not None:
        state, problems = _output(f, target, "sqlite", full, "copy")
        if full is None:
            info["copy"] = list(sqlite_complete(target))
    else:
        db = open_database(str(path))
        try:
            listed = list_backups(db, _settings())
        finally:
            db.dispose()
        folder_files = visible_files(f / "home" / "backups")
        problems = [
            f"backup folder holds {n} that is not a listed backup"
            for n in folder_files - {b.path.name for b in listed}
        ]
        for b in listed:
            wrong = complete("sqlite", b.path, full[0]["copy"]) if full is not None else None
            problems += [f"listed backup {b.path.name}: {wrong}"] if wrong else []
        state = "new" if listed else "old"
        if full is None and listed:
            info["copy"] = list(sqlite_complete(listed[0].path))
    info["state"] = state
    return [info, problems + opens_and_checks(path)]


def check_report(folder: str, scenario: str, trial: int, full) -> list:
    f = Path(folder)
    out = f / "out"
    pdf, xlsx = out / "보고서.pdf", out / "보고서.xlsx"
    stray = visible_files(out) - {pdf.name, xlsx.name}
    problems = [f"stray file {n} beside the report" for n in sorted(stray)]
    info: dict = {}
    states = []
    for kind, target in (("pdf", pdf), ("xlsx", xlsx)):
        if not target.exists():
            states.append("old")
            continue
        if full is None:
            info[kind] = complete_value(kind, target)
            states.append("new")
            continue
        wrong = complete(kind, target, full[0][kind])
        states.append("third" if wrong else "new")
        problems += [wrong] if wrong else []
    conn = read_only(Path(_db(f)))
    try:
        records = conn.execute("SELECT pdf_path, xlsx_path FROM report_records").fetchall()
    finally:
        conn.close()
    for record in records:
        for name in filter(None, record):
            if not Path(name).exists():
                problems.append(f"a report record names {Path(name).name}, which is not there")
    info["state"] = "third" if "third" in states else "new" if "new" in states else "old"
    info["records"] = len(records)
    return [info, problems + opens_and_checks(Path(_db(f)))]


def complete_value(kind: str, path: Path):
    return {"pdf": pdf_pages, "xlsx": xlsx_sheets}[kind](path)


# ----- running trials --------------------------------------------------------------------------
@dataclasses.dataclass
class Trial:
    scenario: str
    trial: int
    delay: float | None  # None: the full run
    returncode: int
    killed: bool
    elapsed: float
    state: str
    problems: list[str]
    stderr: str

    def line(self, seed: str) -> str:
        when = (
            "full run"
            if self.delay is None
            else f"killed after {self.delay:.3f} s"
            if self.killed
            else f"ended ({self.returncode}) before {self.delay:.3f} s"
        )
        return f"[{self.scenario} #{self.trial} seed={seed}] {when}: {self.state}"


@dataclasses.dataclass
class ScenarioReport:
    scenario: str
    seed: str
    typical_s: float
    trials: list[Trial]

    @property
    def failures(self) -> list[Trial]:
        return [t for t in self.trials if t.problems or t.state == "third"]

    def states(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for t in self.trials:
            if t.delay is not None:
                key = t.state if t.killed else f"{t.state} (ended first)"
                out[key] = out.get(key, 0) + 1
        return out

    def text(self) -> str:
        lines = [f"{self.scenario}: typical {self.typical_s:.2f} s, seed {self.seed}, {self.states()}"]
        for t in self.failures:
            lines.append("  " + t.line(self.seed))
            lines += [f"    - {p}" for p in t.problems]
            if t.stderr.strip() and "Traceback" in t.stderr:
                lines.append("    stderr: " + t.stderr.strip()[-800:])
        replay = f"PANELAPP_CRASH_SEED={self.seed}"
        return "\n".join(lines + ([f"  replay with {replay}"] if self.failures else []))


class CrashRun:
    """Zygotes, templates and trials under `workdir`. `templates` may hand in ready databases
    (e.g. {"demo": path} from the suite's session demo)."""

    def __init__(
        self,
        workdir: Path,
        seed: str | None = None,
        workers: int = 2,
        roster_rows: int = 300,
        templates: dict[str, Path] | None = None,
        log: Callable[[str], None] = print,
    ):
        self.workdir = Path(workdir)
        self.seed = seed or os.environ.get("PANELAPP_CRASH_SEED") or f"{random.randrange(10**8):08d}"
        self.workers = max(1, workers)
        self.roster_rows = roster_rows
        self.templates: dict[str, Path] = dict(templates or {})
        self.log = log
        self._zygotes: list[Zygote] = []
        self._free: list[Zygote] = []
        self._lock = threading.Lock()
        self._made = threading.Condition(self._lock)

    def __enter__(self) -> CrashRun:
        self.log(f"crash harness: seed {self.seed} (replay: PANELAPP_CRASH_SEED={self.seed})")
        with ThreadPoolExecutor(self.workers) as pool:
            self._zygotes = list(pool.map(lambda _: Zygote(), range(self.workers)))
        self._free = list(self._zygotes)
        return self

    def __exit__(self, *exc) -> None:
        for z in self._zygotes:
            z.close()

    @contextmanager
    def zygote(self) -> Iterator[Zygote]:
        with self._made:
            while not self._free:
                self._made.wait()
            z = self._free.pop()
        try:
            yield z
        finally:
            with self._made:
                self._free.append(z)
                self._made.notify()

    def template(self, name: str) -> Path:
        if name in self.templates:
            return self.templates[name]
        builders = {
            "created": ("build_created", ()),
            "cohort": ("build_cohort", ()),
            "at_0003": ("build_at_0003", ()),
            "demo": ("build_demo", ()),
            "roster": ("build_roster", (self.roster_rows,)),
        }
        func, extra = builders[name]
        folder = self.workdir / "templates" / name
        folder.mkdir(parents=True, exist_ok=True)
        with self.zygote() as z:
            call(z, folder, f"tests.crash_harness:{func}", folder / "panel.db", *extra)
        self.templates[name] = folder / "panel.db"
        return self.templates[name]

    def _prepare(self, scenario: Scenario, trial: int) -> Path:
        folder = self.workdir / scenario.name.replace(" ", "-") / f"t{trial:03d}"
        if folder.exists():
            shutil.rmtree(folder)
        if scenario.template is None:
            folder.mkdir(parents=True)
        else:
            copy_database(self.template(scenario.template), folder)
        (folder / "out").mkdir(exist_ok=True)
        if scenario.name == "import":
            write_roster_csv(folder / "in.csv", self.roster_rows)
        return folder

    def _one(self, scenario: Scenario, trial: int, delay: float | None, full) -> tuple[Trial, object]:
        folder = self._prepare(scenario, trial)
        before = counts(folder / "panel.db") if scenario.template and delay is None else {}
        with self.zygote() as z:
            ran = run_cli(z, folder, scenario.args(folder, trial), kill_after=delay)
            info, problems = call(
                z, folder, f"tests.crash_harness:{scenario.check}", folder, scenario.name, trial, full
            )
        if "Traceback" in ran.stderr:
            problems.append("the command printed a traceback")
        if not ran.killed and ran.returncode != 0:
            problems.append(f"the command ended with {ran.returncode}: {ran.stderr.strip()[-300:]}")
        if isinstance(info, dict):
            if delay is None:
                info["before"] = before
            state = info["state"]
        else:
            state = info
        return Trial(
            scenario.name, trial, delay, ran.returncode, ran.killed, ran.elapsed, state, problems, ran.stderr
        ), info

    def scenario(self, name: str, trials: int) -> ScenarioReport:
        scenario = SCENARIOS[name]
        if scenario.template:
            self.template(scenario.template)
        with ThreadPoolExecutor(min(self.workers, scenario.variants)) as pool:
            # the full run of variant v is trial v - variants (negative; trial % variants == v)
            fulls = list(
                pool.map(
                    lambda v: self._one(scenario, v - scenario.variants, None, None), range(scenario.variants)
                )
            )
        for t, _info in fulls:
            self.log(t.line(self.seed) + f" in {t.elapsed:.2f} s")
        typical = max(t.elapsed for t, _ in fulls)
        done = [t for t, _ in fulls]
        if any(t.problems for t in done):  # nothing to compare with: say why
            report = ScenarioReport(name, self.seed, typical, done)
            self.log(report.text())
            return report
        # what "all" means for the counting checks: the full run's before and after
        refs = []
        for _t, info in fulls:
            if isinstance(info, dict) and "counts" in info:
                info = {"before": info["before"], "after": info["counts"], **info}
            refs.append([info])

        def delay(trial: int) -> float:
            return random.Random(f"{self.seed}/{name}/{trial}").uniform(
                0, fulls[trial % len(fulls)][0].elapsed
            )

        with ThreadPoolExecutor(self.workers) as pool:
            killed = list(
                pool.map(lambda i: self._one(scenario, i, delay(i), refs[i % len(refs)])[0], range(trials))
            )
        report = ScenarioReport(name, self.seed, typical, done + killed)
        self.log(report.text())
        return report


if __name__ == "__main__":
    serve()
