"""The window while its database server goes away and comes back (issue 13 item 4), on a server
of the test's own (tests/private_pg.py), stopped and started during the test: the status bar says
"서버 연결이 끊겼습니다 — 다시 연결하는 중…" and, once the live-refresh thread has reconnected by
itself, "서버에 다시 연결되었습니다"; a save during the outage is one Korean sentence, the
dialog stays open with what was typed, and nothing was written; the same save succeeds after the
reconnect; a read that failed on the broken connection runs again once it is back; no traceback
is shown."""

from __future__ import annotations

import pytest

from panelapp.gui.core.connection import BACK_TEXT, LOST_TEXT
from tests.conftest import page_settled
from tests.private_pg import private_cluster


@pytest.fixture
def server_window(open_main_window):
    from panelapp.gui.core.ops import wait_for_all

    with private_cluster() as cluster:
        window = open_main_window(cluster.url)
        try:
            yield window, cluster
        finally:
            window.close()
            wait_for_all()
            if window.live_refresh is not None:
                window.live_refresh.stop()
            window.ctx.db.dispose()


def _message(window) -> str:
    return window.statusBar().currentMessage()


def test_the_window_rides_out_a_server_restart(qtbot, server_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from panelapp.gui.core.ops import Op
    from panelapp.gui.dialogs.department_dialog import DepartmentDialog
    from panelapp.services.registers.departments import list_departments

    window, cluster = server_window
    assert window.connection_watch is not None and not window.connection_watch.lost
    shown: list[tuple[str, str]] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, title, text, *a, **k: shown.append((title, text)))
    dialog = DepartmentDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.nameEdit.setText("복지정책과")
    dialog.ui.contactEdit.setText("김소통")

    cluster.stop()
    qtbot.waitUntil(lambda: _message(window) == LOST_TEXT, timeout=10000)
    assert window.connection_watch.lost

    dialog.save()  # a write during the outage
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    title, sentence = shown[-1]
    assert title == "서버 연결이 끊겼습니다" and "연결이 끊겨" in sentence and "저장되지 않았" in sentence
    assert "Traceback" not in sentence and "psycopg" not in sentence and "INSERT" not in sentence
    assert dialog.isVisible() and dialog.ui.buttonBox.isEnabled()  # still open, input kept
    assert dialog.ui.nameEdit.text() == "복지정책과" and dialog.ui.contactEdit.text() == "김소통"

    ctx = window.ctx
    read: list[object] = []
    op = Op(window, lambda _t: list_departments(ctx)).success(read.append)
    op.run()  # a read during the outage waits for the connection
    qtbot.wait(1500)
    assert read == [] and len(shown) == 1  # not failed, not shown: waiting

    cluster.start()
    qtbot.waitUntil(lambda: _message(window) == BACK_TEXT, timeout=20000)
    assert not window.connection_watch.lost
    qtbot.waitUntil(lambda: bool(read), timeout=10000)  # run again once the server answered

    dialog.save()  # the same input, saved now
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert dialog.saved is not None and len(shown) == 1
    names = [d.name for d in list_departments(ctx)]
    assert names.count("복지정책과") == 1
    qtbot.waitUntil(lambda: page_settled(window.stack.currentWidget()), timeout=20000)
