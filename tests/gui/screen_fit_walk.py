"""Run by tests/gui/test_fits_screen.py in a child process whose offscreen screen is 1366×768
(the suite's own offscreen screen is 800×800, and a QApplication's screens cannot change).

Not collected by itself (its name does not start with test_). It opens every page of the main
window and every dialog, through the walks of tests/gui/test_dialogs_deleted.py and
tests/gui/test_people_dialogs_deleted.py (once each instead of five times), and records the frame of
every window as it stands when it is hidden again: a frame outside the screen's available area
fails, naming the window and its size. The same walk checks every dialog for keyboard and
screen-reader use as it closes (a11y_checks.DialogWatch: every input named, Tab in screen order). The frame counted is at least a desktop's title bar and
borders (screen_fit.ASSUMED_FRAME), not the offscreen platform's 2 pixels.
"""

from __future__ import annotations

import os

import a11y_checks
import test_dialogs_deleted
import test_people_dialogs_deleted
from conftest import page_settled
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from panelapp.gui.core.screen_fit import frame_margins

WATCHED = (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.Move)


class FrameWatch(QObject):
    """Every shown window's frame checked against its screen's available area: as it stands
    when it is hidden again (a dialog is placed and sized in steps while it opens), and for
    those still shown, at the end."""

    def __init__(self) -> None:
        super().__init__()
        self.too_big: dict[str, str] = {}
        self.seen: set[str] = set()
        self.shown: dict[int, QWidget] = {}

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if not isinstance(obj, QWidget) or not obj.isWindow():
            return False
        if event.type() in WATCHED and obj.isVisible():
            self.shown[id(obj)] = obj
        elif event.type() == QEvent.Type.Hide and self.shown.pop(id(obj), None) is not None:
            self.check(obj)
        return False

    def check(self, widget: QWidget) -> None:
        if widget.windowType().name in ("ToolTip", "Popup", "SplashScreen"):
            return  # a combo's list and a tooltip are Qt's to place
        name = f"{type(widget).__name__} {widget.windowTitle()!r}"
        self.seen.add(name)
        screen = widget.screen() or QGuiApplication.primaryScreen()
        # the offscreen platform draws a 2-pixel frame; a desktop's title bar is ~30 px tall
        area, frame = screen.availableGeometry(), widget.geometry().marginsAdded(frame_margins(widget))
        if not area.contains(frame):
            self.too_big.setdefault(
                name,
                f"{frame.width()}×{frame.height()} at ({frame.x()}, {frame.y()}) on {area.width()}×{area.height()}",
            )

    def finish(self) -> dict[str, str]:
        for widget in list(self.shown.values()):
            if isValid(widget) and widget.isVisible():
                self.check(widget)
        self.shown.clear()
        return self.too_big


def listing(too_big: dict[str, str]) -> str:
    """One window a line, every one of them (pytest cuts a long dict short)."""
    return "\n".join(f"{name}: {frame}" for name, frame in sorted(too_big.items()))


def _screen_is_1366x768() -> None:
    """1366×768, or what 1366×768 leaves at the scale test_fits_screen gives (PANELAPP_FIT_SCREEN)."""
    expected = os.environ.get("PANELAPP_FIT_SCREEN", "1366x768")
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert f"{area.width()}x{area.height()}" == expected, "run by test_fits_screen with its screen"


