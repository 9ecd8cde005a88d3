"""관리 → 개인정보 파기 in the window: the menu entry, shown to a role that holds the right.

The 관리(&M) menu is shared with the other administrator's tools (the access log): whoever
comes first makes it, before 도움말; the others add their action to it.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

ADMIN_MENU = "관리(&M)"


def admin_menu(window) -> QMenu:
    """The window's 관리 menu, made before 도움말 the first time it is asked for."""
    bar = window.menuBar()
    for action in bar.actions():
        if action.menu() is not None and action.text() == ADMIN_MENU:
            return action.menu()
    menu = QMenu(ADMIN_MENU, window)
    help_action = next((a for a in bar.actions() if a.text().startswith("도움말")), None)
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    else:
        bar.addMenu(menu)
    return menu


def add_retention_action(window) -> QAction:
    """관리 → 개인정보 파기…, marked with its right: the window's apply_rights shows it only to a
    role that may destroy personal data, again after another account logs in (and the services
    check the right on every call)."""
    from panelapp.gui.core.rights import needs
    from panelapp.services.permissions import Permission

    action = QAction("개인정보 파기(&D)…", window)
    action.setToolTip("보유기간이 지났거나 동의를 철회한 단원의 개인정보를 파기하고 파기 관리대장을 인쇄")
    action.triggered.connect(lambda: open_retention_dialog(window))
    needs(Permission.RETENTION, action)
    admin_menu(window).addAction(action)
    window.retention_action = action
    return action


def open_retention_dialog(window):
    from panelapp.gui.core.dialogs import open_dialog
    from panelapp.gui.dialogs.retention_dialog import RetentionDialog

    return open_dialog(RetentionDialog(window))
