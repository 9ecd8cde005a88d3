"""확인할 개선사항 (issue 14 item 7): the next visit of a facility checks its completed proposals.
개선 확인 is recorded in the proposal's history; 미흡 (with a note, optionally a photo) reopens it."""

import datetime as dt

import pytest
from PIL import Image
from schedule_world import build_world
from sqlalchemy import select
from test_results_service import all_required

from panelapp.db.models import ProposalVerification
from panelapp.domain.enums import ProposalStatus, VerificationOutcome
from panelapp.domain.errors import ValidationError
from panelapp.services.attachments.photos import list_attachments
from panelapp.services.context import reading
from panelapp.services.inspections.scheduling import create_inspection
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal, move_proposal
from panelapp.services.results.entry import Completion, complete_inspection, get_result_sheet, save_results
from panelapp.services.results.verifications import VerificationChoice, add_verification_photo

D = dt.date
CONFIRMED, INSUFFICIENT = VerificationOutcome.CONFIRMED, VerificationOutcome.INSUFFICIENT
TODAY = D(2026, 6, 30)


def done_proposal(ctx, w, title, completed_on, facility=None):
    """A proposal of the facility (the gym by default) answered and completed on the given day."""
    p, _undo = create_proposal(
        ctx,
        ProposalInput(
            w.cohort_id,
            title,
            proposal="고쳐 주세요",
            facility_id=facility or w.gym,
            submitted_on=D(2026, 4, 1),
        ),
        today=D(2026, 4, 1),
    )
    p = move_proposal(ctx, p.id, ProposalStatus.REVIEWING, p.version, on=D(2026, 4, 2), today=TODAY)
    p = move_proposal(
        ctx, p.id, ProposalStatus.ACCEPTED, p.version, answer="하겠습니다", on=D(2026, 4, 3), today=TODAY
    )
    return move_proposal(
        ctx, p.id, ProposalStatus.DONE, p.version, result="고쳤습니다", on=completed_on, today=TODAY
    )


@pytest.fixture
def visit(ctx):
    """The gym: two proposals completed before the visit on 6/10, one after it, one still open,
    one of another facility; and the visit itself."""
    w = build_world(ctx)
    early = done_proposal(ctx, w, "샤워실 배수구 교체", D(2026, 5, 20))
    second = done_proposal(ctx, w, "계단 미끄럼방지", D(2026, 6, 1))
    later = done_proposal(ctx, w, "조명 교체", D(2026, 6, 15))
    other = done_proposal(ctx, w, "공원 벤치 수리", D(2026, 5, 20), facility=w.park_fac)
    create_proposal(
        ctx, ProposalInput(w.cohort_id, "주차 안내판", proposal="새로", facility_id=w.gym), today=TODAY
    )
    insp = create_inspection(ctx, w.draft(day=D(2026, 6, 10)))
    return w, insp, early, second, later, other


def completion(w, day=D(2026, 6, 10)):
    return Completion(
        dt.datetime.combine(day, dt.time(10)), dt.datetime.combine(day, dt.time(11)), (w.lead, w.kim)
    )


def test_only_completed_proposals_of_the_facility_before_the_visit_are_listed(ctx, visit):
    w, insp, early, second, later, other = visit
    sheet = get_result_sheet(ctx, insp.id)
    assert [v.title for v in sheet.verifications] == ["샤워실 배수구 교체", "계단 미끄럼방지"]
    first = sheet.verifications[0]
    assert first.completed_on == D(2026, 5, 20) and first.result_text == "고쳤습니다"
    assert first.outcome is None and not first.recorded and first.department is None
    # a proposal confirmed at an earlier visit is not listed at the next one
    earlier = create_inspection(ctx, w.draft(day=D(2026, 6, 5)))
    s0 = get_result_sheet(ctx, earlier.id)
    assert [v.title for v in s0.verifications] == ["샤워실 배수구 교체", "계단 미끄럼방지"]
    complete_inspection(
        ctx,
        earlier.id,
        all_required(s0),
        completion(w, D(2026, 6, 5)),
        s0.version,
        today=TODAY,
        verifications=[VerificationChoice(early.id, CONFIRMED)],
    )
    assert [v.title for v in get_result_sheet(ctx, insp.id).verifications] == ["계단 미끄럼방지"]
    # the visit that recorded it still shows it, recorded
    (held, _rest) = get_result_sheet(ctx, earlier.id).verifications
    assert held.proposal_id == early.id and held.recorded and held.outcome is CONFIRMED


