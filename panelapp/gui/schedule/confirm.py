"""Save with a second look: the service lists warnings, the user confirms, the save runs again.

Schedule saves refuse with ConflictsPending (holiday, double-booked people, inactive members,
a facility visited twice that day) until called with confirmed=True.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from panelapp.gui.core.ops import Op

SHOWN = 12  # a long series can produce dozens of lines; the box must still fit the screen


def ask_to_confirm(parent: QWidget, warnings: list[str]) -> bool:
    lines = [f"• {w}" for w in warnings[:SHOWN]]
    if len(warnings) > SHOWN:
        lines.append(f"… 외 {len(warnings) - SHOWN}건")
    answer = QMessageBox.question(
        parent, "확인해 주세요", "다음 사항이 있습니다.\n\n" + "\n".join(lines) + "\n\n그래도 저장할까요?"
    )
    return answer == QMessageBox.StandardButton.Yes


def save_with_confirmation(
    parent: QWidget,
    work: Callable[[bool], Any],
    success: Callable[[Any], None],
    failure: Callable[[BaseException | None], None],
) -> None:
    """`work(confirmed)` runs on the write thread; `failure(None)` means the user declined."""
    from panelapp.services.inspections.conflicts import ConflictsPending

    def attempt(confirmed: bool) -> None:
        Op(parent, lambda _t: work(confirmed), write=True).success(success).failure(
            lambda exc: handle(exc, confirmed)
        ).run()

    def handle(exc: BaseException, confirmed: bool) -> None:
        if isinstance(exc, ConflictsPending) and not confirmed:
            if ask_to_confirm(parent, exc.warnings):
                attempt(True)
            else:
                failure(None)
            return
        failure(exc)

    attempt(False)
