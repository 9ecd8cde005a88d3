"""Every dialog the app opens is deleted when closed. tests/gui/test_people_dialogs_deleted.py
covers the cohort, team, member, withdraw, import, event (new) and settings dialogs; this file the
rest: inspection, status, 결과 입력 and the finding dialogs it opens, field sheet, finding, photo
viewer, finding → proposal, proposal, links, every workflow step, feedback answer, content,
facility, facility types, department, report, report preview and its print dialog, certificate,
roster export, phone reveal, event (edit), search (Ctrl+F), about, the welcome page's cohort
dialog and 기관 정보. (The checklist editor, the trash and Ctrl+Z open no dialog of their own.)

Each is opened five times through the page action a user would use and rejected; it must be
deleted, and the count of live dialogs must come back to where it was, blocking ones (file
chooser, message and input boxes, print dialog) included. A closed dialog used to keep its
widgets and re-run its query on every change notice, so afterwards a change announced on the bus,
with only the dashboard showing, must run no more statements than it did before any dialog was
opened."""

from __future__ import annotations

import datetime as dt

from conftest import page_settled
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox
from report_records import add_report_record
from shiboken6 import getCppPointer, isValid
from sqlalchemy import event, text

from panelapp.domain.enums import ProposalStatus
from panelapp.domain.proposal_rules import allowed_next
from panelapp.gui.core import ops
from panelapp.services.changes import Changes, Kind

TIMES = 5
WAIT = 10000  # ms: an open goes through an op; a loaded 2-core machine is slow
PAGES_USED = (
    "schedule",
    "findings",
    "proposals",
    "feedback",
    "content",
    "facilities",
    "reports",
    "roster",
    "activities",
)


def _dialogs() -> dict[int, QDialog]:
    """Every QDialog alive, by address. Found in C++ (findChildren) rather than by wrapping every
    widget of QApplication.allWidgets(): wrappers of widgets that C++ deletes behind Python's back
    (the proposal detail rebuilds its body on every load) can crash the process."""
    found: dict[int, QDialog] = {}
    for top in QApplication.topLevelWidgets():
        for dialog in ([top] if isinstance(top, QDialog) else []) + top.findChildren(QDialog):
            found[getCppPointer(dialog)[0]] = dialog
    return found


def live_dialogs() -> int:
    return len(_dialogs())


def _visible_dialogs() -> dict[int, QDialog]:
    return {p: d for p, d in _dialogs().items() if d.isVisible()}


