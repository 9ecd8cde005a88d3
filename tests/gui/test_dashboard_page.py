"""대시보드 in the real window: figures shown, a bar opens the filtered findings list, the urgent
banner leaves once a proposal covers the finding; Ctrl+F searches and Enter opens the record."""

import datetime as dt

import pytest
from dashboard_world import build_dashboard_world
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from panelapp.db.models import Proposal, proposal_findings
from panelapp.domain.enums import InspectionStatus, ProposalStatus, Severity
from panelapp.domain.formatting import format_rate
from panelapp.domain.participation import hours_text
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.mainwindow import MainWindow
from panelapp.services.changes import Changes, Kind
from panelapp.services.context import transaction
from panelapp.services.reporting.dashboard import load_dashboard
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    ctx = open_app(str(tmp_path / "app.db"), settings)
    world, ids = build_dashboard_world(ctx)
    ctx.db.dispose()
    w = MainWindow(str(tmp_path / "app.db"), settings=settings)
    qtbot.addWidget(w)
    w.resize(1280, 900)
    w.show()
    with qtbot.waitSignal(w.database_opened, timeout=15000):
        w.open_database()
    w.world, w.ids = world, ids
    page = w.pages["dashboard"]
    qtbot.waitUntil(lambda: complete(page), timeout=10000)
    yield w
    w.close()
    wait_for_all()


def complete(page) -> bool:
    return page.data is not None and page.finding_figures is not None and page.participation is not None


def _click_area(qtbot, chart, key):
    qtbot.waitUntil(lambda: any(k == key for _r, k, _tip in chart.areas), timeout=5000)  # painted
    rect = next(r for r, k, _tip in chart.areas if k == key)
    qtbot.mouseClick(
        chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.bottom() - 30))
    )


def test_dashboard_is_first_and_shows_the_figures(window, qtbot):
    page = window.pages["dashboard"]
    assert window.stack.currentWidget() is page
    expected = load_dashboard(window.ctx, window.world.cohort_id)
    assert page.tiles["inspections"].value.text() == "2 / 6"
    assert page.tiles["findings"].value.text() == "5건"
    assert page.tiles["acceptance"].value.text() == "75%"
    assert page.tiles["median"].value.text() == "3근무일"  # 1, 1, 5, 9 working days (5, calendar)
    assert page.tiles["overdue"].value.text() == f"{expected.overdue}건"
    assert page.tiles["members"].value.text() == "4명"
    # what the report's "참여 단원/등록 단원" counts, beside it (issue 10 item 5)
    assert page.tiles["members"].detail.text().startswith("등록 ")
    assert page.tiles["members"].detail.text() == page.data.members_text
    # the mean hours and rate printed as the roster and the report print hours and rates
    assert page.tiles["hours"].value.text() == hours_text(expected.mean_hours)
    assert f"평균 출석률 {format_rate(expected.mean_attendance_rate)}" in page.tiles["hours"].detail.text()
    assert not page.urgent_box.isHidden() and page.urgent_list.count() == 1
    assert "바닥 미끄럼" in page.urgent_list.item(0).text()
    assert [b.value for b in page.severity_chart.bars] == [1, 0, 2, 2]
    assert page.severity_chart.areas and page.status_chart.areas


def _titles(register) -> list[str]:
    return [register.cell(r, 2) for r in range(register.row_count())]


