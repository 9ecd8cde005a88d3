"""Runs inside the measured GUI process: the real `panelapp` start-up, then what a user does.

    python -m benchmarks.scale.probe app --db TARGET [--tasks page:roster,search:화장,...]
    python -m benchmarks.scale.probe bare

`app` starts the application through its own command (`panelapp.cli.main`, so app.py builds
the QApplication, fonts and translators as it always does) after wrapping MainWindow.__init__
to attach the instruments: a 10 ms heartbeat QTimer (the longest gap between two ticks is the
longest UI-thread block), a one-shot event filter for the window's first paint, and message
boxes replaced by a recorder (an error shown to the user is recorded as the task's failure
instead of waiting for a click). Each result is one line `PROBE {json}` on stdout, printed as
soon as it is known, so the parent keeps what was measured even if this process dies.

Times: process start is the parent's time.time() just before it started us (PANELAPP_SCALE_T0);
every other figure is time.perf_counter() within this process.

"Data shown" for a page, dialog or table: if the widget has a `loaded` Qt signal (the lazy
Page base, gui/core/page.py), the first emission after the action, then one processEvents
for the paint. Otherwise, and also when `loaded` is not coming (the page already had its data):
the moment none of the widget's own ops (Ops whose parent is it or one of its children, from
gui/core/ops._RUNNING) is in flight, the event queue has drained and one more processEvents
has painted — and that stays so for QUIET seconds (a debounce timer or a deferred refresh
would start an op within it). Ops of other pages and background warm-ups do not count as the
page's data, but they are listed with each result ("ops") with the bus announcements and
cohort changes seen. Calibration tasks wait for everything: no op, both thread pools idle.
For the search dialog the shown results must also differ from what was there before.
"""

from __future__ import annotations

import json
import os
import sys
import time

T0_ENV = "PANELAPP_SCALE_T0"
HEARTBEAT_MS = 10
POLL_MS = 2
QUIET_S = float(os.environ.get("PANELAPP_SCALE_QUIET", "0.4"))
SETTLE_S = float(os.environ.get("PANELAPP_SCALE_SETTLE", "0.3"))
BLOCK_SAMPLE_S = 0.08  # a heartbeat this late counts as a block worth locating
TASK_TIMEOUT_S = float(os.environ.get("PANELAPP_SCALE_TIMEOUT", "60"))
STARTUP_TIMEOUT_S = float(os.environ.get("PANELAPP_SCALE_STARTUP_TIMEOUT", "300"))


def emit(kind: str, **data) -> None:
    print("PROBE " + json.dumps({"kind": kind, **data}, ensure_ascii=False, default=str), flush=True)


