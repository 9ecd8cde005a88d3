"""The dashboard's short tables of figures per department (부서별 답변 처리, 추진 현황): one
QTableWidget set up alike — the label column stretched, the figures fixed-width and
right-aligned, the 전체 row bold, one column red where a row is late, a placeholder row while
counted or when there is nothing — and as tall as its rows (up to MAX_ROWS_SHOWN)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from panelapp.gui.palette import live_brush

NUMBER_WIDTH = 118
MAX_ROWS_SHOWN = 10


def figures_table(labels: Sequence[str], name: str, clicked: Callable[[int, int], None]) -> QTableWidget:
    """A table with these header labels; `clicked(row, column)` on a click or Enter."""
    table = QTableWidget(0, len(labels))
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(list(labels))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(labels)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(column, NUMBER_WIDTH)
    table.cellClicked.connect(clicked)
    table.cellActivated.connect(clicked)
    return table


def show_placeholder(table: QTableWidget, text: str) -> None:
    """One row across every column ("집계 중…", or why there is nothing)."""
    table.setRowCount(1)
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    table.setItem(0, 0, item)
    table.setSpan(0, 0, 1, table.columnCount())
    fit_height(table)


def show_figures(
    table: QTableWidget,
    rows: Sequence[Any],
    alert_column: int,
    alert: Callable[[Any], bool],
    tip: Callable[[Any, int], str | None],
) -> None:
    """The rows (each with `cells()` and `total`): the label left, the figures right, the 전체
    row bold, `alert_column` red where `alert(row)`, each cell's tooltip `tip(row, column)`."""
    table.clearSpans()
    table.setRowCount(len(rows))
    red = live_brush("error")
    for r, row in enumerate(rows):
        for c, text in enumerate(row.cells()):
            item = QTableWidgetItem(text)
            item.setTextAlignment(
                Qt.AlignmentFlag.AlignVCenter
                | (Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight)
            )
            if row.total:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if c == alert_column and alert(row):
                item.setForeground(red)
            said = tip(row, c)
            if said:
                item.setToolTip(said)
            table.setItem(r, c, item)
    fit_height(table)


def fit_height(table: QTableWidget) -> None:
    shown = min(max(table.rowCount(), 1), MAX_ROWS_SHOWN)
    row = max(table.verticalHeader().defaultSectionSize(), 20)
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + shown * row + 2 * table.frameWidth() + 2)
