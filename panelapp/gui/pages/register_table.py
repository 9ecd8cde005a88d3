"""The register list of the 시설·부서, 좋아요·아쉬워요, 소식 콘텐츠 and 휴지통 pages: an id-based
table (gui/models/id_table.py) with an empty-state text, the selection kept by id across
reloads, and header clicks turned into a new sort the page asks SQL for.

    register = RegisterView(IdTableModel(COLUMNS, fetch_rows), sort=("name", False))
    register.sort_changed.connect(page.refresh)
    register.set_ids(ids, EMPTY_TEXT)         # keeps the selected row when its id is still listed
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableView,
)

from panelapp.gui.core.buttons import WideButton
from panelapp.gui.models.id_table import IdTableModel, configure_view
from panelapp.gui.palette import live, set_tone

_STOPPED = live("inactive")


class RegisterView(QStackedWidget):
    activated = Signal(object)  # id of the row double-clicked
    selection_changed = Signal()
    sort_changed = Signal()  # a header was clicked: `sort_key`/`descending` say the new order

    def __init__(
        self,
        model: IdTableModel,
        sort: tuple[str, bool] | None = None,
        *,
        selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
    ) -> None:
        super().__init__()
        self.model = model
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setAccessibleName("목록")  # pages name it after what it lists (accessible_as)
        configure_view(self.view, model, sortable=sort is not None)
        self.view.setSelectionMode(selection)
        self.view.setStyleSheet("QTableView::item { padding: 0 6px; }")
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.sort_key: str | None = sort[0] if sort is not None else None
        self.descending = sort[1] if sort is not None else False
        if sort is not None:
            keys = [c.sort_key for c in model.columns]
            if self.sort_key in keys:
                order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
                self.view.horizontalHeader().setSortIndicator(keys.index(self.sort_key), order)
        else:
            self.view.horizontalHeader().setSortIndicatorShown(False)
        # connected after the indicator is set: only a user's header click asks for a new sort
        model.sortRequested.connect(self._on_sort)
        model.modelReset.connect(self.selection_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.selection_changed.emit())
        self.view.activated.connect(lambda index: self.activated.emit(model.id_at(index.row())))  # Enter too
        self.empty_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("font-size: 12pt;")
        set_tone(self.empty_label, "hint")
        self.addWidget(self.view)
        self.addWidget(self.empty_label)

    def _on_sort(self, key: str, descending: bool) -> None:
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.sort_changed.emit()

    # ----- ids and selection ---------------------------------------------------------------
    def set_ids(self, ids: Sequence[Any], empty_text: str, select: Any = None) -> None:
        """Show these ids; select `select`, else the row selected before, else the first."""
        keep = select if select is not None else self.selected_id()
        self.model.set_ids(ids)
        self.empty_label.setText(empty_text)
        self.setCurrentWidget(self.view if ids else self.empty_label)
        if ids:
            row = self.model.row_of(keep) if keep is not None else -1
            self.select_row(row if row >= 0 else 0)

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))

    def select_id(self, row_id: Any) -> bool:
        row = self.model.row_of(row_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def selected_ids(self) -> list[Any]:
        if self.currentWidget() is not self.view:
            return []
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    def selected_id(self) -> Any:
        ids = self.selected_ids()
        return ids[0] if ids else None

    def selected(self) -> Any:
        """The row object of the selection (fetched by id), or None."""
        row_id = self.selected_id()
        return None if row_id is None else self.model.row_by_id(row_id)

    def row_count(self) -> int:
        return self.model.rowCount()

    def cell(self, row: int, column: int) -> str:
        """The text shown at (row, column)."""
        return self.model.data(self.model.index(row, column)) or ""

    def refetch(self, ids: Any = None) -> None:
        """Repaint these rows (all when None) from the database; the order stays."""
        self.model.invalidate(ids)


def register_actions(page, add_text: str) -> QHBoxLayout:
    """The row under a register table: a count on the left, then 추가 / 수정 / 사용 중지 / 삭제
    wired to the page's add, edit_selected, toggle_selected and delete_selected."""
    row = QHBoxLayout()
    page.count_label = QLabel()
    row.addWidget(page.count_label)
    row.addStretch(1)
    page.add_button, page.edit_button = WideButton(add_text), WideButton("수정")
    page.toggle_button, page.delete_button = WideButton("사용 중지"), WideButton("삭제")
    for button, slot in (
        (page.add_button, page.add),
        (page.edit_button, page.edit_selected),
        (page.toggle_button, page.toggle_selected),
        (page.delete_button, page.delete_selected),
    ):
        button.clicked.connect(slot)
        row.addWidget(button)
    return row
