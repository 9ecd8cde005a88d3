"""The change bus: ops announce what a write changed; pages and dialogs listen.

`changes` carries one `Changes` per finished op (services/changes.py); `changed` repeats it
kind by kind (kind value, ids or None) for listeners that care about one kind at a time.
Nothing but `Op` (gui/core/ops.py) and the other-desktop listener announces.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

_CURRENT: DataBus | None = None


class DataBus(QObject):
    changes = Signal(object)  # Changes
    changed = Signal(str, object)  # kind value, sorted list of ids or None (= reload all)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        global _CURRENT
        _CURRENT = self  # the newest window's bus is the one ops announce on

    def announce(self, changes) -> None:
        if not changes:
            return
        self.changes.emit(changes)
        for kind in sorted(changes.kinds, key=lambda k: k.value):
            ids = changes.ids_of(kind)
            self.changed.emit(kind.value, None if ids is None else sorted(ids))


def current_bus() -> DataBus | None:
    """The bus ops announce on (the main window's); None before a window exists."""
    from shiboken6 import isValid

    return _CURRENT if _CURRENT is not None and isValid(_CURRENT) else None
