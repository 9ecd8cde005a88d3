"""기수·단 관리 page: create through the dialog (with a validation error first), teams, edits,
closing, deleting, and a stale edit that shows the conflict and reloads."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from panelapp.domain.enums import CohortStatus, TeamKind
from panelapp.gui import mainwindow
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.mainwindow import MainWindow
from panelapp.services.cohorts.manage import (
    CohortInput,
    TeamInput,
    get_cohort,
    list_cohorts,
    update_cohort,
    update_team,
)
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings

D = dt.date


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    settings = Settings(tmp_path / "settings.json")
    ctx = open_app(str(tmp_path / "app.db"), settings)
    from panelapp.services.cohorts.manage import create_cohort

    c = create_cohort(ctx, CohortInput(7, "제7기 고객서비스 시민참여단", D(2026, 3, 1), D(2026, 12, 31)))
    enroll_member(
        ctx,
        c.id,
        MemberInput("김하나", "010-2111-5678", team_id=c.teams[0].id, joined_on=D(2026, 3, 1)),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    )
    ctx.db.dispose()
    # Only the pages under test: other pages' background loads must not leak into these tests.
    monkeypatch.setattr(mainwindow, "PAGES", [p for p in mainwindow.PAGES if p[0] in ("welcome", "cohorts")])
    window = MainWindow(str(tmp_path / "app.db"), settings=settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=15000):
        window.open_database()
    cohorts = window.pages["cohorts"]
    window.show_page("cohorts")
    qtbot.waitUntil(lambda: len(cohorts.cohorts) == 1 and len(cohorts.teams.teams) == 2, timeout=5000)
    yield cohorts
    window.close()
    wait_for_all()
    qtbot.wait(100)  # results still queued for the main thread arrive while the widgets live


@pytest.fixture
def messages(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(("warning", a[1], a[2])))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(("critical", a[1], a[2])))
    return shown


def answer(monkeypatch, yes: bool, asked: list):
    def question(_parent, title, text, *a, **k):
        asked.append((title, text))
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)


def cell(table, row, col):
    """A cell's text: the cohort list is an id-based view, the team list a table widget."""
    if hasattr(table, "item"):
        return table.item(row, col).text()
    return table.model().index(row, col).data()


def test_page_lists_cohorts_and_teams(page):
    t = page.table
    assert [cell(t, 0, c) for c in range(7)] == [
        "제7기",
        "제7기 고객서비스 시민참여단",
        "2026-03-01 ~ 2026-12-31",
        "—",
        "—",
        "1명",
        "모집중",
    ]
    teams = page.teams.table
    assert [cell(teams, r, 0) for r in range(2)] == ["정책동행단", "소식이음단"]
    assert cell(teams, 0, 3) == "1명" and cell(teams, 0, 2) == "—"
    assert page.window_._nav_items["cohorts"].text() == "기수·단 관리"


def test_create_cohort_with_a_validation_error_first(qtbot, page, messages):
    page.new_cohort()
    dlg = page.dialog
    with qtbot.waitSignal(dlg.loaded, timeout=5000):
        pass
    assert dlg.ui.numberSpin.value() == 8 and dlg.ui.nameEdit.text() == "제8기 시민참여단"
    dlg.ui.nameEdit.setText("제8기 고객서비스 시민참여단")
    dlg.ui.startEdit.setDate(QDate(2027, 3, 1))
    dlg.ui.endEdit.setDate(QDate(2027, 2, 1))  # before the start
    dlg.ui.quotaSpin.setValue(35)
    dlg.save()
    qtbot.waitUntil(lambda: dlg.ui.errorLabel.isVisible(), timeout=5000)
    assert "활동 종료일" in dlg.ui.errorLabel.text()
    assert "d32f2f" in dlg.ui.endEdit.styleSheet() and dlg.ui.nameEdit.styleSheet() == ""
    assert dlg.isVisible() and dlg.ui.nameEdit.text() == "제8기 고객서비스 시민참여단"  # input intact
    assert len(list_cohorts(page.window_.ctx)) == 1  # nothing saved
    dlg.ui.endEdit.setDate(QDate(2027, 12, 31))
    dlg.ui.launchCheck.setChecked(True)
    dlg.ui.launchEdit.setDate(QDate(2027, 3, 13))
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.save()
    info = dlg.result_info
    assert (info.number, info.quota, info.launch_date, info.term_end) == (
        8,
        35,
        D(2027, 3, 13),
        D(2027, 12, 31),
    )
    qtbot.waitUntil(lambda: len(page.cohorts) == 2 and page.selected_cohort().id == info.id, timeout=5000)
    assert page.window_.cohort_combo.count() == 2  # the window's cohort selector followed
    qtbot.waitUntil(lambda: [t.name for t in page.teams.teams] == ["정책동행단", "소식이음단"], timeout=5000)
    assert messages == []


def test_duplicate_number_names_the_field_기수(qtbot, page, messages):
    page.new_cohort()
    dlg = page.dialog
    with qtbot.waitSignal(dlg.loaded, timeout=5000):
        pass
    dlg.ui.numberSpin.setValue(7)
    dlg.save()
    qtbot.waitUntil(lambda: dlg.ui.errorLabel.isVisible(), timeout=5000)
    assert dlg.ui.errorLabel.text().startswith("• 기수:") and "이미" in dlg.ui.errorLabel.text()
    assert dlg.isVisible()
    dlg.reject()


