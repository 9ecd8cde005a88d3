"""기관 정보 dialog: asked at first start before any work (closing it asks; the next start asks
again), 파일 → 기관 정보 edits it later, refused fields shown beside them, the logo checked on a
worker, unsaved edits not dropped silently, no placeholder institution from the department
dialog, certificates refused without a name, no dialog left alive."""

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from shiboken6 import isValid

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.organization_dialog import OrganizationDialog
from panelapp.services.changes import Kind
from panelapp.services.org.manage import OrgInput, get_organization, save_organization


def type_text(widget, text: str) -> None:
    """Type as a Korean IME delivers it (qtbot.keyClicks aborts on Hangul)."""
    widget.setFocus()
    widget.clear()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def live_dialogs() -> list[OrganizationDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, OrganizationDialog) and isValid(w)]


def shown_dialog(qtbot, timeout=10000) -> OrganizationDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() and d.loaded for d in live_dialogs()), timeout=timeout)
    return next(d for d in live_dialogs() if d.isVisible())


@pytest.fixture
def asks(monkeypatch):
    monkeypatch.setenv("PANELAPP_ASK_INSTITUTION", "1")


@pytest.fixture
def answers(monkeypatch):
    """The answers the dialog gets when it asks (True: leave / discard); what it asked."""
    given, asked = [], []

    def fake(self, text, leave, stay):
        asked.append((text, leave, stay))
        return given.pop(0)

    monkeypatch.setattr(OrganizationDialog, "_ask", fake)
    return given, asked


def png_file(path, size=(320, 160)):
    Image.new("RGB", size, (31, 58, 95)).save(path, "PNG")
    return path


# ----- first start ---------------------------------------------------------------------------
def test_first_start_asks_for_the_institution_before_anything_else(qtbot, asks, open_main_window, tmp_path):
    window = open_main_window(tmp_path / "app.db", size=(1366, 768))
    dialog = shown_dialog(qtbot)
    assert dialog.first_start and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert QApplication.activeModalWidget() is dialog  # nothing else can be touched meanwhile
    assert window.stack.currentWidget() is window.pages["welcome"]  # the welcome page waits behind
    assert "처음 오셨군요" in dialog.ui.introLabel.text()
    assert dialog.cancel_button.text() == "나중에 입력"
    assert not dialog.save_button.isEnabled()  # the name is required
    type_text(dialog.ui.nameEdit, "한빛시설관리공단")
    type_text(dialog.ui.phoneEdit, "042-610-1000")
    type_text(dialog.ui.signoffEdit, "담당, 팀장, 부장, 이사장")
    assert "결재 │ 담당 │ 팀장 │ 부장 │ 이사장" in dialog.ui.signoffPreview.text()
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(window.bus.changes, timeout=10000) as announced:
        dialog.save_button.click()
    assert Kind.ORGANIZATION in announced.args[0].kinds
    qtbot.waitUntil(lambda: not live_dialogs(), timeout=5000)  # closed and deleted
    info = get_organization(window.ctx)
    assert (info.name, info.phone, info.signoff) == (
        "한빛시설관리공단",
        "042-610-1000",
        ("담당", "팀장", "부장", "이사장"),
    )


def test_closing_the_first_start_dialog_asks_and_the_next_start_asks_again(
    qtbot, asks, answers, open_main_window, tmp_path
):
    given, asked = answers
    window = open_main_window(tmp_path / "app.db")
    dialog = shown_dialog(qtbot)
    given.append(False)  # 계속 입력
    dialog.reject()  # Esc and ✕ come here too
    assert dialog.isVisible() and asked[0][1:] == ("나중에 입력", "계속 입력")
    assert "개선 보고서·활동확인서·현장 점검표를 만들 수 없습니다" in asked[0][0]
    given.append(True)  # 나중에 입력
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not live_dialogs(), timeout=5000)
    assert get_organization(window.ctx) is None
    assert window.stack.currentWidget() is window.pages["welcome"]  # the program opens anyway
    assert window.organization_action.isEnabled()
    window.close()
    wait_for_all()
    open_main_window(tmp_path / "app.db")
    again = shown_dialog(qtbot)  # still none registered: asked again
    assert again.first_start
    given.append(True)
    again.reject()
    qtbot.waitUntil(lambda: not live_dialogs(), timeout=5000)


