"""Proposals: drafts from findings, create/edit with undo, the workflow with its history,
answers and reasons, overdue in Python and in SQL, filters, links, delete and restore."""

import pytest
from proposal_world import TODAY, D, build
from sqlalchemy import select

from panelapp.db.models import ProposalEvent
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.errors import ConcurrencyError, DomainError, ValidationError, ValidationErrors
from panelapp.services.context import reading
from panelapp.services.proposals.drafts import draft_from_findings, linkable_findings, proposer_choices
from panelapp.services.proposals.manage import (
    ProposalInput,
    ProposalQuery,
    create_proposal,
    delete_proposal,
    get_proposal,
    list_proposals,
    move_proposal,
    set_linked_findings,
    update_proposal,
)
from panelapp.services.system.undo import undo
from panelapp.services.trash.manage import list_trash, restore


@pytest.fixture
def w(ctx):
    return build(ctx)


def _new(w, title="수영장 안내 개선", **kw):
    data = ProposalInput(w.cohort_id, title, proposal=kw.pop("proposal", "안내판을 바꿉니다"), **kw)
    return create_proposal(w.ctx, data, today=TODAY)[0]


def test_draft_from_findings_prefills_facility_department_title_and_problem(w):
    draft = draft_from_findings(w.ctx, w.cohort_id, [w.lights, w.slippery], today=TODAY)
    assert draft.facility_id == w.gym and draft.department_id == w.dept_id
    assert draft.title == "한빛국민체육센터 탈의실 바닥 미끄러움 외 1건 개선"  # the urgent one leads
    assert (
        draft.problem.splitlines()[0]
        == "- [안전·긴급(안전)] 탈의실 바닥 미끄러움 (한빛국민체육센터 여자 탈의실, 2026-06-02 점검)"
    )
    assert "물기가 남아" in draft.problem and "복도 조명 고장" in draft.problem
    # 답변 기한 of an urgent finding: 1 working day after Saturday 6-20 (issue 14 item 3)
    assert draft.submitted_on == TODAY and draft.due_on == D(2026, 6, 22)
    assert set(draft.finding_ids) == {w.lights, w.slippery}
    mixed = draft_from_findings(w.ctx, w.cohort_id, [w.bench, w.slippery], today=TODAY)
    assert mixed.facility_id is None and mixed.department_id is None  # two facilities: coordinator picks


def test_create_from_findings_links_them_and_records_the_first_event(w):
    draft = draft_from_findings(w.ctx, w.cohort_id, [w.slippery], today=TODAY)
    detail, record = create_proposal(
        w.ctx, draft.__class__(**{**draft.__dict__, "proposal": "미끄럼 방지 매트"}), today=TODAY
    )
    assert detail.status == PS.SUBMITTED and detail.due_on == D(2026, 6, 22)  # urgent: 1 working day
    assert [f.id for f in detail.findings] == [w.slippery]
    assert len(detail.events) == 1 and detail.events[0].to_status == PS.SUBMITTED
    assert detail.events[0].user_name == "테스트담당자"
    assert record.before is None and record.label == "개선제안 등록"
    undo(w.ctx, record)  # undoing the creation sends it to the trash
    assert list_proposals(w.ctx, ProposalQuery(cohort_id=w.cohort_id)) == []


def test_standalone_with_proposer_and_validation(w):
    with pytest.raises(ValidationErrors) as err:
        create_proposal(
            w.ctx, ProposalInput(w.cohort_id, " ", proposal=None, submitted_on=D(2026, 6, 25)), today=TODAY
        )
    assert {e.field for e in err.value.errors} == {"제목", "개선 제안", "접수일"}
    with pytest.raises(ValidationError, match="처리 기한"):
        _new(w, submitted_on=D(2026, 6, 10), due_on=D(2026, 6, 9))
    assert any(eid == w.kim for eid, _label in proposer_choices(w.ctx, w.cohort_id))
    p = _new(w, "경로 우대 안내 문구", proposer_enrollment_id=w.kim, expected_effect="어르신 이용 편의")
    assert p.proposer_name == "김영희" and p.findings == () and p.facility_id is None


