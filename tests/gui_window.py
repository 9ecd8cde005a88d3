"""A stand-in main window for page tests: ctx, bus, cohort signal, undo stack, status bar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow

from panelapp.gui.core.bus import DataBus


class Window(QMainWindow):
    cohort_changed = Signal(object)

    def __init__(self, ctx, cohort_id):
        super().__init__()
        from panelapp.gui.undo import UndoStack

        self.ctx, self.current_cohort_id = ctx, cohort_id
        self.bus = DataBus(self)
        self.undo_stack = UndoStack(self)
        self.shown_pages: list[str] = []

    def show_page(self, key: str) -> None:
        self.shown_pages.append(key)
