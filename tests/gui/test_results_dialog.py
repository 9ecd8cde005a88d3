"""결과 입력: keys answer and move on, scores update live, 완료 refuses missing required items
and records attendance; the schedule opens it only for 예정/완료 visits."""

import datetime as dt
from dataclasses import replace

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from schedule_world import build_world

from panelapp.domain.enums import ChecklistItemKind, InspectionStatus
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.results_dialog import ResultsDialog, open_results
from panelapp.gui.results_items import AnswerField
from panelapp.services.inspections.scheduling import create_inspection, set_status
from panelapp.services.results.entry import get_result_sheet


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    insp = create_inspection(ctx, w.draft(day=dt.date(2026, 5, 12)))
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    yield window, w, insp
    wait_for_all()
    ctx.db.dispose()


def opened(qtbot, window, insp):
    dialog = ResultsDialog(window, insp.id)
    dialog.resize(1180, 760)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.grid is not None, timeout=5000)
    dialog.activateWindow()
    return dialog


def test_keys_answer_move_on_and_scores_update_live(qtbot, setup):
    window, w, insp = setup
    dialog = opened(qtbot, window, insp)
    rows = dialog.grid.rows
    assert "아직 답한 항목이 없습니다" in dialog.ui.overallLabel.text()
    assert rows[0].mark.text().startswith("!")  # required and unanswered
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rows[0].answer, timeout=3000)
    qtbot.keyClick(rows[0].answer, Qt.Key.Key_Y)
    assert rows[0].answer.value() == "yes" and QApplication.focusWidget() is rows[1].answer
    assert rows[0].mark.text() == "1"
    qtbot.keyClick(rows[1].answer, Qt.Key.Key_N)
    qtbot.keyClick(rows[2].answer, Qt.Key.Key_0)
    qtbot.keyClick(rows[3].answer, Qt.Key.Key_Tab)  # Tab moves on without answering
    assert rows[3].answer.value() is None and QApplication.focusWidget() is rows[4].answer
    assert rows[4].item.kind == ChecklistItemKind.SCORE
    qtbot.keyClick(rows[4].answer, Qt.Key.Key_4)
    assert rows[4].answer.value() == "4" and QApplication.focusWidget() is rows[5].answer
    assert rows[5].item.kind == ChecklistItemKind.TEXT
    rows[5].answer.setText("난간 도색 벗겨짐")
    qtbot.keyClick(rows[5].answer, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is rows[6].answer
    # 안전: 예 1 / 아니오 1 → 50, score 4 → 75: mean 62.5
    assert dialog.grid.section_labels[0].text() == "평균 4.0점 · 예 50% → 62.5점"
    assert dialog.ui.overallLabel.text().startswith(
        "종합 62.5점"
    )  # the report's figure (issue 10 item 4), not 62
    qtbot.keyClick(rows[0].answer, Qt.Key.Key_Backspace)
    assert rows[0].answer.value() is None
    qtbot.keyClick(rows[0].answer, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is rows[0].note
    rows[0].note.setText("2층 소화기")
    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: not dialog.dirty, timeout=5000)
    saved = get_result_sheet(window.ctx, insp.id)
    assert (
        saved.response(rows[0].item.id).note == "2층 소화기" and saved.response(rows[4].item.id).value == "4"
    )
    assert saved.status == InspectionStatus.PLANNED


def test_complete_names_missing_items_then_records_attendance(qtbot, setup, monkeypatch):
    window, w, insp = setup
    dialog = opened(qtbot, window, insp)
    dialog.ui.completeButton.click()
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisible(), timeout=5000)
    assert "필수 항목" in dialog.ui.errorLabel.text() and "안전 1번" in dialog.ui.errorLabel.text()
    for row in dialog.grid.rows:
        if isinstance(row.answer, AnswerField):
            row.answer.set_value("5" if row.item.kind == ChecklistItemKind.SCORE else "yes")
    assert dialog.ui.missingLabel.text() == "필수 항목을 모두 답했습니다."
    assert dialog.ui.overallLabel.text().startswith("종합 100점")
    names = {box.text(): box for box in dialog.checks.values()}
    assert set(names) == {"김민준 (조장)", "김영희", "이철수"} and all(b.isChecked() for b in names.values())
    names["이철수"].setChecked(False)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.ui.completeButton.click()
    sheet = get_result_sheet(window.ctx, insp.id)
    assert sheet.status == InspectionStatus.COMPLETED
    assert {p.name: p.present for p in sheet.participants} == {
        "김민준": True,
        "김영희": True,
        "이철수": False,
    }
    assert sheet.actual_start.strftime("%Y-%m-%d %H:%M") == "2026-05-12 10:00"


