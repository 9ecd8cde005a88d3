"""Members' names in free text (issue 12 item 7): a finding's description, a proposal's texts,
notes and feedback may name a member; a masked role reads those names masked (김*희), a 담당자
reads the text as typed, and a masked text is never saved back over the real one.

The walk of every output path (tests/test_every_output_masked.py) plants names in every free text
and checks the outputs; this file checks the scan itself, the names' cache, the edits, and that a
purpose unmasks the texts too."""

from __future__ import annotations

import pytest
from conftest import TEST_PASSWORD
from sqlalchemy import select

from panelapp.db.models import (
    ChecklistResponse,
    Enrollment,
    Finding,
    Inspection,
    InspectionAssignment,
    Member,
    Proposal,
    User,
)
from panelapp.domain.enums import AssignmentRole, InspectionStatus
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.findings.manage import FindingInput, get_finding, update_finding
from panelapp.services.people.accounts import authenticate
from panelapp.services.permissions import PermissionDenied


# ----- the scan -----------------------------------------------------------------------------------
def test_names_in_text_masks_the_longest_name_at_each_place():
    people = ["남궁민", "남궁민수", "김영희", "박철수"]
    text = "남궁민수 단원과 김영희님, 그리고 박철수가 제안했습니다"
    assert masking.names_in_text(text, people) == "남**수 단원과 김*희님, 그리고 박*수가 제안했습니다"
    assert masking.names_in_text("남궁민 단원", people) == "남*민 단원"
    assert masking.names_in_text(text, people, masked=False) == text
    assert masking.names_in_text(None, people) is None
    assert masking.names_in_text("김*희 단원", people) == "김*희 단원"  # masked already


def test_a_two_syllable_name_is_masked_only_where_a_word_begins():
    """김구 is a name; 장나 is also the middle of 고장나서: two syllables inside a word are too
    often an ordinary word's."""
    finder = masking.MemberNames(["김구", "장나"])
    assert finder.mask("김구가 왔고 고장나서 장나 씨가 고쳤다") == "김*가 왔고 고장나서 장* 씨가 고쳤다"


def test_names_in_latin_letters_are_found_too():
    finder = masking.MemberNames(["John Smith", "김영희"])
    assert finder.mask("John Smith and 김영희") == "J********h and 김*희"
    assert len(finder) == 2


def test_the_scan_is_one_pass_not_one_search_per_name():
    """100,000 names: masking a text costs about what a few hundred set lookups cost, not 100,000
    substring searches (benchmarks/bench_text_masking.py measures it)."""
    import time

    syllables = "가나다라마바사아자차카타파하거너더러머버서어저처"
    names = [f"{a}{b}{c}" for a in "김이박최정강조윤장임" for b in syllables for c in syllables][:100_000]
    finder = masking.MemberNames(names)
    text = "2층 화장실 문이 고장나 있었습니다. 김나다 단원이 제안했습니다. " * 10
    start = time.perf_counter()
    for _ in range(20):
        out = finder.mask(text)
    per_text = (time.perf_counter() - start) / 20
    start = time.perf_counter()
    for _ in range(20):
        [n for n in names if n in text]  # the naive way: every name looked for
    naive = (time.perf_counter() - start) / 20
    assert "김*다 단원이" in out
    assert per_text * 5 < naive, (per_text, naive)


# ----- the names, read once and kept until the members change --------------------------------------
def _login(ctx: ServiceContext, name: str) -> ServiceContext:
    other = ServiceContext(db=ctx.db)
    authenticate(other, name, TEST_PASSWORD)
    return other


def test_the_names_follow_the_members_table(sqlite_demo_ctx):
    ctx = sqlite_demo_ctx
    with reading(ctx) as s:
        first = masking.member_names(s)
        assert masking.member_names(s) is first  # nothing changed: the same names
        member_id, old = s.execute(
            select(Member.id, Member.name).where(Member.destroyed_at.is_(None)).order_by(Member.id).limit(1)
        ).one()
    with transaction(ctx) as s:
        s.get(Member, member_id).name = "제갈공명"
    with reading(ctx) as s:
        shown = masking.text_masker(s, True)
        assert shown("제갈공명 단원이 제안") == "제**명 단원이 제안"
        # another member of the same name would still be masked; the demo has none by default
        others = s.scalar(select(Member.id).where(Member.name == old, Member.id != member_id).limit(1))
        assert (shown(f"{old} 단원") == f"{old} 단원") is (others is None)
    with transaction(ctx) as s:  # destroyed: the name is gone from the data, and from the list
        gone = s.get(Member, member_id)
        gone.name, gone.destroyed_at = f"파기된 단원 #{gone.id}", gone.updated_at
    with reading(ctx) as s:
        assert masking.text_masker(s, True)("제갈공명 단원") == "제갈공명 단원"
        assert masking.text_masker(s, False) is masking.text_masker(s, False)  # no query when unmasked


