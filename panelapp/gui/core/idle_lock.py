"""The screen lock after idle minutes (issue 12 item 1; 개인정보의 안전성 확보조치 기준 §5:
a 개인정보처리시스템 cuts off access after a period without work).

`IdleLock(window, minutes)` watches the input (keys, mouse buttons, wheel, mouse movement) of
every window of the application with an event filter on each window (QWindow). When nothing was typed or clicked for `minutes`, every visible
window and dialog is covered by an opaque panel (the data on screen is hidden, nothing under it
is closed: a half-filled form and a running dialog's exec() stay as they were), and the lock
screen asks the logged-in account's password. Only that account unlocks it (a wrong password
counts toward the 5-failure lock as any login); "프로그램 끝내기" asks first, then quits.

The clock is monotonic and checked every `CHECK_MS`, so a suspended laptop locks on waking.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from panelapp.domain.idle_lock import MAX_MINUTES, clamp_minutes

CHECK_MS = 5000
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


def lock_hint(is_admin: bool, limit: int) -> str:
    """What 설정 says under 자동 잠금: the institution's limit and who sets it."""
    if is_admin:
        return (
            f"기관 최대 {limit}분: 어느 컴퓨터도 이보다 오래 잠그지 않고 두지 않으며, 각 컴퓨터는 더 짧게만 "
            f"정할 수 있습니다. 기관 최대는 관리자가 {MAX_MINUTES}분까지 정하고 데이터베이스에 저장되어 모든 "
            "컴퓨터에 적용됩니다."
        )
    return f"더 짧게는 바꿀 수 있지만, 기관 최대 {limit}분보다 길게는 바꿀 수 없습니다 (기관 최대는 관리자가 정합니다)."


LOCKED_TEXT = "화면이 잠겼습니다"


class Cover(QWidget):
    """An opaque panel over one window while the screen is locked (or while another account
    logs in: `text` says which)."""

    def __init__(self, parent: QWidget, text: str = LOCKED_TEXT):
        super().__init__(parent)
        self.setObjectName("idleLockCover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        layout = QVBoxLayout(self)
        self.label = label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(parent.rect())
        parent.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
            self.raise_()
        return False


class IdleLock(QObject):
    """Locks `window` after `minutes` without input; `ask_password(minutes, answer)` shows the
    lock screen and calls `answer(True)` once unlocked (`answer(False)`: the program ends)."""

    def __init__(
        self, window: QWidget, minutes: int, ask_password: Callable[[int, Callable[[bool], None]], None]
    ):
        super().__init__(window)
        self.window, self.ask_password = window, ask_password
        self.minutes = clamp_minutes(minutes)
        self.last_input = time.monotonic()
        self.locked = False
        self.covers: list[Cover] = []
        # The filter sits on the windows (QWindow), not on the application: input reaches a
        # window before its widgets, and a window sees a few events where the application sees
        # every paint, timer and signal of every widget (7 µs each through Python, measured).
        self.watched: set[int] = set()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusWindowChanged.connect(self._watch)
        self._watch(window.windowHandle())
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def set_minutes(self, minutes: int) -> None:
        self.minutes = clamp_minutes(minutes)

    def _watch(self, handle) -> None:
        """Watch a window's input from the first time it has the focus (a dialog, a menu)."""
        if handle is not None and id(handle) not in self.watched:
            self.watched.add(id(handle))
            handle.installEventFilter(self)
            handle.destroyed.connect(lambda _obj=None, key=id(handle): self.watched.discard(key))
        if handle is not None and not self.locked:
            self.last_input = time.monotonic()  # a window came to the front: someone is there

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not self.locked and event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self.last_input

    def check(self) -> None:
        if not self.window.isVisible():
            return  # a closed window locks nothing (and asks no password of anyone)
        if not self.locked and self.idle_seconds() >= self.minutes * 60:
            self.lock()

    def lock(self, text: str = LOCKED_TEXT) -> None:
        """Cover every visible window (the covers saying `text`), ask for the password,
        uncover on success."""
        if self.locked:
            return
        self.locked = True
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.isWindow() and not isinstance(widget, Cover):
                if widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
                    widget.hide()  # a menu or tooltip left open
                    continue
                self.covers.append(Cover(widget, text))
        self.ask_password(self.minutes, self._answered)

    def _answered(self, unlocked: bool) -> None:
        for cover in self.covers:
            parent = cover.parentWidget()
            if parent is not None:
                parent.removeEventFilter(cover)
            cover.hide()  # at once: deleteLater waits for the event loop
            cover.deleteLater()
        self.covers.clear()
        self.locked = False
        self.last_input = time.monotonic()
        app = QApplication.instance()
        if not unlocked and app is not None:
            app.exit(0)
