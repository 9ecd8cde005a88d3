"""휴지통 page: empty state, rows in Korean time, restore, refusal shown, refresh on data changes."""

import datetime as dt

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from panelapp.domain.localtime import format_local
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.pages.trash import EMPTY_TEXT, TrashPage
from panelapp.services.changes import Changes, Kind
from panelapp.services.cohorts.manage import CohortInput, create_cohort, delete_cohort, list_cohorts
from panelapp.services.people.members import delete_enrollment, get_member
from panelapp.services.trash.manage import list_trash


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
    qtbot.waitUntil(lambda: not page.is_loading and not page.is_stale, timeout=5000)


def test_empty_trash_shows_the_empty_text(qtbot, page):
    shown(qtbot, page)
    assert page.register.currentWidget() is page.empty_label
    assert page.empty_label.text() == EMPTY_TEXT
    assert not page.restore_button.isEnabled()


def test_rows_and_restore(qtbot, demo_page):
    page = demo_page
    ctx = page.window_.ctx
    seventh = list_cohorts(ctx)[0]
    delete_enrollment(ctx, 40)
    shown(qtbot, page)
    assert page.register.currentWidget() is page.register.view
    assert page.register.row_count() == 1
    cells = [page.register.cell(0, c) for c in range(4)]
    item = list_trash(ctx)[0]
    assert cells == ["참여단원", item.label, format_local(item.deleted_at), "테스트담당자"]
    assert page.model.headerData(2, Qt.Orientation.Horizontal) == "삭제일시"
    assert page.restore_button.isEnabled()  # the first row is selected

    with qtbot.waitSignal(page.window_.bus.changes, timeout=5000) as sig:
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    changes = sig.args[0]  # announced by the restore op, not by the page
    assert Kind.TRASH in changes.kinds and changes.ids_of(Kind.ENROLLMENT) == {40}
    qtbot.waitUntil(lambda: page.register.currentWidget() is page.empty_label, timeout=5000)
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
    assert page.register.row_count() == 1 and page.restore_button.isEnabled()


def test_refreshes_when_data_changes_elsewhere(qtbot, demo_page):
    page = demo_page
    ctx = page.window_.ctx
    shown(qtbot, page)
    assert page.register.currentWidget() is page.empty_label
    oldest = list_cohorts(ctx)[-1]
    delete_cohort(ctx, oldest.id)  # elsewhere: another desktop, another page
    page.window_.bus.announce(Changes(frozenset({Kind.COHORT, Kind.TRASH})))
    qtbot.waitUntil(
        lambda: page.register.row_count() == 1 and page.register.currentWidget() is page.register.view,
        timeout=5000,
    )
    assert page.register.cell(0, 1).startswith(f"제{oldest.number}기")


def test_kind_filter_with_counts_search_and_sort(qtbot, demo_page):
    from panelapp.gui.pages.trash import NO_MATCH_TEXT

    page, ctx = demo_page, demo_page.window_.ctx
    name = get_member(ctx, 41).name
    delete_enrollment(ctx, 40)
    delete_enrollment(ctx, 41)
    delete_cohort(ctx, list_cohorts(ctx)[-1].id)
    shown(qtbot, page)
    combo = page.kind_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["모든 종류 (3)", "기수 (1)", "참여단원 (2)"]
    assert page.register.cell(0, 0) == "기수"  # newest first
    page.register.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # 종류, as a header click
    shown(qtbot, page)
    assert [page.register.cell(r, 0) for r in range(3)] == ["참여단원", "참여단원", "기수"]
    combo.setCurrentIndex(combo.findData("enrollment"))
    shown(qtbot, page)
    assert page.register.row_count() == 2 and page.count_label.text() == "2개 항목"
    page.search_edit.setText(name)
    qtbot.waitUntil(lambda: page.register.row_count() == 1, timeout=5000)
    assert page.register.cell(0, 1).startswith(name)
    page.search_edit.setText("없는 이름")
    qtbot.waitUntil(lambda: page.register.currentWidget() is page.empty_label, timeout=5000)
    assert page.empty_label.text() == NO_MATCH_TEXT and not page.restore_button.isEnabled()
    assert combo.currentData() == "enrollment" and combo.itemText(combo.currentIndex()) == "참여단원 (0)"
