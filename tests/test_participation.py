"""One definition of participation (domain/participation.py, SQL in services/activities/stats.py).

Who was expected at what: the cohort-wide events inside the member's enrolment, and the completed
visits they were assigned to; nothing future, cancelled or deleted. Every output must print the
same figures for every member: the roster rows, the dashboard's means, the report's 단원별 참여
(its data and the PDF read back), the activity certificate and the roster export (.xlsx, .csv),
on the demo and on randomly generated cohorts, all equal to the rule computed in plain Python.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import random
import re
from collections import defaultdict

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import select

from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    Cohort,
    ContentPost,
    Enrollment,
    Facility,
    Inspection,
    InspectionAssignment,
    Member,
    Organization,
    Team,
)
from panelapp.domain.enums import (
    AssignmentRole,
    ContentChannel,
    EnrollmentStatus,
    EventKind,
    InspectionStatus,
    MemberRole,
)
from panelapp.domain.formatting import format_hours, format_rate
from panelapp.domain.participation import (
    Enrolment,
    EventFacts,
    ParticipationFigures,
    count_text,
    counts_for,
    hours_text,
    rate_text,
    tally,
)
from panelapp.domain.report_data import ReportOptions
from panelapp.io.roster_export import HOURS_FORMAT, PERCENT_FORMAT
from panelapp.reports.improvement_report import render_improvement_report
from panelapp.services.activities.certificates import certificate_data
from panelapp.services.activities.stats import block_stats, cohort_stats, stats_for
from panelapp.services.context import reading, transaction
from panelapp.services.people.roster import RosterQuery, roster_ids, roster_rows
from panelapp.services.reporting.dashboard import load_participation
from panelapp.services.reporting.query import build_report_data
from panelapp.services.roster_io.export import export_roster

D = dt.date
TODAY = D(2026, 10, 1)
TERM = (D(2026, 3, 1), D(2026, 12, 31))
PURPOSE = "참여 집계 대조 시험"


# ----- the rule in plain Python, from the raw rows -------------------------------------------------
def oracle(s, cohort_id: int, today: dt.date, window=None) -> dict[int, ParticipationFigures]:
    """Each live enrolment's figures by domain.participation.tally, from rows read one by one."""
    visits = {
        i: (status == InspectionStatus.COMPLETED and deleted is None)
        for i, status, deleted in s.execute(select(Inspection.id, Inspection.status, Inspection.deleted_at))
    }
    assigned: dict[int, set[int]] = defaultdict(set)
    for insp, eid in s.execute(
        select(InspectionAssignment.inspection_id, InspectionAssignment.enrollment_id)
    ):
        assigned[insp].add(eid)
    events = {}
    for ev in s.scalars(select(ActivityEvent).where(ActivityEvent.cohort_id == cohort_id)):
        visit = ev.inspection_id is not None or ev.kind == EventKind.INSPECTION
        events[ev.id] = EventFacts(
            ev.event_date,
            ev.hours,
            deleted=ev.deleted_at is not None,
            visit=visit,
            completed=visits.get(ev.inspection_id, False),
            assigned=frozenset(assigned.get(ev.inspection_id, ())),
        )
    marks: dict[int, dict[int, tuple[bool, float]]] = defaultdict(dict)  # enrolment → event → mark
    for event_id, eid, present, hours in s.execute(
        select(Attendance.event_id, Attendance.enrollment_id, Attendance.present, Attendance.hours)
    ):
        marks[eid][event_id] = (bool(present), float(hours))
    posts: dict[int, list] = defaultdict(list)
    for eid, day, hours, deleted in s.execute(
        select(ContentPost.enrollment_id, ContentPost.published_on, ContentPost.hours, ContentPost.deleted_at)
    ):
        if deleted is None:
            posts[eid].append((day, float(hours)))

    def every_event(eid: int):
        for event_id, facts in events.items():
            present, hours = marks[eid].get(event_id, (False, 0.0))
            yield facts, present, hours

    return {
        e.id: tally(e.id, Enrolment(e.joined_on, e.left_on), every_event(e.id), posts[e.id], today, window)
        for e in s.scalars(
            select(Enrollment).where(Enrollment.cohort_id == cohort_id, Enrollment.deleted_at.is_(None))
        )
    }


