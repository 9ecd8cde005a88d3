"""추진 단계 in the window (issue 14 item 4): the detail shows the 진행률 bar and each step, the
추진 단계… dialog adds, marks done, reorders and deletes steps (each a history entry), a stale
change is shown rather than saved, and the desk shows its department's 추진 현황."""

import pytest
from conftest import make_ctx
from gui_window import Window
from proposal_world import D, build
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QProgressBar
from shiboken6 import isValid

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.localtime import today_local
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.core.stale_step import StaleStepDialog
from panelapp.gui.dates import from_date
from panelapp.gui.dialogs.proposal_milestones_dialog import ProposalMilestonesDialog
from panelapp.gui.pages.desk import DeskPage
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal, move_proposal
from panelapp.services.proposals.milestones import MilestoneInput, add_milestone


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build(ctx)
    p = create_proposal(
        ctx,
        ProposalInput(
            w.cohort_id,
            "탈의실 바닥 개선",
            proposal="매트",
            department_id=w.dept_id,
            submitted_on=D(2026, 6, 1),
        ),
    )[0]
    p = move_proposal(ctx, p.id, PS.REVIEWING, p.version)
    p = move_proposal(ctx, p.id, PS.ACCEPTED, p.version, answer="네")
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    page = DeskPage(window)
    window.setCentralWidget(page)
    window.resize(1366, 740)
    window.show()
    page.refresh()
    yield page, p.id
    wait_for_all()
    ctx.db.dispose()


def _ready(qtbot, page, check=lambda d: True):
    qtbot.waitUntil(
        lambda: (
            page.detail.detail is not None and page.detail.currentIndex() == 1 and check(page.detail.detail)
        ),
        timeout=5000,
    )


def _dialog(qtbot, page):
    qtbot.waitUntil(
        lambda: (
            page.detail.milestones_button is not None
            and isValid(page.detail.milestones_button)
            and page.detail.milestones_button.isVisible()
        ),
        timeout=5000,
    )
    page.detail.milestones_button.click()
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in page.window_.findChildren(ProposalMilestonesDialog)), timeout=5000
    )
    return next(d for d in page.window_.findChildren(ProposalMilestonesDialog) if d.isVisible())


def _settled(qtbot, dialog, steps):
    qtbot.waitUntil(lambda: dialog.isEnabled() and len(dialog.detail.milestones) == steps, timeout=5000)


def test_steps_are_added_marked_done_moved_and_deleted_and_the_detail_shows_the_bar(qtbot, setup):
    page, pid = setup
    _ready(qtbot, page)
    assert "추진 현황: 채택 1건 중 완료 0건, 평균 진행률 0%" in page.progress_label.text()
    dialog = _dialog(qtbot, page)
    today = today_local()
    for title, weight in (("업체 선정", 1), ("매트 설치", 3)):
        dialog.title_edit.setText(title)
        dialog.planned_edit.setDate(from_date(today))
        dialog.weight_spin.setValue(weight)
        dialog.add_button.click()
        _settled(qtbot, dialog, 1 if title == "업체 선정" else 2)
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 1).text() == "매트 설치"
    dialog.table.selectRow(1)
    assert dialog.done_button.isEnabled() and not dialog.undone_button.isEnabled()
    dialog.done_edit.setDate(from_date(today))
    dialog.done_button.click()
    qtbot.waitUntil(lambda: dialog.isEnabled() and dialog.detail.progress == 75, timeout=5000)
    assert dialog.bar.value() == 75 and dialog.table.item(1, 5).text() == "완료"
    dialog.table.selectRow(1)
    dialog.up_button.click()
    qtbot.waitUntil(
        lambda: dialog.isEnabled() and dialog.detail.milestones[0].title == "매트 설치", timeout=5000
    )
    dialog.table.selectRow(1)
    dialog.delete_button.click()
    _settled(qtbot, dialog, 1)
    dialog.title_edit.setText("")
    dialog.table.clearSelection()
    dialog.add_button.click()  # an empty title is named at the field, nothing saved
    qtbot.waitUntil(lambda: dialog.isEnabled() and "단계" in dialog.error_label.text(), timeout=5000)
    dialog.close()
    _ready(qtbot, page, lambda d: d.progress == 99 and len(d.milestones) == 1)
    qtbot.waitUntil(lambda: bool(page.detail.findChildren(QProgressBar, "progressBar")), timeout=5000)
    bars = [b for b in page.detail.findChildren(QProgressBar, "progressBar") if isValid(b)]
    assert bars[-1].value() == 99 and bars[-1].format() == "99%"
    lines = [x.text() for x in page.detail.findChildren(QLabel, "milestoneLine") if isValid(x)]
    assert any("1. 매트 설치" in t and "완료" in t for t in lines)
    entries = [t.text() for t in page.detail.findChildren(QLabel, "timelineEntry") if isValid(t)]
    assert "추진 단계 삭제" in entries[0] and "테스트담당자" in entries[0]
    assert sum("추진 단계 추가" in t for t in entries) == 2
    qtbot.waitUntil(lambda: "평균 진행률 99%" in page.progress_label.text(), timeout=5000)


