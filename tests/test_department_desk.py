"""The department desk (issue 14 item 1): 우리 부서 제안 lists a department's open proposals by
due date; the answer brings 추진 계획 and 완료 예정일; 진행 상황 updates are dated history entries;
answering, posting and completing are a 부서 담당자's for their own department only, refused to
another department's desk and to a 열람자; each history entry names who did it."""

import pytest
from proposal_world import TODAY, D, build

from panelapp.db.models import User
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.enums import UserRole
from panelapp.domain.errors import DomainError, ValidationError, ValidationErrors
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.permissions import PermissionDenied
from panelapp.services.proposals.desk import desk_counts, desk_ids, desk_rows
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal, move_proposal
from panelapp.services.proposals.progress import post_progress
from panelapp.services.registers.departments import DepartmentInput, create_department


def acting(ctx, name: str, role: UserRole, department_id: int | None = None) -> ServiceContext:
    with transaction(ctx) as s:
        user = User(name=name, role=role, department_id=department_id)
        s.add(user)
        s.flush()
        uid = user.id
    return ServiceContext(db=ctx.db, user_id=uid, user_name=name, role=role)


@pytest.fixture
def w(ctx):
    world = build(ctx)
    world.other_dept = create_department(ctx, DepartmentInput("공원녹지과", "박공원", "042-610-2200")).id
    world.desk = acting(ctx, "김부서", UserRole.DEPARTMENT, world.dept_id)
    world.other_desk = acting(ctx, "이공원", UserRole.DEPARTMENT, world.other_dept)
    world.viewer = acting(ctx, "최열람", UserRole.VIEWER)
    return world


def _new(w, title, dept, submitted=D(2026, 6, 1), due=None):
    return create_proposal(
        w.ctx,
        ProposalInput(
            w.cohort_id, title, proposal="고쳐 주세요", department_id=dept, submitted_on=submitted, due_on=due
        ),
        today=TODAY,
    )[0]


def _reviewing(w, title="탈의실 바닥 개선", dept=None):
    p = _new(w, title, dept or w.dept_id)
    return move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, today=TODAY)


def test_the_desk_lists_open_proposals_by_due_date_for_its_department_only(w):
    late = _new(w, "늦은 제안", w.dept_id, D(2026, 5, 1), D(2026, 6, 10))
    soon = _new(w, "곧 기한", w.dept_id, D(2026, 6, 10), D(2026, 6, 25))
    later = _new(w, "나중 기한", w.dept_id, D(2026, 6, 1), D(2026, 7, 30))
    declined = _reviewing(w, "불채택된 제안")
    move_proposal(
        w.ctx, declined.id, PS.DECLINED, declined.version, answer="검토", decline_reason="예산", today=TODAY
    )
    park = _new(w, "공원 제안", w.other_dept, D(2026, 6, 1), D(2026, 6, 5))
    assert desk_ids(w.desk, today=TODAY) == [late.id, soon.id, later.id]
    assert desk_ids(w.other_desk, today=TODAY) == [park.id]
    everyone = desk_ids(w.ctx, today=TODAY)  # a coordinator sees every department
    assert everyone == [park.id, late.id, soon.id, later.id]
    assert desk_ids(w.ctx, w.other_dept, today=TODAY) == [park.id]
    counts = desk_counts(w.desk, today=TODAY)
    assert (counts.open, counts.overdue, counts.scoped) == (3, 1, True)
    assert not desk_counts(w.ctx, today=TODAY).scoped
    rows = {r.row.id: r for r in desk_rows(w.desk, [late.id, soon.id, park.id], today=TODAY)}
    assert set(rows) == {late.id, soon.id}  # another department's row is not given
    assert rows[late.id].row.overdue and not rows[soon.id].row.overdue


def test_the_answer_brings_plan_and_expected_date_named_in_the_history(w):
    p = _reviewing(w)
    done = move_proposal(
        w.desk,
        p.id,
        PS.ACCEPTED,
        p.version,
        answer="매트를 깔겠습니다.",
        today=TODAY,
        plan="7월 중 미끄럼 방지 매트 설치",
        expected_on=D(2026, 7, 31),
    )
    assert done.plan_text == "7월 중 미끄럼 방지 매트 설치" and done.expected_on == D(2026, 7, 31)
    last = done.events[-1]
    assert last.user_name == "김부서" and last.to_status is PS.ACCEPTED
    assert "추진 계획: 7월 중" in last.note and "완료 예정일: 2026-07-31" in last.note
    # 추진 시작 keeps the plan unless a new one is given, and may move the expected date
    started = move_proposal(
        w.desk, p.id, PS.IN_PROGRESS, done.version, today=TODAY, expected_on=D(2026, 8, 14)
    )
    assert started.plan_text == done.plan_text and started.expected_on == D(2026, 8, 14)


