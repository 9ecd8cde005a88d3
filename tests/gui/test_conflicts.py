"""A stale save is shown field by field, never thrown away nor silently overwritten (issue 13
item 3): the facility and department forms, after another desktop saved the same record first.

"Another desktop" is a second service call on the same database between opening the form and
pressing 저장, exactly what the service sees when two desktops share one database."""

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox
from shiboken6 import isValid

from panelapp.gui.core.conflicts import MINE, THEIRS, FieldValue, conflicts
from panelapp.gui.core.dialogs import discard_guard
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.pages.facilities import FacilitiesPage
from panelapp.services.changes import Changes, Kind
from panelapp.services.registers.departments import (
    DepartmentInput,
    create_department,
    ensure_organization,
    get_department,
    update_department,
)
from panelapp.services.registers.facilities import (
    FacilityInput,
    create_facility,
    delete_facility,
    get_facility,
    list_facility_types,
    update_facility,
)


@pytest.fixture
def page(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    window = Window(ctx)
    qtbot.addWidget(window)
    p = FacilitiesPage(window)
    window.setCentralWidget(p)
    window.resize(1000, 600)
    window.show()
    yield p
    wait_for_all()
    ctx.db.dispose()


def settle(qtbot, page):
    qtbot.waitUntil(lambda: not page.is_loading and not page.is_stale, timeout=10000)


def closed(dialog) -> bool:
    return not isValid(dialog) or not dialog.isVisible()


def save(dialog):
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()


def conflict_shown(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.conflict.conflict_dialog is not None, timeout=10000)
    return dialog.conflict.conflict_dialog


def rows_of(conflict):
    return {row.label: row for row in conflict.rows}


@pytest.fixture
def facility_dialog(qtbot, page):
    """The edit form of 가람공원 (공원, 다솜로 3), opened before another desktop saves."""
    ctx = page.window_.ctx
    settle(qtbot, page)
    types = {t.name: t.id for t in list_facility_types(ctx)}
    create_facility(ctx, FacilityInput("가람공원", types["공원"], "다솜로 3", None, "031-111-1111"))
    page.window_.bus.announce(Changes(frozenset({Kind.FACILITY})))
    settle(qtbot, page)
    page.register.select_row(0)
    dialog = page.edit_selected()
    return dialog


def other_desktop_saves(ctx, facility_id, **changes):
    f = get_facility(ctx, facility_id)
    values = {
        "name": f.name,
        "facility_type_id": f.facility_type_id,
        "address": f.address,
        "department_id": f.department_id,
        "contact": f.contact,
        "notes": f.notes,
    }
    values.update(changes)
    return update_facility(ctx, facility_id, FacilityInput(**values), f.version)


def test_the_fields_each_changed_are_merged_and_nothing_is_saved_before_the_user_chooses(
    qtbot, page, facility_dialog
):
    ctx, dialog = page.window_.ctx, facility_dialog
    facility_id = dialog.facility.id
    other_desktop_saves(ctx, facility_id, address="다솜로 5")  # they fixed the address
    dialog.ui.contactEdit.setText("031-222-2222")  # I changed the phone
    save(dialog)
    conflict = conflict_shown(qtbot, dialog)
    rows = rows_of(conflict)
    assert set(rows) == {"주소", "연락처"}
    assert (rows["주소"].base.text, rows["주소"].theirs.text, rows["주소"].mine.text) == (
        "다솜로 3",
        "다솜로 5",
        "다솜로 3",
    )
    assert not rows["주소"].both_changed and not rows["연락처"].both_changed
    # proposed: theirs where only they changed, mine where only I did
    assert conflict.choices() == {"주소": THEIRS, "연락처": MINE}
    # nothing saved yet: the stored record is the other desktop's
    stored = get_facility(ctx, facility_id)
    assert (stored.address, stored.contact) == ("다솜로 5", "031-111-1111")
    conflict.apply_button.click()
    assert not closed(dialog)
    assert dialog.ui.addressEdit.text() == "다솜로 5" and dialog.ui.contactEdit.text() == "031-222-2222"
    assert "1개 칸을 반영" in dialog.ui.errorLabel.text()
    assert discard_guard(dialog).is_dirty()  # my phone, put back, is unsaved input again
    save(dialog)  # an ordinary save on the current version now
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = get_facility(ctx, facility_id)
    assert (stored.name, stored.address, stored.contact) == ("가람공원", "다솜로 5", "031-222-2222")


def test_a_field_both_changed_is_marked_and_the_user_picks_which_stays(qtbot, page, facility_dialog):
    ctx, dialog = page.window_.ctx, facility_dialog
    facility_id = dialog.facility.id
    other_desktop_saves(ctx, facility_id, name="가람근린공원")
    dialog.ui.nameEdit.setText("가람어린이공원")
    save(dialog)
    conflict = conflict_shown(qtbot, dialog)
    row = rows_of(conflict)["시설명"]
    assert row.both_changed and conflict.choices()["시설명"] == MINE
    assert any(
        label.text() == "시설명 (둘 다 바꿈)" for label in conflict.findChildren(type(conflict.copied))
    )
    conflict.choose("시설명", THEIRS)
    conflict.apply_button.click()
    assert dialog.ui.nameEdit.text() == "가람근린공원"
    assert get_facility(ctx, facility_id).name == "가람근린공원"
    dialog.reject()  # nothing of mine was taken: the form is what is saved, it closes unasked
    assert closed(dialog)


def test_taking_theirs_drops_my_input_and_copy_puts_it_on_the_clipboard(qtbot, page, facility_dialog):
    ctx, dialog = page.window_.ctx, facility_dialog
    other_desktop_saves(ctx, dialog.facility.id, notes="주말 개방")
    dialog.ui.notesEdit.setPlainText("장애인 주차 2면")
    dialog.ui.contactEdit.setText("031-333-3333")
    save(dialog)
    conflict = conflict_shown(qtbot, dialog)
    conflict.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "메모: 장애인 주차 2면" in copied and "연락처: 031-333-3333" in copied
    assert "클립보드에 복사" in conflict.copied.text()
    conflict.theirs_button.click()
    assert dialog.ui.notesEdit.toPlainText() == "주말 개방" and dialog.ui.contactEdit.text() == "031-111-1111"
    assert "반영하지 않았습니다" in dialog.ui.errorLabel.text()
    # the form is what is saved now: closing it would ask nothing
    assert not discard_guard(dialog).is_dirty()
    dialog.reject()
    assert closed(dialog)


def test_a_record_deleted_meanwhile_closes_the_form_with_a_sentence(
    qtbot, page, facility_dialog, monkeypatch
):
    ctx, dialog = page.window_.ctx, facility_dialog
    other_desktop_saves(ctx, dialog.facility.id, address="다솜로 7")
    f = get_facility(ctx, dialog.facility.id)
    delete_facility(ctx, f.id, f.version)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    dialog.ui.contactEdit.setText("031-444-4444")
    save(dialog)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    assert warnings and "찾을 수 없습니다" in warnings[0]


def test_the_department_form_shows_the_conflict_too(qtbot, page, monkeypatch):
    ctx = page.window_.ctx
    ensure_organization(ctx, "한빛시")
    d = create_department(ctx, DepartmentInput("공원녹지과", "김소통", "031-100-2000", "park@example.org"))
    settle(qtbot, page)
    from panelapp.gui.dialogs.department_dialog import DepartmentDialog

    dialog = DepartmentDialog(page.window_, get_department(ctx, d.id))
    dialog.show()
    now = get_department(ctx, d.id)
    update_department(ctx, d.id, DepartmentInput("공원녹지과", "박소통", now.phone, now.email), now.version)
    dialog.ui.emailEdit.setText("green@example.org")
    save(dialog)
    conflict = conflict_shown(qtbot, dialog)
    assert conflict.choices() == {"시민소통관": THEIRS, "이메일": MINE}
    conflict.apply_button.click()
    save(dialog)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = get_department(ctx, d.id)
    assert (stored.contact_person, stored.email) == ("박소통", "green@example.org")


def test_conflicts_lists_only_fields_where_the_input_and_the_saved_record_differ():
    def v(text):
        return FieldValue(text, text)

    base = {"a": v("1"), "b": v("1"), "c": v("1"), "d": v("1")}
    theirs = {"a": v("2"), "b": v("1"), "c": v("3"), "d": v("5")}
    mine = {"a": v("2"), "b": v("4"), "c": v("1"), "d": v("6")}
    rows = {row.label: row for row in conflicts(base, theirs, mine)}
    assert set(rows) == {"b", "c", "d"}  # a: both typed the same value
    assert rows["b"].proposed == MINE and not rows["b"].both_changed
    assert rows["c"].proposed == THEIRS and not rows["c"].both_changed
    assert rows["d"].both_changed


def test_read_and_write_round_trip_a_line_edit(qtbot):
    from panelapp.gui.core.conflicts import read_field, write_field

    edit = QLineEdit("  다솜로 3 ")
    qtbot.addWidget(edit)
    value = read_field(edit)
    edit.setText("")
    write_field(edit, value)
    assert edit.text() == "다솜로 3"


# ----- the other forms wired to it: 소식 콘텐츠, 행사, on the demo -------------------------------
@pytest.fixture
def demo_window(qtbot, sqlite_demo_ctx):
    window = Window(sqlite_demo_ctx)
    qtbot.addWidget(window)
    window.show()
    yield window
    wait_for_all()


def _seventh(ctx) -> int:
    from panelapp.services.cohorts.manage import list_cohorts

    return next(c.id for c in list_cohorts(ctx) if c.number == 7)


def test_the_content_form_merges_a_post_changed_on_another_desktop(qtbot, demo_window):
    from panelapp.gui.dialogs.content_dialog import ContentDialog
    from panelapp.services.engagement.content import (
        ContentInput,
        ContentQuery,
        content_ids,
        content_rows,
        news_member_choices,
        update_post,
    )

    ctx = demo_window.ctx
    cohort = _seventh(ctx)
    row = content_rows(ctx, content_ids(ctx, ContentQuery(cohort))[:1])[0]
    dialog = ContentDialog(demo_window, news_member_choices(ctx, cohort, row.enrollment_id), [], row)
    dialog.show()
    update_post(
        ctx,
        row.id,
        ContentInput(
            row.enrollment_id,
            "다른 사람이 고친 제목",
            row.channel,
            row.published_on,
            row.url,
            row.facility_id,
            row.views,
            row.hours,
        ),
        row.version,
    )
    dialog.hours_spin.setValue(row.hours + 0.5)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    conflict = conflict_shown(qtbot, dialog)
    assert conflict.choices() == {"제목": THEIRS, "인정 시간": MINE}
    conflict.apply_button.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = content_rows(ctx, [row.id])[0]
    assert (stored.title, stored.hours) == ("다른 사람이 고친 제목", row.hours + 0.5)


def test_the_event_form_merges_an_event_changed_on_another_desktop(qtbot, demo_window):
    from panelapp.gui.dialogs.event_dialog import EventDialog
    from panelapp.services.activities.attendance import list_events, update_event
    from panelapp.services.activities.event_rules import EventInput

    ctx = demo_window.ctx
    cohort = _seventh(ctx)
    event = next(e for e in list_events(ctx, cohort) if not e.read_only and e.location != "시청 대회의실")
    dialog = EventDialog(demo_window, cohort, event)
    dialog.show()
    update_event(
        ctx,
        event.id,
        EventInput(
            event.kind,
            event.title,
            event.event_date,
            event.hours,
            event.start_time,
            "시청 대회의실",
            event.notes,
        ),
        event.version,
    )
    dialog.ui.titleEdit.setText(event.title + " (변경)")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    conflict = conflict_shown(qtbot, dialog)
    assert conflict.choices() == {"제목": MINE, "장소": THEIRS}
    conflict.apply_button.click()
    assert dialog.ui.locationEdit.text() == "시청 대회의실"
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = next(e for e in list_events(ctx, cohort) if e.id == event.id)
    assert (stored.title, stored.location) == (event.title + " (변경)", "시청 대회의실")


def test_the_member_form_merges_a_member_changed_on_another_desktop(qtbot, demo_window):
    from sqlalchemy import select

    from panelapp.db.models import Enrollment
    from panelapp.gui.dialogs.member_dialog import MemberDialog
    from panelapp.services.context import reading
    from panelapp.services.people.members import MemberInput, get_member, update_member

    ctx = demo_window.ctx
    cohort = _seventh(ctx)
    with reading(ctx) as s:
        eid = s.scalar(select(Enrollment.id).where(Enrollment.cohort_id == cohort).order_by(Enrollment.id))
    dialog = MemberDialog(demo_window, cohort, eid)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.show()
    d = get_member(ctx, eid)
    update_member(
        ctx,
        eid,
        MemberInput(d.name, d.phone_e164, email=d.email, district="다른구", birth_year=d.birth_year,
                    gender=d.gender, team_id=d.team_id, role=d.role, joined_on=d.joined_on, notes=d.notes),
        d.version,
        d.member_version,
    )  # fmt: skip
    dialog.ui.notesEdit.setPlainText("주말만 가능")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    conflict = conflict_shown(qtbot, dialog)
    assert conflict.choices() == {"거주지": THEIRS, "메모": MINE}
    conflict.apply_button.click()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = get_member(ctx, eid)
    assert (stored.district, stored.notes) == ("다른구", "주말만 가능")


def test_the_finding_form_merges_a_finding_changed_on_another_desktop(qtbot, demo_window):
    from sqlalchemy import select

    from panelapp.db.models import Finding
    from panelapp.gui.dialogs.finding_dialog import FindingDialog
    from panelapp.services.context import reading
    from panelapp.services.findings.manage import FindingInput, get_finding, update_finding
    from panelapp.services.inspections.listing import visit_choices

    ctx = demo_window.ctx
    with reading(ctx) as s:
        finding_id = s.scalar(select(Finding.id).where(Finding.deleted_at.is_(None)).order_by(Finding.id))
    f = get_finding(ctx, finding_id)
    dialog = FindingDialog(demo_window, visit_choices(ctx, f.cohort_id), f)
    dialog.show()
    update_finding(
        ctx,
        f.id,
        FindingInput(
            f.inspection_id, f.title, f.category, f.severity, "2층 복도 끝", f.description, f.observed_on
        ),
        f.version,
    )
    dialog.ui.descriptionEdit.setPlainText("손잡이가 흔들림, 사진 2장")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    conflict = conflict_shown(qtbot, dialog)
    assert conflict.choices() == {"위치": THEIRS, "내용": MINE}
    conflict.apply_button.click()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = get_finding(ctx, f.id)
    assert (stored.location, stored.description) == ("2층 복도 끝", "손잡이가 흔들림, 사진 2장")


def test_the_proposal_form_merges_a_proposal_changed_on_another_desktop(qtbot, demo_window):
    from sqlalchemy import select

    from panelapp.db.models import Proposal
    from panelapp.gui.dialogs.proposal_dialog import ProposalDialog
    from panelapp.services.context import reading
    from panelapp.services.proposals.drafts import form_choices
    from panelapp.services.proposals.manage import ProposalInput, update_proposal
    from panelapp.services.proposals.queries import get_proposal

    ctx = demo_window.ctx
    with reading(ctx) as s:
        proposal_id = s.scalar(select(Proposal.id).where(Proposal.deleted_at.is_(None)).order_by(Proposal.id))
    d = get_proposal(ctx, proposal_id)
    dialog = ProposalDialog(demo_window, form_choices(ctx, d.cohort_id), None, d)
    dialog.show()
    update_proposal(
        ctx,
        d.id,
        ProposalInput(d.cohort_id, d.title, d.problem, d.proposal, "민원 30% 감소", d.facility_id,
                      d.department_id, d.submitted_on, d.due_on, d.proposer_enrollment_id),
        d.version,
    )  # fmt: skip
    dialog.title_edit.setText(d.title + " (수정)")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    conflict = conflict_shown(qtbot, dialog)
    assert conflict.choices() == {"제목": MINE, "기대 효과": THEIRS}
    conflict.apply_button.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = get_proposal(ctx, d.id)
    assert (stored.title, stored.expected_effect) == (d.title + " (수정)", "민원 30% 감소")


def test_the_feedback_form_merges_a_note_changed_on_another_desktop(qtbot, demo_window):
    from sqlalchemy import select

    from panelapp.db.models import Feedback
    from panelapp.gui.dialogs.feedback_dialog import FeedbackDialog
    from panelapp.services.context import reading
    from panelapp.services.engagement.feedback import FeedbackInput, feedback_rows, update_feedback

    ctx = demo_window.ctx
    with reading(ctx) as s:
        feedback_id = s.scalar(select(Feedback.id).where(Feedback.deleted_at.is_(None)).order_by(Feedback.id))
    row = feedback_rows(ctx, [feedback_id])[0]
    dialog = FeedbackDialog(demo_window, row, [])
    dialog.show()
    update_feedback(
        ctx,
        row.id,
        FeedbackInput(row.cohort_id, row.kind, row.text + " (원문 보완)", row.received_on, row.source,
                      row.facility_id, row.proposal_id, row.handled, row.answer, row.answered_on),
        row.version,
    )  # fmt: skip
    dialog.answer_edit.setPlainText("안내판을 새로 달았습니다.")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    conflict = conflict_shown(qtbot, dialog)
    assert conflict.choices()["내용"] == THEIRS and conflict.choices()["답변"] == MINE
    conflict.apply_button.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = feedback_rows(ctx, [row.id])[0]
    assert (stored.text, stored.answer) == (row.text + " (원문 보완)", "안내판을 새로 달았습니다.")


def test_the_visit_form_merges_a_visit_changed_on_another_desktop(qtbot, demo_window):
    import datetime as dt

    from sqlalchemy import select

    from panelapp.db.models import Inspection
    from panelapp.domain.enums import InspectionStatus
    from panelapp.domain.inspection_info import InspectionDraft
    from panelapp.gui.dialogs.inspection_dialog import InspectionDialog
    from panelapp.services.context import reading
    from panelapp.services.inspections.choices import schedule_choices
    from panelapp.services.inspections.queries import get_inspection
    from panelapp.services.inspections.scheduling import update_inspection

    ctx = demo_window.ctx
    cohort = _seventh(ctx)
    with reading(ctx) as s:
        visit_id = s.scalar(
            select(Inspection.id)
            .where(
                Inspection.cohort_id == cohort,
                Inspection.status == InspectionStatus.PLANNED,
                Inspection.scheduled_date > dt.date(2026, 12, 10),
                Inspection.deleted_at.is_(None),
            )
            .order_by(Inspection.scheduled_date)
        )
    info = get_inspection(ctx, visit_id)
    dialog = InspectionDialog(demo_window, schedule_choices(ctx, cohort), info)
    dialog.show()

    def draft(**changes):
        values = dict(
            cohort_id=cohort, facility_id=info.facility_id, scheduled_date=info.scheduled_date,
            start_time=info.start_time, end_time=info.end_time, team_id=info.team_id, lead_id=info.lead_id,
            member_ids=tuple(m for m, _n in info.members), template_version_id=info.template_version_id,
            notes=info.notes,
        )  # fmt: skip
        values.update(changes)
        return InspectionDraft(**values)

    members = tuple(m for m, _n in info.members)
    update_inspection(ctx, info.id, draft(member_ids=members[1:]), info.version, True)  # one fewer goes
    dialog.ui.notesEdit.setPlainText("정문에서 10시 집결")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    conflict = conflict_shown(qtbot, dialog)
    assert conflict.choices() == {"단원": THEIRS, "메모": MINE}
    conflict.apply_button.click()
    assert dialog.checked_members() and set(dialog.checked_members()) == set(members[1:])
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = get_inspection(ctx, info.id)
    assert stored.notes == "정문에서 10시 집결"
    assert {m for m, _n in stored.members} == set(members[1:])


# ----- 결과 입력: answers, notes, times and ticks of a visit saved on another desktop ---------
@pytest.fixture
def results_world(qtbot, ctx):
    """A visit of the schedule world (조장 김민준, 김영희 and 이철수), on SQLite and PostgreSQL."""
    import datetime as dt

    from schedule_world import build_world

    from panelapp.services.inspections.scheduling import create_inspection

    w = build_world(ctx)
    insp = create_inspection(ctx, w.draft(day=dt.date(2026, 5, 12)))
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    yield window, insp
    wait_for_all()


def results_open(qtbot, window, insp):
    from panelapp.gui.dialogs.results_dialog import ResultsDialog

    dialog = ResultsDialog(window, insp.id)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.grid is not None, timeout=10000)
    return dialog


