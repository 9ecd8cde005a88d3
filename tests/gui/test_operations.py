"""gui/operations/trash.move_to_trash: the one ask → write → Ctrl+Z → status bar path every page's
delete takes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from panelapp.domain.errors import ConcurrencyError
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.operations import trash
from panelapp.gui.undo import UndoStack


@dataclass
class Record:
    label: str


class Page(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.stale = 0

    def mark_stale(self):
        self.stale += 1


def _setup(qtbot, monkeypatch, answer):
    window = QMainWindow()
    window.undo_stack = UndoStack(window)
    qtbot.addWidget(window)
    page = Page(window)
    asked = []

    def question(_parent, title, text, buttons, default):
        asked.append((title, text, default))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return window, page, asked


def test_no_writes_nothing(qtbot, monkeypatch):
    window, page, asked = _setup(qtbot, monkeypatch, QMessageBox.StandardButton.No)
    ran = []
    assert trash.move_to_trash(page, "삭제", "지울까요?", lambda _t: ran.append(1), "지웠습니다.") is None
    wait_for_all()
    assert ran == [] and asked == [("삭제", "지울까요?", QMessageBox.StandardButton.No)]


def test_yes_writes_offers_undo_and_says_it(qtbot, monkeypatch):
    window, page, _asked = _setup(qtbot, monkeypatch, QMessageBox.StandardButton.Yes)
    done = []
    op = trash.move_to_trash(
        page,
        "삭제",
        "지울까요?",
        lambda _t: Record("발견사항 삭제"),
        "지웠습니다.",
        on_done=lambda: done.append(1),
    )
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert window.undo_stack.records == [Record("발견사항 삭제")] and done == [1]
    assert window.statusBar().currentMessage() == "지웠습니다."


def test_a_failure_is_a_sentence_and_the_page_reloads(qtbot, monkeypatch):
    window, page, _asked = _setup(qtbot, monkeypatch, QMessageBox.StandardButton.Yes)
    shown = []
    monkeypatch.setattr(trash, "show_error", lambda _p, exc: shown.append(exc))

    def stale(_t):
        raise ConcurrencyError()

    op = trash.move_to_trash(page, "삭제", "지울까요?", stale, "지웠습니다.")
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert len(shown) == 1 and isinstance(shown[0], ConcurrencyError)
    assert page.stale == 1 and window.undo_stack.records == []
    assert window.statusBar().currentMessage() == ""
