"""This desktop over to another database: a fresh window on it, as after a restore, so no page
keeps rows of the old one; the old window closes (its closing backup first, as at any close).
Used by 파일 → 공유 데이터베이스로 옮기기 and 파일 → 데이터베이스 연결."""

from __future__ import annotations


def switch_window(window, target: str):
    """Open a window on `target` where `window` is, and close `window`; returns the new one
    (`window.replaced_by` names it too)."""
    from PySide6.QtCore import QTimer

    from panelapp.gui.mainwindow import MainWindow

    fresh = MainWindow(target, settings=window.settings)
    fresh.switched = True  # chosen through the menu: an accountless database asks for its 관리자
    fresh.setGeometry(window.geometry())
    fresh.show()
    QTimer.singleShot(0, fresh.open_database)
    window.replaced_by = fresh
    window.close()
    return fresh
