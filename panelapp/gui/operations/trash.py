"""Moving a record to the trash (휴지통): ask, write, offer Ctrl+Z, say it, reload on failure.

move_to_trash(
    self,
    "발견사항 삭제",
    f"'{f.title}' 발견사항을 삭제할까요?",
    lambda _t: delete_finding(ctx, f.id, f.version),
    f"'{f.title}' 발견사항을 삭제했습니다.",
)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from panelapp.gui.core.ops import Op, show_error

RESTORE_HINT = "휴지통에서 복원할 수 있습니다."
UNDO_HINT = "휴지통에서 복원하거나 Ctrl+Z로 되돌릴 수 있습니다."


def _window(widget: QWidget) -> Any:
    window = getattr(widget, "window_", None)
    return window if window is not None else widget.window()


def move_to_trash(
    parent: QWidget,
    title: str,
    question: str,
    run: Callable[[Any], Any],
    done_message: str,
    *,
    on_done: Callable[[], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> Op | None:
    """Ask `question` (Yes/No, No by default); on Yes run the soft delete as a write op. When the
    service returns an undo record it is offered for Ctrl+Z. On failure the error is shown as a
    sentence and `on_failure` runs (by default the page marks itself stale: the row may have been
    changed or deleted by someone else). Returns the op, or None when the user said no."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    window = _window(parent)

    def done(record: Any) -> None:
        undo_stack = getattr(window, "undo_stack", None)
        if undo_stack is not None and hasattr(record, "label"):
            undo_stack.push(record)
        bar = getattr(window, "statusBar", None)
        if bar is not None:
            bar().showMessage(done_message, 5000)
        if on_done is not None:
            on_done()

    def failed(exc: BaseException) -> None:
        show_error(parent, exc)
        if on_failure is not None:
            on_failure(exc)
        elif hasattr(parent, "mark_stale"):
            parent.mark_stale()

    return Op(parent, run, write=True).success(done).failure(failed).run()
