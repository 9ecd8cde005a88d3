"""Date and time fields that take what a person types: 20260512, 2026-05-12, 26.5.12, 5/12,
1400, 14:00, 14시, 오후 2시 — read by domain/date_input.py when the field is left.

Qt's QDateEdit and QTimeEdit edit one section at a time and refuse a keystroke that does not
fit the section under the cursor: clicking into "10:00" and typing 14:00 changes nothing,
and typing a year over a year is refused. Here the first digit typed replaces the field's
text with what is being typed (the field's own checks are off meanwhile, and it hears nothing
of it); Enter, Tab, leaving the field, the arrows, the calendar button or a shortcut read it.
What cannot be read leaves the field as it was and says so in a tooltip (on Enter the text
stays, to be corrected); Esc gives the old value back. A number alone replaces the part the
cursor was in (2027 over the year, 15 over the day, 30 over the minutes).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit, QTimeEdit, QToolTip

from panelapp.domain.date_input import Part, parse_date_input, parse_time_input
from panelapp.domain.localtime import today_local

DATE_HINT = "날짜를 알아볼 수 없습니다. 예: 20260512, 2026-05-12, 26.5.12, 5/12(올해)"
TIME_HINT = "시각을 알아볼 수 없습니다. 예: 1400, 14:00, 14시, 오후 2시"
_TYPABLE = set("0123456789-./:, ") | set("년월일시분오전후") | set("apmAPM")
_SECTIONS = {
    QDateTimeEdit.Section.YearSection: Part.YEAR,
    QDateTimeEdit.Section.MonthSection: Part.MONTH,
    QDateTimeEdit.Section.DaySection: Part.DAY,
    QDateTimeEdit.Section.HourSection: Part.HOUR,
    QDateTimeEdit.Section.MinuteSection: Part.MINUTE,
}
_MODIFIER_KEYS = {  # pressed on their own on the way to ":" or "/" (Shift) or a shortcut
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
    Qt.Key.Key_Hangul,  # the 한/영 key
    Qt.Key.Key_Hangul_Hanja,
}
_READ_FIRST = (  # keys that read the typed text, then do what they always do
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)


class TypedEntry(QObject):
    """Installed on one QDateEdit / QTimeEdit (and its line edit); lives as the field's child."""

    # class-level defaults: while a dialog is torn down, Qt may still hand the filter an event
    # after Python has let go of the instance's attributes
    edit: QDateTimeEdit = None  # type: ignore[assignment]
    typing = False

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.line: QLineEdit = edit.lineEdit()
        self.is_time = isinstance(edit, QTimeEdit)
        self.typing = False
        self._part: Part | None = None
        self._validator: Any = None
        edit.installEventFilter(self)
        self.line.installEventFilter(self)
        # a value set by the program while someone is typing wins over the typing
        edit.dateTimeChanged.connect(self._value_set)

    # ----- reading the text --------------------------------------------------------------
    def parsed(self, text: str) -> QDate | QTime | None:
        edit = self.edit
        if self.is_time:
            now = edit.time()
            value = parse_time_input(text, dt.time(now.hour(), now.minute()), self._part)
            if value is None:
                return None
            got_time = QTime(value.hour, value.minute)
            return got_time if edit.minimumTime() <= got_time <= edit.maximumTime() else None
        shown = edit.date()
        current = dt.date(shown.year(), shown.month(), shown.day())
        day = parse_date_input(text, current, self._part, today_local())
        if day is None:
            return None
        got = QDate(day.year, day.month, day.day)
        return got if edit.minimumDate() <= got <= edit.maximumDate() else None

    def _formatted(self, value: QDate | QTime) -> str:
        return self.edit.locale().toString(value, self.edit.displayFormat())

    # ----- the typing mode ---------------------------------------------------------------
    def start(self, text: str) -> None:
        self._part = _SECTIONS.get(self.edit.currentSection())
        self._validator = self.line.validator()
        self.line.blockSignals(True)  # the field must not check or read half a date
        self.line.setValidator(None)  # type: ignore[arg-type]
        self.line.setText(text)
        self.line.setCursorPosition(len(text))
        self.typing = True

    def _leave(self, text: str) -> None:
        self.line.setText(text)
        self.line.setValidator(self._validator)
        self.line.blockSignals(False)
        self.typing = False

    def commit(self) -> bool:
        """Read what was typed into the field's value; False (nothing changed) if unreadable."""
        if not self.typing:
            return True
        value = self.parsed(self.line.text())
        if value is None:
            return False
        self._leave(self._formatted(value))
        if isinstance(value, QTime):
            self.edit.setTime(value)
        else:
            self.edit.setDate(value)
        return True

    def cancel(self) -> None:
        if self.typing:
            self._leave(self._formatted(self.edit.time() if self.is_time else self.edit.date()))

    def commit_or_revert(self) -> None:
        if self.typing and not self.commit():
            self._hint()
            self.cancel()

    def _hint(self) -> None:
        where = self.edit.mapToGlobal(self.edit.rect().bottomLeft())
        QToolTip.showText(where, TIME_HINT if self.is_time else DATE_HINT, self.edit)

    def _value_set(self, *_args) -> None:
        if self.typing:
            self.cancel()

    # ----- events ------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if self.edit is None:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return self._key(event)
        if kind == QEvent.Type.InputMethod and obj is self.edit:
            return self._input_method(event)
        if not self.typing:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            if event.key() not in _MODIFIER_KEYS and not self._edits_text(event):
                self.commit_or_revert()  # Ctrl+S and the like save what was typed
        elif kind in (QEvent.Type.FocusOut, QEvent.Type.Hide, QEvent.Type.Wheel) or (
            kind == QEvent.Type.MouseButtonPress and obj is self.edit  # the calendar button, arrows
        ):
            self.commit_or_revert()
        return False

    def _usable(self) -> bool:
        return self.edit.isEnabled() and not self.edit.isReadOnly()

    @staticmethod
    def _typable(text: str) -> bool:
        return bool(text) and all(ch in _TYPABLE for ch in text)

    def _edits_text(self, event) -> bool:
        """A key this field handles itself while typing (the shortcut override asks first)."""
        if event.matches(QKeySequence.StandardKey.Paste) or event.matches(QKeySequence.StandardKey.SelectAll):
            return True
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        return event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Backspace,
            Qt.Key.Key_Delete,
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
            Qt.Key.Key_Escape,
        ) or self._typable(event.text())

    def _key(self, event) -> bool:
        if not self._usable():
            return False
        key, text, line = event.key(), event.text(), self.line
        plain = not (
            event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if not self.typing:
            if plain and text and text[0].isdigit() and self._typable(text):
                self.start(text)
                return True
            if event.matches(QKeySequence.StandardKey.Paste):
                pasted = QGuiApplication.clipboard().text().strip()
                if pasted:
                    self.start(pasted)
                return True
            return False
        if key in _MODIFIER_KEYS:
            return False  # Shift on its own, before the ":" it makes
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.commit():
                return False  # the field and then the dialog see Enter as always
            self._hint()
            return True  # the text stays to be corrected; the dialog does not save the old value
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return True  # one Esc gives the old value back; the next one reaches the dialog
        if key in _READ_FIRST:
            self.commit_or_revert()
            return False
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if event.matches(QKeySequence.StandardKey.Paste):
            line.insert(QGuiApplication.clipboard().text().strip())
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            line.selectAll()
        elif key == Qt.Key.Key_Backspace:
            line.backspace()
        elif key == Qt.Key.Key_Delete:
            line.del_()
        elif key == Qt.Key.Key_Left:
            line.cursorBackward(shift, 1)
        elif key == Qt.Key.Key_Right:
            line.cursorForward(shift, 1)
        elif key == Qt.Key.Key_Home:
            line.home(shift)
        elif key == Qt.Key.Key_End:
            line.end(shift)
        elif plain and self._typable(text):
            line.insert(text)
        else:
            self.commit_or_revert()
            return False
        return True

    def _input_method(self, event) -> bool:
        """A Korean input method sends 시, 분, 오후 (and sometimes digits) as committed text."""
        text = event.commitString()
        starts = bool(text) and (text[0].isdigit() or text.strip() in ("오전", "오후"))
        if not self._usable() or not (self.typing or starts):
            return False
        if not self.typing:
            self.start("")
        if self._typable(text):
            self.line.insert(text)
        return True


def accept_typing(edit: QDateTimeEdit) -> TypedEntry:
    """Let the field take typed dates or times (idempotent)."""
    found = edit.findChild(TypedEntry)
    return found if found is not None else TypedEntry(edit)


def typing_entry(edit: QDateTimeEdit) -> TypedEntry | None:
    return edit.findChild(TypedEntry)


def finish_typing(root) -> None:
    """Read every field under `root` that is being typed into (before reading the form)."""
    for entry in root.findChildren(TypedEntry):
        entry.commit_or_revert()
