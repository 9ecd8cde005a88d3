"""Esc or ✕ on a form dialog with unsaved input asks 버리기 / 계속 편집 (gui/core/dialogs.py);
a dialog as it opened (or as its data arrived) closes without asking."""

import datetime as dt

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit
from schedule_world import build_world

from panelapp.gui.core import dialogs
from panelapp.gui.core.ops import wait_for_all


class _Settings:
    def __init__(self):
        self.values = {}

    def get(self, key, default=None):
        return self.values.get(key, default)

    def set(self, key, value):
        self.values[key] = value


@pytest.fixture
def world(qtbot, tmp_path, monkeypatch):
    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    window = Window(ctx, w.cohort_id)
    window.settings = _Settings()
    qtbot.addWidget(window)
    asked = []
    answer = {"discard": False}

    def ask(parent, text=dialogs.DISCARD_TEXT):
        asked.append(type(parent).__name__)
        return answer["discard"]

    monkeypatch.setattr(dialogs, "ask_discard", ask)
    yield window, w, asked, answer
    wait_for_all()
    ctx.db.dispose()


def _member(window, w):
    from panelapp.gui.dialogs.member_dialog import MemberDialog

    return MemberDialog(window, w.cohort_id, None)


def _cohort(window, w):
    from panelapp.gui.dialogs.cohort_dialog import CohortDialog

    return CohortDialog(window)


def _team(window, w):
    from panelapp.gui.dialogs.team_dialog import TeamDialog

    return TeamDialog(window, w.cohort_id)


def _event(window, w):
    from panelapp.gui.dialogs.event_dialog import EventDialog

    return EventDialog(window, w.cohort_id)


def _inspection(window, w):
    from panelapp.gui.dialogs.inspection_dialog import InspectionDialog
    from panelapp.services.inspections.choices import schedule_choices

    return InspectionDialog(window, schedule_choices(window.ctx, w.cohort_id))


def _finding(window, w):
    from panelapp.gui.dialogs.finding_dialog import FindingDialog

    return FindingDialog(window, [(1, "2026-05-12 점검", dt.date(2026, 5, 12))])


def _proposal(window, w):
    from panelapp.gui.dialogs.proposal_dialog import ProposalDialog
    from panelapp.services.proposals.drafts import form_choices
    from panelapp.services.proposals.manage import ProposalInput

    return ProposalDialog(window, form_choices(window.ctx, w.cohort_id), ProposalInput(w.cohort_id, ""))


def _facility(window, w):
    from panelapp.gui.dialogs.facility_dialog import FacilityDialog
    from panelapp.services.registers.departments import list_departments
    from panelapp.services.registers.facility_types import list_facility_types

    return FacilityDialog(window, list_facility_types(window.ctx), list_departments(window.ctx))


def _department(window, w):
    from panelapp.gui.dialogs.department_dialog import DepartmentDialog

    return DepartmentDialog(window)


def _content(window, w):
    from panelapp.gui.dialogs.content_dialog import ContentDialog

    return ContentDialog(window, [], [])


FORMS = [_member, _cohort, _team, _event, _inspection, _finding, _proposal, _facility, _department]
FORMS += [_content]  # (설정 및 계정 has no field to type in: accounts are added in their own dialog)


def opened(qtbot, dialog):
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_for_all()  # dialogs that fill from an op (member, cohort, team, settings)
    QApplication.processEvents()
    return dialog


def first_text_field(dialog):
    for widget in [*dialog.findChildren(QLineEdit), *dialog.findChildren(QPlainTextEdit)]:
        usable = widget.isVisible() and widget.isEnabled() and not widget.isReadOnly()
        if usable and not dialogs._inner(widget) and not widget.property(dialogs.IGNORE):
            return widget
    raise AssertionError(f"{type(dialog).__name__} has no text field")


def click_close_button(dialog):
    """The window's ✕: the window system's close request reaches the dialog as a spontaneous
    close event (a QWindow.close() from code would be the program's own, not asked about)."""
    from PySide6.QtGui import QCloseEvent

    QApplication.sendEvent(dialog.windowHandle(), QCloseEvent())
    QApplication.processEvents()


def press_esc(dialog):
    target = QApplication.focusWidget() or dialog
    QTest.keyClick(target, Qt.Key.Key_Escape)


