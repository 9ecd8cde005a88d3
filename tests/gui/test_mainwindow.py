"""Main window: opens the database after showing, status bar, welcome page, geometry; pages
built on first visit; the cohort list loaded off the UI thread and reloaded on announced changes;
the shared window fixture and the modal-dialog guard of tests/conftest.py."""

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QWidget

from panelapp.domain.localtime import today_local
from panelapp.gui import mainwindow
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.core.page import Page
from panelapp.gui.mainwindow import PAGES, MainWindow
from panelapp.services.changes import Changes, Kind
from panelapp.settings import Settings


def open_window(qtbot, tmp_path, name="app.db"):
    window = MainWindow(str(tmp_path / name), settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=15000):
        window.open_database()
    return window


def make_cohort(path, number=7, settings=None):
    from panelapp.services.cohorts.manage import CohortInput, create_cohort
    from panelapp.services.system.bootstrap import open_app

    ctx = open_app(str(path), settings)
    info = create_cohort(
        ctx,
        CohortInput(
            number, f"제{number}기 고객서비스 시민참여단", dt.date(2026, 3, 1), dt.date(2026, 12, 31)
        ),
    )
    ctx.db.dispose()
    return info


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
    window.resize(1013, 702)
    window.close()
    wait_for_all()
    assert QSettings().value("mainwindow/geometry") is not None
    again = MainWindow(str(tmp_path / "app.db"), settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (1013, 702)


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


# ----- pages built on first visit ------------------------------------------------------------
def test_only_the_page_shown_is_built_at_start_up(open_main_window, tmp_path):
    window = open_main_window(tmp_path / "app.db")
    assert list(window.pages) == ["welcome"]  # the dict holds the pages built so far
    assert window.nav.count() == len(PAGES)  # yet every page is listed in the navigation
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        label for _k, label, _t in PAGES
    ]
    assert all(key in window.pages for key, _label, _target in PAGES)  # the window has them all
    assert not window.pages.is_built("trash")


class _OldPage(QWidget):
    """A page from before the Page base: it learns the cohort from cohort_changed only."""

    def __init__(self, window):
        super().__init__()
        self.cohort_id = None
        window.cohort_changed.connect(self._on_cohort)

    def _on_cohort(self, cohort_id):
        self.cohort_id = cohort_id


class _LazyPage(Page):
    """A Page that counts its loads and shows the cohort it loaded for."""

    def __init__(self, window):
        super().__init__(window)
        self.label = QLabel(self)
        self.loads = []

    def load(self):
        cohort_id = self.window_.current_cohort_id
        return lambda: cohort_id

    def apply(self, cohort_id):
        self.loads.append(cohort_id)
        self.label.setText(str(cohort_id))


@pytest.fixture
def test_pages(monkeypatch):
    monkeypatch.setattr(
        mainwindow,
        "PAGES",
        [
            PAGES[0],
            ("lazy", "새 방식", f"{__name__}:_LazyPage"),
            ("old", "옛 방식", f"{__name__}:_OldPage"),
            ("other", "다른 쪽", f"{__name__}:_LazyPage"),
        ],
    )


def test_a_page_is_built_when_first_shown_and_kept(qtbot, test_pages, open_main_window, tmp_path):
    make_cohort(tmp_path / "app.db")
    window = open_main_window(tmp_path / "app.db")
    assert list(window.pages) == ["lazy"]  # the first entry after the hidden welcome page
    built = []
    window.page_built.connect(built.append)
    window.nav.setCurrentItem(window._nav_items["other"])  # the user clicks the entry
    assert window.pages.is_built("other") and built == ["other"]
    page = window.pages["other"]
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.loads == [window.current_cohort_id], timeout=10000)
    window.show_page("lazy")
    window.show_page("other")
    assert window.page("other") is page and built == ["other"]  # built once
    old = window.page("old")  # the accessor builds without showing
    assert window.pages["old"] is old and window.stack.currentWidget() is page
    assert built == ["other", "old"]
    with pytest.raises(KeyError):
        window.page("no_such_page")
    assert "no_such_page" not in window.pages


