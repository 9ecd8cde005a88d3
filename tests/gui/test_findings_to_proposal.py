"""From the 발견사항 page: two findings selected become one proposal ("개선제안 만들기"), and
the proposal's detail shows their photos through the real attachments service."""

import pytest
from conftest import make_ctx
from gui_window import Window
from PIL import Image
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from schedule_world import build_world
from shiboken6 import isValid

from panelapp.domain.enums import FindingCategory as C
from panelapp.domain.enums import Severity as S
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.proposal_dialog import ProposalDialog
from panelapp.gui.pages.findings import FindingsPage
from panelapp.gui.pages.proposals import ProposalsPage
from panelapp.services.findings.manage import FindingInput, create_finding
from panelapp.services.inspections.scheduling import create_inspection


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    insp = create_inspection(ctx, w.draft())
    photo = tmp_path / "floor.jpg"
    Image.new("RGB", (320, 240), "orange").save(photo)
    create_finding(ctx, FindingInput(insp.id, "탈의실 바닥 미끄러움", C.SAFETY, S.URGENT), [photo])
    create_finding(ctx, FindingInput(insp.id, "복도 조명 고장", C.STRUCTURE, S.MEDIUM))
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    yield window, w
    wait_for_all()
    ctx.db.dispose()


def test_selected_findings_become_one_proposal_with_photos(qtbot, setup):
    window, w = setup
    page = FindingsPage(window)
    window.setCentralWidget(page)
    window.show()
    qtbot.waitUntil(lambda: not page.is_loading and page.register.row_count() == 2, timeout=5000)
    table = page.register.view
    table.selectRow(0)
    table.selectionModel().select(
        table.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert page.proposal_button.isEnabled()
    page.proposal_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ProposalDialog)), timeout=5000)
    dialog = next(d for d in window.findChildren(ProposalDialog) if d.isVisible())
    assert len(dialog.draft.finding_ids) == 2 and dialog.facility_combo.currentData() == w.gym
    dialog.proposal_edit.setPlainText("매트 설치와 조명 교체")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)  # deleted on close
    proposals = ProposalsPage(window)
    window.setCentralWidget(proposals)
    qtbot.waitUntil(
        lambda: proposals.detail.detail is not None and proposals.detail.currentIndex() == 1, timeout=5000
    )
    assert len(proposals.detail.detail.findings) == 2
    thumbs = proposals.detail.findChildren(QLabel, "findingThumb")
    assert len(thumbs) == 1 and not thumbs[0].pixmap().isNull() and thumbs[0].toolTip() == "floor.jpg"