# ----- editing: a masked text is never saved back ---------------------------------------------------
@pytest.fixture
def lead_world(sqlite_demo_ctx):
    """The demo's 조장, the 담당자, a completed visit the 조장 leads with a finding whose
    description names a member, and that member's name."""
    ctx = sqlite_demo_ctx
    lead, coordinator = _login(ctx, "조장"), _login(ctx, "담당자")
    with transaction(ctx) as s:
        member_id = s.get(User, lead.user_id).member_id
        led = (
            select(InspectionAssignment.inspection_id)
            .join(Enrollment, Enrollment.id == InspectionAssignment.enrollment_id)
            .where(InspectionAssignment.role == AssignmentRole.LEAD, Enrollment.member_id == member_id)
        )
        own = s.scalar(
            select(Inspection.id)
            .where(
                Inspection.id.in_(led),
                Inspection.status == InspectionStatus.COMPLETED,
                Inspection.deleted_at.is_(None),
            )
            .order_by(Inspection.id)
            .limit(1)
        )
        named = s.scalar(
            select(Member.name)
            .where(Member.destroyed_at.is_(None), Member.id != member_id, Member.name.like("___"))
            .order_by(Member.id)
            .limit(1)
        )
        finding = s.scalar(select(Finding).where(Finding.inspection_id == own, Finding.deleted_at.is_(None)))
        if finding is None:
            pytest.skip("the demo's 조장 has no finding on a completed visit")
        finding.description = f"{named} 단원이 먼저 알려 주었습니다. 계단 손잡이가 흔들립니다."
        finding_id = finding.id
    return lead, coordinator, own, finding_id, named


def _input(info, **changed) -> FindingInput:
    values = dict(
        inspection_id=info.inspection_id,
        title=info.title,
        category=info.category,
        severity=info.severity,
        location=info.location,
        description=info.description,
        observed_on=info.observed_on,
    )
    values.update(changed)
    return FindingInput(**values)


def test_a_lead_reads_the_description_masked_and_saving_keeps_the_real_text(lead_world):
    from panelapp.domain.enums import Severity

    lead, coordinator, _own, finding_id, named = lead_world
    seen = get_finding(lead, finding_id)
    assert named not in seen.description and masking.name(named) in seen.description
    assert seen.texts_masked
    other = Severity.LOW if seen.severity is not Severity.LOW else Severity.HIGH
    saved, _undo = update_finding(lead, finding_id, _input(seen, severity=other), seen.version)
    assert named not in saved.description  # what a write returns is masked too
    real = get_finding(coordinator, finding_id)
    assert real.severity is other  # the change they could make was made...
    assert real.description.startswith(f"{named} 단원이")  # ...and the real text was kept
    assert not real.texts_masked


def test_a_lead_cannot_change_a_text_they_see_masked(lead_world):
    lead, coordinator, _own, finding_id, named = lead_world
    seen = get_finding(lead, finding_id)
    edited = _input(seen, description=seen.description + " 추가로 적음")
    with pytest.raises(
        PermissionDenied, match="내용은 단원 이름이 들어 있어 가려서 보이므로 고칠 수 없습니다"
    ):
        update_finding(lead, finding_id, edited, seen.version)
    assert get_finding(coordinator, finding_id).description.startswith(named)


def test_a_coordinator_edits_the_real_text(lead_world):
    _lead, coordinator, _own, finding_id, named = lead_world
    real = get_finding(coordinator, finding_id)
    assert real.description.startswith(named)
    text = f"{named} 단원과 다시 확인했습니다."
    saved, _undo = update_finding(coordinator, finding_id, _input(real, description=text), real.version)
    assert saved.description == text


