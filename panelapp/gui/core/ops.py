"""Run database and PDF work off the UI thread (after Anki's CollectionOp/QueryOp).

    Op(parent, lambda token: services.x(ctx, ...), write=True)
        .success(on_done).failure(on_error).with_progress("저장 중…").run()

The function gets a `Token` to report progress and to check for Cancel. Results come back
to the main thread by signal; writes are serialised on one worker thread.

Write ops announce what changed: the worker runs the function inside `changes.collecting()`, so every
transaction it commits is recorded (services/changes.py), and when it returns the op emits those
`Changes` on the bus — after the success or failure callback, and also after a failure or Cancel
(whatever committed before it is announced). Pages and dialogs never announce by hand.

A read that fails because the database server's connection broke (it restarted, the network
dropped) waits for the connection to come back and runs once more (gui/core/connection.py);
a write never runs again: it fails with its sentence, and the dialog keeps its input.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from panelapp.domain.errors import ConcurrencyError, DomainError

log = logging.getLogger(__name__)
_WRITE_POOL: QThreadPool | None = None
_RUNNING: set[Op] = set()


class Cancelled(Exception):
    """Raised inside a worker when the user pressed Cancel."""


class Token:
    def __init__(self, op: Op):
        self._op = op
        self.cancelled = False

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._op._signals.progress.emit(done, total, text)

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object, object)  # result, exception


class _Runnable(QRunnable):
    def __init__(self, op: Op):
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        from panelapp.services.changes import collecting

        result, error = None, None
        with collecting() as bag:
            try:
                result = self.op._fn(self.op.token)
            except BaseException as exc:  # noqa: BLE001 - every failure must reach the main thread
                exc.__traceback_text__ = traceback.format_exc()
                error = exc
        self.op.changes = bag.changes
        self.op._signals.done.emit(result, error)


def write_pool() -> QThreadPool:
    global _WRITE_POOL
    if _WRITE_POOL is None:
        _WRITE_POOL = QThreadPool()
        _WRITE_POOL.setMaxThreadCount(1)
    return _WRITE_POOL


READ_THREADS = 4  # at least: one slow read (a dashboard count over a million rows) must not
# hold back the next page's load, as it did with the default of one thread per core on 2 cores
_READ_POOL_READY = False


def read_pool() -> QThreadPool:
    """Reads run concurrently (SQLite in WAL mode and PostgreSQL both serve parallel readers;
    sqlite3 and psycopg release the GIL while a query runs)."""
    global _READ_POOL_READY
    pool = QThreadPool.globalInstance()
    if not _READ_POOL_READY:
        pool.setMaxThreadCount(max(READ_THREADS, pool.maxThreadCount()))
        _READ_POOL_READY = True
    return pool


def wait_for_all(msecs: int = 10000) -> None:
    """Used at shutdown and by tests: no worker may outlive its widgets."""
    QThreadPool.globalInstance().waitForDone(msecs)
    write_pool().waitForDone(msecs)


class Op(QObject):
    finished = Signal(object, object)  # result, exception (after callbacks ran)

    def __init__(self, parent: QWidget | None, fn: Callable[[Token], Any], *, write: bool = False):
        super().__init__()
        self._parent = parent
        self._fn = fn
        self._write = write
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress_label: str | None = None
        self._cancellable = True
        self._dialog: QProgressDialog | None = None
        self.token = Token(self)
        self.changes = None  # Changes collected by the worker (services/changes.py)
        self._retried = False  # a read run again after the server's connection came back
        self._signals = _Signals()
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    def success(self, fn: Callable[[Any], None]) -> Op:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> Op:
        self._failure = fn
        return self

    def with_progress(self, label: str, cancellable: bool = True) -> Op:
        self._progress_label = label
        self._cancellable = cancellable
        return self

    def run(self) -> Op:
        _RUNNING.add(self)
        if self._progress_label is not None:
            dlg = QProgressDialog(
                self._progress_label, "취소" if self._cancellable else None, 0, 0, self._parent
            )
            dlg.setWindowTitle("작업 중")
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.setMinimumDuration(300)
            dlg.setAutoClose(False)
            dlg.setAutoReset(False)
            dlg.canceled.connect(self.cancel)
            self._dialog = dlg
        pool = write_pool() if self._write else read_pool()
        pool.start(_Runnable(self))
        return self

    def cancel(self) -> None:
        self.token.cancelled = True
        if self._dialog is not None:
            self._dialog.setLabelText("취소하는 중…")

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(done)
        if text and not self.token.cancelled:
            self._dialog.setLabelText(text)

    def _on_done(self, result: Any, exc: BaseException | None) -> None:
        if exc is not None and self._waits_for_connection(exc):
            return  # runs again once the server answers (gui/core/connection.py)
        _RUNNING.discard(self)
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        try:
            if self._parent is not None and not isValid(self._parent):
                return  # the page that asked is gone (window closed): nothing left to update
            if exc is None:
                if self._success:
                    self._success(result)
            elif isinstance(exc, Cancelled):
                pass
            elif self._failure:
                self._failure(exc)
            else:
                show_error(self._parent, exc)
        finally:
            self._announce()
            self.finished.emit(result, exc)

    def _waits_for_connection(self, exc: BaseException) -> bool:
        """A read that failed because the server's connection broke waits for it to come back
        and runs once more; a write is never run again (its transaction was rolled back: the
        failure says so and the dialog keeps its input). Either way the window is told."""
        if isinstance(exc, (Cancelled, DomainError)):
            return False
        from panelapp.gui.core.connection import current_watch

        watch = current_watch()
        if watch is None or not watch.noticed(exc):
            return False
        if self._write or self._retried or (self._parent is not None and not isValid(self._parent)):
            return False
        self._retried = True
        watch.retry_when_back(self._run_again, lambda: self._on_done(None, exc))
        return True

    def _run_again(self) -> None:
        if self._parent is not None and not isValid(self._parent):
            _RUNNING.discard(self)
            return
        read_pool().start(_Runnable(self))

    def _announce(self) -> None:
        from panelapp.gui.core.bus import current_bus

        bus = current_bus()
        # Only write ops announce: a read op is a page's own load, and a read that seeds
        # reference data (the default checklist) must not send its page round again.
        if self._write and bus is not None and self.changes:
            bus.announce(self.changes)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Domain errors are sentences for the user; anything else is a bug, logged in full."""
    if isinstance(exc, ConcurrencyError):
        QMessageBox.warning(parent, "다른 사용자가 먼저 수정했습니다", exc.message)
    elif isinstance(exc, DomainError):
        QMessageBox.warning(parent, "확인해 주세요", exc.message)
    elif (lost := _lost_sentence(exc)) is not None:  # the server restarted, the network dropped
        log.warning(
            "failure on a broken server connection: %s", getattr(exc, "__traceback_text__", repr(exc))
        )
        QMessageBox.warning(parent, "서버 연결이 끊겼습니다", lost)
    elif (sentence := _failure_sentence(exc)) is not None:  # a database or file failure: no SQL text
        log.warning("failure shown as a sentence: %s", getattr(exc, "__traceback_text__", repr(exc)))
        QMessageBox.warning(parent, "확인해 주세요", sentence)
    else:
        log.error("unexpected error: %s", getattr(exc, "__traceback_text__", repr(exc)))
        QMessageBox.critical(parent, "오류", f"예기치 않은 오류가 발생했습니다.\n{type(exc).__name__}: {exc}")


def _lost_sentence(exc: BaseException) -> str | None:
    from panelapp.services.errors import lost_connection_sentence

    return lost_connection_sentence(exc)


def _failure_sentence(exc: BaseException) -> str | None:
    from panelapp.domain.failures import os_error_sentence
    from panelapp.services.errors import database_error_sentence, lost_connection_sentence

    sentence = lost_connection_sentence(exc) or database_error_sentence(exc)
    if sentence is None and isinstance(exc, OSError):
        sentence = os_error_sentence(exc)
    return sentence
