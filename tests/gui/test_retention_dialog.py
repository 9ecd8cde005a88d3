"""관리 → 개인정보 파기: the due members masked, destroyed off the UI thread after the warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from panelapp.domain.enums import UserRole
from panelapp.gui.dialogs import retention_dialog
from panelapp.gui.operations.retention import ADMIN_MENU, add_retention_action
from panelapp.services.demo.earlier_cohort import NAMES


def _admin_menu(window):
    return next((a.menu() for a in window.menuBar().actions() if a.text() == ADMIN_MENU), None)


def _open(main_window, qtbot):
    menu = _admin_menu(main_window)
    assert menu is not None and main_window.retention_action in menu.actions()
    texts = [a.text() for a in main_window.menuBar().actions()]
    assert texts.index(ADMIN_MENU) == texts.index("도움말(&H)") - 1  # before 도움말
    main_window.retention_action.trigger()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, retention_dialog.RetentionDialog)
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
        ),
        timeout=5000,
    )
    dlg = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, retention_dialog.RetentionDialog) and w.isVisible()
    )
    qtbot.waitUntil(lambda: dlg.table.rowCount() == len(NAMES), timeout=10000)
    return dlg


def test_due_members_are_listed_masked_and_destroyed_after_the_warning(
    main_window, qtbot, monkeypatch, tmp_path
):
    main_window.settings.set("backup_dir", str(tmp_path / "backups"))
    dlg = _open(main_window, qtbot)
    shown = [dlg.table.item(r, 2).text() for r in range(dlg.table.rowCount())]
    assert not set(shown) & set(NAMES) and all("*" in name for name in shown)
    assert "되돌릴 수 없습니다" in dlg.warning.text()
    ticked = [dlg.table.item(r, 0).checkState() for r in range(dlg.table.rowCount())]
    assert set(ticked) == {Qt.CheckState.Unchecked}  # destruction is chosen, nothing pre-ticked
    assert dlg.count_label.text() == f"파기 대상 {len(NAMES)}명 중 0명 선택"
    assert not dlg.destroy_button.isEnabled() and dlg.reason_edit.text() == ""
    dlg.all_button.click()
    assert dlg.reason_edit.text() == "개인정보 보유기간 경과"  # 제5기's retention passed: no 동의 철회
    dlg.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert dlg.count_label.text() == f"파기 대상 {len(NAMES)}명 중 {len(NAMES) - 1}명 선택"
    asked = []
    monkeypatch.setattr(retention_dialog, "confirm_destroy", lambda _p, n: asked.append(n) or False)
    dlg.destroy_button.click()
    assert asked == [len(NAMES) - 1] and dlg.table.rowCount() == len(NAMES)  # refused: nothing done
    monkeypatch.setattr(retention_dialog, "confirm_destroy", lambda _p, n: True)
    dlg.destroy_button.click()
    qtbot.waitUntil(lambda: "파기했습니다" in dlg.status.text(), timeout=30000)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 1, timeout=10000)  # the one left unchecked
    raw = main_window.ctx.db.sqlite_path.read_bytes()
    assert sum(name.encode() in raw for name in NAMES) <= 1
    from panelapp.services.retention.ledger import ledger_entries

    assert ledger_entries(main_window.ctx)[-1].reason == "개인정보 보유기간 경과"
    destroyed = dlg.status.text()
    assert "백업:" in destroyed
    ledger = tmp_path / "대장.pdf"
    monkeypatch.setattr("panelapp.gui.file_dialogs.save_file", lambda *a, **k: str(ledger))
    dlg.print_ledger()
    qtbot.waitUntil(lambda: "파기 관리대장 1건을 저장했습니다" in dlg.status.text(), timeout=30000)
    assert dlg.status.text().startswith(destroyed)  # the backups line stays above it
    assert ledger.is_file()
    dlg.close()


def test_the_reason_follows_the_members_chosen(main_window, qtbot):
    """보유기간 경과 for a member whose retention passed, 동의 철회 for one who withdrew, both
    when both are chosen; a reason the 관리자 typed stays."""
    from panelapp.services.retention.withdrawal import withdraw_consent

    ctx = main_window.ctx
    withdrawn = _a_current_member(ctx)
    withdraw_consent(ctx, withdrawn)
    main_window.retention_action.trigger()
    qtbot.waitUntil(lambda: _dialog() is not None, timeout=5000)
    dlg = _dialog()
    qtbot.waitUntil(lambda: dlg.table.rowCount() == len(NAMES) + 1, timeout=10000)
    rows = {d.member_id: row for row, d in enumerate(dlg.due)}
    reasons = {d.member_id: d.reason for d in dlg.due}
    assert reasons[withdrawn] == "동의 철회"
    expired = next(m for m, r in reasons.items() if r == "보유기간 만료")
    dlg.table.item(rows[withdrawn], 0).setCheckState(Qt.CheckState.Checked)
    assert dlg.reason_edit.text() == "개인정보 수집·이용 동의 철회"
    dlg.table.item(rows[expired], 0).setCheckState(Qt.CheckState.Checked)
    assert dlg.reason_edit.text() == "개인정보 보유기간 경과 및 수집·이용 동의 철회"
    dlg.table.item(rows[withdrawn], 0).setCheckState(Qt.CheckState.Unchecked)
    assert dlg.reason_edit.text() == "개인정보 보유기간 경과"
    dlg.reason_edit.setText("2026년 정기 파기")
    dlg.table.item(rows[withdrawn], 0).setCheckState(Qt.CheckState.Checked)
    assert dlg.reason_edit.text() == "2026년 정기 파기"
    dlg.close()


def _dialog():
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, retention_dialog.RetentionDialog) and w.isVisible()
        ),
        None,
    )


def _a_current_member(ctx) -> int:
    from sqlalchemy import select

    from panelapp.db.models import Consent, Member
    from panelapp.services.context import reading

    with reading(ctx) as s:
        return s.scalars(
            select(Consent.member_id)
            .join(Member, Member.id == Consent.member_id)
            .where(Consent.withdrawn_on.is_(None), Member.name.not_in(NAMES))
            .order_by(Consent.member_id)
        ).first()


def test_the_entry_is_shown_only_to_a_role_with_the_right(qtbot):
    from panelapp.gui.core.rights import apply_rights

    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("도움말(&H)")
    action = add_retention_action(window)
    assert _admin_menu(window) is not None and action in _admin_menu(window).actions()
    for role in (UserRole.COORDINATOR, UserRole.LEAD, UserRole.DEPARTMENT, UserRole.VIEWER):
        apply_rights(window, role)
        assert not action.isVisible(), role
    apply_rights(window, UserRole.ADMIN)
    assert action.isVisible()