def other_desktop_saves_results(ctx, insp_id, answers: dict, present=None):
    """Another desktop's 임시 저장: `answers` maps an item's row index to (value, text, note)."""
    from panelapp.services.results.entry import Response, get_result_sheet, save_results

    sheet = get_result_sheet(ctx, insp_id)
    items = [i for sec in sheet.sections for i in sec.items]
    responses = [Response(items[n].id, *given) for n, given in answers.items()]
    return save_results(ctx, insp_id, responses, sheet.version, present)


def test_the_results_form_merges_answers_notes_and_ticks_saved_on_another_desktop(qtbot, results_world):
    from panelapp.gui.results_items import AnswerField
    from panelapp.services.results.entry import get_result_sheet

    window, insp = results_world
    ctx = window.ctx
    dialog = results_open(qtbot, window, insp)
    rows = dialog.grid.rows
    labels = list(dialog.fields)
    first, second, fifth = labels[0], labels[3], labels[8]  # item 1, item 2's note, item 5
    assert isinstance(rows[0].answer, AnswerField) and rows[4].item.kind.value == "score"
    people = dict(zip((p.enrollment_id for p in dialog.sheet.participants), dialog.sheet.participants))
    lead, kim, lee = people  # 조장 first, then the members in the order they were assigned
    # the other desktop: item 1 예, a note on item 2, and 이철수 did not come
    other_desktop_saves_results(ctx, insp.id, {0: ("yes", None, None), 1: (None, None, "2층 소화기 없음")},
                                present=(lead, kim))  # fmt: skip
    rows[0].answer.set_value("no")  # I answered item 1 otherwise
    rows[4].answer.set_value("4")  # and item 5, which they left alone
    dialog.ui.saveButton.click()
    conflict = conflict_shown(qtbot, dialog)
    by_label = rows_of(conflict)
    tick = f"참여: {people[lee].name}"
    assert set(by_label) == {first, second, fifth, tick}
    assert by_label[first].both_changed
    assert (by_label[first].base.text, by_label[first].theirs.text, by_label[first].mine.text) == (
        "", "예", "아니오"
    )  # fmt: skip
    assert (by_label[tick].theirs.text, by_label[tick].mine.text) == ("아니오", "예")
    assert conflict.choices() == {first: MINE, second: THEIRS, fifth: MINE, tick: THEIRS}
    # nothing of mine is saved before I choose: the visit holds the other desktop's answers
    stored = get_result_sheet(ctx, insp.id)
    assert stored.response(rows[0].item.id).value == "yes" and stored.response(rows[4].item.id) is None
    conflict.choose(first, THEIRS)  # they were there: their 예 stays
    conflict.apply_button.click()
    rows = dialog.grid.rows  # the grid was filled again with what is saved now
    assert rows[0].answer.value() == "yes" and rows[1].note.text() == "2층 소화기 없음"
    assert rows[4].answer.value() == "4"
    assert not dialog.checks[lee].isChecked() and dialog.checks[kim].isChecked()
    assert "1개 칸을 반영" in dialog.ui.errorLabel.text()
    assert discard_guard(dialog).is_dirty()  # item 5, put back, is unsaved input again
    dialog.ui.saveButton.click()  # an ordinary 임시 저장 on the current version now
    qtbot.waitUntil(lambda: not discard_guard(dialog).is_dirty(), timeout=10000)
    stored = get_result_sheet(ctx, insp.id)
    assert stored.response(rows[0].item.id).value == "yes"
    assert stored.response(rows[1].item.id).note == "2층 소화기 없음"
    assert stored.response(rows[4].item.id).value == "4"
    assert {p.enrollment_id: p.present for p in stored.participants} == {lead: True, kim: True, lee: False}
    dialog.reject()


