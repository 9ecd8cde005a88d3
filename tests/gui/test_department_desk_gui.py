"""우리 부서 제안 in the window (issue 14 item 1): a 부서 담당자 lands on it after login and sees
their department's open proposals by due date, overdue marked; the answer dialog asks 추진 계획 and
완료 예정일 (a date before the answer day refused at the field); 진행 상황 남기기 adds a dated entry
to the history under the account's name; a 담당자 sees every department and may pick one."""

import pytest
from conftest import make_ctx
from gui_window import Window
from proposal_world import D, build
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from shiboken6 import isValid
from test_proposal_completion import jpeg

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.enums import UserRole
from panelapp.domain.localtime import today_local
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dates import from_date
from panelapp.gui.dialogs.proposal_move_dialog import ProposalMoveDialog
from panelapp.gui.dialogs.proposal_progress_dialog import ProposalProgressDialog
from panelapp.gui.pages.desk import DeskPage
from panelapp.services.attachments.photos import add_photo
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal, move_proposal


@pytest.fixture
def desk_window(open_main_window, demo_db, monkeypatch):
    monkeypatch.setenv("PANELAPP_USER", "부서담당")
    return open_main_window(demo_db)


def test_a_department_desk_lands_on_its_open_proposals_by_due_date(desk_window, qtbot):
    window = desk_window
    page = window.stack.currentWidget()
    assert isinstance(page, DeskPage) and window.ctx.role is UserRole.DEPARTMENT
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20000)
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    from panelapp.services.people.users import find_user

    own = find_user(window.ctx, "부서담당").department_id
    assert {r.department_id for r in rows} == {own}
    assert all(r.status not in (PS.DONE, PS.DECLINED) for r in rows)
    dues = [r.due_on for r in rows if r.due_on is not None]
    assert dues == sorted(dues)
    assert page.department_combo.isHidden() and page.register.view.isColumnHidden(4)
    assert "우리 부서 제안 — " in page.title_label.text()
    assert window._nav_items["desk"].text() == "우리 부서 제안"
    late = [i for i, r in enumerate(rows) if r.overdue]
    if late:
        index = page.model.index(late[0], 0)
        assert "지남" in page.model.data(index)
    qtbot.waitUntil(lambda: page.detail.currentIndex() == 1, timeout=20000)
    assert page.detail.edit_button.isHidden() and page.detail.delete_button.isHidden()


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
            department_id=w.dept_id,
            submitted_on=D(2026, 6, 1),
            finding_ids=(w.slippery,),
        ),
    )[0]
    move_proposal(ctx, p.id, PS.REVIEWING, p.version)
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


def _ready(qtbot, page, status):
    qtbot.waitUntil(
        lambda: (
            page.detail.detail is not None
            and page.detail.currentIndex() == 1
            and page.detail.detail.status == status
        ),
        timeout=5000,
    )


def _dialog(qtbot, page, kind):
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.window_.findChildren(kind)), timeout=5000)
    return next(d for d in page.window_.findChildren(kind) if d.isVisible())


def test_answer_with_plan_and_expected_date_then_progress_in_the_history(qtbot, setup):
    page, pid = setup
    _ready(qtbot, page, PS.REVIEWING)
    assert page.department_combo.isVisible()  # a 담당자 sees every department
    assert page.detail.findChildren(QLabel, "findingThumb")  # the finding's photo is in the detail
    page.detail.step_buttons[PS.ACCEPTED].click()
    dialog = _dialog(qtbot, page, ProposalMoveDialog)
    assert dialog.plan_edit.isVisible() and dialog.expected_edit.isVisible()
    assert dialog.expected_edit.date() > from_date(today_local())  # a month ahead by default
    dialog.answer_edit.setPlainText("미끄럼 방지 매트를 깔겠습니다.")
    dialog.plan_edit.setPlainText("7월 중 업체 선정 후 설치")
    dialog.expected_edit.setDate(from_date(D(2026, 5, 1)))  # before the answer day
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)
    assert "완료 예정일" in dialog.error_label.text() and dialog.expected_edit.styleSheet()
    expected = today_local()
    dialog.expected_edit.setDate(from_date(expected))
    ok.click()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)
    _ready(qtbot, page, PS.ACCEPTED)
    texts = [lab.text() for lab in page.detail.findChildren(QLabel)]
    assert "7월 중 업체 선정 후 설치" in texts and f"{expected:%Y-%m-%d}" in texts
    qtbot.waitUntil(  # (the page reloads once more on the change: the detail is built again)
        lambda: (
            page.detail.progress_button is not None
            and isValid(page.detail.progress_button)
            and page.detail.progress_button.isVisible()
        ),
        timeout=5000,
    )
    page.detail.progress_button.click()
    progress = _dialog(qtbot, page, ProposalProgressDialog)
    assert progress.date_edit.date() == from_date(today_local())
    progress.progress_spin.setValue(40)
    progress.note_edit.setPlainText("업체 선정 마침")
    progress.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not isValid(progress), timeout=5000)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.events[-1].progress == 40, timeout=5000
    )
    entries = [t.text() for t in page.detail.findChildren(QLabel, "timelineEntry") if isValid(t)]
    assert "진행 상황 40%" in entries[0] and "업체 선정 마침" in entries[0] and "테스트담당자" in entries[0]
    detail = get_proposal(page.window_.ctx, pid)
    assert detail.plan_text == "7월 중 업체 선정 후 설치" and detail.expected_on == expected


def test_a_progress_note_left_empty_is_named_at_the_field(qtbot, setup):
    page, pid = setup
    ctx = page.window_.ctx
    p = get_proposal(ctx, pid)
    move_proposal(ctx, pid, PS.ACCEPTED, p.version, answer="네")
    page.refresh()
    _ready(qtbot, page, PS.ACCEPTED)
    page.detail.progress_button.click()
    dialog = _dialog(qtbot, page, ProposalProgressDialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)
    assert "진행 상황" in dialog.error_label.text() and dialog.note_edit.styleSheet()
    dialog.close()


def test_a_coordinator_finds_the_desk_as_every_departments(open_main_window, demo_db, monkeypatch, qtbot):
    monkeypatch.setenv("PANELAPP_USER", "담당자")
    window = open_main_window(demo_db)
    assert not isinstance(window.stack.currentWidget(), DeskPage)  # a 담당자 lands elsewhere
    assert window._nav_items["desk"].text() == "부서별 제안 처리"
    window.show_page("desk")
    page = window.page("desk")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20000)
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert len({r.department_id for r in rows}) > 1 and not page.department_combo.isHidden()
