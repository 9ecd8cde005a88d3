"""One table model for every list that can grow (after Anki's browser table).

The model holds the ordered ids that a service computed with the filter and sort in SQL, and
asks for the rows about to be painted, by id, a block at a time; so 1,000,000 findings cost one
id list and a few blocks of rows. Columns are declared once:

    COLUMNS = [
        Column("날짜", "date", lambda f: f"{f.observed_on:%Y-%m-%d}", width=96, align=CENTER),
        Column("제목", "title", lambda f: f.title, stretch=True),
        Column("처리", None, check=lambda f: f.handled),     # a checkbox, not sortable
    ]
    model = IdTableModel(COLUMNS, lambda ids: finding_rows(ctx, ids))
    model.set_ids(finding_ids(ctx, query))
    configure_view(table_view, model)

A header click emits `sortRequested(key, descending)`; the page re-queries the ids in that order.
A checkbox click emits `checkToggled(id, column key, checked)`; the page runs the write op.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from panelapp.gui.palette import live

BLOCK = 100
MAX_BLOCKS = 40  # ~4,000 rows kept; scrolling back refetches (a block costs a few ms)

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
GREY = live("inactive")
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    header: str
    sort_key: str | None  # what `sortRequested` names; None: not sortable
    text: Callable[[Any], str] | None = None
    width: int = 120  # initial width in pixels (no ResizeToContents on big tables)
    align: Any = LEFT
    stretch: bool = False  # takes the remaining width
    foreground: Callable[[Any], QColor | None] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    check: Callable[[Any], bool] | None = None  # a checkbox column: checked state of the row


class IdTableModel(QAbstractTableModel):
    sortRequested = Signal(str, bool)  # sort key, descending
    checkToggled = Signal(int, str, bool)  # row id, column sort key (or header), checked

    def __init__(
        self,
        columns: Sequence[Column],
        fetch_rows: Callable[[list[int]], Iterable[Any]],
        row_id: Callable[[Any], int] = lambda row: row.id,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch_rows = fetch_rows
        self._row_id = row_id
        self._ids: list[int] = []
        self._positions: dict[int, int] | None = None
        self._blocks: OrderedDict[int, dict[int, Any]] = OrderedDict()
        self.row_foreground: Callable[[Any], QColor | None] | None = None  # whole-row colour
        self.fetch_count = 0  # blocks fetched: tests and benchmarks read it

    # ----- ids and rows --------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._positions = None
        self._blocks.clear()
        self.endResetModel()

    def set_fetch(self, fetch_rows: Callable[[list[int]], Iterable[Any]]) -> None:
        self._fetch_rows = fetch_rows

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: int) -> int:
        if self._positions is None:
            self._positions = {i: n for n, i in enumerate(self._ids)}
        return self._positions.get(row_id, -1)

    def row_at(self, row: int) -> Any:
        """The row object at this position (fetching its block), or None if it vanished."""
        rid = self.id_at(row)
        if rid is None:
            return None
        block = row // BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            chunk = self._ids[block * BLOCK : (block + 1) * BLOCK]
            cached = {self._row_id(r): r for r in self._fetch_rows(chunk)}
            self.fetch_count += 1
            self._blocks[block] = cached
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return cached.get(rid)

    def row_by_id(self, row_id: int) -> Any:
        pos = self.row_of(row_id)
        return None if pos < 0 else self.row_at(pos)

    def invalidate(self, ids: Iterable[int] | None = None) -> None:
        """Refetch rows (all, or those with these ids) when next painted; the order stays."""
        if not self._ids:
            return
        if ids is None:
            self._blocks.clear()
        else:
            for rid in ids:
                pos = self.row_of(rid)
                if pos >= 0:
                    self._blocks.pop(pos // BLOCK, None)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    # ----- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()].check is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.CheckStateRole,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row) if column.text is not None else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.foreground(row) if column.foreground is not None else None
            if colour is None and self.row_foreground is not None:
                colour = self.row_foreground(row)
            return colour
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        if column.check is not None:
            return Qt.CheckState.Checked if column.check(row) else Qt.CheckState.Unchecked
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        column = self.columns[index.column()] if index.isValid() else None
        if column is None or column.check is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        rid = self.id_at(index.row())
        if rid is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.checkToggled.emit(rid, column.sort_key or column.header, checked)
        return True  # the page's write op announces the change; the row is refetched then

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key
        if key is not None:
            self.sortRequested.emit(key, order == Qt.SortOrder.DescendingOrder)


def configure_view(view: QTableView, model: IdTableModel, *, sortable: bool = True) -> None:
    """A big-table view: fixed-height rows, column widths from the declaration (never measured
    over the rows), whole-row selection, sorting through the model (that is, in SQL)."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    for n, column in enumerate(model.columns):
        header.resizeSection(n, column.width)
        if column.stretch:
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
    if sortable:
        view.setSortingEnabled(True)
        header.setSortIndicatorShown(True)
