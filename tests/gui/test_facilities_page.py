"""시설·부서 page: empty state with seeded types, a facility through the dialog (with a
validation error first), search, stop/resume, departments tab."""

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from shiboken6 import isValid

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.pages.departments_tab import EMPTY_TEXT as DEPT_EMPTY
from panelapp.gui.pages.facilities import EMPTY_TEXT, NO_MATCH_TEXT, FacilitiesPage
from panelapp.services.changes import Changes, Kind
from panelapp.services.registers.departments import (
    DepartmentInput,
    create_department,
    ensure_organization,
    list_departments,
)
from panelapp.services.registers.facilities import (
    FacilityInput,
    create_facility,
    list_facilities,
    list_facility_types,
)


@pytest.fixture
def page(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    window = Window(ctx)
    qtbot.addWidget(window)
    p = FacilitiesPage(window)
    window.setCentralWidget(p)
    window.resize(1000, 600)
    yield p
    wait_for_all()
    ctx.db.dispose()


def shown(qtbot, page):
    page.window_.show()
    settle(qtbot, page)


def settle(qtbot, page):
    qtbot.waitUntil(lambda: not page.is_loading and not page.is_stale, timeout=5000)


def closed(dialog) -> bool:
    """Dialogs are deleted when they close."""
    return not isValid(dialog) or not dialog.isVisible()


def save(qtbot, dialog):
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: closed(dialog) or dialog.ui.buttonBox.isEnabled(), timeout=5000)


def test_empty_database_seeds_types_and_shows_empty_texts(qtbot, page):
    shown(qtbot, page)
    assert page.register.currentWidget() is page.register.empty_label
    assert page.register.empty_label.text() == EMPTY_TEXT
    assert [page.type_combo.itemText(i) for i in range(page.type_combo.count())][:3] == [
        "모든 유형",
        "체육시설",
        "주차장",
    ]
    assert len(list_facility_types(page.window_.ctx)) == 7
    assert not page.edit_button.isEnabled() and page.add_button.isEnabled()
    assert page.departments_tab.register.empty_label.text() == DEPT_EMPTY


def test_create_facility_through_the_dialog(qtbot, page):
    shown(qtbot, page)
    dialog = page.add()
    ui = dialog.ui
    assert ui.typeCombo.currentIndex() == -1 and ui.departmentCombo.currentText() == "(지정 안 함)"
    ui.nameEdit.setText("한빛체육관")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert ui.errorLabel.isVisible() and "유형: 시설 유형을 골라 주세요." in ui.errorLabel.text()
    assert ui.typeCombo.styleSheet() != "" and ui.nameEdit.styleSheet() == ""
    ui.typeCombo.setCurrentIndex(ui.typeCombo.findText("체육시설"))
    ui.addressEdit.setText("한빛로 10")
    ui.contactEdit.setText("031-123-4567")
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000) as sig:
        save(qtbot, dialog)
    assert sig.args[0] == "facility"
    assert closed(dialog) and dialog.saved.name == "한빛체육관"
    qtbot.waitUntil(lambda: page.register.row_count() == 1, timeout=5000)
    settle(qtbot, page)
    cells = [page.register.cell(0, c) for c in range(6)]
    assert cells == ["한빛체육관", "체육시설", "한빛로 10", "", "031-123-4567", "사용"]
    [facility] = list_facilities(page.window_.ctx)
    assert (facility.name, facility.contact) == ("한빛체육관", "031-123-4567")