def test_main_window_and_every_page_fit(demo_db, qtbot, tmp_path):
    """The window as a user first gets it (no saved geometry), then on every page."""
    from panelapp.gui.core.ops import wait_for_all
    from panelapp.gui.mainwindow import PAGES, MainWindow
    from panelapp.settings import Settings

    _screen_is_1366x768()
    watch = FrameWatch()
    QApplication.instance().installEventFilter(watch)
    window = MainWindow(str(demo_db), settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    try:
        window.show()
        with qtbot.waitSignal(window.database_opened, timeout=20000):
            window.open_database()
        for key, _label, _target in PAGES:
            window.show_page(key)
            qtbot.waitUntil(lambda key=key: page_settled(window.page(key)), timeout=20000)
            watch.check(window)
            if key == "dashboard" and not os.environ.get("QT_SCALE_FACTOR"):
                _dashboard_shows_its_legend(window.page(key), qtbot)  # at 150 % the page scrolls
        assert watch.finish() == {}, listing(watch.too_big)
    finally:
        QApplication.instance().removeEventFilter(watch)
        window.close()
        wait_for_all()


def _dashboard_shows_its_legend(page, qtbot) -> None:
    """The proposal status legend, the lowest part of the dashboard, is whole and on screen
    without scrolling at 1366×768 (issue 10 item 7: its last row was cut off)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    qtbot.waitUntil(
        lambda: page.finding_figures is not None and page.participation is not None, timeout=20000
    )
    chart = page.status_chart
    chart.grab()  # paints: the hit areas are the legend's cells as drawn
    cells = [rect for rect, _key, _tip in chart.areas][-len(page.data.proposals_by_status) :]
    assert cells and all(chart.rect().toRectF().contains(c) for c in cells), (chart.size(), cells)
    viewport = page.findChild(QScrollArea).viewport()
    bottom = chart.mapTo(viewport, QPoint(0, round(max(c.bottom() for c in cells)))).y()
    assert bottom <= viewport.height(), (bottom, viewport.height())


def test_every_dialog_fits(main_window, qtbot, tmp_path, monkeypatch):
    _screen_is_1366x768()
    from panelapp.gui.core.screen_fit import fit_window

    fit_window(main_window)  # the fixture's 1280×800 is taller than the screen; dialogs centre on it
    watch = FrameWatch()
    names = a11y_checks.DialogWatch()  # and, as each closes, its inputs named and its Tab order
    QApplication.instance().installEventFilter(watch)
    QApplication.instance().installEventFilter(names)
    monkeypatch.setattr(test_dialogs_deleted, "TIMES", 1)
    try:
        test_people_dialogs_deleted.test_each_dialog_opened_and_closed_five_times_leaves_none(
            main_window, qtbot
        )
        test_dialogs_deleted.test_every_other_dialog_opened_and_closed_five_times_leaves_none(
            main_window, qtbot, tmp_path
        )
        too_big = watch.finish()
    finally:
        QApplication.instance().removeEventFilter(watch)
        QApplication.instance().removeEventFilter(names)
    assert len(watch.seen) >= 30, sorted(watch.seen)  # the walk really opened the dialogs
    assert too_big == {}, listing(too_big)
    assert len(names.seen) >= 25, sorted(names.seen)
    assert names.problems == {}, names.report()


def _cut_texts(window, page) -> list[str]:
    """Every shown push button narrower than its text needs, and every label of a dashboard
    tile whose text needs more height than it got or runs into the next one."""
    from PySide6.QtWidgets import QLabel, QPushButton, QWidgetItem

    from panelapp.gui.charts import Tile

    buttons = [b for b in page.findChildren(QPushButton) if b.isVisibleTo(window)]
    cut = [
        f"{type(page).__name__} {b.text()!r}: {b.width()} < {b.sizeHint().width()}"
        for b in buttons
        if b.width() < b.sizeHint().width()
    ]
    # and no narrower window may cut it either: the least a layout may give it is its text's width
    cut += [
        f"{type(page).__name__} {b.text()!r} may get {least} < {b.sizeHint().width()}"
        for b in buttons
        if (least := QWidgetItem(b).minimumSize().width()) < b.sizeHint().width()
    ]
    for tile in page.findChildren(Tile):
        if not tile.isVisibleTo(window):
            continue
        labels = [label for label in tile.findChildren(QLabel) if label.text()]
        for label in labels:
            need = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
            if need > label.height() or not tile.contentsRect().contains(label.geometry()):
                cut.append(f"tile {tile.caption.text()!r} {label.text()!r}: {label.height()} < {need}")
        for a, b in zip(labels, labels[1:]):
            if a.geometry().intersects(b.geometry()):
                cut.append(f"tile {tile.caption.text()!r}: {a.text()!r} overlaps {b.text()!r}")
    return cut


def test_no_page_cuts_a_button_or_tile_text(demo_db, qtbot, tmp_path):
    """At the scale test_fits_screen gives (and in 고대비 with PANELAPP_FIT_CONTRAST): every
    page's buttons get the width their text needs (a crowded row grows, the page scrolls) and a
    dashboard tile's lines get the height they need (issue 16 item 6: "개선제안 만들기" was cut
    at 150 %, a tile's wrapped detail line ran into the tile's edge)."""
    from panelapp.gui import palette
    from panelapp.gui.core.ops import wait_for_all
    from panelapp.gui.fonts import install_fonts
    from panelapp.gui.mainwindow import PAGES, MainWindow
    from panelapp.settings import Settings

    _screen_is_1366x768()
    app = QApplication.instance()
    install_fonts(app)  # the application's font (NanumGothic, 10 pt), as run_gui gives it: its text widths
    window = MainWindow(str(demo_db), settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    try:
        window.show()
        with qtbot.waitSignal(window.database_opened, timeout=20000):
            window.open_database()
        if os.environ.get("PANELAPP_FIT_CONTRAST"):
            palette.apply(QApplication.instance(), True)
        cut: list[str] = []
        for maximized in (True, False):  # and as narrow as the window goes: the pages scroll
            if maximized:
                window.showMaximized()
            else:
                window.showNormal()
                window.resize(window.minimumSizeHint().width(), window.height())
            for key, _label, _target in PAGES:
                window.show_page(key)
                page = window.page(key)
                qtbot.waitUntil(lambda page=page: page_settled(page), timeout=20000)
                if key == "dashboard":
                    qtbot.waitUntil(lambda page=page: page.participation is not None, timeout=20000)
                QApplication.processEvents()
                cut += [f"{window.width()} px: {line}" for line in _cut_texts(window, page)]
        assert cut == [], "\n".join(cut)
    finally:
        if os.environ.get("PANELAPP_FIT_CONTRAST"):
            palette.apply(QApplication.instance(), False)
        window.close()
        wait_for_all()
