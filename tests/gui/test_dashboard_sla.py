"""The dashboard's 부서별 답변 처리 section in the real window: the service's rows, and a figure
opens 개선제안 filtered to its department (기한 경과: its overdue ones); 답변 기한 is edited from
시설·부서 → 담당부서."""

import pytest
from a11y_checks import tab_jumps_back, tab_traps, unnamed_inputs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox
from sla_world import build_sla_world

from panelapp.domain.answer_deadlines import DeadlineRule
from panelapp.domain.enums import Severity
from panelapp.domain.report_data import SLA_HEADERS
from panelapp.gui.dialogs.deadline_rules_dialog import DeadlineRulesDialog
from panelapp.gui.pages.dashboard_sla import OVERDUE_COLUMN
from panelapp.services.org.deadlines import get_deadline_rules
from panelapp.services.reporting.sla import department_sla
from panelapp.services.system.bootstrap import open_app


@pytest.fixture
def window(open_main_window, tmp_path):
    path = tmp_path / "app.db"
    ctx = open_app(str(path))
    world, dept = build_sla_world(ctx)
    ctx.db.dispose()
    w = open_main_window(path, size=(1280, 900))
    w.world, w.dept = world, dept
    return w


def _click(qtbot, table, row, column):
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _texts(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_the_section_shows_the_service_rows_and_opens_the_department(window, qtbot):
    page = window.pages["dashboard"]
    qtbot.waitUntil(lambda: page.sla_rows is not None, timeout=15000)
    expected = department_sla(window.ctx, window.world.cohort_id)
    table = page.sla.table
    assert not page.sla.isHidden() and table.rowCount() == len(expected) == 4
    assert [_texts(table, r) for r in range(table.rowCount())] == [list(r.cells()) for r in expected]
    assert [table.horizontalHeaderItem(c).text().replace("\n", " ") for c in range(7)] == list(SLA_HEADERS)
    sports = next(r for r, row in enumerate(expected) if row.department == "체육사업부")
    _click(qtbot, table, sports, OVERDUE_COLUMN)
    proposals = window.pages["proposals"]
    assert window.stack.currentWidget() is proposals
    qtbot.waitUntil(lambda: proposals.department_combo.currentData() == window.dept["sports"], timeout=10000)
    assert proposals.overdue_check.isChecked()
    window.show_page("dashboard")
    _click(qtbot, table, sports, 1)
    assert window.stack.currentWidget() is proposals and not proposals.overdue_check.isChecked()
    window.show_page("dashboard")
    unassigned = next(r for r, row in enumerate(expected) if row.department == "미지정")
    _click(qtbot, table, unassigned, 1)  # 미지정: 개선제안 filtered to the proposals without a department
    assert window.stack.currentWidget() is proposals
    qtbot.waitUntil(lambda: proposals.department_combo.currentText() == "미지정", timeout=10000)
    qtbot.waitUntil(lambda: not proposals.is_loading and proposals.register.row_count() > 0, timeout=10000)
    shown = [proposals.model.row_at(i) for i in range(proposals.register.row_count())]
    assert len(shown) == expected[unassigned].received and all(p.department_id is None for p in shown)


def test_the_deadline_rules_are_edited_from_the_departments_tab(window, qtbot):
    window.show_page("facilities")
    tab = window.pages["facilities"].departments_tab
    window.pages["facilities"].tabs.setCurrentWidget(tab)
    assert tab.deadline_button.isVisible()  # a 관리자 holds 기관 정보 수정
    tab.deadline_button.click()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, DeadlineRulesDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=10000,
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DeadlineRulesDialog))
    assert dialog.rules()[0] == DeadlineRule(Severity.URGENT, None, 1)
    assert unnamed_inputs(dialog) == [] and tab_jumps_back(dialog) == [] and tab_traps(dialog) == []
    dialog.add_button.click()  # a new row's fields come before the buttons in the Tab order too
    assert tab_jumps_back(dialog) == [] and len(dialog.rules()) == 4
    dialog.remove_button.click()
    spin = dialog.table.cellWidget(0, 2)
    assert isinstance(spin, QSpinBox)
    spin.setValue(2)
    dialog.table.selectRow(dialog.rules().index(DeadlineRule(None, None, 10)))
    assert not dialog.remove_button.isEnabled()  # the default row stays
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog.save()
    assert get_deadline_rules(window.ctx).rules[0] == DeadlineRule(Severity.URGENT, None, 2)


def test_the_proposal_dialog_keeps_the_deadline_in_working_days(window, qtbot):
    import datetime as dt

    from panelapp.gui.dates import from_date, to_date
    from panelapp.gui.dialogs.proposal_dialog import ProposalDialog
    from panelapp.services.proposals.drafts import blank_draft, form_choices

    cohort = window.world.cohort_id
    friday = dt.date(2026, 6, 12)
    draft = blank_draft(window.ctx, cohort, friday)
    assert draft.due_on == dt.date(2026, 6, 26)  # 10 working days
    dialog = ProposalDialog(window, form_choices(window.ctx, cohort), draft)
    qtbot.addWidget(dialog)
    assert to_date(dialog.due_edit.date()) == dt.date(2026, 6, 26)
    dialog.submitted_edit.setDate(from_date(dt.date(2026, 9, 23)))  # 추석 9/24–26 and 10/5 off ahead
    assert to_date(dialog.due_edit.date()) == dt.date(2026, 10, 13)  # 한글날 10/9 too
    dialog.deleteLater()