def test_a_draft_keeps_the_choices_and_touches_no_proposal(ctx, visit):
    w, insp, early, second, *_ = visit
    sheet = get_result_sheet(ctx, insp.id)
    choices = [
        VerificationChoice(early.id, CONFIRMED),
        VerificationChoice(second.id, INSUFFICIENT, "아직 미끄러움"),
    ]
    sheet = save_results(ctx, insp.id, [], sheet.version, verifications=choices)
    again = get_result_sheet(ctx, insp.id)
    assert [(v.outcome, v.note, v.recorded) for v in again.verifications] == [
        (CONFIRMED, None, False),
        (INSUFFICIENT, "아직 미끄러움", False),
    ]
    assert get_proposal(ctx, second.id).status == ProposalStatus.DONE
    assert len(get_proposal(ctx, early.id).events) == len(early.events)
    # cleared again: the draft row goes
    save_results(ctx, insp.id, [], again.version, verifications=[VerificationChoice(early.id, None)])
    with reading(ctx) as s:
        rows = s.scalars(select(ProposalVerification.proposal_id)).all()
    assert rows == [second.id]


def test_confirm_records_the_check_in_the_history(ctx, visit):
    w, insp, early, *_ = visit
    sheet = get_result_sheet(ctx, insp.id)
    done = complete_inspection(
        ctx,
        insp.id,
        all_required(sheet),
        completion(w),
        sheet.version,
        today=TODAY,
        verifications=[VerificationChoice(early.id, CONFIRMED, "배수 잘 됨")],
    )
    p = get_proposal(ctx, early.id)
    assert p.status == ProposalStatus.DONE and p.completed_on == D(2026, 5, 20)
    last = p.events[-1]
    assert last.is_verification and not last.is_progress
    assert last.note == "현장 확인: 개선 확인 (2026-06-10 한빛국민체육센터 점검)\n배수 잘 됨"
    assert last.user_name == "테스트담당자" and last.happened_on == D(2026, 6, 10)
    (v, _second) = done.verifications
    assert v.recorded and v.visited_on == D(2026, 6, 10)


def test_insufficient_reopens_the_proposal_with_its_history(ctx, visit, tmp_path):
    w, insp, early, second, *_ = visit
    sheet = get_result_sheet(ctx, insp.id)
    photo = tmp_path / "계단.jpg"
    Image.new("RGB", (40, 30), (90, 90, 90)).save(photo, "JPEG")
    item = add_verification_photo(ctx, insp.id, second.id, photo)
    assert item.outcome is INSUFFICIENT and item.photos == 1
    with pytest.raises(ValidationError, match="미흡이면 무엇이 미흡한지"):
        complete_inspection(
            ctx,
            insp.id,
            all_required(sheet),
            completion(w),
            sheet.version,
            today=TODAY,
            verifications=[VerificationChoice(second.id, INSUFFICIENT)],
        )
    assert get_proposal(ctx, second.id).status == ProposalStatus.DONE  # nothing half-done
    complete_inspection(
        ctx,
        insp.id,
        all_required(sheet),
        completion(w),
        sheet.version,
        today=TODAY,
        verifications=[VerificationChoice(second.id, INSUFFICIENT, "끝부분이 들떠 있음")],
    )
    p = get_proposal(ctx, second.id)
    assert p.status == ProposalStatus.IN_PROGRESS and p.completed_on is None
    last = p.events[-1]
    assert (last.from_status, last.to_status) == (ProposalStatus.DONE, ProposalStatus.IN_PROGRESS)
    assert last.note.startswith("현장 확인: 미흡 (2026-06-10 한빛국민체육센터 점검)\n끝부분이 들떠 있음")
    assert last.user_name == "테스트담당자"
    with reading(ctx) as s:
        vid = s.scalar(select(ProposalVerification.id).where(ProposalVerification.proposal_id == second.id))
    assert [a.original_name for a in list_attachments(ctx, "proposal_verification", vid)] == ["계단.jpg"]
    # recorded: not changed again, and completing it again brings it to the visit after
    again = get_result_sheet(ctx, insp.id)
    with pytest.raises(ValidationError, match="이미 기록된"):
        save_results(
            ctx, insp.id, [], again.version, verifications=[VerificationChoice(second.id, CONFIRMED)]
        )
    p = move_proposal(
        ctx, second.id, ProposalStatus.DONE, p.version, result="다시 붙임", on=D(2026, 6, 20), today=TODAY
    )
    nxt = create_inspection(ctx, w.draft(day=D(2026, 6, 25)))
    assert second.id in [v.proposal_id for v in get_result_sheet(ctx, nxt.id).verifications]


