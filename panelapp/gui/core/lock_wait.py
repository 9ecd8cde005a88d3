"""The window says when a save waits for another writer's lock (services/locks.py).

The listener is called on the worker thread that waits; a signal carries it to the GUI thread,
where the status bar shows locks.WAITING until the wait is over.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal


class LockWaitNotice(QObject):
    changed = Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        from panelapp.services.locks import on_lock_wait

        self.window_ = window
        self.waiting = False
        self.changed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._remove = on_lock_wait(self.changed.emit)
        window.destroyed.connect(lambda *_: self._remove())

    def _show(self, waiting: bool) -> None:
        from panelapp.services.locks import WAITING

        self.waiting = waiting
        bar = self.window_.statusBar()
        if waiting:
            bar.showMessage(WAITING)
        elif bar.currentMessage() == WAITING:
            bar.clearMessage()


def install_lock_wait_notice(window) -> LockWaitNotice:
    return LockWaitNotice(window)
