"""The shared save-failure handlers of form dialogs."""

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox

from panelapp.domain.errors import ConcurrencyError, ValidationError
from panelapp.gui.core.field_errors import close_on_save_failure, handle_save_failure


def form(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    name, summary = QLineEdit(dialog), QLabel(dialog)
    name.setText("새봄근린공원")
    dialog.show()
    return dialog, {"시설명": name}, summary


def test_field_errors_keep_the_dialog_open_with_the_input(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    dialog, fields, summary = form(qtbot)
    closed = []
    close_on_save_failure(
        dialog, ValidationError("시설명", "이미 있습니다."), fields, summary, lambda: closed.append(1)
    )
    assert dialog.isVisible() and closed == [] and fields["시설명"].text() == "새봄근린공원"
    assert summary.text() == "• 시설명: 이미 있습니다." and fields["시설명"].toolTip() == "이미 있습니다."


def test_other_failures_are_shown_then_close_and_announce(qtbot, monkeypatch):
    shown, closed = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    dialog, fields, summary = form(qtbot)
    close_on_save_failure(dialog, ConcurrencyError(), fields, summary, lambda: closed.append(1))
    assert not dialog.isVisible() and closed == [1] and "먼저 수정" in shown[0]


def test_stale_save_reloads_and_keeps_the_dialog_open(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    dialog, fields, summary = form(qtbot)
    reloads = []
    handle_save_failure(dialog, ConcurrencyError(), fields, summary, lambda: reloads.append(1))
    assert dialog.isVisible() and reloads == [1]
