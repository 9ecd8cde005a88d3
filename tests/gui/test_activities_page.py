"""활동·출석 page: events through the dialog, attendance ticks saved in one go, certificates."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox
from shiboken6 import isValid

from panelapp.domain.enums import EventKind
from panelapp.domain.localtime import today_local
from panelapp.gui.core import ops
from panelapp.gui.dialogs.certificate import default_file_name, make_certificate
from panelapp.gui.dialogs.event_dialog import EventDialog
from panelapp.gui.mainwindow import MainWindow
from panelapp.services.activities.attendance import EventInput, attendance_sheet, create_event
from panelapp.services.changes import Changes, Kind
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.org.manage import OrgInput, save_organization
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings

D = dt.date
TODAY = today_local()


ENTRY = ("activities", "활동·출석", "panelapp.gui.pages.activities:ActivitiesPage")


def test_page_is_registered():
    from panelapp.gui import mainwindow

    assert ENTRY in mainwindow.PAGES


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    from panelapp.gui import mainwindow

    # Only this page (and the welcome page): other pages are tested, and may be in progress, elsewhere.
    monkeypatch.setattr(mainwindow, "PAGES", [mainwindow.PAGES[0], ENTRY])
    settings = Settings(tmp_path / "settings.json")
    ctx = open_app(str(tmp_path / "app.db"), settings)
    save_organization(ctx, OrgInput("한빛시설관리공단"))  # a certificate names its issuer
    start = TODAY - dt.timedelta(days=120)
    c = create_cohort(
        ctx, CohortInput(7, "제7기 고객서비스 시민참여단", start, TODAY + dt.timedelta(days=120))
    )
    for name, phone in (
        ("홍길동", "010-1111-2222"),
        ("김영희", "010-3333-4444"),
        ("박민수", "010-5555-6666"),
    ):
        enroll_member(
            ctx,
            c.id,
            MemberInput(name=name, phone=phone, joined_on=start, team_id=c.teams[0].id),
            ConsentInput("2026-1", min(start, TODAY), agreed=True),
        )
    create_event(ctx, c.id, EventInput(EventKind.LAUNCH, "발대식", start + dt.timedelta(days=10), 3))
    ctx.db.dispose()
    window = MainWindow(str(tmp_path / "app.db"), settings=settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=15000):
        window.open_database()
    window.show_page("activities")
    page = window.pages["activities"]
    qtbot.waitUntil(lambda: page.summary is not None and page.events.model_.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: settled(page), timeout=10000)
    yield window, page, c
    ops.wait_for_all()
    window.close()


def settled(page) -> bool:
    late = (page.grid.model_.late, page.events.model_.late)
    return not page.is_loading and not page.is_stale and not any(x.running for x in late)


def _names(page):
    return [gcell(page, i, 1) for i in range(page.grid.model_.rowCount())]


def gcell(page, row, column):
    return page.grid.model_.index(row, column).data()


def ecell(page, row, column):
    return page.events.text(row, column)


def member_id(page, row):
    return page.grid.model_.id_at(row)


def event_id(page, row):
    return page.events.model_.id_at(row)


def tick(page, row, on=True):
    model = page.grid.model_
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    return model.setData(model.index(row, 0), state.value, Qt.ItemDataRole.CheckStateRole)


def checked(page, row):
    return page.grid.model_.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_create_event_tick_attendance_save_and_totals(qtbot, page, monkeypatch):
    window, page, c = page
    # the event dialog: a bad title is refused with the field named, then it saves
    dlg = EventDialog(window, c.id, parent=page)
    dlg.show()
    qtbot.addWidget(dlg)
    dlg.ui.kindCombo.setCurrentIndex(dlg.ui.kindCombo.findData(EventKind.TRAINING))
    dlg.ui.dateEdit.setDate(dlg.ui.dateEdit.date().addDays(-1))
    dlg.ui.hoursSpin.setValue(1.5)
    dlg.ui.locationEdit.setText("본관 대회의실")
    dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dlg.ui.errorLabel.isVisible(), timeout=5000)
    assert "제목" in dlg.ui.errorLabel.text()
    dlg.ui.titleEdit.setText("시설 안전점검 기본 교육")
    dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dlg.result() == QDialog.DialogCode.Accepted, timeout=5000)
    qtbot.waitUntil(lambda: page.events.model_.rowCount() == 2, timeout=5000)
    page.show_event(dlg.result_info.id)
    assert page.events.selected_id() == dlg.result_info.id
    qtbot.waitUntil(
        lambda: page.current_event() is not None and page.current_event().title == "시설 안전점검 기본 교육"
    )
    qtbot.waitUntil(lambda: settled(page), timeout=5000)
    assert ecell(page, 1, 2) == "시설 안전점검 기본 교육"
    assert ecell(page, 1, 3) == "1.5시간" and ecell(page, 1, 5) == "0 / 3명"
    assert _names(page) == ["김영희", "박민수", "홍길동"]
    # tick two members: unsaved until 저장
    assert tick(page, 0) and tick(page, 2)
    assert page.grid.pending == {member_id(page, 0): True, member_id(page, 2): True}
    assert checked(page, 0) and gcell(page, 0, 8) == "저장 전 변경"
    assert "저장하지 않은 변경 2건" in page.pending_label.text() and page.save_button.isEnabled()
    assert "출석 2명 / 대상 3명" in page.event_label.text()
    tick(page, 2, False)  # back to saved state: no longer pending
    assert len(page.grid.pending) == 1 and gcell(page, 2, 8) == ""
    tick(page, 2)
    page.save_button.click()
    qtbot.waitUntil(lambda: not page.grid.pending and gcell(page, 0, 5) == "1.5시간", timeout=10000)
    qtbot.waitUntil(lambda: ecell(page, 1, 5) == "2 / 3명", timeout=10000)
    assert [gcell(page, i, 5) for i in range(3)] == ["1.5시간", "0시간", "1.5시간"]
    assert gcell(page, 0, 6) == "1 / 2" and gcell(page, 0, 7) == "50%"
    sheet = attendance_sheet(window.ctx, c.id)
    assert sorted(r.hours for r in sheet.rows) == [0.0, 1.5, 1.5]
    # 모두 출석 ticks everyone recordable on the launch event; switching away asks first
    with qtbot.waitSignal(page.event_shown, timeout=5000):
        page.events.select_id(event_id(page, 0))
    page.all_button.click()
    assert len(page.grid.pending) == 3
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    page.events.select_id(event_id(page, 1))
    assert asked and "3건" in asked[0]
    assert page.current_event().title == "발대식" and len(page.grid.pending) == 3
    assert page.events.selected_id() == event_id(page, 0)  # the selection went back
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    page.events.select_id(event_id(page, 1))
    qtbot.waitUntil(lambda: ecell(page, 0, 5) == "3 / 3명", timeout=10000)
    assert page.current_event().title == "시설 안전점검 기본 교육"
    assert sorted(r.hours for r in attendance_sheet(window.ctx, c.id).rows) == [3.0, 4.5, 4.5]


def test_members_outside_their_period_cannot_be_ticked(qtbot, page):
    window, page, c = page
    late = enroll_member(
        window.ctx,
        c.id,
        MemberInput(name="이철수", phone="010-7777-8888", joined_on=TODAY),
        ConsentInput("2026-1", TODAY, agreed=True),
    )
    window.bus.announce(
        Changes(frozenset({Kind.ENROLLMENT}), {Kind.ENROLLMENT: frozenset({late.enrollment_id})})
    )
    qtbot.waitUntil(lambda: page.grid.model_.rowCount() == 4, timeout=5000)
    qtbot.waitUntil(lambda: settled(page), timeout=5000)
    i = page.grid.row_index(late.enrollment_id)
    index = page.grid.model_.index(i, 0)
    assert not page.grid.model_.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert "활동 기간" in index.data(Qt.ItemDataRole.ToolTipRole) and gcell(page, i, 8) == "활동 기간 아님"
    assert not tick(page, i)  # refused through the model too
    page.all_button.click()
    assert late.enrollment_id not in page.grid.pending and len(page.grid.pending) == 3


def test_make_certificate_writes_a_pdf(qtbot, page, monkeypatch, tmp_path):
    window, page, c = page
    row = page.grid.model_.row_at(0)
    offered, asked_for = [], []

    def fake_save(parent, caption, suggested, filters):
        asked_for.append(suggested)
        return str(tmp_path / "out" / "확인서"), filters

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: offered.append(a[2]) or QMessageBox.StandardButton.Close
    )
    page.grid.selectRow(0)
    assert page.cert_button.isEnabled()
    page.cert_button.click()
    qtbot.waitUntil(lambda: bool(offered), timeout=15000)
    target = tmp_path / "out" / "확인서.pdf"
    assert (
        asked_for[0].endswith(default_file_name(row.name, 7))
        and "활동확인서_김영희_제7기.pdf" in asked_for[0]
    )
    assert str(target) in offered[0]
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) == 1 and row.name in reader.pages[0].extract_text()
    assert window.settings.get("report_dir") == str(tmp_path / "out")
    # the next certificate starts in the folder used last
    make_certificate(window, member_id(page, 1))
    qtbot.waitUntil(lambda: len(asked_for) == 2 and len(offered) == 2, timeout=15000)
    assert asked_for[1].startswith(str(tmp_path / "out"))


def test_default_file_name_is_safe():
    assert default_file_name("홍 길/동", 7) == "활동확인서_홍_길_동_제7기.pdf"


def test_reloads_keep_unsaved_ticks_until_the_cohort_changes(qtbot, page, monkeypatch):
    window, page, c = page
    tick(page, 0)
    pending = dict(page.grid.pending)
    assert len(pending) == 1
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.bus.announce(Changes(frozenset({Kind.MEMBER})))  # someone edited the roster
    qtbot.waitUntil(lambda: settled(page), timeout=5000)
    assert page.grid.model_.rowCount() == 3
    assert page.grid.pending == pending and checked(page, 0)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Discard
    )
    window.cohort_changed.emit(None)  # another cohort: ask, then start clean
    assert asked and page.grid.pending == {}
    qtbot.waitUntil(lambda: page.events.model_.rowCount() == 0 and page.grid.model_.rowCount() == 0)
    assert attendance_sheet(window.ctx, c.id).rows[0].present == frozenset()  # discarded, not saved


def test_edit_hours_and_delete_event(qtbot, page, monkeypatch):
    window, page, c = page
    page.all_button.click()
    page.save_button.click()
    qtbot.waitUntil(lambda: ecell(page, 0, 5) == "3 / 3명", timeout=10000)
    qtbot.waitUntil(lambda: settled(page), timeout=5000)
    dlg = page.edit_event()
    assert dlg.ui.titleEdit.text() == "발대식" and "3명" in dlg.ui.hintLabel.text()
    dlg.ui.hoursSpin.setValue(4)
    dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: gcell(page, 0, 5) == "4시간", timeout=10000)
    assert ecell(page, 0, 3) == "4시간" and not isValid(dlg)  # closed and deleted
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes
    )
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.events.model_.rowCount() == 0, timeout=10000)
    assert "3명의 활동 시간에서 4시간씩 빠집니다" in asked[0]
    assert [r.hours for r in attendance_sheet(window.ctx, c.id).rows] == [0.0, 0.0, 0.0]
    assert "아직 행사가 없습니다" in page.event_label.text() and not page.edit_button.isEnabled()


def test_add_event_opens_the_new_event(qtbot, page):
    window, page, c = page
    dlg = page.add_event()
    dlg.ui.titleEdit.setText("간담회")
    dlg.ui.kindCombo.setCurrentIndex(dlg.ui.kindCombo.findData(EventKind.MEETING))
    dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: page.current_event() is not None and page.current_event().title == "간담회")
    qtbot.waitUntil(lambda: not isValid(dlg), timeout=5000)
    assert page.events.model_.rowCount() == 2 and page.events.selected_id() == page.current_event().id
    assert "간담회" in page.event_label.text()


def test_a_hidden_page_never_queries(qtbot, page):
    """Lazy: a change while another page is shown only marks it stale; it loads when shown."""
    window, page, c = page
    window.show_page("welcome")
    qtbot.waitUntil(lambda: not page.isVisible())
    loads = []
    page.loaded.connect(lambda: loads.append(1))
    window.bus.announce(Changes(frozenset({Kind.ATTENDANCE})))
    qtbot.wait(200)
    assert page.is_stale and not loads
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.show_page("activities")
    assert loads == [1]