class Dialogs:
    """Opens a dialog through a user's action and closes it again, checking it is deleted."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.counts: list[int] = []  # live dialogs before each dialog still open was opened
        self.opened: dict[str, int] = {}  # what was opened, how many times

    def settled_count(self) -> int:
        """Live dialogs once no op is running (a progress dialog of an op is deleted with it)."""
        self.qtbot.waitUntil(lambda: not ops._RUNNING, timeout=WAIT)
        self.qtbot.wait(1)  # deferred deletes
        return live_dialogs()

    def open(self, name: str, action, cls: type[QDialog]) -> QDialog:
        """Run `action` (a button click, a menu action) and wait for a new `cls` on screen."""
        self.counts.append(self.settled_count() if not self.counts else live_dialogs())
        shown = set(_visible_dialogs())
        action()
        found: list[QDialog] = []

        def appeared() -> None:
            found[:] = [d for p, d in _visible_dialogs().items() if p not in shown and isinstance(d, cls)]
            assert found, f"{name}: no {cls.__name__} opened"

        self.qtbot.waitUntil(appeared, timeout=WAIT)
        self.opened[name] = self.opened.get(name, 0) + 1
        return found[0]

    def close(self, name: str, dialog: QDialog) -> None:
        """Reject it (as Esc or 닫기 would); it must be deleted and every dialog it made with it."""
        before, kind = self.counts.pop(), type(dialog).__name__
        dialog.reject()

        def deleted() -> None:
            assert not isValid(dialog), f"{name}: the closed {kind} was not deleted"

        self.qtbot.waitUntil(deleted, timeout=WAIT)
        after = self.settled_count() if not self.counts else live_dialogs()
        assert after == before, f"{name}: {after - before} dialog(s) left after closing"

    def answer(self, name: str, action, cls: type[QDialog]) -> str:
        """A blocking dialog (file chooser, message box, input box, print dialog) opened by
        `action`: cancelled as soon as it shows; returns its title."""
        before = self.settled_count() if not self.counts else live_dialogs()
        seen: list[str] = []

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if isinstance(modal, cls) and modal.isVisible():
                seen.append(modal.windowTitle())
                modal.done(0)  # QMessageBox.about has no escape button: done() is final

        timer = QTimer(interval=20)
        timer.timeout.connect(poll)
        timer.start()

        def answered() -> None:
            assert seen, f"{name}: no {cls.__name__} opened"

        try:
            action()
            self.qtbot.waitUntil(answered, timeout=WAIT)
        finally:
            timer.stop()
        after = self.settled_count() if not self.counts else live_dialogs()
        assert after == before, f"{name}: {after - before} dialog(s) left after closing"
        self.opened[name] = self.opened.get(name, 0) + 1
        return seen[0]

    def open_close(self, name: str, action, cls: type[QDialog]) -> None:
        self.close(name, self.open(name, action, cls))


def _shown(qtbot, w, key: str):
    w.show_page(key)
    page = w.page(key)
    qtbot.waitUntil(lambda: page_settled(page), timeout=20000)
    return page


def _one(w, sql: str, **params):
    with w.ctx.db.engine.connect() as conn:
        row = conn.execute(text(sql), params).first()
    assert row is not None, sql
    return row


def _count_statements(qtbot, w, announce) -> int:
    """Statements run while `announce` is answered, every page hidden but the dashboard."""
    engine, seen = w.ctx.db.engine, []

    def count(*_args) -> None:
        seen.append(1)

    dashboard = _shown(qtbot, w, "dashboard")
    qtbot.waitUntil(lambda: not ops._RUNNING, timeout=WAIT)
    event.listen(engine, "before_cursor_execute", count)
    try:
        announce()
        qtbot.waitUntil(lambda: page_settled(dashboard) and not ops._RUNNING, timeout=WAIT)
        qtbot.wait(300)  # anything still listening would have queried by now
        qtbot.waitUntil(lambda: not ops._RUNNING, timeout=WAIT)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_every_other_dialog_opened_and_closed_five_times_leaves_none(main_window, qtbot, tmp_path):
    from panelapp.gui.dialogs.cohort_dialog import CohortDialog
    from panelapp.gui.dialogs.connection_dialog import ConnectionDialog
    from panelapp.gui.dialogs.content_dialog import ContentDialog
    from panelapp.gui.dialogs.deadline_rules_dialog import DeadlineRulesDialog
    from panelapp.gui.dialogs.department_dialog import DepartmentDialog
    from panelapp.gui.dialogs.duplicate_dialog import DuplicateDialog
    from panelapp.gui.dialogs.event_dialog import EventDialog
    from panelapp.gui.dialogs.facility_dialog import FacilityDialog
    from panelapp.gui.dialogs.facility_types_dialog import FacilityTypesDialog
    from panelapp.gui.dialogs.feedback_dialog import FeedbackDialog
    from panelapp.gui.dialogs.finding_dialog import FindingDialog
    from panelapp.gui.dialogs.inspection_dialog import InspectionDialog
    from panelapp.gui.dialogs.inspection_status_dialog import InspectionStatusDialog
    from panelapp.gui.dialogs.organization_dialog import OrganizationDialog
    from panelapp.gui.dialogs.photo_viewer import PhotoViewer
    from panelapp.gui.dialogs.proposal_dialog import ProposalDialog
    from panelapp.gui.dialogs.proposal_links_dialog import ProposalLinksDialog
    from panelapp.gui.dialogs.proposal_milestones_dialog import ProposalMilestonesDialog
    from panelapp.gui.dialogs.proposal_move_dialog import ProposalMoveDialog
    from panelapp.gui.dialogs.report_dialog import ReportDialog
    from panelapp.gui.dialogs.report_preview import ReportPreviewDialog
    from panelapp.gui.dialogs.results_dialog import ResultsDialog
    from panelapp.gui.dialogs.retention_dialog import RetentionDialog
    from panelapp.gui.dialogs.search_dialog import SearchDialog
    from panelapp.gui.dialogs.update_dialog import UpdateDialog

    w = main_window
    cohort_id = w.current_cohort_id
    changes = Changes(frozenset({Kind.FINDING, Kind.PROPOSAL, Kind.INSPECTION}), {})

    # the records the actions need, read from the demo copy
    visit_id, visit_day = _one(
        w,
        "SELECT i.id, i.scheduled_date FROM inspections i JOIN findings f ON f.inspection_id = i.id"
        " WHERE i.cohort_id = :c AND i.status = 'completed' AND i.deleted_at IS NULL"
        " AND f.deleted_at IS NULL ORDER BY i.scheduled_date LIMIT 1",
        c=cohort_id,
    )
    (photo_finding,) = _one(
        w,
        "SELECT f.id FROM findings f JOIN inspections i ON i.id = f.inspection_id"
        " JOIN attachments a ON a.owner_type = 'finding' AND a.owner_id = f.id"
        " WHERE i.cohort_id = :c AND f.deleted_at IS NULL LIMIT 1",
        c=cohort_id,
    )
    (event_id,) = _one(
        w,
        "SELECT id FROM activity_events WHERE cohort_id = :c AND inspection_id IS NULL"
        " AND deleted_at IS NULL ORDER BY event_date LIMIT 1",
        c=cohort_id,
    )

    # every page the actions use is built before the first count, so both counts see the same
    for key in PAGES_USED:
        _shown(qtbot, w, key)
    before = live_dialogs()
    baseline = _count_statements(qtbot, w, lambda: w.bus.announce(changes))

    d = Dialogs(qtbot)

    # ----- 점검 일정: inspection (new, edit), status, 결과 입력 and the finding dialogs in it, field sheet
    schedule = _shown(qtbot, w, "schedule")
    schedule.go_to(dt.date.fromisoformat(str(visit_day)))
    qtbot.waitUntil(lambda: page_settled(schedule) and schedule.current(visit_id) is not None, timeout=WAIT)
    schedule._select(visit_id)  # as a click on the visit in the calendar
    for _ in range(TIMES):
        d.open_close("inspection (new)", schedule.add_button.click, InspectionDialog)
        d.open_close("inspection (edit)", schedule.edit_button.click, InspectionDialog)
        d.open_close("inspection status", schedule.status_button.click, InspectionStatusDialog)
        results = d.open("results", schedule.results_button.click, ResultsDialog)
        qtbot.waitUntil(
            lambda r=results: r.ui.addFindingButton.isEnabled() and bool(r.findings), timeout=WAIT
        )
        d.open_close("results → finding (new)", results.ui.addFindingButton.click, FindingDialog)
        item = results.ui.findingsList.item(0)
        d.open_close(
            "results → finding (edit)",
            lambda r=results, item=item: r.ui.findingsList.itemDoubleClicked.emit(item),  # double-click
            FindingDialog,
        )
        d.close("results", results)
        title = d.answer("field sheet", schedule.sheet_button.click, QFileDialog)
        assert title == "현장 점검표 저장"

    # ----- 발견사항: finding (new, edit), its photo viewer, finding → proposal
    findings = _shown(qtbot, w, "findings")
    findings.show_record(photo_finding)
    qtbot.waitUntil(
        lambda: page_settled(findings) and getattr(findings.selected(), "id", None) == photo_finding,
        timeout=WAIT,
    )
    for _ in range(TIMES):
        d.open_close("finding (new)", findings.add_button.click, FindingDialog)
        finding = d.open("finding (edit)", findings.edit_button.click, FindingDialog)
        assert finding.strip.count() > 0
        double_click = lambda f=finding: f.strip.open_requested.emit(0)  # noqa: E731 - the first photo
        d.open_close("photo viewer", double_click, PhotoViewer)
        d.close("finding (edit)", finding)
        d.open_close("finding → proposal", findings.proposal_button.click, ProposalDialog)

    # ----- 개선제안: proposal (new, edit), links, and the dialog of every workflow step (the
    # department's answer, the decline reason, the completion date, …), each step once
    proposals = _shown(qtbot, w, "proposals")
    steps_seen: set = set()
    for status in ProposalStatus:
        if status != ProposalStatus.SUBMITTED and set(allowed_next(status)) <= steps_seen:
            continue
        proposals.apply_filter(status=status)
        qtbot.waitUntil(lambda: page_settled(proposals), timeout=WAIT)
        if proposals.register.row_count() == 0:
            continue
        proposals.register.select_row(0)
        qtbot.waitUntil(
            lambda status=status: (
                getattr(proposals.detail.detail, "status", None) == status
                and proposals.detail.currentIndex() == 1
            ),
            timeout=WAIT,
        )
        steps = [s for s in proposals.detail.step_buttons if s not in steps_seen]
        steps_seen.update(steps)
        for _ in range(TIMES):
            for to_status in steps:
                # the detail redraws its step buttons whenever it reloads: look each one up
                click = lambda s=to_status: proposals.detail.step_buttons[s].click()  # noqa: E731
                d.open_close(f"proposal step → {to_status.value}", click, ProposalMoveDialog)
            if status == ProposalStatus.ACCEPTED:  # 추진 단계 (issue 14 item 4)
                click = lambda: proposals.detail.milestones_button.click()  # noqa: E731
                d.open_close("proposal milestones", click, ProposalMilestonesDialog)
            if status == ProposalStatus.SUBMITTED:
                d.open_close("proposal (new)", proposals.new_button.click, ProposalDialog)
                d.open_close("proposal (edit)", proposals.detail.edit_button.click, ProposalDialog)
                d.open_close("proposal links", proposals.detail.links_button.click, ProposalLinksDialog)
                d.open_close("proposal duplicate", proposals.detail.duplicate_button.click, DuplicateDialog)
    assert steps_seen == set(ProposalStatus)
    proposals.apply_filter()

    # ----- 좋아요·아쉬워요: the answer dialog
    feedback = _shown(qtbot, w, "feedback")
    feedback.register.select_row(0)
    for _ in range(TIMES):
        d.open_close("feedback answer", feedback.answer_button.click, FeedbackDialog)

    # ----- 소식 콘텐츠: content (new, edit)
    content = _shown(qtbot, w, "content")
    content.register.select_row(0)
    for _ in range(TIMES):
        d.open_close("content (new)", content.add_button.click, ContentDialog)
        d.open_close("content (edit)", content.edit_button.click, ContentDialog)

    # ----- 시설·부서: facility (new, edit), facility types, department (new, edit)
    facilities = _shown(qtbot, w, "facilities")
    facilities.register.select_row(0)
    departments = facilities.departments_tab
    departments.register.select_row(0)
    for _ in range(TIMES):
        d.open_close("facility (new)", facilities.add_button.click, FacilityDialog)
        d.open_close("facility (edit)", facilities.edit_button.click, FacilityDialog)
        d.open_close("facility types", facilities.types_button.click, FacilityTypesDialog)
        d.open_close("department (new)", departments.add_button.click, DepartmentDialog)
        d.open_close("department (edit)", departments.edit_button.click, DepartmentDialog)
        d.open_close("answer deadlines", departments.deadline_button.click, DeadlineRulesDialog)

    # ----- 개선 보고서: the report dialog, the preview of a remembered report and its print dialog
    pdf = tmp_path / "보고서.pdf"
    _tiny_pdf(pdf)
    add_report_record(w.ctx, pdf)
    reports = w.page("reports")
    reports.mark_stale()
    reports = _shown(qtbot, w, "reports")
    qtbot.waitUntil(lambda: reports.selected_path() == str(pdf), timeout=WAIT)
    for _ in range(TIMES):
        d.open_close("report", reports.make_button.click, ReportDialog)
        preview = d.open("report preview", reports.preview_button.click, ReportPreviewDialog)
        d.answer("report preview → print", preview.print_button.click, QPrintDialog)
        d.close("report preview", preview)

    # ----- 참여단원 and 활동·출석: certificate, roster export, phone reveal, event (edit)
    roster = _shown(qtbot, w, "roster")
    roster.view.selectRow(0)
    activities = _shown(qtbot, w, "activities")
    activities.show_event(event_id)
    qtbot.waitUntil(lambda: getattr(activities.current_event(), "id", None) == event_id, timeout=WAIT)
    activities.grid.selectRow(0)
    for _ in range(TIMES):
        w.show_page("roster")
        assert d.answer("certificate (roster)", roster.make_certificate, QFileDialog) == "활동확인서 저장"
        d.answer("roster export", roster.export_button.click, QInputDialog)
        d.answer("phone reveal", roster.reveal_button.click, QInputDialog)
        assert not roster.reveal_button.isChecked()
        w.show_page("activities")
        d.answer("certificate (activities)", activities.cert_button.click, QFileDialog)
        d.open_close("event (edit)", activities.edit_button.click, EventDialog)

    # ----- the window: 통합 검색 (Ctrl+F), 프로그램 정보, 시작하기's new cohort, 기관 정보
    about = next(
        a for m in w.menuBar().actions() for a in m.menu().actions() if a.text() == "프로그램 정보(&A)"
    )
    welcome = w.page("welcome")
    for _ in range(TIMES):
        search = d.open("search (Ctrl+F)", w.search_action.trigger, SearchDialog)
        search.ui.searchEdit.setText("미끄")
        search.run_search()  # a search under way when it closes
        d.close("search (Ctrl+F)", search)
        assert d.answer("about", about.trigger, QMessageBox) == "프로그램 정보"
        d.open_close("welcome → cohort (new)", welcome.new_button.click, CohortDialog)
        d.open_close("organization (파일 → 기관 정보)", w.organization_action.trigger, OrganizationDialog)
        d.open_close("update (도움말 → 업데이트 확인)", w.update_action.trigger, UpdateDialog)
        d.open_close("connection (파일 → 데이터베이스 연결)", w.connection_action.trigger, ConnectionDialog)
        d.open_close("retention (관리 → 개인정보 파기)", w.retention_action.trigger, RetentionDialog)

    assert all(n == TIMES for n in d.opened.values()), d.opened
    qtbot.waitUntil(lambda: not ops._RUNNING, timeout=WAIT)
    qtbot.wait(50)
    assert live_dialogs() == before

    # no closed dialog still listens: the same change costs what it cost before any was opened
    after = _count_statements(qtbot, w, lambda: w.bus.announce(changes))
    assert after == baseline, f"{after} statements on a change notice, {baseline} before the dialogs"


def _tiny_pdf(path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "report")
    canvas.save()
