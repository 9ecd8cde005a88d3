"""Answer templates and bulk work in the window (issue 14 item 5): the answer dialog's 템플릿
drop-down fills the answer and 템플릿 저장… keeps what was typed; 여러 건 처리… on the desk moves the
selected proposals at once (one history entry each), and names the proposal a rule refused or
someone changed meanwhile, saving nothing."""

import pytest
from conftest import make_ctx
from gui_window import Window
from proposal_world import D, build
from PySide6.QtCore import QItemSelectionModel
from shiboken6 import isValid

from panelapp.domain.enums import FindingCategory
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.proposal_bulk_dialog import ProposalBulkDialog
from panelapp.gui.dialogs.proposal_move_dialog import ProposalMoveDialog
from panelapp.gui.pages.desk import DeskPage
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal, move_proposal
from panelapp.services.proposals.templates import TemplateInput, create_template, list_templates


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build(ctx)
    ids = []
    for title, findings in (
        ("탈의실 바닥 개선", (w.slippery,)),
        ("복도 조명 교체", (w.lights,)),
        ("안내판", ()),
    ):
        p = create_proposal(
            ctx,
            ProposalInput(
                w.cohort_id,
                title,
                proposal="고쳐 주세요",
                department_id=w.dept_id,
                submitted_on=D(2026, 6, 1),
                finding_ids=findings,
            ),
        )[0]
        ids.append(move_proposal(ctx, p.id, PS.REVIEWING, p.version).id)
    w.safety = create_template(
        ctx, TemplateInput("안전 즉시 보수", "즉시 보수하겠습니다.", w.dept_id, FindingCategory.SAFETY)
    )
    w.common = create_template(ctx, TemplateInput("일반 채택", "검토 후 반영하겠습니다."))
    w.signage = create_template(
        ctx, TemplateInput("안내판", "안내판을 바꾸겠습니다.", None, FindingCategory.SIGNAGE)
    )
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    page = DeskPage(window)
    window.setCentralWidget(page)
    window.resize(1366, 740)
    window.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    yield page, w, ids
    wait_for_all()
    ctx.db.dispose()


def _dialog(qtbot, page, kind):
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.window_.findChildren(kind)), timeout=5000)
    return next(d for d in page.window_.findChildren(kind) if d.isVisible())


def _select(page, ids):
    view = page.register.view
    view.clearSelection()
    for pid in ids:
        row = page.register.position(pid)
        view.selectionModel().select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_the_template_drop_down_fills_the_answer_and_saves_a_new_one(qtbot, setup, monkeypatch):
    page, w, ids = setup
    page.register.select_id(ids[0])
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == ids[0], timeout=5000)
    page.detail.step_buttons[PS.ACCEPTED].click()
    dialog = _dialog(qtbot, page, ProposalMoveDialog)
    picker = dialog.templates
    qtbot.waitUntil(lambda: picker.combo.isEnabled(), timeout=5000)
    # the safety proposal: its department's safety template first, then the common one (no signage)
    assert [picker.combo.itemData(i) for i in range(1, picker.combo.count())] == [w.safety.id, w.common.id]
    assert picker.pick(w.safety.id)
    assert dialog.answer_edit.toPlainText() == "즉시 보수하겠습니다."
    dialog.answer_edit.setPlainText("즉시 보수하고 매트를 깔겠습니다.")
    monkeypatch.setattr(picker, "ask_title", lambda: "매트 설치")
    with qtbot.waitSignal(picker.saved, timeout=5000) as saved:
        picker.save_current()
    assert saved.args[0].department_id == w.dept_id and saved.args[0].title == "매트 설치"
    qtbot.waitUntil(lambda: picker.combo.findData(saved.args[0].id) > 0, timeout=5000)
    assert any(t.text == "즉시 보수하고 매트를 깔겠습니다." for t in list_templates(page.window_.ctx))
    dialog.reject()


