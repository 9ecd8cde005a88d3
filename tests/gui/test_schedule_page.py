"""점검 일정 page: schedule through the dialog (warning confirmed), drag to reschedule in the
month and week views, list filters, status with reason, field sheet and .ics files."""

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from schedule_world import D, T, build_world
from shiboken6 import isValid

from panelapp.domain.enums import InspectionStatus
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.inspection_dialog import InspectionDialog
from panelapp.gui.pages.schedule import SchedulePage
from panelapp.gui.schedule.blocks import mime_for
from panelapp.services.inspections.scheduling import (
    InspectionQuery,
    create_inspection,
    get_inspection,
    list_inspections,
)


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    world = build_world(ctx)
    window = Window(ctx, world.cohort_id)
    qtbot.addWidget(window)
    page = SchedulePage(window)
    page.anchor = D(2026, 5, 1)
    window.setCentralWidget(page)
    window.resize(1200, 760)
    yield page, world
    wait_for_all()
    ctx.db.dispose()


def shown(qtbot, page):
    page.window_.show()
    settle(qtbot, page)


def settle(qtbot, page):
    qtbot.waitUntil(
        lambda: page.choices is not None and not page.is_loading and not page.is_stale, timeout=5000
    )


def dialog_of(qtbot, page, op):
    """add/edit read the cohort's members first, then open the dialog (deleted on close)."""
    assert op is not None
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in page.window_.findChildren(InspectionDialog)), timeout=5000
    )
    dialog = next(d for d in page.window_.findChildren(InspectionDialog) if d.isVisible())
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def drop(view, pos: QPointF, inspection_id: int) -> None:
    data = mime_for(inspection_id)  # the event does not own its mime data: keep it alive
    event = QDropEvent(
        pos, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    view.dropEvent(event)
    del data


def test_schedule_through_the_dialog_with_a_warning_confirmed(qtbot, setup, monkeypatch):
    page, w = setup
    create_inspection(w.ctx, w.draft())
    shown(qtbot, page)
    assert page.period_label.text() == "2026년 5월"
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a, **k: (
            asked.append(text),
            QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes,
        )[1],
    )
    dialog = dialog_of(qtbot, page, page.add(D(2026, 5, 12)))
    ui = dialog.ui
    assert ui.teamCombo.currentText() == "정책동행단" and ui.templateCombo.currentText().endswith("(기본)")
    assert ui.hoursLabel.text() == "(2시간)"
    ui.facilityCombo.setCurrentIndex(ui.facilityCombo.findData(w.park_fac))
    ui.leadCombo.setCurrentIndex(ui.leadCombo.findData(w.lead))  # already at the gym 10–12
    save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    qtbot.waitUntil(lambda: len(asked) == 1 and ui.buttonBox.isEnabled(), timeout=5000)
    assert "김민준 님은 2026-05-12(화) 같은 시간에" in asked[0] and dialog.isVisible()  # declined: still open
    assert len(list_inspections(w.ctx, InspectionQuery(w.cohort_id))) == 1
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        save.click()
    assert len(asked) == 2
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)  # closed and deleted
    rows = list_inspections(w.ctx, InspectionQuery(w.cohort_id))
    assert sorted(r.facility_name for r in rows) == ["새봄근린공원", "한빛국민체육센터"]
    settle(qtbot, page)
    assert len(page.month.inspections) == 2


def test_dialog_shows_holiday_and_field_errors(qtbot, setup):
    page, w = setup
    shown(qtbot, page)
    dialog = dialog_of(qtbot, page, page.add(D(2026, 5, 5)))
    assert dialog.ui.holidayLabel.text() == "공휴일: 어린이날"
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisible(), timeout=5000)
    assert "시설: 점검할 시설을 골라 주세요." in dialog.ui.errorLabel.text()
    assert "조장:" in dialog.ui.errorLabel.text()
    dialog.reject()


def test_series_from_the_dialog(qtbot, setup, monkeypatch):
    page, w = setup
    shown(qtbot, page)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = dialog_of(qtbot, page, page.add(D(2026, 6, 2)))
    ui = dialog.ui
    ui.facilityCombo.setCurrentIndex(ui.facilityCombo.findData(w.lot))
    ui.leadCombo.setCurrentIndex(ui.leadCombo.findData(w.lee))
    ui.repeatCheck.setChecked(True)
    ui.intervalSpin.setValue(2)
    ui.untilEdit.setDate(ui.untilEdit.date().fromString("2026-06-30", "yyyy-MM-dd"))
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    rows = list_inspections(w.ctx, InspectionQuery(w.cohort_id))
    assert [r.scheduled_date for r in rows] == [D(2026, 6, 2), D(2026, 6, 16), D(2026, 6, 30)]
    assert len({r.series_id for r in rows}) == 1