def test_a_bar_opens_the_filtered_findings_and_the_tile_the_schedule(window, qtbot):
    page = window.pages["dashboard"]
    _click_area(qtbot, page.severity_chart, Severity.HIGH)
    findings = window.pages["findings"]
    assert window.stack.currentWidget() is findings
    assert findings.severity_combo.currentData() == Severity.HIGH
    qtbot.waitUntil(lambda: not findings.is_loading and findings.register.row_count() == 2, timeout=10000)
    window.show_page("dashboard")
    qtbot.mouseClick(
        page.urgent_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.urgent_list.visualItemRect(page.urgent_list.item(0)).center(),
    )
    assert window.stack.currentWidget() is findings
    qtbot.waitUntil(
        lambda: not findings.is_loading and _titles(findings.register) == ["바닥 미끄럼"], timeout=10000
    )
    window.show_page("dashboard")
    qtbot.mouseClick(page.tiles["inspections"], Qt.MouseButton.LeftButton)
    schedule = window.pages["schedule"]
    assert window.stack.currentWidget() is schedule and schedule.stack.currentIndex() == 2
    window.show_page("dashboard")
    schedule.apply_filter(InspectionStatus.COMPLETED)  # hidden: it loads when shown
    assert schedule.is_stale
    window.show_page("schedule")
    qtbot.waitUntil(lambda: not schedule.is_loading and len(schedule.list.ids()) == 2, timeout=10000)
    # the upcoming list's filter: planned visits within a period, kept when the schedule reloads
    schedule.apply_filter(InspectionStatus.PLANNED, dt.date(2026, 6, 10), dt.date(2026, 6, 23))
    qtbot.waitUntil(
        lambda: not schedule.is_loading and schedule.list.ids() == [window.ids["soon"]], timeout=10000
    )
    window.show_page("schedule")
    schedule.mark_stale()  # as after a change: the reload keeps the list's filters
    qtbot.waitUntil(lambda: not schedule.is_loading and not schedule.is_stale, timeout=10000)
    assert schedule.list.ids() == [window.ids["soon"]]
    assert schedule.list.from_edit.date().toPython() == dt.date(2026, 6, 10)


def test_urgent_banner_leaves_once_a_proposal_covers_it(window, qtbot):
    page = window.pages["dashboard"]
    with transaction(window.ctx) as s:
        p = Proposal(
            cohort_id=window.world.cohort_id, title="미끄럼 방지 매트", submitted_on=dt.date(2026, 6, 9)
        )
        s.add(p)
        s.flush()
        s.execute(proposal_findings.insert().values(proposal_id=p.id, finding_id=window.ids["urgent"]))
    window.bus.announce(Changes(frozenset({Kind.PROPOSAL})))
    qtbot.waitUntil(lambda: page.urgent_box.isHidden(), timeout=10000)
    assert page.tiles["proposals"].value.text() == "8건"


def test_ctrl_f_searches_and_enter_opens_the_finding(window, qtbot):
    window.activateWindow()
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    window.search_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if type(w).__name__ == "SearchDialog" and w.isVisible()
    )
    dialog.ui.searchEdit.setText("미끄")
    qtbot.waitUntil(lambda: bool(dialog.hits), timeout=10000)
    assert [h.title for h in dialog.hits if h.kind == "finding"] == ["바닥 미끄럼"]
    assert dialog.ui.resultTree.topLevelItem(0).text(0).startswith("발견사항 1건")
    qtbot.keyClick(dialog.ui.searchEdit, Qt.Key.Key_Return)
    findings = window.pages["findings"]
    assert window.stack.currentWidget() is findings and not dialog.isVisible()
    # the hit itself is selected in the unfiltered list (show_record), not searched for by title
    qtbot.waitUntil(
        lambda: not findings.is_loading and getattr(findings.selected(), "title", None) == "바닥 미끄럼",
        timeout=10000,
    )
    assert findings.search_edit.text() == ""


def test_enter_before_the_results_arrive_opens_the_first(window, qtbot):
    dialog = window.open_search()
    dialog.ui.searchEdit.setText("체육센터")
    qtbot.keyClick(dialog.ui.searchEdit, Qt.Key.Key_Return)  # the debounce timer is still running
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=10000)  # closed, and deleted with it
    facilities = window.pages["facilities"]
    assert window.stack.currentWidget() is facilities
    assert facilities.search_edit.text() == "한빛국민체육센터"


