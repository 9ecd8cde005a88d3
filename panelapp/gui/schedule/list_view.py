"""The schedule as a filterable table: status, facility, team and a date range.

A cohort can have 50,000 visits: the table is id-based (gui/models/id_table.py). The filters and
the sort (a header click) only say what to ask for: the page queries the ids in SQL
(services/inspections/listing.py) and the rows being painted are fetched by id.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.enums import InspectionStatus
from panelapp.domain.inspection_info import AWAITING_FILTER, AWAITING_LABEL
from panelapp.domain.localtime import today_local
from panelapp.gui.dates import from_date, to_date
from panelapp.gui.korean_calendar import setup_korean_date_edit
from panelapp.gui.models.id_table import CENTER, Column, IdTableModel
from panelapp.gui.operations.list_export import BUTTON_TEXT, filter_conditions, sort_condition
from panelapp.gui.pages.big_register import BigRegister
from panelapp.gui.schedule.blocks import AWAITING_HINT, WEEKDAYS, awaiting_color, status_colors, sunday_first

EMPTY_TEXT = "조건에 맞는 점검이 없습니다. 필터를 바꾸거나 [점검 추가]로 일정을 만드세요."


def _date(info: Any) -> str:
    day = info.scheduled_date
    return f"{day:%Y-%m-%d}({WEEKDAYS[sunday_first(day)]})" + (f" {info.holiday}" if info.holiday else "")


COLUMNS = [
    Column("날짜", "date", _date, width=150),
    Column("시간", "time", lambda i: i.time_text, width=96, align=CENTER),
    Column("시설", "facility", lambda i: i.facility_name, width=180),
    Column("담당 단", "team", lambda i: i.team_name or "", width=96),
    Column("조장", "lead", lambda i: i.lead_name or "", width=80),
    Column(
        "단원",
        None,
        lambda i: ", ".join(i.member_names),
        width=200,
        tooltip=lambda i: ", ".join(i.member_names),
    ),
    Column(
        "상태",
        "status",
        lambda i: i.status_text,  # "결과 미입력" for a past 예정
        width=84,
        align=CENTER,
        foreground=lambda i: awaiting_color() if i.awaiting_results else status_colors(i.status)[1],
        tooltip=lambda i: AWAITING_HINT if i.awaiting_results else "",
    ),
    Column("사유·메모", "note", lambda i: i.status_reason or i.notes or "", width=160, stretch=True),
]
HEADERS = [c.header for c in COLUMNS]


class ScheduleList(QWidget):
    activated = Signal(int)
    selection_changed = Signal(object)
    query_changed = Signal()  # a filter or the sort changed: the page asks for new ids

    def __init__(self, fetch_rows, parent=None):
        super().__init__(parent)
        self.total = 0
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.status_combo = QComboBox()
        self.status_combo.addItem("모든 상태", None)
        for label, status in InspectionStatus.choices():
            self.status_combo.addItem(label, status)
            if status == InspectionStatus.PLANNED:  # the 예정 whose day has passed
                self.status_combo.addItem(f"{label} 중 {AWAITING_LABEL}", AWAITING_FILTER)
        self.facility_combo = QComboBox()
        self.facility_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.facility_combo.setMinimumContentsLength(12)
        self.team_combo = QComboBox()
        self.range_check = QCheckBox("기간")
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            setup_korean_date_edit(edit)
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.query_changed.emit())
        self.range_check.toggled.connect(self._range_toggled)
        for combo in (self.status_combo, self.facility_combo, self.team_combo):
            combo.currentIndexChanged.connect(lambda _i: self.query_changed.emit())
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
        # the page runs it: it has the database and knows the cohort (list_view only shows)
        self.export_button = QPushButton(BUTTON_TEXT)
        self.export_button.setToolTip("필터와 정렬 그대로 목록을 엑셀(.xlsx)로 저장합니다")
        bar.addWidget(self.export_button)
        col.addLayout(bar)
        self.model = IdTableModel(COLUMNS, fetch_rows, parent=self)
        self.register = BigRegister(self.model, sort=("date", False))
        self.register.sort_changed.connect(self.query_changed)
        self.register.activated.connect(
            lambda row_id: self.activated.emit(row_id) if row_id is not None else None
        )
        self.register.selection_changed.connect(lambda: self.selection_changed.emit(self.selected_id()))
        self.view = self.register.view
        col.addWidget(self.register, 1)

    def _range_toggled(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        self.query_changed.emit()

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
        self,
        status: InspectionStatus | str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> None:
        """Only this status (None: all; AWAITING_FILTER: 결과 미입력) within [start, end] when both
        are given; other filters off."""
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

    def query(self, cohort_id: int):
        """The InspectionQuery the filters ask for."""
        from panelapp.services.inspections.rules import InspectionQuery

        status = self.status_combo.currentData()
        ranged = self.range_check.isChecked()
        awaiting = status == AWAITING_FILTER
        return InspectionQuery(
            cohort_id,
            to_date(self.from_edit.date()) if ranged else None,
            to_date(self.to_edit.date()) if ranged else None,
            InspectionStatus.PLANNED if awaiting else InspectionStatus(status) if status else None,
            self.facility_combo.currentData(),
            self.team_combo.currentData(),
            awaiting_before=today_local() if awaiting else None,
        )

    def conditions(self) -> list[tuple[str, str]]:
        """The filters as they read ("상태", "완료"), for the export's 내보내기 정보 sheet."""
        ranged = self.range_check.isChecked()
        period = f"{to_date(self.from_edit.date())} ~ {to_date(self.to_edit.date())}" if ranged else None
        return [
            *filter_conditions(
                ("상태", self.status_combo if self.status_combo.currentIndex() else None),
                ("시설", self.facility_combo if self.facility_combo.currentIndex() else None),
                ("단", self.team_combo if self.team_combo.currentIndex() else None),
                ("기간", period),
            ),
            sort_condition(COLUMNS, *self.sort),
        ]

    @property
    def sort(self) -> tuple[str, bool]:
        return self.register.sort_key or "date", self.register.descending

    def set_ids(self, ids: list[int], total: int) -> None:
        self.total = total
        self.register.set_ids(ids, EMPTY_TEXT)
        self.count_label.setText(f"{len(ids):,}건" + (f" / 전체 {total:,}건" if len(ids) != total else ""))

    def ids(self) -> list[int]:
        return self.model.ids()

    def cell(self, row: int, column: int) -> str:
        return self.register.cell(row, column)

    def row_count(self) -> int:
        return self.register.row_count()

    def selected_id(self) -> int | None:
        return self.register.selected_id()

    def selected(self) -> Any:
        return self.register.selected()

    def select(self, inspection_id: int | None) -> None:
        if inspection_id is not None:
            self.register.select_id(inspection_id)

    def row_for(self, inspection_id: int) -> Any:
        """The row of a listed visit (its block fetched by id), or None."""
        pos = self.register.position(inspection_id)
        return self.model.row_at(pos) if pos >= 0 else None
