"""완료 처리 in the window: the step dialog asks for 완료 내용 (named at the field when left out) and
takes "after" photos (checked when picked, attached when saved); the detail then shows the
findings' photos and the after photos side by side, and an after photo is removed and added
there, the removal undone with Ctrl+Z."""

import pytest
from conftest import make_ctx
from gui_window import Window
from proposal_world import D, build
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton
from shiboken6 import isValid
from test_proposal_completion import jpeg

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.proposal_move_dialog import ProposalMoveDialog
from panelapp.gui.pages.proposals import ProposalsPage
from panelapp.services.attachments.photos import add_photo
from panelapp.services.proposals.manage import ProposalInput, create_proposal, move_proposal


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build(ctx)
    add_photo(ctx, "finding", w.slippery, jpeg(tmp_path / "바닥.jpg", (120, 60, 60)))
    p = create_proposal(
        ctx,
        ProposalInput(
            w.cohort_id,
            "탈의실 바닥 개선",
            proposal="매트 설치",
            submitted_on=D(2026, 6, 1),
            finding_ids=(w.slippery,),
        ),
    )[0]
    p = move_proposal(ctx, p.id, PS.REVIEWING, p.version)
    p = move_proposal(ctx, p.id, PS.ACCEPTED, p.version, answer="설치합니다.")
    move_proposal(ctx, p.id, PS.IN_PROGRESS, p.version)
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    page = ProposalsPage(window)
    window.setCentralWidget(page)
    window.resize(1366, 740)
    window.show()
    yield page, tmp_path
    wait_for_all()
    ctx.db.dispose()


def _ready(qtbot, page, status):
    qtbot.waitUntil(
        lambda: (
            page.detail.detail is not None
            and page.detail.currentIndex() == 1
            and page.detail.detail.status == status
        ),
        timeout=5000,
    )


def _labels(page, name):
    return [t for t in page.detail.findChildren(QLabel, name) if isValid(t) and not t.pixmap().isNull()]


def test_complete_with_result_and_after_photos_then_before_after_side_by_side(qtbot, setup, monkeypatch):
    page, tmp = setup
    _ready(qtbot, page, PS.IN_PROGRESS)
    assert len(_labels(page, "findingThumb")) == 1 and not page.detail.findChildren(QLabel, "afterThumb")
    page.detail.step_buttons[PS.DONE].click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.window_.findChildren(ProposalMoveDialog)))
    dialog = next(d for d in page.window_.findChildren(ProposalMoveDialog) if d.isVisible())
    assert dialog.result_edit.isVisible() and dialog.strip.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)
    assert "완료 내용" in dialog.error_label.text() and dialog.result_edit.styleSheet()  # named at the field
    bad = tmp / "memo.jpg"
    bad.write_text("not a photo")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    dialog.add_files([jpeg(tmp / "after.jpg", (40, 160, 90)), bad])
    qtbot.waitUntil(lambda: dialog.strip.count() == 1 and bool(warned), timeout=5000)
    assert "memo.jpg" in warned[0] and [p.name for p in dialog.picked_photos()] == ["after.jpg"]
    dialog.result_edit.setPlainText("미끄럼 방지 매트 12장을 깔았습니다.")
    ok.click()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)
    _ready(qtbot, page, PS.DONE)
    qtbot.waitUntil(lambda: len(_labels(page, "afterThumb")) == 1, timeout=5000)
    before, after = _labels(page, "findingThumb"), _labels(page, "afterThumb")
    assert len(before) == 1 and "바닥.jpg" in before[0].toolTip() and after[0].toolTip() == "after.jpg"
    pair = page.detail.findChild(type(page.detail.widget(1)), "beforeAfter")
    assert pair is not None and before[0].parent() is pair and after[0].parent() is pair
    left = before[0].mapTo(pair, before[0].rect().topLeft()).x()
    right = after[0].mapTo(pair, after[0].rect().topLeft()).x()
    assert right > left + before[0].width()  # side by side, before on the left
    texts = [lab.text() for lab in page.detail.findChildren(QLabel)]
    assert "미끄럼 방지 매트 12장을 깔았습니다." in texts and "완료 내용" in texts

    remove = page.detail.findChildren(QPushButton, "removeAfterPhoto")
    remove[0].click()
    qtbot.waitUntil(lambda: not _labels(page, "afterThumb"), timeout=5000)
    page.window_.undo_stack.undo_last()
    qtbot.waitUntil(lambda: len(_labels(page, "afterThumb")) == 1, timeout=5000)
    page.detail.add_after_photos([jpeg(tmp / "after2.jpg", (200, 200, 40))])
    qtbot.waitUntil(lambda: len(_labels(page, "afterThumb")) == 2, timeout=5000)
