"""차년도 업무계획 (issue 14 item 8): carrying an ended cohort's adopted, unfinished proposals into
next year's plan (service, roles, idempotence, stale versions, history), the next cohort seeing
them (이월 과제), counts that never double, and the exports read back (openpyxl, pypdf), from the
service and from `panelapp proposals plan`."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from schedule_world import build_world
from sqlalchemy import func, select

from panelapp.db.models import Department, Enrollment, Member, PlanItem, Proposal, ProposalEvent, User
from panelapp.domain.enums import CohortStatus, UserRole
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.errors import ConcurrencyError, DomainError, ValidationError, ValidationErrors
from panelapp.domain.next_year_plan import HEADERS, Quarter, default_quarter, parse_cost, parse_quarter
from panelapp.services.cohorts.manage import CohortInput, close_cohort, create_cohort, get_cohort
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.permissions import PermissionDenied
from panelapp.services.proposals import next_year
from panelapp.services.proposals.listing import proposal_counts, proposal_ids
from panelapp.services.proposals.progress import post_progress
from panelapp.services.proposals.queries import ProposalQuery, get_proposal

D = dt.date
TODAY = D(2027, 1, 10)


def acting(ctx, name: str, role: UserRole, department_id: int | None = None) -> ServiceContext:
    with transaction(ctx) as s:
        user = User(name=name, role=role, department_id=department_id)
        s.add(user)
        s.flush()
        uid = user.id
    return ServiceContext(db=ctx.db, user_id=uid, user_name=name, role=role)


class PWorld:
    pass


@pytest.fixture
def w(ctx):
    return build(ctx)


def build(ctx, close: bool = True):
    """제7기 (2026-03-01 ~ 2026-12-31, closed) with proposals in every state, and 제8기 after it."""
    world = build_world(ctx)
    p = PWorld()
    p.ctx, p.cohort = ctx, world.cohort_id
    ids: dict[str, int] = {}
    with transaction(ctx) as s:
        sports = s.query(Department).filter_by(name="체육사업부").one()
        parks = Department(organization_id=sports.organization_id, name="공원녹지과")
        s.add(parks)
        s.flush()
        p.sports, p.parks = sports.id, parks.id
        proposer = s.get(Enrollment, world.kim)

        def add(title, dept, status, expected=None, dup_of=None):
            row = Proposal(
                cohort_id=world.cohort_id,
                department_id=dept,
                facility_id=world.gym,
                title=title,
                status=status,
                submitted_on=D(2026, 5, 1),
                answered_on=D(2026, 5, 10) if status not in (PS.SUBMITTED, PS.REVIEWING) else None,
                expected_on=expected,
                proposer_enrollment_id=proposer.id,
                duplicate_of_id=dup_of,
            )
            s.add(row)
            s.flush()
            ids[title] = row.id

        add("수영장 레인 교체", sports.id, PS.ACCEPTED, D(2027, 5, 20))
        add("체육관 조명", sports.id, PS.IN_PROGRESS)
        add("산책로 벤치", parks.id, PS.PARTIAL)
        add("끝난 제안", sports.id, PS.DONE)
        add("불채택 제안", sports.id, PS.DECLINED)
        add("검토중 제안", sports.id, PS.REVIEWING)
        add("중복 제안", sports.id, PS.ACCEPTED, dup_of=ids["수영장 레인 교체"])
        p.proposer_name = s.get(Member, proposer.member_id).name
    p.ids = ids
    if close:
        close_cohort(ctx, world.cohort_id, get_cohort(ctx, world.cohort_id).version)
    p.next = create_cohort(ctx, CohortInput(8, "제8기 시민참여단", D(2027, 3, 1), D(2027, 12, 31))).id
    return p


def _lines(sheet, **over):
    return [
        next_year.PlanInput(r.proposal_id, over.get("quarter", r.quarter), r.department_id, over.get("cost"))
        for r in sheet.candidates
    ]


def test_the_sheet_offers_adopted_unfinished_proposals_with_defaults(w):
    sheet = next_year.plan_sheet(w.ctx, w.cohort, today=TODAY)
    assert sheet.closed and not sheet.carried
    titles = {r.title: r for r in sheet.candidates}
    assert set(titles) == {
        "수영장 레인 교체",
        "체육관 조명",
        "산책로 벤치",
    }  # no done, declined, unanswered, duplicate
    assert titles["수영장 레인 교체"].quarter == Quarter(2027, 2)  # its 완료 예정일's quarter
    assert titles["체육관 조명"].quarter == Quarter(2027, 1)  # the year after the term's start
    assert titles["산책로 벤치"].department == "공원녹지과"  # the proposal's department by default


def test_a_plan_carried_late_defaults_to_a_quarter_still_to_come(w):
    """Carried in the autumn after the term, the defaults may not be quarters already over
    (save_plan refuses those): every candidate starts at today's quarter at the earliest, and
    carrying everything with the defaults goes through."""
    late = D(2027, 8, 20)
    sheet = next_year.plan_sheet(w.ctx, w.cohort, today=late)
    assert sheet.candidates and all(r.quarter >= Quarter(2027, 3) for r in sheet.candidates)
    assert next_year.carry_all(w.ctx, w.cohort, today=late).sentence.startswith("차년도 업무계획")


def test_carrying_writes_items_and_history_and_twice_does_not_duplicate(w):
    sheet = next_year.plan_sheet(w.ctx, w.cohort, today=TODAY)
    saved = next_year.save_plan(w.ctx, w.cohort, _lines(sheet, cost=1_000_000), today=TODAY)
    assert (saved.carried, saved.updated, saved.unchanged) == (3, 0, 0)
    again = next_year.save_plan(w.ctx, w.cohort, _lines(sheet, cost=1_000_000), today=TODAY)
    assert (again.carried, again.updated, again.unchanged) == (0, 0, 3)
    assert (
        next_year.carry_all(w.ctx, w.cohort, today=TODAY).sentence == "차년도 업무계획에 바뀐 것이 없습니다."
    )
    with reading(w.ctx) as s:
        assert s.scalar(select(func.count()).select_from(PlanItem)) == 3
        notes = s.scalars(
            select(ProposalEvent.note).where(
                ProposalEvent.proposal_id == w.ids["체육관 조명"], ProposalEvent.kind == "plan_carry"
            )
        ).all()
    assert notes == ["차년도 업무계획으로 이월 (제7기 → 2027년 1분기)"]
    events = get_proposal(w.ctx, w.ids["체육관 조명"]).events
    assert any(e.kind == "plan_carry" and not e.is_progress for e in events)


def test_editing_an_item_needs_its_version_and_a_stale_one_saves_nothing(w):
    next_year.carry_all(w.ctx, w.cohort, today=TODAY)
    sheet = next_year.plan_sheet(w.ctx, w.cohort, today=TODAY)
    row = next(r for r in sheet.carried if r.title == "체육관 조명")
    edit = next_year.PlanInput(
        row.proposal_id, "2027년 3분기", row.department_id, 5_000_000, "예산 확보 후", row.version
    )
    assert next_year.save_plan(w.ctx, w.cohort, [edit], today=TODAY).updated == 1
    with pytest.raises(ConcurrencyError):  # the same dialog saving again on its old version
        next_year.save_plan(
            w.ctx, w.cohort, [edit.__class__(**{**edit.__dict__, "estimated_cost": 6})], today=TODAY
        )
    with pytest.raises(ConcurrencyError):  # an unversioned line with other values: someone carried it
        next_year.save_plan(
            w.ctx,
            w.cohort,
            [next_year.PlanInput(row.proposal_id, "2027년 4분기", row.department_id)],
            today=TODAY,
        )
    data = next_year.plan_data(w.ctx, w.cohort, today=TODAY)
    item = next(r for r in data.rows if r.title == "체육관 조명")
    assert (item.estimated_cost, item.quarter.label, item.note) == (5_000_000, "2027년 3분기", "예산 확보 후")


def test_bad_lines_are_named_by_proposal_and_field_and_nothing_is_saved(w):
    sheet = next_year.plan_sheet(w.ctx, w.cohort, today=TODAY)
    a, b, c = sheet.candidates
    lines = [
        next_year.PlanInput(a.proposal_id, "2027년 5분기", a.department_id),
        next_year.PlanInput(b.proposal_id, "2027년 2분기", b.department_id, -5),
        next_year.PlanInput(c.proposal_id, "2027년 2분기", c.department_id),
    ]
    with pytest.raises(ValidationErrors) as caught:
        next_year.save_plan(w.ctx, w.cohort, lines, today=TODAY)
    fields = [e.field for e in caught.value.errors]
    assert fields == [f"#{a.proposal_id} 목표 분기", f"#{b.proposal_id} 예상 비용"]
    with pytest.raises(ValidationError, match="#.* 상태의 제안은 이월할 수 없습니다|이월할 수 없습니다"):
        next_year.save_plan(
            w.ctx, w.cohort, [next_year.PlanInput(w.ids["끝난 제안"], "2027년 1분기")], today=TODAY
        )
    with reading(w.ctx) as s:
        assert s.scalar(select(func.count()).select_from(PlanItem)) == 0


def test_quarter_and_cost_parsing():
    assert parse_quarter("2027년 2분기") == Quarter(2027, 2)
    assert parse_quarter("27년 3분기") == Quarter(2027, 3)
    assert parse_quarter("2027-4") == Quarter(2027, 4)
    assert parse_quarter("2027Q1") == Quarter(2027, 1)
    for bad in ("", "2027년 5분기", "내년 봄", "2027"):
        with pytest.raises(ValidationError, match="목표 분기"):
            parse_quarter(bad)
    with pytest.raises(ValidationError, match="10년"):
        parse_quarter("2045년 1분기", around=2026)
    assert parse_cost("1,200,000원") == 1_200_000
    assert parse_cost("120만") == 1_200_000
    assert parse_cost("3억 5천만") == 350_000_000
    assert parse_cost("") is None
    with pytest.raises(ValidationError, match="예상 비용"):
        parse_cost("많이")
    assert default_quarter(D(2026, 3, 1), D(2027, 1, 31), None) == Quarter(2027, 1)
    assert default_quarter(D(2026, 3, 1), D(2026, 12, 31), D(2027, 8, 1)) == Quarter(2027, 3)
    # carried late (제6기 of 2025, carried in 2026-12): never a quarter already over
    assert default_quarter(D(2025, 3, 1), D(2025, 12, 31), D(2026, 2, 1), D(2026, 12, 2)) == Quarter(2026, 4)
    assert default_quarter(D(2026, 3, 1), D(2026, 12, 31), None, D(2026, 12, 2)) == Quarter(2027, 1)


def test_an_active_cohort_far_from_its_end_cannot_carry(w):
    from panelapp.db.models import Cohort

    with transaction(w.ctx) as s:
        c = s.get(Cohort, w.cohort)
        c.status = CohortStatus.ACTIVE
    with pytest.raises(DomainError, match="아직 활동 중"):
        next_year.carry_all(w.ctx, w.cohort, today=D(2026, 6, 1))
    assert next_year.carry_all(w.ctx, w.cohort, today=D(2026, 11, 1)).carried == 3  # ending: allowed


def test_removing_an_item_takes_it_out_with_a_history_entry(w):
    next_year.carry_all(w.ctx, w.cohort, today=TODAY)
    row = next(
        r for r in next_year.plan_sheet(w.ctx, w.cohort, today=TODAY).carried if r.title == "산책로 벤치"
    )
    saved = next_year.save_plan(w.ctx, w.cohort, [], remove=[(row.item_id, row.version)], today=TODAY)
    assert saved.removed == 1
    sheet = next_year.plan_sheet(w.ctx, w.cohort, today=TODAY)
    assert "산책로 벤치" in [r.title for r in sheet.candidates]
    assert any(e.kind == "plan_remove" for e in get_proposal(w.ctx, row.proposal_id).events)


def test_roles_coordinator_writes_others_read_department_sees_its_own(w):
    viewer = acting(w.ctx, "최열람", UserRole.VIEWER)
    desk = acting(w.ctx, "김부서", UserRole.DEPARTMENT, w.parks)
    lead = acting(w.ctx, "박조장", UserRole.LEAD)
    for other in (viewer, desk, lead):
        with pytest.raises(PermissionDenied):
            next_year.carry_all(other, w.cohort, today=TODAY)
        with pytest.raises(PermissionDenied):
            next_year.plan_sheet(other, w.cohort, today=TODAY)
    admin = acting(w.ctx, "관리자", UserRole.ADMIN)
    assert next_year.carry_all(admin, w.cohort, today=TODAY).carried == 3
    assert next_year.plan_data(viewer, w.cohort, today=TODAY).count == 3
    assert [r.title for r in next_year.plan_data(desk, w.cohort, today=TODAY).rows] == ["산책로 벤치"]
    assert next_year.carried_into(desk, w.next).count == 1


def test_a_carried_proposal_stays_workable_and_its_item_reads_done(w):
    next_year.carry_all(w.ctx, w.cohort, today=TODAY)
    from panelapp.services.proposals.manage import move_proposal

    pid = w.ids["체육관 조명"]
    d = post_progress(w.ctx, pid, get_proposal(w.ctx, pid).version, "공사 절반", 50, today=TODAY)
    rows = {r.title: r for r in next_year.plan_data(w.ctx, w.cohort, today=TODAY).rows}
    assert rows["체육관 조명"].progress == 50
    move_proposal(w.ctx, pid, PS.DONE, d.version, note="교체 완료", result="LED 교체", today=TODAY)
    rows = {r.title: r for r in next_year.plan_data(w.ctx, w.cohort, today=TODAY).rows}
    assert (
        rows["체육관 조명"].status == "완료"
        and rows["체육관 조명"].done
        and rows["체육관 조명"].progress == 100
    )
    summary = next_year.carried_into(w.ctx, w.next)
    assert (summary.from_number, summary.count, summary.done) == (7, 3, 1)
    assert summary.text == "이월 과제 (제7기에서) 3건 · 완료 1건"


def test_the_next_cohort_lists_carried_proposals_apart_and_counts_them_once(w):
    next_year.carry_all(w.ctx, w.cohort, today=TODAY)
    own = proposal_ids(w.ctx, ProposalQuery(cohort_id=w.next), "submitted", True)
    assert own == []  # the next cohort's own list: a carried proposal is not its own
    carried = proposal_ids(w.ctx, ProposalQuery(carried_from=w.cohort), "submitted", True)
    assert sorted(carried) == sorted(w.ids[t] for t in ("수영장 레인 교체", "체육관 조명", "산책로 벤치"))
    assert proposal_counts(w.ctx, ProposalQuery(cohort_id=w.next)).overdue == 0
    assert next_year.carried_into(w.ctx, w.cohort) is None  # nothing before 제7기
    from panelapp.services.reporting.dashboard import load_dashboard, load_overview

    assert load_overview(w.ctx, w.cohort, today=TODAY).proposals_total == 6  # 제7기's own (no duplicate)
    board = load_dashboard(w.ctx, w.next, today=TODAY)
    assert board.proposals_total == 0 and board.carried.count == 3


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_exports_read_back_with_departments_subtotals_and_no_person(w, tmp_path):
    sheet = next_year.plan_sheet(w.ctx, w.cohort, today=TODAY)
    lines = [
        next_year.PlanInput(
            r.proposal_id,
            r.quarter,
            r.department_id,
            2_000_000 if r.department == "체육사업부" else 700_000,
            "비고 메모",
        )
        for r in sheet.candidates
    ]
    next_year.save_plan(w.ctx, w.cohort, lines, today=TODAY)
    xlsx = next_year.export_plan(w.ctx, w.cohort, tmp_path / "계획.xlsx", today=TODAY)
    assert xlsx.total_cost == 4_700_000
    book = load_workbook(tmp_path / "계획.xlsx")
    ws = book.active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert rows[0][:2] == ("번호", "담당부서")  # the proposal's 번호 first, as the window shows it
    assert [r[1] for r in rows[1:]] == ["공원녹지과", "체육사업부", "체육사업부"]
    lane = next(r for r in rows if r[2] == "수영장 레인 교체")
    assert lane[0] == w.ids["수영장 레인 교체"]
    assert lane[4] == "채택" and lane[7] == 2_000_000 and lane[8] == "2027년 2분기" and lane[9] == "비고 메모"
    next_year.export_plan(w.ctx, w.cohort, tmp_path / "계획.pdf", today=TODAY)
    pdf = (tmp_path / "계획.pdf").read_bytes()
    text = _pdf_text(pdf)
    assert "한빛시설관리공단" in text and "차년도 업무계획" in text
    assert "체육사업부 (2건 · 예상 비용 4,000,000원)" in text and "소계 2건" in text
    assert "합계: 3건, 예상 비용 4,700,000원" in text
    fonts = {
        str(f) for page in PdfReader(io.BytesIO(pdf)).pages for f in page["/Resources"]["/Font"].values()
    }
    assert fonts  # the fonts are NanumGothic (base registers them)
    every = text + "".join(str(c) for r in rows for c in r)
    assert w.proposer_name and w.proposer_name not in every  # no proposer on it
    with pytest.raises(DomainError, match=".pdf 또는 .xlsx"):
        next_year.export_plan(w.ctx, w.cohort, tmp_path / "계획.csv")


@pytest.fixture
def db_file(tmp_path):
    from conftest import with_admin_account

    from panelapp.services.system.bootstrap import open_app

    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    build(ctx)
    ctx.db.dispose()
    with_admin_account(path)
    return path


def test_the_command_line_carries_shows_and_exports(db_file, tmp_path, capsys, monkeypatch):
    from panelapp.cli import main

    monkeypatch.setattr(next_year, "today_local", lambda: TODAY)
    base = ["--db", str(db_file), "proposals", "plan"]
    assert main([*base, "carry", "--cohort", "7"]) == 0
    assert "3건 이월" in capsys.readouterr().out
    assert main([*base, "carry", "--cohort", "7"]) == 0
    assert "바뀐 것이 없습니다" in capsys.readouterr().out
    assert main([*base, "show", "--cohort", "7"]) == 0
    assert "#" in capsys.readouterr().out
    out = tmp_path / "plan.xlsx"
    assert main([*base, "export", "--cohort", "7", "-o", str(out)]) == 0
    assert "3건" in capsys.readouterr().out and out.exists()
    assert main([*base, "export", "--cohort", "7", "-o", str(tmp_path / "a.csv")]) == 1


def test_the_improvement_report_closes_with_the_plan_in_every_format(w, tmp_path):
    from panelapp.domain.report_data import ReportOptions
    from panelapp.reports.board_report import build_board_report
    from panelapp.reports.improvement_report import render_improvement_report
    from panelapp.reports.report_xlsx import report_xlsx_bytes
    from panelapp.services.reporting.query import build_report_data

    options = ReportOptions(w.cohort, report_date=TODAY)
    before = build_report_data(w.ctx, options)
    assert before.next_year_plan is None  # nothing carried: no closing section
    assert "차년도 업무계획" not in _pdf_text(render_improvement_report(before)[0])
    sheet = next_year.plan_sheet(w.ctx, w.cohort, today=TODAY)
    next_year.save_plan(w.ctx, w.cohort, _lines(sheet, cost=1_500_000), today=TODAY)
    data = build_report_data(w.ctx, options)
    assert (data.next_year_plan.count, data.next_year_plan.total_cost) == (3, 4_500_000)
    pdf, _pages = render_improvement_report(data)
    text = _pdf_text(pdf)
    assert "맺음. 차년도 업무계획" in text and "합계: 3건, 예상 비용 4,500,000원" in text
    assert text.rindex("맺음. 차년도 업무계획") > text.rindex("부록")  # it closes the report
    book = load_workbook(io.BytesIO(report_xlsx_bytes(data)))
    rows = list(book["차년도 업무계획"].iter_rows(values_only=True))
    assert rows[0][:3] == ("담당부서", "제목", "시설") and rows[-1][0] == "합계" and rows[-1][6] == 4_500_000
    board = build_board_report(data).texts()
    assert "1. 차년도 업무계획" in " ".join(board) or any("차년도 업무계획" in t for t in board)
    assert "계" in board and "4,500,000" in board


def test_a_quarter_that_has_ended_is_refused_naming_the_row(w):
    sheet = next_year.plan_sheet(w.ctx, w.cohort, TODAY)
    lines = _lines(sheet, quarter="2026년 4분기")
    with pytest.raises(DomainError) as e:
        next_year.save_plan(w.ctx, w.cohort, lines, today=TODAY)
    assert f"#{sheet.candidates[0].proposal_id} 목표 분기: 2026년 4분기는 이미 지났습니다" in e.value.message
    assert next_year.plan_sheet(w.ctx, w.cohort, TODAY).carried == ()
    # a quarter saved before that has gone by since does not stop a later save
    next_year.save_plan(w.ctx, w.cohort, _lines(sheet, quarter="2027년 1분기"), today=TODAY)
    again = next_year.plan_sheet(w.ctx, w.cohort, TODAY)
    kept = [
        next_year.PlanInput(r.proposal_id, r.quarter, r.department_id, None, None, r.version)
        for r in again.carried
    ]
    saved = next_year.save_plan(w.ctx, w.cohort, kept, today=D(2027, 5, 1))
    assert saved.unchanged == 3


def test_unset_costs_read_undecided_and_headings_keep_with_their_tables(w, tmp_path):
    from reportlab.platypus import CondPageBreak

    from panelapp.reports.next_year_plan import department_table

    sheet = next_year.plan_sheet(w.ctx, w.cohort, today=TODAY)
    lines = [
        next_year.PlanInput(
            r.proposal_id, r.quarter, r.department_id, 128_500_000 if r.title == "수영장 레인 교체" else None
        )
        for r in sheet.candidates
    ]
    next_year.save_plan(w.ctx, w.cohort, lines, today=TODAY)
    data = next_year.export_plan(w.ctx, w.cohort, tmp_path / "계획.pdf", today=TODAY)
    text = _pdf_text((tmp_path / "계획.pdf").read_bytes())
    assert "공원녹지과 (1건 · 예상 비용 미정)" in text  # every cost unset: 미정, not 0원
    assert "체육사업부 (2건 · 예상 비용 128,500,000원 (미정 1건 제외))" in text
    assert "합계: 3건, 예상 비용 128,500,000원 (미정 2건 제외)" in text
    assert "0원" not in text.replace("128,500,000원", "")
    parks = next(d for d in data.departments if d.department == "공원녹지과")
    assert isinstance(department_table(parks)[0], CondPageBreak)  # the heading never sits alone
    next_year.export_plan(w.ctx, w.cohort, tmp_path / "계획.xlsx", today=TODAY)
    info = list(load_workbook(tmp_path / "계획.xlsx")["설명"].iter_rows(values_only=True))
    assert ("부서 소계: 공원녹지과", "1건, 미정") in info


def test_a_subtotal_never_starts_a_page_alone():
    from panelapp.domain.next_year_plan import PlanData, PlanRow
    from panelapp.reports.next_year_plan import render_plan

    rows = tuple(
        PlanRow(
            n + 1,
            100 + n,
            f"과제 {n} 산책로 벤치 교체와 조명 정비",
            "한빛체육관",
            None,
            "공원녹지과" if n < 22 else "체육사업부" if n < 37 else "문화예술과",
            "채택",
            False,
            40,
            D(2027, 5, 1),
            None if n % 7 == 0 else 1_500_000 * (n + 1),
            Quarter(2027, 2),
            "비고" if n % 5 == 0 else None,
            1,
        )
        for n in range(40)
    )  # a layout where 체육사업부's last row ended page 2 and its 소계 began page 3 alone
    pdf, pages = render_plan(PlanData("한빛시설관리공단", "제7기 시민참여단", 7, D(2026, 12, 4), rows))
    assert pages > 1
    for page in PdfReader(io.BytesIO(pdf)).pages:
        body = page.extract_text().split("목표 분기", 1)[-1].lstrip()
        assert not body.startswith("소계"), body[:40]
