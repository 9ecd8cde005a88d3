"""Calendar popups that read the Korean way: "2025년 3월", not Qt's "3월 2025"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QSpinBox, QToolButton, QWidget

from panelapp.gui.dates import KOREAN, setup_date_edit


def koreanize_calendar(calendar: QCalendarWidget) -> None:
    """Year before month, with 년 after the year; weeks from Sunday; no week-number column.

    Qt copies the year spin box's text (suffix included) into the year button, so a
    suffix and a swap in the navigation bar's layout are all it takes.
    """
    calendar.setLocale(KOREAN)
    calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)  # Korean wall calendars start on 일요일
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    year_edit = calendar.findChild(QSpinBox, "qt_calendar_yearedit")
    year_button = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    month_button = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    bar = calendar.findChild(QWidget, "qt_calendar_navigationbar")
    if None in (year_edit, year_button, month_button, bar) or bar.layout() is None:
        return  # a Qt without these private names keeps its own header
    year_edit.setSuffix("년")
    layout = bar.layout()
    layout.removeWidget(year_button)
    layout.insertWidget(layout.indexOf(month_button), year_button)
    calendar.setCurrentPage(calendar.yearShown(), calendar.monthShown())  # re-read the suffix
    year_button.setText(year_edit.text())


def setup_korean_date_edit(edit: QDateEdit) -> None:
    """yyyy-MM-dd in the field and a Korean-headed calendar popup."""
    setup_date_edit(edit)
    koreanize_calendar(edit.calendarWidget())