def test_edit_cohort_by_double_click(qtbot, page):
    view = page.table
    rect = view.visualRect(page.model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a mouse does
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dlg = page.dialog
    assert dlg.ui.nameEdit.text() == "제7기 고객서비스 시민참여단"
    assert [dlg.ui.statusCombo.itemText(i) for i in range(dlg.ui.statusCombo.count())] == ["모집중", "활동중"]
    dlg.ui.statusCombo.setCurrentIndex(dlg.ui.statusCombo.findData(CohortStatus.ACTIVE))
    dlg.ui.notesEdit.setPlainText("공개 모집 30명")
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.save()
    qtbot.waitUntil(lambda: cell(page.table, 0, 6) == "활동중", timeout=5000)
    assert get_cohort(page.window_.ctx, page.cohorts[0].id).notes == "공개 모집 30명"


def test_stale_edit_shows_the_conflict_and_reloads(qtbot, page, messages):
    ctx = page.window_.ctx
    page.edit_cohort()
    dlg = page.dialog
    seen = page.cohorts[0]
    # Another user saves the same cohort while the dialog is open.
    update_cohort(
        ctx, seen.id, CohortInput(7, "다른 사람이 바꾼 이름", seen.term_start, seen.term_end), seen.version
    )
    dlg.ui.nameEdit.setText("내가 바꾼 이름")
    dlg.save()
    # both changed the name: shown field by field (gui/core/conflicts.py), mine proposed
    qtbot.waitUntil(lambda: dlg.conflict.conflict_dialog is not None, timeout=5000)
    conflict = dlg.conflict.conflict_dialog
    assert [(r.label, r.theirs.text, r.mine.text, r.both_changed) for r in conflict.rows] == [
        ("기수 이름", "다른 사람이 바꾼 이름", "내가 바꾼 이름", True)
    ]
    assert get_cohort(ctx, seen.id).name == "다른 사람이 바꾼 이름"  # nothing saved before the choice
    conflict.apply_button.click()
    assert dlg.isVisible() and dlg.ui.nameEdit.text() == "내가 바꾼 이름" and messages == []
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.save()  # now on the latest version
    assert get_cohort(ctx, seen.id).name == "내가 바꾼 이름"


def test_add_and_edit_a_team_with_a_leader(qtbot, page, messages):
    page.teams.add_team()
    dlg = page.teams.dialog
    qtbot.waitUntil(lambda: dlg.ui.leaderCombo.count() == 2, timeout=5000)
    assert dlg.ui.leaderCombo.itemText(1) == "김하나 · 정책동행단 · 단원"
    dlg.ui.nameEdit.setText("정책동행단")  # taken in this cohort
    dlg.save()
    qtbot.waitUntil(lambda: dlg.ui.errorLabel.isVisible(), timeout=5000)
    assert "단 이름" in dlg.ui.errorLabel.text() and dlg.isVisible()
    dlg.ui.nameEdit.setText("홍보단")
    dlg.ui.descriptionEdit.setPlainText("SNS 홍보")
    dlg.ui.leaderCombo.setCurrentIndex(1)
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.save()
    teams = page.teams
    qtbot.waitUntil(lambda: len(teams.teams) == 3 and teams.selected_team() is not None, timeout=5000)
    assert teams.selected_team().name == "홍보단"
    row = [cell(teams.table, 2, c) for c in range(5)]
    # the chosen leader joins the team they lead (role 단장)
    assert row == ["홍보단", TeamKind.CUSTOM.label, "김하나", "1명", "SNS 홍보"]
    teams.table.cellDoubleClicked.emit(2, 0)
    dlg = teams.dialog
    with qtbot.waitSignal(dlg.loaded, timeout=5000):
        pass
    assert dlg.ui.nameEdit.text() == "홍보단" and dlg.ui.leaderCombo.currentIndex() == 1
    dlg.ui.kindCombo.setCurrentIndex(dlg.ui.kindCombo.findData(TeamKind.NEWS))
    dlg.ui.leaderCombo.setCurrentIndex(0)
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.save()
    qtbot.waitUntil(lambda: cell(teams.table, 2, 1) == TeamKind.NEWS.label, timeout=5000)
    assert cell(teams.table, 2, 2) == "—" and messages == []


def test_stale_team_edit_shows_the_conflict(qtbot, page, messages):
    ctx = page.window_.ctx
    page.teams.table.selectRow(1)
    page.teams.edit_team()
    dlg = page.teams.dialog
    with qtbot.waitSignal(dlg.loaded, timeout=5000):
        pass
    t = dlg.info
    update_team(ctx, t.id, TeamInput("소식단", t.kind, t.description), t.version)
    dlg.ui.nameEdit.setText("콘텐츠단")
    dlg.save()
    qtbot.waitUntil(lambda: dlg.conflict.conflict_dialog is not None, timeout=5000)
    conflict = dlg.conflict.conflict_dialog
    assert [(r.label, r.base.text, r.theirs.text, r.mine.text) for r in conflict.rows] == [
        ("단 이름", t.name, "소식단", "콘텐츠단")
    ]
    conflict.theirs_button.click()  # take theirs: the form shows what is saved, nothing to lose
    assert dlg.ui.nameEdit.text() == "소식단" and messages == []
    dlg.reject()


def test_close_asks_then_completes_members(qtbot, page, monkeypatch):
    asked = []
    answer(monkeypatch, False, asked)
    page.close_cohort()
    assert "수료" in asked[0][1] and "1명" in asked[0][1]
    assert page.cohorts[0].status == CohortStatus.RECRUITING
    answer(monkeypatch, True, asked)
    page.close_cohort()
    qtbot.waitUntil(lambda: cell(page.table, 0, 6) == "종료", timeout=5000)
    assert cell(page.table, 0, 5) == "0명" and not page.close_button.isEnabled()


def test_delete_moves_cohort_to_trash(qtbot, page, monkeypatch):
    asked = []
    answer(monkeypatch, True, asked)
    page.delete_cohort()
    assert "휴지통" in asked[0][1]
    qtbot.waitUntil(lambda: list_cohorts(page.window_.ctx) == [], timeout=5000)
    # with no cohort left the window may turn to 시작하기; the page shows the empty list when shown
    page.window_.show_page("cohorts")
    qtbot.waitUntil(lambda: page.cohorts == [] and not page.is_loading, timeout=5000)
    assert page.teams.teams == [] and not page.edit_button.isEnabled()
    assert list_cohorts(page.window_.ctx) == []


def test_delete_team_after_confirmation(qtbot, page, monkeypatch):
    asked = []
    answer(monkeypatch, True, asked)
    page.teams.table.selectRow(0)
    page.teams.delete_team()
    assert "미배정" in asked[0][1] and "1명" in asked[0][1]
    qtbot.waitUntil(lambda: [t.name for t in page.teams.teams] == ["소식이음단"], timeout=5000)


def test_welcome_page_creates_the_first_cohort(qtbot, tmp_path, monkeypatch):
    """The welcome page opens CohortDialog; its save op announces the cohort, the window lists it."""
    monkeypatch.setattr(mainwindow, "PAGES", [p for p in mainwindow.PAGES if p[0] in ("welcome", "cohorts")])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from panelapp.gui.dialogs.cohort_dialog import CohortDialog

    window = MainWindow(str(tmp_path / "empty.db"), settings=Settings(tmp_path / "s.json"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=15000):
        window.open_database()
    done = []

    def fill_and_save():
        dlg = QApplication.activeModalWidget()
        if (
            not isinstance(dlg, CohortDialog) or dlg.ui.nameEdit.text() != "제1기 시민참여단"
        ):  # not loaded yet
            QTimer.singleShot(20, fill_and_save)
            return
        dlg.ui.nameEdit.setText("제1기 고객서비스 시민참여단")
        dlg.save()
        done.append(dlg)

    QTimer.singleShot(0, fill_and_save)
    dlg = window.pages["welcome"].new_cohort()  # window-modal, not blocking
    saved = []
    dlg.accepted.connect(lambda: saved.append(dlg.result_info))
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert done and saved[0].name == "제1기 고객서비스 시민참여단"
    qtbot.waitUntil(lambda: window.cohort_combo.count() == 1, timeout=5000)  # the op announced it
    assert window.current_cohort_id == saved[0].id
    qtbot.waitUntil(lambda: not isValid(dlg), timeout=5000)  # deleted once closed
    assert window._nav_items["welcome"].isHidden()
    window.close()
    wait_for_all()
    qtbot.wait(100)


def test_a_large_cohort_searches_the_leader_by_name(qtbot, page, monkeypatch):
    """More members than LEADER_LIMIT: the combo lists the first ones and a search finds the rest."""
    from panelapp.gui.dialogs import team_dialog

    cohort = page.selected_cohort()
    enroll_member(
        page.window_.ctx,
        cohort.id,
        MemberInput("하늘", "010-2999-0001", joined_on=D(2026, 3, 1)),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    )
    monkeypatch.setattr(team_dialog, "LEADER_LIMIT", 1)
    page.teams.add_team()
    dlg = page.teams.dialog
    with qtbot.waitSignal(dlg.loaded, timeout=5000):
        pass
    combo = dlg.ui.leaderCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "(정하지 않음)",
        "김하나 · 정책동행단 · 단원",
    ]
    assert dlg.leader_search.isVisibleTo(dlg) and "이름을 적어 찾으세요" in combo.toolTip()
    with qtbot.waitSignal(dlg.searched, timeout=5000):
        dlg.leader_search.setText("하늘")
    assert [combo.itemText(i) for i in range(combo.count())] == ["(정하지 않음)", "하늘 · 미배정 · 단원"]
    combo.setCurrentIndex(1)
    dlg.ui.nameEdit.setText("홍보단")
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.save()
    qtbot.waitUntil(lambda: any(t.leader_name == "하늘" for t in page.teams.teams), timeout=5000)