def test_drag_to_another_day_in_the_month_view(qtbot, setup):
    page, w = setup
    info = create_inspection(w.ctx, w.draft())
    shown(qtbot, page)
    month = page.month
    rect = month.block_rect(info.id)
    assert rect is not None and month.day_at(rect.center()) == D(2026, 5, 12)
    target = month.cell_rect(D(2026, 5, 14)).center()
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        drop(month, target, info.id)
    moved = get_inspection(w.ctx, info.id)
    assert (moved.scheduled_date, moved.start_time) == (D(2026, 5, 14), T(10))
    settle(qtbot, page)
    assert month.day_at(month.block_rect(info.id).center()) == D(2026, 5, 14)


def test_drag_to_a_day_and_time_in_the_week_view(qtbot, setup, monkeypatch):
    page, w = setup
    info = create_inspection(w.ctx, w.draft())
    create_inspection(w.ctx, w.draft(day=D(2026, 5, 13), facility=w.lot, lead=w.lee, members=()))
    page.anchor = D(2026, 5, 12)
    shown(qtbot, page)
    page.show_view(1)
    assert page.period_label.text() == "2026년 5월 10일 ~ 16일"
    week = page.week
    assert week.slot_at(week.block_rect(info.id).topLeft() + QPointF(5, 1))[0] == D(2026, 5, 12)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.Yes)[1]
    )
    x = week.block_rect(info.id).center().x() + week._col_w()  # next day, Wednesday
    y = week._y(13 * 60 + 30) + 2
    assert week.slot_at(QPointF(x, y)) == (D(2026, 5, 13), T(13, 30))
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        drop(week, QPointF(x, y), info.id)
    moved = get_inspection(w.ctx, info.id)
    assert (moved.scheduled_date, moved.start_time, moved.end_time) == (D(2026, 5, 13), T(13, 30), T(15, 30))
    assert asked == []  # the other visit of that day is elsewhere and ends at 12:00


def test_list_filters_and_sort_in_sql(qtbot, setup):
    page, w = setup
    a = create_inspection(w.ctx, w.draft())
    create_inspection(w.ctx, w.draft(day=D(2026, 6, 9), facility=w.lot))
    create_inspection(w.ctx, w.draft(day=D(2026, 7, 7), facility=w.park_fac))
    from panelapp.services.inspections.scheduling import set_status

    set_status(w.ctx, a.id, InspectionStatus.CANCELLED, "휴관", a.version)
    shown(qtbot, page)
    assert [i.scheduled_date for i in page.month.inspections] == [D(2026, 5, 12)]  # only May's grid
    page.show_view(2)
    lst = page.list

    def listed(n):
        qtbot.waitUntil(
            lambda: not page.is_loading and not page.is_stale and lst.row_count() == n, timeout=5000
        )

    listed(3)
    assert lst.count_label.text() == "3건"
    assert lst.cell(0, 0) == "2026-05-12(화)" and lst.cell(0, 7) == "휴관"
    assert lst.model.index(0, 6).data(Qt.ItemDataRole.ForegroundRole) is not None  # status colour
    lst.status_combo.setCurrentIndex(lst.status_combo.findData(InspectionStatus.PLANNED))
    listed(2)
    assert lst.count_label.text() == "2건 / 전체 3건"
    lst.facility_combo.setCurrentIndex(lst.facility_combo.findData(w.lot))
    listed(1)
    assert [lst.cell(r, 2) for r in range(lst.row_count())] == ["시청 공영주차장"]
    lst.facility_combo.setCurrentIndex(0)
    lst.range_check.setChecked(True)
    lst.from_edit.setDate(lst.from_edit.date().fromString("2026-07-01", "yyyy-MM-dd"))
    listed(1)
    assert [lst.cell(r, 2) for r in range(lst.row_count())] == ["새봄근린공원"]
    lst.range_check.setChecked(False)
    lst.status_combo.setCurrentIndex(0)
    listed(3)
    lst.model.sort(2, Qt.SortOrder.AscendingOrder)  # a header click: 시설 가나다, in SQL
    qtbot.waitUntil(
        lambda: (
            not page.is_loading
            and [lst.cell(r, 2) for r in range(3)] == ["새봄근린공원", "시청 공영주차장", "한빛국민체육센터"]
        ),
        timeout=5000,
    )
    lst.team_combo.setCurrentIndex(lst.team_combo.count() - 1)  # 소식이음단: none
    listed(0)
    assert lst.register.currentWidget() is lst.register.empty_label


