"""Backups in the window: 파일 → 백업·복원, the daily and closing backups, the restore offered
when the database cannot be opened, and opening the database again after a restore.

The main window calls these at four places (menu, opened, open failed, close); everything runs
through ops, so no backup, check or restore blocks the UI thread. Nothing here is imported
before the window is shown except this module itself, which imports no database layer.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction

from panelapp.domain.josa import quoted

log = logging.getLogger(__name__)
DAILY_CHECK_MS = 60 * 60 * 1000  # a window left open past midnight still makes the day's backup
DAILY_FIRST_MS = 15_000  # the first look waits: the first pages load without a copy beside them
RESTORE, DIALOG = "restore", "dialog"


def auto_backups_enabled() -> bool:
    return os.environ.get("PANELAPP_AUTO_BACKUP", "1") != "0"


# ----- the menu ----------------------------------------------------------------------------
def add_backup_action(window, menu) -> QAction:
    """파일 → 백업·복원…: usable before the database opened (to restore over a damaged one)."""
    action = QAction("백업·복원(&B)…", window)
    action.setToolTip("백업 목록(날짜, 크기), 지금 백업, 백업에서 복원")
    action.triggered.connect(lambda: open_backup_dialog(window))
    menu.addAction(action)
    return action


def open_backup_dialog(window):
    from panelapp.gui.core.dialogs import open_dialog
    from panelapp.gui.dialogs.backup_dialog import BackupDialog

    return open_dialog(BackupDialog(window))


def target_database(window) -> Any:
    """The window's database, or (not opened, e.g. refused) the one it was asked to open."""
    if window.ctx is not None:
        return window.ctx.db
    from panelapp.db.engine import open_database

    return open_database(window.db_target)


# ----- after opening: the daily backup ------------------------------------------------------
def after_open(window) -> None:
    """Settings that cannot be saved are said in the window; the day's backup is made when due,
    now and every hour while the window stays open."""
    install_settings_errors(window)
    if not auto_backups_enabled() or window.ctx is None or not window.ctx.db.is_sqlite:
        return
    from PySide6.QtCore import QTimer

    QTimer.singleShot(DAILY_FIRST_MS, window, lambda: daily_backup(window))  # none once it is gone
    timer = QTimer(window)
    timer.setInterval(DAILY_CHECK_MS)
    timer.timeout.connect(lambda: daily_backup(window))
    timer.start()
    window._daily_backup_timer = timer


def daily_backup(window) -> None:
    from panelapp.gui.core.ops import Op

    ctx, settings = window.ctx, window.settings
    if ctx is None or getattr(window, "_closing", False) or getattr(window, "_close_ready", False):
        return

    def work(_token):
        from panelapp.services.system.backups import auto_backup

        return auto_backup(ctx.db, settings, "daily")

    def done(info) -> None:
        if info is not None:
            window.statusBar().showMessage(f"오늘의 백업을 만들었습니다: {info.path.name}", 8000)

    Op(window, work).success(done).failure(lambda exc: _backup_failed(window, exc)).run()


def _backup_failed(window, exc: BaseException) -> None:
    from panelapp.domain.errors import DomainError
    from panelapp.gui.core.ops import show_error

    text = exc.message if isinstance(exc, DomainError) else str(exc)
    window.statusBar().showMessage(text, 20000)
    if not getattr(window, "_backup_failure_told", False):
        window._backup_failure_told = True  # once a session in a box; later in the status bar
        show_error(window, exc)


def install_settings_errors(window) -> None:
    settings = window.settings

    def told(exc: OSError, path: Path) -> None:
        from panelapp.domain.failures import os_error_sentence

        text = "설정을 저장하지 못했습니다(이번 실행 동안만 기억합니다): " + os_error_sentence(exc, path)
        window.statusBar().showMessage(text, 20000)
        if not getattr(window, "_settings_failure_told", False):
            window._settings_failure_told = True
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(window, "설정을 저장하지 못했습니다", text)

    settings.on_save_error = told


