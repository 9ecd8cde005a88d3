"""Date and time fields take what a person types (gui/typed_dates.py), on the real dialogs:
click into a time and type 14:00, type a year over the year, 20260512, 26.5.12, 5/12, 14시."""

import datetime as dt

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit, QTimeEdit
from schedule_world import build_world

from panelapp.domain.localtime import today_local
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.typed_dates import DATE_HINT, typing_entry


@pytest.fixture
def world(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    yield window, w
    wait_for_all()
    ctx.db.dispose()


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_part(edit, x: int) -> None:
    """Click into the field's text at `x` pixels from its left, as a person does."""
    line = edit.lineEdit()
    QTest.mouseClick(
        line, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, line.height() // 2)
    )


def type_into(edit, text: str, finish=Qt.Key.Key_Tab) -> None:
    edit.setFocus()
    QTest.keyClicks(edit, text)
    if finish is not None:
        QTest.keyClick(edit, finish)


def inspection_dialog(qtbot, window, w):
    from panelapp.gui.dialogs.inspection_dialog import InspectionDialog
    from panelapp.services.inspections.choices import schedule_choices

    return shown(
        qtbot, InspectionDialog(window, schedule_choices(window.ctx, w.cohort_id), day=dt.date(2026, 5, 12))
    )


def test_click_into_a_time_and_type_it(qtbot, world):
    window, w = world
    dlg = inspection_dialog(qtbot, window, w)
    start, end = dlg.ui.startEdit, dlg.ui.endEdit
    assert start.time() == QTime(10, 0)
    click_part(start, start.lineEdit().width() - 4)  # the minutes, where a click often lands
    type_into(start, "14:00")
    assert start.time() == QTime(14, 0) and start.text() == "14:00"
    click_part(end, 3)
    type_into(end, "1630")
    assert end.time() == QTime(16, 30)
    type_into(end, "930")
    assert end.time() == QTime(9, 30)
    click_part(end, end.lineEdit().width() - 4)
    type_into(end, "45")  # a number typed over the minutes changes the minutes
    assert end.time() == QTime(9, 45)


def test_shift_for_the_colon_does_not_end_the_typing(qtbot, world):
    """A keyboard sends Shift on its own before ":" (a real X server did; QTest.keyClicks does not)."""
    window, w = world
    dlg = inspection_dialog(qtbot, window, w)
    edit = dlg.ui.startEdit
    click_part(edit, edit.lineEdit().width() - 4)
    edit.setFocus()
    QTest.keyClicks(edit, "14")
    QTest.keyPress(edit, Qt.Key.Key_Shift)
    QTest.keyClick(edit, ":", Qt.KeyboardModifier.ShiftModifier)
    QTest.keyRelease(edit, Qt.Key.Key_Shift)
    QTest.keyClicks(edit, "05")
    assert edit.lineEdit().text() == "14:05"
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.time() == QTime(14, 5)


def test_korean_input_method_text_in_a_time(qtbot, world):
    """시 and 오후 arrive from a Korean input method as committed text (not key presses)."""
    window, w = world
    dlg = inspection_dialog(qtbot, window, w)
    edit = dlg.ui.startEdit
    edit.setFocus()
    for text in ("14", "시"):
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.time() == QTime(14, 0)
    edit.setFocus()
    for text in ("오후 ", "3", "시"):
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.time() == QTime(15, 0)


def test_dates_typed_whole_or_part_by_part(qtbot, world):
    window, w = world
    dlg = inspection_dialog(qtbot, window, w)
    edit = dlg.ui.dateEdit
    type_into(edit, "20260602")
    assert edit.date() == QDate(2026, 6, 2)
    type_into(edit, "2026-06-03")
    assert edit.date() == QDate(2026, 6, 3)
    type_into(edit, "26.6.4")  # a two-digit year
    assert edit.date() == QDate(2026, 6, 4)
    type_into(edit, "6/5")  # no year: this year
    assert edit.date() == QDate(today_local().year, 6, 5)
    edit.setDate(QDate(2026, 6, 5))
    click_part(edit, 4)  # into the year
    type_into(edit, "2027")
    assert edit.date() == QDate(2027, 6, 5)  # the year replaced, month and day kept
    click_part(edit, 4)
    type_into(edit, "28")
    assert edit.date() == QDate(2028, 6, 5)
    assert edit.calendarPopup() and edit.calendarWidget() is not None  # the popup stays
    edit.calendarWidget().setSelectedDate(QDate(2026, 7, 1))
    edit.calendarWidget().clicked.emit(QDate(2026, 7, 1))
    assert edit.date() == QDate(2026, 7, 1)


def test_unreadable_input_keeps_the_value_and_says_so(qtbot, world, monkeypatch):
    window, w = world
    dlg = inspection_dialog(qtbot, window, w)
    edit = dlg.ui.dateEdit
    hints = []
    monkeypatch.setattr(
        "panelapp.gui.typed_dates.QToolTip.showText", lambda _p, text, *_a: hints.append(text)
    )
    type_into(edit, "2026-13-40", finish=Qt.Key.Key_Return)
    assert dlg.isVisible() and edit.lineEdit().text() == "2026-13-40"  # Enter: kept to be corrected
    assert hints == [DATE_HINT] and edit.date() == QDate(2026, 5, 12)
    QTest.keyClick(edit, Qt.Key.Key_Escape)  # Esc gives the old value back, the dialog stays
    assert dlg.isVisible() and edit.text() == "2026-05-12" and not typing_entry(edit).typing
    type_into(edit, "99999")  # Tab away from nonsense: the old value stays
    assert edit.date() == QDate(2026, 5, 12) and not typing_entry(edit).typing


def test_enter_saves_what_was_typed(qtbot, world):
    """Enter reads the typed date, then reaches the dialog's default button as always."""
    from panelapp.gui.dialogs.event_dialog import EventDialog

    window, w = world
    dlg = shown(qtbot, EventDialog(window, w.cohort_id))
    dlg.ui.titleEdit.setText("현장 교육")
    dlg.ui.timeCheck.setChecked(True)
    type_into(dlg.ui.timeEdit, "1530")
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        type_into(dlg.ui.dateEdit, "2026-05-20", finish=Qt.Key.Key_Return)
    assert (dlg.result_info.event_date, dlg.result_info.start_time) == (dt.date(2026, 5, 20), dt.time(15, 30))


def dialogs_with_dates(window, w):
    from panelapp.gui.dialogs.cohort_dialog import CohortDialog
    from panelapp.gui.dialogs.content_dialog import ContentDialog
    from panelapp.gui.dialogs.event_dialog import EventDialog
    from panelapp.gui.dialogs.finding_dialog import FindingDialog
    from panelapp.gui.dialogs.inspection_dialog import InspectionDialog
    from panelapp.gui.dialogs.member_dialog import MemberDialog
    from panelapp.gui.dialogs.proposal_dialog import ProposalDialog
    from panelapp.gui.dialogs.report_dialog import ReportDialog
    from panelapp.services.inspections.choices import schedule_choices
    from panelapp.services.proposals.drafts import form_choices
    from panelapp.services.proposals.manage import ProposalInput

    ctx = window.ctx
    yield CohortDialog(window)
    yield MemberDialog(window, w.cohort_id, None)
    yield EventDialog(window, w.cohort_id)
    yield InspectionDialog(window, schedule_choices(ctx, w.cohort_id))
    yield FindingDialog(window, [(1, "2026-05-12 점검", dt.date(2026, 5, 12))])
    yield ProposalDialog(window, form_choices(ctx, w.cohort_id), ProposalInput(w.cohort_id, ""))
    yield ContentDialog(window, [], [])
    yield ReportDialog(window, w.cohort_id)


def test_every_date_and_time_field_takes_typing(qtbot, world):
    window, w = world
    window.settings = _Settings()  # the report dialog reads its remembered options
    for dialog in dialogs_with_dates(window, w):
        qtbot.addWidget(dialog)
        fields = dialog.findChildren(QDateTimeEdit)
        assert fields, type(dialog).__name__
        for field in fields:
            assert isinstance(field, (QDateEdit, QTimeEdit))
            assert typing_entry(field) is not None, f"{type(dialog).__name__}.{field.objectName()}"
            if isinstance(field, QDateEdit):
                assert field.calendarPopup() and field.displayFormat() == "yyyy-MM-dd"
            else:
                assert field.displayFormat() == "HH:mm"
        dialog.deleteLater()
    wait_for_all()


class _Settings:
    def __init__(self):
        self.values = {}

    def get(self, key, default=None):
        return self.values.get(key, default)

    def set(self, key, value):
        self.values[key] = value