def test_the_results_form_takes_theirs_or_copies_my_answers_and_times(qtbot, results_world):
    from PySide6.QtCore import QTime

    from panelapp.services.results.entry import get_result_sheet

    window, insp = results_world
    ctx = window.ctx
    dialog = results_open(qtbot, window, insp)
    rows = dialog.grid.rows
    text_row = next(r for r in rows if r.item.kind.value == "text")
    other_desktop_saves_results(ctx, insp.id, {0: ("na", None, None)})
    text_row.answer.setText("난간 도색 벗겨짐")
    dialog.ui.endEdit.setTime(QTime(12, 30))
    dialog.ui.saveButton.click()
    conflict = conflict_shown(qtbot, dialog)
    assert set(conflict.choices().values()) == {MINE, THEIRS}
    assert "실제 종료" in conflict.choices() and conflict.choices()["실제 종료"] == MINE
    conflict.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "난간 도색 벗겨짐" in copied and "실제 종료: 12:30" in copied
    conflict.theirs_button.click()
    rows = dialog.grid.rows
    assert rows[0].answer.value() == "na"
    assert next(r for r in rows if r.item.kind.value == "text").answer.text() == ""
    assert dialog.ui.endEdit.time() == QTime(12, 0)
    assert "반영하지 않았습니다" in dialog.ui.errorLabel.text()
    assert not discard_guard(dialog).is_dirty()  # the form is what is saved: it closes unasked
    assert get_result_sheet(ctx, insp.id).response(text_row.item.id) is None
    dialog.reject()
    assert closed(dialog)


