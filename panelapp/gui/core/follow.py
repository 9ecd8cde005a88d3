"""Open dialogs follow the registers they offer: a facility, department or checklist added in
another window (or by another desktop) appears in the combo without closing the dialog.

    follow_changes(dialog, {Kind.FACILITY}, dialog.reload_facilities)

The follower is the dialog's child, so its bus connection goes when the dialog is deleted.
`refill_combo` puts new choices in while keeping what was chosen (and signals quiet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QWidget


class ChangeFollower(QObject):
    def __init__(self, owner: QObject, bus, kinds: Iterable, reload: Callable[[], Any]) -> None:
        super().__init__(owner)
        self.kinds, self.reload = frozenset(kinds), reload
        bus.changes.connect(self._on_changes)

    def _on_changes(self, changes) -> None:
        if changes.touches(self.kinds):
            self.reload()


def follow_changes(dialog: QWidget, kinds: Iterable, reload: Callable[[], Any]) -> ChangeFollower | None:
    """Call `reload` whenever an op announces one of `kinds` while `dialog` lives."""
    window = getattr(dialog, "window_", None)
    bus = getattr(window, "bus", None)
    if bus is None:
        return None  # a stand-in window in a test has no bus
    return ChangeFollower(dialog, bus, kinds, reload)


def refill_combo(
    combo: QComboBox, choices: Iterable[tuple[str, Any]], head: tuple[str, Any] | None = None
) -> None:
    """Replace the combo's (label, data) items; the chosen data stays chosen if still offered
    (otherwise nothing, or `head`, is chosen), and no index-changed signal fires."""
    keep, had_choice = combo.currentData(), combo.currentIndex() >= 0
    blocked = combo.blockSignals(True)
    try:
        combo.clear()
        if head is not None:
            combo.addItem(*head)
        for label, data in choices:
            combo.addItem(label, data)
        index = combo.findData(keep) if had_choice else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if head is not None and had_choice else -1))
    finally:
        combo.blockSignals(blocked)
