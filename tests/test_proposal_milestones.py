"""추진 단계 (issue 14 item 4): steps of an adopted proposal, added, edited, reordered, marked
done and deleted by its department's desk and the coordinators, each change a history entry with
the author and a version check; the 진행률 rule in SQL equals the pure rule; roll-ups per
department, facility and cohort in one grouped query (SQLite and PostgreSQL)."""

import pytest
from proposal_world import TODAY, D, build
from test_department_desk import acting

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.enums import UserRole
from panelapp.domain.errors import ConcurrencyError, DomainError, ValidationError, ValidationErrors
from panelapp.domain.proposal_progress import MILESTONE_EVENT_LABELS
from panelapp.services.context import reading
from panelapp.services.permissions import PermissionDenied
from panelapp.services.proposals.duplicate_marks import mark_duplicate
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal, move_proposal
from panelapp.services.proposals.milestones import (
    MilestoneInput,
    add_milestone,
    delete_milestone,
    edit_milestone,
    list_milestones,
    move_milestone,
    progress_by_proposal,
    rollup,
    set_milestone_done,
)
from panelapp.services.proposals.progress import post_progress
from panelapp.services.registers.departments import DepartmentInput, create_department


@pytest.fixture
def w(ctx):
    world = build(ctx)
    world.other_dept = create_department(ctx, DepartmentInput("공원녹지과", "박공원", "042-610-2200")).id
    world.desk = acting(ctx, "김부서", UserRole.DEPARTMENT, world.dept_id)
    world.other_desk = acting(ctx, "이공원", UserRole.DEPARTMENT, world.other_dept)
    world.viewer = acting(ctx, "최열람", UserRole.VIEWER)
    return world


def _adopted(w, title="탈의실 바닥 개선", dept=None, status=PS.ACCEPTED, facility=None):
    p = create_proposal(
        w.ctx,
        ProposalInput(
            w.cohort_id,
            title,
            proposal="고쳐 주세요",
            department_id=dept or w.dept_id,
            facility_id=facility,
            submitted_on=D(2026, 6, 1),
        ),
        today=TODAY,
    )[0]
    p = move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, today=TODAY)
    if status is PS.REVIEWING:
        return p
    decided = PS.DECLINED if status is PS.DECLINED else PS.ACCEPTED
    p = move_proposal(
        w.ctx, p.id, decided, p.version, answer="네", decline_reason="예산" if decided is PS.DECLINED else None,
        on=D(2026, 6, 5), today=TODAY,
    )  # fmt: skip
    if status in (PS.IN_PROGRESS, PS.DONE):
        p = move_proposal(
            w.ctx, p.id, status, p.version, result="끝" if status is PS.DONE else None, today=TODAY
        )
    return p


def _add(who, p, title, planned, weight=1):
    return add_milestone(who, p.id, p.version, MilestoneInput(title, planned, weight), today=TODAY)


def test_steps_are_kept_in_order_and_every_change_is_a_history_entry_with_its_author(w):
    p = _adopted(w)
    p = _add(w.desk, p, "업체 선정", D(2026, 6, 15))
    p = _add(w.desk, p, "매트 설치", D(2026, 7, 10), 3)
    assert [(m.position, m.title, m.weight) for m in p.milestones] == [
        (1, "업체 선정", 1),
        (2, "매트 설치", 3),
    ]
    assert p.progress == 0
    first = p.milestones[0]
    p = set_milestone_done(w.desk, first.id, p.version, D(2026, 6, 14), today=TODAY)
    assert p.milestones[0].done_on == D(2026, 6, 14) and p.progress == 25  # 1 of 4 weight
    p = edit_milestone(
        w.ctx,
        p.milestones[1].id,
        p.version,
        MilestoneInput("미끄럼 방지 매트 설치", D(2026, 7, 20), 1),
        today=TODAY,
    )
    assert p.progress == 50
    p = move_milestone(w.desk, p.milestones[1].id, p.version, 1, today=TODAY)
    assert [m.title for m in p.milestones] == ["미끄럼 방지 매트 설치", "업체 선정"]
    p = set_milestone_done(w.desk, p.milestones[1].id, p.version, None, today=TODAY)  # 완료 취소
    assert p.progress == 0
    p = delete_milestone(w.desk, p.milestones[0].id, p.version, today=TODAY)
    assert [(m.position, m.title) for m in p.milestones] == [(1, "업체 선정")]
    entries = [e for e in p.events if e.kind in MILESTONE_EVENT_LABELS]
    assert [MILESTONE_EVENT_LABELS[e.kind] for e in entries] == [
        "추진 단계 추가",
        "추진 단계 추가",
        "추진 단계 완료",
        "추진 단계 수정",
        "추진 단계 순서 변경",
        "추진 단계 완료 취소",
        "추진 단계 삭제",
    ]
    assert [e.user_name for e in entries] == [
        "김부서",
        "김부서",
        "김부서",
        "테스트담당자",
        "김부서",
        "김부서",
        "김부서",
    ]
    assert "예정일 2026-07-10 → 2026-07-20" in entries[3].note and "가중치 3 → 1" in entries[3].note
    assert "미끄럼 방지 매트 설치" in entries[6].note and "예정 2026-07-20" in entries[6].note
    assert not any(e.is_progress for e in entries)  # not 진행 상황 updates
    assert list_milestones(w.desk, p.id, today=TODAY) == p.milestones