# ----- closing: the closing backup ------------------------------------------------------------
def may_close(window, event) -> bool:
    """closeEvent's question: True to close now. When a backup is due the close waits for it
    on the write worker (after any write still running), then happens by itself."""
    ctx = window.ctx
    if ctx is None or getattr(window, "_close_ready", False) or not auto_backups_enabled():
        return True
    event.ignore()
    if getattr(window, "_closing", False):
        return False  # a second ✕ while the backup runs: it closes when done
    window._closing = True
    from panelapp.gui.core.ops import Op

    settings = window.settings
    window.statusBar().showMessage("닫기 전에 백업하는 중입니다…")
    window.centralWidget().setEnabled(False)

    def work(_token):
        from panelapp.services.system.backups import auto_backup
        from panelapp.services.system.opening import close_cleanly

        try:
            return auto_backup(ctx.db, settings, "close")
        finally:
            close_cleanly(ctx.db)

    def close_now(_result=None) -> None:
        window._close_ready = True
        window.close()

    def failed(exc: BaseException) -> None:
        from panelapp.gui.core.ops import show_error

        show_error(window, exc)  # said once, then the program closes as asked
        close_now()

    Op(window, work, write=True).success(close_now).failure(failed).run()
    return False


# ----- a database that cannot be opened ---------------------------------------------------------
def ask_at_open(window, exc) -> str | None:
    """The refusal, with the way out: RESTORE (the offered backup), DIALOG or None. Tests patch it."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "데이터베이스를 열 수 없습니다", exc.message, parent=window)
    restore = box.addButton("이 백업으로 복원", QMessageBox.ButtonRole.AcceptRole) if exc.backup else None
    dialog = box.addButton("백업·복원 열기…", QMessageBox.ButtonRole.ActionRole)
    close = box.addButton("닫기", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return RESTORE
    return DIALOG if clicked is dialog else None


def open_failed(window, exc: BaseException) -> bool:
    """A refused database (damaged, newer, half-made): say it and offer the way out. False for
    other failures, which the window shows as before."""
    from panelapp.domain.failures import DatabaseUnusable

    if not isinstance(exc, DatabaseUnusable):
        return False
    from panelapp.domain.failures import Unusable

    window.loading.setText(
        "데이터베이스를 열 수 없습니다.\n더 새로운 버전의 프로그램에서 만든 데이터베이스입니다. 프로그램을 업데이트하세요."
        if exc.reason is Unusable.NEWER
        else "데이터베이스를 열 수 없습니다.\n파일 → 백업·복원에서 백업으로 복원할 수 있습니다."
    )
    choice = ask_at_open(window, exc)
    if choice == RESTORE and exc.backup is not None:
        restore_then_reopen(window, exc.backup)
    elif choice == DIALOG:
        open_backup_dialog(window)
    return True


# ----- restoring ----------------------------------------------------------------------------
def restore_then_reopen(window, path: Path, parent=None) -> Any:
    """Restore `path` over the window's database on the write worker, say where the database as
    it was is kept, then open it again."""
    from panelapp.gui.core.ops import Op, show_error

    database = target_database(window)

    def work(_token):
        from panelapp.services.system.restore import restore

        return restore(database, path)

    def done(result) -> None:
        told_restored(parent or window, result)
        reopen(window)

    return (
        Op(parent or window, work, write=True)
        .with_progress("백업을 점검하고 복원하는 중입니다…", cancellable=False)
        .success(done)
        .failure(lambda exc: show_error(parent or window, exc))
        .run()
    )


def told_restored(parent, result) -> None:
    """Tests patch this."""
    from PySide6.QtWidgets import QMessageBox

    kept = (
        f"\n\n복원하기 전의 데이터베이스는 지우지 않고 '{result.kept_aside}'에 남겨 두었습니다."
        if result.kept_aside
        else ""
    )
    QMessageBox.information(parent, "복원했습니다", f"{quoted(result.source.name, '을')} 복원했습니다.{kept}")


def reopen(window):
    """After a restore: the window opens the database again. One that never opened it (it was
    refused) opens it in place; an open one hands over to a fresh window on the same database,
    so no page keeps rows of the database as it was."""
    from PySide6.QtCore import QTimer

    if window.ctx is None:
        window.loading.setText("데이터베이스를 여는 중입니다…")
        window.stack.setCurrentWidget(window.loading)
        window.open_database()
        return window
    from panelapp.gui.mainwindow import MainWindow

    fresh = MainWindow(window.db_target, settings=window.settings)
    fresh.setGeometry(window.geometry())
    fresh.show()
    QTimer.singleShot(0, fresh.open_database)
    window._close_ready = True  # the restored database is not backed up as the closing one
    window.close()
    window.replaced_by = fresh
    return fresh
