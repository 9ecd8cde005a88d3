"""Demo proposals, feedback and posts: every status, histories that make sense, overdue ones,
both feedback kinds from every source, posts by the news team only."""

import datetime as dt
from collections import Counter

from sqlalchemy import select

from panelapp.db.models import ContentPost, Enrollment, Team
from panelapp.domain.enums import FeedbackKind, FeedbackSource, TeamKind
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.localtime import to_local
from panelapp.domain.proposal_rules import TRANSITIONS
from panelapp.services.context import reading
from panelapp.services.engagement.feedback import list_feedback
from panelapp.services.proposals.manage import ProposalQuery, get_proposal, list_proposals

TODAY = dt.date(2026, 11, 23)


def test_proposals_in_every_status_with_sensible_histories(demo_ctx):
    ctx = demo_ctx
    rows = list_proposals(ctx, ProposalQuery(today=TODAY))
    assert 20 <= len(rows) <= 30 and set(Counter(r.status for r in rows)) == set(PS)
    answers = [r.days_to_answer for r in rows if r.days_to_answer is not None]
    assert min(answers) <= 1 and max(answers) >= 14
    assert sum(r.overdue for r in rows) >= 3
    for row in rows:
        p = get_proposal(ctx, row.id, today=TODAY)
        chain = [(e.from_status, e.to_status) for e in p.events if not e.is_progress and e.kind is None]
        # (진행 상황 and 추진 단계 entries: no step)
        assert chain[0] == (None, PS.SUBMITTED) and p.events[-1].to_status == p.status
        assert all(b in TRANSITIONS[a] for a, b in chain[1:])
        days = [to_local(e.at).date() for e in p.events]
        assert days == sorted(days) and days[0] == p.submitted_on and days[-1] <= TODAY
        assert all(e.user_name for e in p.events)
        if p.status in (PS.ACCEPTED, PS.PARTIAL, PS.DECLINED, PS.IN_PROGRESS, PS.DONE):
            assert p.answer and p.answered_on >= p.submitted_on
        if p.status == PS.DECLINED:
            assert p.decline_reason
        assert (p.completed_on is not None) == (p.status == PS.DONE)
        assert p.department_id is not None and (p.facility_id is not None or p.proposer_name)


def test_feedback_and_posts(demo_ctx):
    ctx = demo_ctx
    fb = list_feedback(ctx)
    assert len(fb.rows) >= 30 and fb.likes >= 10 and fb.dislikes >= 10
    assert {r.source for r in fb.rows} == set(FeedbackSource)
    handled = [r for r in fb.rows if r.handled]
    assert handled and all(r.answer and r.answered_on >= r.received_on for r in handled)
    assert any(r.proposal_id for r in fb.rows if r.kind == FeedbackKind.DISLIKE)
    assert any(not r.handled for r in fb.rows)
    with reading(ctx) as s:
        kinds = list(
            s.scalars(
                select(Team.kind)
                .join(Enrollment, Enrollment.team_id == Team.id)
                .join(ContentPost, ContentPost.enrollment_id == Enrollment.id)
            )
        )
        assert len(kinds) >= 15 and set(kinds) == {TeamKind.NEWS}
        assert len(set(s.scalars(select(ContentPost.channel)))) == 5