def test_a_stale_version_is_refused_and_nothing_is_saved(w):
    p = _adopted(w)
    p = _add(w.desk, p, "업체 선정", D(2026, 6, 15))
    with pytest.raises(ConcurrencyError):
        add_milestone(w.ctx, p.id, p.version - 1, MilestoneInput("옛 화면", D(2026, 6, 16)), today=TODAY)
    with pytest.raises(ConcurrencyError):
        set_milestone_done(w.desk, p.milestones[0].id, p.version - 1, TODAY, today=TODAY)
    now = get_proposal(w.ctx, p.id)
    assert [m.title for m in now.milestones] == ["업체 선정"] and now.milestones[0].done_on is None
    assert now.version == p.version


def test_another_departments_desk_and_a_viewer_are_refused(w):
    p = _adopted(w)
    p = _add(w.ctx, p, "업체 선정", D(2026, 6, 15))
    step = p.milestones[0]
    for who in (w.other_desk, w.viewer):
        with pytest.raises(PermissionDenied):
            _add(who, p, "남의 단계", D(2026, 6, 16))
        with pytest.raises(PermissionDenied):
            set_milestone_done(who, step.id, p.version, TODAY, today=TODAY)
        with pytest.raises(PermissionDenied):
            delete_milestone(who, step.id, p.version, today=TODAY)
    with pytest.raises(PermissionDenied):
        list_milestones(w.other_desk, p.id, today=TODAY)
    assert len(get_proposal(w.ctx, p.id).milestones) == 1


@pytest.mark.parametrize(
    "title, planned, weight, field",
    [
        ("  ", D(2026, 6, 15), 1, "단계"),
        ("x", None, 1, "예정일"),
        ("x", D(2026, 5, 1), 1, "예정일"),
        ("x", D(2026, 6, 15), 0, "가중치"),
        ("x", D(2026, 6, 15), 101, "가중치"),
    ],
)
def test_bad_input_is_refused_naming_the_field(w, title, planned, weight, field):
    p = _adopted(w)
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        _add(w.desk, p, title, planned, weight)
    assert field in str(caught.value)
    assert get_proposal(w.ctx, p.id).milestones == ()


def test_done_dates_are_checked_and_only_open_adopted_proposals_take_steps(w):
    p = _adopted(w)
    p = _add(w.desk, p, "업체 선정", D(2026, 6, 15))
    with pytest.raises(ValidationError, match="완료일은 오늘 이후"):
        set_milestone_done(w.desk, p.milestones[0].id, p.version, D(2026, 6, 21), today=TODAY)
    with pytest.raises(ValidationError, match="답변일\\(2026-06-05\\)"):
        set_milestone_done(w.desk, p.milestones[0].id, p.version, D(2026, 6, 4), today=TODAY)
    for status in (PS.REVIEWING, PS.DECLINED, PS.DONE):
        q = _adopted(w, f"{status.label} 제안", status=status)
        with pytest.raises(DomainError, match=f"지금 상태는 '{status.label}'"):
            _add(w.ctx, q, "단계", D(2026, 6, 15))


