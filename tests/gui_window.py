"""The one stand-in main window for page and dialog tests that need no real MainWindow: ctx,
bus, cohort signal, undo stack, settings, status bar. Tests of the window itself use the real one
(conftest's `open_main_window` / `main_window`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow

from panelapp.gui.core.bus import DataBus


class Window(QMainWindow):
    cohort_changed = Signal(object)

    def __init__(self, ctx, cohort_id=None, *, settings=None):
        super().__init__()
        from panelapp.gui.undo import UndoStack

        self.ctx, self.current_cohort_id, self.settings = ctx, cohort_id, settings
        self.bus = DataBus(self)
        self.undo_stack = UndoStack(self)
        self.shown_pages: list[str] = []

    def show_page(self, key: str) -> None:
        self.shown_pages.append(key)
