"""Mouse handling shared by the month and week views: select, open, drag a block to move it.

A view supplies where a drop lands (`drop_target`: a day in the month, a day and start
time in the week), the day of that target, whether an inspection is already there, and how
to announce the move.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QApplication

from panelapp.gui.schedule.blocks import inspection_id_from, mime_for, tooltip


class BlockMouseMixin:
    _press = None  # (inspection id, press position) while a drag may start
    _drop = None  # the highlighted drop target while dragging

    # ----- what a view supplies ---------------------------------------------------------------
    def drop_target(self, pos):
        raise AttributeError("drop_target")

    def target_day(self, target):
        return target

    def already_there(self, info, target) -> bool:
        raise AttributeError("already_there")

    def emit_move(self, inspection_id: int, target) -> None:
        raise AttributeError("emit_move")

    def hover_text(self, pos) -> str:
        return ""

    def more_at(self, pos):
        """The day whose "+N건 더" is under `pos`, if any (the view emits `more_clicked`)."""
        return None

    # ----- Qt events ---------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if (day := self.more_at(event.position())) is not None:  # drawn over the blocks
            self.more_clicked.emit(day)
            return
        info = self.block_at(event.position())
        self.selected_id = info.id if info else None
        self._press = (info.id, event.position()) if info else None
        self.selection_changed.emit(self.selected_id)
        self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        info = self.block_at(event.position())
        self.setToolTip(tooltip(info) if info else self.hover_text(event.position()))
        if (
            self._press
            and (event.position() - self._press[1]).manhattanLength() >= QApplication.startDragDistance()
        ):
            drag = QDrag(self)
            drag.setMimeData(mime_for(self._press[0]))
            self._press = None
            drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, _event) -> None:  # noqa: N802 - Qt API
        self._press = None

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        info = self.block_at(event.position())
        if info is not None:
            self.activated.emit(info.id)
        elif (target := self.drop_target(event.position())) is not None:
            self.day_activated.emit(self.target_day(target))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if inspection_id_from(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._drop = self.drop_target(event.position())
        self.update()
        event.acceptProposedAction()

    def dragLeaveEvent(self, _event) -> None:  # noqa: N802 - Qt API
        self._drop = None
        self.update()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._drop = None
        inspection_id = inspection_id_from(event.mimeData())
        target = self.drop_target(event.position())
        current = next((i for i in self.inspections if i.id == inspection_id), None)
        if (
            inspection_id is not None
            and target is not None
            and (current is None or not self.already_there(current, target))
        ):
            event.acceptProposedAction()
            self.emit_move(inspection_id, target)
        self.update()
