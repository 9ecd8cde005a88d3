"""The lazy page base: stale on a relevant change, refreshed when shown, superseded loads dropped.

    class FindingsPage(Page):
        kinds = frozenset({Kind.FINDING, Kind.PROPOSAL, Kind.ATTACHMENT})

        def load(self):                       # UI thread: read the filters, return the work
            ctx, query = self.ctx, self.query()
            return lambda: finding_ids(ctx, query)   # worker thread: services only

        def apply(self, ids):                 # UI thread: put the result on the widgets
            self.model.set_ids(ids)

- A change whose kinds meet `kinds` (or a new cohort, when `follows_cohort`) marks the page stale.
  A visible page then refreshes on the next turn of the event loop (so a burst of announcements
  costs one load); a hidden page only remembers, and refreshes when it is shown.
- `refresh()` starts a load now. Each load has a generation number; the result of a load that a
  newer one superseded is dropped, so a slow old query never overwrites a newer answer.
- `loaded` is emitted after `apply` put a result on the widgets (tests and benchmarks wait on it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from panelapp.services.changes import Changes, Kind


class Page(QWidget):
    loaded = Signal()
    # A page that paints a first screen before its full list (발견사항, 개선제안: the newest 300
    # rows while a million ids are sorted) says so; benchmarks report both moments.
    first_shown = Signal()
    kinds: ClassVar[frozenset[Kind]] = frozenset()
    follows_cohort: ClassVar[bool] = True

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self._stale = True
        self._generation = 0
        self._running: int | None = None  # generation of the load in flight
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        window.bus.changes.connect(self._on_changes)
        if self.follows_cohort:
            window.cohort_changed.connect(lambda _cohort_id: self.mark_stale())

    # ----- what subclasses write ---------------------------------------------------------
    def load(self) -> Callable[[], Any] | None:
        """On the UI thread: read what the widgets ask for and return the work for the worker
        (services only, no widgets). None: nothing to load; `apply(None)` runs at once."""
        raise NotImplementedError

    def apply(self, result: Any) -> None:
        """On the UI thread: show the result of the newest load."""
        raise NotImplementedError

    def relevant(self, changes: Changes) -> bool:
        """Whether these changes make the page stale (override to look at ids)."""
        return changes.touches(self.kinds)

    def load_failed(self, exc: BaseException) -> None:
        from panelapp.gui.core.ops import show_error

        show_error(self, exc)

    # ----- the machinery -----------------------------------------------------------------
    @property
    def ctx(self):
        return self.window_.ctx

    @property
    def is_stale(self) -> bool:
        return self._stale

    @property
    def is_loading(self) -> bool:
        return self._running is not None

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def _on_changes(self, changes: Changes) -> None:
        if self.relevant(changes):
            self.mark_stale()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale and not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Load now (a filter changed, the user asked); a hidden page waits until shown."""
        self._timer.stop()
        if not self.isVisible() or self.ctx is None:
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        work = self.load()
        if work is None:
            self._running = None
            self._finish(generation, None)
            return
        from panelapp.gui.core.ops import Op

        self._running = generation
        Op(self, lambda _token: work()).success(lambda result: self._finish(generation, result)).failure(
            lambda exc: self._failed(generation, exc)
        ).run()

    def _finish(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        self._running = None
        self.apply(result)
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._running = None
        self._stale = True  # try again when next shown
        self.load_failed(exc)