def test_a_change_on_a_stale_version_is_shown_not_saved(qtbot, setup, monkeypatch):
    page, pid = setup
    _ready(qtbot, page)
    dialog = _dialog(qtbot, page)
    ctx = page.window_.ctx
    p = get_proposal(ctx, pid)
    add_milestone(ctx, pid, p.version, MilestoneInput("다른 사용자 단계", D(2026, 7, 1)))  # another desk
    dialog.title_edit.setText("내 단계")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in dialog.findChildren(StaleStepDialog)), timeout=5000)
    stale = next(d for d in dialog.findChildren(StaleStepDialog) if d.isVisible())
    stale.reject()
    assert [m.title for m in get_proposal(ctx, pid).milestones] == ["다른 사용자 단계"]
    assert dialog.title_edit.text() == "내 단계"  # the input is kept
    dialog.close()


def test_the_dashboard_shows_progress_per_department_and_opens_it(open_main_window, demo_db, qtbot):
    from PySide6.QtCore import Qt

    from panelapp.services.proposals.milestones import rollup

    window = open_main_window(demo_db, size=(1280, 900))
    page = window.pages["dashboard"]
    qtbot.waitUntil(lambda: page.progress_rows is not None, timeout=20000)
    expected = rollup(window.ctx, window.current_cohort_id, "department")
    table = page.progress.table
    assert not page.progress.isHidden() and table.rowCount() == len(expected) > 2
    texts = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert texts == [list(r.cells()) for r in expected]
    assert page.progress.summary.text() == f"이 기수: {expected[-1].text}"
    assert sum(r.overdue_milestones for r in expected[:-1]) == expected[-1].overdue_milestones >= 1
    row = next(r for r, f in enumerate(expected) if not f.total and f.key is not None)
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    proposals = window.pages["proposals"]
    assert window.stack.currentWidget() is proposals
    qtbot.waitUntil(lambda: proposals.department_combo.currentData() == expected[row].key, timeout=10000)


def test_a_step_title_shown_masked_is_read_only(qtbot, setup):
    """A 부서 담당자 sees a member's name in a step's title masked: selecting that step keeps its
    title read-only (the service keeps the real one), another step's stays editable."""
    from dataclasses import replace

    from panelapp.services.masking import MASKED_TEXT_HINT

    page, pid = setup
    ctx = page.window_.ctx
    p = get_proposal(ctx, pid)
    p = add_milestone(ctx, pid, p.version, MilestoneInput("김*희 단원과 현장 확인", D(2026, 7, 1)))
    p = add_milestone(ctx, pid, p.version, MilestoneInput("업체 선정", D(2026, 7, 10)))
    first, second = p.milestones
    shown = replace(p, milestones=(replace(first, title_masked=True), second))
    dialog = ProposalMilestonesDialog(page.window_, shown)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert dialog.title_edit.isReadOnly() and dialog.title_edit.toolTip() == MASKED_TEXT_HINT
    dialog.table.selectRow(1)
    assert not dialog.title_edit.isReadOnly() and dialog.title_edit.text() == "업체 선정"
    dialog.close()


def _steps(ctx, pid, *steps):
    p = get_proposal(ctx, pid)
    for title, weight in steps:
        p = add_milestone(ctx, pid, p.version, MilestoneInput(title, D(2026, 7, 1), weight))
    return p


def test_a_click_below_the_rows_starts_a_clean_form_and_add_does_not_copy_the_step(qtbot, setup):
    """Selecting step 2 (가중치 2) fills the form; a click on the empty part of the list unselects it
    and resets the form, so 추가 saves what is shown (가중치 1), not the selected step's values."""
    from PySide6.QtCore import QPoint, Qt

    page, pid = setup
    ctx = page.window_.ctx
    p = _steps(ctx, pid, ("업체 선정", 1), ("매트 설치", 2))
    dialog = ProposalMilestonesDialog(page.window_, p)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(1)
    assert dialog.weight_spin.value() == 2 and dialog.title_edit.text() == "매트 설치"
    below = QPoint(20, dialog.table.viewport().height() - 5)
    assert not dialog.table.indexAt(below).isValid()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=below)
    assert dialog.selected_milestone() is None
    assert dialog.title_edit.text() == "" and dialog.weight_spin.value() == 1
    assert dialog.planned_edit.date() == from_date(today_local())
    dialog.title_edit.setText("결과 공지")
    dialog.add_button.click()
    _settled(qtbot, dialog, 3)
    assert dialog.detail.milestones[-1].weight == 1
    dialog.table.selectRow(0)
    dialog.new_button.click()  # [새 단계] does the same
    assert dialog.selected_milestone() is None and dialog.title_edit.text() == ""
    dialog.close()


