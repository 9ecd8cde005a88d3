"""Start-up: the window shows before the database layer loads; the benchmark hook works."""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRE_SHOW = """
import sys
from panelapp.gui.app import create_application
app = create_application()
from panelapp.gui.mainwindow import MainWindow
window = MainWindow(sys.argv[1])
window.show()
app.processEvents()
heavy = [m for m in ("sqlalchemy", "alembic", "panelapp.services", "panelapp.gui.core.ops") if m in sys.modules]
print("HEAVY", ",".join(heavy))
"""


def env(tmp_path):
    e = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PANELAPP_HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    e.pop("PANELAPP_DB", None)
    return e


def test_nothing_heavy_is_imported_before_the_window_shows(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", PRE_SHOW, str(tmp_path / "x.db")],
        cwd=ROOT,
        env=env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY \n" in done.stdout or done.stdout.strip() == "HEAVY"


def test_benchmark_hook_reports_the_shown_window_and_opens_no_database(tmp_path):
    db = tmp_path / "bench.db"
    e = {**env(tmp_path), "PANELAPP_BENCH_T0": repr(time.time())}
    done = subprocess.run(
        [sys.executable, "-m", "panelapp", "--db", str(db)],
        cwd=ROOT,
        env=e,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seconds = float(done.stdout.split("PANELAPP_SHOWN ")[1].split()[0])
    assert 0 < seconds < 60
    assert not db.exists()
