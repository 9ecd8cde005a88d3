"""설정 및 사용자 dialog: choose the acting user, add users, deactivate, data locations."""

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from shiboken6 import isValid

from panelapp.domain.enums import UserRole
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.settings_dialog import SettingsDialog
from panelapp.paths import data_dir
from panelapp.services.changes import Kind
from panelapp.services.people.users import create_user, list_users
from panelapp.settings import Settings


@pytest.fixture
def dialog(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    create_user(ctx, "김담당", UserRole.COORDINATOR)
    window = Window(ctx, settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    dlg = SettingsDialog(window)
    qtbot.waitUntil(lambda: dlg.loaded, timeout=5000)
    yield dlg
    wait_for_all()
    ctx.db.dispose()


def texts(dlg):
    return [dlg.ui.userList.item(i).text() for i in range(dlg.ui.userList.count())]


def select(dlg, name):
    for i in range(dlg.ui.userList.count()):
        if dlg.ui.userList.item(i).text().startswith(name):
            dlg.ui.userList.setCurrentRow(i)
            return
    raise AssertionError(name)


def test_lists_users_with_the_acting_one_selected_and_locations(dialog, tmp_path):
    assert texts(dialog) == ["김담당 (담당자)", "테스트담당자 (관리자) · 지금 작업 중"]
    assert dialog.selected_user().name == "테스트담당자"
    assert dialog.ui.dbLabel.text() == str(tmp_path / "test.db")
    assert dialog.ui.dataDirLabel.text() == str(data_dir())
    assert dialog.ui.attachmentsLabel.text() == str(tmp_path / "attachments")


def test_accept_switches_the_acting_user_and_announces_it(qtbot, dialog):
    select(dialog, "김담당")
    window = dialog.window_
    kim = [u for u in list_users(window.ctx) if u.name == "김담당"][0]
    results = []
    dialog.finished.connect(results.append)
    with qtbot.waitSignal(window.bus.changes, timeout=5000) as announced:
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert announced.args[0].kinds == {Kind.USER} and announced.args[0].ids_of(Kind.USER) == {kim.id}
    assert (window.ctx.user_name, window.settings.get("current_user")) == ("김담당", "김담당")
    assert window.ctx.user_id == kim.id
    assert results == [QDialog.DialogCode.Accepted.value]
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)  # deleted once closed


def test_add_user(qtbot, dialog):
    dialog.ui.nameEdit.setText("박조장님")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(UserRole.LEAD.value))
    with qtbot.waitSignal(dialog.window_.bus.changed, timeout=5000) as sig:
        qtbot.mouseClick(dialog.ui.addButton, Qt.MouseButton.LeftButton)
    assert sig.args[0] == "user"
    qtbot.waitUntil(lambda: "박조장님 (점검 조장)" in texts(dialog), timeout=5000)
    assert dialog.selected_user().name == "박조장님"
    assert dialog.ui.nameEdit.text() == ""


def test_bad_new_user_shows_the_field_error(qtbot, dialog):
    dialog.ui.nameEdit.setText("김담당")
    dialog.add_user()
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisibleTo(dialog), timeout=5000)
    assert dialog.ui.errorLabel.text().startswith("이름: ") and "이미 있습니다" in dialog.ui.errorLabel.text()
    assert len(list_users(dialog.window_.ctx)) == 2


def test_deactivate_then_choosing_that_user_is_refused(qtbot, dialog):
    select(dialog, "김담당")
    assert dialog.ui.toggleActiveButton.text() == "사용 중지"
    dialog.toggle_active()
    qtbot.waitUntil(lambda: "김담당 (담당자) · 사용 중지" in texts(dialog), timeout=5000)
    select(dialog, "김담당")
    assert dialog.ui.toggleActiveButton.text() == "다시 사용"
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisibleTo(dialog), timeout=5000)
    assert "사용 중지된" in dialog.ui.errorLabel.text()
    assert dialog.window_.ctx.user_name == "테스트담당자" and dialog.result() == 0
    assert dialog.ui.buttonBox.isEnabled()


def test_acting_user_cannot_be_deactivated(qtbot, dialog):
    select(dialog, "테스트담당자")
    dialog.toggle_active()
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisibleTo(dialog), timeout=5000)
    assert "지금 작업 중인 사용자" in dialog.ui.errorLabel.text()


def test_main_window_menu_opens_it_and_updates_the_status_bar(qtbot, tmp_path, monkeypatch):
    from panelapp.gui.mainwindow import MainWindow

    window = MainWindow(str(tmp_path / "app.db"), settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=15000):
        window.open_database()
    create_user(window.ctx, "김담당")

    def run(dlg):
        qtbot.waitUntil(lambda: dlg.loaded, timeout=5000)
        select(dlg, "김담당")
        results = []
        dlg.finished.connect(results.append)
        dlg.accept()
        qtbot.waitUntil(lambda: bool(results), timeout=5000)
        return results[0]

    monkeypatch.setattr(SettingsDialog, "exec", run)
    assert window.settings_action.isEnabled()
    window.settings_action.trigger()
    assert window.user_label.text() == "사용자: 김담당"
    assert window.settings.get("current_user") == "김담당"
    window.close()
    wait_for_all()
