"""The cycle collector runs on the GUI thread only (gui/core/gc_guard.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from panelapp.gui.app import create_application
from panelapp.gui.core.gc_guard import GcGuard, install_gc_guard


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_application_turns_automatic_collection_off(qapp):
    gc.enable()
    app = create_application()
    assert not gc.isenabled()
    assert app.findChildren(GcGuard) == [install_gc_guard(app)]  # one guard, idempotent


def test_a_worker_thread_allocating_past_the_threshold_collects_nothing(qapp):
    guard = install_gc_guard(qapp)
    gc.collect()  # start from a clean slate
    cycle = _Cycle()
    ref = weakref.ref(cycle)
    del cycle

    def allocate() -> None:
        junk = [[] for _ in range(guard.threshold[0] * 20)]  # would trigger gen-0 collections
        del junk

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert ref() is not None  # the worker's allocations collected nothing


def test_the_timer_collects_garbage_cycles_on_the_gui_thread(qapp, qtbot):
    guard = install_gc_guard(qapp)
    cycle = _Cycle()
    ref = weakref.ref(cycle)
    del cycle
    # live containers well past the gen-0 threshold: objects freed meanwhile lower the count
    # again (threads a previous test of this worker left running free some), so a margin of a
    # few would let the timer see the count under the threshold and collect nothing
    filler = [[] for _ in range(guard.threshold[0] * 5)]
    assert ref() is not None
    qtbot.waitUntil(lambda: ref() is None, timeout=5000)
    assert len(filler) > guard.threshold[0]
