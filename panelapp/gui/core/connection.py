"""The window's side of losing the database server (issue 13 item 4).

The live-refresh thread (gui/core/live.py) holds a connection to the server all the time, so it is
the first to find that the server restarted or the network dropped; it reconnects by itself with
a growing pause. `ConnectionWatch` turns what it says into the status bar's
"서버 연결이 끊겼습니다 — 다시 연결하는 중…" (kept until the connection is back) and then
"서버에 다시 연결되었습니다", and when it is back:
- the pages are told that anything may have changed (the other desktops' notices sent meanwhile
  were lost), so the page in front reads again and the others when shown;
- every read op that failed on the broken connection runs once more (gui/core/ops.py hands them
  here); one whose connection does not come back within GIVE_UP_MS fails with its sentence.
A write that failed on it is never retried: its transaction was rolled back, the dialog keeps
its input and says so (domain/failures.server_lost_sentence), and the user saves again.

Only a server database has a watch; on a SQLite file nothing here applies.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

log = logging.getLogger(__name__)

LOST_TEXT = "서버 연결이 끊겼습니다 — 다시 연결하는 중…"
BACK_TEXT = "서버에 다시 연결되었습니다"
BACK_MS = 10_000
GIVE_UP_MS = 60_000  # a read waits this long for the connection before it fails

_CURRENT: ConnectionWatch | None = None


class _Waiter:
    def __init__(self, retry: Callable[[], None], give_up: Callable[[], None]) -> None:
        self.retry, self.give_up, self.done = retry, give_up, False


class ConnectionWatch(QObject):
    def __init__(self, window, live) -> None:
        super().__init__(window)
        global _CURRENT
        self.window_ = window
        self.live = live
        self.lost = False
        self._waiters: list[_Waiter] = []
        live.connection.connect(self._on_connection, Qt.ConnectionType.QueuedConnection)
        _CURRENT = self

    # ----- what ops tell ------------------------------------------------------------------
    def noticed(self, exc: BaseException) -> bool:
        """An op failed with `exc`: True when it is the server's connection breaking (the live
        thread is asked to look at once, so the status bar says it without waiting)."""
        from panelapp.services.errors import connection_lost

        if not connection_lost(exc):
            return False
        self.live.check_now()
        return True

    def retry_when_back(self, retry: Callable[[], None], give_up: Callable[[], None]) -> None:
        """Call `retry` once the connection answers again (at once when the live thread finds it
        was only this op's connection), or `give_up` after GIVE_UP_MS."""
        waiter = _Waiter(retry, give_up)
        self._waiters.append(waiter)
        QTimer.singleShot(GIVE_UP_MS, self, lambda: self._give_up(waiter))

    def _give_up(self, waiter: _Waiter) -> None:
        if waiter.done:
            return
        waiter.done = True
        if waiter in self._waiters:
            self._waiters.remove(waiter)
        waiter.give_up()

    # ----- what the live thread tells -----------------------------------------------------
    def _on_connection(self, up: bool) -> None:
        bar = self.window_.statusBar()
        if not up:
            if not self.lost:
                self.lost = True
                log.info("server connection lost; reconnecting")
            bar.showMessage(LOST_TEXT)
            return
        if self.lost:
            self.lost = False
            log.info("server connection back")
            bar.showMessage(BACK_TEXT, BACK_MS)
            self.live.announce_missed()  # what others wrote meanwhile was not heard
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done:
                waiter.done = True
                waiter.retry()


def current_watch() -> ConnectionWatch | None:
    """The newest window's watch (None on a SQLite file, or before a window opened a server)."""
    from shiboken6 import isValid

    return _CURRENT if _CURRENT is not None and isValid(_CURRENT) else None


def install_connection_watch(window, live) -> ConnectionWatch | None:
    """A watch for `window` when its database is on a server (`live`: its LiveRefresh)."""
    global _CURRENT
    if window.ctx is None or window.ctx.db.is_sqlite:
        _CURRENT = None  # (a window on a server before this one: its ops are not this window's)
        return None
    return ConnectionWatch(window, live)
