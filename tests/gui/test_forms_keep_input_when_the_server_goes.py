"""A save that fails because the database server's connection broke leaves the form open with
what was typed (issue 13 item 4), where other failures (stale, deleted) close it for a reload:
the proposal form (its own failure handler) and a register form (field_errors.close_on_save_failure)."""

from __future__ import annotations

import psycopg
from PySide6.QtWidgets import QApplication, QMessageBox

from panelapp.gui.dialogs.department_dialog import DepartmentDialog
from panelapp.gui.dialogs.proposal_dialog import ProposalDialog
from tests.conftest import page_settled


def _lost() -> psycopg.OperationalError:
    return psycopg.OperationalError("server closed the connection unexpectedly")


def _patched_boxes(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a, **k: shown.append((title, text)))
    return shown


def _visible(cls):
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible())


def test_the_proposal_form_stays_open(qtbot, main_window, monkeypatch):
    shown = _patched_boxes(monkeypatch)
    main_window.show_page("proposals")
    proposals = main_window.page("proposals")
    qtbot.waitUntil(lambda: page_settled(proposals), timeout=20000)
    proposals.new_button.click()
    qtbot.waitUntil(
        lambda: any(isinstance(w, ProposalDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=20000,
    )
    dialog = _visible(ProposalDialog)
    dialog._failed(_lost())
    assert shown and shown[-1][0] == "서버 연결이 끊겼습니다" and "입력한 내용은 그대로" in shown[-1][1]
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    dialog.reject()


def test_a_register_form_stays_open(qtbot, main_window, monkeypatch):
    shown = _patched_boxes(monkeypatch)
    dialog = DepartmentDialog(main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.nameEdit.setText("복지정책과")
    dialog._failed(_lost())
    assert len(shown) == 1 and dialog.isVisible() and dialog.ui.nameEdit.text() == "복지정책과"
    from panelapp.domain.errors import NotFoundError

    dialog._failed(NotFoundError("담당부서"))  # a record deleted meanwhile still closes it, as before
    assert not dialog.isVisible()
