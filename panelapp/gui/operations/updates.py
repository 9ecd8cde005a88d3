"""Updates in the window: 도움말 → 업데이트 확인 and the optional look at start-up.

Nothing here imports the database layer; the start-up look runs only when the user (or the
IT department's preset) gave a place and switched it on, starts after the window has opened,
and reads on a worker thread, so it never delays or blocks the start.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction

from panelapp.domain.josa import josa

log = logging.getLogger(__name__)
START_DELAY_MS = 10_000  # after the first pages have loaded


def add_update_action(window, menu) -> QAction:
    action = QAction("업데이트 확인(&U)…", window)
    action.setToolTip("전산 담당자가 공유 폴더나 내부망에 올린 새 버전이 있는지 확인")
    action.triggered.connect(lambda: open_update_dialog(window))
    menu.addAction(action)
    window.update_action = action
    return action


def open_update_dialog(window):
    from panelapp.gui.core.dialogs import open_dialog
    from panelapp.gui.dialogs.update_dialog import UpdateDialog

    return open_dialog(UpdateDialog(window))


def check_at_start(window, delay_ms: int = START_DELAY_MS) -> bool:
    """Schedule the start-up look when switched on and a place is known; True if scheduled."""
    from panelapp.services.system.updates import configured_source

    settings = window.settings
    try:
        source = configured_source(settings.get("update_source"))
        switched_on = bool(settings.get("update_check_at_start"))
    except KeyError:  # a stand-in settings object (tests) without the keys
        return False
    if not switched_on or not source:
        return False
    QTimer.singleShot(delay_ms, lambda: _look(window, source))
    return True


def _look(window, source: str) -> None:
    from panelapp.gui.core.ops import Op
    from panelapp.services.system.updates import check_for_update

    def failed(exc: BaseException) -> None:  # said once, quietly: the user did not ask just now
        log.info("update check at start failed: %s", exc)
        message = getattr(exc, "message", None) or "업데이트 정보를 읽지 못했습니다."
        window.statusBar().showMessage(f"업데이트 확인: {message}", 15_000)

    Op(window, lambda _t: check_for_update(source)).success(lambda info: found(window, info)).failure(
        failed
    ).run()


def found(window, info) -> None:
    """A newer version: the status bar says so and the menu item shows it until it is opened."""
    action = getattr(window, "update_action", None)
    if not info.is_newer:
        if action is not None:
            action.setText("업데이트 확인(&U)…")
        return
    if action is not None:
        action.setText(f"업데이트 확인(&U)… — 새 버전 {info.version}")
    window.statusBar().showMessage(
        f"새 버전 {josa(info.version, '이')} 있습니다. 도움말 → 업데이트 확인에서 달라진 점을 보세요.", 30_000
    )
