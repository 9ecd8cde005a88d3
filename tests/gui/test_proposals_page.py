"""개선제안 page: a proposal from findings through the dialog, walked to 채택 with an answer,
the timeline and photos in the detail, filters and the dashboard's apply_filter, overdue rows."""

import datetime as dt

import pytest
from conftest import make_ctx
from gui_window import Window
from proposal_world import build
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from shiboken6 import isValid

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.localtime import today_local
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.proposal_dialog import ProposalDialog, open_new_proposal
from panelapp.gui.dialogs.proposal_move_dialog import ProposalMoveDialog
from panelapp.gui.pages.proposals import EMPTY_TEXT, HEADERS, ProposalsPage
from panelapp.gui.proposal_style import OVERDUE_COLOR, status_color
from panelapp.services.proposals.manage import ProposalInput, create_proposal, list_proposals


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    world = build(ctx)
    window = Window(ctx, world.cohort_id)
    qtbot.addWidget(window)
    page = ProposalsPage(window)
    window.setCentralWidget(page)
    window.resize(1280, 760)
    yield page, world
    wait_for_all()
    ctx.db.dispose()


def settle(qtbot, page):
    qtbot.waitUntil(
        lambda: page.choices is not None and not page.is_loading and not page.is_stale, timeout=5000
    )


def shown(qtbot, page):
    page.window_.show()
    settle(qtbot, page)


def detail_ready(qtbot, page, status=None):
    qtbot.waitUntil(
        lambda: (
            page.detail.detail is not None
            and page.detail.currentIndex() == 1
            and (status is None or page.detail.detail.status == status)
        ),
        timeout=5000,
    )


def open_dialog(qtbot, window, cls):
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(cls)), timeout=5000)
    return next(d for d in window.findChildren(cls) if d.isVisible())


def test_empty_state(qtbot, setup):
    page, _w = setup
    shown(qtbot, page)
    assert page.list_stack.currentIndex() == 1 and page.empty_label.text() == EMPTY_TEXT
    assert page.detail.currentIndex() == 0


def test_from_findings_to_accepted_with_timeline_and_photos(qtbot, setup, monkeypatch):
    page, w = setup
    import panelapp.gui.pages.proposal_detail as detail_mod

    photo = page.window_.grab()
    path = str(__import__("pathlib").Path(page.window_.ctx.db.display_name()).parent / "thumb.png")
    photo.save(path)
    monkeypatch.setattr(
        detail_mod, "finding_photos", lambda ctx, findings: {f.id: [(path, "바닥.jpg")] for f in findings}
    )
    shown(qtbot, page)
    open_new_proposal(page.window_, [w.slippery, w.lights])
    dialog = open_dialog(qtbot, page.window_, ProposalDialog)
    assert dialog.title_edit.text() == "한빛국민체육센터 탈의실 바닥 미끄러움 외 1건 개선"
    assert dialog.facility_combo.currentData() == w.gym and dialog.department_combo.currentData() == w.dept_id
    assert "복도 조명 고장" in dialog.problem_edit.toPlainText() and dialog.links_label.isVisible()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)
    assert "개선 제안" in dialog.error_label.text()  # required: what should change
    dialog.proposal_edit.setPlainText("미끄럼 방지 매트 설치, 조명 교체")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)  # deleted on close
    assert len(page.window_.undo_stack.records) == 1
    qtbot.waitUntil(lambda: page.register.row_count() == 1, timeout=5000)
    detail_ready(qtbot, page)
    assert [f.id for f in page.detail.detail.findings] == [w.slippery, w.lights]
    assert len(page.detail.findChildren(QLabel, "findingThumb")) == 2
    assert set(page.detail.step_buttons) == {PS.REVIEWING}
    page.detail.step_buttons[PS.REVIEWING].click()
    move = open_dialog(qtbot, page.window_, ProposalMoveDialog)
    move.note_edit.setText("체육사업부 전달")
    move.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    detail_ready(qtbot, page, PS.REVIEWING)
    assert set(page.detail.step_buttons) == {PS.ACCEPTED, PS.PARTIAL, PS.DECLINED, PS.SUBMITTED}
    move = page.detail.move(PS.ACCEPTED)
    move.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: move.buttons.isEnabled(), timeout=5000)
    assert "부서 답변" in move.error_label.text()
    move.answer_edit.setPlainText("이번 주 매트를 설치합니다.")
    move.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    detail_ready(qtbot, page, PS.ACCEPTED)
    entries = [e.text() for e in page.detail.findChildren(QLabel, "timelineEntry")]
    assert len(entries) == 3 and "검토중 → 채택" in entries[0] and "부서 답변: 이번 주 매트를" in entries[0]
    assert "체육사업부 전달" in entries[1] and "테스트담당자" in entries[0]
    settle(qtbot, page)
    assert page.register.cell(0, 4) == "채택" and page.register.cell(0, 7) == "0"
    assert page.model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) == status_color("accepted")


