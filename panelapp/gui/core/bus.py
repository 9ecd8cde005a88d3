"""One "data changed" signal: write ops announce what changed, views refresh themselves."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    # kind: "cohort", "team", "member", "enrollment", "event", "attendance", "user", "trash"
    changed = Signal(str, object)

    def emit_changed(self, kind: str, ids=None) -> None:
        self.changed.emit(kind, ids)
