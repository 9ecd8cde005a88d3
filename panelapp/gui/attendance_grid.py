"""The attendance of one event: a check box per member, unsaved ticks kept apart until saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from panelapp.domain.enums import EnrollmentStatus
from panelapp.domain.formatting import format_hours, format_rate

COLUMNS = ("출석", "이름", "단", "역할", "상태", "누적 시간", "출석 횟수", "출석률", "비고")
NOTE = len(COLUMNS) - 1
CHANGED = QBrush(QColor("#fff4cc"))
MUTED = QBrush(QColor("#8a94a0"))


def status_text(row) -> str:
    if row.status == EnrollmentStatus.ACTIVE or row.left_on is None:
        return row.status.label
    return f"{row.status.label} ({row.left_on:%m-%d})"


class AttendanceGrid(QTableWidget):
    """Rows are the sheet's members; `pending` holds ticks that differ from what is saved."""

    pending_changed = Signal(int)  # number of unsaved changes

    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setStyleSheet("QTableWidget::item { padding: 0 8px; }")
        self.sheet = None
        self.shown_event = None
        self.pending: dict[int, bool] = {}
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)
        self.cellDoubleClicked.connect(self._toggle_row)

    # ----- content -------------------------------------------------------------------------
    def show_event(self, sheet, event, keep_pending: bool = False) -> None:
        """Show `event` of `sheet` (None: nothing selected). Pending ticks survive a reload."""
        old = self.pending if keep_pending else {}
        self.sheet, self.shown_event = sheet, event
        rows = sheet.rows if sheet is not None and event is not None else ()
        self.pending = {
            eid: v
            for eid, v in old.items()
            if any(
                r.enrollment_id == eid and sheet.can_record(r, event) and (event.id in r.present) != v
                for r in rows
            )
        }
        self._filling = True
        self.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self._fill_row(i, row)
        self._filling = False
        self.pending_changed.emit(len(self.pending))

    def _fill_row(self, i: int, row) -> None:
        check = QTableWidgetItem()
        check.setData(Qt.ItemDataRole.UserRole, row.enrollment_id)
        recordable = self.sheet.can_record(row, self.shown_event)
        flags = Qt.ItemFlag.ItemIsSelectable
        if recordable:
            flags |= Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        check.setFlags(flags)
        state = self.pending.get(row.enrollment_id, self.shown_event.id in row.present)
        check.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        if not recordable:
            check.setToolTip(self._why_not(row)[1])
        cells = [
            check,
            QTableWidgetItem(row.name),
            QTableWidgetItem(row.team_name or "—"),
            QTableWidgetItem(row.role.label),
            QTableWidgetItem(status_text(row)),
            QTableWidgetItem(format_hours(row.hours)),
            QTableWidgetItem(f"{row.attended} / {row.held}"),
            QTableWidgetItem(format_rate(row.rate)),
            QTableWidgetItem(),
        ]
        for c, item in enumerate(cells):
            if c:
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            if 5 <= c < NOTE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not recordable:
                item.setForeground(MUTED)
            self.setItem(i, c, item)
        self._mark(i, row.enrollment_id in self.pending)

    def _why_not(self, row) -> tuple[str, str]:
        """(short note for the 비고 column, full sentence for the tooltip)."""
        if self.shown_event.read_only:
            return "점검에서 관리", "점검 행사의 출석은 점검 일정에서 관리합니다."
        if self.shown_event.id not in row.eligible:
            return "활동 기간 아님", f"이 행사 날짜에는 활동 기간이 아닙니다({row.joined_on:%Y-%m-%d}부터" + (
                f" {row.left_on:%Y-%m-%d}까지)." if row.left_on else ")."
            )
        return "예정 행사", "아직 열리지 않은 행사입니다. 행사 당일부터 출석을 기록할 수 있습니다."

    def _mark(self, i: int, changed: bool) -> None:
        font = QFont(self.font())
        font.setBold(changed)
        row = self.sheet.rows[i]
        note = (
            "저장 전 변경"
            if changed
            else ""
            if self.sheet.can_record(row, self.shown_event)
            else self._why_not(row)[0]
        )
        self.item(i, NOTE).setText(note)
        for c in range(self.columnCount()):
            item = self.item(i, c)
            item.setBackground(CHANGED if changed else QBrush())
            if c == 1:
                item.setFont(font)

    # ----- editing -------------------------------------------------------------------------
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        eid = item.data(Qt.ItemDataRole.UserRole)
        row = self.sheet.rows[item.row()]
        value = item.checkState() == Qt.CheckState.Checked
        if value == (self.shown_event.id in row.present):
            self.pending.pop(eid, None)
        else:
            self.pending[eid] = value
        self._filling = True
        self._mark(item.row(), eid in self.pending)
        self._filling = False
        self.pending_changed.emit(len(self.pending))

    def _toggle_row(self, i: int, column: int) -> None:
        item = self.item(i, 0)
        if column and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def set_all(self, present: bool) -> None:
        """Tick (or clear) every member who can be recorded; still unsaved until 저장."""
        for i in range(self.rowCount()):
            item = self.item(i, 0)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)

    def recordable_count(self) -> int:
        return sum(
            1 for i in range(self.rowCount()) if self.item(i, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable
        )

    def checked_count(self) -> int:
        return sum(1 for i in range(self.rowCount()) if self.item(i, 0).checkState() == Qt.CheckState.Checked)

    def selected_row(self):
        rows = self.selectionModel().selectedRows()
        return self.sheet.rows[rows[0].row()] if rows and self.sheet is not None else None

    def row_index(self, enrollment_id: int) -> int:
        return next(
            i
            for i in range(self.rowCount())
            if self.item(i, 0).data(Qt.ItemDataRole.UserRole) == enrollment_id
        )
