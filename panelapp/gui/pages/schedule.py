"""점검 일정 page: the selected cohort's visits as a month calendar, a week timeline or a list.

Blocks are coloured by status; dragging one reschedules it (with the same warnings as the
dialog). The selected visit can be edited, given a status, printed as a field sheet; the
whole schedule exports to an iCalendar file.

A cohort can have 50,000 visits. The month and week views ask only for the days the month grid
shows (the week is always inside it), with that grid's holidays computed off the UI thread; the
list is id-based, filtered and sorted in SQL. The dialog's 100,000 possible members are read
when a dialog opens, not with every reload.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
)

from panelapp.domain.josa import josa, quoted
from panelapp.domain.localtime import today_local
from panelapp.gui.core.buttons import WideButton
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.elided_label import ElidedLabel
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import offered
from panelapp.gui.palette import set_tone
from panelapp.gui.schedule.blocks import WEEKDAYS, legend, sunday_first, tooltip, week_start
from panelapp.gui.schedule.confirm import save_with_confirmation
from panelapp.gui.schedule.list_view import ScheduleList
from panelapp.gui.schedule.month_view import MonthView
from panelapp.gui.schedule.week_view import WeekView
from panelapp.services.changes import Changes, Kind

VIEWS = ("월", "주", "목록")
LIST = 2
CHOICE_KINDS = frozenset({Kind.FACILITY, Kind.COHORT, Kind.TEAM, Kind.CHECKLIST, Kind.TRASH})
# Visits read per calendar day: a month cell shows about five and the week view lanes a dozen;
# the rest are counted ("+N건 더") and listed by the list view.
CALENDAR_PER_DAY = 12


def month_grid(day: dt.date) -> tuple[dt.date, dt.date]:
    """The days the month calendar of `day` shows: whole Sunday-first weeks around the month."""
    first = dt.date(day.year, day.month, 1)
    last = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1) - dt.timedelta(days=1)
    start = week_start(first)
    weeks = (sunday_first(first) + last.day + 6) // 7
    return start, start + dt.timedelta(days=7 * weeks - 1)


@dataclasses.dataclass(frozen=True)
class _Loaded:
    choices: Any  # ScheduleChoices without people
    anchor: dt.date
    total: int  # the cohort's visits, for the .ics button and the list's count
    grid: tuple[dt.date, dt.date] | None = None  # calendar data: the days it covers
    rows: list | None = None
    day_totals: dict | None = None
    holidays: dict | None = None
    ids: list[int] | None = None  # list data


class SchedulePage(Page):
    kinds = frozenset(
        {
            Kind.INSPECTION,
            Kind.FACILITY,
            Kind.COHORT,
            Kind.TEAM,
            Kind.ENROLLMENT,
            Kind.MEMBER,
            Kind.TRASH,
            Kind.CHECKLIST,
        }
    )

    def __init__(self, window):
        super().__init__(window)
        self.choices = None  # ScheduleChoices of the cohort, without people
        self.inspections: list = []  # the calendar's visits (the month grid around the anchor)
        self._by_id: dict[int, Any] = {}
        self._grid: tuple[dt.date, dt.date] | None = None  # days the calendar data covers
        self._holidays: dict = {}
        self._day_totals: dict = {}  # visits per calendar day (the views show CALENDAR_PER_DAY)
        self._list_loaded = False
        self._choices_stale = True
        self.total = 0
        self.selected_id: int | None = None
        self.anchor = today_local()
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
        self.today_button.clicked.connect(lambda: self.go_to(today_local()))
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
            button = WideButton(name, floor=64, checkable=True, checked=n == 0)
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
        self.month, self.week = MonthView(), WeekView()
        self.list = ScheduleList(self._fetch_rows)
        self.stack = QStackedWidget()
        for view in (self.month, self.week, self.list):
            self.stack.addWidget(view)
            view.activated.connect(self.open_visit)
            view.selection_changed.connect(self._select)
        for view in (self.month, self.week):
            view.day_activated.connect(self._add_on_day)
            view.more_clicked.connect(self.show_day)
        self.month.moved.connect(lambda i, day: self.move(i, day, None))
        self.week.moved.connect(self.move)
        self.list.query_changed.connect(self._list_query_changed)
        self.list.export_button.clicked.connect(lambda: self.export_excel())
        col.addWidget(self.stack, 1)
        foot = QHBoxLayout()
        for chip in legend():
            foot.addWidget(chip)
        self.detail_label = ElidedLabel()
        self.detail_label.setContentsMargins(16, 0, 0, 0)
        set_tone(self.detail_label, "hint")
        foot.addWidget(self.detail_label, 1)
        col.addLayout(foot)
        window.cohort_changed.connect(self._on_cohort)
        self._update_period()
        self._update_buttons()

    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.inspections.listing import inspection_rows

        return inspection_rows(self.ctx, ids)

    # ----- loading -----------------------------------------------------------------------
    def _on_cohort(self, _cohort_id) -> None:
        self.choices = None  # a new cohort: its term decides where the calendar opens
        self._choices_stale = True
        self._forget()

    def _forget(self) -> None:
        self._grid, self._list_loaded = None, False

    def relevant(self, changes: Changes) -> bool:
        if not super().relevant(changes):
            return False
        if changes.touches(CHOICE_KINDS):
            self._choices_stale = True
        self._forget()
        return True

    def load(self):
        from panelapp.services.inspections.choices import schedule_choices
        from panelapp.services.inspections.listing import inspection_ids, inspection_total
        from panelapp.services.inspections.queries import calendar_inspections
        from panelapp.services.inspections.rules import InspectionQuery

        cohort_id = self.window_.current_cohort_id
        if cohort_id is None:
            return None
        ctx, anchor, known = self.ctx, self.anchor, None if self._choices_stale else self.choices
        first = self.choices is None  # a cohort's first load opens the calendar in its term
        listing = self.stack.currentIndex() == LIST
        list_query, sort = self.list.query(cohort_id), self.list.sort

        def work() -> _Loaded:
            from panelapp.domain.holidays_kr import holidays_between

            choices = known or schedule_choices(ctx, cohort_id, with_people=False)
            day = anchor
            if first:
                term = choices.term
                if not term[0] <= day <= term[1]:
                    day = term[0] if day < term[0] else term[1]
            total = inspection_total(ctx, cohort_id)
            if listing:
                return _Loaded(choices, day, total, ids=inspection_ids(ctx, list_query, *sort))
            grid = month_grid(day)
            visits = calendar_inspections(ctx, InspectionQuery(cohort_id, *grid), CALENDAR_PER_DAY)
            return _Loaded(choices, day, total, grid, visits.rows, visits.day_totals, holidays_between(*grid))

        return work

    def apply(self, result: _Loaded | None) -> None:
        if result is None:
            return
        first = self.choices is None
        if result.choices is not self.choices:
            self.choices, self._choices_stale = result.choices, False
            self.list.set_choices(
                [(f_id, name) for f_id, name, _a in self.choices.facilities], list(self.choices.teams)
            )
            self.list.set_range(*self.choices.term)
        if first:
            self.anchor = result.anchor
        self.total = result.total
        if result.ids is not None:
            self._list_loaded = True
            self.list.set_ids(result.ids, result.total)
            self.list.select(self.selected_id)
        if result.rows is not None:
            self._grid, self._holidays = result.grid, result.holidays
            self.inspections, self._day_totals = result.rows, result.day_totals or {}
            self._by_id = {i.id: i for i in result.rows}
            self._show_calendar()
        self._select(self.selected_id if self.current(self.selected_id) else None)
        self._update_period()

    def _show_calendar(self) -> None:
        self.month.set_month(self.anchor.year, self.anchor.month, self._holidays)
        self.week.set_week(self.anchor, self._holidays)
        for view in (self.month, self.week):
            view.set_inspections(self.inspections, self._day_totals)

    def _list_query_changed(self) -> None:
        self._list_loaded = False
        if self.stack.currentIndex() == LIST:
            self.refresh()

    def _ensure_loaded(self) -> None:
        """Show the current view from the data at hand, or load what it lacks."""
        if self.stack.currentIndex() == LIST:
            if not self._list_loaded:
                self.refresh()
        elif self._grid is not None and month_grid(self.anchor) == self._grid:
            self._show_calendar()
        else:
            self.refresh()

    # ----- navigation --------------------------------------------------------------------
    def show_view(self, index: int) -> None:
        self.view_group.button(index).setChecked(True)
        self.stack.setCurrentIndex(index)
        for w in (self.prev_button, self.today_button, self.next_button, self.period_label):
            w.setVisible(index != LIST)
        self._update_period()
        if self.choices is not None:
            self._ensure_loaded()

    def apply_filter(self, status=None, start: dt.date | None = None, end: dt.date | None = None) -> None:
        self.list.blockSignals(True)  # one reload for the view and the filter together
        self.list.apply_filter(status, start, end)
        self.list.blockSignals(False)
        self._list_loaded = False
        self.show_view(LIST)  # the list: the dashboard opens it narrowed to a status and period
        if self.choices is None:
            self.refresh()

    def show_day(self, day: dt.date) -> None:
        """ "+N건 더" on a calendar day: the list view with every visit of that day."""
        self.apply_filter(None, day, day)

    def step(self, direction: int) -> None:
        if self.stack.currentIndex() == 1:
            self.go_to(self.anchor + dt.timedelta(weeks=direction))
        else:
            months = self.anchor.year * 12 + self.anchor.month - 1 + direction
            self.go_to(dt.date(months // 12, months % 12 + 1, 1))

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self._update_period()
        self._ensure_loaded()

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
        """The visit as last read: from the calendar's days, else from the list's rows."""
        if inspection_id is None:
            return None
        info = self._by_id.get(inspection_id)
        if info is None and self._list_loaded:
            info = self.list.row_for(inspection_id)
        return info

    def _select(self, inspection_id) -> None:
        self.selected_id = inspection_id
        self.month.selected_id = self.week.selected_id = inspection_id
        self.month.update()
        self.week.update()
        info = self.current(inspection_id)
        self.detail_label.setText("" if info is None else tooltip(info).replace("\n", " · "))
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.current(self.selected_id)
        self.results_button.setEnabled(info is not None and info.status.value in ("planned", "completed"))
        for button in (self.edit_button, self.status_button, self.sheet_button):
            button.setEnabled(info is not None)
        self.add_button.setEnabled(self.choices is not None)
        self.ics_button.setEnabled(self.total > 0)

    def _with_people(self, then) -> Op | None:
        """The dialog offers every active member: read them now, then open it."""
        from panelapp.services.cohorts.enrollment_choices import list_enrollment_choices

        if self.choices is None:
            return None
        ctx, choices = self.ctx, self.choices
        return (
            Op(self, lambda _t: list_enrollment_choices(ctx, choices.cohort_id))
            .success(lambda people: then(dataclasses.replace(choices, people=tuple(people))))
            .run()
        )

    def _open_inspection(self, choices, info=None, day: dt.date | None = None):
        from panelapp.gui.dialogs.inspection_dialog import InspectionDialog

        dialog = InspectionDialog(self.window_, choices, info, day)
        dialog.stale.connect(self.mark_stale)
        return open_dialog(dialog)

    def add(self, day: dt.date | None = None) -> Op | None:
        return self._with_people(lambda choices: self._open_inspection(choices, None, day))

    def _add_on_day(self, day: dt.date) -> Op | None:
        """A double click on a calendar day: a new visit that day, only for whoever is offered
        [점검 추가] (a 점검 조장's double click opened the whole new-visit form)."""
        return self.add(day) if offered(self.add_button) else None

    def open_visit(self, inspection_id: int):
        """A double click or Enter on a visit: its form for whoever may edit visits; for a 점검
        조장 (who may not) its results; nothing for a role that has neither."""
        if offered(self.edit_button):
            return self.edit(inspection_id)
        if offered(self.results_button):
            self._select(inspection_id)
            return open_results_for(self.window_, self.current(inspection_id))
        return None

    def edit(self, inspection_id: int) -> Op | None:
        info = self.current(inspection_id)
        if info is None or self.choices is None:
            return None
        self._select(inspection_id)
        return self._with_people(lambda choices: self._open_inspection(choices, info))

    def edit_selected(self):
        return self.edit(self.selected_id)

    def enter_results(self):
        return open_results_for(self.window_, self.current(self.selected_id))

    def change_status(self):
        from panelapp.gui.dialogs.inspection_status_dialog import InspectionStatusDialog

        info = self.current(self.selected_id)
        if info is None:
            return None
        dialog = InspectionStatusDialog(self.window_, info)
        dialog.stale.connect(self.mark_stale)
        return open_dialog(dialog)

    def move(self, inspection_id: int, day: dt.date, start: dt.time | None) -> None:
        from panelapp.services.inspections.scheduling import move_inspection

        info, ctx = self.current(inspection_id), self.ctx
        if info is None:
            return

        def failed(exc) -> None:
            if exc is not None:
                show_error(self, exc)
            self._forget()
            self.mark_stale()  # redraw where it really is

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
        self.window_.statusBar().showMessage(
            f"{quoted(info.title, '을')} {josa(when, '으로')} 옮겼습니다.", 5000
        )

    def save_field_sheet(self) -> str | None:
        from panelapp.gui.schedule.exports import save_field_sheet

        info = self.current(self.selected_id)
        return save_field_sheet(self, info) if info is not None else None

    def export_excel(self):
        """The list view as filtered and sorted, to .xlsx; 조장 and 단원 masked unless a purpose."""
        from panelapp.gui.operations.list_export import cohort_text, export_to_excel
        from panelapp.services.inspections.list_export import TITLE, export_schedule_list

        cohort_id = self.window_.current_cohort_id
        if cohort_id is None:
            return None
        ctx, query, sort = self.ctx, self.list.query(cohort_id), self.list.sort
        cohort = cohort_text(self.window_)
        conditions = [("기수", cohort), *self.list.conditions()] if cohort else self.list.conditions()
        return export_to_excel(
            self,
            title=TITLE,
            cohort=cohort,
            personal="조장·단원 이름",
            rows=self.list.row_count() if self._list_loaded else None,
            run=lambda path, purpose, token: export_schedule_list(
                ctx, query, *sort, path, purpose=purpose, conditions=conditions, token=token
            ),
        )

    def export_ics(self) -> str | None:
        from panelapp.gui.schedule.exports import export_ics

        return export_ics(self, self.choices) if self.choices is not None else None


def open_results_for(window, info):
    from panelapp.gui.dialogs.results_dialog import open_results

    return open_results(window, info)
