"""Push buttons with a floor width that never cut their text.

`QPushButton.setMinimumWidth(96)` replaces the button's minimum size hint, so a crowded row
(150 % scaling, 고대비's wider frames) squeezes a longer text below what it needs and clips it
("개선제안 만들기" at 1366×768, 150 %). A `WideButton` asks for the floor in its size hint
instead: its horizontal policy (Minimum) keeps the larger of the floor and its text as the
least the layout may give it, and the row or the page grows (the page scrolls) rather than cut.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton


class WideButton(QPushButton):
    def __init__(self, text: str = "", floor: int = 96, parent=None, **kwargs):
        super().__init__(text, parent, **kwargs)
        self._floor = floor

    def set_floor(self, width: int) -> None:
        self._floor = width
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), self._floor))
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.sizeHint()
