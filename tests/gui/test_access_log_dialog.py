"""관리 → 접속기록: shown to a 관리자 only; lists, filters, exports and signs off a month."""

from __future__ import annotations

import csv

from sqlalchemy import select

from panelapp.db.models import AccessLog
from panelapp.domain.enums import UserRole


def _admin_menu(window):
    return {a.text(): a.menu() for a in window.menuBar().actions()}.get("관리(&M)")


def test_menu_only_for_accounts_with_the_right(main_window):
    from panelapp.gui.core.rights import apply_rights

    menu = _admin_menu(main_window)
    assert menu is not None and "접속기록(&L)…" in [a.text() for a in menu.actions()]
    action = main_window.access_log_action
    assert action.isVisible()
    try:
        apply_rights(main_window, UserRole.COORDINATOR)
        assert not action.isVisible()  # a 담당자 does not review the access log
    finally:
        apply_rights(main_window, UserRole.ADMIN)
    assert action.isVisible()


def test_dialog_lists_exports_and_signs_off(main_window, qtbot, tmp_path, monkeypatch):
    from panelapp.gui.dialogs.access_log_dialog import AccessLogDialog
    from panelapp.services.audit.log import record_access

    ctx = main_window.ctx
    record_access(ctx, "search", members=[1, 2], detail="query=김")
    with ctx.db.session_factory() as s:
        entries = len(s.scalars(select(AccessLog.id)).all())
    dialog = main_window.open_access_log()
    assert isinstance(dialog, AccessLogDialog)
    qtbot.waitUntil(lambda: dialog.access_model.rowCount() == entries, timeout=10000)
    assert dialog.access_count.text() == f"접속기록 {entries:,}건"
    assert dialog.account_model.rowCount() > 0  # the demo accounts' creation
    first = dialog.access_model.row_at(0)
    assert first.id == max(dialog.access_model.ids())  # newest first
    out = tmp_path / "log.csv"
    monkeypatch.setattr(dialog, "ask_path", lambda name: str(out))
    dialog.export("access")
    qtbot.waitUntil(lambda: "저장했습니다" in dialog.message.text(), timeout=10000)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert len(rows) == entries + 1
    dialog.note.setText("이상 없음")
    dialog.sign_review()
    qtbot.waitUntil(lambda: "검토를 기록했습니다" in dialog.message.text(), timeout=20000)
    assert dialog.review_list.item(0).text().startswith(dialog.month.currentText())
    assert "이상 없음" in dialog.review_list.item(0).text()
    with ctx.db.session_factory() as s:
        actions = s.scalars(select(AccessLog.action).order_by(AccessLog.id.desc()).limit(2)).all()
    assert actions[0] in ("audit_review", "audit_export") and "audit_review" in actions
    dialog.close()
