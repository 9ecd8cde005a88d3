"""중복으로 표시 on the 개선제안 page (issue 14 item 6): the detail's button opens the dialog with
the likely original first, a refusal stays in the dialog as a sentence, the marked proposal leaves
the list unless 중복 포함 is ticked (its status then says 중복(#N)), its detail says whose
duplicate it is, and 중복 표시 해제 brings it back."""

import pytest
from conftest import make_ctx
from gui_window import Window
from proposal_world import TODAY, D, build
from PySide6.QtCore import Qt
from test_proposals_page import detail_ready, open_dialog, settle, shown

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.duplicate_dialog import DuplicateDialog
from panelapp.gui.pages.proposal_detail import MARK_TEXT, UNMARK_TEXT
from panelapp.gui.pages.proposals import ProposalsPage
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    world = build(ctx)

    def new(title, findings):
        return create_proposal(
            ctx,
            ProposalInput(
                world.cohort_id,
                title,
                proposal="고쳐 주세요",
                facility_id=world.gym,
                submitted_on=D(2026, 6, 1),
                finding_ids=findings,
            ),
            today=TODAY,
        )[0]

    original = new("탈의실 바닥 미끄럼 방지", (world.slippery,))
    dup = new("탈의실 바닥 미끄럼 방지 요청", (world.lights,))
    window = Window(ctx, world.cohort_id)
    qtbot.addWidget(window)
    page = ProposalsPage(window)
    window.setCentralWidget(page)
    window.resize(1280, 800)
    yield page, original, dup
    wait_for_all()
    ctx.db.dispose()


def _titles(page):
    return [page.register.cell(r, 1) for r in range(page.register.row_count())]


def test_mark_from_the_detail_and_unmark(qtbot, setup):
    page, original, dup = setup
    shown(qtbot, page)
    assert sorted(_titles(page)) == sorted([original.title, dup.title])
    page.register.select_id(dup.id)
    detail_ready(qtbot, page)
    qtbot.waitUntil(lambda: page.detail.detail.id == dup.id, timeout=5000)
    assert page.detail.duplicate_button.text() == MARK_TEXT
    page.detail.duplicate_button.click()
    dialog = open_dialog(qtbot, page.window_, DuplicateDialog)
    assert dialog.list.count() == 1 and dialog.original_id() == original.id  # the likely original
    dialog.number.setValue(dup.id)  # itself: refused in the dialog, which stays open
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=5000)
    assert "자기 자신의 중복" in dialog.error_label.text() and dialog.isVisible()
    item = dialog.list.item(0)  # the current suggestion clicked again takes its number back
    qtbot.mouseClick(
        dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=dialog.list.visualItemRect(item).center()
    )
    assert dialog.original_id() == original.id
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.save()
    assert get_proposal(page.window_.ctx, dup.id).duplicate_of_id == original.id
    page.refresh()
    settle(qtbot, page)
    assert _titles(page) == [original.title]  # the duplicate left the default list
    page.duplicates_check.setChecked(True)
    settle(qtbot, page)
    assert sorted(_titles(page)) == sorted([original.title, dup.title])
    row = page.register.position(dup.id)
    assert page.register.cell(row, 4).endswith(f"중복(#{original.id})")
    page.register.select_id(dup.id)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == dup.id, timeout=5000)
    qtbot.waitUntil(lambda: page.detail.detail.duplicate_of_id == original.id, timeout=5000)
    assert page.detail.duplicate_button.text() == UNMARK_TEXT
    assert page.detail.original_button is not None
    page.detail.original_button.click()  # 원본 보기: the original is selected in the list
    qtbot.waitUntil(lambda: page.register.selected_id() == original.id, timeout=5000)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.id == original.id, timeout=5000
    )
    assert page.detail.detail.duplicates == ((dup.id, dup.title),)
    page.register.select_id(dup.id)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == dup.id, timeout=5000)
    page.detail.duplicate_button.click()
    qtbot.waitUntil(lambda: get_proposal(page.window_.ctx, dup.id).duplicate_of_id is None, timeout=5000)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.duplicate_of_id is None, timeout=5000
    )
    assert page.detail.duplicate_button.text() == MARK_TEXT
    assert [f.id for f in get_proposal(page.window_.ctx, dup.id).findings]  # its finding came back


def test_the_list_context_action_opens_the_same_dialog(qtbot, setup):
    page, original, dup = setup
    shown(qtbot, page)
    assert page.duplicate_action in page.register.view.actions()
    page.register.select_id(dup.id)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == dup.id, timeout=5000)
    page.duplicate_action.trigger()
    dialog = open_dialog(qtbot, page.window_, DuplicateDialog)
    assert dialog.original_id() == original.id
    dialog.reject()


def test_a_mark_on_a_proposal_changed_meanwhile_shows_the_change_and_applies_on_it(qtbot, setup):
    """issue 13 item 3: another desktop changed the proposal while the dialog was open; the chosen
    original stays, the change is shown beside it, and 현재 내용에 적용 marks it on the new version."""
    from panelapp.domain.enums import ProposalStatus
    from panelapp.services.proposals.manage import move_proposal

    page, original, dup = setup
    dialog = DuplicateDialog(page.window_, get_proposal(page.window_.ctx, dup.id), [])
    qtbot.addWidget(dialog)
    dialog.show()
    move_proposal(page.window_.ctx, dup.id, ProposalStatus.REVIEWING, dup.version, "검토 시작")
    dialog.number.setValue(original.id)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict.step_dialog is not None, timeout=10000)
    rows = {r.label: r for r in dialog.conflict.step_dialog.rows}
    assert (rows["상태"].before, rows["상태"].theirs) == ("접수", "검토중")
    assert rows["중복의 원본"].mine == f"{original.id}번" and dialog.isVisible()
    assert get_proposal(page.window_.ctx, dup.id).duplicate_of_id is None
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog.conflict.step_dialog.apply_button.click()
    assert get_proposal(page.window_.ctx, dup.id).duplicate_of_id == original.id
