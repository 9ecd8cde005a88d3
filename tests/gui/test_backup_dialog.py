"""파일 → 백업·복원: the list with dates, kinds and sizes; 지금 백업; a restore that asks, keeps the
database as it was and opens the window again on the restored one; a damaged database at start
offered its newest good backup in a message box with a restore button; the closing backup;
database failures in message boxes as sentences."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from panelapp.db.engine import open_database
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs import backup_dialog
from panelapp.gui.dialogs.backup_dialog import BackupDialog
from panelapp.gui.operations import backups as window_backups
from panelapp.services.system.backups import list_backups, make_backup
from panelapp.settings import Settings


def _dialog(qtbot, window) -> BackupDialog:
    window.backup_action.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, BackupDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, BackupDialog) and w.isVisible())
    qtbot.waitUntil(
        lambda: "백업" in dialog.ui.statusLabel.text() and "읽는 중" not in dialog.ui.statusLabel.text()
    )
    return dialog


def _cohort_names(path: Path) -> set[str]:
    conn = sqlite3.connect(str(path))
    try:
        return {r[0] for r in conn.execute("SELECT name FROM cohorts")}
    finally:
        conn.close()


@pytest.fixture
def folder(main_window, tmp_path) -> Path:
    path = tmp_path / "backups"
    main_window.settings.set("backup_dir", str(path))
    return path


def test_the_dialog_lists_backups_with_dates_kinds_and_sizes(qtbot, main_window, folder, demo_db):
    settings = main_window.settings
    db = open_database(str(demo_db))
    make_backup(db, settings, kind="close", now=dt.datetime(2026, 11, 30, 18, 5))
    make_backup(db, settings, kind="manual", now=dt.datetime(2026, 12, 1, 9, 30))
    db.dispose()
    dialog = _dialog(qtbot, main_window)
    table = dialog.ui.table
    assert table.rowCount() == 2
    first = [table.item(0, c).text() for c in range(4)]
    assert (
        first[:2] == ["2026-12-01 09:30", "직접"]
        and first[2].endswith(("KB", "MB"))
        and first[3].endswith(".db")
    )
    assert [table.item(1, c).text() for c in range(2)] == ["2026-11-30 18:05", "닫을 때"]
    assert dialog.ui.folderLabel.text() == str(folder)
    assert "백업 2개" in dialog.ui.statusLabel.text() and "매일 7개" in dialog.ui.ruleLabel.text()
    assert dialog.ui.restoreButton.isEnabled()
    dialog.ui.backupButton.click()
    qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=20000)
    assert "점검 통과" in dialog.ui.statusLabel.text()
    dialog.ui.closeButton.click()
    qtbot.waitUntil(lambda: not isValid(dialog))  # deleted when closed


def test_restore_asks_keeps_the_old_database_and_reopens_the_window(
    qtbot, main_window, folder, demo_db, monkeypatch
):
    asked, told = [], []
    monkeypatch.setattr(
        backup_dialog, "ask_restore", lambda _p, text: asked.append(text) or bool(len(asked) > 1)
    )
    monkeypatch.setattr(window_backups, "told_restored", lambda _p, result: told.append(result))
    make_backup(main_window.ctx.db, main_window.settings, now=dt.datetime(2026, 12, 1, 9, 0))
    with main_window.ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE cohorts SET name = '백업 뒤에 바꾼 이름'")
    dialog = _dialog(qtbot, main_window)
    dialog.ui.restoreButton.click()  # 취소 the first time: nothing happens
    assert len(asked) == 1 and "before-restore" in asked[0] and "2026년 12월 1일 09:00" in asked[0]
    assert _cohort_names(demo_db) == {"백업 뒤에 바꾼 이름"}
    dialog.ui.restoreButton.click()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    fresh = main_window.replaced_by
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: fresh.ctx is not None and fresh._opened, timeout=20000)
    assert not main_window.isVisible() and fresh.isVisible()
    assert "백업 뒤에 바꾼 이름" not in _cohort_names(demo_db)
    assert fresh.cohort_combo.count() == 3 and "백업 뒤에" not in fresh.cohort_combo.currentText()
    assert told[0].kept_aside is not None and told[0].kept_aside.name.endswith(".before-restore")
    assert _cohort_names(told[0].kept_aside) == {"백업 뒤에 바꾼 이름"}
    fresh.close()
    wait_for_all()


def test_a_damaged_database_is_refused_with_its_newest_good_backup_offered(
    qtbot, tmp_path, demo_db, monkeypatch
):
    from panelapp.gui.mainwindow import MainWindow

    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(tmp_path / "backups"))
    good = make_backup(open_database(str(demo_db)), settings).path
    with open(demo_db, "r+b") as fh:  # pages of the tables, not the header
        fh.seek(40 * 4096)
        fh.write(b"\xa5" * 4096 * 6)
    seen, told = [], []
    monkeypatch.setattr(
        window_backups, "ask_at_open", lambda _w, exc: seen.append(exc) or window_backups.RESTORE
    )
    monkeypatch.setattr(window_backups, "told_restored", lambda _p, result: told.append(result))
    window = MainWindow(str(demo_db), settings=settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=30000):
        window.open_database()
    exc = seen[0]
    assert exc.backup == good and "손상" in exc.message and str(good) in exc.message
    assert "sqlalche" not in exc.message and "SELECT" not in exc.message
    assert told and window.ctx is not None  # restored, and the same window opened it
    window.close()
    wait_for_all()


def test_a_newer_database_is_said_in_the_message_box(qtbot, tmp_path, demo_db, monkeypatch):
    from panelapp.gui.mainwindow import MainWindow

    conn = sqlite3.connect(str(demo_db))
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.close()
    seen = []
    monkeypatch.setattr(window_backups, "ask_at_open", lambda _w, exc: seen.append(exc))
    window = MainWindow(str(demo_db), settings=Settings(tmp_path / "s.json"))
    qtbot.addWidget(window)
    window.show()
    window.open_database()
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    assert "더 새로운 버전의 프로그램에서 만들어졌습니다" in seen[0].message
    assert "더 새로운 버전" in window.loading.text()
    assert window.backup_action.isEnabled()  # the way to a restore stays open
    window.close()
    wait_for_all()


def test_closing_makes_the_closing_backup_and_then_closes(
    qtbot, open_main_window, demo_db, tmp_path, monkeypatch
):
    monkeypatch.setenv("PANELAPP_AUTO_BACKUP", "1")
    monkeypatch.setattr(window_backups, "DAILY_FIRST_MS", 0)
    settings = Settings(tmp_path / "s.json")
    settings.set("backup_dir", str(tmp_path / "backups"))
    window = open_main_window(demo_db, settings=settings)
    db = window.ctx.db
    qtbot.waitUntil(lambda: [b.kind for b in list_backups(db, settings)] == ["daily"], timeout=20000)
    daily = list_backups(db, settings)[0].path
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE cohorts SET name = name || ' '")
    later = daily.stat().st_mtime + 2
    import os

    os.utime(demo_db, (later, later))
    window.close()
    assert window.isVisible()  # waits for the backup
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    # one automatic backup a day is kept: the closing one, made after, replaces the morning's
    assert [b.kind for b in list_backups(db, settings)] == ["close"]


def test_a_database_failure_in_a_message_box_is_a_sentence(qtbot, monkeypatch, tmp_path):
    from sqlalchemy.exc import OperationalError

    from panelapp.gui.core.ops import show_error

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append((title, text)))
    orig = sqlite3.OperationalError("database or disk is full")
    orig.sqlite_errorname = "SQLITE_FULL"
    show_error(None, OperationalError("INSERT INTO findings (x) VALUES (?)", (1,), orig))
    show_error(None, OSError(28, "No space left on device", str(tmp_path / "x.xlsx")))
    assert len(shown) == 2
    for _title, text in shown:
        assert "디스크 공간이 부족" in text and "INSERT" not in text and "sqlalche" not in text
