"""Tab order for widgets made after their window's form: Qt appends a new widget to the end of
the focus chain (after the dialog's buttons), whatever its place on screen. These put it back
where it is seen (tests/gui/test_keyboard_access.py checks every page and dialog)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def focusable(root: QWidget) -> list[QWidget]:
    """The widgets under `root` that Tab can reach, in the order they were added."""
    return [w for w in root.findChildren(QWidget) if takes_tab(w)]


def chain_after(anchor: QWidget, widgets: Iterable[QWidget]) -> None:
    """Tab goes from `anchor` through `widgets` in turn, then on to what followed `anchor`."""
    previous = anchor
    for widget in widgets:
        QWidget.setTabOrder(previous, widget)
        previous = widget
