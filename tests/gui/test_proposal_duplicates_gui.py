"""새 개선제안 asks before saving one that probably repeats another (issue 14 item 6): [아니요]
keeps the form and saves nothing, [예] saves (a proposal like no other is saved without a question: the 개선제안 page tests)."""

import pytest
from conftest import make_ctx
from gui_window import Window
from proposal_world import D, build
from PySide6.QtWidgets import QMessageBox

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.proposal_dialog import ProposalDialog
from panelapp.services.proposals.drafts import form_choices
from panelapp.services.proposals.manage import ProposalInput, create_proposal, list_proposals


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build(ctx)
    create_proposal(
        ctx,
        ProposalInput(
            w.cohort_id,
            "탈의실 바닥 미끄럼 방지",
            proposal="매트",
            submitted_on=D(2026, 6, 1),
            finding_ids=(w.slippery,),
        ),
    )
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    yield window, w
    wait_for_all()
    ctx.db.dispose()


def _dialog(qtbot, window, w, title):
    draft = ProposalInput(w.cohort_id, title, proposal="고쳐 주세요", finding_ids=(w.slippery,))
    dialog = ProposalDialog(window, form_choices(window.ctx, w.cohort_id), draft)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_likely_duplicate_is_asked_about_and_no_keeps_the_form(qtbot, setup, monkeypatch):
    window, w = setup
    asked = []

    def answer(_parent, _title, text, *_a):
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = _dialog(qtbot, window, w, "탈의실 바닥 다시 제안")
    dialog.save()
    qtbot.waitUntil(lambda: bool(asked) and dialog.buttons.isEnabled(), timeout=5000)
    assert "탈의실 바닥 미끄럼 방지" in asked[0] and "같은 발견사항" in asked[0]
    assert len(list_proposals(window.ctx)) == 1 and dialog.isVisible()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)
    assert len(asked) == 2 and len(list_proposals(window.ctx)) == 2
