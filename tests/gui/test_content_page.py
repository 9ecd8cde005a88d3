"""소식 콘텐츠 page: a post through the dialog (author from the 소식이음단 only, link checked),
totals per member and channel, hours credited, edit and delete with undo."""

import pytest
from conftest import make_ctx
from gui_window import Window
from proposal_world import build
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from shiboken6 import isValid

from panelapp.domain.enums import ContentChannel
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.pages.content import EMPTY_TEXT, ContentPage
from panelapp.services.people.members import get_member


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    world = build(ctx)
    window = Window(ctx, world.cohort_id)
    qtbot.addWidget(window)
    page = ContentPage(window)
    window.setCentralWidget(page)
    window.resize(1200, 700)
    yield page, world
    wait_for_all()
    ctx.db.dispose()


def settle(qtbot, page):
    qtbot.waitUntil(lambda: not page.is_loading and not page.is_stale, timeout=5000)


def rows(page):
    return [page.model.row_at(r) for r in range(page.register.row_count())]


def save(qtbot, dialog):
    """Click 저장; wait until the dialog closed (and was deleted) or shows an error."""
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not isValid(dialog) or dialog.buttons.isEnabled(), timeout=5000)


def test_post_through_the_dialog_counts_in_totals_and_hours(qtbot, setup, monkeypatch):
    page, w = setup
    page.window_.show()
    settle(qtbot, page)
    assert page.register.empty_label.text() == EMPTY_TEXT
    assert [eid for eid, _l in page.members] == [w.news]  # only the 소식이음단
    before = get_member(page.window_.ctx, w.news).hours
    dialog = page.add()
    assert dialog.hours_spin.value() == 1.0 and dialog.views_spin.text() == "모름"
    dialog.title_edit.setText("체육센터 수영장 후기")
    dialog.url_edit.setText("ftp://x")
    save(qtbot, dialog)
    assert "작성자" in dialog.error_label.text() and "링크" in dialog.error_label.text()
    dialog.member_combo.setCurrentIndex(0)
    dialog.url_edit.setText("blog.example.com/1")
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(ContentChannel.YOUTUBE))
    dialog.views_spin.setValue(1500)
    dialog.hours_spin.setValue(2.0)
    save(qtbot, dialog)
    assert dialog.saved is not None
    qtbot.waitUntil(lambda: page.register.row_count() == 1, timeout=5000)
    settle(qtbot, page)
    assert [page.register.cell(0, c) for c in (1, 2, 3, 5, 6, 7)] == [
        "체육센터 수영장 후기",
        "최소식",
        "유튜브",
        "1,500",
        "2시간",
        "https://blog.example.com/1",
    ]
    assert page.member_totals.cell(0, 0) == "최소식"
    assert page.channel_totals.cell(0, 0) == "유튜브"
    assert page.summary_label.text() == "1건 · 조회수 1,500 · 인정 시간 2시간"
    assert get_member(page.window_.ctx, w.news).hours == before + 2.0
    edit = page.edit_selected()
    edit.title_edit.setText("고친 후기")
    save(qtbot, edit)
    qtbot.waitUntil(lambda: page.register.cell(0, 1) == "고친 후기", timeout=5000)
    page.channel_filter.setCurrentIndex(page.channel_filter.findData(ContentChannel.BLOG))
    settle(qtbot, page)
    assert rows(page) == [] and "채널 필터" in page.register.empty_label.text()
    page.channel_filter.setCurrentIndex(0)
    settle(qtbot, page)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_selected()
    qtbot.waitUntil(lambda: page.register.row_count() == 0 and not page.is_loading, timeout=5000)
    assert get_member(page.window_.ctx, w.news).hours == before
    page.window_.undo_stack.undo_last()
    qtbot.waitUntil(lambda: page.register.row_count() == 1, timeout=5000)
