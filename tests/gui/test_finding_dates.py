"""A finding added from 결과 입력 starts on its visit's day (it used to be 2000-01-01); a date before
the visit or after today is refused by the service, and the dialog says so at 발견일."""

import datetime as dt

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from schedule_world import build_world

from panelapp.domain.enums import FindingCategory
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.results_dialog import ResultsDialog
from panelapp.services.inspections.scheduling import create_inspection


@pytest.fixture
def results(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    insp = create_inspection(ctx, w.draft(day=dt.date(2026, 5, 12)))
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    dialog = ResultsDialog(window, insp.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.grid is not None, timeout=5000)
    yield dialog
    wait_for_all()
    ctx.db.dispose()


def test_a_finding_from_the_results_starts_on_the_visits_day(qtbot, results):
    finding = results.add_finding()
    assert finding.ui.observedEdit.date() == QDate(2026, 5, 12)
    finding.reject()


def test_a_date_before_the_visit_is_refused_at_the_field(qtbot, results):
    finding = results.add_finding()
    ui = finding.ui
    ui.titleEdit.setText("난간 흔들림")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData(FindingCategory.SAFETY))
    ui.observedEdit.setFocus()
    QTest.keyClicks(ui.observedEdit, "26.5.1")  # typed, 11 days before the visit
    QTest.keyClick(ui.observedEdit, Qt.Key.Key_Tab)
    finding.save()
    qtbot.waitUntil(lambda: ui.buttonBox.isEnabled(), timeout=5000)
    assert finding.isVisible() and finding.saved is None
    assert "발견일" in ui.errorLabel.text() and "점검일(2026-05-12)보다 앞설" in ui.errorLabel.text()
    assert "앞설" in ui.observedEdit.toolTip() and ui.observedEdit.styleSheet()
    QTest.keyClicks(ui.observedEdit, "2026-05-12")
    QTest.keyClick(ui.observedEdit, Qt.Key.Key_Tab)
    with qtbot.waitSignal(finding.accepted, timeout=5000):
        finding.save()
    assert finding.saved.observed_on == dt.date(2026, 5, 12)


def test_a_finding_for_a_visit_still_ahead_starts_today(qtbot, tmp_path):
    """A visit later than today: the dialog offers today (the service then says a finding cannot
    predate its visit) rather than a future day it would refuse as after today."""
    from panelapp.domain.localtime import today_local
    from panelapp.gui.dialogs.finding_dialog import FindingDialog

    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    ahead = today_local() + dt.timedelta(days=10)
    insp = create_inspection(ctx, w.draft(day=ahead))
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    dialog = FindingDialog(window, [(insp.id, "다음 점검", ahead)], fixed=True)
    qtbot.addWidget(dialog)
    assert dialog.ui.observedEdit.date().toPython() == today_local()
    dialog.close()
    wait_for_all()
    ctx.db.dispose()


def test_a_new_finding_starts_on_the_latest_visit_so_far(qtbot, tmp_path):
    """발견사항 추가 from the findings page offered the first visit of the list, one still ahead,
    so saving it as it opened was refused (a finding cannot predate its visit); it starts on the
    latest visit on or before today, dated that day."""
    from panelapp.domain.localtime import today_local
    from panelapp.gui.dialogs.finding_dialog import FindingDialog

    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    today = today_local()
    visits = [
        (3, "다음 달 점검 (예정)", today + dt.timedelta(days=30)),
        (2, "지난주 점검", today - dt.timedelta(days=7)),
        (1, "지난달 점검", today - dt.timedelta(days=30)),
    ]
    dialog = FindingDialog(window, visits)
    qtbot.addWidget(dialog)
    assert dialog.visit_id() == 2
    assert dialog.ui.observedEdit.date().toPython() == today - dt.timedelta(days=7)
    only_ahead = FindingDialog(window, visits[:1])
    qtbot.addWidget(only_ahead)
    assert only_ahead.visit_id() == 3  # nothing yet: the first, dated today
    assert only_ahead.ui.observedEdit.date().toPython() == today
    dialog.close()
    only_ahead.close()
    wait_for_all()
    ctx.db.dispose()
