"""파일 → 공유 데이터베이스로 옮기기 (gui/dialogs/move_to_server_dialog.py): the demo's file goes to an
empty server database with 연결 시험 → 옮기기 → 전환, and the window reopens on the server with
every row; an unreachable server, missing fields and a server database with data are refused in
sentences under the fields, with nothing written."""

from __future__ import annotations

import sqlite3

from sqlalchemy import make_url, text

from panelapp.cli.main import main
from panelapp.db.engine import open_database
from panelapp.gui.dialogs.move_to_server_dialog import MoveToServerDialog
from tests.conftest import page_settled
from tests.storage_conditions import needs_pg, throwaway_server_database


def _fill(dialog: MoveToServerDialog, url: str) -> None:
    u = make_url(url)
    dialog.host_edit.setText(u.host or "127.0.0.1")
    dialog.port_spin.setValue(u.port or 5432)
    dialog.database_edit.setText(u.database or "")
    dialog.user_edit.setText(u.username or "")
    dialog.password_edit.setText(u.password or "")


def _said(qtbot, dialog, words: str, timeout: int = 20000) -> str:
    qtbot.waitUntil(lambda: words in dialog.result_label.text(), timeout=timeout)
    return dialog.result_label.text()


@needs_pg
def test_the_demo_moves_to_a_server_and_the_window_follows(qtbot, main_window, demo_db, monkeypatch):
    from panelapp.gui.core import ops

    steps: list[tuple[int, int, str]] = []
    real = ops.Token.progress
    monkeypatch.setattr(
        ops.Token, "progress", lambda self, d, t, x="": steps.append((d, t, x)) or real(self, d, t, x)
    )
    assert main_window.move_to_server_action.isEnabled()
    members = sqlite3.connect(str(demo_db)).execute("SELECT count(*) FROM members").fetchone()[0]
    with throwaway_server_database() as url:
        dialog = main_window.open_move_to_server()
        _fill(dialog, url)
        dialog.test_button.click()
        assert "password" not in _said(qtbot, dialog, "비어 있어 옮길 수 있습니다")
        dialog.copy_button.click()
        said = _said(qtbot, dialog, "옮겼습니다", timeout=60000)
        assert "행 수·검사값 일치" in said and dialog.switch_button.isEnabled()
        tables = [(d, t) for d, t, _x in steps if t]  # the progress dialog counts the tables
        assert tables and tables[-1][0] == tables[-1][1] and any("members" in x for *_n, x in steps)
        db = open_database(url)
        try:
            with db.engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM members")).scalar() == members
        finally:
            db.dispose()
        fresh = dialog.switch_over()
        qtbot.addWidget(fresh)
        try:
            qtbot.waitUntil(lambda: fresh.ctx is not None, timeout=30000)
            assert not fresh.ctx.db.is_sqlite and make_url(url).database in fresh.ctx.db.display_name()
            assert not fresh.move_to_server_action.isEnabled()  # already on a server
            assert fresh.db_label.text().startswith("DB: postgresql")
        finally:
            from panelapp.gui.core.ops import wait_for_all

            qtbot.waitUntil(lambda: page_settled(fresh.stack.currentWidget()), timeout=30000)
            fresh.close()
            wait_for_all()  # nothing may still read the server database when it is dropped
            qtbot.wait(50)
            if fresh.live_refresh is not None:
                fresh.live_refresh.stop()
            if fresh.ctx is not None:
                fresh.ctx.db.dispose()


def test_refusals_are_sentences_under_the_fields(qtbot, main_window, demo_db):
    before = demo_db.read_bytes()
    dialog = main_window.open_move_to_server()
    dialog.copy_button.click()
    assert dialog.result_label.text() == "서버 주소를 입력하세요."
    _fill(dialog, "postgresql+psycopg://postgres@127.0.0.1:1/panel")  # nothing listens on port 1
    dialog.test_button.click()
    assert "연결할 수 없습니다" in _said(qtbot, dialog, "문제가 있어")
    dialog.copy_button.click()
    said = _said(qtbot, dialog, "아무것도 옮기지 않았습니다")
    assert "연결할 수 없습니다" in said and not dialog.switch_button.isEnabled()
    assert demo_db.read_bytes() == before
    dialog.reject()


@needs_pg
def test_a_server_database_with_data_is_refused(qtbot, main_window, demo_db, capsys):
    with throwaway_server_database() as url:
        assert main(["db", "copy", "--from", str(demo_db), "--to", url]) == 0
        capsys.readouterr()
        dialog = main_window.open_move_to_server()
        _fill(dialog, url)
        dialog.test_button.click()
        assert "createdb" in _said(qtbot, dialog, "비어 있지 않아")
        dialog.copy_button.click()
        qtbot.waitUntil(lambda: dialog.copy_button.isEnabled(), timeout=20000)
        assert "비어 있지 않아 아무것도 옮기지 않았습니다" in dialog.result_label.text()
        dialog.reject()