# ----- 점검표: a template saved on another desktop while it was being edited here --------------
@pytest.fixture
def checklist_page(qtbot, ctx):
    from panelapp.gui.pages.checklists import ChecklistsPage

    window = Window(ctx)
    qtbot.addWidget(window)
    p = ChecklistsPage(window)
    window.setCentralWidget(p)
    window.resize(1000, 650)
    window.show()
    qtbot.waitUntil(lambda: p.info is not None and not p.is_loading, timeout=10000)
    yield p
    wait_for_all()


def other_desktop_saves_template(ctx, template_id, change):
    """Another desktop's 저장: `change(draft)` gives the draft it saves."""
    from panelapp.services.checklists.templates import get_template, save_template

    t = get_template(ctx, template_id)
    return save_template(ctx, template_id, change(t.to_draft()), t.version)


def _renamed_item(draft, section: int, item: int, text: str):
    from dataclasses import replace

    sections = list(draft.sections)
    items = list(sections[section].items)
    items[item] = replace(items[item], text=text)
    sections[section] = replace(sections[section], items=tuple(items))
    return replace(draft, sections=tuple(sections))


def test_the_checklist_editor_merges_a_template_saved_on_another_desktop(qtbot, checklist_page):
    from dataclasses import replace

    from panelapp.services.checklists.templates import get_template

    page = checklist_page
    ctx, template_id = page.window_.ctx, page.info.id
    other_desktop_saves_template(
        ctx, template_id, lambda d: replace(_renamed_item(d, 1, 0, "바닥이 깨끗하다"), description="2027년판")
    )
    page.editor.topLevelItem(0).child(0).setText(0, "소화기가 보이는 곳에 있다")  # 안전, item 1
    page.editor.select_path(4, None)
    page.editor.add_section()  # a sixth section at the end
    page.editor.topLevelItem(5).setText(0, "주차")
    assert page.modified
    page.save_button.click()
    qtbot.waitUntil(lambda: page.conflict.dialog is not None, timeout=10000)
    conflict = page.conflict.dialog
    by_label = rows_of(conflict)
    assert set(by_label) == {"설명", "구역 1", "구역 2", "구역 6"}
    assert conflict.choices() == {"설명": THEIRS, "구역 1": MINE, "구역 2": THEIRS, "구역 6": MINE}
    assert "바닥이 깨끗하다" in by_label["구역 2"].theirs.text
    assert by_label["구역 6"].base.text == "" and by_label["구역 6"].mine.text.startswith("주차")
    assert not by_label["구역 1"].both_changed
    # nothing of mine is saved yet
    stored = get_template(ctx, template_id)
    assert len(stored.sections) == 5 and stored.sections[0].items[0].text != "소화기가 보이는 곳에 있다"
    conflict.apply_button.click()
    assert page.modified and page.save_button.isEnabled()
    assert "2개 부분을 반영" in page.notice_label.text()
    assert page.description_edit.text() == "2027년판"
    assert page.editor.topLevelItem(1).child(0).text(0) == "바닥이 깨끗하다"
    assert page.editor.topLevelItem(0).child(0).text(0) == "소화기가 보이는 곳에 있다"
    assert page.editor.topLevelItemCount() == 6
    with qtbot.waitSignal(page.window_.bus.changed, timeout=10000):
        page.save_button.click()  # an ordinary save on the current version now
    stored = get_template(ctx, template_id)
    assert stored.description == "2027년판" and [s.title for s in stored.sections][-1] == "주차"
    assert stored.sections[0].items[0].text == "소화기가 보이는 곳에 있다"
    assert stored.sections[1].items[0].text == "바닥이 깨끗하다"


