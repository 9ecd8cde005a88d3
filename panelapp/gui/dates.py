"""Date and time fields as Koreans read and type them: 2026-03-02 and 14:00 in the field, a
calendar popup, and typed input read as a person means it (gui/typed_dates.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit

from panelapp.gui.typed_dates import accept_typing

KOREAN = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def from_date(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def from_time(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def setup_date_edit(edit: QDateEdit) -> None:
    """yyyy-MM-dd, a calendar popup, and typed dates (20260512, 26.5.12, 5/12 ...)."""
    edit.setLocale(KOREAN)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(KOREAN)
    accept_typing(edit)


def setup_time_edit(edit: QTimeEdit) -> None:
    """HH:mm (24 hours) and typed times (1400, 14:00, 14시, 오후 2시 ...)."""
    edit.setLocale(KOREAN)
    edit.setDisplayFormat("HH:mm")
    accept_typing(edit)
