"""Live refresh in the real window (gui/core/live.py): a department added by another process on
the same SQLite file or PostgreSQL database reaches this window's bus within 2 s, the status bar
says "다른 사용자가 방금 담당부서를 바꿨습니다", the hidden 시설·부서 page goes stale and shows the
new department when it is opened; this window's own write is announced once, by its op, and
never again as another user's; the listening thread ends with the window."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from panelapp.services.changes import Changes, Kind
from tests.conftest import page_settled
from tests.storage_conditions import needs_pg, throwaway_server_database

ROOT = Path(__file__).resolve().parents[2]


def start_writer(target: str, name: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "live_writer.py"), target, name],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _another_desktop_writes(qtbot, window, target: str) -> None:
    window.show_page("facilities")
    facilities = window.page("facilities")
    qtbot.waitUntil(lambda: page_settled(facilities), timeout=20000)
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: page_settled(window.page("dashboard")), timeout=20000)
    heard: list[Changes] = []
    window.bus.changes.connect(heard.append)
    writer = start_writer(target, "옆자리과")
    qtbot.waitUntil(lambda: writer.poll() is not None, timeout=60000)  # the event loop keeps running
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    dept_id, committed = int(out.split()[0]), float(out.split()[1])
    qtbot.waitUntil(lambda: any(Kind.DEPARTMENT in c.kinds for c in heard), timeout=5000)
    delay = window.live_refresh.last_heard_at - committed
    print(f"notice delay {delay * 1000:.0f} ms")
    assert delay < 2.0
    change = next(c for c in heard if Kind.DEPARTMENT in c.kinds)
    assert change.ids_of(Kind.DEPARTMENT) == {dept_id}
    said = window.statusBar().currentMessage()  # (a new server database also got its 기관 정보)
    assert said in (
        "다른 사용자가 방금 담당부서를 바꿨습니다",
        "다른 사용자가 방금 담당부서·기관 정보를 바꿨습니다",
    )
    assert facilities.is_stale  # hidden: it only remembers
    window.show_page("facilities")
    qtbot.waitUntil(lambda: page_settled(facilities), timeout=20000)
    assert "옆자리과" in [d.name for d in facilities.departments]


def test_another_process_on_the_sqlite_file(qtbot, main_window, demo_db):
    _another_desktop_writes(qtbot, main_window, str(demo_db))


@needs_pg
def test_another_process_on_the_server_database(qtbot, open_main_window):
    with throwaway_server_database() as url:
        window = open_main_window(url)
        try:
            _another_desktop_writes(qtbot, window, url)
        finally:
            window.close()
            window.live_refresh.stop()
            window.ctx.db.dispose()


def test_this_window_s_own_write_is_announced_once(qtbot, main_window):
    from panelapp.gui.core.ops import Op
    from panelapp.services.registers.departments import DepartmentInput, create_department

    window, ctx = main_window, main_window.ctx
    heard: list[Changes] = []
    window.bus.changes.connect(heard.append)
    window.statusBar().clearMessage()
    op = Op(window, lambda _t: create_department(ctx, DepartmentInput(name="우리자리과")), write=True)
    with qtbot.waitSignal(op.finished, timeout=10000):
        op.run()
    deadline = time.monotonic() + 2.0  # past the SQLite feed's grace for an unexplained commit
    while time.monotonic() < deadline:
        qtbot.wait(50)
    assert [c for c in heard if Kind.DEPARTMENT in c.kinds] and len(heard) == 1
    assert window.live_refresh.last_heard_at is None
    assert "다른 사용자" not in window.statusBar().currentMessage()


def test_the_listening_thread_ends_with_the_window(qtbot, open_main_window, demo_db):
    window = open_main_window(demo_db)
    live = window.live_refresh
    assert live.running
    window.close()
    qtbot.waitUntil(lambda: not live.running, timeout=3000)


@pytest.mark.parametrize(
    ("kinds", "text"),
    [
        ({Kind.PROPOSAL}, "다른 사용자가 방금 개선제안을 바꿨습니다"),
        ({Kind.PROPOSAL, Kind.FINDING, Kind.TRASH}, "다른 사용자가 방금 개선제안·발견사항을 바꿨습니다"),
        ({Kind.TRASH}, "다른 사용자가 방금 휴지통을 바꿨습니다"),
        ({Kind.FEEDBACK}, "다른 사용자가 방금 좋아요·아쉬워요를 바꿨습니다"),
        ({Kind.MEMBER, Kind.ENROLLMENT}, "다른 사용자가 방금 참여단원을 바꿨습니다"),
        (set(Kind), "다른 사용자가 방금 자료를 바꿨습니다"),
        (
            {Kind.PROPOSAL, Kind.FINDING, Kind.INSPECTION, Kind.MEMBER},
            "다른 사용자가 방금 개선제안·발견사항·점검 일정 등을 바꿨습니다",
        ),
    ],
)
def test_notice_names_what_changed_with_its_particle(kinds, text):
    from panelapp.gui.core.live import KIND_LABELS, notice_text

    assert set(KIND_LABELS) == set(Kind)  # a new kind needs its name
    assert notice_text(Changes(frozenset(kinds))) == text