def test_down_in_the_query_goes_into_the_results_and_up_comes_back(window, qtbot):
    """↓ in the query field moves to the first hit in the results (it used to stay in the field),
    ↓ again to the next hit, ↑ on the first hit back to the query; ↓ with no results stays put."""
    dialog = window.open_search()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    edit, tree = dialog.ui.searchEdit, dialog.ui.resultTree
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.hasFocus()  # nothing searched yet: nothing to go down to
    edit.setText("한빛")
    qtbot.keyClick(edit, Qt.Key.Key_Down)  # typed a moment ago: searched at once, the list takes focus
    qtbot.waitUntil(lambda: len(dialog.hits) >= 2, timeout=10000)
    assert tree.hasFocus() and not edit.hasFocus()
    first = dialog.current_hit()
    assert first is dialog.ui.resultTree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert dialog.current_hit() is not None and dialog.current_hit() != first
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert dialog.current_hit() == first and tree.hasFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up)  # on the first hit: back to the query, to type more
    assert edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert tree.hasFocus() and dialog.current_hit() == first
    dialog.close()


def test_overdue_tile_and_status_bar_open_the_filtered_proposals(window, qtbot):
    page = window.pages["dashboard"]
    proposals = window.pages["proposals"]
    assert page.tiles["overdue"].clickable
    qtbot.mouseClick(page.tiles["overdue"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is proposals and proposals.overdue_check.isChecked()
    expected = load_dashboard(window.ctx, window.world.cohort_id).overdue
    qtbot.waitUntil(
        lambda: not proposals.is_loading and proposals.register.row_count() == expected, timeout=10000
    )
    window.show_page("dashboard")
    rect = next(r for r, k, _tip in page.status_chart.areas if k == ProposalStatus.SUBMITTED)
    qtbot.mouseClick(page.status_chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert proposals.status_combo.currentData() == ProposalStatus.SUBMITTED
    assert not proposals.overdue_check.isChecked()
    qtbot.waitUntil(lambda: not proposals.is_loading and proposals.register.row_count() == 2, timeout=10000)


def test_a_proposal_hit_opens_the_proposals_page_narrowed_to_it(window, qtbot):
    dialog = window.open_search()
    dialog.ui.searchEdit.setText("경사로")
    qtbot.waitUntil(lambda: any(h.kind == "proposal" for h in dialog.hits), timeout=10000)
    item = next(
        dialog.ui.resultTree.topLevelItem(n).child(0)
        for n in range(dialog.ui.resultTree.topLevelItemCount())
        if dialog.ui.resultTree.topLevelItem(n).text(0).startswith("개선제안")
    )
    dialog.ui.resultTree.setCurrentItem(item)
    assert dialog.open_button.isEnabled() and dialog.open_current()
    proposals = window.pages["proposals"]
    assert window.stack.currentWidget() is proposals
    # the hit itself is selected in the unfiltered list (show_record), not searched for by title
    qtbot.waitUntil(
        lambda: not proposals.is_loading and getattr(proposals.selected(), "title", None) == "경사로 설치",
        timeout=10000,
    )
    assert proposals.search_edit.text() == ""


def test_the_overview_shows_while_the_slow_parts_are_counted(window, qtbot, monkeypatch):
    """Another cohort: visits, proposals and members at once; findings and hours say they are
    being counted until their own ops return (on a large database they take seconds)."""
    import threading

    from panelapp.services.cohorts.manage import CohortInput, create_cohort
    from panelapp.services.reporting import dashboard

    page = window.pages["dashboard"]
    gate = threading.Event()
    slow = dashboard.load_findings

    def gated(ctx, cohort_id):
        gate.wait(10)
        return slow(ctx, cohort_id)

    monkeypatch.setattr(dashboard, "load_findings", gated)
    other = create_cohort(window.ctx, CohortInput(8, "제8기", dt.date(2027, 3, 1), dt.date(2027, 12, 31)))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        window.refresh_cohorts(select_id=other.id)
    try:
        assert page.data.cohort_id == other.id and page.tiles["inspections"].value.text() == "0 / 0"
        assert page.tiles["findings"].value.text() == "…" and page.severity_chart.empty_text == "집계 중…"
        assert page.urgent_box.isHidden()
    finally:
        gate.set()
    with qtbot.waitSignal(page.completed, timeout=10000):
        pass
    assert page.tiles["findings"].value.text() == "0건"
    assert "아직 발견사항이 없습니다" in page.severity_chart.empty_text
    assert page.tiles["hours"].value.text() == "–"
