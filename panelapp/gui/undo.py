"""The window's undo stack: Ctrl+Z takes back the last edit or delete that offered an undo."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from panelapp.gui.core.ops import Op

DEPTH = 20


class UndoStack:
    def __init__(self, window):
        self.window = window
        self.records: list = []
        self.action = QAction("실행 취소(&U)", window)
        self.action.setShortcut(QKeySequence.StandardKey.Undo)
        self.action.triggered.connect(self.undo_last)
        self._refresh()

    def push(self, record) -> None:
        """Offer `record` (a services.undo.UndoRecord) for Ctrl+Z."""
        if record is None:
            return
        self.records.append(record)
        del self.records[:-DEPTH]
        self._refresh()

    def undo_last(self) -> Op | None:
        if not self.records:
            return None
        from panelapp.services.system.undo import undo

        record, ctx = self.records.pop(), self.window.ctx
        self._refresh()
        # a write op: it announces the row it put back (and the trash, for a delete undone)
        return (
            Op(self.window, lambda _t: undo(ctx, record), write=True)
            .success(lambda label: self.window.statusBar().showMessage(f"되돌렸습니다: {label}", 5000))
            .run()
        )

    def _refresh(self) -> None:
        last = self.records[-1].label if self.records else None
        self.action.setEnabled(last is not None)
        self.action.setText(f"실행 취소(&U): {last}" if last else "실행 취소(&U)")