def test_the_checklist_editor_marks_a_section_both_changed_and_takes_theirs_on_request(qtbot, checklist_page):
    from panelapp.services.checklists.templates import get_template

    page = checklist_page
    ctx, template_id = page.window_.ctx, page.info.id
    other_desktop_saves_template(ctx, template_id, lambda d: _renamed_item(d, 0, 1, "비상구가 열려 있다"))
    page.editor.topLevelItem(0).child(0).setText(0, "소화기 압력이 정상이다")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.conflict.dialog is not None, timeout=10000)
    conflict = page.conflict.dialog
    row = rows_of(conflict)["구역 1"]
    assert row.both_changed and conflict.choices() == {"구역 1": MINE}
    conflict.copy_button.click()
    assert "소화기 압력이 정상이다" in QGuiApplication.clipboard().text()
    conflict.theirs_button.click()
    assert not page.modified and not page.save_button.isEnabled()
    assert page.editor.topLevelItem(0).child(1).text(0) == "비상구가 열려 있다"
    assert page.editor.topLevelItem(0).child(0).text(0) != "소화기 압력이 정상이다"
    assert "반영하지 않았습니다" in page.notice_label.text()
    assert page.info.version == get_template(ctx, template_id).version  # the next save is on it


# ----- step dialogs: one step on a record another desktop changed meanwhile ----------------------
@pytest.fixture
def both_window(qtbot, demo_ctx):
    """The stand-in window on the demo, on SQLite and on PostgreSQL."""
    window = Window(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    yield window
    wait_for_all()


def step_shown(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.conflict.step_dialog is not None, timeout=10000)
    return dialog.conflict.step_dialog


def step_rows(step):
    return {row.label: row for row in step.rows}


def _planned_visit(ctx):
    import datetime as dt

    from sqlalchemy import select

    from panelapp.db.models import Inspection
    from panelapp.domain.enums import InspectionStatus
    from panelapp.services.context import reading
    from panelapp.services.inspections.queries import get_inspection

    with reading(ctx) as s:
        visit_id = s.scalar(
            select(Inspection.id)
            .where(
                Inspection.status == InspectionStatus.PLANNED,
                Inspection.scheduled_date > dt.date(2026, 12, 10),
                Inspection.deleted_at.is_(None),
            )
            .order_by(Inspection.scheduled_date, Inspection.id)
        )
    return get_inspection(ctx, visit_id)


def _pick_status(dialog, status):
    combo = dialog.ui.statusCombo
    combo.setCurrentIndex(combo.findData(status))


def test_the_status_step_shows_what_the_other_desktop_changed_and_applies_mine_on_it(qtbot, both_window):
    from panelapp.domain.enums import InspectionStatus
    from panelapp.gui.dialogs.inspection_status_dialog import InspectionStatusDialog
    from panelapp.services.inspections.queries import get_inspection
    from panelapp.services.inspections.scheduling import set_status

    ctx = both_window.ctx
    info = _planned_visit(ctx)
    dialog = InspectionStatusDialog(both_window, info)
    dialog.show()
    set_status(ctx, info.id, InspectionStatus.POSTPONED, "우천", info.version)  # the other desktop
    _pick_status(dialog, InspectionStatus.CANCELLED)
    dialog.ui.reasonEdit.setText("행사 중복")
    dialog.ui.buttonBox.accepted.emit()
    step = step_shown(qtbot, dialog)
    rows = step_rows(step)
    assert (rows["상태"].before, rows["상태"].theirs, rows["상태"].mine) == ("예정", "연기", "취소")
    assert (rows["사유"].theirs, rows["사유"].mine) == ("우천", "행사 중복")
    assert rows["상태"].theirs_changed and not rows["일정"].theirs_changed and rows["일정"].mine is None
    assert not closed(dialog) and dialog.ui.reasonEdit.text() == "행사 중복"  # the input stays
    assert get_inspection(ctx, info.id).status == InspectionStatus.POSTPONED  # nothing of mine yet
    step.apply_button.click()  # mine, on the version saved now
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = get_inspection(ctx, info.id)
    assert (stored.status, stored.status_reason) == (InspectionStatus.CANCELLED, "행사 중복")


def test_the_status_step_closes_without_saving_when_asked(qtbot, both_window):
    from panelapp.domain.enums import InspectionStatus
    from panelapp.gui.dialogs.inspection_status_dialog import InspectionStatusDialog
    from panelapp.services.inspections.queries import get_inspection
    from panelapp.services.inspections.scheduling import set_status

    ctx = both_window.ctx
    info = _planned_visit(ctx)
    dialog = InspectionStatusDialog(both_window, info)
    dialog.show()
    set_status(ctx, info.id, InspectionStatus.POSTPONED, "우천", info.version)
    _pick_status(dialog, InspectionStatus.CANCELLED)
    dialog.ui.reasonEdit.setText("행사 중복")
    dialog.ui.buttonBox.accepted.emit()
    step = step_shown(qtbot, dialog)
    step.copy_button.click()
    assert "사유: 행사 중복" in QGuiApplication.clipboard().text()
    with qtbot.waitSignal(dialog.stale, timeout=5000):  # the schedule reloads
        step.close_button.click()
    assert closed(dialog)
    stored = get_inspection(ctx, info.id)
    assert (stored.status, stored.status_reason) == (InspectionStatus.POSTPONED, "우천")


def test_the_withdraw_step_applies_on_a_member_changed_on_another_desktop(qtbot, both_window):
    from sqlalchemy import select

    from panelapp.db.models import Enrollment
    from panelapp.domain.enums import EnrollmentStatus, MemberRole
    from panelapp.gui.dialogs.withdraw_dialog import WithdrawDialog
    from panelapp.services.context import reading
    from panelapp.services.people.members import MemberInput, get_member, update_member
    from panelapp.services.people.roster import roster_rows

    ctx = both_window.ctx
    with reading(ctx) as s:
        eid = s.scalar(
            select(Enrollment.id)
            .where(
                Enrollment.cohort_id == _seventh(ctx),
                Enrollment.status == EnrollmentStatus.ACTIVE,
                Enrollment.role == MemberRole.MEMBER,
            )
            .order_by(Enrollment.id)
        )
    row = roster_rows(ctx, [eid], stats=False)[0]
    dialog = WithdrawDialog(both_window, row)
    dialog.show()
    d = get_member(ctx, eid)
    # the other desktop made them 조장
    update_member(
        ctx,
        eid,
        MemberInput(d.name, d.phone_e164, email=d.email, district=d.district, birth_year=d.birth_year,
                    gender=d.gender, team_id=d.team_id, role=MemberRole.LEADER, joined_on=d.joined_on,
                    notes=d.notes),
        d.version,
        d.member_version,
    )  # fmt: skip
    dialog.ui.reasonEdit.setText("이사")
    dialog.ui.buttonBox.accepted.emit()
    step = step_shown(qtbot, dialog)
    rows = step_rows(step)
    assert (rows["상태"].before, rows["상태"].theirs, rows["상태"].mine) == ("활동", "활동", "탈퇴")
    assert (rows["역할"].before, rows["역할"].theirs, rows["역할"].mine) == ("단원", "조장", None)
    assert rows["탈퇴 사유"].mine == "이사" and [r.label for r in step.rows if r.theirs_changed] == ["역할"]
    assert "먼저 바꿨습니다 (역할)" in step.findChildren(type(step.copied))[0].text()
    assert get_member(ctx, eid).status == EnrollmentStatus.ACTIVE
    step.apply_button.click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = get_member(ctx, eid)
    assert (stored.status, stored.left_reason, stored.role) == (
        EnrollmentStatus.WITHDRAWN,
        "이사",
        MemberRole.LEADER,
    )


def _proposal_in(ctx, status):
    from sqlalchemy import select

    from panelapp.db.models import Proposal
    from panelapp.services.context import reading
    from panelapp.services.proposals.queries import get_proposal

    with reading(ctx) as s:
        pid = s.scalar(
            select(Proposal.id)
            .where(Proposal.status == status, Proposal.deleted_at.is_(None))
            .order_by(Proposal.id)
        )
    return get_proposal(ctx, pid)


def test_the_proposal_step_shows_the_other_desktops_step_and_applies_mine_on_it(qtbot, both_window):
    from panelapp.domain.enums import ProposalStatus as PS
    from panelapp.gui.dialogs.proposal_move_dialog import ProposalMoveDialog
    from panelapp.services.proposals.manage import move_proposal
    from panelapp.services.proposals.queries import get_proposal

    ctx = both_window.ctx
    d = _proposal_in(ctx, PS.SUBMITTED)
    dialog = ProposalMoveDialog(both_window, d, PS.REVIEWING)
    dialog.show()
    # the other desktop took it to 검토중 and back to 접수: same status, one more history entry
    moved = move_proposal(ctx, d.id, PS.REVIEWING, d.version, "부서 확인 중")
    move_proposal(ctx, d.id, PS.SUBMITTED, moved.version, "담당 부서 다시 지정")
    dialog.note_edit.setText("현장 사진 확인")
    dialog.buttons.accepted.emit()
    step = step_shown(qtbot, dialog)
    rows = step_rows(step)
    assert (rows["상태"].before, rows["상태"].theirs, rows["상태"].mine) == ("접수", "접수", "검토중")
    assert rows["최근 처리"].theirs_changed and "담당 부서 다시 지정" in rows["최근 처리"].theirs
    assert rows["메모"].mine == "현장 사진 확인"
    assert get_proposal(ctx, d.id).status == PS.SUBMITTED
    step.apply_button.click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = get_proposal(ctx, d.id)
    assert stored.status == PS.REVIEWING and stored.events[-1].note == "현장 사진 확인"


def test_the_proposal_links_step_applies_my_links_after_showing_theirs(qtbot, both_window):
    from PySide6.QtCore import Qt

    from panelapp.domain.enums import ProposalStatus as PS
    from panelapp.gui.dialogs.proposal_links_dialog import ProposalLinksDialog
    from panelapp.services.proposals.drafts import linkable_findings
    from panelapp.services.proposals.manage import set_linked_findings
    from panelapp.services.proposals.queries import get_proposal

    ctx = both_window.ctx
    d = _proposal_in(ctx, PS.REVIEWING)
    choices = linkable_findings(ctx, d.cohort_id)
    dialog = ProposalLinksDialog(both_window, d, choices)
    dialog.show()
    linked = {f.id for f in d.findings}
    others = [c.id for c in choices if c.id not in linked]
    theirs_ids = sorted(linked | {others[0]})
    set_linked_findings(ctx, d.id, theirs_ids, d.version)  # the other desktop linked one more
    dialog.same_facility.setChecked(False)
    item = next(dialog.list.item(i) for i in range(dialog.list.count()) if dialog.list.item(i).data(
        Qt.ItemDataRole.UserRole) == others[1])  # fmt: skip
    item.setCheckState(Qt.CheckState.Checked)  # I linked another
    dialog.buttons.accepted.emit()
    step = step_shown(qtbot, dialog)
    row = step_rows(step)["연결된 발견사항"]
    label = {c.id: c.label for c in choices}
    assert label[others[0]] in row.theirs and label[others[0]] not in row.mine
    assert label[others[1]] in row.mine and row.theirs_changed
    assert {f.id for f in get_proposal(ctx, d.id).findings} == set(theirs_ids)
    step.apply_button.click()  # I saw theirs and keep my choice
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    assert {f.id for f in get_proposal(ctx, d.id).findings} == linked | {others[1]}


def test_the_progress_step_adds_my_note_after_the_other_desktops(qtbot, both_window):
    from panelapp.domain.enums import ProposalStatus as PS
    from panelapp.gui.dialogs.proposal_progress_dialog import ProposalProgressDialog
    from panelapp.services.proposals.progress import post_progress
    from panelapp.services.proposals.queries import get_proposal

    ctx = both_window.ctx
    d = _proposal_in(ctx, PS.IN_PROGRESS)
    dialog = ProposalProgressDialog(both_window, d)
    dialog.show()
    post_progress(ctx, d.id, d.version, "자재 발주", 40)
    dialog.note_edit.setPlainText("시공 업체 선정")
    dialog.buttons.accepted.emit()
    step = step_shown(qtbot, dialog)
    rows = step_rows(step)
    assert "자재 발주" in rows["최근 처리"].theirs and rows["진행 상황"].mine == "시공 업체 선정"
    step.apply_button.click()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    notes = [e.note for e in get_proposal(ctx, d.id).events]
    assert notes[-2:] == ["자재 발주", "시공 업체 선정"]


def test_the_deadline_rules_merge_rules_changed_on_another_desktop(qtbot, both_window):
    from dataclasses import replace

    from PySide6.QtWidgets import QSpinBox

    from panelapp.domain.enums import Severity
    from panelapp.gui.dialogs.deadline_rules_dialog import DeadlineRulesDialog
    from panelapp.services.org.deadlines import get_deadline_rules, save_deadline_rules

    ctx = both_window.ctx
    settings = get_deadline_rules(ctx)
    dialog = DeadlineRulesDialog(both_window, settings)
    dialog.show()
    keys = [(r.severity, r.category) for r in settings.rules]
    urgent, high = keys.index((Severity.URGENT, None)), keys.index((Severity.HIGH, None))
    theirs = list(settings.rules)
    theirs[high] = replace(theirs[high], days=3)
    save_deadline_rules(ctx, theirs, settings.version)  # the other desktop: 높음 in 3 days
    spin = dialog.table.cellWidget(urgent, 2)
    assert isinstance(spin, QSpinBox)
    spin.setValue(2)  # I: 긴급(안전) in 2 days
    dialog.buttons.accepted.emit()
    step = step_shown(qtbot, dialog)
    rows = step_rows(step)
    assert (rows["높음 · 전체"].before, rows["높음 · 전체"].theirs, rows["높음 · 전체"].mine) == (
        "5 근무일", "3 근무일", "5 근무일"
    )  # fmt: skip
    assert rows["긴급(안전) · 전체"].mine == "2 근무일" and not rows["긴급(안전) · 전체"].theirs_changed
    assert get_deadline_rules(ctx).rules[urgent].days == 1
    step.apply_button.click()
    assert not closed(dialog) and "반영했습니다" in dialog.error_label.text()
    shown = {(r.severity, r.category): r.days for r in dialog.rules()}
    assert shown[(Severity.URGENT, None)] == 2 and shown[(Severity.HIGH, None)] == 3
    dialog.buttons.accepted.emit()  # saved on the current version now
    qtbot.waitUntil(lambda: closed(dialog), timeout=10000)
    stored = {(r.severity, r.category): r.days for r in get_deadline_rules(ctx).rules}
    assert stored[(Severity.URGENT, None)] == 2 and stored[(Severity.HIGH, None)] == 3


def test_a_facility_type_renamed_on_another_desktop_is_shown_beside_my_name(qtbot, page):
    from panelapp.gui.dialogs.facility_types_dialog import FacilityTypesDialog
    from panelapp.services.registers.facilities import rename_facility_type

    ctx = page.window_.ctx
    dialog = FacilityTypesDialog(page.window_)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.types), timeout=10000)
    park = next(t for t in dialog.types if t.name == "공원")
    rename_facility_type(ctx, park.id, "근린공원", park.version)  # the other desktop
    item = next(
        dialog.list.item(i) for i in range(dialog.list.count()) if dialog.list.item(i).text() == "공원"
    )
    item.setText("도시공원")  # renamed in the list here
    qtbot.waitUntil(lambda: dialog.stale_rename.step_dialog is not None, timeout=10000)
    step = dialog.stale_rename.step_dialog
    (row,) = step.rows
    assert (row.label, row.before, row.theirs, row.mine) == ("유형 이름", "공원", "근린공원", "도시공원")
    assert {t.name for t in list_facility_types(ctx)} >= {"근린공원"}  # nothing of mine yet
    step.apply_button.click()
    qtbot.waitUntil(lambda: any(t.name == "도시공원" for t in list_facility_types(ctx)), timeout=10000)
    assert not closed(dialog)  # the list dialog stays
    dialog.reject()