def test_walk_to_accepted_then_done_with_history_and_day_counts(w):
    p = _new(w, submitted_on=D(2026, 6, 1), department_id=w.dept_id)
    p = move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, note="부서 전달", today=TODAY)
    with pytest.raises(ValidationError, match="부서 답변"):
        move_proposal(w.ctx, p.id, PS.ACCEPTED, p.version, today=TODAY)
    p = move_proposal(
        w.ctx, p.id, PS.ACCEPTED, p.version, answer="다음 주 교체합니다.", on=D(2026, 6, 2), today=TODAY
    )
    assert p.answered_on == D(2026, 6, 2) and p.days_to_answer == 1 and p.answer == "다음 주 교체합니다."
    p = move_proposal(w.ctx, p.id, PS.IN_PROGRESS, p.version, today=TODAY)
    p = move_proposal(
        w.ctx, p.id, PS.DONE, p.version, on=D(2026, 6, 19), today=TODAY, result="손잡이를 교체했습니다."
    )
    assert p.completed_on == D(2026, 6, 19) and p.days_to_completion == 18
    assert [(e.from_status, e.to_status) for e in p.events] == [
        (None, PS.SUBMITTED),
        (PS.SUBMITTED, PS.REVIEWING),
        (PS.REVIEWING, PS.ACCEPTED),
        (PS.ACCEPTED, PS.IN_PROGRESS),
        (PS.IN_PROGRESS, PS.DONE),
    ]
    assert p.events[1].note == "부서 전달" and p.events[2].note == "부서 답변: 다음 주 교체합니다."
    with pytest.raises(DomainError, match="'완료' 상태에서는"):
        move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, today=TODAY)


def test_decline_needs_reason_and_answer_date_rules(w):
    p = _new(w, submitted_on=D(2026, 6, 10))
    with pytest.raises(DomainError):
        move_proposal(w.ctx, p.id, PS.DECLINED, p.version, answer="x", decline_reason="y", today=TODAY)
    p = move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, today=TODAY)
    with pytest.raises(ValidationErrors) as err:
        move_proposal(w.ctx, p.id, PS.DECLINED, p.version, on=D(2026, 6, 9), today=TODAY)
    assert {e.field for e in err.value.errors} == {"처리일", "부서 답변", "불채택 사유"}
    p = move_proposal(
        w.ctx, p.id, PS.DECLINED, p.version, answer="예산 부족", decline_reason="예산 미확보", today=TODAY
    )
    assert (
        p.decline_reason == "예산 미확보" and p.answered_on == TODAY and p.days_to_answer == 7
    )  # 근무일 (10 calendar)
    with reading(w.ctx) as s:  # the acting user is recorded on every event
        assert {e.user_id for e in s.scalars(select(ProposalEvent))} == {w.ctx.user_id}


def test_sent_back_to_submitted_for_another_department(w):
    p = _new(w)
    p = move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, today=TODAY)
    p = move_proposal(w.ctx, p.id, PS.SUBMITTED, p.version, note="소관 아님", today=TODAY)
    assert p.status == PS.SUBMITTED and p.events[-1].note == "소관 아님"


def test_overdue_in_python_and_sql_agree(w):
    late = _new(w, "늦은 제안", submitted_on=D(2026, 6, 1))  # due 6-16 (10 working days), unanswered
    due_today = _new(w, "오늘 기한", submitted_on=D(2026, 6, 6), due_on=TODAY)
    answered = _new(w, "답변됨", submitted_on=D(2026, 6, 1))
    answered = move_proposal(w.ctx, answered.id, PS.REVIEWING, answered.version, today=TODAY)
    move_proposal(w.ctx, answered.id, PS.PARTIAL, answered.version, answer="일부 반영", today=TODAY)
    rows = list_proposals(w.ctx, ProposalQuery(cohort_id=w.cohort_id, today=TODAY))
    assert {r.title for r in rows if r.overdue} == {"늦은 제안"}
    only = list_proposals(w.ctx, ProposalQuery(cohort_id=w.cohort_id, overdue_only=True, today=TODAY))
    assert [r.id for r in only] == [late.id]
    assert due_today.id in [r.id for r in rows]


def test_filters(w):
    a = _new(w, "체육관 조명", facility_id=w.gym, department_id=w.dept_id)
    _new(w, "공원 벤치", facility_id=w.park)
    q = lambda **kw: [r.title for r in list_proposals(w.ctx, ProposalQuery(cohort_id=w.cohort_id, **kw))]  # noqa: E731
    assert q(facility_id=w.park) == ["공원 벤치"]
    assert q(department_id=w.dept_id) == ["체육관 조명"]
    assert q(text="벤치") == ["공원 벤치"] and q(text="안내판") == ["공원 벤치", "체육관 조명"]
    move_proposal(w.ctx, a.id, PS.REVIEWING, a.version, today=TODAY)
    assert q(status=PS.REVIEWING) == ["체육관 조명"]
    assert list_proposals(w.ctx, ProposalQuery(cohort_id=w.cohort_id + 99)) == []


