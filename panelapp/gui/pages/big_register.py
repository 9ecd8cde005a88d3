"""RegisterView for lists of up to a million rows (발견사항, 개선제안, the schedule list).

RegisterView finds the selected id with the model's `row_of`, which builds an {id: position}
dict of every id: about 100 ms on the UI thread at a million findings, on every reload and every
selection change. Here the position is found with `list.index` on the page's own id list (C
speed, ~10 ms worst case) and the selected row is read by position, so nothing walks all ids
in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from panelapp.gui.pages.register_table import RegisterView


class BigRegister(RegisterView):
    _ids: list[Any] = []  # noqa: RUF012 - replaced, never mutated

    def set_ids(self, ids: Sequence[Any], empty_text: str, select: Any = None) -> None:
        """Show these ids; select `select`, else the row selected before, else the first."""
        keep = select if select is not None else self.selected_id()
        self._ids = ids if isinstance(ids, list) else list(ids)
        self.model.set_ids(ids)
        self.empty_label.setText(empty_text)
        self.setCurrentWidget(self.view if ids else self.empty_label)
        if ids:
            row = self.position(keep)
            self.select_row(row if row >= 0 else 0)

    def position(self, row_id: Any) -> int:
        if row_id is None:
            return -1
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def select_id(self, row_id: Any) -> bool:
        row = self.position(row_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def selected(self) -> Any:
        """The row object of the first selected row (its block fetched by id), or None."""
        if self.currentWidget() is not self.view:
            return None
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(min(index.row() for index in rows)) if rows else None
