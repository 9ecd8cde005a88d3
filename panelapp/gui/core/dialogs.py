"""Dialogs are deleted when closed, and do not drop what was typed without asking.

Deleted when closed: a closed dialog must not keep its widgets, its bus connections or its
queries alive (each one used to re-run its query on every change notice).

Unsaved input: `keep_unsaved_input(dialog)` remembers the state of the form's fields when the
dialog is first shown (texts, dates, choices, ticks) and, on Esc or the window's ✕ (a close
event from the window system; the program's own close() is not asked about), compares it
with now; if anything differs it asks 버리기 / 계속 편집 before letting the dialog close.
A dialog whose fields fill in after it is shown (an op) calls `mark_clean` when they are in;
one with state beyond its fields (photos picked but not saved) passes `extra`; a field that
is no input of the form (a search box) carries the `unsaved_ignore` property. 취소 and 닫기
buttons are an explicit choice and close without asking, unless the dialog asks
`may_discard` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

D = TypeVar("D", bound=QDialog)

DISCARD_TITLE = "저장하지 않은 내용"
DISCARD_TEXT = "저장하지 않은 내용이 있습니다. 입력한 내용을 버리고 닫을까요?"
DISCARD, KEEP_EDITING = "버리기", "계속 편집"


def deleted_on_close(dialog: D) -> D:
    """Mark a dialog to be deleted when it closes (accepted, rejected or closed)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    return dialog


def open_dialog(dialog: D) -> D:
    """Show a window-modal dialog without blocking, deleted when it closes. Read its results
    in its own accept handler or a `finished` slot, never after it has closed."""
    deleted_on_close(dialog).open()
    return dialog


# ----- unsaved input ----------------------------------------------------------------------
def ask_discard(parent: QWidget, text: str = DISCARD_TEXT) -> bool:
    """The question, in Korean: True to throw the input away. (Tests patch this.)"""
    box = QMessageBox(QMessageBox.Icon.Question, DISCARD_TITLE, text, parent=parent)
    discard = box.addButton(DISCARD, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(KEEP_EDITING, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def _inner(widget: QWidget) -> bool:
    """The line edit inside a spin box, date field or editable combo is read through its owner."""
    parent = widget.parentWidget()
    return isinstance(parent, (QAbstractSpinBox, QComboBox))


def _field_value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() or _inner(widget) else widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QDateTimeEdit):
        from panelapp.gui.typed_dates import typing_entry

        entry = typing_entry(widget)
        typed = widget.lineEdit().text() if entry is not None and entry.typing else None
        return (widget.dateTime().toString(Qt.DateFormat.ISODate), typed)
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return widget.currentText() if widget.isEditable() or data is None else repr(data)
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QGroupBox):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QListWidget):
        items = (widget.item(n) for n in range(widget.count()))
        ticks = tuple(
            (repr(i.data(Qt.ItemDataRole.UserRole)), i.text(), i.checkState().value)
            for i in items
            if i.data(Qt.ItemDataRole.CheckStateRole) is not None  # a tick box, not just a row
        )
        return ticks or None
    return None


IGNORE = "unsaved_ignore"  # a widget with this property set (a search box) is not form input


def form_state(root: QWidget) -> tuple:
    """What the user can have changed in the form: (object path, value) of every input field."""
    state = []
    for n, widget in enumerate(root.findChildren(QWidget)):
        value = None if widget.property(IGNORE) else _field_value(widget)
        if value is not None:
            state.append((widget.objectName() or f"#{n}:{type(widget).__name__}", value))
    return tuple(state)


class DiscardGuard(QObject):
    """Asks before Esc or ✕ drops what was typed into `dialog`; lives as its child."""

    dialog = None  # (class defaults: a dialog being torn down may still send an event)
    _baseline: tuple | None = None
    _shown = False

    def __init__(self, dialog: QDialog, extra: Callable[[], Any] | None = None) -> None:
        super().__init__(dialog)
        self.dialog, self.extra = dialog, extra
        self._baseline: tuple | None = None
        self._shown = False
        self.mark_clean()
        dialog.installEventFilter(self)

    def state(self) -> tuple:
        return form_state(self.dialog), (self.extra() if self.extra is not None else None)  # type: ignore[arg-type]

    def mark_clean(self) -> None:
        """What the form holds now is what is saved (or what it opened with)."""
        self._baseline = self.state()

    def is_dirty(self) -> bool:
        return self._baseline is not None and self.state() != self._baseline

    def may_discard(self) -> bool:
        """True when nothing would be lost, or the user chose to throw it away."""
        return not self.is_dirty() or ask_discard(self.dialog)  # type: ignore[arg-type]

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is not self.dialog:
            return False
        kind = event.type()
        if kind == QEvent.Type.Show and not self._shown:
            self._shown = True
            self.mark_clean()  # fields filled between construction and showing count as the start
        elif kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and not event.modifiers():
            if not self.may_discard():
                event.accept()
                return True
        elif kind == QEvent.Type.Close and event.spontaneous() and self.dialog.isVisible():
            # the window's ✕ (or Alt+F4) comes from the window system; a close() by the program
            # (closing the main window, a test tearing down) is the program's decision
            if not self.may_discard():
                event.ignore()
                return True
        return False


def keep_unsaved_input(dialog: QDialog, extra: Callable[[], Any] | None = None) -> DiscardGuard:
    """Ask before Esc or ✕ discards input (idempotent). `extra`: state beyond the fields."""
    found = discard_guard(dialog)
    if found is not None:
        return found
    return DiscardGuard(dialog, extra)


def discard_guard(dialog: QWidget) -> DiscardGuard | None:
    return dialog.findChild(DiscardGuard, options=Qt.FindChildOption.FindDirectChildrenOnly)


def mark_clean(dialog: QWidget) -> None:
    guard = discard_guard(dialog)
    if guard is not None:
        guard.mark_clean()


def may_discard(dialog: QWidget) -> bool:
    """For a dialog's own 닫기: True to go on closing (nothing to lose, or the user agreed)."""
    guard = discard_guard(dialog)
    return guard is None or guard.may_discard()