def test_edit_with_undo_and_optimistic_locking(w):
    p = _new(w, facility_id=w.gym)
    data = ProposalInput(
        w.cohort_id,
        "새 제목",
        proposal="새 제안",
        facility_id=w.gym,
        submitted_on=p.submitted_on,
        due_on=D(2026, 7, 30),
    )
    edited, record = update_proposal(w.ctx, p.id, data, p.version, today=TODAY)
    assert edited.title == "새 제목" and edited.due_on == D(2026, 7, 30)
    with pytest.raises(ConcurrencyError):
        update_proposal(w.ctx, p.id, data, p.version, today=TODAY)
    undo(w.ctx, record)
    back = get_proposal(w.ctx, p.id)
    # made on Saturday 6-20 without findings: 10 working days
    assert back.title == "수영장 안내 개선" and back.due_on == D(2026, 7, 3)


def test_linked_findings_are_editable_and_an_older_undo_is_refused(w):
    assert {c.id for c in linkable_findings(w.ctx, w.cohort_id, w.gym)} == {w.slippery, w.lights}
    p = _new(w, finding_ids=(w.slippery,))
    data = ProposalInput(w.cohort_id, "다른 제목", proposal="x", submitted_on=p.submitted_on)
    edited, record = update_proposal(w.ctx, p.id, data, p.version, today=TODAY)
    linked = set_linked_findings(w.ctx, p.id, [w.lights, w.bench], edited.version)
    assert {f.id for f in linked.findings} == {w.lights, w.bench} and linked.version > edited.version
    with pytest.raises(DomainError, match="다른 수정이 있어"):
        undo(w.ctx, record)


def test_delete_undo_and_trash_restore(w):
    p = _new(w)
    record = delete_proposal(w.ctx, p.id, p.version)
    assert list_proposals(w.ctx) == []
    undo(w.ctx, record)
    assert [r.id for r in list_proposals(w.ctx)] == [p.id]
    delete_proposal(w.ctx, p.id)
    item = next(i for i in list_trash(w.ctx) if i.kind == "proposal")
    assert item.kind_label == "개선제안" and "수영장 안내 개선" in item.label
    restore(w.ctx, "proposal", p.id)
    assert [r.id for r in list_proposals(w.ctx)] == [p.id]


def test_id_list_sorts_by_every_column_in_sql_with_counts(w):
    from panelapp.services.proposals.listing import SORT_KEYS, proposal_counts, proposal_ids, proposal_rows

    a = _new(w, "체육관 조명", facility_id=w.gym, department_id=w.dept_id, submitted_on=D(2026, 6, 1))
    b = _new(w, "공원 벤치", facility_id=w.park, submitted_on=D(2026, 6, 10))
    b = move_proposal(w.ctx, b.id, PS.REVIEWING, b.version, today=TODAY)
    b = move_proposal(w.ctx, b.id, PS.ACCEPTED, b.version, answer="교체", on=D(2026, 6, 13), today=TODAY)
    c = _new(w, "안내 방송", submitted_on=D(2026, 6, 10), due_on=D(2026, 6, 30))
    q = ProposalQuery(cohort_id=w.cohort_id, today=TODAY)
    expected = {  # ascending; empty values last both ways, ties by id in the same direction
        "submitted": ([a.id, b.id, c.id], [c.id, b.id, a.id]),
        "title": ([b.id, c.id, a.id], [a.id, c.id, b.id]),
        "facility": ([b.id, a.id, c.id], [a.id, b.id, c.id]),  # 새봄 < 한빛, none last
        "department": ([a.id, b.id, c.id], [a.id, c.id, b.id]),
        "status": ([a.id, c.id, b.id], [b.id, c.id, a.id]),  # 접수 < 채택 (workflow order)
        "due": ([a.id, b.id, c.id], [c.id, b.id, a.id]),  # 6-15 < 6-24 < 6-30
        "answered": ([b.id, a.id, c.id], [b.id, c.id, a.id]),  # unanswered last
        "days": ([b.id, a.id, c.id], [b.id, c.id, a.id]),  # 3 days; unanswered last
    }
    assert set(expected) == set(SORT_KEYS)
    for key, (up, down) in expected.items():
        assert proposal_ids(w.ctx, q, key, False) == up, key
        assert proposal_ids(w.ctx, q, key, True) == down, key
    rows = {r.id: r for r in proposal_rows(w.ctx, [b.id, a.id, 99_999], today=TODAY)}
    assert set(rows) == {a.id, b.id}
    assert (
        rows[a.id].overdue and not rows[b.id].overdue and rows[b.id].days_to_answer == 2
    )  # 근무일 (3 calendar)
    assert rows[a.id].department_name == "체육사업부" and rows[b.id].facility_name == "새봄근린공원"
    counts = proposal_counts(w.ctx, q)
    assert counts.any_at_all and counts.overdue == 1
    assert proposal_ids(w.ctx, ProposalQuery(cohort_id=w.cohort_id, overdue_only=True, today=TODAY)) == [a.id]
    assert proposal_counts(w.ctx, ProposalQuery(cohort_id=w.cohort_id, text="벤치", today=TODAY)).overdue == 0
