"""All or nothing for real: SIGKILL the importing process while it writes 10,000 rows.

The child prints a marker from the progress callback once a few thousand rows are in the
open transaction; the parent kills it there. The database must then hold none of the rows
(or, had the commit won the race, all of them) and pass its integrity check.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from panelapp.db.models import Consent, Enrollment, Member
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading

ROOT = Path(__file__).resolve().parent.parent
ROWS = 10_000
CHILD = """
import sys
from panelapp.db.engine import open_database
from panelapp.services.context import ServiceContext
from panelapp.services.roster_io.importing import commit_import, preview_import

class Token:
    def check(self):
        pass
    def progress(self, done, total, text=""):
        if done >= 3000:
            print("WRITING", done, flush=True)
            sys.stdin.readline()  # parked inside the transaction until the parent kills us

ctx = ServiceContext(open_database(sys.argv[1]))
from panelapp.services.system.bootstrap import ensure_user
ensure_user(ctx, None)  # the acting account: importing needs the 담당자's right
preview = preview_import(ctx, int(sys.argv[2]), sys.argv[3])
assert preview.can_import, preview.problems[:3]
commit_import(ctx, int(sys.argv[2]), preview, Token())
print("COMMITTED", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_mid_import_leaves_all_or_nothing(ctx, tmp_path):
    c = create_cohort(ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8-sig") as f:
        f.write("이름,휴대전화,소속,개인정보동의일\n")
        for i in range(ROWS):
            f.write(f"단원,010-{2000 + i // 100:04d}-{i:04d},정책동행단,2026-03-02\n")
    url = ctx.db.url.render_as_string(hide_password=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, str(c.id), str(path)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.startswith("WRITING"), (line, child.stderr.read() if child.poll() is not None else "")
        with reading(ctx) as s:  # another connection sees nothing of the open transaction
            assert s.scalar(select(func.count()).select_from(Member)) == 0
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    ctx.db.engine.dispose()  # forget pooled connections: read the file as a fresh process would
    with reading(ctx) as s:
        counts = {
            m.__name__: s.scalar(select(func.count()).select_from(m)) for m in (Member, Enrollment, Consent)
        }
        assert counts in (
            {"Member": 0, "Enrollment": 0, "Consent": 0},
            {"Member": ROWS, "Enrollment": ROWS, "Consent": ROWS},
        ), counts
        if ctx.db.is_sqlite:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
