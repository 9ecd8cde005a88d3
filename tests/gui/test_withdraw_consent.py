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


def test_the_member_form_records_a_withdrawal_after_asking(main_window, qtbot, monkeypatch):
    from panelapp.gui.dialogs import member_dialog

    w, dlg = _open_member(main_window, qtbot)
    member_id = dlg.detail.member_id
    assert dlg.ui.withdrawButton.isVisible()
    asked: list[str] = []

    def refuse(parent, sentence):
        asked.append(sentence)
        return False

    monkeypatch.setattr(member_dialog, "confirm_withdrawal", refuse)
    dlg.ui.withdrawButton.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert "동의" in asked[0] and "파기 대상" in asked[0] and "*" in asked[0]  # the question masks the name
    assert _consents_in_force(w.ctx, member_id) > 0, "취소 changes nothing"

    monkeypatch.setattr(member_dialog, "confirm_withdrawal", lambda parent, sentence: True)
    dlg.ui.withdrawButton.click()
    qtbot.waitUntil(
        lambda: dlg.detail is not None and dlg.detail.status is EnrollmentStatus.WITHDRAWN, timeout=10000
    )
    assert _consents_in_force(w.ctx, member_id) == 0
    assert not dlg.ui.withdrawButton.isVisible()
    with reading(w.ctx) as s:
        statuses = set(s.scalars(select(Enrollment.status).where(Enrollment.member_id == member_id)))
    assert EnrollmentStatus.ACTIVE not in statuses
    dlg.reject()
