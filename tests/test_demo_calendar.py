"""The demo is dated from the day it is loaded (services/demo/calendar.py): on any day it shows a
cohort in progress, completed visits with results, a few past visits still waiting for results,
visits planned this month and next (never on a weekend or a Korean holiday), proposals open,
overdue and answered, and nothing that has already happened dated after that day.

The anchors: a Wednesday in December, 삼일절 (a holiday, Monday 2027-03-01), a Thursday in July
and a Saturday, besides the suite's own fixed anchor (conftest.DEMO_ANCHOR)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import func, select

from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    ChecklistResponse,
    Cohort,
    Consent,
    ContentPost,
    Enrollment,
    Feedback,
    Finding,
    Inspection,
    Member,
    Proposal,
    ProposalEvent,
    proposal_findings,
)
from panelapp.domain.enums import CohortStatus, EnrollmentStatus, EventKind, InspectionStatus
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.holidays_kr import holiday_name
from panelapp.domain.localtime import to_local
from panelapp.domain.proposal_rules import UNANSWERED, is_overdue
from panelapp.services.context import reading
from panelapp.services.demo.build import load_demo
from panelapp.services.demo.calendar import BASE_ANCHOR, DemoCalendar, month_end
from panelapp.services.org.deadlines import due_for_findings

ANCHORS = [
    dt.date(2026, 12, 2),  # Wednesday
    dt.date(2027, 3, 1),  # 삼일절, a Monday holiday, the first of a month
    dt.date(2027, 7, 15),  # Thursday, a visit day
    dt.date(2027, 1, 16),  # Saturday
]
ST = InspectionStatus


def _build(tmp_path_factory, anchor: dt.date):
    from conftest import make_ctx

    ctx = make_ctx("sqlite", tmp_path_factory.mktemp(f"demo-{anchor:%Y%m%d}"))
    summary = load_demo(ctx, anchor=anchor)
    return ctx, summary


@pytest.fixture(scope="module", params=ANCHORS, ids=str)
def built(request, tmp_path_factory):
    ctx, summary = _build(tmp_path_factory, request.param)
    yield request.param, ctx, summary
    ctx.db.dispose()


def _cohort(s, number: int) -> Cohort:
    return s.scalar(select(Cohort).where(Cohort.number == number))


def test_a_cohort_is_in_progress_and_last_years_is_closed(built):
    anchor, ctx, _summary = built
    with reading(ctx) as s:
        c7, c6 = _cohort(s, 7), _cohort(s, 6)
        assert c7.status == CohortStatus.ACTIVE and c7.term_start <= anchor <= c7.term_end
        assert c7.term_start.day == 1 and c7.term_end == month_end(c7.term_end)
        # the term runs through the month after the anchor's: the calendar has a next month
        assert c7.term_end == month_end(month_end(anchor) + dt.timedelta(days=1))
        assert c7.term_start < c7.launch_date < anchor
        assert c6.status == CohortStatus.CLOSED and c6.term_end < c7.term_start
        assert c6.term_start <= c6.launch_date <= c6.term_end
        for e in s.scalars(select(Enrollment)):
            assert e.joined_on <= anchor and (e.left_on is None or e.left_on <= anchor)
        for ev in s.scalars(select(ActivityEvent).where(ActivityEvent.kind != EventKind.INSPECTION)):
            cohort = s.get(Cohort, ev.cohort_id)
            assert ev.event_date < anchor and cohort.term_start <= ev.event_date <= cohort.term_end
            assert not holiday_name(ev.event_date), ev.title
        assert s.scalar(select(func.max(Consent.consented_on))) <= anchor
        assert all(
            c.consented_on <= e.joined_on for c, e in s.execute(select(Consent, Enrollment).join(Enrollment))
        )


def test_visits_fill_this_month_and_next_on_working_days(built):
    anchor, ctx, _summary = built
    with reading(ctx) as s:
        c7 = _cohort(s, 7)
        visits = list(s.scalars(select(Inspection).where(Inspection.cohort_id == c7.id)))
        assert all(v.scheduled_date.weekday() < 5 and not holiday_name(v.scheduled_date) for v in visits)
        assert all(c7.term_start <= v.scheduled_date <= c7.term_end for v in visits)
        this_month = [
            v
            for v in visits
            if (v.scheduled_date.year, v.scheduled_date.month) == (anchor.year, anchor.month)
        ]
        nxt = month_end(anchor) + dt.timedelta(days=1)
        next_month = [
            v for v in visits if (v.scheduled_date.year, v.scheduled_date.month) == (nxt.year, nxt.month)
        ]
        assert len(this_month) >= 4, "the current month's calendar is not empty"
        assert sum(v.status == ST.PLANNED for v in next_month) >= 4
        ahead = [v for v in visits if v.scheduled_date >= anchor]
        assert ahead and all(v.status == ST.PLANNED for v in ahead)
        # upcoming visits in the current month whenever a Tuesday or Thursday is left in it
        left = [
            anchor + dt.timedelta(days=k)
            for k in range(1, (month_end(anchor) - anchor).days + 1)
            if (anchor + dt.timedelta(days=k)).weekday() in (1, 3)
        ]
        if any(not holiday_name(day) for day in left):
            assert any(v.status == ST.PLANNED and anchor < v.scheduled_date for v in this_month)
        statuses = Counter(v.status for v in visits)
        assert set(statuses) == set(ST) and statuses[ST.COMPLETED] > len(visits) / 2


def test_past_visits_have_results_except_a_few_recent_ones(built):
    anchor, ctx, _summary = built
    with reading(ctx) as s:
        c7 = _cohort(s, 7)
        visits = list(s.scalars(select(Inspection).where(Inspection.cohort_id == c7.id)))
        answered = set(s.scalars(select(ChecklistResponse.inspection_id).distinct()))
        done = [v for v in visits if v.status == ST.COMPLETED]
        assert all(v.scheduled_date < anchor for v in done)
        assert all(v.id in answered and v.actual_start is not None for v in done)
        assert not answered - {v.id for v in done}
        waiting = [v for v in visits if v.status == ST.PLANNED and v.scheduled_date < anchor]
        assert 2 <= len(waiting) <= 8, waiting
        assert all(anchor - v.scheduled_date <= dt.timedelta(days=28) for v in waiting)
        attended = set(
            s.scalars(
                select(ActivityEvent.inspection_id)
                .join(Attendance, Attendance.event_id == ActivityEvent.id)
                .where(ActivityEvent.inspection_id.is_not(None))
            )
        )
        assert attended == {v.id for v in done}
        findings = list(s.scalars(select(Finding)))
        assert len(findings) >= 25
        by_id = {v.id: v for v in visits}
        for f in findings:
            assert f.observed_on <= anchor and by_id[f.inspection_id].status == ST.COMPLETED
            assert f.observed_on == by_id[f.inspection_id].scheduled_date


def test_proposals_open_overdue_and_answered_before_the_anchor(built):
    anchor, ctx, _summary = built
    with reading(ctx) as s:
        proposals = list(s.scalars(select(Proposal)))
        for p in proposals:
            linked = s.scalars(
                select(proposal_findings.c.finding_id).where(proposal_findings.c.proposal_id == p.id)
            ).all()
            # the 답변 기한 rules by its findings, in working days (긴급 1, 높음 5, others 10)
            assert p.submitted_on <= anchor and p.due_on == due_for_findings(s, p.submitted_on, linked)
            assert p.submitted_on.weekday() < 5
            for day in (p.answered_on, p.completed_on):
                assert day is None or p.submitted_on <= day <= anchor
            days = [
                to_local(e.at).date()
                for e in s.scalars(select(ProposalEvent).where(ProposalEvent.proposal_id == p.id))
            ]
            assert days[0] == p.submitted_on and max(days) <= anchor
        unanswered = [p for p in proposals if p.status in UNANSWERED]
        overdue = [p for p in unanswered if is_overdue(p.status, p.due_on, anchor)]
        assert len(proposals) - len(unanswered) >= len(proposals) / 2  # most are answered
        assert len(overdue) >= 2 and len(unanswered) - len(overdue) >= 1  # some late, some on time
        assert {p.status for p in proposals} == set(PS)
        for f in s.scalars(select(Feedback)):
            assert f.received_on <= anchor and (
                f.answered_on is None or f.received_on <= f.answered_on <= anchor
            )
        assert s.scalar(select(func.max(ContentPost.published_on))) <= anchor


def test_the_summary_adds_up(built):
    anchor, ctx, summary = built
    lines = summary.splitlines()
    assert lines[0].startswith(f"기준일 {anchor:%Y-%m-%d}:")
    with reading(ctx) as s:
        c5, c6, c7 = _cohort(s, 5), _cohort(s, 6), _cohort(s, 7)
        earlier = select(Enrollment.member_id).where(Enrollment.cohort_id == c5.id)
        people = s.scalar(select(func.count()).select_from(Member).where(Member.id.not_in(earlier)))
        n5 = s.scalar(select(func.count()).select_from(Enrollment).where(Enrollment.cohort_id == c5.id))
        n6, n7 = (
            s.scalar(select(func.count()).select_from(Enrollment).where(Enrollment.cohort_id == c.id))
            for c in (c6, c7)
        )
        visits = s.scalar(select(func.count()).select_from(Inspection))
        w7 = s.scalar(
            select(func.count())
            .select_from(Enrollment)
            .where(Enrollment.cohort_id == c7.id, Enrollment.status == EnrollmentStatus.WITHDRAWN)
        )
    both = n6 + n7 - people
    assert f"활동 중인 제7기 {n7}명(중도 탈퇴 {w7}명 포함)" in lines[1]
    assert (
        f"참여단원 {people}명: 두 기수에 모두 참여한 {both}명은 한 사람으로 셉니다({n7} + {n6} - {both} = {people})."
        in lines
    )
    assert lines[-1].startswith(f"보유기간이 끝난 제5기 {n5}명:")
    visit_line = next(line for line in lines if line.startswith("행사 "))
    assert f"점검 {visits}회(" in visit_line
    parts = visit_line.split("(", 1)[1].rstrip(")").split(", ")
    assert sum(int(p.rsplit(" ", 1)[1]) for p in parts) == visits


def test_same_anchor_same_demo_and_another_week_the_same_season_moved(tmp_path_factory):
    def snapshot(ctx):
        with reading(ctx) as s:
            return (
                s.execute(select(Member.name, Member.phone).order_by(Member.id)).all(),
                s.execute(
                    select(Inspection.uid, Inspection.scheduled_date, Inspection.status).order_by(
                        Inspection.id
                    )
                ).all(),
                s.execute(select(Finding.title, Finding.observed_on).order_by(Finding.id)).all(),
                s.execute(
                    select(Proposal.title, Proposal.status, Proposal.submitted_on).order_by(Proposal.id)
                ).all(),
            )

    anchor = dt.date(2027, 7, 15)
    shots = []
    for day in (anchor, anchor, anchor + dt.timedelta(weeks=1)):
        ctx, _summary = _build(tmp_path_factory, day)
        shots.append(snapshot(ctx))
        ctx.db.dispose()
    assert shots[0] == shots[1]
    week_later = shots[2]
    assert week_later[0] == shots[0][0]
    assert [t for t, _d in week_later[2]] == [t for t, _d in shots[0][2]]
    assert [(t, st) for t, st, _d in week_later[3]] == [(t, st) for t, st, _d in shots[0][3]]
    # the season's first visit moved by a week (or less, when a holiday had pushed one of them)
    first, moved = shots[0][1][0][1], week_later[1][0][1]
    assert dt.timedelta(days=4) <= moved - first <= dt.timedelta(days=10)


def test_calendar_maps_the_material_to_the_last_friday_on_or_before_the_anchor():
    assert DemoCalendar(BASE_ANCHOR).now == BASE_ANCHOR
    for k in range(-9, 30):
        anchor = BASE_ANCHOR + dt.timedelta(days=k)
        cal = DemoCalendar(anchor)
        assert cal.now.weekday() == 4 and dt.timedelta(0) <= anchor - cal.now < dt.timedelta(days=7)
        assert cal.on(2026, 4, 6).weekday() == 0  # a Monday stays a Monday


def test_the_demo_is_seen_from_today_in_korea_by_default(sqlite_ctx):
    from panelapp.domain.localtime import today_local

    summary = load_demo(sqlite_ctx)
    assert summary.startswith(f"기준일 {today_local():%Y-%m-%d}:")


def test_an_anchor_outside_the_holiday_tables_is_refused_with_a_sentence(sqlite_ctx):
    from panelapp.domain.errors import DomainError

    with pytest.raises(DomainError, match="데모 기준일 1999-12-31은 쓸 수 없습니다"):
        load_demo(sqlite_ctx, anchor=dt.date(1999, 12, 31))
    with reading(sqlite_ctx) as s:
        assert s.scalar(select(func.count()).select_from(Cohort)) == 0


def test_cli_demo_today_picks_the_anchor_and_refuses_a_bad_date(tmp_path, capsys):
    from panelapp.cli.main import main

    path = tmp_path / "panel.db"
    assert main(["--db", str(path), "demo", "--today", "2027-03-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("데모 데이터를 불러왔습니다.\n기준일 2027-03-01:")
    assert "두 기수에 모두 참여한 16명" in out

    other = tmp_path / "other.db"
    assert main(["--db", str(other), "demo", "--today", "2027-13-01"]) == 1
    err = capsys.readouterr().err
    assert "--today: '2027-13-01'" in err and "날짜가 아닙니다" in err and "Traceback" not in err
    assert not other.exists()  # refused before the database was made