def test_the_sql_rule_equals_the_pure_rule_and_rolls_up(w):
    gym, park = w.gym, w.park
    a = _adopted(w, "A 단계 반", facility=gym)
    a = _add(w.ctx, a, "1", D(2026, 6, 10))
    a = _add(w.ctx, a, "2", D(2026, 6, 11))  # past its day, not done: overdue
    a = set_milestone_done(w.ctx, a.milestones[0].id, a.version, D(2026, 6, 10), today=TODAY)
    b = _adopted(w, "B 진행 상황만", facility=gym, status=PS.IN_PROGRESS)
    b = post_progress(w.ctx, b.id, b.version, "반쯤", 40, on=D(2026, 6, 12), today=TODAY)
    b = post_progress(w.ctx, b.id, b.version, "더", 70, on=D(2026, 6, 11), today=TODAY)  # an older 기준일
    c = _adopted(w, "C 단계가 이김", dept=w.other_dept, facility=park)
    c = post_progress(w.ctx, c.id, c.version, "거의", 90, today=TODAY)
    c = _add(w.ctx, c, "1", D(2026, 7, 1), 2)
    d = _adopted(w, "D 완료", dept=w.other_dept, facility=park, status=PS.DONE)
    e = _adopted(w, "E 아무것도 없음", dept=w.other_dept)
    _adopted(w, "F 불채택", status=PS.DECLINED)
    _adopted(w, "G 검토중", status=PS.REVIEWING)
    h = _adopted(w, "H 중복", status=PS.DONE)
    mark_duplicate(w.ctx, h.id, d.id, h.version)
    expected = {a.id: 50, b.id: 40, c.id: 0, d.id: 100, e.id: 0}
    with reading(w.ctx) as s:
        assert progress_by_proposal(s, TODAY) == expected
    assert {pid: get_proposal(w.ctx, pid, today=TODAY).progress for pid in expected} == expected
    whole = rollup(w.ctx, w.cohort_id, today=TODAY)[0]
    assert (whole.accepted, whole.done, whole.overdue_milestones) == (5, 1, 1)
    assert whole.mean == pytest.approx(38.0) and whole.text == "채택 5건 중 완료 1건, 평균 진행률 38%"
    by_dept = {f.label: f for f in rollup(w.ctx, w.cohort_id, "department", today=TODAY)}
    mine = next(n for n in by_dept if n not in ("공원녹지과", "전체"))
    assert (by_dept[mine].accepted, by_dept[mine].done, by_dept[mine].overdue_milestones) == (2, 0, 1)
    assert by_dept[mine].mean == pytest.approx(45.0) and by_dept[mine].key == w.dept_id
    assert (by_dept["공원녹지과"].accepted, by_dept["공원녹지과"].done) == (3, 1)
    assert by_dept["전체"].total and by_dept["전체"].accepted == 5
    by_facility = {f.key: f for f in rollup(w.ctx, w.cohort_id, "facility", today=TODAY) if not f.total}
    assert (
        by_facility[gym].accepted == 2 and by_facility[park].accepted == 2 and by_facility[None].accepted == 1
    )
    # a 부서 담당자 counts their own department's only
    (own,) = rollup(w.desk, w.cohort_id, today=TODAY)
    assert (own.accepted, own.overdue_milestones) == (2, 1)


def test_a_done_proposals_late_steps_are_not_overdue(w):
    p = _adopted(w)
    p = _add(w.ctx, p, "1", D(2026, 6, 10))
    assert get_proposal(w.ctx, p.id, today=TODAY).milestones[0].overdue
    p = move_proposal(w.ctx, p.id, PS.DONE, p.version, result="끝", today=TODAY)
    assert not get_proposal(w.ctx, p.id, today=TODAY).milestones[0].overdue
    assert rollup(w.ctx, w.cohort_id, today=TODAY)[0].overdue_milestones == 0


def test_the_full_export_writes_the_rules_progress(w, tmp_path):
    from openpyxl import load_workbook

    from panelapp.services.proposals.full_export import export_all_proposals, headers

    p = _adopted(w)
    p = post_progress(w.ctx, p.id, p.version, "거의", 90, today=TODAY)
    p = _add(w.ctx, p, "1", D(2026, 6, 10))
    p = _add(w.ctx, p, "2", D(2026, 6, 11), 3)
    p = set_milestone_done(w.ctx, p.milestones[1].id, p.version, D(2026, 6, 12), today=TODAY)
    out = tmp_path / "e.xlsx"
    export_all_proposals(w.ctx, w.cohort_id, out, today=TODAY)
    rows = list(load_workbook(out)["개선제안 전체"].iter_rows(values_only=True))
    column = list(headers()).index("진행률")
    assert rows[1][column] == 0.75  # the steps, not the 90 % typed in the update