def test_a_lead_s_result_notes_stay_real_when_saved_back(lead_world):
    from panelapp.services.results.entry import get_result_sheet, save_results

    lead, coordinator, own, _finding_id, named = lead_world
    with transaction(coordinator) as s:
        response = s.scalar(select(ChecklistResponse).where(ChecklistResponse.inspection_id == own).limit(1))
        response.note = f"{named} 단원이 사진을 찍음"
        item = response.item_id
    sheet = get_result_sheet(lead, own)
    mine = sheet.response(item)
    assert mine.note == f"{masking.name(named)} 단원이 사진을 찍음" and "note" in mine.masked
    save_results(lead, own, sheet.responses, sheet.version)
    assert get_result_sheet(coordinator, own).response(item).note == f"{named} 단원이 사진을 찍음"
    sheet = get_result_sheet(lead, own)
    from dataclasses import replace

    changed = [replace(r, note="고쳐 씀") if r.item_id == item else r for r in sheet.responses]
    with pytest.raises(PermissionDenied, match="메모는 단원 이름이 들어 있어"):
        save_results(lead, own, changed, sheet.version)


# ----- a purpose unmasks the texts as it unmasks the names ----------------------------------------
def test_an_export_with_a_purpose_keeps_the_names_in_the_texts(sqlite_demo_ctx, tmp_path):
    from openpyxl import load_workbook

    from panelapp.services.proposals.export import export_proposals
    from panelapp.services.proposals.queries import ProposalQuery

    coordinator = _login(sqlite_demo_ctx, "담당자")
    with transaction(coordinator) as s:
        p = s.scalars(select(Proposal).where(Proposal.deleted_at.is_(None)).order_by(Proposal.id)).first()
        named = s.scalar(select(Member.name).where(Member.name.like("___")).order_by(Member.id).limit(1))
        p.title = f"{named} 단원 제안: 경사로 설치"
        cohort = p.cohort_id

    def cells(path) -> str:
        book = load_workbook(path, read_only=True)
        return "\n".join(str(v) for row in book.worksheets[0].iter_rows(values_only=True) for v in row if v)

    masked = export_proposals(coordinator, ProposalQuery(cohort), "submitted", True, tmp_path / "a.xlsx")
    assert masked.masked and f"{masking.name(named)} 단원 제안" in cells(tmp_path / "a.xlsx")
    assert named not in cells(tmp_path / "a.xlsx")
    full = export_proposals(
        coordinator,
        ProposalQuery(cohort),
        "submitted",
        True,
        tmp_path / "b.xlsx",
        purpose="감사 자료(테스트)",
    )
    assert not full.masked and f"{named} 단원 제안" in cells(tmp_path / "b.xlsx")


def test_a_masked_role_searching_a_member_s_name_learns_nothing(sqlite_demo_ctx):
    from panelapp.services.search.query import search

    coordinator = _login(sqlite_demo_ctx, "담당자")
    with transaction(coordinator) as s:
        f = s.scalars(select(Finding).where(Finding.deleted_at.is_(None)).order_by(Finding.id)).first()
        named = s.scalar(select(Member.name).where(Member.name.like("___")).order_by(Member.id).limit(1))
        f.description = f"{named} 단원이 말한 미끄러운 경사로"
        fid = f.id
    assert any(h.kind == "finding" and h.id == fid for h in search(coordinator, named))
    viewer = _login(sqlite_demo_ctx, "열람자")
    assert search(viewer, named) == []
    hits = [h for h in search(viewer, "미끄러운 경사로") if h.id == fid]
    assert hits and named not in hits[0].snippet and masking.name(named) in hits[0].snippet


