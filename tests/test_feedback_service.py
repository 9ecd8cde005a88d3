"""좋아요 / 아쉬워요: entry rules, filters and counts, handling with an answer, proposal links,
undo and the trash."""

import pytest
from proposal_world import TODAY, D, build

from panelapp.domain.enums import FeedbackKind as K
from panelapp.domain.enums import FeedbackSource as S
from panelapp.domain.errors import ValidationError, ValidationErrors
from panelapp.services.engagement.feedback import (
    FeedbackInput,
    FeedbackQuery,
    create_feedback,
    delete_feedback,
    list_feedback,
    set_handled,
    update_feedback,
)
from panelapp.services.proposals.manage import ProposalInput, create_proposal, delete_proposal
from panelapp.services.system.undo import undo
from panelapp.services.trash.manage import list_trash, restore


@pytest.fixture
def w(ctx):
    return build(ctx)


def _add(w, kind=K.LIKE, text="직원이 친절해요", day=D(2026, 6, 10), **kw):
    return create_feedback(w.ctx, FeedbackInput(w.cohort_id, kind, text, day, **kw), today=TODAY)


def test_entry_rules(w):
    with pytest.raises(ValidationErrors) as err:
        _add(w, text="  ", day=D(2026, 6, 21))
    assert {e.field for e in err.value.errors} == {"내용", "접수일"}
    with pytest.raises(ValidationError, match="답변일"):
        _add(w, answer="감사합니다", answered_on=D(2026, 6, 9))
    row, record = _add(w, source=S.SNS, facility_id=w.gym)
    assert (row.kind, row.source, row.facility_name, row.handled) == (
        K.LIKE,
        S.SNS,
        "한빛국민체육센터",
        False,
    )
    assert record.label == "좋아요 기록"
    answered, _ = _add(w, K.DISLIKE, "주차장이 좁아요", answer="확장 검토 중입니다")
    assert answered.handled and answered.answered_on == TODAY  # an answer makes it handled, today


def test_filters_and_counts(w):
    _add(w, facility_id=w.gym)
    _add(w, K.DISLIKE, "샤워실 온수", D(2026, 6, 1), facility_id=w.gym, source=S.PHONE)
    _add(w, K.DISLIKE, "벤치 부서짐", D(2026, 5, 20), facility_id=w.park)
    everything = list_feedback(w.ctx, FeedbackQuery(cohort_id=w.cohort_id))
    assert (everything.likes, everything.dislikes, everything.total) == (1, 2, 3)
    assert [r.text for r in everything.rows] == ["직원이 친절해요", "샤워실 온수", "벤치 부서짐"]
    gym = list_feedback(w.ctx, FeedbackQuery(cohort_id=w.cohort_id, facility_id=w.gym, kind=K.DISLIKE))
    assert [r.text for r in gym.rows] == ["샤워실 온수"] and gym.total == 3
    june = list_feedback(
        w.ctx, FeedbackQuery(cohort_id=w.cohort_id, date_from=D(2026, 6, 1), date_to=D(2026, 6, 5))
    )
    assert [r.text for r in june.rows] == ["샤워실 온수"]
    assert list_feedback(w.ctx, FeedbackQuery(cohort_id=w.cohort_id, handled=True)).rows == []


def test_handle_answer_link_and_undo(w):
    row, _ = _add(w, K.DISLIKE, "안내판이 없어요")
    p, _ = create_proposal(w.ctx, ProposalInput(w.cohort_id, "안내판 설치", proposal="설치"), today=TODAY)
    data = FeedbackInput(
        w.cohort_id,
        K.DISLIKE,
        "안내판이 없어요",
        row.received_on,
        proposal_id=p.id,
        answer="개선제안으로 올렸습니다",
        answered_on=D(2026, 6, 12),
    )
    edited, record = update_feedback(w.ctx, row.id, data, row.version, today=TODAY)
    assert edited.proposal_title == "안내판 설치" and edited.handled and edited.answered_on == D(2026, 6, 12)
    undo(w.ctx, record)
    back = list_feedback(w.ctx).rows[0]
    assert back.proposal_id is None and not back.handled and back.answer is None
    toggled, record = set_handled(w.ctx, row.id, True, back.version)
    assert toggled.handled
    undo(w.ctx, record)
    assert not list_feedback(w.ctx).rows[0].handled
    update_feedback(w.ctx, row.id, data, list_feedback(w.ctx).rows[0].version, today=TODAY)
    delete_proposal(w.ctx, p.id)  # a deleted proposal no longer shows as the link
    assert list_feedback(w.ctx).rows[0].proposal_title is None


