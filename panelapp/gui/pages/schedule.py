"""점검 일정 page: the selected cohort's visits as a month calendar, a week timeline or a list.

Blocks are coloured by status; dragging one reschedules it (with the same warnings as the
dialog). The selected visit can be edited, given a status, printed as a field sheet; the
whole schedule exports to an iCalendar file.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.schedule.blocks import WEEKDAYS, legend, sunday_first, tooltip, week_start
from panelapp.gui.schedule.confirm import save_with_confirmation
from panelapp.gui.schedule.list_view import ScheduleList
from panelapp.gui.schedule.month_view import MonthView
from panelapp.gui.schedule.week_view import WeekView

RELOAD_KINDS = {
    "inspection",
    "facility",
    "cohort",
    "team",
    "enrollment",
    "member",
    "trash",
    "demo",
    "checklist",
}
VIEWS = ("월", "주", "목록")


class SchedulePage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.choices = None
        self.inspections: list = []
        self.selected_id: int | None = None
        self.anchor = dt.date.today()
        self._dirty, self._loading = True, False
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        head = QHBoxLayout()
        title = QLabel("점검 일정")
        title.setStyleSheet("font-size: 16pt; font-weight: bold; padding-right: 24px;")
        head.addWidget(title)
        self.prev_button, self.today_button, self.next_button = (
            QPushButton("◀ 이전"),
            QPushButton("오늘"),
            QPushButton("다음 ▶"),
        )
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.today_button.clicked.connect(lambda: self.go_to(dt.date.today()))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.period_label = QLabel()
        self.period_label.setStyleSheet("font-size: 14pt; font-weight: bold; padding-left: 12px;")
        for w in (self.prev_button, self.today_button, self.next_button, self.period_label):
            head.addWidget(w)
        head.addStretch(1)
        col.addLayout(head)
        bar = QHBoxLayout()
        self.view_group = QButtonGroup(self)
        for n, name in enumerate(VIEWS):
            button = QPushButton(name, checkable=True, checked=n == 0)
            button.setMinimumWidth(64)
            self.view_group.addButton(button, n)
            bar.addWidget(button)
        self.view_group.idClicked.connect(self.show_view)
        bar.addStretch(1)
        self.add_button, self.edit_button = QPushButton("점검 추가"), QPushButton("수정")
        self.status_button, self.sheet_button = QPushButton("상태 변경"), QPushButton("현장 점검표 PDF")
        self.ics_button = QPushButton("일정 내보내기(.ics)")
        self.results_button = QPushButton("결과 입력")
        for button, slot in (
            (self.add_button, self.add),
            (self.edit_button, self.edit_selected),
            (self.results_button, self.enter_results),
            (self.status_button, self.change_status),
            (self.sheet_button, self.save_field_sheet),
            (self.ics_button, self.export_ics),
        ):
            button.clicked.connect(lambda _c=False, s=slot: s())
            bar.addWidget(button)
        col.addLayout(bar)
        self.month, self.week, self.list = MonthView(), WeekView(), ScheduleList()
        self.stack = QStackedWidget()
        for view in (self.month, self.week, self.list):
            self.stack.addWidget(view)
            view.activated.connect(self.edit)
            view.selection_changed.connect(self._select)
        for view in (self.month, self.week):
            view.day_activated.connect(lambda day: self.add(day))
        self.month.moved.connect(lambda i, day: self.move(i, day, None))
        self.week.moved.connect(self.move)
        col.addWidget(self.stack, 1)
        foot = QHBoxLayout()
        for chip in legend():
            foot.addWidget(chip)
        self.detail_label = QLabel()
        self.detail_label.setStyleSheet("color: #444; padding-left: 16px;")
        foot.addWidget(self.detail_label, 1)
        col.addLayout(foot)
        window.bus.changed.connect(self._on_changed)
        window.cohort_changed.connect(self._on_cohort)
        self._update_period()
        self._update_buttons()

    # ----- loading -----------------------------------------------------------------------
    def _on_changed(self, kind: str, _ids) -> None:
        if kind in RELOAD_KINDS:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def _on_cohort(self, _cohort_id) -> None:
        self.choices = None  # a new cohort: its term decides where the calendar opens
        self._on_changed("cohort", None)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        from panelapp.services.inspections.choices import schedule_choices
        from panelapp.services.inspections.scheduling import InspectionQuery, list_inspections

        cohort_id = self.window_.current_cohort_id
        if self._loading or cohort_id is None:
            self._dirty = self._loading or cohort_id is None
            return
        self._dirty, self._loading, ctx, first = False, True, self.window_.ctx, self.choices is None
        Op(
            self,
            lambda _t: (schedule_choices(ctx, cohort_id), list_inspections(ctx, InspectionQuery(cohort_id))),
        ).success(lambda result: self._fill(result, first)).failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)

    def _fill(self, result, first: bool) -> None:
        self.choices, self.inspections = result
        term = self.choices.term
        if first and not term[0] <= self.anchor <= term[1]:
            self.anchor = term[0] if self.anchor < term[0] else term[1]
        self.list.set_choices(
            [(f_id, name) for f_id, name, _a in self.choices.facilities], list(self.choices.teams)
        )
        self.list.set_range(*term)
        self._loading = False
        self._show_data()
        if self._dirty:
            self.refresh()

    def _show_data(self) -> None:
        self.month.set_month(self.anchor.year, self.anchor.month)
        self.week.set_week(self.anchor)
        for view in (self.month, self.week, self.list):
            view.set_inspections(self.inspections)
        self._select(self.selected_id if self.current(self.selected_id) else None)
        self._update_period()

    # ----- navigation --------------------------------------------------------------------
    def show_view(self, index: int) -> None:
        self.view_group.button(index).setChecked(True)
        self.stack.setCurrentIndex(index)
        for w in (self.prev_button, self.today_button, self.next_button, self.period_label):
            w.setVisible(index != 2)
        self._update_period()

    def apply_filter(self, status=None, start: dt.date | None = None, end: dt.date | None = None) -> None:
        self.show_view(2)  # the list: the dashboard opens it narrowed to a status and period
        self.list.apply_filter(status, start, end)

    def step(self, direction: int) -> None:
        if self.stack.currentIndex() == 1:
            self.go_to(self.anchor + dt.timedelta(weeks=direction))
        else:
            months = self.anchor.year * 12 + self.anchor.month - 1 + direction
            self.go_to(dt.date(months // 12, months % 12 + 1, 1))

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self._show_data()

    def _update_period(self) -> None:
        if self.stack.currentIndex() == 1:
            start = week_start(self.anchor)
            end = start + dt.timedelta(days=6)
            tail = f"{end.month}월 {end.day}일" if end.month != start.month else f"{end.day}일"
            self.period_label.setText(f"{start.year}년 {start.month}월 {start.day}일 ~ {tail}")
        else:
            self.period_label.setText(f"{self.anchor.year}년 {self.anchor.month}월")

    # ----- selection and actions ---------------------------------------------------------
    def current(self, inspection_id: int | None):
        return next((i for i in self.inspections if i.id == inspection_id), None)

    def _select(self, inspection_id) -> None:
        self.selected_id = inspection_id
        self.month.selected_id = self.week.selected_id = inspection_id
        self.month.update()
        self.week.update()
        info = self.current(inspection_id)
        self.detail_label.setText("" if info is None else tooltip(info).replace("\n", " · "))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.current(self.selected_id) is not None
        self.results_button.setEnabled(
            has and self.current(self.selected_id).status.value in ("planned", "completed")
        )
        for button in (self.edit_button, self.status_button, self.sheet_button):
            button.setEnabled(has)
        self.add_button.setEnabled(self.choices is not None)
        self.ics_button.setEnabled(bool(self.inspections))

    def add(self, day: dt.date | None = None):
        from panelapp.gui.dialogs.inspection_dialog import InspectionDialog

        if self.choices is None:
            return None
        dialog = InspectionDialog(self.window_, self.choices, None, day)
        dialog.open()
        return dialog

    def edit(self, inspection_id: int):
        from panelapp.gui.dialogs.inspection_dialog import InspectionDialog

        info = self.current(inspection_id)
        if info is None or self.choices is None:
            return None
        self._select(inspection_id)
        dialog = InspectionDialog(self.window_, self.choices, info)
        dialog.open()
        return dialog

    def edit_selected(self):
        return self.edit(self.selected_id)

    def enter_results(self):
        from panelapp.gui.dialogs.results_dialog import open_results

        return open_results(self.window_, self.current(self.selected_id))

    def change_status(self):
        from panelapp.gui.dialogs.inspection_status_dialog import InspectionStatusDialog

        info = self.current(self.selected_id)
        if info is None:
            return None
        dialog = InspectionStatusDialog(self.window_, info)
        dialog.open()
        return dialog

    def move(self, inspection_id: int, day: dt.date, start: dt.time | None) -> None:
        from panelapp.services.inspections.scheduling import move_inspection

        info, ctx = self.current(inspection_id), self.window_.ctx
        if info is None:
            return
        bus = self.window_.bus

        def failed(exc) -> None:
            if exc is not None:
                show_error(self, exc)
            bus.emit_changed("inspection", [inspection_id])  # redraw where it really is

        save_with_confirmation(
            self,
            lambda ok: move_inspection(ctx, info.id, day, info.version, start, ok),
            lambda moved: self._moved(moved),
            failed,
        )

    def _moved(self, info) -> None:
        when = (
            f"{info.scheduled_date:%Y-%m-%d}({WEEKDAYS[sunday_first(info.scheduled_date)]}) {info.time_text}"
        )
        self.window_.statusBar().showMessage(f"'{info.title}'을(를) {when}(으)로 옮겼습니다.", 5000)
        self.window_.bus.emit_changed("inspection", [info.id])

    def save_field_sheet(self) -> str | None:
        from panelapp.gui.schedule.exports import save_field_sheet

        info = self.current(self.selected_id)
        return save_field_sheet(self, info) if info is not None else None

    def export_ics(self) -> str | None:
        from panelapp.gui.schedule.exports import export_ics

        return export_ics(self, self.choices) if self.choices is not None else None
