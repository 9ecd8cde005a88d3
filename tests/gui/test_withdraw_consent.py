"""동의 철회 기록 in the member form (issue 12 item 7): asked in Korean first, then recorded; the
member leaves the active lists and is due for destruction."""

from __future__ import annotations

from conftest import page_settled
from sqlalchemy import select

from panelapp.db.models import Consent, Enrollment
from panelapp.domain.enums import EnrollmentStatus
from panelapp.services.context import reading


def _open_member(main_window, qtbot):
    w = main_window
    w.show_page("roster")
    roster = w.page("roster")
    qtbot.waitUntil(lambda: page_settled(roster), timeout=20000)
    roster.view.selectRow(0)
    roster.edit_member()
    dlg = roster.dialog
    qtbot.waitUntil(lambda: dlg.detail is not None, timeout=10000)
    return w, dlg


def _consents_in_force(ctx, member_id) -> int:
    with reading(ctx) as s:
        return len(
            list(
                s.scalars(
                    select(Consent).where(Consent.member_id == member_id, Consent.withdrawn_on.is_(None))
                )
            )
        )


def _opened_step(dlg, qtbot):
    from panelapp.gui.dialogs.consent_withdrawal_dialog import ConsentWithdrawalDialog

    dlg.withdrawal = None
    dlg.ui.withdrawButton.click()
    qtbot.waitUntil(lambda: dlg.withdrawal is not None and dlg.withdrawal.isVisible(), timeout=10000)
    step = dlg.withdrawal
    assert isinstance(step, ConsentWithdrawalDialog)
    return step


def test_withdrawal_is_a_step_of_its_own_with_a_date_and_a_confirmation(main_window, qtbot):
    """동의 철회 was saved at once while the member form still offered 저장/취소, with no date
    (the command line has --on): its own dialog asks the day (today by default, typed dates
    taken) and a confirmation; 취소 changes nothing; the form then shows it as recorded and its
    own input stays, to be saved on the new version."""
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from panelapp.domain.localtime import today_local
    from panelapp.gui.dates import to_date
    from panelapp.services.people.members import get_member

    w, dlg = _open_member(main_window, qtbot)
    member_id = dlg.detail.member_id
    assert dlg.ui.withdrawButton.isVisible()
    step = _opened_step(dlg, qtbot)
    assert "동의" in step.intro.text() and "파기 대상" in step.intro.text() and "*" in step.intro.text()
    assert to_date(step.date_edit.date()) == today_local()
    assert not step.record_button.isEnabled()  # until the wish is confirmed
    step.record()  # not confirmed: nothing written
    step.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not step.isVisible(), timeout=5000)
    assert _consents_in_force(w.ctx, member_id) > 0, "취소 changes nothing"

    dlg.ui.notesEdit.setPlainText("철회 전화 받음")  # typed in the form meanwhile
    step = _opened_step(dlg, qtbot)
    on = today_local() - dt.timedelta(days=3)
    step.date_edit.setFocus()
    step.date_edit.lineEdit().selectAll()
    qtbot.keyClicks(step.date_edit, on.strftime("%Y%m%d"))  # typed, as every date field takes it
    qtbot.keyClick(step.date_edit, Qt.Key.Key_Tab)
    assert to_date(step.date_edit.date()) == on
    step.confirm.setChecked(True)
    assert step.record_button.isEnabled()
    step.record_button.click()
    qtbot.waitUntil(lambda: dlg.withdrawal_recorded == on, timeout=10000)
    qtbot.waitUntil(lambda: dlg.detail.status is EnrollmentStatus.WITHDRAWN, timeout=10000)
    assert _consents_in_force(w.ctx, member_id) == 0
    with reading(w.ctx) as s:
        days = set(s.scalars(select(Consent.withdrawn_on).where(Consent.member_id == member_id)))
        statuses = set(s.scalars(select(Enrollment.status).where(Enrollment.member_id == member_id)))
    assert max(days) == on and EnrollmentStatus.ACTIVE not in statuses
    assert "이미 저장됨" in dlg.ui.statsLabel.text() and f"{on:%Y-%m-%d}" in dlg.ui.statsLabel.text()
    assert not dlg.ui.withdrawButton.isVisible()
    history = [dlg.ui.historyTable.item(r, 3).text() for r in range(dlg.ui.historyTable.rowCount())]
    assert any("(철회 " in h for h in history), history
    assert dlg.ui.notesEdit.toPlainText() == "철회 전화 받음"  # the form's own input stays
    eid = dlg.enrollment_id
    saved = []
    dlg.accepted.connect(lambda: saved.append(True))
    dlg.save()  # on the versions the withdrawal left: not refused as stale
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert get_member(w.ctx, eid).notes == "철회 전화 받음"


def test_a_withdrawal_dated_ahead_is_refused_in_the_step(main_window, qtbot):
    import datetime as dt

    from panelapp.domain.localtime import today_local
    from panelapp.gui.dates import from_date

    w, dlg = _open_member(main_window, qtbot)
    step = _opened_step(dlg, qtbot)
    assert step.date_edit.maximumDate() == from_date(today_local())
    step.date_edit.setMaximumDate(from_date(today_local() + dt.timedelta(days=5)))  # past the guard
    step.date_edit.setDate(from_date(today_local() + dt.timedelta(days=2)))
    step.confirm.setChecked(True)
    step.record()
    qtbot.waitUntil(lambda: step.error.isVisibleTo(step), timeout=10000)
    assert step.error.text().startswith("철회일: ") and step.isVisible()
    assert _consents_in_force(w.ctx, dlg.detail.member_id) > 0
    step.reject()
    dlg.reject()
