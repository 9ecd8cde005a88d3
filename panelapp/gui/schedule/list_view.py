"""The schedule as a filterable table: status, facility, team and a date range.

A cohort has at most a few hundred visits a year, so the page hands over all of them and
the filters narrow the rows here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.enums import InspectionStatus
from panelapp.gui.dates import from_date, to_date
from panelapp.gui.korean_calendar import setup_korean_date_edit
from panelapp.gui.schedule.blocks import STATUS_COLORS, WEEKDAYS, sunday_first

HEADERS = ["날짜", "시간", "시설", "담당 단", "조장", "단원", "상태", "사유·메모"]


class ScheduleList(QWidget):
    activated = Signal(int)
    selection_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.shown: list = []
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.status_combo = QComboBox()
        self.status_combo.addItem("모든 상태", None)
        for label, status in InspectionStatus.choices():
            self.status_combo.addItem(label, status)
        self.facility_combo = QComboBox()
        self.facility_combo.setMinimumContentsLength(12)
        self.team_combo = QComboBox()
        self.range_check = QCheckBox("기간")
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            setup_korean_date_edit(edit)
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.apply())
        self.range_check.toggled.connect(self._range_toggled)
        for combo in (self.status_combo, self.facility_combo, self.team_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply())
        for w in (
            QLabel("상태"),
            self.status_combo,
            QLabel("시설"),
            self.facility_combo,
            QLabel("단"),
            self.team_combo,
            self.range_check,
            self.from_edit,
            QLabel("~"),
            self.to_edit,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        col.addLayout(bar)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(lambda: self.selection_changed.emit(self.selected_id()))
        self.table.itemDoubleClicked.connect(lambda item: self.activated.emit(self.shown[item.row()].id))
        col.addWidget(self.table, 1)

    def _range_toggled(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        self.apply()

    def set_choices(self, facilities: list[tuple[int, str]], teams: list[tuple[int, str]]) -> None:
        for combo, everything, items in (
            (self.facility_combo, "모든 시설", facilities),
            (self.team_combo, "모든 단", teams),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for item_id, name in items:
                combo.addItem(name, item_id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    def set_range(self, first: dt.date, last: dt.date) -> None:
        """The date range offered when 기간 is ticked (the page passes the cohort's term);
        a period already chosen stays while 기간 is ticked."""
        if self.range_check.isChecked():
            return
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
        self.from_edit.setDate(from_date(first))
        self.to_edit.setDate(from_date(last))
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(False)

    def apply_filter(
        self, status: InspectionStatus | None = None, start: dt.date | None = None, end: dt.date | None = None
    ) -> None:
        """Only this status (None: all) within [start, end] when both are given; other filters off."""
        widgets = (
            self.status_combo,
            self.facility_combo,
            self.team_combo,
            self.range_check,
            self.from_edit,
            self.to_edit,
        )
        for w in widgets:
            w.blockSignals(True)
        self.status_combo.setCurrentIndex(0 if status is None else max(0, self.status_combo.findData(status)))
        self.facility_combo.setCurrentIndex(0)
        self.team_combo.setCurrentIndex(0)
        ranged = start is not None and end is not None
        self.range_check.setChecked(ranged)
        if ranged:
            self.from_edit.setDate(from_date(start))
            self.to_edit.setDate(from_date(end))
        for w in widgets:
            w.blockSignals(False)
        self._range_toggled(ranged)

    def set_inspections(self, rows: list) -> None:
        self.rows = rows
        self.apply()

    def matches(self, info) -> bool:
        status, facility, team = (
            self.status_combo.currentData(),
            self.facility_combo.currentData(),
            self.team_combo.currentData(),
        )
        if status is not None and info.status != status:
            return False
        if facility is not None and info.facility_id != facility:
            return False
        if team is not None and info.team_id != team:
            return False
        if self.range_check.isChecked():
            return to_date(self.from_edit.date()) <= info.scheduled_date <= to_date(self.to_edit.date())
        return True

    def apply(self) -> None:
        keep = self.selected_id()
        self.shown = [i for i in self.rows if self.matches(i)]
        self.table.setRowCount(len(self.shown))
        for r, info in enumerate(self.shown):
            day = info.scheduled_date
            date_text = f"{day:%Y-%m-%d}({WEEKDAYS[sunday_first(day)]})" + (
                f" {info.holiday}" if info.holiday else ""
            )
            note = info.status_reason or info.notes or ""
            values = [
                date_text,
                info.time_text,
                info.facility_name,
                info.team_name or "",
                info.lead_name or "",
                ", ".join(info.member_names),
                info.status.label,
                note,
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c in (1, 6):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == 6:
                    cell.setBackground(QColor(STATUS_COLORS[info.status][0]))
                self.table.setItem(r, c, cell)
        self.count_label.setText(
            f"{len(self.shown)}건"
            + (f" / 전체 {len(self.rows)}건" if len(self.shown) != len(self.rows) else "")
        )
        index = next((r for r, i in enumerate(self.shown) if i.id == keep), None)
        if index is not None:
            self.table.selectRow(index)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()].id if rows and rows[0].row() < len(self.shown) else None

    def select(self, inspection_id: int | None) -> None:
        index = next((r for r, i in enumerate(self.shown) if i.id == inspection_id), None)
        if index is not None:
            self.table.selectRow(index)