def test_show_page_builds_the_page_it_shows(qtbot, test_pages, open_main_window, tmp_path):
    make_cohort(tmp_path / "app.db")
    window = open_main_window(tmp_path / "app.db")
    assert not window.pages.is_built("other") and "other" in window.pages
    window.show_page("other")
    assert window.stack.currentWidget() is window.pages["other"]
    assert window.nav.currentItem() is window._nav_items["other"]


def test_a_page_built_after_the_cohort_was_chosen_knows_it(qtbot, test_pages, open_main_window, tmp_path):
    cohort = make_cohort(tmp_path / "app.db")
    window = open_main_window(tmp_path / "app.db")
    lazy = window.pages["lazy"]
    assert lazy.loads == [cohort.id]  # the first page loaded once, for the chosen cohort
    old = window.page("old")
    assert old.cohort_id == cohort.id


def test_cohort_list_loads_off_the_ui_thread(qtbot, test_pages, open_main_window, tmp_path, monkeypatch):
    from panelapp.services.cohorts import manage

    threads = []
    real = manage.list_cohorts

    def spy(ctx):
        threads.append(threading.current_thread())
        return real(ctx)

    monkeypatch.setattr(manage, "list_cohorts", spy)
    make_cohort(tmp_path / "app.db")
    window = open_main_window(tmp_path / "app.db")
    assert window.cohort_combo.count() == 1
    assert threads and threading.main_thread() not in threads


def test_cohort_selector_follows_announced_cohort_and_trash_changes(
    qtbot, test_pages, open_main_window, tmp_path
):
    from panelapp.services.cohorts.manage import CohortInput, create_cohort, delete_cohort
    from panelapp.services.trash.manage import restore

    first = make_cohort(tmp_path / "app.db")
    window = open_main_window(tmp_path / "app.db")
    lazy = window.pages["lazy"]
    seen = []
    window.cohort_changed.connect(seen.append)
    second = create_cohort(window.ctx, CohortInput(8, "제8기", dt.date(2027, 3, 1), dt.date(2027, 12, 31)))
    window.bus.announce(Changes(frozenset({Kind.COHORT}), {Kind.COHORT: frozenset({second.id})}))
    qtbot.waitUntil(lambda: window.cohort_combo.count() == 2, timeout=10000)
    assert window.current_cohort_id == first.id  # the cohort being worked on stays chosen
    assert seen == [] and lazy.loads == [first.id]  # same cohort: pages are not sent round again
    window.bus.announce(Changes(frozenset({Kind.FINDING})))  # not about cohorts: no reload
    delete_cohort(window.ctx, first.id)
    window.bus.announce(Changes(frozenset({Kind.MEMBER})))
    qtbot.wait(200)
    assert window.cohort_combo.count() == 2
    window.bus.announce(Changes(frozenset({Kind.TRASH})))
    qtbot.waitUntil(lambda: window.cohort_combo.count() == 1, timeout=10000)
    assert window.current_cohort_id == second.id and seen == [second.id]
    qtbot.waitUntil(lambda: lazy.loads == [first.id, second.id], timeout=10000)
    restore(window.ctx, "cohort", first.id)
    window.bus.announce(Changes(frozenset({Kind.TRASH})))
    qtbot.waitUntil(lambda: window.cohort_combo.count() == 2, timeout=10000)


