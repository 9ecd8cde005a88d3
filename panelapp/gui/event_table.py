"""The cohort's events as an id-based table: date, kind, title, hours, place, attendance.

A cohort's inspection visits are events too (50,000 of them in a large year), so the table holds
the ordered event ids and fetches the rows being painted by id (services/activities/sheet.py).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

from panelapp.domain.formatting import format_hours
from panelapp.domain.localtime import today_local
from panelapp.gui.models.id_table import RIGHT, Column, IdTableModel, configure_view
from panelapp.gui.models.late_stats import PENDING, LateStats
from panelapp.gui.palette import live

WEEKDAYS = "월화수목금토일"
FUTURE = live("future")
READ_ONLY_TIP = "점검 일정에서 만든 행사입니다. 여기서는 볼 수만 있습니다."


def when_text(event) -> str:
    text = f"{event.event_date:%Y-%m-%d} ({WEEKDAYS[event.event_date.weekday()]})"
    return text + (f" {event.start_time:%H:%M}" if event.start_time else "")


def summary_text(summary) -> str:
    if summary is None or not summary.total:
        return ""
    return (
        f"행사 {summary.total:,}건 · 실시 {summary.held:,}건 · "
        f"인정 시간 합계 {format_hours(summary.held_hours)}"
    )


class EventModel(IdTableModel):
    """Rows are EventRow without their counts (fast); the counts (present, recorded) of the rows
    painted come from a worker (an event for everyone has a record per member)."""

    COUNT = 5

    def __init__(self, fetch_rows, fetch_counts, parent=None):
        self.summary = None  # EventsSummary: members in their period on each event for everyone
        self.today = today_local()
        self.late = None

        def tip(r):
            return READ_ONLY_TIP if r.info.read_only else None

        columns = [
            Column("날짜", None, lambda r: when_text(r.info), width=150, tooltip=tip),
            Column("구분", None, lambda r: r.info.kind.label, width=70, tooltip=tip),
            Column("제목", None, lambda r: r.info.title, stretch=True, tooltip=tip),
            Column(
                "인정 시간", None, lambda r: format_hours(r.info.hours), width=80, align=RIGHT, tooltip=tip
            ),
            Column("장소", None, lambda r: r.info.location or "", width=150, tooltip=tip),
            Column("출석 인원", None, self.count_text, width=150, align=RIGHT, tooltip=tip),
        ]
        super().__init__(columns, self._fetch, parent=parent)
        self._fetch_without_counts = fetch_rows
        self.row_foreground = lambda r: None if r.info.event_date <= self.today else FUTURE
        self.late = LateStats(self, parent, fetch_counts, columns=(self.COUNT,))

    def _fetch(self, ids):
        rows = self._fetch_without_counts(ids)
        self.late.request(ids)
        return rows

    def set_ids(self, ids) -> None:
        self.late.clear()
        super().set_ids(ids)

    def invalidate(self, ids=None) -> None:
        self.late.clear(ids)
        super().invalidate(ids)

    def count_text(self, row) -> str:
        ev = row.info
        if ev.event_date > self.today:
            return "예정"
        counts = self.late.get(ev.id) if self.late is not None else None
        if counts is None:
            return PENDING
        present, recorded = counts
        if ev.read_only:
            if recorded == 0:
                return "결과 입력 전"  # a visit's attendance comes with its results
            eligible = recorded
        else:
            eligible = self.summary.members.get(ev.id, 0) if self.summary is not None else 0
        return f"{present:,} / {eligible:,}명"


class EventTable(QTableView):
    selection_changed = Signal()

    def __init__(self, fetch_rows, fetch_counts, parent=None):
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.model_ = EventModel(fetch_rows, fetch_counts, self)
        configure_view(self, self.model_, sortable=False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())

    def set_events(self, ids: list[int], summary, today: dt.date) -> None:
        """The rows; selection signals are the caller's business (it blocks them while filling)."""
        self.model_.summary, self.model_.today = summary, today
        self.model_.set_ids(ids)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.model_.id_at(rows[0].row()) if rows else None

    def select_id(self, event_id: int | None) -> None:
        self.clearSelection()
        row = self.model_.row_of(event_id) if event_id is not None else -1
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self.model_.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def text(self, row: int, column: int) -> str:
        return self.model_.index(row, column).data(Qt.ItemDataRole.DisplayRole)