def since_start() -> float:
    """Seconds since the parent started this process."""
    return time.time() - float(os.environ[T0_ENV])


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MB."""
    import resource

    current = 0.0
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    current = int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return round(current, 1), round(peak, 1)


class Probe:
    """The instruments; made once the QApplication exists (in MainWindow.__init__)."""

    def __init__(self, app) -> None:
        from PySide6.QtCore import QObject, Qt, QTimer

        self.app = app
        self.ticks: list[float] = []
        self.errors: list[str] = []
        self.first_paint: float | None = None  # since process start
        self._painted_widget = None
        beat = QTimer()
        beat.setTimerType(Qt.TimerType.PreciseTimer)
        beat.setInterval(HEARTBEAT_MS)
        beat.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        beat.start()
        self._beat = beat
        self.block_samples: list[tuple[float, str]] = []  # (when, where the UI thread was)
        self._start_sampler()
        probe = self

        class FirstPaint(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt API
                from PySide6.QtCore import QEvent

                if event.type() == QEvent.Type.Paint and obj is probe._painted_widget:
                    probe.first_paint = since_start()
                    probe.app.removeEventFilter(self)
                return False

        self._filter = FirstPaint()
        self._patch_message_boxes()
        self._patch_excepthook()
        self.ops: list[list] = []  # [started, finished or None, who]
        self._patch_ops()

    # ----- instruments ----------------------------------------------------------------------
    def watch_first_paint(self, widget) -> None:
        self._painted_widget = widget
        self.app.installEventFilter(self._filter)

    def _start_sampler(self) -> None:
        """A thread that looks at the UI thread's stack whenever the heartbeat is late, so a
        long block can be told apart by where it happened (the app's own frames)."""
        import threading

        main = threading.main_thread().ident

        def sample() -> None:
            while True:
                time.sleep(0.025)
                ticks = self.ticks
                if ticks and time.perf_counter() - ticks[-1] > BLOCK_SAMPLE_S:
                    frame = sys._current_frames().get(main)
                    where = _own_frames(frame) if frame is not None else ""
                    self.block_samples.append((time.perf_counter(), where or "(Qt or library code)"))

        threading.Thread(target=sample, name="block-sampler", daemon=True).start()

    def longest_block_at(self, start: float, end: float) -> str | None:
        """Where the UI thread was during the longest heartbeat gap in [start, end]."""
        ticks, best = self.ticks, (0.0, None, None)
        for i in range(len(ticks) - 1, 0, -1):
            if ticks[i] < start:
                break
            if ticks[i - 1] < end and ticks[i] - ticks[i - 1] > best[0]:
                best = (ticks[i] - ticks[i - 1], ticks[i - 1], ticks[i])
        if best[1] is None or best[0] < BLOCK_SAMPLE_S:
            return None
        seen: dict[str, int] = {}
        for when, where in self.block_samples:
            if best[1] <= when <= best[2]:
                seen[where] = seen.get(where, 0) + 1
        return max(seen, key=seen.get) if seen else None

    def max_block_ms(self, start: float, end: float) -> float:
        """The longest gap between heartbeat ticks overlapping [start, end] (perf_counter)."""
        ticks, worst = self.ticks, 0.0
        for i in range(len(ticks) - 1, 0, -1):
            if ticks[i] < start:
                break
            if ticks[i - 1] < end:
                worst = max(worst, ticks[i] - ticks[i - 1])
        # A block still going on at `end` has no closing tick yet.
        if ticks and ticks[-1] < end:
            worst = max(worst, end - max(ticks[-1], start))
        return round(worst * 1000, 1)

    def _record(self, text: str) -> None:
        self.errors.append(text.strip()[-2000:])

    def _patch_message_boxes(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        probe = self
        Button = QMessageBox.StandardButton

        def static(level, answer):
            def shown(parent, title, text, *args, **kwargs):
                probe._record(f"{level} {title}: {text}")
                return answer

            return staticmethod(shown)

        QMessageBox.critical = static("오류창", Button.Ok)
        QMessageBox.warning = static("경고창", Button.Ok)
        QMessageBox.information = static("안내창", Button.Ok)
        QMessageBox.question = static("질문창", Button.No)

        def exec_(box, *args):
            probe._record(f"메시지 {box.windowTitle()}: {box.text()} {box.informativeText()}")
            return int(Button.Cancel.value)

        QMessageBox.exec = exec_

    def _patch_ops(self) -> None:
        """Note every Op started (who asked, which function) and when it finished, for the report."""
        from panelapp.gui.core import ops

        op_class = getattr(ops, "Op", None)
        original = getattr(op_class, "run", None)
        if original is None:
            return
        probe = self

        def run(op, *args, **kwargs):
            parent = getattr(op, "_parent", None)
            fn = getattr(op, "_fn", None)
            who = f"{type(parent).__name__}.{getattr(fn, '__qualname__', '?').split('.<locals>')[0].split('.')[-1]}"
            entry = [time.perf_counter(), None, who]
            probe.ops.append(entry)
            finished = getattr(op, "finished", None)
            if finished is not None:
                finished.connect(lambda *_a: entry.__setitem__(1, time.perf_counter()))
            return original(op, *args, **kwargs)

        op_class.run = run

    def ops_between(self, start: float, end: float) -> list[str]:
        """The ops that ran during [start, end], with how long each took (ms)."""
        out = []
        for began, ended, who in self.ops:
            if began <= end and (ended is None or ended >= start):
                if who.startswith(("bus:", "cohort_changed")):
                    out.append(who)
                    continue
                took = "running" if ended is None else f"{(ended - began) * 1000:.0f} ms"
                out.append(f"{who} {took}")
        return out

    def _patch_excepthook(self) -> None:
        import traceback

        previous = sys.excepthook

        def hook(kind, value, tb):
            self._record("".join(traceback.format_exception(kind, value, tb)))
            previous(kind, value, tb)

        sys.excepthook = hook

        import logging

        class Errors(logging.Handler):
            def emit(handler, record):  # noqa: N805 - the probe is `self`
                self._record(record.getMessage())

        logging.getLogger("panelapp").addHandler(Errors(level=logging.ERROR))

    # ----- waiting ------------------------------------------------------------------------
    def idle(self, target=None) -> bool:
        """No op of `target` (its own or its child widgets') in flight; with no target: nothing
        running at all (no op, the write pool and the global thread pool idle)."""
        from PySide6.QtCore import QThreadPool

        from panelapp.gui.core import ops

        running = getattr(ops, "_RUNNING", None) or ()
        if target is not None:
            return not any(_belongs(getattr(op, "_parent", None), target) for op in list(running))
        if running or QThreadPool.globalInstance().activeThreadCount():
            return False
        pool = getattr(ops, "_WRITE_POOL", None)
        return not (pool is not None and pool.activeThreadCount())

    def wait_shown(self, target, start: float, changed=None, timeout: float = TASK_TIMEOUT_S) -> dict:
        """Wait until `target` shows its data (see the module docstring); times from `start`."""
        from PySide6.QtCore import QEventLoop, QTimer

        state = {
            "first": None,  # a first screen painted before the full list (the page's first_shown)
            "loaded": None,
            "candidate": None,
            "done": None,
            "timeout": False,
            "via": "idle",
            "busy": None,
        }
        first = loaded_signal(target, "first_shown")
        if first is not None:

            def first_slot() -> None:
                if state["first"] is None:
                    self.app.processEvents()  # its paint
                    state["first"] = time.perf_counter()

            first.connect(first_slot)
        signal = loaded_signal(target)
        if signal is not None:
            slot = lambda: state.__setitem__("loaded", state["loaded"] or time.perf_counter())  # noqa: E731
            signal.connect(slot)
        loop = QEventLoop()

        def check():
            now = time.perf_counter()
            if state["loaded"] is not None:
                self.app.processEvents()
                state["done"], state["via"] = time.perf_counter(), "loaded"
            elif now - start > timeout:
                state["done"], state["timeout"] = now, True
            elif self.idle(target) and (changed is None or changed()):
                if state["candidate"] is None:
                    self.app.processEvents()  # the paint of what the last callback put there
                    state["candidate"] = time.perf_counter()
                elif now - state["candidate"] >= QUIET_S:
                    state["done"] = state["candidate"]
            else:
                state["candidate"] = None
                if state["busy"] is None and not self.idle(target):
                    state["busy"] = now  # the first moment work was seen running
            if state["done"] is not None:
                loop.quit()

        poll = QTimer()
        poll.setInterval(POLL_MS)
        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()
        if signal is not None:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        if first is not None:
            try:
                first.disconnect(first_slot)
            except (RuntimeError, TypeError):
                pass
        done, busy = state["done"], state["busy"]
        extra = {"stuck_at": running_frames()} if state["timeout"] else {}
        if state["first"] is not None and state["first"] <= done:
            extra["first_rows_ms"] = round((state["first"] - start) * 1000, 1)
        extra["ops"] = self.ops_between(start, done)
        block_at = self.longest_block_at(start, done)
        if block_at:
            extra["block_at"] = block_at
        return {
            **extra,
            "data_ms": round((done - start) * 1000, 1),
            "max_block_ms": self.max_block_ms(start, done),
            # From the first Op seen running (after a debounce timer, say) to the data shown.
            "work_ms": round((done - busy) * 1000, 1) if busy is not None and busy <= done else None,
            "via": state["via"],
            "timeout": state["timeout"],
        }

    def settle(self, seconds: float = 0.3) -> None:
        """Let the event loop run (no measurement) so one task's tail does not reach the next."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()


def _belongs(widget, target) -> bool:
    from shiboken6 import isValid

    if widget is None or not isValid(widget) or not isValid(target):
        return False
    return widget is target or (hasattr(target, "isAncestorOf") and target.isAncestorOf(widget))


def _own_frames(frame, frames: int = 4) -> str:
    """The innermost frames of the app's own code in a stack, "module:line function" each."""
    import traceback
    from pathlib import Path

    import panelapp

    package = str(Path(panelapp.__file__).resolve().parent) + "/"
    own = [f for f in reversed(traceback.extract_stack(frame)) if f.filename.startswith(package)]
    return " < ".join(f"{f.filename[len(package) :]}:{f.lineno} {f.name}" for f in own[:frames])


def running_frames(frames: int = 4) -> str:
    """Where each thread is in the app's own code (for a task that timed out)."""
    import threading

    main = threading.main_thread().ident
    out = []
    for ident, frame in sys._current_frames().items():
        where = _own_frames(frame, frames)
        if where:
            out.append(("UI thread" if ident == main else "worker") + " at " + where)
    return "; ".join(sorted(out, key=lambda s: not s.startswith("UI")))


def loaded_signal(widget, name: str = "loaded"):
    """The widget's `loaded` (or `name`) Qt signal, if its class declares one (a bool attribute
    is not)."""
    from PySide6.QtCore import Signal

    if widget is None or not isinstance(getattr(type(widget), name, None), Signal):
        return None
    return getattr(widget, name)


# ----- tasks ---------------------------------------------------------------------------------
class Driver:
    def __init__(self, probe: Probe, window, tasks: list[str], mode: str) -> None:
        self.probe, self.window, self.tasks, self.mode = probe, window, tasks, mode
        self.search_dialog = None

    def on_opened(self) -> None:
        from PySide6.QtCore import QTimer

        self.opened = time.perf_counter()
        self.opened_since_start = since_start()
        QTimer.singleShot(0, self.after_open)

    def after_open(self) -> None:
        page = self.window.stack.currentWidget()
        errors_before = len(self.probe.errors)
        result = self.probe.wait_shown(page, self.opened, timeout=STARTUP_TIMEOUT_S)
        shown_at = self.opened + result["data_ms"] / 1000
        first_data = self.opened_since_start + result["data_ms"] / 1000
        window_painted = self.probe.first_paint
        emit(
            "startup",
            page=self.current_key(),
            window_ms=round(window_painted * 1000, 1) if window_painted else None,
            opened_ms=round(self.opened_since_start * 1000, 1),
            first_data_ms=round(first_data * 1000, 1),
            # From the first heartbeat after the window was shown to the first data painted.
            max_block_ms=self.probe.max_block_ms(
                self.probe.ticks[0] if self.probe.ticks else shown_at, shown_at
            ),
            via=result["via"],
            timeout=result["timeout"],
            stuck_at=result.get("stuck_at"),
            block_at=self.probe.longest_block_at(
                self.probe.ticks[0] if self.probe.ticks else shown_at, shown_at
            ),
            errors=self.probe.errors[errors_before:],
            rss_mb=rss_mb()[0],
        )
        if self.mode == "startup":
            os._exit(0)
        self.probe.settle(1.0)
        for task in self.tasks:
            if task == "sort:*":  # one task per roster column, known only here
                _page, view = self._roster()
                header = view.horizontalHeader()
                columns = [f"sort:{i}" for i in range(header.count()) if not header.isSectionHidden(i)]
                emit("expand", task=task, tasks=columns)
                for column in columns:
                    self.run_task(column)
            else:
                self.run_task(task)
        current, peak = rss_mb()
        emit("end", rss_mb=current, peak_rss_mb=peak)
        sys.stdout.flush()
        os._exit(0)

    def current_key(self) -> str | None:
        page = self.window.stack.currentWidget()
        return next((k for k, p in getattr(self.window, "pages", {}).items() if p is page), None)

    def run_task(self, task: str) -> None:
        emit("begin", task=task)
        errors_before = len(self.probe.errors)
        kind, _sep, arg = task.partition(":")
        try:
            result = getattr(self, f"task_{kind}")(arg)
        except Exception as exc:  # noqa: BLE001 - a task that raises is recorded, the next one runs
            import traceback

            result = {"error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()[-2000:]}
        errors = self.probe.errors[errors_before:]
        if errors:
            result["errors"] = errors
        result["rss_mb"] = rss_mb()[0]
        emit("result", task=task, **result)
        if result.get("timeout"):
            sys.stdout.flush()
            os._exit(3)  # whatever still runs would spoil the next task: the parent starts afresh
        self.probe.settle(SETTLE_S)

    # Each task returns {"data_ms", "max_block_ms", ...}.
    def task_page(self, key: str) -> dict:
        w = self.window
        if self.current_key() == key:  # shown at start-up: come back to it from another page
            from panelapp.gui.mainwindow import PAGES

            other = next(k for k, _label, _target in PAGES if k != key)
            w.show_page(other)
            self.probe.wait_shown(w.stack.currentWidget(), time.perf_counter())
            self.probe.settle()
        start = time.perf_counter()
        w.show_page(key)
        page = w.stack.currentWidget()
        result = self.probe.wait_shown(page, start)
        result["page"] = type(page).__name__
        return result

    def task_sort(self, column: str) -> dict:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        page, view = self._roster()
        header = view.horizontalHeader()
        i = int(column)
        view.horizontalScrollBar().setValue(header.sectionPosition(i))
        self.probe.app.processEvents()
        x = header.sectionViewportPosition(i) + header.sectionSize(i) // 2
        label = view.model().headerData(i, Qt.Orientation.Horizontal)
        start = time.perf_counter()
        QTest.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QPoint(x, header.height() // 2),
        )
        result = self.probe.wait_shown(page, start)
        result["column"] = str(label)
        result["rows"] = view.model().rowCount()
        return result

    def task_scroll(self, where: str) -> dict:
        page, view = self._roster()
        start = time.perf_counter()
        view.scrollToBottom() if where == "end" else view.scrollToTop()
        result = self.probe.wait_shown(None, start)
        bar = view.verticalScrollBar()
        result["at"] = f"{bar.value()}/{bar.maximum()}"
        return result

    def _roster(self):
        from PySide6.QtWidgets import QTableView

        w = self.window
        if self.current_key() != "roster":
            w.show_page("roster")
            self.probe.wait_shown(w.stack.currentWidget(), time.perf_counter())
        page = w.stack.currentWidget()
        view = getattr(page, "view", None) or page.findChild(QTableView)
        return page, view

    def task_search(self, query: str) -> dict:
        from PySide6.QtWidgets import QLineEdit

        if self.search_dialog is None:
            action = getattr(self.window, "search_action", None)
            if action is not None:
                action.trigger()
                self.search_dialog = self._newest_dialog("SearchDialog")
            if self.search_dialog is None:
                self.search_dialog = self.window.open_search()
            self.probe.settle()
        dialog = self.search_dialog
        edit = getattr(getattr(dialog, "ui", None), "searchEdit", None) or dialog.findChild(QLineEdit)
        before = signature(dialog)
        start = time.perf_counter()
        edit.setText(query)
        result = self.probe.wait_shown(dialog, start, changed=lambda: signature(dialog) != before)
        result["hits"] = len(getattr(dialog, "hits", []) or [])
        return result

    def _newest_dialog(self, class_name: str):
        from PySide6.QtWidgets import QApplication

        found = [
            w for w in QApplication.topLevelWidgets() if type(w).__name__ == class_name and w.isVisible()
        ]
        return found[-1] if found else None

    def task_report(self, _arg: str) -> dict:
        w = self.window
        page = w.pages.get("reports") if hasattr(w, "pages") else None
        start = time.perf_counter()
        if page is not None and hasattr(page, "make_report"):
            dialog = page.make_report()
        else:
            from panelapp.gui.dialogs.report_dialog import ReportDialog

            dialog = ReportDialog(w, w.current_cohort_id)
            dialog.open()
        result = self.probe.wait_shown(dialog, start)
        dialog.reject()
        return result

    # Calibration: a known UI-thread block, and known work off the UI thread.
    def task_block(self, ms: str) -> dict:
        start = time.perf_counter()
        time.sleep(int(ms) / 1000)
        return self.probe.wait_shown(None, start)

    def task_work(self, ms: str) -> dict:
        from panelapp.gui.core.ops import Op

        start = time.perf_counter()
        Op(self.window, lambda _token: time.sleep(int(ms) / 1000)).run()
        return self.probe.wait_shown(None, start)

    def task_rss(self, _arg: str) -> dict:
        current, peak = rss_mb()
        return {"data_ms": 0.0, "max_block_ms": 0.0, "current_mb": current, "peak_mb": peak}


def signature(widget) -> tuple:
    """What a dialog shows: its labels' texts and how many rows its item views hold."""
    from PySide6.QtWidgets import QAbstractItemView, QLabel

    labels = tuple(label.text() for label in widget.findChildren(QLabel))
    counts = []
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        rows = model.rowCount()
        counts.append(rows + sum(model.rowCount(model.index(r, 0)) for r in range(min(rows, 20))))
    return labels, tuple(counts)


# ----- entry points --------------------------------------------------------------------------
def run_app(db: str, tasks: list[str], mode: str) -> int:
    import panelapp.gui.mainwindow as mainwindow

    original = mainwindow.MainWindow.__init__

    def init(window, *args, **kwargs):
        from PySide6.QtWidgets import QApplication

        original(window, *args, **kwargs)
        probe = Probe(QApplication.instance())
        probe.watch_first_paint(window)
        driver = Driver(probe, window, tasks, mode)
        bus = getattr(window, "bus", None)
        if bus is not None and hasattr(bus, "changed"):  # announcements, noted beside the ops
            bus.changed.connect(
                lambda kind, _ids: probe.ops.append([time.perf_counter()] * 2 + [f"bus:{kind}"])
            )
        window.cohort_changed.connect(
            lambda _c: probe.ops.append([time.perf_counter()] * 2 + ["cohort_changed"])
        )
        window.database_opened.connect(driver.on_opened)
        window._bench_probe = (probe, driver)  # kept alive with the window

    mainwindow.MainWindow.__init__ = init
    from panelapp.cli import main

    return main(["--db", db])


def run_bare() -> int:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(["bare"])
    window = QMainWindow()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and obj is window:
                emit("bare", window_ms=round(since_start() * 1000, 1))
                os._exit(0)
            return False

    f = FirstPaint()
    app.installEventFilter(f)
    window.resize(1280, 800)
    window.show()
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale.probe")
    parser.add_argument("mode", choices=("bare", "startup", "app"))
    parser.add_argument("--db")
    parser.add_argument(
        "--tasks",
        default="",
        help="comma-separated: page:KEY, sort:N or sort:*, scroll:end|top, search:Q, report:, rss:, "
        "block:MS (UI thread busy MS), work:MS (an Op sleeping MS)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault(T0_ENV, repr(time.time()))
    import faulthandler
    import signal

    # The parent sends SIGUSR1 before killing a silent child: every thread's stack goes to
    # stderr, so the report says where the UI thread was stuck.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    faulthandler.enable(all_threads=True)  # a crash (SIGSEGV, SIGABRT) leaves its stacks in the report
    if args.mode == "bare":
        return run_bare()
    tasks = [t for t in args.tasks.split(",") if t]
    return run_app(args.db, tasks, "startup" if args.mode == "startup" else "pages")


if __name__ == "__main__":
    sys.exit(main())