def test_open_only_for_planned_or_completed(qtbot, setup):
    window, w, insp = setup
    assert open_results(window, None) is None
    postponed = set_status(window.ctx, insp.id, InspectionStatus.POSTPONED, "우천", insp.version)
    assert open_results(window, postponed) is None
    dialog = open_results(window, replace(postponed, status=InspectionStatus.PLANNED))
    assert isinstance(dialog, ResultsDialog)
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=5000)
    dialog.reject()


def test_schedule_page_offers_results_for_the_selected_visit(qtbot, setup):
    from panelapp.gui.pages.schedule import SchedulePage

    window, w, insp = setup
    other = create_inspection(window.ctx, w.draft(day=dt.date(2026, 5, 14), facility=w.park_fac))
    set_status(window.ctx, other.id, InspectionStatus.POSTPONED, "우천", other.version)
    page = SchedulePage(window)
    page.anchor = dt.date(2026, 5, 1)
    window.setCentralWidget(page)
    window.show()
    qtbot.waitUntil(lambda: page.choices is not None and not page.is_loading, timeout=5000)
    assert not page.results_button.isEnabled()  # nothing selected
    page._select(other.id)
    assert not page.results_button.isEnabled()  # 연기: no results
    page._select(insp.id)
    assert page.results_button.isEnabled()
    page.results_button.click()
    dialog = next(c for c in window.children() if isinstance(c, ResultsDialog))
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=5000)
    assert dialog.ui.titleLabel.text().startswith("한빛국민체육센터 점검 · 2026-05-12")
    dialog.reject()


def test_the_focused_item_is_always_scrolled_into_view(qtbot, setup):
    """Keyboard users move down a checklist longer than the dialog: every item that takes the
    focus is shown inside the scroll area, never below its bottom edge."""
    from PySide6.QtCore import QRect

    window, w, insp = setup
    dialog = opened(qtbot, window, insp)
    dialog.resize(900, 420)  # shorter than the checklist
    qtbot.wait(50)
    area = dialog.ui.scrollArea
    viewport = area.viewport()
    rows = dialog.grid.rows
    assert area.verticalScrollBar().maximum() > 0  # the list really is taller than the view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rows[0].answer, timeout=3000)
    hidden = []
    for i, row in enumerate(rows[:-1]):
        # answering moves on by the dialog's own code (not Qt's Tab): Y, a score, Enter in a text
        key = {ChecklistItemKind.TEXT: Qt.Key.Key_Return, ChecklistItemKind.SCORE: Qt.Key.Key_3}.get(
            row.item.kind, Qt.Key.Key_Y
        )
        qtbot.keyClick(row.answer, key)
        focused = QApplication.focusWidget()
        assert focused is rows[i + 1].answer
        shown = QRect(focused.mapTo(viewport, focused.rect().topLeft()), focused.size())
        if not viewport.rect().contains(shown):
            hidden.append(f"row {i + 1}: {shown} outside {viewport.rect()}")
    assert hidden == []
    assert area.verticalScrollBar().value() > 0  # it scrolled to show them


def test_participant_ticks_get_their_full_height(qtbot, setup):
    """The ticks are added after the sheet loads; the 완료 정보 box grows to hold them (a wrapped
    hint inside the box made the scrolled column give the box its old height, and the names were
    squashed into one line's box)."""
    window, _w, insp = setup
    dialog = opened(qtbot, window, insp)
    assert dialog.checks
    qtbot.wait(300)  # the layouts settle after the ticks are added
    group = dialog.ui.completionGroup
    assert group.height() >= group.minimumSizeHint().height()
    box = dialog.ui.attendeesBox
    assert box.height() >= box.sizeHint().height()
    for tick in dialog.checks.values():
        assert tick.height() >= tick.sizeHint().height(), tick.text()
    assert group.geometry().bottom() < dialog.ui.hoursLabel.geometry().top()  # the hint is below the box
    dialog.close()


def test_the_attendance_ticks_keep_their_height_in_a_1366x768_dialog(qtbot, setup):
    """Four ticks, as the demo's visits have, at the height a 1366×768 screen leaves (728 px): the
    side column squeezed them to 3-4 px each over 발견사항 (seen on the demo under Xvfb)."""
    window, w, _insp = setup
    four = create_inspection(w.ctx, w.draft(day=dt.date(2026, 6, 16), members=(w.kim, w.lee, w.park)))
    dialog = opened(qtbot, window, four)
    dialog.resize(1180, 728)
    assert len(dialog.checks) == 4  # as many as the demo's visits have

    group, ticks = dialog.ui.completionGroup, dialog.ui.attendeesBox

    def whole() -> bool:
        return (
            all(box.height() >= box.sizeHint().height() for box in dialog.checks.values())
            and all(box.geometry().bottom() < ticks.height() for box in dialog.checks.values())
            and ticks.geometry().bottom() < group.height()  # inside the group, not over 발견사항
            and group.height() >= group.minimumSizeHint().height()
        )

    qtbot.waitUntil(whole, timeout=3000)
    dialog.close()