@pytest.mark.parametrize("make", FORMS, ids=lambda f: f.__name__[1:])
def test_esc_on_an_untouched_form_closes_without_asking(qtbot, world, make):
    window, w, asked, _answer = world
    dialog = opened(qtbot, dialogs.deleted_on_close(make(window, w)))
    finished = []
    dialog.finished.connect(finished.append)
    press_esc(dialog)
    assert asked == [] and finished == [0]


@pytest.mark.parametrize("make", FORMS, ids=lambda f: f.__name__[1:])
def test_esc_or_the_close_button_with_typed_input_asks_first(qtbot, world, make):
    window, w, asked, answer = world
    dialog = opened(qtbot, dialogs.deleted_on_close(make(window, w)))
    field = first_text_field(dialog)
    field.setFocus()
    QTest.keyClicks(field, "abc")
    press_esc(dialog)  # 계속 편집
    assert asked == [type(dialog).__name__] and dialog.isVisible()
    click_close_button(dialog)
    assert len(asked) == 2 and dialog.isVisible()
    answer["discard"] = True  # 버리기
    finished = []
    dialog.finished.connect(finished.append)
    press_esc(dialog)
    assert len(asked) == 3 and finished == [0] and not dialog.isVisible()


def test_a_close_by_the_program_is_not_asked_about(qtbot, world):
    window, w, asked, _answer = world
    dialog = opened(qtbot, _department(window, w))
    dialog.ui.nameEdit.setText("복지정책과")
    dialog.close()  # e.g. the main window closing, or a test tearing down
    assert asked == [] and not dialog.isVisible()


def test_changing_a_date_choice_or_tick_counts_and_undoing_it_does_not(qtbot, world):
    window, w, asked, _answer = world
    dialog = opened(qtbot, _event(window, w))
    qtbot.addWidget(dialog)
    guard = dialogs.discard_guard(dialog)
    assert not guard.is_dirty()
    dialog.ui.timeCheck.setChecked(True)
    assert guard.is_dirty()
    dialog.ui.timeCheck.setChecked(False)
    assert not guard.is_dirty()
    hours = dialog.ui.hoursSpin.value()
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.currentIndex() + 1)
    assert guard.is_dirty()
    dialog.ui.kindCombo.setCurrentIndex(0)
    dialog.ui.hoursSpin.setValue(hours)  # the kind suggested other hours: put back as they were
    date = dialog.ui.dateEdit.date()
    dialog.ui.dateEdit.setDate(date.addDays(1))
    assert guard.is_dirty()
    dialog.ui.dateEdit.setDate(date)
    assert not guard.is_dirty() and asked == []
    dialog.ui.dateEdit.setFocus()
    QTest.keyClicks(dialog.ui.dateEdit, "2026")  # typed and not yet read: input too
    assert guard.is_dirty()
    dialog.reject()


def test_photos_picked_for_a_new_finding_are_unsaved_input(qtbot, world, tmp_path):
    from PySide6.QtGui import QImage

    window, w, asked, _answer = world
    dialog = opened(qtbot, _finding(window, w))
    qtbot.addWidget(dialog)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    image.save(str(tmp_path / "a.png"))
    dialog.add_files([tmp_path / "a.png"])
    wait_for_all()
    qtbot.waitUntil(lambda: dialog.strip.count() == 1, timeout=5000)
    press_esc(dialog)
    assert asked == ["FindingDialog"] and dialog.isVisible()
    dialog.reject()


def test_the_finding_dialogs_close_button_asks_before_dropping_text_or_photos(qtbot, world, tmp_path):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QDialogButtonBox

    window, w, asked, answer = world
    dialog = opened(qtbot, _finding(window, w))
    qtbot.addWidget(dialog)
    close = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
    assert close.text() == "닫기"
    dialog.ui.titleEdit.setText("난간 흔들림")
    close.click()
    assert asked == ["FindingDialog"] and dialog.isVisible()
    dialog.ui.titleEdit.setText("")
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    image.save(str(tmp_path / "a.png"))
    dialog.add_files([tmp_path / "a.png"])
    wait_for_all()
    qtbot.waitUntil(lambda: dialog.strip.count() == 1, timeout=5000)
    close.click()
    assert asked == ["FindingDialog"] * 2 and dialog.isVisible()
    answer["discard"] = True
    close.click()
    assert not dialog.isVisible()