def test_last_cohort_is_chosen_again_on_the_next_start(qtbot, test_pages, open_main_window, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    make_cohort(tmp_path / "app.db", 7)
    eighth = make_cohort(tmp_path / "app.db", 8)
    window = open_main_window(tmp_path / "app.db", settings)
    assert window.current_cohort_id == eighth.id  # the newest first
    window.cohort_combo.setCurrentIndex(1)
    seventh = window.current_cohort_id
    assert Settings(tmp_path / "settings.json").get("last_cohort_id") == seventh
    window.close()
    wait_for_all()
    again = open_main_window(tmp_path / "app.db", Settings(tmp_path / "settings.json"))
    assert again.current_cohort_id == seventh


def test_holidays_are_computed_on_a_worker_after_start_up(qtbot, open_main_window, tmp_path, monkeypatch):
    from panelapp.domain import holidays_kr

    monkeypatch.setattr(holidays_kr, "_YEARS", {})
    threads = []
    real = holidays_kr._year

    def spy(year):
        threads.append(threading.current_thread())
        return real(year)

    monkeypatch.setattr(holidays_kr, "_year", spy)
    open_main_window(tmp_path / "app.db")
    year = today_local().year
    qtbot.waitUntil(lambda: all(holidays_kr.is_warm(y) for y in (year - 1, year, year + 1)), timeout=20000)
    assert threads and threading.main_thread() not in threads


# ----- the shared fixtures of tests/conftest.py ----------------------------------------------
def test_main_window_fixture_opens_the_demo_on_its_dashboard(main_window, demo_db):
    assert main_window.ctx.db.sqlite_path == demo_db
    assert main_window.cohort_combo.count() >= 1 and main_window.cohort_combo.isEnabled()
    assert main_window.stack.currentWidget() is main_window.pages["dashboard"]
    assert main_window._nav_items["welcome"].isHidden()


def test_each_test_gets_its_own_demo_copy(demo_ctx, demo_db_file):
    from panelapp.services.cohorts.manage import delete_cohort, list_cohorts

    cohorts = list_cohorts(demo_ctx)
    assert cohorts and demo_ctx.user_name == "테스트담당자"
    delete_cohort(demo_ctx, cohorts[0].id)  # changes this copy only
    assert len(list_cohorts(demo_ctx)) == len(cohorts) - 1


def test_the_next_test_sees_the_demo_untouched(demo_ctx):
    from panelapp.services.cohorts.manage import list_cohorts

    assert 7 in [c.number for c in list_cohorts(demo_ctx)]


def test_demo_copy_carries_its_attachment_files(demo_db):
    from panelapp.services.attachments.store import FOLDER

    files = [p for p in (demo_db.parent / FOLDER).rglob("*") if p.is_file()]
    assert files, "the demo's photos must come with the copy"


def test_guard_fails_a_test_that_leaves_a_message_box_open(pytester):
    pytester.makeconftest((Path(__file__).parent.parent / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(
        """
        import pytest
        from PySide6.QtWidgets import QMessageBox, QWidget

        @pytest.fixture
        def parent(qtbot):
            widget = QWidget()  # held by the fixture, as a test's window is
            qtbot.addWidget(widget)
            yield widget

        def test_forgets_the_box(parent):
            box = QMessageBox(QMessageBox.Icon.Warning, "확인해 주세요", "저장하지 않았습니다", parent=parent)
            box.open()

        def test_answers_the_box(parent):
            box = QMessageBox(QMessageBox.Icon.Warning, "확인해 주세요", "저장하지 않았습니다", parent=parent)
            box.open()
            box.accept()

        def test_after_it_nothing_is_left(qtbot):
            from PySide6.QtWidgets import QApplication, QDialog
            assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*left a modal dialog open: QMessageBox*확인해 주세요*"])


def test_the_window_fits_the_screen_it_opens_on():
    from panelapp.gui.mainwindow import fitted_size

    minimum = (1000, 640)
    assert fitted_size((1280, 800), (1366, 728), minimum) == (1280, 728)  # 1366×768 less a taskbar
    assert fitted_size((1280, 800), (1920, 1040), minimum) == (1280, 800)
    assert fitted_size((2400, 1400), (1366, 728), minimum) == (1366, 728)  # saved on a big monitor
    assert fitted_size((1280, 800), (800, 600), minimum) == minimum  # never below the minimum


def test_the_database_layer_is_imported_while_the_window_is_built():
    """run_gui starts importing SQLAlchemy and the models on a thread before Qt builds the
    window, so opening the database does not wait ~0.4 s for them afterwards."""
    import subprocess
    import sys

    code = (
        "import sys, threading\n"
        "from panelapp.gui.app import _preload_services\n"
        "assert 'sqlalchemy' not in sys.modules\n"
        "_preload_services()\n"
        "t = next(t for t in threading.enumerate() if t.name == 'preload-services')\n"
        "t.join(30)\n"
        "assert 'panelapp.services.system.bootstrap' in sys.modules and 'sqlalchemy' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_application_has_its_icon(qapp):
    from panelapp.gui.app import create_application

    assert not create_application().windowIcon().isNull()