def test_a_choice_for_a_proposal_not_listed_is_refused(ctx, visit):
    w, insp, early, second, later, other = visit
    sheet = get_result_sheet(ctx, insp.id)
    for pid in (later.id, other.id):
        with pytest.raises(ValidationError, match="이 점검에서 확인할 제안이 아닙니다"):
            save_results(ctx, insp.id, [], sheet.version, verifications=[VerificationChoice(pid, CONFIRMED)])


def test_the_export_fills_its_check_column(ctx, visit, tmp_path):
    from openpyxl import load_workbook

    from panelapp.services.proposals.full_export import export_all_proposals

    w, insp, early, second, later, _other = visit
    sheet = get_result_sheet(ctx, insp.id)
    complete_inspection(
        ctx,
        insp.id,
        all_required(sheet),
        completion(w),
        sheet.version,
        today=TODAY,
        verifications=[
            VerificationChoice(early.id, CONFIRMED),
            VerificationChoice(second.id, INSUFFICIENT, "들뜸"),
        ],
    )
    out = tmp_path / "제안.xlsx"
    export_all_proposals(ctx, w.cohort_id, out)
    rows = list(load_workbook(out)["개선제안 전체"].iter_rows(values_only=True))
    col = rows[0].index("확인 결과")
    checks = {r[1]: r[col] for r in rows[1:]}
    assert checks == {
        "샤워실 배수구 교체": "개선 확인 (2026-06-10)",
        "계단 미끄럼방지": "미흡 (2026-06-10)",
        "조명 교체": "확인 전",
        "공원 벤치 수리": "확인 전",
        "주차 안내판": None,
    }
    history = list(load_workbook(out)["처리 이력"].iter_rows(values_only=True))
    assert any(h[1] == "계단 미끄럼방지" and h[3] == "완료" and h[4] == "추진중" for h in history)