def test_results_close_button_asks_when_answers_changed(qtbot, world):
    from panelapp.gui.dialogs.results_dialog import ResultsDialog
    from panelapp.services.inspections.scheduling import create_inspection

    window, w, asked, answer = world
    insp = create_inspection(window.ctx, w.draft(day=dt.date(2026, 5, 12)))
    dialog = ResultsDialog(window, insp.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.grid is not None, timeout=5000)
    dialog.ui.closeButton.click()  # nothing answered: closes without asking
    assert asked == [] and not dialog.isVisible()
    dialog = ResultsDialog(window, insp.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.grid is not None, timeout=5000)
    dialog.grid.rows[0].note.setText("난간 흔들림")
    dialog.ui.closeButton.click()
    assert asked == ["ResultsDialog"] and dialog.isVisible()
    answer["discard"] = True
    dialog.ui.closeButton.click()
    assert not dialog.isVisible()


def test_the_question_is_korean_and_keeps_editing_by_default(qtbot, monkeypatch):
    """The real question box: 버리기 / 계속 편집, Enter or Esc keep the input."""
    from PySide6.QtWidgets import QDialog

    monkeypatch.undo()
    parent = QDialog()
    qtbot.addWidget(parent)
    seen = {}

    def look_and_answer(button_text):
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["default"] = box.defaultButton().text()
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(50, lambda: look_and_answer(dialogs.KEEP_EDITING))
    assert dialogs.ask_discard(parent) is False
    assert seen == {
        "text": dialogs.DISCARD_TEXT,
        "buttons": sorted([dialogs.DISCARD, dialogs.KEEP_EDITING]),
        "default": dialogs.KEEP_EDITING,
    }
    assert "저장하지 않은" in dialogs.DISCARD_TEXT
    QTimer.singleShot(50, lambda: look_and_answer(dialogs.DISCARD))
    assert dialogs.ask_discard(parent) is True


# ----- open dialogs follow the registers ----------------------------------------------------
def _register_facility(window, name):
    from panelapp.gui.core.ops import Op
    from panelapp.services.registers.facilities import FacilityInput, create_facility
    from panelapp.services.registers.facility_types import list_facility_types

    ctx = window.ctx
    kind = list_facility_types(ctx)[0].id
    # a write op, as the facility page runs it: it announces Kind.FACILITY on the bus
    return Op(window, lambda _t: create_facility(ctx, FacilityInput(name, kind)), write=True).run()


def combo_items(combo):
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_inspection_dialog_offers_a_facility_registered_while_it_is_open(qtbot, world):
    window, w, asked, _answer = world
    dialog = opened(qtbot, _inspection(window, w))
    qtbot.addWidget(dialog)
    combo = dialog.ui.facilityCombo
    combo.setCurrentIndex(combo.findText("한빛국민체육센터"))
    assert "새빛도서관" not in combo_items(combo)
    _register_facility(window, "새빛도서관")
    qtbot.waitUntil(lambda: "새빛도서관" in combo_items(combo), timeout=5000)
    assert combo.currentText() == "한빛국민체육센터"  # the choice made stays
    dialog.reject()


@pytest.mark.parametrize("make, combo_of", [(_proposal, "facility_combo"), (_content, "facility_combo")])
def test_proposal_and_content_dialogs_follow_the_facilities(qtbot, world, make, combo_of):
    window, w, _asked, _answer = world
    dialog = opened(qtbot, make(window, w))
    qtbot.addWidget(dialog)
    combo = getattr(dialog, combo_of)
    _register_facility(window, "새빛도서관")
    qtbot.waitUntil(lambda: "새빛도서관" in combo_items(combo), timeout=5000)
    assert combo.currentIndex() == 0  # still "(지정 안 함)" / "(시설 없음)"
    dialog.reject()


def test_the_facility_dialog_offers_a_department_added_meanwhile(qtbot, world):
    from panelapp.gui.core.ops import Op
    from panelapp.services.registers.departments import DepartmentInput, create_department

    window, w, _asked, _answer = world
    dialog = opened(qtbot, _facility(window, w))
    qtbot.addWidget(dialog)
    ctx = window.ctx
    Op(window, lambda _t: create_department(ctx, DepartmentInput("도서관운영과")), write=True).run()
    qtbot.waitUntil(lambda: "도서관운영과" in combo_items(dialog.ui.departmentCombo), timeout=5000)
    assert dialog.ui.departmentCombo.currentIndex() == 0 and dialog.ui.typeCombo.currentIndex() == -1
    dialog.reject()