def test_edit_stop_search_and_no_match(qtbot, page, monkeypatch):
    ctx = page.window_.ctx
    shown(qtbot, page)
    types = {t.name: t.id for t in list_facility_types(ctx)}
    ensure_organization(ctx, "한빛시")
    dept = create_department(ctx, DepartmentInput("공원녹지과", "김소통", "02-123-4567"))
    create_facility(ctx, FacilityInput("별빛공원", types["공원"], "별빛로 1", dept.id))
    create_facility(ctx, FacilityInput("한빛주차장", types["주차장"]))
    page.window_.bus.announce(Changes(frozenset({Kind.FACILITY})))  # written elsewhere
    settle(qtbot, page)
    assert page.register.row_count() == 2
    dialog = page.edit_selected()  # first row: 별빛공원
    assert dialog.ui.departmentCombo.currentText() == "공원녹지과"
    dialog.ui.nameEdit.setText("별빛근린공원")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: page.register.cell(0, 0) == "별빛근린공원", timeout=5000)
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        page.toggle_selected()
    qtbot.waitUntil(lambda: page.register.row_count() == 1, timeout=5000)  # 사용 중만
    page.active_check.setChecked(False)
    qtbot.waitUntil(lambda: page.register.row_count() == 2, timeout=5000)
    settle(qtbot, page)
    assert page.register.cell(0, 5) == "중지"
    assert page.selected().name == "한빛주차장"  # the selection survives the reload
    assert page.toggle_button.text() == "사용 중지"
    page.register.select_row(0)
    assert page.toggle_button.text() == "사용 재개"
    page.search_edit.setText("없는시설")
    qtbot.waitUntil(lambda: page.register.currentWidget() is page.register.empty_label, timeout=5000)
    assert page.register.empty_label.text() == NO_MATCH_TEXT
    page.search_edit.setText("")
    qtbot.waitUntil(lambda: page.register.row_count() == 2, timeout=5000)
    settle(qtbot, page)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.register.select_row(1)
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        page.delete_selected()
    qtbot.waitUntil(lambda: page.register.row_count() == 1, timeout=5000)
    assert [f.name for f in list_facilities(ctx)] == ["별빛근린공원"]


def test_departments_tab_add_with_error_then_stop(qtbot, page, monkeypatch):
    ctx = page.window_.ctx
    shown(qtbot, page)
    tab = page.departments_tab
    dialog = tab.add()
    dialog.ui.nameEdit.setText("체육진흥과")
    dialog.ui.phoneEdit.setText("02-12")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.ui.errorLabel.text().startswith("• 전화:")
    dialog.ui.phoneEdit.setText("0212345678")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.register.row_count() == 1, timeout=5000)
    settle(qtbot, page)
    assert [tab.register.cell(0, c) for c in (0, 2, 5)] == ["체육진흥과", "02-1234-5678", "사용"]
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        tab.toggle_selected()
    qtbot.waitUntil(lambda: not list_departments(ctx)[0].active, timeout=5000)
    settle(qtbot, page)
    assert tab.register.cell(0, 5) == "중지"
    # a stopped department is not offered for a new facility
    facility_dialog = page.add()
    assert facility_dialog.ui.departmentCombo.count() == 1
    facility_dialog.reject()


def test_header_click_sorts_in_sql_and_a_stale_save_reloads_the_list(qtbot, page, monkeypatch):
    from PySide6.QtCore import Qt

    from panelapp.services.registers.facilities import get_facility, update_facility

    ctx = page.window_.ctx
    shown(qtbot, page)
    types = {t.name: t.id for t in list_facility_types(ctx)}
    create_facility(ctx, FacilityInput("가람공원", types["공원"], "다솜로 3"))
    create_facility(ctx, FacilityInput("나래주차장", types["주차장"], "가온로 1"))
    page.window_.bus.announce(Changes(frozenset({Kind.FACILITY})))
    settle(qtbot, page)
    assert [page.register.cell(r, 0) for r in range(2)] == ["가람공원", "나래주차장"]
    page.register.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # 주소, as a header click does
    settle(qtbot, page)
    assert page.register.sort_key == "address"
    assert [page.register.cell(r, 0) for r in range(2)] == ["나래주차장", "가람공원"]
    assert page.selected().name == "가람공원"  # the selection follows its row
    page.register.select_row(0)
    # someone else renames the facility while the dialog is open: the save is refused, and the
    # two versions are shown field by field (tests/gui/test_conflicts.py); taking theirs keeps
    # the dialog open on their version, and the list shows it
    dialog = page.edit_selected()
    f = get_facility(ctx, page.selected().id)
    update_facility(ctx, f.id, FacilityInput("나래공영주차장", f.facility_type_id, f.address), f.version)
    page.window_.bus.announce(Changes(frozenset({Kind.FACILITY})))
    dialog.ui.contactEdit.setText("031-000-0000")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.conflict.conflict_dialog is not None, timeout=5000)
    dialog.conflict.conflict_dialog.theirs_button.click()
    assert not closed(dialog) and dialog.ui.nameEdit.text() == "나래공영주차장"
    assert dialog.ui.contactEdit.text() == ""
    dialog.reject()
    qtbot.waitUntil(lambda: page.register.cell(0, 0) == "나래공영주차장", timeout=5000)