def test_a_password_reset_on_an_account_changed_meanwhile_is_shown_then_applied(qtbot, ctx):
    from panelapp.domain.enums import UserRole
    from panelapp.gui.dialogs.login_dialog import PasswordDialog
    from panelapp.services.people.accounts import authenticate, create_first_admin, lock_account
    from panelapp.services.people.users import create_user, find_user

    create_first_admin(ctx, "테스트담당자", "admin-pass-26")
    create_user(ctx, "김담당", UserRole.COORDINATOR, password="kim-pass-26")
    kim = find_user(ctx, "김담당")
    window = Window(ctx)
    qtbot.addWidget(window)
    reset = PasswordDialog(window, ctx, "reset", kim)
    reset.show()
    lock_account(ctx, kim.id)  # another 관리자 locked the account meanwhile
    reset.ui.newEdit.setText("new-temp-26")
    reset.ui.confirmEdit.setText("new-temp-26")
    reset.submit()
    qtbot.waitUntil(
        lambda: reset.stale_step is not None and reset.stale_step.step_dialog is not None, timeout=10000
    )
    step = reset.stale_step.step_dialog
    rows = step_rows(step)
    assert (rows["계정 상태"].before, rows["계정 상태"].theirs) == ("사용 중", "잠김")
    step.copy_button.click()
    assert "new-temp-26" not in QGuiApplication.clipboard().text()  # never the password itself
    with qtbot.waitSignal(reset.finished, timeout=10000):
        step.apply_button.click()
    assert find_user(ctx, "김담당").must_change_password
    with pytest.raises(Exception):  # noqa: B017 - the old password no longer opens it
        authenticate(ctx, "김담당", "kim-pass-26")
    wait_for_all()