def test_impossible_expected_dates_are_refused_naming_the_field(w):
    p = _reviewing(w)
    for bad, words in (
        (D(2026, 6, 19), "처리일(2026-06-20)보다 앞설 수 없습니다"),
        (D(2035, 1, 1), "5년이 넘습니다"),
    ):
        with pytest.raises((ValidationError, ValidationErrors)) as caught:
            move_proposal(w.desk, p.id, PS.PARTIAL, p.version, answer="일부", today=TODAY, expected_on=bad)
        assert "완료 예정일" in str(caught.value) and words in str(caught.value)
    with pytest.raises(DomainError, match="채택·부분채택·추진 시작 때만"):
        move_proposal(
            w.desk, p.id, PS.DECLINED, p.version, answer="x", decline_reason="y", plan="z", today=TODAY
        )
    assert get_proposal(w.ctx, p.id).status is PS.REVIEWING  # nothing was saved


def test_progress_updates_are_dated_history_entries_with_their_author(w):
    p = _reviewing(w)
    p = move_proposal(
        w.desk, p.id, PS.ACCEPTED, p.version, answer="하겠습니다.", on=D(2026, 6, 12), today=TODAY
    )
    p = post_progress(w.desk, p.id, p.version, "업체 선정 완료", 30, on=D(2026, 6, 15), today=TODAY)
    p = post_progress(w.desk, p.id, p.version, "매트 주문", today=TODAY)
    assert p.status is PS.ACCEPTED  # an update changes no status
    first, second = p.events[-2:]
    assert (first.note, first.progress, first.happened_on, first.user_name) == (
        "업체 선정 완료",
        30,
        D(2026, 6, 15),
        "김부서",
    )
    assert first.is_progress and second.happened_on == TODAY and second.progress is None
    with pytest.raises(Exception) as stale:  # the version moved on
        post_progress(w.desk, p.id, p.version - 1, "옛 화면에서", today=TODAY)
    assert "다른 사용자" in str(stale.value) or "바뀌" in str(stale.value)


@pytest.mark.parametrize(
    "note, progress, on, field",
    [
        ("  ", None, None, "진행 상황"),
        ("x", 101, None, "진행률"),
        ("x", -1, None, "진행률"),
        ("x", None, D(2026, 6, 21), "기준일"),
        ("x", None, D(2026, 6, 11), "기준일"),
    ],
)
def test_a_progress_update_refuses_what_cannot_be_naming_the_field(w, note, progress, on, field):
    p = _reviewing(w)
    p = move_proposal(w.ctx, p.id, PS.ACCEPTED, p.version, answer="네", on=D(2026, 6, 12), today=TODAY)
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        post_progress(w.desk, p.id, p.version, note, progress, on=on, today=TODAY)
    assert field in str(caught.value)


def test_progress_only_while_adopted_and_not_done(w):
    p = _reviewing(w)
    with pytest.raises(DomainError, match="지금 상태는 '검토중'입니다"):
        post_progress(w.desk, p.id, p.version, "아직", today=TODAY)


def test_another_departments_desk_and_a_viewer_are_refused_every_desk_step(w):
    p = _reviewing(w)
    for who in (w.other_desk, w.viewer):
        with pytest.raises(PermissionDenied):
            move_proposal(who, p.id, PS.ACCEPTED, p.version, answer="남의 답", today=TODAY)
    p = move_proposal(w.desk, p.id, PS.ACCEPTED, p.version, answer="네", today=TODAY)
    for who in (w.other_desk, w.viewer):
        with pytest.raises(PermissionDenied):
            post_progress(who, p.id, p.version, "남의 진행", today=TODAY)
        with pytest.raises(PermissionDenied):
            move_proposal(who, p.id, PS.DONE, p.version, result="남이 완료", today=TODAY)
    p = post_progress(w.ctx, p.id, p.version, "담당자가 대신 적음", today=TODAY)  # a coordinator may
    p = move_proposal(w.desk, p.id, PS.DONE, p.version, result="설치 완료", today=TODAY)
    assert p.status is PS.DONE and p.result_text == "설치 완료"
    names = [e.user_name for e in p.events]
    assert names[-1] == "김부서" and "테스트담당자" in names and None not in names


def test_the_desk_reads_its_own_proposal_and_not_another_departments(w):
    mine, theirs = _reviewing(w), _reviewing(w, "공원 벤치", w.other_dept)
    assert get_proposal(w.desk, mine.id).id == mine.id
    with pytest.raises(PermissionDenied):
        get_proposal(w.desk, theirs.id)


def test_the_demo_gives_the_desk_plans_dates_and_progress(sqlite_demo_ctx):
    from sqlalchemy import select

    from panelapp.db.models import Proposal, ProposalEvent
    from panelapp.services.context import reading

    with reading(sqlite_demo_ctx) as s:
        adopted = s.execute(
            select(Proposal.plan_text, Proposal.expected_on, Proposal.answered_on).where(
                Proposal.status.in_((PS.ACCEPTED, PS.PARTIAL, PS.IN_PROGRESS, PS.DONE))
            )
        ).all()
        updates = s.execute(
            select(ProposalEvent.progress, ProposalEvent.happened_on).where(
                ProposalEvent.from_status == ProposalEvent.to_status,
                ProposalEvent.kind.is_(None),  # not a 추진 단계 entry
            )
        ).all()
    assert adopted and all(plan and expected > answered for plan, expected, answered in adopted)
    assert updates and all(progress == 40 and on is not None for progress, on in updates)
