"""The window's status bar says a save is waiting for another writer's lock, from the worker
thread that waits, and clears it when the wait is over."""

from __future__ import annotations

import threading

from panelapp.services import locks


def _from_a_worker(waiting: bool) -> None:
    worker = threading.Thread(target=locks._announce, args=(waiting,))
    worker.start()
    worker.join()


def test_the_status_bar_says_a_save_waits(main_window, qtbot):
    bar = main_window.statusBar()
    _from_a_worker(True)
    qtbot.waitUntil(lambda: bar.currentMessage() == locks.WAITING, timeout=3000)
    assert main_window.lock_wait_notice.waiting
    _from_a_worker(False)
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=3000)


def test_the_end_of_a_wait_leaves_other_messages_alone(main_window, qtbot):
    bar = main_window.statusBar()
    _from_a_worker(True)
    qtbot.waitUntil(lambda: bar.currentMessage() == locks.WAITING, timeout=3000)
    bar.showMessage("저장했습니다.")
    _from_a_worker(False)
    qtbot.waitUntil(lambda: not main_window.lock_wait_notice.waiting, timeout=3000)
    assert bar.currentMessage() == "저장했습니다."