# ----- every output, read as a user would see it ---------------------------------------------------
def _pdf_participation(pdf: bytes) -> dict[str, tuple[str, str, str]]:
    """name → (참석 / 대상, 출석률, 활동 시간) as the PDF's 단원별 참여 table prints them."""
    header = ["이름", "단", "역할", "상태", "참석 / 대상", "출석률", "활동 시간"]
    found: dict[str, tuple[str, str, str]] = {}
    started = False
    for page in PdfReader(io.BytesIO(pdf)).pages:
        lines = [line.strip() for line in page.extract_text().splitlines()]
        started = started or "단원별 참여" in lines
        if not started:
            continue
        starts = [i for i in range(len(lines)) if lines[i : i + len(header)] == header]
        if not starts:
            continue
        cells = []
        for line in lines[starts[0] + len(header) :]:
            if re.fullmatch(r"쪽 \d+ / \d+", line):
                break
            cells.append(line)
        for k in range(0, len(cells) - 6, 7):
            name, _team, _role, _status, count, rate, hours = cells[k : k + 7]
            found[name] = (count, rate, hours)
    return found


def _export_columns(path) -> dict[str, tuple]:
    """name → (hours, rate) as the file holds them: in the .csv the text cells ("29.5", "86.7%");
    in the .xlsx (value, number format) of the cells, numbers that Excel sums and sorts."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            table = list(csv.reader(f))
        head = table[0]
        name, hours, rate = head.index("이름"), head.index("활동 시간"), head.index("출석률")
        return {row[name]: (row[hours], row[rate]) for row in table[1:]}
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows())
    head = [c.value for c in rows[0]]
    name, hours, rate = head.index("이름"), head.index("활동 시간"), head.index("출석률")
    return {
        row[name].value: (
            (row[hours].value, row[hours].number_format),
            (row[rate].value, row[rate].number_format),
        )
        for row in rows[1:]
    }


def _assert_export_figures(suffix: str, got: tuple, want, texts: tuple[str, str, str], name: str) -> None:
    """The export's hours and rate are the rule's figures: text that reads as the printed one in
    the .csv, numbers (formatted as 29.5 and 86.7%) that print as the same in the .xlsx."""
    hours, rate = got
    if suffix == ".csv":
        assert re.fullmatch(r"\d+(\.\d)?", hours), (suffix, name, hours)
        assert format_hours(float(hours)) == texts[2], (suffix, name)
        assert rate == ("" if want.rate is None else texts[1]), (suffix, name)
        return
    (h_value, h_format), (r_value, r_format) = hours, rate
    assert isinstance(h_value, int | float) and not isinstance(h_value, bool), (suffix, name, h_value)
    assert h_value == want.hours and h_format == HOURS_FORMAT, (suffix, name)
    assert format_hours(h_value) == texts[2], (suffix, name)
    if want.rate is None:
        assert r_value is None, (suffix, name)
    else:
        assert isinstance(r_value, int | float) and not isinstance(r_value, bool), (suffix, name, r_value)
        # openpyxl writes 15 significant digits, as Excel keeps them
        assert r_value == pytest.approx(want.rate, rel=1e-13) and r_format == PERCENT_FORMAT, (suffix, name)
        assert format_rate(r_value) == texts[1], (suffix, name)


def assert_outputs_agree(ctx, cohort_id: int, today: dt.date, tmp_path, pdf: bool = True) -> int:
    """Every output against the rule, member by member; returns how many members were compared."""
    with reading(ctx) as s:
        expected = oracle(s, cohort_id, today)
        sql_cohort = cohort_stats(s, cohort_id, today)
        sql_block = stats_for(s, list(expected), today)

    ids = roster_ids(ctx, RosterQuery(cohort_id))
    roster = {r.enrollment_id: r for r in roster_rows(ctx, ids, today=today)}
    late = block_stats(ctx, ids, today)  # what the roster page fetches on a worker
    names = {eid: r.name for eid, r in roster.items()}
    assert set(roster) == set(expected) and len(set(names.values())) == len(names)

    report = build_report_data(
        ctx,
        ReportOptions(cohort_id, photos=False, mask_personal=False, purpose=PURPOSE, report_date=today),
    )
    in_report = {r.name: r for r in report.participation}
    printed = _pdf_participation(render_improvement_report(report)[0]) if pdf else None
    exports = {}
    for suffix in (".xlsx", ".csv"):
        path = tmp_path / f"명단-{cohort_id}{suffix}"
        export_roster(ctx, cohort_id, path, unmasked=True, purpose=PURPOSE, today=today)
        exports[suffix] = _export_columns(path)

    for eid, want in expected.items():
        name, row = names[eid], roster[eid]
        texts = (
            count_text(want.attended, want.held),
            rate_text(want.attended, want.held),
            hours_text(want.hours),
        )
        assert sql_cohort[eid] == sql_block[eid] == late[eid] == want, name
        assert (row.hours, row.attended, row.held, row.rate) == (
            want.hours,
            want.attended,
            want.held,
            want.rate,
        )
        r = in_report[name]
        assert (r.hours, r.attended, r.held) == (want.hours, want.attended, want.held), name
        assert r.rate == want.rate, name
        if printed is not None:
            assert printed[name] == texts, name
        cert = certificate_data(ctx, eid, issued_on=today)
        assert (cert.total_hours, cert.attended, cert.held) == (want.hours, want.attended, want.held)
        assert (cert.hours_text, cert.rate_text) == (texts[2], texts[1])
        assert sum(a.hours for a in cert.activities) == pytest.approx(want.hours)
        for suffix, columns in exports.items():
            _assert_export_figures(suffix, columns[name], want, texts, name)
    assert len(in_report) == len(expected)

    dash = load_participation(ctx, cohort_id, today)
    active = [want for eid, want in expected.items() if roster[eid].status == EnrollmentStatus.ACTIVE]
    rates = [w.rate for w in active if w.rate is not None]
    assert dash.active_members == len(active)
    assert dash.mean_hours == (pytest.approx(sum(w.hours for w in active) / len(active)) if active else None)
    assert dash.mean_attendance_rate == (pytest.approx(sum(rates) / len(rates)) if rates else None)
    return len(expected)


# ----- the demo ------------------------------------------------------------------------------------
def test_every_output_agrees_for_every_member_of_the_demo(demo_ctx, tmp_path):
    with reading(demo_ctx) as s:
        cohorts = s.execute(select(Cohort.id, Cohort.number)).all()
    today = dt.date(2026, 12, 2)
    for cohort_id, number in cohorts:
        # (the earlier cohort, 제5기, is eight people whose retention has passed)
        assert assert_outputs_agree(demo_ctx, cohort_id, today, tmp_path, pdf=number == 7) > (
            5 if number == 5 else 20
        )


def test_the_demo_report_no_longer_divides_by_every_event_of_the_cohort(demo_ctx):
    """The bug: 13/72 = 18.1 % in the report for a member the roster showed at 86.7 %."""
    with reading(demo_ctx) as s:
        cohort_id = s.scalar(select(Cohort.id).where(Cohort.number == 7))
    report = build_report_data(demo_ctx, ReportOptions(cohort_id, report_date=dt.date(2026, 12, 2)))
    events = len(report.events)
    assert all(r.held < events for r in report.participation)
    news = [r for r in report.participation if r.team == "소식이음단"]
    assert news and all(r.held <= sum(1 for e in report.events if e.held and e.kind != "점검") for r in news)


def test_the_activities_page_counts_held_events_as_the_report_does(demo_ctx):
    """The bug: 활동·출석 said 진행 72건 (every event dated by today, postponed and cancelled visits
    included) where the report said 62회 실시: both count an event for everyone by its date and a
    visit once its results are entered."""
    from panelapp.services.activities.sheet import events_summary

    with reading(demo_ctx) as s:
        cohort_id = s.scalar(select(Cohort.id).where(Cohort.number == 7))
    today = dt.date(2026, 12, 2)
    report = build_report_data(demo_ctx, ReportOptions(cohort_id, report_date=today))
    summary = events_summary(demo_ctx, cohort_id, today=today)
    assert summary.total == len(report.events)
    assert summary.held == report.summary.events_held == sum(1 for e in report.events if e.held)
    assert summary.held < sum(1 for e in report.events if e.event_date <= today)  # the demo has undone visits


# ----- random cohorts -------------------------------------------------------------------------------
_numbers = itertools.count(100)


def _day(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, (last - first).days))


def build_random_cohort(ctx, seed: int) -> int:
    """A cohort with late joiners, withdrawals, deleted and future events, visits in every status
    (some deleted), assignments inside and outside enrolments, stray attendance rows and posts."""
    rnd = random.Random(seed)
    number = next(_numbers)
    with transaction(ctx) as s:
        if s.scalar(select(Organization.id).limit(1)) is None:  # reports print the institution
            s.add(Organization(name="한빛시험공단"))
        cohort = Cohort(number=number, name=f"제{number}기", term_start=TERM[0], term_end=TERM[1])
        place = Facility(name=f"시설{number}")
        s.add_all([cohort, place])
        s.flush()
        teams = [
            Team(cohort_id=cohort.id, name=n, sort_order=k)
            for k, n in enumerate(("정책동행단", "소식이음단"))
        ]
        s.add_all(teams)
        s.flush()
        people = []
        for i in range(rnd.randint(4, 18)):
            m = Member(name=f"단원{number}가{i:02d}", phone=f"+8210{number:04d}{i:04d}")
            s.add(m)
            s.flush()
            joined = TERM[0] if rnd.random() < 0.6 else _day(rnd, TERM[0], D(2026, 9, 30))
            e = Enrollment(
                member_id=m.id,
                cohort_id=cohort.id,
                team_id=rnd.choice([t.id for t in teams] + [None]),
                role=MemberRole.MEMBER,
                joined_on=joined,
                status=EnrollmentStatus.ACTIVE,
            )
            if rnd.random() < 0.2:
                e.left_on, e.status = _day(rnd, joined, D(2026, 11, 30)), EnrollmentStatus.WITHDRAWN
            if rnd.random() < 0.05:
                e.deleted_at = dt.datetime(2026, 9, 1)
            s.add(e)
            people.append(e)
        s.flush()

        def attendance(event, who, present):
            s.add(
                Attendance(
                    event_id=event.id,
                    enrollment_id=who.id,
                    present=present,
                    hours=event.hours if present else 0.0,
                )
            )

        for k in range(rnd.randint(2, 8)):  # cohort-wide events, a few future or deleted
            event = ActivityEvent(
                cohort_id=cohort.id,
                kind=rnd.choice([EventKind.LAUNCH, EventKind.TRAINING, EventKind.MEETING, EventKind.OTHER]),
                title=f"행사{k}",
                event_date=_day(rnd, TERM[0], TERM[1]),
                hours=rnd.choice([1.0, 1.5, 2.0, 3.0]),
                deleted_at=dt.datetime(2026, 9, 2) if rnd.random() < 0.1 else None,
            )
            s.add(event)
            s.flush()
            for e in people:
                if rnd.random() < 0.8:  # rows outside a member's period happen (dates edited later)
                    attendance(event, e, rnd.random() < 0.75)
        for k in range(rnd.randint(1, 10)):  # visits
            day = _day(rnd, D(2026, 4, 1), TERM[1])
            if day > TODAY:
                status = rnd.choice(
                    [InspectionStatus.PLANNED, InspectionStatus.POSTPONED, InspectionStatus.CANCELLED]
                )
            else:
                status = rnd.choice([InspectionStatus.COMPLETED] * 3 + list(InspectionStatus))
            insp = Inspection(
                uid=f"u{number}-{k}",
                cohort_id=cohort.id,
                facility_id=place.id,
                team_id=teams[0].id,
                scheduled_date=day,
                status=status,
                deleted_at=dt.datetime(2026, 9, 3) if rnd.random() < 0.1 else None,
            )
            s.add(insp)
            s.flush()
            event = ActivityEvent(
                cohort_id=cohort.id,
                kind=EventKind.INSPECTION,
                title=f"점검{k}",
                event_date=day,
                hours=2.0,
                inspection_id=insp.id,
                deleted_at=dt.datetime(2026, 9, 4) if status == InspectionStatus.CANCELLED else None,
            )
            s.add(event)
            s.flush()
            crew = rnd.sample(people, min(len(people), rnd.randint(1, 4)))
            for n, e in enumerate(crew):
                role = AssignmentRole.LEAD if n == 0 else AssignmentRole.MEMBER
                s.add(InspectionAssignment(inspection_id=insp.id, enrollment_id=e.id, role=role))
                if status == InspectionStatus.COMPLETED:
                    attendance(event, e, n == 0 or rnd.random() < 0.8)
            stray = [e for e in people if e not in crew]
            if stray and rnd.random() < 0.3:  # a row left from before the crew changed
                attendance(event, rnd.choice(stray), True)
        for k in range(rnd.randint(0, 6)):
            s.add(
                ContentPost(
                    enrollment_id=rnd.choice(people).id,
                    channel=ContentChannel.BLOG,
                    title=f"후기{k}",
                    published_on=_day(rnd, TERM[0], TERM[1]),
                    hours=rnd.choice([0.0, 0.5, 1.0, 2.0]),
                    deleted_at=dt.datetime(2026, 9, 5) if rnd.random() < 0.1 else None,
                )
            )
        return cohort.id


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_every_output_agrees_on_random_cohorts(ctx, tmp_path, seed):
    cohort_id = build_random_cohort(ctx, seed)
    assert_outputs_agree(ctx, cohort_id, TODAY, tmp_path, pdf=False)


@pytest.mark.parametrize("seed", [7, 20260314])
def test_the_printed_report_agrees_on_a_random_cohort(ctx, tmp_path, seed):
    assert_outputs_agree(ctx, build_random_cohort(ctx, seed), TODAY, tmp_path, pdf=True)


def test_a_report_period_narrows_the_figures_to_it(ctx):
    cohort_id = build_random_cohort(ctx, 99)
    period = (D(2026, 5, 1), D(2026, 7, 31))
    with reading(ctx) as s:
        want = oracle(s, cohort_id, TODAY, window=period)
        whole = oracle(s, cohort_id, TODAY)
        names = dict(s.execute(select(Enrollment.id, Member.name).join(Member)).all())
    report = build_report_data(
        ctx,
        ReportOptions(
            cohort_id,
            date_from=period[0],
            date_to=period[1],
            mask_personal=False,
            purpose=PURPOSE,
            report_date=TODAY,
        ),
    )
    got = {r.name: (r.hours, r.attended, r.held) for r in report.participation}
    compared = [eid for eid in want if names[eid] in got]
    assert compared and want != whole
    for eid in compared:
        assert got[names[eid]] == (want[eid].hours, want[eid].attended, want[eid].held)


# ----- the edge cases, one by one --------------------------------------------------------------------
def test_who_was_expected_at_what(ctx):
    """Joined mid-term: not expected earlier. Withdrawn: not after leaving. A visit: only its
    assigned members, and only once completed. Cancelled, postponed, planned, deleted, future:
    no one."""
    with transaction(ctx) as s:
        c = Cohort(number=9, name="제9기", term_start=TERM[0], term_end=TERM[1])
        place = Facility(name="중앙공원")
        s.add_all([c, place])
        s.flush()
        early, late, gone, other = (
            Member(name=n, phone=p)
            for n, p in [
                ("김처음", "+821011110001"),
                ("이늦게", "+821011110002"),
                ("박떠남", "+821011110003"),
                ("최배정", "+821011110004"),
            ]
        )
        s.add_all([early, late, gone, other])
        s.flush()
        e_early = Enrollment(member_id=early.id, cohort_id=c.id, joined_on=D(2026, 3, 1))
        e_late = Enrollment(member_id=late.id, cohort_id=c.id, joined_on=D(2026, 5, 1))
        e_gone = Enrollment(
            member_id=gone.id,
            cohort_id=c.id,
            joined_on=D(2026, 3, 1),
            left_on=D(2026, 6, 30),
            status=EnrollmentStatus.WITHDRAWN,
        )
        e_other = Enrollment(member_id=other.id, cohort_id=c.id, joined_on=D(2026, 3, 1))
        everyone = [e_early, e_late, e_gone, e_other]
        s.add_all(everyone)
        s.flush()

        def event(day, kind=EventKind.TRAINING, **kw):
            ev = ActivityEvent(
                cohort_id=c.id, kind=kind, title=f"{kind.label} {day}", event_date=day, hours=2.0, **kw
            )
            s.add(ev)
            s.flush()
            return ev

        def visit(day, status, crew, deleted=False):
            insp = Inspection(
                uid=f"v{day}",
                cohort_id=c.id,
                facility_id=place.id,
                scheduled_date=day,
                status=status,
                deleted_at=dt.datetime(2026, 9, 1) if deleted else None,
            )
            s.add(insp)
            s.flush()
            cancelled = dt.datetime(2026, 9, 1) if status == InspectionStatus.CANCELLED else None
            ev = event(day, EventKind.INSPECTION, inspection_id=insp.id, deleted_at=cancelled)
            for e in crew:
                s.add(InspectionAssignment(inspection_id=insp.id, enrollment_id=e.id))
            return ev

        def mark(ev, e, present=True):
            s.add(
                Attendance(event_id=ev.id, enrollment_id=e.id, present=present, hours=2.0 if present else 0.0)
            )

        march, june, august = (
            event(D(2026, 3, 10)),
            event(D(2026, 6, 10), EventKind.MEETING),
            event(D(2026, 8, 10)),
        )
        future = event(D(2026, 12, 20))
        trashed = event(D(2026, 7, 1), deleted_at=dt.datetime(2026, 7, 2))
        done = visit(D(2026, 5, 20), InspectionStatus.COMPLETED, [e_early, e_late])
        cancelled = visit(D(2026, 6, 5), InspectionStatus.CANCELLED, [e_early])
        unentered = visit(D(2026, 9, 1), InspectionStatus.PLANNED, [e_early])
        postponed = visit(D(2026, 9, 10), InspectionStatus.POSTPONED, [e_early])
        binned = visit(D(2026, 9, 15), InspectionStatus.COMPLETED, [e_early], deleted=True)
        for e in everyone:
            for ev in (march, june, august, trashed):
                mark(ev, e, present=not (e is e_late and ev is august))
        mark(done, e_early, present=False)
        mark(done, e_late)
        mark(done, e_other)  # present on a visit they are not assigned to (a stale row)
        for ev in (cancelled, unentered, postponed, binned, future):
            mark(ev, e_early)
        ids = [e.id for e in everyone]
    with reading(ctx) as s:
        stats = stats_for(s, ids, today=TODAY)
        assert oracle(s, c.id, TODAY) == stats
    # early: 3 cohort-wide events held + the completed visit they missed
    assert stats[ids[0]] == ParticipationFigures(6.0, 3, 4)
    # late (joined 5/1): not the March event, although a row says present; June and the visit
    assert stats[ids[1]] == ParticipationFigures(4.0, 2, 3)
    # withdrawn 6/30: March and June, not August
    assert stats[ids[2]] == ParticipationFigures(4.0, 2, 2)
    # the visit is not theirs: the three cohort-wide events only, no credit for the stray row
    assert stats[ids[3]] == ParticipationFigures(6.0, 3, 3)
    assert stats[ids[0]].rate_text == "75%" and stats[ids[1]].rate_text == "66.7%"
    # a future event counts once its day has come
    with reading(ctx) as s:
        assert stats_for(s, ids[3:], today=D(2026, 12, 20))[ids[3]].held == 4
    cert = certificate_data(ctx, ids[1], issued_on=TODAY)
    assert [a.date for a in cert.activities] == [D(2026, 5, 20), D(2026, 6, 10)]


def test_the_rule_in_plain_python():
    member = Enrolment(D(2026, 5, 1), D(2026, 8, 31))
    training = EventFacts(D(2026, 6, 1))
    assert counts_for(training, 1, member, TODAY)
    assert not counts_for(EventFacts(D(2026, 4, 30)), 1, member, TODAY)  # before joining
    assert not counts_for(EventFacts(D(2026, 9, 1)), 1, member, TODAY)  # after leaving
    assert not counts_for(EventFacts(D(2026, 6, 1), deleted=True), 1, member, TODAY)
    assert not counts_for(training, 1, member, D(2026, 5, 31))  # not held yet
    assert not counts_for(training, 1, member, TODAY, window=(D(2026, 7, 1), D(2026, 7, 31)))
    visit = EventFacts(D(2026, 6, 1), visit=True, completed=True, assigned=frozenset({1}))
    assert counts_for(visit, 1, member, TODAY) and not counts_for(visit, 2, member, TODAY)
    planned = EventFacts(D(2026, 6, 1), visit=True, completed=False, assigned=frozenset({1}))
    assert not counts_for(planned, 1, member, TODAY)
    assert ParticipationFigures(1.26, 0, 0).hours == 1.3 and ParticipationFigures(0, 0, 0).rate_text == "–"
    assert (hours_text(38.0), hours_text(1234.5), rate_text(13, 15), count_text(13, 15)) == (
        "38시간",
        "1,234.5시간",
        "86.7%",
        "13 / 15",
    )
