"""파일 → 데이터베이스 연결 (gui/dialogs/connection_dialog.py, issue 13 item 6): 연결 시험 runs on a
worker and says what it found; 저장하고 전환 keeps the choice on this computer (the password in
the keyring, never in the settings file) and the window reopens on it; a saved server whose
password the keyring does not have is asked for at start."""

from __future__ import annotations

import json

from sqlalchemy import make_url

from panelapp.gui.dialogs.connection_dialog import NO_KEYRING, ConnectionDialog
from panelapp.services.system.connection import ASK, KEYRING, SERVER, SavedConnection, save, saved
from panelapp.settings import Settings
from tests.conftest import page_settled
from tests.storage_conditions import needs_pg, throwaway_server_database


def _said(qtbot, dialog, words: str, timeout: int = 20000) -> str:
    qtbot.waitUntil(lambda: words in dialog.ui.resultLabel.text(), timeout=timeout)
    return dialog.ui.resultLabel.text()


def _close(qtbot, window) -> None:
    from panelapp.gui.core.ops import wait_for_all

    qtbot.waitUntil(lambda: window.ctx is None or page_settled(window.stack.currentWidget()), timeout=30000)
    window.close()
    wait_for_all()
    if window.live_refresh is not None:
        window.live_refresh.stop()
    if window.ctx is not None:
        window.ctx.db.dispose()


def _first_admin(qtbot, fresh) -> None:
    """A database chosen through the menu that has no account asks the person at the screen
    for its first 관리자 (not made from the PANELAPP_USER/PASSWORD the suite starts with)."""
    from panelapp.gui.dialogs.login_dialog import PasswordDialog

    qtbot.waitUntil(
        lambda: (
            getattr(fresh, "login_flow", None) is not None
            and isinstance(fresh.login_flow.dialog, PasswordDialog)
            and fresh.login_flow.dialog.isVisible()
        ),
        timeout=30000,
    )
    admin = fresh.login_flow.dialog
    assert admin.mode == "first_admin"
    admin.ui.nameEdit.setText("김관리")
    admin.ui.newEdit.setText("panel-2026")
    admin.ui.confirmEdit.setText("panel-2026")
    admin.submit()


def test_a_file_is_tested_saved_and_the_window_switches_to_it(qtbot, main_window, tmp_path):
    target = tmp_path / "office" / "panel.db"
    target.parent.mkdir()
    dialog = main_window.open_connection_settings()
    assert isinstance(dialog, ConnectionDialog) and dialog.ui.sqliteRadio.isChecked()
    assert str(main_window.ctx.db.sqlite_path) == dialog.ui.pathEdit.text()  # the one open now
    assert not dialog.ui.serverBox.isEnabled()
    dialog.ui.pathEdit.setText(str(target))
    dialog.test_button.click()
    assert "새 데이터베이스 파일로 만듭니다" in _said(qtbot, dialog, "만듭니다")
    assert not target.exists()  # the test wrote nothing
    fresh = dialog.save_and_switch()
    qtbot.addWidget(fresh)
    try:
        _first_admin(qtbot, fresh)
        qtbot.waitUntil(lambda: fresh.ctx is not None, timeout=30000)
        assert fresh.ctx.db.sqlite_path == target and main_window.replaced_by is fresh
        assert fresh.ctx.user_name == "김관리"
        assert saved(fresh.settings) == SavedConnection(kind="sqlite", path=str(target))
    finally:
        _close(qtbot, fresh)


def test_missing_server_fields_are_named(qtbot, main_window, memory_keyring):
    dialog = main_window.open_connection_settings()
    dialog.ui.serverRadio.setChecked(True)
    assert dialog.ui.serverBox.isEnabled() and not dialog.ui.fileBox.isEnabled()
    assert dialog.ui.rememberCheck.isVisibleTo(dialog) and not dialog.ui.keyringLabel.isVisibleTo(dialog)
    dialog.ui.hostEdit.setText("db.example.go.kr")
    dialog.test_button.click()
    assert "데이터베이스 이름을 입력하세요" in dialog.ui.resultLabel.text()
    assert dialog.save_and_switch() is None and dialog.isVisible()  # nothing saved, still open
    assert saved(main_window.settings) is None
    dialog.reject()