def test_filters_apply_filter_and_overdue_rows(qtbot, setup):
    page, w = setup
    ctx, today = page.window_.ctx, today_local()
    create_proposal(
        ctx,
        ProposalInput(
            w.cohort_id,
            "오래된 제안",
            proposal="x",
            facility_id=w.gym,
            submitted_on=today - dt.timedelta(days=30),
        ),
    )
    create_proposal(
        ctx,
        ProposalInput(w.cohort_id, "공원 제안", proposal="y", facility_id=w.park, department_id=w.dept_id),
    )
    shown(qtbot, page)
    assert page.register.row_count() == 2
    late = next(r for r in range(2) if page.register.cell(r, 1) == "오래된 제안")
    assert page.model.index(late, 1).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
    assert page.model.index(1 - late, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert page.register.cell(late, 5).endswith("초과") and "기한 초과 1건" in page.count_label.text()
    assert (
        page.model.index(late, 5).data(Qt.ItemDataRole.ToolTipRole)
        == "처리 기한이 지났는데 부서 답변이 없습니다"
    )
    page.apply_filter(overdue=True)
    settle(qtbot, page)
    assert [page.register.cell(r, 1) for r in range(page.register.row_count())] == ["오래된 제안"]
    page.apply_filter(department_id=w.dept_id)
    settle(qtbot, page)
    assert page.department_combo.currentData() == w.dept_id and not page.overdue_check.isChecked()
    assert [page.register.cell(r, 1) for r in range(page.register.row_count())] == ["공원 제안"]
    page.apply_filter(status=PS.DONE)
    settle(qtbot, page)
    assert page.list_stack.currentIndex() == 1 and "필터를 바꿔" in page.empty_label.text()


def test_delete_and_undo(qtbot, setup, monkeypatch):
    page, w = setup
    create_proposal(page.window_.ctx, ProposalInput(w.cohort_id, "지울 제안", proposal="x"))
    shown(qtbot, page)
    detail_ready(qtbot, page)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.detail.delete()
    qtbot.waitUntil(lambda: page.list_stack.currentIndex() == 1, timeout=5000)
    assert list_proposals(page.window_.ctx) == []
    page.window_.undo_stack.undo_last()
    qtbot.waitUntil(
        lambda: page.register.row_count() == 1 and page.list_stack.currentIndex() == 0, timeout=5000
    )


def test_sort_by_header_in_sql_show_record_and_hidden_page_never_queries(qtbot, setup):
    page, w = setup
    ctx, today = page.window_.ctx, today_local()
    titles = ["나 제안", "가 제안", "다 제안"]
    ids = [
        create_proposal(
            ctx, ProposalInput(w.cohort_id, t, proposal="x", submitted_on=today - dt.timedelta(days=n))
        )[0].id
        for n, t in enumerate(titles)
    ]
    assert page.is_stale and page.model.ids() == []  # built hidden: nothing queried yet
    shown(qtbot, page)
    assert page.model.ids() == ids  # newest submission first
    page.model.sort(HEADERS.index("제목"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(
        lambda: not page.is_loading and page.model.ids() == [ids[1], ids[0], ids[2]], timeout=5000
    )
    page.show_record(ids[2])
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == ids[2], timeout=5000)
    assert page.register.selected_id() == ids[2]
    page.window_.hide()
    create_proposal(ctx, ProposalInput(w.cohort_id, "숨은 동안", proposal="y"))  # no op: nobody told
    page.mark_stale()
    qtbot.wait(50)
    assert page.is_stale and page.register.row_count() == 3  # hidden: the reload waits
    page.window_.show()
    qtbot.waitUntil(
        lambda: not page.is_stale and not page.is_loading and page.register.row_count() == 4, timeout=5000
    )
