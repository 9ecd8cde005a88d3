"""A one-step dialog's stale save, shown instead of thrown away (issue 13 item 3).

The small dialogs that take one step on a record (a visit's status, a member's 탈퇴, a proposal's
workflow step, its linked findings, a progress note) used to say "다른 사용자가 먼저 수정했습니다"
and close, dropping what was typed. With `StaleStepResolver` the dialog keeps its input, reads the
record as saved now on a worker and says what the other user changed, beside what this user is
about to save: [현재 내용에 적용] takes the current version and saves the same input on it,
[내 입력 복사] puts the input on the clipboard, [저장하지 않고 닫기] closes without saving. A step
has a field or two, so there is nothing to merge field by field (gui/core/conflicts does that for
forms): the user sees both and decides, and nothing is overwritten before they do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.josa import josa

EMPTY, UNCHANGED = "(비어 있음)", "(바꾸지 않음)"


@dataclass(frozen=True)
class StepRow:
    """One value of the step: as the dialog opened it, as saved now, and what the user gives.
    `mine` None: the step does not set this value (shown for what the other user changed)."""

    label: str
    before: str
    theirs: str
    mine: str | None

    @property
    def theirs_changed(self) -> bool:
        return self.before != self.theirs


def step_text(title: str, rows: list[StepRow]) -> str:
    """The user's input as plain lines for the clipboard."""
    lines = [title] if title else []
    lines += [f"{row.label}: {row.mine or EMPTY}" for row in rows if row.mine is not None]
    return "\n".join(lines)


class StaleStepDialog(QDialog):
    """What the other user changed and what this user is about to save; apply or close."""

    def __init__(self, parent: QWidget, what: str, title: str, rows: list[StepRow], closes: bool = True):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle("다른 사용자가 먼저 바꿨습니다")
        self.rows, self.title = rows, title
        self.outcome: str | None = None  # "apply" or "close" once closed by a button
        layout = QVBoxLayout(self)
        changed = [row.label for row in rows if row.theirs_changed]
        intro = QLabel(
            f"이 창을 연 뒤 다른 사용자가 {josa(what, '을')} 먼저 바꿨습니다"
            + (f" ({', '.join(changed)})." if changed else " (이 창에 없는 내용).")
            + " 입력하신 내용은 그대로 있습니다. 아래를 확인한 뒤 지금 저장된 내용에 입력을 적용하거나, "
            + ("저장하지 않고 닫으세요." if closes else "저장하지 마세요.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for column, heading in enumerate(("항목", "처음 값", "다른 사용자가 저장한 값", "내 입력")):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        for r, row in enumerate(rows, start=1):
            grid.addWidget(QLabel(row.label + (" (바뀜)" if row.theirs_changed else "")), r, 0)
            mine = UNCHANGED if row.mine is None else (row.mine or EMPTY)
            for column, text in ((1, row.before or EMPTY), (2, row.theirs or EMPTY), (3, mine)):
                cell = QLabel(text)
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, r, column)
        for column in (1, 2, 3):
            grid.setColumnStretch(column, 1)
        grid.setHorizontalSpacing(16)
        layout.addWidget(grid_host, 1)
        self.copied = QLabel("")
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton("현재 내용에 적용", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(
            "저장하지 않고 닫기" if closes else "저장하지 않기", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.copy_button = QPushButton("내 입력 복사")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(lambda: self._close("apply"))
        self.close_button.clicked.connect(lambda: self._close("close"))
        self.copy_button.clicked.connect(self.copy_input)
        layout.addWidget(buttons)
        self.resize(680, 200 + 40 * len(rows))
        from panelapp.gui.core.dialogs import IGNORE

        for widget in self.findChildren(QWidget):  # not the step dialog's unsaved input
            widget.setProperty(IGNORE, True)

    def copy_input(self) -> None:
        QGuiApplication.clipboard().setText(step_text(self.title, self.rows))
        self.copied.setText("내 입력을 클립보드에 복사했습니다. 메모장 등에 붙여 넣어 둘 수 있습니다.")

    def _close(self, outcome: str) -> None:
        self.outcome = outcome
        self.accept() if outcome == "apply" else self.reject()


class StaleStepResolver:
    """Wires a step dialog to `StaleStepDialog`.

    `fetch()` reads the record as saved now (on a worker); `rows(now)` the step's values, before,
    now and as typed; `retry(now)` makes `now` the version the step expects and saves again;
    `on_closed()` runs after 저장하지 않고 닫기 closed the dialog (a list reloads); with `closes`
    False (a step taken inside a dialog that stays, a rename in a list) the dialog stays open and
    only `on_closed()` runs. Call `handle(exc)` from the save's failure handler: True when it took
    a stale save over."""

    def __init__(
        self,
        dialog: QDialog,
        what: str,
        fetch: Callable[[], Any],
        rows: Callable[[Any], list[StepRow]],
        retry: Callable[[Any], None],
        on_closed: Callable[[], None] | None = None,
        *,
        closes: bool = True,
    ):
        self.dialog, self.what, self.closes = dialog, what, closes
        self.fetch, self.rows, self.retry, self.on_closed = fetch, rows, retry, on_closed
        self.step_dialog: StaleStepDialog | None = None

    def handle(self, exc: BaseException) -> bool:
        from panelapp.domain.errors import ConcurrencyError
        from panelapp.gui.core.ops import Op

        if not isinstance(exc, ConcurrencyError):
            return False
        Op(self.dialog, lambda _t: self.fetch()).success(self._show).failure(self._fetch_failed).run()
        return True

    def _fetch_failed(self, exc: BaseException) -> None:
        from panelapp.domain.errors import NotFoundError
        from panelapp.gui.core.ops import show_error

        show_error(self.dialog, exc)
        if isinstance(exc, NotFoundError):  # deleted meanwhile: nothing left to take the step on
            self._close()

    def _show(self, now: Any) -> None:
        dialog = StaleStepDialog(
            self.dialog, self.what, self.dialog.windowTitle(), self.rows(now), self.closes
        )
        self.step_dialog = dialog
        dialog.finished.connect(lambda _r: self._chosen(dialog, now))
        dialog.open()

    def _chosen(self, dialog: StaleStepDialog, now: Any) -> None:
        self.step_dialog = None
        if dialog.outcome == "apply":
            self.retry(now)
        elif dialog.outcome == "close":
            self._close()
        # Esc: back to the step dialog with the input; its next save meets the same question

    def _close(self) -> None:
        if self.closes:
            self.dialog.reject()
        if self.on_closed is not None:
            self.on_closed()
