"""휴지통 page: empty state, rows in Korean time, restore, refusal shown, refresh on data changes."""

import datetime as dt

import pytest
from conftest import make_ctx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from panelapp.domain.localtime import format_local
from panelapp.gui.core.bus import DataBus
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.pages.trash import EMPTY_TEXT, TrashPage
from panelapp.services.cohorts.manage import CohortInput, create_cohort, delete_cohort, list_cohorts
from panelapp.services.people.members import delete_enrollment, get_member
from panelapp.services.trash.manage import list_trash


class Window(QMainWindow):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.bus = DataBus(self)


@pytest.fixture
def page(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    window = Window(ctx)
    qtbot.addWidget(window)
    trash = TrashPage(window)
    window.setCentralWidget(trash)
    window.resize(900, 500)
    yield trash
    wait_for_all()
    ctx.db.dispose()


@pytest.fixture
def demo_page(qtbot, tmp_path, demo_db_file):
    """The page on a copy of the session's demo database."""
    from conftest import open_demo_copy

    ctx = open_demo_copy(demo_db_file, tmp_path / "demo")
    window = Window(ctx)
    qtbot.addWidget(window)
    trash = TrashPage(window)
    window.setCentralWidget(trash)
    window.resize(900, 500)
    yield trash
    wait_for_all()
    ctx.db.dispose()


def shown(qtbot, page):
    page.window_.show()
    qtbot.waitUntil(lambda: not page._loading and not page._dirty, timeout=5000)


def test_empty_trash_shows_the_empty_text(qtbot, page):
    shown(qtbot, page)
    assert page.stack.currentWidget() is page.empty_label
    assert page.empty_label.text() == EMPTY_TEXT
    assert not page.restore_button.isEnabled()


def test_rows_and_restore(qtbot, demo_page):
    page = demo_page
    ctx = page.window_.ctx
    seventh = list_cohorts(ctx)[0]
    delete_enrollment(ctx, 40)
    shown(qtbot, page)
    assert page.stack.currentWidget() is page.table
    assert page.table.rowCount() == 1
    cells = [page.table.item(0, c).text() for c in range(4)]
    item = list_trash(ctx)[0]
    assert cells == ["참여단원", item.label, format_local(item.deleted_at), "테스트담당자"]
    assert page.table.horizontalHeaderItem(2).text() == "삭제일시"
    assert page.restore_button.isEnabled()  # the first row is selected

    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000) as sig:
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert sig.args[0] == "trash"
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty_label, timeout=5000)
    assert get_member(ctx, 40).cohort_id == seventh.id
    assert "복원했습니다" in page.window_.statusBar().currentMessage()


def test_refused_restore_is_shown_and_the_item_stays(qtbot, demo_page, monkeypatch):
    page = demo_page
    ctx = page.window_.ctx
    seventh = list_cohorts(ctx)[0]
    delete_cohort(ctx, seventh.id)
    create_cohort(ctx, CohortInput(7, "제7기 다시 만든 기수", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    shown(qtbot, page)
    page.restore_selected()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert "번호를 바꾼 뒤" in warnings[0]
    assert page.table.rowCount() == 1 and page.restore_button.isEnabled()


def test_refreshes_when_data_changes_elsewhere(qtbot, demo_page):
    page = demo_page
    ctx = page.window_.ctx
    shown(qtbot, page)
    assert page.stack.currentWidget() is page.empty_label
    delete_cohort(ctx, list_cohorts(ctx)[-1].id)
    page.window_.bus.emit_changed("cohort")
    qtbot.waitUntil(
        lambda: page.table.rowCount() == 1 and page.stack.currentWidget() is page.table, timeout=5000
    )
    assert page.table.item(0, 1).text().startswith("제6기")
