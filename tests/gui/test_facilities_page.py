"""시설·부서 page: empty state with seeded types, a facility through the dialog (with a
validation error first), search, stop/resume, departments tab."""

import pytest
from conftest import make_ctx
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QMessageBox

from panelapp.gui.core.bus import DataBus
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.pages.departments_tab import EMPTY_TEXT as DEPT_EMPTY
from panelapp.gui.pages.facilities import EMPTY_TEXT, NO_MATCH_TEXT, FacilitiesPage
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


class Window(QMainWindow):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.bus = DataBus(self)


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
    qtbot.waitUntil(lambda: not page._loading and not page._dirty, timeout=5000)


def save(qtbot, dialog):
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.ui.buttonBox.isEnabled() or dialog.result() != 0, timeout=5000)


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
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: page.register.table.rowCount() == 1, timeout=5000)
    settle(qtbot, page)
    cells = [page.register.table.item(0, c).text() for c in range(6)]
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
    page.window_.bus.emit_changed("facility", None)
    settle(qtbot, page)
    assert page.register.table.rowCount() == 2
    dialog = page.edit_selected()  # first row: 별빛공원
    assert dialog.ui.departmentCombo.currentText() == "공원녹지과"
    dialog.ui.nameEdit.setText("별빛근린공원")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: page.register.table.item(0, 0).text() == "별빛근린공원", timeout=5000)
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        page.toggle_selected()
    qtbot.waitUntil(lambda: page.register.table.rowCount() == 1, timeout=5000)  # 사용 중만
    page.active_check.setChecked(False)
    qtbot.waitUntil(lambda: page.register.table.rowCount() == 2, timeout=5000)
    settle(qtbot, page)
    assert page.register.table.item(0, 5).text() == "중지"
    assert page.selected().name == "한빛주차장"  # the selection survives the reload
    assert page.toggle_button.text() == "사용 중지"
    page.register.table.selectRow(0)
    assert page.toggle_button.text() == "사용 재개"
    page.search_edit.setText("없는시설")
    qtbot.waitUntil(lambda: page.register.currentWidget() is page.register.empty_label, timeout=5000)
    assert page.register.empty_label.text() == NO_MATCH_TEXT
    page.search_edit.setText("")
    qtbot.waitUntil(lambda: page.register.table.rowCount() == 2, timeout=5000)
    settle(qtbot, page)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.register.table.selectRow(1)
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        page.delete_selected()
    qtbot.waitUntil(lambda: page.register.table.rowCount() == 1, timeout=5000)
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
    qtbot.waitUntil(lambda: tab.register.table.rowCount() == 1, timeout=5000)
    settle(qtbot, page)
    assert [tab.register.table.item(0, c).text() for c in (0, 2, 5)] == ["체육진흥과", "02-1234-5678", "사용"]
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        tab.toggle_selected()
    qtbot.waitUntil(lambda: not list_departments(ctx)[0].active, timeout=5000)
    settle(qtbot, page)
    assert tab.register.table.item(0, 5).text() == "중지"
    # a stopped department is not offered for a new facility
    facility_dialog = page.add()
    assert facility_dialog.ui.departmentCombo.count() == 1
    facility_dialog.reject()
