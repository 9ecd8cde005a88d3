"""Main window: opens the database after showing, status bar, welcome page, geometry."""

from PySide6.QtCore import QSettings

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.mainwindow import MainWindow
from panelapp.settings import Settings


def open_window(qtbot, tmp_path, name="app.db"):
    window = MainWindow(str(tmp_path / name), settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=15000):
        window.open_database()
    return window


def test_empty_database_shows_welcome_page_and_status(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    assert window.stack.currentWidget() is window.pages["welcome"]
    assert str(tmp_path / "app.db") in window.db_label.text()
    assert "관리자" in window.user_label.text()
    assert not window.cohort_combo.isEnabled()
    # the migrations ran: the database is at head
    from panelapp.db.migrate import is_at_head

    assert is_at_head(window.ctx.db)
    window.close()
    wait_for_all()


def test_with_a_cohort_the_welcome_page_hides(qtbot, tmp_path):
    import datetime as dt

    from panelapp.services.cohorts.manage import CohortInput, create_cohort
    from panelapp.services.system.bootstrap import open_app

    ctx = open_app(str(tmp_path / "app.db"), Settings(tmp_path / "settings.json"))
    create_cohort(
        ctx, CohortInput(7, "제7기 고객서비스 시민참여단", dt.date(2026, 3, 1), dt.date(2026, 12, 31))
    )
    ctx.db.dispose()
    window = open_window(qtbot, tmp_path)
    assert window.cohort_combo.currentText().startswith("제7기")
    assert window._nav_items["welcome"].isHidden()
    assert window.stack.currentWidget() is not window.pages["welcome"]
    window.close()
    wait_for_all()


def test_window_geometry_is_remembered(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    window.resize(1013, 702)  # offscreen screen is 800x800; width is the minimum 1000+
    window.close()
    wait_for_all()
    assert QSettings().value("mainwindow/geometry") is not None
    again = MainWindow(str(tmp_path / "app.db"), settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(again)
    assert again.height() == 702  # the width is clamped to the 800px offscreen screen


def test_unopenable_database_reports_in_korean(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    window = MainWindow(str(tmp_path / "nofolder" / "x.db"), settings=Settings(tmp_path / "s.json"))
    qtbot.addWidget(window)
    window.open_database()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "폴더" in shown[0]
    assert "열 수 없습니다" in window.loading.text()
    wait_for_all()
