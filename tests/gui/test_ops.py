"""The op helper: results return on the main thread, failures reach the user, Cancel works."""

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from panelapp.domain.errors import DomainError
from panelapp.gui.core.ops import Cancelled, Op, wait_for_all


def test_success_runs_on_main_thread_and_work_off_it(qtbot):
    seen = {}

    def work(token):
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 42

    op = Op(None, work).success(
        lambda r: seen.update(result=r, main=QThread.currentThread() is QApplication.instance().thread())
    )
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    assert seen == {"worker": False, "result": 42, "main": True}


def test_domain_error_shown_as_warning(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))

    def work(token):
        raise DomainError("기수: 제7기가 이미 있습니다.")

    op = Op(None, work)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    assert shown == ["기수: 제7기가 이미 있습니다."]


def test_failure_callback_replaces_default_message(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: pytest.fail("default handler used"))
    errors = []
    op = Op(None, lambda t: 1 / 0).failure(errors.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    assert isinstance(errors[0], ZeroDivisionError)


def test_cancel_stops_work_and_skips_success(qtbot):
    progress, done = [], []

    def work(token):
        for i in range(200):
            token.check()
            token.progress(i, 200, f"{i}")
            time.sleep(0.005)
        return "finished"

    op = Op(None, work).with_progress("작업 중…").success(done.append)
    op._signals.progress.connect(lambda d, t, x: progress.append(d))
    with qtbot.waitSignal(op.finished, timeout=5000) as blocker:
        op.run()
        qtbot.waitUntil(lambda: len(progress) > 3, timeout=3000)
        op.cancel()
    assert done == []
    assert isinstance(blocker.args[1], Cancelled)


def test_writes_are_serialised(qtbot):
    active, overlaps = [0], []

    def work(token):
        active[0] += 1
        overlaps.append(active[0])
        time.sleep(0.02)
        active[0] -= 1

    ops = [Op(None, work, write=True) for _ in range(4)]
    for op in ops:
        op.run()
    wait_for_all()
    qtbot.waitUntil(lambda: len(overlaps) == 4, timeout=3000)
    assert max(overlaps) == 1


def test_callbacks_skipped_when_the_parent_widget_is_gone(qtbot):
    from PySide6.QtWidgets import QWidget
    from shiboken6 import delete

    parent = QWidget()
    called = []
    release = threading.Event()

    def work(token):
        release.wait(5)
        return 1

    op = Op(parent, work).success(called.append).failure(called.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
        delete(parent)
        release.set()
    assert called == []


def test_a_slow_read_does_not_hold_back_the_next(qtbot):
    """Reads run side by side: three slow reads in flight, a fourth still starts at once."""
    import threading

    from panelapp.gui.core import ops as ops_module
    from panelapp.gui.core.ops import Op, read_pool

    assert read_pool().maxThreadCount() >= 4
    gate = threading.Event()
    slow = [Op(None, lambda _t: gate.wait(5)).run() for _ in range(3)]
    quick = Op(None, lambda _t: "ready").run()
    with qtbot.waitSignal(quick.finished, timeout=2000) as blocker:
        pass
    assert blocker.args[0] == "ready" and all(op in ops_module._RUNNING for op in slow)
    gate.set()
    qtbot.waitUntil(lambda: not any(op in ops_module._RUNNING for op in slow), timeout=5000)