def test_cli_lists_adds_marks_moves_and_deletes_steps(tmp_path, capsys):
    from conftest import with_admin_account

    from panelapp.cli import main
    from panelapp.services.system.bootstrap import open_app

    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    w = build(ctx)
    p = _adopted(w)
    ctx.db.dispose()
    with_admin_account(path)
    db = ["--db", str(path), "proposals", "milestones", str(p.id)]
    assert main(db) == 0
    assert "추진 단계가 없습니다" in capsys.readouterr().out
    assert main([*db, "add", "업체 선정", "--planned", "2026-06-15"]) == 0
    assert main([*db, "add", "매트 설치", "--planned", "2026-07-10", "--weight", "3"]) == 0
    capsys.readouterr()
    assert main([*db, "done", "2", "--on", "2026-06-12"]) == 0
    out = capsys.readouterr().out
    assert "진행률 75%" in out and "2. 매트 설치  (예정 2026-07-10 · 완료 2026-06-12 · 가중치 3)" in out
    assert main([*db, "move", "2", "--to", "1"]) == 0
    assert "1. 매트 설치" in capsys.readouterr().out
    assert main([*db, "done", "9"]) == 1
    assert "9번 추진 단계가 없습니다" in capsys.readouterr().err
    assert main([*db, "undo", "2"]) == 1  # 업체 선정 is not done: refused, not a false success
    assert "2번 추진 단계는 아직 완료되지 않았습니다." in capsys.readouterr().err
    for to in ("9", "0"):  # out of range: refused naming the range, not clamped
        assert main([*db, "move", "1", "--to", to]) == 1
        assert f"옮길 순서 {to}번은 범위를 벗어났습니다. 1부터 2까지" in capsys.readouterr().err
    assert main([*db, "undo", "1"]) == 0
    assert "추진 단계 '매트 설치'의 완료 표시를 지웠습니다." in capsys.readouterr().out
    assert main([*db, "done", "1", "--on", "2026-06-12"]) == 0
    capsys.readouterr()
    assert main([*db, "add", "x", "--planned", "7월"]) == 1
    assert "날짜가 아닙니다" in capsys.readouterr().err
    assert main(["--db", str(path), "proposals", "progress", "--cohort", "7", "--by", "facility"]) == 0
    out = capsys.readouterr().out
    assert "추진 현황: 채택 1건 중 완료 0건, 평균 진행률 75%" in out and out.splitlines()[1].startswith(
        "시설\t"
    )
    assert out.splitlines()[-1].split("\t") == ["전체", "1", "0", "75%", "1"]  # 업체 선정: its day passed
    assert main([*db, "delete", "1"]) == 0
    assert "'매트 설치'를 지웠습니다" in capsys.readouterr().out
    ctx = open_app(str(path))
    try:
        d = get_proposal(ctx, p.id)
        assert [m.title for m in d.milestones] == ["업체 선정"] and d.progress == 0
    finally:
        ctx.db.dispose()


def test_the_demo_gives_adopted_proposals_steps_some_done_one_overdue(sqlite_demo_ctx):
    from conftest import DEMO_ANCHOR
    from sqlalchemy import select

    from panelapp.db.models import Proposal, ProposalMilestone

    ctx = sqlite_demo_ctx
    with reading(ctx) as s:
        ids = list(s.scalars(select(ProposalMilestone.proposal_id).distinct()))
        statuses = set(s.scalars(select(Proposal.status).where(Proposal.id.in_(ids))))
    assert len(ids) >= 5 and statuses <= {PS.ACCEPTED, PS.PARTIAL, PS.IN_PROGRESS}
    details = [get_proposal(ctx, pid, today=DEMO_ANCHOR) for pid in ids]
    steps = [m for d in details for m in d.milestones]
    assert any(m.done_on for m in steps) and any(m.done_on is None and not m.overdue for m in steps)
    assert sum(m.overdue for m in steps) == 1
    assert all(0 < d.progress < 100 for d in details)
    assert all(e.user_name for d in details for e in d.events if e.kind in MILESTONE_EVENT_LABELS)
    whole = rollup(ctx, details[0].cohort_id, today=DEMO_ANCHOR)[0]
    assert whole.accepted > len(ids) and whole.overdue_milestones == 1


def test_the_all_steps_done_note_is_for_an_open_proposal_whose_every_step_is_done():
    from panelapp.domain.proposal_progress import ALL_STEPS_DONE, all_steps_done_note

    assert all_steps_done_note(PS.IN_PROGRESS, [True, True]) == ALL_STEPS_DONE
    assert all_steps_done_note(PS.ACCEPTED, [True]) == ALL_STEPS_DONE
    assert all_steps_done_note(PS.IN_PROGRESS, [True, False]) == ""
    assert all_steps_done_note(PS.IN_PROGRESS, []) == ""
    assert all_steps_done_note(PS.DONE, [True]) == ""  # 완료: 100 %, nothing to explain
    assert all_steps_done_note(PS.REVIEWING, [True]) == ""
