"""A small read-only register table with an empty-state text, shared by the 시설·부서 tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
)

_STOPPED = QColor("#8a8a8a")


class RegisterTable(QStackedWidget):
    activated = Signal(int)  # row double-clicked
    selection_changed = Signal()

    def __init__(self, headers: list[str], stretch: int, centered: tuple[int, ...] = ()):
        super().__init__()
        self.centered = centered
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setStyleSheet("QTableWidget::item { padding: 0 8px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.selection_changed)
        self.table.itemDoubleClicked.connect(lambda item: self.activated.emit(item.row()))
        self.empty_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #666; font-size: 12pt;")
        self.addWidget(self.table)
        self.addWidget(self.empty_label)

    def set_rows(
        self, rows: list[list[str]], stopped: list[bool], empty_text: str, select: int | None = None
    ) -> None:
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c in self.centered:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if stopped[r]:
                    cell.setForeground(_STOPPED)
                self.table.setItem(r, c, cell)
        self.empty_label.setText(empty_text)
        self.setCurrentWidget(self.table if rows else self.empty_label)
        if rows:
            self.table.selectRow(min(select or 0, len(rows) - 1))

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows and self.currentWidget() is self.table else None


def register_actions(page, add_text: str) -> QHBoxLayout:
    """The row under a register table: a count on the left, then 추가 / 수정 / 사용 중지 / 삭제
    wired to the page's add, edit_selected, toggle_selected and delete_selected."""
    row = QHBoxLayout()
    page.count_label = QLabel()
    row.addWidget(page.count_label)
    row.addStretch(1)
    page.add_button, page.edit_button = QPushButton(add_text), QPushButton("수정")
    page.toggle_button, page.delete_button = QPushButton("사용 중지"), QPushButton("삭제")
    for button, slot in (
        (page.add_button, page.add),
        (page.edit_button, page.edit_selected),
        (page.toggle_button, page.toggle_selected),
        (page.delete_button, page.delete_selected),
    ):
        button.clicked.connect(slot)
        button.setMinimumWidth(96)
        row.addWidget(button)
    return row
