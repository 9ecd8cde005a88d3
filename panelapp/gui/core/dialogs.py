"""Dialogs are deleted when closed: a closed dialog must not keep its widgets, its bus
connections or its queries alive (each one used to re-run its query on every change notice)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def deleted_on_close(dialog: D) -> D:
    """Mark a dialog to be deleted when it closes (accepted, rejected or closed)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    return dialog


def open_dialog(dialog: D) -> D:
    """Show a window-modal dialog without blocking, deleted when it closes. Read its results
    in its own accept handler or a `finished` slot, never after it has closed."""
    deleted_on_close(dialog).open()
    return dialog