def test_the_report_counts_confirmed_improvements_apart_from_claimed_ones(ctx, visit, tmp_path):
    import re
    import zipfile

    from pypdf import PdfReader

    from panelapp.domain.report_data import ReportOptions
    from panelapp.reports import board_report as br
    from panelapp.services.reporting.files import write_report
    from panelapp.services.reporting.query import build_report_data

    w, insp, early, second, later, other = visit
    sheet = get_result_sheet(ctx, insp.id)
    complete_inspection(
        ctx,
        insp.id,
        all_required(sheet),
        completion(w),
        sheet.version,
        today=TODAY,
        verifications=[
            VerificationChoice(early.id, CONFIRMED),
            VerificationChoice(second.id, INSUFFICIENT, "들뜸"),
        ],
    )
    options = ReportOptions(w.cohort_id, report_date=TODAY)
    data = build_report_data(ctx, options)
    s = data.summary
    # 완료 claimed: 조명 교체, 공원 벤치 수리, 샤워실 배수구 교체 (계단 is 추진중 again); confirmed: one
    assert (s.done, s.verified, s.insufficient) == (3, 1, 1)
    assert s.verification_text == "완료 3건 중 현장 확인 1건(확인 전 2건), 현장 확인 미흡 1건(다시 추진중)"
    rows = {p.title: p for p in data.proposals}
    assert rows["샤워실 배수구 교체"].verified_on == D(2026, 6, 10)
    assert rows["조명 교체"].verified_on is None and rows["계단 미끄럼방지"].verified_on is None
    assert rows["계단 미끄럼방지"].reopened and rows["계단 미끄럼방지"].result_text is None  # not done now
    files = {k: tmp_path / f"보고.{k}" for k in ("pdf", "xlsx", "hwpx", "docx")}
    write_report(ctx, options, files["pdf"], files["xlsx"], hwpx_path=files["hwpx"], docx_path=files["docx"])

    def norm(text):
        return re.sub(r"\s+", "", text)

    pdf = norm("".join(page.extract_text() for page in PdfReader(files["pdf"]).pages))
    assert norm("완료 3건 중 현장 확인 1건(확인 전 2건), 현장 확인 미흡 1건(다시 추진중)") in pdf
    assert norm("현장 확인 2026.06.10") in pdf or norm("현장확인2026.6.10") in pdf
    for kind in ("hwpx", "docx"):
        with zipfile.ZipFile(files[kind]) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        assert "완료 3건 중 현장 확인 1건(확인 전 2건), 현장 확인 미흡 1건(다시 추진중)" in xml, kind
    outline = br.build_board_report(data, br.attachment_names(True, True))
    assert any("현장 확인" in line for line in outline.texts())
    import dataclasses

    reopened = dataclasses.replace(data, proposals=tuple(p for p in data.proposals if p.reopened))
    texts = br.build_board_report(reopened, br.attachment_names(True, True)).texts()
    assert any("처리 결과: 추진중" in line and "현장 확인 결과 미흡" in line for line in texts)
    assert not any("고쳤습니다" in line for line in texts)  # its old 완료 내용 is no result
    from openpyxl import load_workbook

    book = load_workbook(files["xlsx"])
    summary = {r[0]: r[1] for r in book.worksheets[0].iter_rows(values_only=True)}
    assert (summary["완료"], summary["완료 중 현장 확인(다음 점검에서 개선 확인)"]) == (3, 1)
    assert summary["현장 확인 미흡(다시 추진중)"] == 1
    # the 개선제안 sheet's 확인 결과 reads as the export's; a reopened one shows no 완료 내용
    sheet_rows = list(book["개선제안"].iter_rows(values_only=True))
    head = sheet_rows[0]
    by_title = {r[head.index("개선제안")]: r for r in sheet_rows[1:]}
    checks = {t: r[head.index("확인 결과")] for t, r in by_title.items()}
    assert checks == {
        "샤워실 배수구 교체": "개선 확인 (2026-06-10)",
        "계단 미끄럼방지": "미흡 (2026-06-10)",
        "조명 교체": "확인 전",
        "공원 벤치 수리": "확인 전",
        "주차 안내판": None,
    }
    assert by_title["계단 미끄럼방지"][head.index("완료 내용")] is None
    assert by_title["샤워실 배수구 교체"][head.index("완료 내용")] == "고쳤습니다"
    # a period that ends before the visit counts no check of it
    before = build_report_data(ctx, ReportOptions(w.cohort_id, date_to=D(2026, 6, 9), report_date=TODAY))
    assert (before.summary.verified, before.summary.insufficient) == (0, 0)
    assert {p.title: p.check for p in before.proposals}["샤워실 배수구 교체"] == "확인 전"


def test_check_photos_are_read_once_recorded_and_within_the_department_scope(ctx, visit, tmp_path):
    from panelapp.domain.errors import NotFoundError
    from panelapp.services.results.verifications import check_photos

    w, insp, early, second, *_ = visit
    photo = tmp_path / "계단.jpg"
    Image.new("RGB", (40, 30), (90, 90, 90)).save(photo, "JPEG")
    add_verification_photo(ctx, insp.id, second.id, photo)
    assert check_photos(ctx, second.id) == []  # a draft is still the team's
    sheet = get_result_sheet(ctx, insp.id)
    complete_inspection(
        ctx,
        insp.id,
        all_required(sheet),
        completion(w),
        sheet.version,
        today=TODAY,
        verifications=[VerificationChoice(second.id, INSUFFICIENT, "들뜸")],
    )
    (shot,) = check_photos(ctx, second.id)
    assert (shot.original_name, shot.visited_on, shot.outcome, shot.note) == (
        "계단.jpg",
        D(2026, 6, 10),
        INSUFFICIENT,
        "들뜸",
    )
    with pytest.raises(NotFoundError):
        check_photos(ctx, 999_999)
    # a 부서 담당자 reads its own department's proposals only (the proposal has none)
    from test_department_desk import acting

    from panelapp.domain.enums import UserRole
    from panelapp.services.registers.departments import DepartmentInput, create_department

    other = create_department(ctx, DepartmentInput("공원녹지과", "이공원", "042-610-1300"))
    with pytest.raises(NotFoundError):
        check_photos(acting(ctx, "이공원", UserRole.DEPARTMENT, other.id), second.id)
