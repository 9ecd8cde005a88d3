"""Hours and attendance rate of the rows just fetched, computed on a worker.

A block of 100 members is a primary-key lookup of a few ms, but their hours and rate read every
attendance row of theirs — scattered over millions of rows, 250–350 ms for a block not read
before. So an id-based model fetches its rows without them (fast, on the UI thread, as
IdTableModel does) and asks this helper for the stats: the columns show "…" until the worker's
answer arrives, then repaint.

    self.late = LateStats(self, page, lambda ids: block_stats(ctx, ids), columns=(7, 8))
    ... in fetch_rows:  rows = roster_rows(ctx, ids, stats=False); self.late.request(ids)
    ... in a column:    format_hours(st.hours) if (st := self.late.get(r.enrollment_id)) else PENDING
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

PENDING = "…"


class LateStats(QObject):
    arrived = Signal()  # a worker's answer is in (tests and benchmarks wait on it)

    def __init__(
        self,
        model,
        owner,
        fetch: Callable[[list[int]], dict[int, Any]],
        columns: Sequence[int],
    ) -> None:
        super().__init__(model)
        self._model = model
        self._owner = owner  # the widget the ops belong to (dropped with it)
        self._fetch = fetch
        self._columns = list(columns)
        self._values: dict[int, Any] = {}
        self._asked: set[int] = set()
        self._generation = 0
        self.running = 0

    def set_fetch(self, fetch: Callable[[list[int]], dict[int, Any]]) -> None:
        self._fetch = fetch
        self.clear()

    def get(self, row_id: int) -> Any | None:
        return self._values.get(row_id)

    def clear(self, ids: Iterable[int] | None = None) -> None:
        """Forget the stats (all, or these rows'): they are asked again when next painted."""
        if ids is None:
            self._generation += 1  # answers on their way are for the old data
            self._values.clear()
            self._asked.clear()
            return
        for rid in ids:
            self._values.pop(rid, None)
            self._asked.discard(rid)

    def request(self, ids: Iterable[int]) -> None:
        wanted = [i for i in ids if i not in self._asked and i not in self._values]
        if not wanted:
            return
        from panelapp.gui.core.ops import Op

        self._asked.update(wanted)
        generation, fetch = self._generation, self._fetch
        self.running += 1
        op = Op(self._owner, lambda _t: fetch(wanted))
        op.success(lambda result: self._got(generation, result)).failure(lambda _exc: None)
        op.finished.connect(self._done)
        op.run()

    def _done(self, *_args) -> None:
        self.running -= 1

    def _got(self, generation: int, result: dict[int, Any]) -> None:
        if generation != self._generation:
            return
        self._values.update(result)
        rows = [r for r in (self._model.row_of(i) for i in result) if r >= 0]
        if rows:
            for column in self._columns:
                self._model.dataChanged.emit(
                    self._model.index(min(rows), column), self._model.index(max(rows), column)
                )
        self.arrived.emit()