def test_no_question_when_the_institution_is_registered(qtbot, asks, main_window):
    qtbot.wait(300)
    wait_for_all()
    assert not live_dialogs()


# ----- 파일 → 기관 정보 ----------------------------------------------------------------------
def test_menu_opens_the_registered_institution_and_saves_changes(qtbot, main_window):
    menu = main_window.menuBar().actions()[0].menu()
    assert main_window.organization_action in menu.actions()
    assert main_window.organization_action.text() == "기관 정보(&I)…"
    main_window.organization_action.trigger()
    dialog = shown_dialog(qtbot)
    assert not dialog.first_start and dialog.windowTitle() == "기관 정보"
    ui = dialog.ui
    assert ui.nameEdit.text() == "한빛시설관리공단"
    assert ui.signoffEdit.text() == "담당, 팀장, 부장, 이사장"
    assert ui.phoneEdit.text() == "042-610-1000"
    assert not ui.logoPreview.pixmap().isNull() and ui.logoClearButton.isEnabled()
    type_text(ui.signoffEdit, "담당, 과장, 이사장")
    with qtbot.waitSignal(main_window.bus.changes, timeout=10000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: not live_dialogs(), timeout=5000)
    info = get_organization(main_window.ctx)
    assert info.signoff == ("담당", "과장", "이사장") and info.logo_png  # the logo was kept


def test_refused_fields_are_shown_beside_them_and_nothing_is_saved(qtbot, main_window):
    dialog = main_window.open_organization()
    dialog = shown_dialog(qtbot)
    before = get_organization(main_window.ctx)
    type_text(dialog.ui.phoneEdit, "대표번호")
    type_text(dialog.ui.signoffEdit, "1,2,3,4,5,6,7")
    assert "6칸까지" in dialog.ui.signoffPreview.text()  # told while typing
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.ui.errorLabel.text()), timeout=5000)
    text = dialog.ui.errorLabel.text()
    assert "대표 전화" in text and "결재란" in text and dialog.isVisible()
    assert dialog.ui.phoneEdit.styleSheet() and dialog.ui.signoffEdit.styleSheet()
    assert get_organization(main_window.ctx) == before
    dialog._closing = True
    dialog.reject()


def test_logo_is_checked_on_a_worker_and_replaced(qtbot, main_window, tmp_path):
    dialog = main_window.open_organization()
    dialog = shown_dialog(qtbot)
    fake = tmp_path / "logo.png"
    fake.write_text("그림이 아닙니다", encoding="utf-8")
    dialog.load_logo_file(str(fake))
    qtbot.waitUntil(lambda: "로고" in dialog.ui.errorLabel.text(), timeout=5000)
    assert "PNG 또는 JPEG 그림이 아닙니다" in dialog.ui.errorLabel.text()
    dialog.load_logo_file(str(png_file(tmp_path / "새로고.png", (1200, 600))))
    qtbot.waitUntil(lambda: dialog._logo_changed and not dialog.ui.errorLabel.text(), timeout=5000)
    assert Image.open(io.BytesIO(dialog._logo)).size == (600, 300)  # as it will be stored
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not live_dialogs(), timeout=5000)
    assert get_organization(main_window.ctx).logo_png == dialog.saved.logo_png
    assert Image.open(io.BytesIO(dialog.saved.logo_png)).size == (600, 300)