def test_delete_undo_and_restore(w):
    row, _ = _add(w)
    record = delete_feedback(w.ctx, row.id, row.version)
    assert list_feedback(w.ctx).rows == []
    undo(w.ctx, record)
    assert len(list_feedback(w.ctx).rows) == 1
    delete_feedback(w.ctx, row.id)
    item = next(i for i in list_trash(w.ctx) if i.kind == "feedback")
    assert item.label == "좋아요 · 직원이 친절해요 (2026-06-10)"
    restore(w.ctx, "feedback", row.id)
    assert len(list_feedback(w.ctx).rows) == 1


def test_feedback_ids_sort_and_search_in_sql_counts_by_group(w):
    from panelapp.services.engagement.feedback import feedback_counts, feedback_ids, feedback_rows

    like, _ = _add(w, facility_id=w.gym)
    warm, _ = _add(w, K.DISLIKE, "샤워실 온수", D(2026, 6, 1), facility_id=w.gym, answer="고쳤습니다")
    bench, _ = _add(w, K.DISLIKE, "벤치 부서짐", D(2026, 5, 20), facility_id=w.park)
    none, _ = _add(w, K.DISLIKE, "안내 부족", D(2026, 5, 20))
    q = FeedbackQuery(cohort_id=w.cohort_id)
    assert feedback_ids(w.ctx, q) == [like.id, warm.id, none.id, bench.id]  # newest, then id
    assert feedback_ids(w.ctx, q, "received", False) == [bench.id, none.id, warm.id, like.id]
    assert feedback_ids(w.ctx, q, "facility", False)[0] == none.id  # no facility first
    assert feedback_ids(w.ctx, q, "answered", True)[0] == warm.id  # the one answer; the rest after
    assert feedback_ids(w.ctx, q, "text", False)[0] == bench.id  # 가나다
    assert feedback_ids(w.ctx, q, "handled", True)[0] == warm.id
    assert feedback_ids(w.ctx, FeedbackQuery(w.cohort_id, search="온수")) == [warm.id]
    assert feedback_ids(w.ctx, FeedbackQuery(w.cohort_id, search="%")) == []  # wildcards are text
    counts = feedback_counts(w.ctx, FeedbackQuery(w.cohort_id, facility_id=w.gym))
    assert (counts.likes, counts.dislikes, counts.total, counts.shown) == (1, 1, 4, 2)
    rows = {r.id: r for r in feedback_rows(w.ctx, [bench.id, like.id])}
    assert rows[bench.id].facility_name == "새봄근린공원" and set(rows) == {bench.id, like.id}
    delete_feedback(w.ctx, bench.id)
    assert feedback_rows(w.ctx, [bench.id]) == [] and feedback_counts(w.ctx, q).total == 3


def test_proposal_link_choices_narrow_to_the_facility_and_keep_the_current_link(w):
    from panelapp.services.engagement.feedback import proposal_link_choices

    gym_p, _ = create_proposal(
        w.ctx, ProposalInput(w.cohort_id, "샤워실 개선", proposal="온수", facility_id=w.gym), today=TODAY
    )
    park_p, _ = create_proposal(
        w.ctx, ProposalInput(w.cohort_id, "벤치 교체", proposal="교체", facility_id=w.park), today=TODAY
    )
    any_p, _ = create_proposal(w.ctx, ProposalInput(w.cohort_id, "안내 개선", proposal="안내판"), today=TODAY)
    everything, more = proposal_link_choices(w.ctx, w.cohort_id)
    assert {pid for pid, _l in everything} == {gym_p.id, park_p.id, any_p.id} and not more
    gym, _ = proposal_link_choices(w.ctx, w.cohort_id, w.gym)
    assert {pid for pid, _l in gym} == {gym_p.id, any_p.id}
    assert gym[0][1].endswith("(접수)")
    kept, _ = proposal_link_choices(w.ctx, w.cohort_id, w.gym, include_id=park_p.id)
    assert kept[0][0] == park_p.id and len(kept) == 3
    few, more = proposal_link_choices(w.ctx, w.cohort_id, limit=2)
    assert len(few) == 2 and more