def test_closing_with_a_typed_step_asks_first(qtbot, setup, monkeypatch):
    import panelapp.gui.core.dialogs as dialogs

    page, pid = setup
    p = _steps(page.window_.ctx, pid, ("업체 선정", 1))
    dialog = ProposalMilestonesDialog(page.window_, p)
    qtbot.addWidget(dialog)
    dialog.show()
    asked = []
    monkeypatch.setattr(dialogs, "ask_discard", lambda _d: asked.append(1) or False)
    dialog.table.selectRow(0)  # a selected step's saved values are not unsaved input
    dialog.table.clearSelection()
    dialog.title_edit.setText("결과 공지")
    dialog.findChild(QDialogButtonBox).rejected.emit()  # 닫기
    assert asked and dialog.isVisible()  # kept open, the title still there
    assert dialog.title_edit.text() == "결과 공지"
    dialog.title_edit.clear()
    asked.clear()
    dialog.findChild(QDialogButtonBox).rejected.emit()
    assert not asked and not dialog.isVisible()


def test_unselecting_a_step_with_unsaved_edits_asks_first(qtbot, setup, monkeypatch):
    import panelapp.gui.core.dialogs as dialogs

    page, pid = setup
    p = _steps(page.window_.ctx, pid, ("업체 선정", 1), ("매트 설치", 2))
    dialog = ProposalMilestonesDialog(page.window_, p)
    qtbot.addWidget(dialog)
    dialog.show()
    answers = [False]
    monkeypatch.setattr(dialogs, "ask_discard", lambda _d: answers.pop(0))
    dialog.table.selectRow(1)
    dialog.title_edit.setText("매트 설치·점검")  # an edit not yet saved
    dialog.new_button.click()
    assert dialog.selected_milestone().title == "매트 설치" and dialog.title_edit.text() == "매트 설치·점검"
    answers.append(True)
    dialog.new_button.click()
    assert dialog.selected_milestone() is None and dialog.title_edit.text() == ""
    dialog.close()


def test_an_error_line_does_not_move_the_buttons(qtbot, setup):
    page, pid = setup
    dialog = ProposalMilestonesDialog(page.window_, get_proposal(page.window_.ctx, pid))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.add_button.mapTo(dialog, dialog.add_button.rect().topLeft())
    dialog.title_edit.setText("")
    dialog.add_button.click()  # an empty title: named at the field
    qtbot.waitUntil(lambda: dialog.isEnabled() and "단계" in dialog.error_label.text(), timeout=5000)
    qtbot.wait(50)
    assert dialog.add_button.mapTo(dialog, dialog.add_button.rect().topLeft()) == before
    dialog.close()


def test_every_step_done_says_why_it_is_99_and_the_figure_is_beside_the_bar(qtbot, setup):
    from panelapp.domain.proposal_progress import ALL_STEPS_DONE
    from panelapp.services.proposals.milestones import set_milestone_done

    page, pid = setup
    ctx = page.window_.ctx
    p = _steps(ctx, pid, ("업체 선정", 1))
    p = set_milestone_done(ctx, p.milestones[0].id, p.version, today_local())
    assert p.progress == 99
    dialog = ProposalMilestonesDialog(page.window_, p)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.all_done_label.isHidden() and dialog.all_done_label.text() == ALL_STEPS_DONE
    assert dialog.percent_label.text() == "진행률 99%" and not dialog.bar.isTextVisible()
    dialog.close()
    page.refresh()
    _ready(qtbot, page, lambda d: d.progress == 99)
    qtbot.waitUntil(lambda: bool(page.detail.findChildren(QLabel, "allStepsDone")), timeout=5000)
    notes = [x.text() for x in page.detail.findChildren(QLabel, "allStepsDone") if isValid(x)]
    assert notes[-1] == ALL_STEPS_DONE
    figures = [x.text() for x in page.detail.findChildren(QLabel, "progressFigure") if isValid(x)]
    assert figures[-1] == "99%"
    bars = [b for b in page.detail.findChildren(QProgressBar, "progressBar") if isValid(b)]
    assert not bars[-1].isTextVisible()