def test_calendar_asks_only_for_the_month_it_shows(qtbot, setup):
    page, w = setup
    create_inspection(w.ctx, w.draft())
    june = create_inspection(w.ctx, w.draft(day=D(2026, 6, 16), facility=w.lot))
    shown(qtbot, page)
    assert [i.scheduled_date for i in page.month.inspections] == [D(2026, 5, 12)]
    assert page.month._holidays.get(D(2026, 5, 5)) == "어린이날"  # computed with the data, off the UI thread
    page.step(1)
    qtbot.waitUntil(
        lambda: not page.is_loading and [i.id for i in page.month.inspections] == [june.id], timeout=5000
    )
    assert page.period_label.text() == "2026년 6월" and page.month.block_rect(june.id) is not None
    page.show_view(1)
    assert not page.is_loading  # the week lies inside the month's grid: nothing to query
    page.go_to(D(2026, 6, 16))
    assert [i.id for i in page.week.inspections] == [june.id]
    page._select(june.id)
    assert page.edit_button.isEnabled() and "시청 공영주차장" in page.detail_label.full_text()


def test_a_long_selected_visit_line_never_widens_the_page(qtbot, setup):
    """The status line of the selected visit (every member named) is elided with the whole text
    as its tooltip: as a plain label it asked for its whole width, and a 1366×768 window scrolled
    sideways with 결과 입력 off the screen (seen on the demo)."""
    page, w = setup
    info = create_inspection(w.ctx, w.draft())
    shown(qtbot, page)
    before = page.minimumSizeHint().width()
    long_line = "한빛문화예술회관 점검 · " + ", ".join(f"단원{i:02d}" for i in range(80))
    page.current = lambda _id: None  # type: ignore[method-assign]
    page._select(info.id)
    page.detail_label.setText(long_line)
    qtbot.wait(50)
    assert page.minimumSizeHint().width() <= before
    assert page.detail_label.sizeHint().width() == 0
    assert page.detail_label.toolTip() == long_line == page.detail_label.full_text()
    assert page.detail_label.text().endswith("…") and len(page.detail_label.text()) < len(long_line)
    assert page.detail_label.width() < page.width()


def test_status_dialog_needs_a_reason(qtbot, setup):
    page, w = setup
    info = create_inspection(w.ctx, w.draft())
    shown(qtbot, page)
    page._select(info.id)
    dialog = page.change_status()
    ui = dialog.ui
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findData(InspectionStatus.POSTPONED))
    assert ui.reasonEdit.isEnabled() and ui.reasonLabel.text() == "사유 *"
    save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    qtbot.waitUntil(lambda: ui.errorLabel.isVisible(), timeout=5000)
    assert "사유: 연기 사유를 입력해 주세요." in ui.errorLabel.text()
    ui.reasonEdit.setText("우천")
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        save.click()
    assert get_inspection(w.ctx, info.id).status_reason == "우천"


def test_field_sheet_and_ics_files(qtbot, setup, monkeypatch, tmp_path):
    page, w = setup
    info = create_inspection(w.ctx, w.draft())
    shown(qtbot, page)
    page._select(info.id)
    pdf, ics = tmp_path / "sheet.pdf", tmp_path / "plan.ics"
    answers = iter([str(pdf), str(ics)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    assert page.save_field_sheet() == str(pdf)
    assert page.export_ics() == str(ics)
    qtbot.waitUntil(lambda: pdf.exists() and ics.exists(), timeout=10000)
    wait_for_all()
    assert pdf.read_bytes().startswith(b"%PDF") and info.uid.encode() in ics.read_bytes()


def test_a_long_visit_summary_does_not_widen_the_page(qtbot, setup):
    """The summary under the calendar wraps: a visit awaiting results (a long hint) selected on a
    1366 px screen pushed the page wider than the window and its buttons off screen."""
    page, _world = setup
    shown(qtbot, page)
    before = page.minimumSizeHint().width()
    page.detail_label.setText("결과 미입력: 점검일이 지났는데 결과가 없습니다. " * 8)
    qtbot.wait(50)
    assert page.minimumSizeHint().width() <= before
    assert page.width() <= page.window_.width()