def test_a_department_s_step_title_naming_a_member_is_shown_masked_and_kept(sqlite_demo_ctx):
    """추진 단계: the 부서 담당자 reads a title that names a member masked; saving the step with
    another 예정일 keeps the real title, retyping the masked one is refused."""
    import datetime as dt

    from panelapp.db.models import ProposalMilestone
    from panelapp.services.proposals.milestones import MilestoneInput, edit_milestone
    from panelapp.services.proposals.queries import get_proposal

    desk, coordinator = _login(sqlite_demo_ctx, "부서담당"), _login(sqlite_demo_ctx, "담당자")
    with reading(desk) as s:
        department = s.get(User, desk.user_id).department_id
        step = s.scalar(
            select(ProposalMilestone)
            .join(Proposal, Proposal.id == ProposalMilestone.proposal_id)
            .where(Proposal.department_id == department, ProposalMilestone.done_on.is_(None))
            .order_by(ProposalMilestone.id)
            .limit(1)
        )
        if step is None:
            pytest.skip("the demo's department has no open step")
        step_id, proposal_id = step.id, step.proposal_id
        named = s.scalar(select(Member.name).where(Member.name.like("___")).order_by(Member.id).limit(1))
    with transaction(coordinator) as s:
        s.get(ProposalMilestone, step_id).title = f"{named} 단원과 현장 재확인"
    seen = get_proposal(desk, proposal_id)
    (mine,) = [m for m in seen.milestones if m.id == step_id]
    assert mine.title == f"{masking.name(named)} 단원과 현장 재확인" and mine.title_masked
    later = mine.planned_on + dt.timedelta(days=3)
    after = edit_milestone(desk, step_id, seen.version, MilestoneInput(mine.title, later, mine.weight))
    assert all(named not in m.title for m in after.milestones)  # returned masked
    real = [m for m in get_proposal(coordinator, proposal_id).milestones if m.id == step_id][0]
    assert real.title == f"{named} 단원과 현장 재확인" and real.planned_on == later
    again = get_proposal(desk, proposal_id)
    with pytest.raises(PermissionDenied, match="단계는 단원 이름이 들어 있어"):
        edit_milestone(
            desk, step_id, again.version, MilestoneInput("김*희 단원과 다른 일", later, mine.weight)
        )


def test_a_masked_role_s_list_filter_with_a_member_s_name_finds_nothing(sqlite_demo_ctx):
    """The 발견사항, 개선제안 and 좋아요·아쉬워요 filters match the texts: typing a member's full
    name must not narrow a masked role's list to the rows that name them."""
    from panelapp.services.engagement.feedback import FeedbackQuery, feedback_ids
    from panelapp.services.findings.listing import finding_ids
    from panelapp.services.findings.queries import FindingQuery, list_findings
    from panelapp.services.proposals.listing import proposal_ids
    from panelapp.services.proposals.queries import ProposalQuery, list_proposals

    coordinator = _login(sqlite_demo_ctx, "담당자")
    with transaction(coordinator) as s:
        named = s.scalar(select(Member.name).where(Member.name.like("___")).order_by(Member.id).limit(1))
        f = s.scalars(select(Finding).where(Finding.deleted_at.is_(None)).order_by(Finding.id)).first()
        f.description = f"{named} 단원이 말한 경사로"
        p = s.scalars(select(Proposal).where(Proposal.deleted_at.is_(None)).order_by(Proposal.id)).first()
        p.problem = f"{named} 단원이 겪은 불편"
        from panelapp.db.models import Feedback

        fb = s.scalars(select(Feedback).where(Feedback.deleted_at.is_(None)).order_by(Feedback.id)).first()
        fb.text = f"{named} 단원이 친절했어요"
        ids = f.id, p.id, fb.id
    for who, found in ((coordinator, True), (_login(sqlite_demo_ctx, "열람자"), False)):
        assert (ids[0] in finding_ids(who, FindingQuery(text=named))) is found
        assert (ids[0] in [x.id for x in list_findings(who, FindingQuery(text=named))]) is found
        assert (ids[1] in proposal_ids(who, ProposalQuery(text=named))) is found
        assert (ids[1] in [x.id for x in list_proposals(who, ProposalQuery(text=named))]) is found
        assert (ids[2] in feedback_ids(who, FeedbackQuery(search=named))) is found
    viewer = _login(sqlite_demo_ctx, "열람자")
    assert ids[0] in finding_ids(viewer, FindingQuery(text="경사로"))  # other words still filter


# ----- activities and facilities ----------------------------------------------------------------------
def _two_names(s) -> tuple[str, str]:
    first, second = s.scalars(
        select(Member.name)
        .where(Member.name.like("___"), Member.destroyed_at.is_(None))
        .distinct()
        .order_by(Member.name)
        .limit(2)
    )
    return first, second


