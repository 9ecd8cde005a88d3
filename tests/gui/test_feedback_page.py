"""좋아요·아쉬워요 page: quick entry saved with Enter, counts, filters, answer with a proposal
link through the dialog, handled toggle and delete with undo."""

import pytest
from conftest import make_ctx
from gui_window import Window
from proposal_world import build
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from shiboken6 import isValid

from panelapp.domain.enums import FeedbackKind, FeedbackSource
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.pages.feedback import EMPTY_TEXT, FeedbackPage
from panelapp.services.engagement.feedback import list_feedback
from panelapp.services.proposals.manage import ProposalInput, create_proposal


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    world = build(ctx)
    window = Window(ctx, world.cohort_id)
    qtbot.addWidget(window)
    page = FeedbackPage(window)
    window.setCentralWidget(page)
    window.resize(1200, 700)
    yield page, world
    wait_for_all()
    ctx.db.dispose()


def settle(qtbot, page):
    qtbot.waitUntil(lambda: not page.is_loading and not page.is_stale, timeout=5000)


def rows(page):
    return [page.model.row_at(r) for r in range(page.register.row_count())]


def enter(qtbot, page, text):
    page.entry_text.setText(text)
    n = page.register.row_count()
    qtbot.keyClick(page.entry_text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.register.row_count() == n + 1 and not page.is_loading, timeout=5000)


def test_quick_entry_with_enter_counts_and_filters(qtbot, setup):
    page, w = setup
    page.window_.show()
    settle(qtbot, page)
    assert page.register.empty_label.text() == EMPTY_TEXT
    qtbot.keyClick(page.entry_text, Qt.Key.Key_Return)  # empty line: nothing saved
    page.entry_facility.setCurrentIndex(page.entry_facility.findData(w.gym))
    enter(qtbot, page, "직원이 친절해요")
    assert page.entry_text.text() == "" and page.entry_text.hasFocus()
    page.kind_buttons[FeedbackKind.DISLIKE].click()
    page.entry_source.setCurrentIndex(page.entry_source.findData(FeedbackSource.PHONE))
    enter(qtbot, page, "샤워실 온수가 미지근해요")
    settle(qtbot, page)
    cell = page.register.cell
    assert [cell(r, 1) for r in range(2)] == ["아쉬워요", "좋아요"]
    assert cell(0, 2) == "한빛국민체육센터" and cell(0, 4) == "전화"
    assert page.selected().text == "샤워실 온수가 미지근해요"  # the new note is selected
    assert page.counts_label.text() == "좋아요 1건 · 아쉬워요 1건"
    assert len(page.window_.undo_stack.records) == 2
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(FeedbackKind.LIKE))
    settle(qtbot, page)
    assert [r.text for r in rows(page)] == ["직원이 친절해요"]
    assert page.counts_label.text() == "좋아요 1건 · 아쉬워요 0건"
    page.handled_filter.setCurrentIndex(page.handled_filter.findData(True))
    settle(qtbot, page)
    assert rows(page) == [] and "필터를 바꿔" in page.register.empty_label.text()


def test_answer_link_toggle_delete_undo(qtbot, setup, monkeypatch):
    page, w = setup
    p, _ = create_proposal(page.window_.ctx, ProposalInput(w.cohort_id, "온수 개선", proposal="보일러"))
    page.window_.show()
    settle(qtbot, page)
    enter(qtbot, page, "온수가 미지근해요")
    dialog = page.answer_selected()
    qtbot.waitUntil(lambda: dialog.proposal_combo.findData(p.id) > 0, timeout=5000)  # loaded off the UI
    dialog.proposal_combo.setCurrentIndex(dialog.proposal_combo.findData(p.id))
    dialog.answer_edit.setPlainText("보일러 가동 시간을 늘렸습니다")
    assert dialog.handled_check.isChecked()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not isValid(dialog) or dialog.result() != 0, timeout=5000)
    assert dialog.saved.proposal_id == p.id
    settle(qtbot, page)
    cell = page.register.cell
    qtbot.waitUntil(lambda: cell(0, 7) == "온수 개선", timeout=5000)
    assert cell(0, 5) == "처리" and cell(0, 6) != ""
    page.toggle_handled()
    qtbot.waitUntil(lambda: cell(0, 5) == "미처리", timeout=5000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_selected()
    qtbot.waitUntil(lambda: page.register.row_count() == 0 and not page.is_loading, timeout=5000)
    page.window_.undo_stack.undo_last()
    qtbot.waitUntil(lambda: page.register.row_count() == 1, timeout=5000)
    assert len(list_feedback(page.window_.ctx).rows) == 1


def test_show_record_from_search_clears_filters_and_selects_the_note(qtbot, setup):
    page, w = setup
    page.window_.show()
    settle(qtbot, page)
    enter(qtbot, page, "직원이 친절해요")
    page.kind_buttons[FeedbackKind.DISLIKE].click()
    enter(qtbot, page, "샤워실 온수가 미지근해요")
    settle(qtbot, page)
    liked = next(r.id for r in rows(page) if r.kind == FeedbackKind.LIKE)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(FeedbackKind.DISLIKE))
    page.search_edit.setText("샤워실")
    qtbot.waitUntil(lambda: page.register.row_count() == 1, timeout=5000)
    settle(qtbot, page)
    assert liked not in [r.id for r in rows(page)]
    page.show_record(liked)
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().id == liked, timeout=5000)
    assert page.kind_filter.currentIndex() == 0 and page.search_edit.text() == ""
    assert page.register.row_count() == 2


def test_dialog_offers_the_proposals_of_the_chosen_facility(qtbot, setup):
    page, w = setup
    ctx = page.window_.ctx
    park, _ = create_proposal(
        ctx, ProposalInput(w.cohort_id, "벤치 교체", proposal="교체", facility_id=w.park)
    )
    gym, _ = create_proposal(
        ctx, ProposalInput(w.cohort_id, "샤워실 개선", proposal="온수", facility_id=w.gym)
    )
    page.window_.show()
    settle(qtbot, page)
    page.entry_facility.setCurrentIndex(page.entry_facility.findData(w.gym))
    enter(qtbot, page, "샤워실이 추워요")
    dialog = page.answer_selected()
    qtbot.waitUntil(lambda: dialog.proposal_combo.findData(gym.id) > 0, timeout=5000)
    assert dialog.proposal_combo.findData(park.id) < 0
    with qtbot.waitSignal(dialog.choices_loaded, timeout=5000):
        dialog.facility_combo.setCurrentIndex(dialog.facility_combo.findData(w.park))
    assert dialog.proposal_combo.findData(park.id) > 0 and dialog.proposal_combo.findData(gym.id) < 0
    dialog.reject()
