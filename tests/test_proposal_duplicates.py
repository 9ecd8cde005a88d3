"""비슷한 제안 (issue 14 item 6): a new proposal that links a finding another proposal already
links, or repeats the title of one at the same facility, is found before it is saved; different
problems at the same place, or alike titles in another cohort, are not."""

from proposal_world import TODAY, D, build

from panelapp.domain.duplicates import alike, title_similarity
from panelapp.domain.enums import UserRole
from panelapp.services.proposals.duplicates import similar_proposals
from panelapp.services.proposals.manage import ProposalInput, create_proposal


def _new(w, title, facility=None, findings=(), dept=None):
    return create_proposal(
        w.ctx,
        ProposalInput(
            w.cohort_id,
            title,
            proposal="고쳐 주세요",
            facility_id=facility,
            department_id=dept,
            submitted_on=D(2026, 6, 1),
            finding_ids=findings,
        ),
        today=TODAY,
    )[0]


def test_titles_alike_by_syllable_pairs():
    assert alike("탈의실 바닥 미끄럼 개선", "탈의실 바닥이 미끄러워요 개선", same_facility=True)
    assert not alike("탈의실 조명 교체", "주차장 바닥 도색", same_facility=True)
    assert title_similarity("ＡＢ", "ab") == 1.0 and title_similarity("", "가나") == 0.0


def test_shared_findings_and_alike_titles_are_found(ctx):
    w = build(ctx)
    floor = _new(w, "탈의실 바닥 미끄럼 방지", w.gym, (w.slippery,))
    lights = _new(w, "복도 조명 교체", w.gym, (w.lights,))
    bench = _new(w, "벤치 보수", w.park, (w.bench,))
    by_finding = similar_proposals(ctx, w.cohort_id, "전혀 다른 제목", w.gym, (w.slippery,))
    assert [s.id for s in by_finding] == [
        floor.id
    ] and "같은 발견사항 '탈의실 바닥 미끄러움'이" in by_finding[0].reason
    by_title = similar_proposals(ctx, w.cohort_id, "탈의실 바닥 미끄럼 개선", w.gym)
    assert [s.id for s in by_title] == [floor.id] and by_title[0].reason == "같은 시설, 비슷한 제목"
    assert similar_proposals(ctx, w.cohort_id, "탈의실 바닥 미끄럼 개선", w.park) == []  # another place
    assert similar_proposals(ctx, w.cohort_id, "샤워실 온수 고장", w.gym) == []
    assert similar_proposals(ctx, w.cohort_id, "탈의실 바닥 미끄럼 방지", w.gym, exclude_id=floor.id) == []
    assert lights.id not in {s.id for s in by_title} and bench.id not in {s.id for s in by_finding}


def test_a_department_desk_is_shown_only_its_own(ctx):
    from test_department_desk import acting

    w = build(ctx)
    _new(w, "탈의실 바닥 미끄럼 방지", w.gym, dept=None)
    other = acting(ctx, "이부서", UserRole.DEPARTMENT, w.dept_id)
    assert similar_proposals(other, w.cohort_id, "탈의실 바닥 미끄럼 방지", w.gym) == []
    assert len(similar_proposals(ctx, w.cohort_id, "탈의실 바닥 미끄럼 방지", w.gym)) == 1
