"""Every window fits the screen it opens on (1366×768 laptops are common in public offices).

`install_screen_fit(app)` puts one event filter on the application: when a dialog or a main
window is shown, and whenever a dialog grows while shown (a form whose data arrived), its frame
is kept inside the screen's available area, the size capped (never below the window's minimum:
a form taller than a small screen must scroll instead: tests/gui/test_fits_screen.py opens
every window and dialog on a 1366×768 screen) and the position moved on
screen.

Before the window system has put a frame round a window its frame is not known, and some
platforms report a thinner frame than a desktop draws: a title bar and borders of at least
`ASSUMED_FRAME` are always allowed for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

ASSUMED_FRAME = QMargins(8, 32, 8, 8)  # left, top (title bar), right, bottom
_INSTALLED = "panelapp_screen_fit"


def frame_margins(widget: QWidget) -> QMargins:
    """The window decoration round `widget`: as the window system reports it, and no less than
    `ASSUMED_FRAME` (before the first show it reports nothing; some report less than they draw)."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    return QMargins(
        max(inner.left() - frame.left(), ASSUMED_FRAME.left()),
        max(inner.top() - frame.top(), ASSUMED_FRAME.top()),
        max(frame.right() - inner.right(), ASSUMED_FRAME.right()),
        max(frame.bottom() - inner.bottom(), ASSUMED_FRAME.bottom()),
    )


def available_area(widget: QWidget) -> QRect | None:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return None if screen is None else screen.availableGeometry()


def room_for(widget: QWidget) -> QSize | None:
    """The largest size (without frame) `widget` can have on its screen."""
    area = available_area(widget)
    if area is None:
        return None
    m = frame_margins(widget)
    return QSize(area.width() - m.left() - m.right(), area.height() - m.top() - m.bottom())


def fit_window(widget: QWidget) -> None:
    """Cap `widget`'s size to its screen (not below its minimum) and move its frame on screen."""
    area, room = available_area(widget), room_for(widget)
    if area is None or room is None:
        return
    minimum = widget.minimumSize()
    width = max(min(widget.width(), room.width()), minimum.width())
    height = max(min(widget.height(), room.height()), minimum.height())
    if (width, height) != (widget.width(), widget.height()):
        QWidget.resize(widget, width, height)  # (a dialog may have a move or resize of its own)
    frame = widget.geometry().marginsAdded(frame_margins(widget))
    dx = max(area.left() - frame.left(), min(0, area.right() - frame.right()))
    dy = max(area.top() - frame.top(), min(0, area.bottom() - frame.bottom()))
    if dx or dy:
        QWidget.move(widget, widget.x() + dx, widget.y() + dy)  # (move takes the frame's corner)


class ScreenFit(QObject):
    """The application's filter: a dialog shown or grown is fitted to its screen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.Resize) or self._busy:
            return False
        if not isinstance(obj, (QDialog, QMainWindow)) or not obj.isWindow():
            return False
        if kind == QEvent.Type.Resize and (not obj.isVisible() or isinstance(obj, QMainWindow)):
            return False  # a main window the user makes larger than the screen stays so
        if obj.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            return False
        self._busy = True
        try:
            fit_window(obj)
        finally:
            self._busy = False
        return False


def install_screen_fit(app: QApplication | None = None) -> None:
    """Fit every dialog of `app` to its screen (idempotent)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None or app.property(_INSTALLED):
        return
    app.setProperty(_INSTALLED, True)
    app.installEventFilter(ScreenFit(app))