def test_unsaved_edits_are_not_dropped_without_asking(qtbot, answers, main_window):
    given, asked = answers
    dialog = main_window.open_organization()
    dialog = shown_dialog(qtbot)
    dialog.reject()  # nothing changed: closes without asking
    qtbot.waitUntil(lambda: not live_dialogs(), timeout=5000)
    assert asked == []
    main_window.open_organization()
    dialog = shown_dialog(qtbot)
    type_text(dialog.ui.addressEdit, "한빛시 서구 새주소로 1")
    given.append(False)
    dialog.reject()  # Esc or ✕
    assert dialog.isVisible() and asked[-1][1:] == ("버리기", "계속 편집")
    given.append(True)
    dialog.reject()
    qtbot.waitUntil(lambda: not live_dialogs(), timeout=5000)
    assert get_organization(main_window.ctx).address != "한빛시 서구 새주소로 1"
    main_window.open_organization()
    dialog = shown_dialog(qtbot)
    type_text(dialog.ui.addressEdit, "한빛시 서구 새주소로 2")
    dialog.cancel_button.click()  # 취소 is an explicit choice: no question
    qtbot.waitUntil(lambda: not live_dialogs(), timeout=5000)
    assert len(asked) == 2


def test_a_form_older_than_the_saved_one_shows_both_versions(qtbot, main_window, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    dialog = main_window.open_organization()
    dialog = shown_dialog(qtbot)
    current = get_organization(main_window.ctx)
    save_organization(main_window.ctx, OrgInput("다른이름공단", signoff=current.signoff), current.version)
    type_text(dialog.ui.nameEdit, "한빛공단")
    dialog.save_button.click()
    # both changed the name (gui/core/conflicts.py): shown with the three values, mine proposed
    qtbot.waitUntil(lambda: dialog.conflict.conflict_dialog is not None, timeout=15000)
    conflict = dialog.conflict.conflict_dialog
    rows = {r.label: r for r in conflict.rows}
    assert (rows["기관명"].theirs.text, rows["기관명"].mine.text, rows["기관명"].both_changed) == (
        "다른이름공단",
        "한빛공단",
        True,
    )
    assert get_organization(main_window.ctx).name == "다른이름공단"  # nothing saved before the choice
    conflict.apply_button.click()
    assert dialog.ui.nameEdit.text() == "한빛공단" and warnings == []
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=15000)
    assert get_organization(main_window.ctx).name == "한빛공단"


def test_opened_and_closed_five_times_leaves_no_dialog(qtbot, main_window):
    for _ in range(5):
        main_window.open_organization()
        dialog = shown_dialog(qtbot)
        dialog.reject()
        qtbot.waitUntil(lambda: not live_dialogs(), timeout=5000)
    wait_for_all()
    assert live_dialogs() == []


def test_dialog_fits_a_1366x768_screen(qtbot, main_window):
    main_window.open_organization()
    dialog = shown_dialog(qtbot)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    dialog.reject()


# ----- no placeholder from elsewhere ----------------------------------------------------------
def test_department_saved_first_invents_no_institution(qtbot, sqlite_ctx):
    from gui_window import Window

    from panelapp.gui.dialogs.department_dialog import DepartmentDialog
    from panelapp.services.registers.departments import list_departments

    window = Window(sqlite_ctx, None)
    qtbot.addWidget(window)
    dialog = DepartmentDialog(window)
    qtbot.addWidget(dialog)
    type_text(dialog.ui.nameEdit, "체육사업부")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)
    assert [d.name for d in list_departments(sqlite_ctx)] == ["체육사업부"]
    assert get_organization(sqlite_ctx) is None  # still to be registered: no made-up name


def test_certificate_is_refused_until_a_name_is_registered(qtbot, sqlite_ctx, monkeypatch):
    import datetime as dt

    from gui_window import Window

    from panelapp.gui.dialogs.certificate import make_certificate
    from panelapp.services.cohorts.manage import CohortInput, create_cohort
    from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member

    warnings, asked_where = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked_where.append(a) or ("", ""))
    cohort = create_cohort(sqlite_ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    member = enroll_member(
        sqlite_ctx,
        cohort.id,
        MemberInput("김하나", "010-2111-5678", joined_on=dt.date(2026, 3, 1)),
        ConsentInput("2026-1", dt.date(2026, 3, 1), agreed=True),
    )
    window = Window(sqlite_ctx, cohort.id)
    qtbot.addWidget(window)
    make_certificate(window, member.enrollment_id)
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert "기관명이 등록되어 있지 않습니다" in warnings[0] and "활동확인서" in warnings[0]
    assert asked_where == []  # refused before asking where to save
    wait_for_all()
