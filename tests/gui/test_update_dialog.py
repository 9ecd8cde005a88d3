"""도움말 → 업데이트 확인: the dialog reads the version file on a worker and says what is new; the
look at start-up happens only when switched on, and then says so in the status bar."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from panelapp import __version__
from panelapp.gui.dialogs import update_dialog
from panelapp.gui.dialogs.update_dialog import UpdateDialog
from panelapp.gui.operations import updates as window_updates
from panelapp.services.system.updates import VERSION_FILE, version_key


def _newer() -> str:
    parts = list(version_key(__version__))
    parts[0] += 1
    return ".".join(str(p) for p in parts[:3])


@pytest.fixture
def share(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / VERSION_FILE).write_text(
        json.dumps({"version": _newer(), "notes": ["부서별 답변 현황 추가"]}, ensure_ascii=False),
        encoding="utf-8",
    )
    return folder


def _open(qtbot, window) -> UpdateDialog:
    window.update_action.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, UpdateDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, UpdateDialog) and w.isVisible())


def test_the_dialog_says_what_is_new_and_opens_the_installers_folder(qtbot, main_window, share, monkeypatch):
    opened = []
    monkeypatch.setattr(update_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = _open(qtbot, main_window)
    assert dialog.ui.currentValue.text() == __version__
    assert not dialog.ui.openFolderButton.isEnabled()
    dialog.ui.sourceEdit.setText(str(share))
    dialog.ui.checkButton.click()
    qtbot.waitUntil(lambda: "새 버전" in dialog.ui.resultView.toPlainText())
    assert "부서별 답변 현황 추가" in dialog.ui.resultView.toPlainText()
    assert dialog.ui.openFolderButton.isEnabled()
    dialog.ui.openFolderButton.click()
    assert [u.toLocalFile() for u in opened] == [str(share)]
    assert main_window.settings.get("update_source") == str(share)  # kept once checked
    assert _newer() in main_window.update_action.text()  # the menu item says so too
    dialog.reject()


def test_a_share_that_is_not_there_is_said_in_the_dialog(qtbot, main_window, tmp_path):
    dialog = _open(qtbot, main_window)
    dialog.ui.sourceEdit.setText(str(tmp_path / "없는 폴더"))
    dialog.ui.checkButton.click()
    qtbot.waitUntil(lambda: "찾을 수 없습니다" in dialog.ui.resultView.toPlainText())
    assert not dialog.ui.openFolderButton.isEnabled()
    assert dialog.ui.checkButton.isEnabled()  # try again after connecting the drive
    dialog.reject()


def test_the_start_up_switch_is_kept_when_the_dialog_closes(qtbot, main_window):
    dialog = _open(qtbot, main_window)
    assert not dialog.ui.atStartCheck.isChecked()  # off by default
    dialog.ui.atStartCheck.setChecked(True)
    dialog.ui.sourceEdit.setText("http://intranet/panelapp/")
    dialog.reject()
    assert main_window.settings.get("update_check_at_start") is True
    assert main_window.settings.get("update_source") == "http://intranet/panelapp/"


def test_nothing_is_looked_at_on_start_unless_switched_on(main_window, share):
    main_window.settings.set("update_source", str(share))
    assert window_updates.check_at_start(main_window, delay_ms=0) is False  # the switch is off
    main_window.settings.set("update_check_at_start", True)
    main_window.settings.set("update_source", "")
    assert window_updates.check_at_start(main_window, delay_ms=0) is False  # no place known


def test_the_look_at_start_tells_of_a_new_version_in_the_status_bar(qtbot, main_window, share):
    main_window.settings.set("update_source", str(share))
    main_window.settings.set("update_check_at_start", True)
    assert window_updates.check_at_start(main_window, delay_ms=0) is True
    qtbot.waitUntil(lambda: "새 버전" in main_window.statusBar().currentMessage())
    assert _newer() in main_window.statusBar().currentMessage()
    assert _newer() in main_window.update_action.text()


def test_a_failed_look_at_start_is_one_quiet_sentence(qtbot, main_window, tmp_path):
    main_window.settings.set("update_source", str(tmp_path / "없음"))
    main_window.settings.set("update_check_at_start", True)
    assert window_updates.check_at_start(main_window, delay_ms=0) is True
    qtbot.waitUntil(lambda: "업데이트 확인:" in main_window.statusBar().currentMessage())
    assert "찾을 수 없습니다" in main_window.statusBar().currentMessage()


def test_every_input_is_named_and_tab_follows_the_screen(qtbot, main_window):
    import a11y_checks

    dialog = _open(qtbot, main_window)
    assert a11y_checks.unnamed_inputs(dialog) == []
    assert a11y_checks.tab_jumps_back(dialog) == []
    dialog.reject()


def test_enter_in_the_place_field_checks_and_never_opens_the_folder_chooser(
    qtbot, main_window, share, monkeypatch
):
    from PySide6.QtCore import Qt

    from panelapp.gui import file_dialogs

    chooser = []
    monkeypatch.setattr(file_dialogs, "folder_in", lambda *a, **k: chooser.append(a))
    dialog = _open(qtbot, main_window)
    dialog.ui.sourceEdit.setText(str(share))
    dialog.ui.sourceEdit.setFocus()
    qtbot.keyClick(dialog.ui.sourceEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "새 버전" in dialog.ui.resultView.toPlainText())
    assert chooser == []
    assert dialog.isVisible()
    dialog.reject()


def test_a_folder_that_cannot_be_opened_is_named_to_open_by_hand(qtbot, main_window, share, monkeypatch):
    monkeypatch.setattr(update_dialog.QDesktopServices, "openUrl", lambda url: False)  # no file manager
    dialog = _open(qtbot, main_window)
    dialog.ui.sourceEdit.setText(str(share))
    dialog.ui.checkButton.click()
    qtbot.waitUntil(lambda: dialog.ui.openFolderButton.isEnabled())
    dialog.ui.openFolderButton.click()
    text = dialog.ui.resultView.toPlainText()
    assert "폴더를 열지 못했습니다" in text and str(share) in text and "부서별 답변 현황 추가" in text
    dialog.reject()