def test_bulk_answer_on_the_desk_moves_every_selected_proposal(qtbot, setup):
    page, w, ids = setup
    _select(page, ids[:2])
    assert page.bulk_button.isEnabled()
    page.open_bulk()
    dialog = _dialog(qtbot, page, ProposalBulkDialog)
    assert isinstance(page.bulk_dialog, ProposalBulkDialog) and dialog.list.count() == 2
    steps = [dialog.step_combo.itemData(i) for i in range(dialog.step_combo.count())]
    assert steps == [PS.SUBMITTED, PS.ACCEPTED, PS.PARTIAL, PS.DECLINED]
    dialog.step_combo.setCurrentIndex(steps.index(PS.ACCEPTED))
    assert (
        dialog.answer_edit.isVisible() and dialog.plan_edit.isVisible() and not dialog.reason_edit.isVisible()
    )
    qtbot.waitUntil(lambda: dialog.templates.combo.isEnabled(), timeout=5000)
    assert dialog.templates.pick(w.common.id)
    assert dialog.ok_button.text() == "2건 채택"
    before = {pid: len(get_proposal(page.window_.ctx, pid).events) for pid in ids}
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5000)
    for pid in ids[:2]:
        d = get_proposal(page.window_.ctx, pid)
        assert d.status is PS.ACCEPTED and d.answer == "검토 후 반영하겠습니다."
        assert len(d.events) == before[pid] + 1
    assert get_proposal(page.window_.ctx, ids[2]).status is PS.REVIEWING


def test_bulk_names_the_refused_and_the_stale_proposal_and_saves_nothing(qtbot, setup):
    page, w, ids = setup
    ctx = page.window_.ctx
    _select(page, ids)
    page.open_bulk()
    dialog = _dialog(qtbot, page, ProposalBulkDialog)
    steps = [dialog.step_combo.itemData(i) for i in range(dialog.step_combo.count())]
    dialog.step_combo.setCurrentIndex(steps.index(PS.DECLINED))
    dialog.answer_edit.setPlainText("어렵습니다")
    dialog.reason_edit.setPlainText("예산 부족")
    # someone answers the second one meanwhile
    second = get_proposal(ctx, ids[1])
    move_proposal(ctx, ids[1], PS.ACCEPTED, second.version, answer="먼저 답함")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)
    assert (
        f"제안 {ids[1]}번" in dialog.error_label.text() and "아무것도 저장하지" in dialog.error_label.text()
    )
    assert dialog.isVisible()
    assert get_proposal(ctx, ids[0]).status is PS.REVIEWING
    qtbot.waitUntil(
        lambda: (
            page.model.rowCount() == 3
            and page.model.row_at(page.register.position(ids[1])).status is PS.ACCEPTED
        ),
        timeout=5000,
    )
    dialog.reject()
    # read again: the accepted one cannot be declined — named by its 번호, nothing saved
    _select(page, ids)
    page.open_bulk()
    dialog = page.bulk_dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5000)
    steps = [dialog.step_combo.itemData(i) for i in range(dialog.step_combo.count())]
    dialog.step_combo.setCurrentIndex(steps.index(PS.DECLINED))
    dialog.answer_edit.setPlainText("어렵습니다")
    dialog.reason_edit.setPlainText("예산 부족")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)
    assert f"제안 {ids[1]}번('복도 조명 교체')" in dialog.error_label.text()
    assert get_proposal(ctx, ids[0]).status is PS.REVIEWING
    dialog.reject()


def test_templates_are_kept_in_the_departments_tab(qtbot, setup):
    from panelapp.gui.dialogs.answer_templates_dialog import AnswerTemplatesDialog

    page, w, _ids = setup
    ctx = page.window_.ctx
    dialog = AnswerTemplatesDialog(page.window_)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 3 and dialog.department_combo.count() > 1, timeout=5000)
    dialog.start_new()
    dialog.save()  # nothing typed: both fields named
    qtbot.waitUntil(lambda: "템플릿 이름" in dialog.error_label.text(), timeout=5000)
    assert "답변 내용" in dialog.error_label.text()
    dialog.department_combo.setCurrentIndex(dialog.department_combo.findData(w.dept_id))
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(FindingCategory.CLEANLINESS.value))
    dialog.title_edit.setText("청소 강화")
    dialog.text_edit.setPlainText("청소 주기를 늘리겠습니다.")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.list.count() == 4, timeout=5000)
    made = next(t for t in list_templates(ctx) if t.title == "청소 강화")
    assert made.department_id == w.dept_id and made.category is FindingCategory.CLEANLINESS
    assert dialog.current is not None and dialog.current.id == made.id
    dialog.text_edit.setPlainText("청소 주기를 하루 두 번으로 늘리겠습니다.")
    dialog.save()
    qtbot.waitUntil(
        lambda: any(t.text == "청소 주기를 하루 두 번으로 늘리겠습니다." for t in list_templates(ctx)),
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: dialog.current is not None and dialog.current.version > made.version, timeout=5000
    )
    dialog.delete()
    qtbot.waitUntil(lambda: dialog.list.count() == 3, timeout=5000)
    assert all(t.id != made.id for t in list_templates(ctx))
    dialog.close()
