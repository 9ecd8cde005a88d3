"""GUI entry point: the window is shown first, the database opens right after."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from panelapp import __version__

# benchmarks/bench_startup.py sets this to its time.time() before starting us: we print the
# seconds until the main window is shown and painted, then exit without opening the database.
BENCH_ENV = "PANELAPP_BENCH_T0"
# Windows: a named mutex the window holds while it runs; the installer and uninstaller
# (packaging/windows/panelapp.iss, AppMutex) refuse to go on while it exists.
WINDOWS_MUTEX = "panelapp-app-running"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("panelapp")
    app.setOrganizationName("panelapp")
    app.setApplicationDisplayName("시민참여단 활동관리")
    app.setApplicationVersion(__version__)
    from panelapp.gui.fonts import install_fonts
    from panelapp.gui.translations import install_korean

    install_fonts(app)
    install_korean(app)  # Qt's own buttons, menus and file/print dialogs in Korean
    from panelapp.gui.core.screen_fit import install_screen_fit

    install_screen_fit(app)  # every dialog inside the screen, 1366×768 too
    from panelapp.gui.core.gc_guard import install_gc_guard

    install_gc_guard(app)  # the cycle collector never runs on a worker thread
    from PySide6.QtGui import QIcon

    from panelapp.paths import resource

    icon = resource("icons", "panelapp.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))  # every window's title bar and the task bar
    return app


def _hold_windows_mutex() -> None:
    if sys.platform == "win32":
        import ctypes

        # the handle stays open until the process ends, when Windows releases it
        ctypes.windll.kernel32.CreateMutexW(None, False, WINDOWS_MUTEX)


def _preload_services() -> None:
    """Import the database layer (SQLAlchemy and the models: ~300-450 ms) on a thread while Qt
    builds and paints the window, so opening the database does not wait for it afterwards."""
    import threading

    def load() -> None:
        import panelapp.services.changes  # noqa: F401
        import panelapp.services.cohorts.manage  # noqa: F401
        import panelapp.services.system.bootstrap  # noqa: F401

    threading.Thread(target=load, name="preload-services", daemon=True).start()


def run_gui(db_target: str | None = None, quit_after_ms: int | None = None) -> int:
    _hold_windows_mutex()
    if not os.environ.get(BENCH_ENV):
        _preload_services()
    app = create_application()
    from panelapp.gui.mainwindow import MainWindow

    window = MainWindow(db_target)
    window.show()
    if os.environ.get(BENCH_ENV):
        return _report_shown(app)
    QTimer.singleShot(0, window.open_database)
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, window.close)
    code = app.exec()
    from panelapp.gui.core.ops import wait_for_all

    wait_for_all()
    return code


def _report_shown(app: QApplication) -> int:
    app.processEvents()  # the first expose and paint of the window
    print(f"PANELAPP_SHOWN {time.time() - float(os.environ[BENCH_ENV]):.4f}", flush=True)
    return 0