def test_without_a_keyring_the_dialog_says_the_password_is_asked(qtbot, main_window, no_keyring):
    dialog = main_window.open_connection_settings()
    assert not dialog.ui.rememberCheck.isVisibleTo(dialog) and dialog.ui.keyringLabel.text() == NO_KEYRING
    dialog.reject()


@needs_pg
def test_a_server_is_saved_with_its_password_in_the_keyring(qtbot, main_window, memory_keyring):
    with throwaway_server_database() as url:
        u = make_url(url)
        dialog = main_window.open_connection_settings()
        dialog.ui.serverRadio.setChecked(True)
        dialog.ui.hostEdit.setText(u.host or "127.0.0.1")
        dialog.ui.portSpin.setValue(u.port or 5432)
        dialog.ui.databaseEdit.setText(u.database or "")
        dialog.ui.userEdit.setText(u.username or "")
        dialog.ui.passwordEdit.setText(u.password or "pw-in-the-keyring")
        dialog.ui.tlsCombo.setCurrentIndex(dialog.ui.tlsCombo.findData("disable"))
        dialog.test_button.click()
        assert "빈 데이터베이스" in _said(qtbot, dialog, "연결했습니다")
        fresh = dialog.save_and_switch()
        qtbot.addWidget(fresh)
        try:
            _first_admin(qtbot, fresh)
            qtbot.waitUntil(lambda: fresh.ctx is not None, timeout=30000)
            assert u.database in fresh.ctx.db.display_name()
            choice = saved(fresh.settings)
            assert choice.kind == SERVER and choice.password == KEYRING and choice.tls == "disable"
            written = fresh.settings.path.read_text(encoding="utf-8")
            password = u.password or "pw-in-the-keyring"
            assert password not in written and "password" in json.loads(written)["connection"]
            assert memory_keyring.kept[("panelapp", choice.account)] == password
        finally:
            _close(qtbot, fresh)


def test_a_start_asks_for_the_password_the_keyring_lacks(qtbot, tmp_path, no_keyring):
    from panelapp.gui.mainwindow import MainWindow

    settings = Settings(tmp_path / "settings.json")
    save(
        settings,
        SavedConnection(kind=SERVER, host="127.0.0.1", port=1, database="panel", user="clerk", password=ASK),
    )
    window = MainWindow(None, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.open_database()
    qtbot.waitUntil(lambda: getattr(window, "password_prompt", None) is not None, timeout=20000)
    prompt = window.password_prompt
    assert "clerk" in prompt.labelText() and "127.0.0.1:1" in prompt.labelText()
    prompt.reject()  # 열지 않음
    qtbot.waitUntil(lambda: "열지 않았습니다" in window.loading.text(), timeout=5000)
    assert window.ctx is None
    assert window.connection_action.isEnabled()  # the connection can be fixed from here
    dialog = window.open_connection_settings()
    assert dialog.ui.serverRadio.isChecked() and dialog.ui.hostEdit.text() == "127.0.0.1"
    assert dialog.ui.portSpin.value() == 1 and dialog.ui.userEdit.text() == "clerk"
    assert "아직 열지 않음" in dialog.ui.currentLabel.text()
    dialog.reject()
    window.close()


@needs_pg
def test_the_password_asked_at_start_opens_the_server(qtbot, tmp_path, no_keyring):
    from panelapp.gui.mainwindow import MainWindow

    with throwaway_server_database() as url:
        u = make_url(url)
        settings = Settings(tmp_path / "settings.json")
        save(
            settings,
            SavedConnection(
                kind=SERVER,
                host=u.host or "127.0.0.1",
                port=u.port or 5432,
                database=u.database or "",
                user=u.username or "",
                password=ASK,
            ),
        )
        window = MainWindow(None, settings=settings)
        qtbot.addWidget(window)
        window.show()
        try:
            window.open_database()
            qtbot.waitUntil(lambda: getattr(window, "password_prompt", None) is not None, timeout=20000)
            window.password_prompt.setTextValue(u.password or "typed")
            window.password_prompt.accept()
            qtbot.waitUntil(lambda: window.ctx is not None, timeout=30000)
            assert u.database in window.ctx.db.display_name()
        finally:
            _close(qtbot, window)
