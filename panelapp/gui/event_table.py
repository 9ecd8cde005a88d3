"""The cohort's events as a small table: date, kind, title, hours, place, attendance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from panelapp.domain.formatting import format_hours

COLUMNS = ("날짜", "구분", "제목", "인정 시간", "장소", "출석 인원")
WEEKDAYS = "월화수목금토일"
FUTURE = QBrush(QColor("#5b6776"))


def when_text(event) -> str:
    text = f"{event.event_date:%Y-%m-%d} ({WEEKDAYS[event.event_date.weekday()]})"
    return text + (f" {event.start_time:%H:%M}" if event.start_time else "")


def default_event(sheet) -> int | None:
    """The latest event held whose attendance is taken here (not an inspection's), else the
    latest held, else the first."""
    if sheet is None or not sheet.events:
        return None
    held = [e for e in sheet.events if e.event_date <= sheet.today]
    own = [e for e in held if not e.read_only]
    if own:
        return own[-1].id
    return (held[-1] if held else sheet.events[0]).id


def summary_text(sheet) -> str:
    if sheet is None or not sheet.events:
        return ""
    held = [e for e in sheet.events if e.event_date <= sheet.today]
    return (
        f"행사 {len(sheet.events)}건 · 진행 {len(held)}건 · "
        f"인정 시간 합계 {format_hours(sum(e.hours for e in held))}"
    )


class EventTable(QTableWidget):
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
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setStyleSheet("QTableWidget::item { padding: 0 6px; }")

    def fill(self, sheet) -> None:
        """One row per event of the sheet; selection signals are the caller's business."""
        events = sheet.events if sheet else ()
        self.setRowCount(len(events))
        for i, ev in enumerate(events):
            held = ev.event_date <= sheet.today
            eligible = sum(1 for r in sheet.rows if ev.id in r.eligible)
            if not held:
                count = "예정"
            elif ev.read_only and eligible == 0:
                count = "결과 입력 전"  # an inspection's attendance comes with its results
            else:
                count = f"{ev.present_count} / {eligible}명"
            cells = [when_text(ev), ev.kind.label, ev.title, format_hours(ev.hours), ev.location or "", count]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, ev.id)
                if c in (3, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not held:
                    item.setForeground(FUTURE)
                if ev.read_only:
                    item.setToolTip("점검 일정에서 만든 행사입니다. 여기서는 볼 수만 있습니다.")
                self.setItem(i, c, item)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def select_id(self, event_id: int | None) -> None:
        self.clearSelection()
        for i in range(self.rowCount()):
            if self.item(i, 0).data(Qt.ItemDataRole.UserRole) == event_id:
                self.selectRow(i)
                self.scrollToItem(self.item(i, 0))
                return
