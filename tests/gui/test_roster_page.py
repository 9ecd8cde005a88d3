"""Roster page: add a member through the dialog, masked phones, reveal, search, withdraw."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from shiboken6 import isValid

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.mainwindow import MainWindow
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.org.manage import OrgInput, save_organization
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings

D = dt.date


@pytest.fixture
def page(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    ctx = open_app(str(tmp_path / "app.db"), settings)
    save_organization(ctx, OrgInput("한빛시설관리공단"))  # a certificate names its issuer
    c = create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))
    for name, phone, district in [
        ("김하나", "010-2111-5678", "중구 명동"),
        ("이두리", "010-2222-1234", "남구"),
    ]:
        enroll_member(
            ctx,
            c.id,
            MemberInput(name, phone, district=district, joined_on=D(2026, 3, 1)),
            ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
        )
    ctx.db.dispose()
    window = MainWindow(str(tmp_path / "app.db"), settings=settings)
    qtbot.addWidget(window)
    window.show()
    roster = None
    with qtbot.waitSignal(window.database_opened, timeout=15000):
        window.open_database()
    roster = window.pages["roster"]
    window.show_page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 2, timeout=5000)
    yield roster
    window.close()
    wait_for_all()


def cell(page, row, col):
    return page.model.index(row, col).data()


def names(page):
    return [cell(page, r, 0) for r in range(page.model.rowCount())]


def test_add_member_with_a_validation_error_first(qtbot, page):
    page.add_member()
    dlg = page.dialog
    qtbot.waitUntil(lambda: dlg.ui.teamCombo.count() > 1, timeout=5000)
    assert "보유" in dlg.ui.noticeText.toPlainText() and "거부" in dlg.ui.noticeText.toPlainText()
    dlg.ui.nameEdit.setText("홍길동")
    dlg.ui.phoneEdit.setText("02-123-4567")  # a landline: refused
    dlg.ui.teamCombo.setCurrentIndex(1)
    dlg.save()
    qtbot.waitUntil(lambda: dlg.ui.errorLabel.isVisible(), timeout=5000)
    text = dlg.ui.errorLabel.text()
    assert "휴대전화" in text and "개인정보 동의" in text
    assert dlg.ui.phoneEdit.toolTip() and dlg.isVisible()
    assert dlg.ui.nameEdit.text() == "홍길동"  # nothing lost
    dlg.ui.phoneEdit.setText("01033334444")
    dlg.ui.phoneEdit.editingFinished.emit()
    assert dlg.ui.phoneEdit.text() == "010-3333-4444"
    dlg.ui.agreeCheck.setChecked(True)
    dlg.save()
    qtbot.waitUntil(lambda: not isValid(dlg), timeout=5000)  # closed and deleted
    qtbot.waitUntil(lambda: "홍길동" in names(page), timeout=5000)
    row = names(page).index("홍길동")
    assert cell(page, row, 1) == "정책동행단"
    assert cell(page, row, 3) == "010-****-4444"
    assert page.count_label.text() == "전체 3명 · 표시 3명"


def test_reveal_asks_purpose_once_and_logs(qtbot, page, monkeypatch):
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(1), ("문자 발송", True))[1])
    assert cell(page, 0, 3) == "010-****-5678"
    page.reveal_button.setChecked(True)
    assert cell(page, 0, 3) == "010-2111-5678"
    page.reveal_button.setChecked(False)
    assert cell(page, 0, 3) == "010-****-5678"
    page.reveal_button.setChecked(True)
    assert len(asked) == 1
    wait_for_all()
    from sqlalchemy import select

    from panelapp.db.models import AccessLog
    from panelapp.services.context import reading

    with reading(page.window_.ctx) as s:
        reveals = select(AccessLog.purpose).where(AccessLog.action == "reveal_phones")
        assert s.scalars(reveals).all() == ["문자 발송", "문자 발송"]


def test_reveal_cancelled_stays_masked(qtbot, page, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    page.reveal_button.setChecked(True)
    assert not page.reveal_button.isChecked() and cell(page, 0, 3) == "010-****-5678"


def test_search_narrows_rows_and_sort_by_header(qtbot, page):
    page.search.setText("1234")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        pass  # the debounce timer fires, then the query returns
    assert names(page) == ["이두리"]
    assert page.count_label.text() == "전체 2명 · 표시 1명"
    page.search.setText("")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        pass
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.view.horizontalHeader().sectionClicked.emit(0)  # name, now descending
    assert names(page) == ["이두리", "김하나"]


def test_withdraw_and_delete(qtbot, page, monkeypatch):
    page.view.selectRow(0)
    page.withdraw_member()
    dlg = page.dialog
    dlg.ui.reasonEdit.setText("이사")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dlg.save()
    assert cell(page, 0, 5) == "탈퇴"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.view.selectRow(1)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.delete_member()
    assert names(page) == ["김하나"]
    assert page.count_label.text() == "전체 1명 · 표시 1명"


def test_edit_member_shows_consent_history(qtbot, page):
    page.view.selectRow(0)
    page.edit_member()
    dlg = page.dialog
    qtbot.waitUntil(lambda: dlg.detail is not None, timeout=5000)
    assert not dlg.ui.consentBox.isVisibleTo(dlg) and dlg.ui.historyBox.isVisibleTo(dlg)
    assert dlg.ui.historyTable.item(0, 1).text() == "2026-1"
    dlg.ui.districtEdit.setText("수성구 범어동")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dlg.save()
    assert cell(page, 0, 4) == "수성구 범어동"


def test_context_menu_certificate_writes_the_members_pdf(qtbot, page, monkeypatch, tmp_path):
    """활동확인서 만들기 from the roster's row menu produces that member's one-page PDF."""
    import io

    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "cert.pdf"
    offered, menus = [], []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: offered.append(a[2]) or QMessageBox.StandardButton.Close
    )
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def read_and_close_menu():
        popup = QApplication.activePopupWidget()
        menus.append([act.text() for act in popup.actions()])
        popup.close()

    row = names(page).index("이두리")
    page.view.selectRow(row)
    QTimer.singleShot(200, read_and_close_menu)
    page.view.customContextMenuRequested.emit(page.view.visualRect(page.model.index(row, 0)).center())
    assert "활동확인서 만들기" in menus[0]
    page.make_certificate()
    qtbot.waitUntil(lambda: bool(offered), timeout=15000)
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert "이두리" in text and "활동확인서" in text.replace(" ", "")


def test_hours_and_rate_follow_from_a_worker(qtbot, page):
    """A block's rows come at once; their hours and rate (which read every attendance row of
    theirs) arrive from a worker and repaint the two columns."""
    from panelapp.domain.enums import EventKind
    from panelapp.services.activities.attendance import EventInput, create_event, set_attendance

    ctx = page.window_.ctx
    first = page.model.row_at(0)
    launch = create_event(ctx, page.cohort_id, EventInput(EventKind.LAUNCH, "발대식", D(2026, 3, 14), 3))
    set_attendance(ctx, launch.id, {first.enrollment_id: True})
    page.model.set_ids(page.model.ids())  # as a reload does: rows and stats asked again
    assert cell(page, 0, 0) == first.name and cell(page, 0, 7) == "…" and cell(page, 0, 8) == "…"
    with qtbot.waitSignal(page.model.late.arrived, timeout=5000):
        pass
    assert cell(page, 0, 7) == "3" and cell(page, 0, 8) == "100%"
    assert cell(page, 1, 7) == "0" and cell(page, 1, 8) == "0%"


def test_a_stale_withdrawal_shows_the_change_and_closes_unsaved_when_asked(qtbot, page, monkeypatch):
    from panelapp.domain.enums import MemberRole
    from panelapp.services.people.members import get_member, update_member

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[1]))
    page.view.selectRow(0)
    page.withdraw_member()
    dlg = page.dialog
    row = page.selected_row()
    detail = get_member(page.window_.ctx, row.enrollment_id)  # someone else edits meanwhile
    update_member(
        page.window_.ctx,
        row.enrollment_id,
        MemberInput(
            detail.name,
            detail.phone_e164,
            district="북구",
            role=MemberRole.LEADER,
            joined_on=detail.joined_on,
        ),
        detail.version,
        detail.member_version,
    )
    dlg.save()
    # what the other user changed is shown beside the 탈퇴 (tests/gui/test_conflicts.py applies it)
    qtbot.waitUntil(lambda: dlg.conflict.step_dialog is not None, timeout=5000)
    assert not warned
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dlg.conflict.step_dialog.close_button.click()
    qtbot.waitUntil(lambda: not isValid(dlg), timeout=5000)
    assert (cell(page, 0, 2), cell(page, 0, 4), cell(page, 0, 5)) == ("조장", "북구", "활동")
