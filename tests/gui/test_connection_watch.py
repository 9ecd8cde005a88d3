"""gui/core/connection.py without a server: what the live thread says about the connection
becomes the status bar's two sentences; a read op that failed on a broken connection runs once
more when it is back (and fails with its sentence when it never comes back); a write is not
run again; a failure that is not the connection is shown as before."""

from __future__ import annotations

import psycopg
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from panelapp.gui.core import connection
from panelapp.gui.core.bus import DataBus
from panelapp.gui.core.connection import BACK_TEXT, LOST_TEXT, ConnectionWatch
from panelapp.gui.core.ops import Op


class FakeLive(QObject):
    connection = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.checks = 0
        self.missed = 0

    def check_now(self) -> None:
        self.checks += 1

    def announce_missed(self) -> None:
        self.missed += 1


def _window(qtbot):
    window = QMainWindow()
    window.bus = DataBus(window)
    qtbot.addWidget(window)
    live = FakeLive()
    watch = ConnectionWatch(window, live)
    return window, live, watch


def _broken() -> psycopg.OperationalError:
    return psycopg.OperationalError("server closed the connection unexpectedly")


def test_the_status_bar_says_lost_then_back(qtbot):
    window, live, watch = _window(qtbot)
    live.connection.emit(False)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == LOST_TEXT, timeout=2000)
    assert watch.lost
    live.connection.emit(True)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == BACK_TEXT, timeout=2000)
    assert not watch.lost and live.missed == 1  # the pages are told anything may have changed
    live.connection.emit(True)  # still there: nothing more said or reloaded
    qtbot.wait(50)
    assert live.missed == 1


def test_a_read_that_failed_on_the_connection_runs_again_when_it_is_back(qtbot):
    window, live, _watch = _window(qtbot)
    calls: list[int] = []

    def work(_t):
        calls.append(1)
        if len(calls) == 1:
            raise _broken()
        return "rows"

    got: list[object] = []
    failed: list[BaseException] = []
    Op(window, work).success(got.append).failure(failed.append).run()
    qtbot.waitUntil(lambda: live.checks == 1, timeout=5000)  # the live thread is asked at once
    qtbot.wait(100)
    assert got == [] and failed == [] and len(calls) == 1  # waiting for the connection
    live.connection.emit(True)
    qtbot.waitUntil(lambda: got == ["rows"], timeout=5000)
    assert len(calls) == 2 and failed == []


def test_a_read_whose_connection_never_comes_back_fails_with_its_sentence(qtbot, monkeypatch):
    from panelapp.gui.core.ops import _failure_sentence

    monkeypatch.setattr(connection, "GIVE_UP_MS", 200)
    window, _live, _watch = _window(qtbot)

    def work(_t):
        raise _broken()

    failed: list[BaseException] = []
    Op(window, work).failure(failed.append).run()
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert "연결이 끊겨" in _failure_sentence(failed[0])


def test_a_write_is_not_run_again(qtbot):
    window, live, _watch = _window(qtbot)
    calls: list[int] = []

    def work(_t):
        calls.append(1)
        raise _broken()

    failed: list[BaseException] = []
    Op(window, work, write=True).failure(failed.append).run()
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert live.checks == 1  # the window looks at the connection at once
    live.connection.emit(True)
    qtbot.wait(100)
    assert len(calls) == 1


def test_other_failures_are_not_waited_for(qtbot):
    window, live, _watch = _window(qtbot)

    def work(_t):
        raise ValueError("a bug")

    failed: list[BaseException] = []
    Op(window, work).failure(failed.append).run()
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert live.checks == 0 and isinstance(failed[0], ValueError)