def test_an_event_s_title_and_notes_naming_a_member_are_masked_for_a_viewer_and_in_the_file(
    sqlite_demo_ctx, tmp_path
):
    from openpyxl import load_workbook

    from panelapp.db.models import ActivityEvent
    from panelapp.services.activities.attendance import list_events
    from panelapp.services.activities.export import export_events

    coordinator = _login(sqlite_demo_ctx, "담당자")
    with transaction(coordinator) as s:
        named, _other = _two_names(s)
        event = s.scalars(
            select(ActivityEvent).where(ActivityEvent.deleted_at.is_(None)).order_by(ActivityEvent.id)
        ).first()
        event.title, event.notes = f"{named} 단원 간담회", f"{named}님이 사회"
        cohort, event_id = event.cohort_id, event.id
    shown = {e.id: e for e in list_events(coordinator, cohort)}[event_id]
    assert (shown.title, shown.notes) == (f"{named} 단원 간담회", f"{named}님이 사회")  # as typed
    viewer = {e.id: e for e in list_events(_login(sqlite_demo_ctx, "열람자"), cohort)}[event_id]
    assert (viewer.title, viewer.notes) == (
        f"{masking.name(named)} 단원 간담회",
        f"{masking.name(named)}님이 사회",
    )
    # a file leaves the program: the title masked even for the 담당자 (the list has no purpose)
    export_events(coordinator, cohort, tmp_path / "활동.xlsx")
    book = load_workbook(tmp_path / "활동.xlsx", read_only=True)
    cells = "\n".join(str(v) for row in book.worksheets[0].iter_rows(values_only=True) for v in row if v)
    assert f"{masking.name(named)} 단원 간담회" in cells and named not in cells


def test_a_certificate_names_its_member_but_masks_the_others_in_activity_titles(sqlite_demo_ctx):
    from panelapp.db.models import ActivityEvent, Attendance
    from panelapp.domain.localtime import today_local
    from panelapp.services.activities.certificates import certificate_data

    coordinator = _login(sqlite_demo_ctx, "담당자")
    with transaction(coordinator) as s:
        event, enrollment_id, own = s.execute(
            select(ActivityEvent, Enrollment.id, Member.name)
            .join(Attendance, Attendance.event_id == ActivityEvent.id)
            .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
            .join(Member, Member.id == Enrollment.member_id)
            .where(
                Attendance.present.is_(True),
                ActivityEvent.inspection_id.is_(None),
                ActivityEvent.deleted_at.is_(None),
                ActivityEvent.event_date <= today_local(),
                Enrollment.deleted_at.is_(None),
                Member.name.like("___"),
            )
            .order_by(ActivityEvent.id, Enrollment.id)
            .limit(1)
        ).one()
        other = s.scalar(
            select(Member.name)
            .where(Member.name.like("___"), Member.name != own, Member.destroyed_at.is_(None))
            .order_by(Member.name)
            .limit(1)
        )
        event.title = f"{own}·{other} 단원 발표회"
    titles = [a.title for a in certificate_data(coordinator, enrollment_id).activities]
    assert f"{own}·{masking.name(other)} 단원 발표회" in titles, titles  # its own member in full
    titles = [a.title for a in certificate_data(_login(sqlite_demo_ctx, "열람자"), enrollment_id).activities]
    assert f"{masking.name(own)}·{masking.name(other)} 단원 발표회" in titles, titles


def test_a_facility_s_notes_naming_a_member_are_masked_for_the_masked_roles(sqlite_demo_ctx):
    from panelapp.db.models import Facility
    from panelapp.services.registers.facilities import get_facility

    coordinator = _login(sqlite_demo_ctx, "담당자")
    with transaction(coordinator) as s:
        named, _other = _two_names(s)
        facility = s.scalars(
            select(Facility).where(Facility.deleted_at.is_(None)).order_by(Facility.id)
        ).first()
        facility.notes = f"담당 단원 {named}님 연락"
        facility_id = facility.id
    assert get_facility(coordinator, facility_id).notes == f"담당 단원 {named}님 연락"
    for role in ("조장", "부서담당", "열람자"):
        assert (
            get_facility(_login(sqlite_demo_ctx, role), facility_id).notes
            == f"담당 단원 {masking.name(named)}님 연락"
        )
