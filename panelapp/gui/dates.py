"""Date fields as Koreans read them: 2026-03-02 in the field, a Korean calendar popup."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit

KOREAN = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def from_date(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def setup_date_edit(edit: QDateEdit) -> None:
    edit.setLocale(KOREAN)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(KOREAN)
