"""Python's cycle collector runs on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when a generation's
threshold is crossed, which is often a page's worker thread (the worker allocates thousands of
ORM rows). It may then free a cycle holding Qt wrappers made on the GUI thread, and Qt crashes
(a segfault seen in CI: "Garbage-collecting" inside ``services/activities/event_rules.py`` on
an ops worker). So, as pyqtgraph's and qtools' GarbageCollector do, automatic collection is
turned off and a timer on the GUI thread collects each generation once its count passes the
threshold Python would have used.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication

INTERVAL_MS = 1000
_OBJECT_NAME = "panelapp-gc-guard"


class GcGuard(QObject):
    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.setObjectName(_OBJECT_NAME)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect what Python's own schedule would have collected by now; the number of
        unreachable objects found. Called on the GUI thread (the timer's)."""
        assert QThread.currentThread() is self.thread()
        found = 0
        count0, count1, count2 = gc.get_count()
        if count0 > self.threshold[0]:
            found += gc.collect(0)
            if count1 > self.threshold[1]:
                found += gc.collect(1)
                if count2 > self.threshold[2]:
                    found += gc.collect(2)
        return found


def install_gc_guard(app: QApplication) -> GcGuard:
    """Idempotent: the application's one guard (created on first call)."""
    existing = app.findChild(GcGuard, _OBJECT_NAME)
    if existing is not None:
        gc.disable()  # something may have turned it back on
        return existing
    return GcGuard(app)
