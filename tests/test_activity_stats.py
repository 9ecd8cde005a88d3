import datetime as dt

import pytest
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
)
from panelapp.db.planner import refresh_statistics
from panelapp.domain.enums import AssignmentRole, ContentChannel, EventKind, InspectionStatus
from panelapp.services.activities.stats import stats_for
from panelapp.services.context import reading, transaction

D = dt.date


def test_hours_and_rate_count_only_the_members_own_period(ctx):
    with transaction(ctx) as s:
        c = Cohort(number=7, name="제7기", term_start=D(2026, 3, 1), term_end=D(2026, 12, 31))
        s.add(c)
        s.flush()
        a = Member(name="김하나", phone="+821011112222")
        b = Member(name="이두리", phone="+821033334444")
        s.add_all([a, b])
        s.flush()
        ea = Enrollment(member_id=a.id, cohort_id=c.id, joined_on=D(2026, 3, 1))
        eb = Enrollment(member_id=b.id, cohort_id=c.id, joined_on=D(2026, 5, 1))  # joined late
        s.add_all([ea, eb])
        s.flush()
        events = [
            ActivityEvent(cohort_id=c.id, kind=EventKind.TRAINING, title=f"교육{i}", event_date=d, hours=2.0)
            for i, d in enumerate([D(2026, 3, 10), D(2026, 6, 10), D(2026, 9, 10), D(2027, 1, 5)])
        ]
        deleted = ActivityEvent(
            cohort_id=c.id,
            kind=EventKind.OTHER,
            title="삭제됨",
            event_date=D(2026, 6, 1),
            hours=5.0,
            deleted_at=dt.datetime(2026, 6, 2),
        )
        s.add_all(events + [deleted])
        s.flush()
        s.add_all(
            [
                Attendance(event_id=events[0].id, enrollment_id=ea.id, present=True, hours=2.0),
                Attendance(event_id=events[1].id, enrollment_id=ea.id, present=False, hours=0.0),
                Attendance(event_id=events[1].id, enrollment_id=eb.id, present=True, hours=1.5),
                Attendance(event_id=deleted.id, enrollment_id=ea.id, present=True, hours=5.0),
                ContentPost(
                    enrollment_id=eb.id,
                    channel=ContentChannel.BLOG,
                    title="후기",
                    published_on=D(2026, 7, 1),
                    hours=1.0,
                ),
            ]
        )
        ids = (ea.id, eb.id)
    with reading(ctx) as s:
        stats = stats_for(s, list(ids), today=D(2026, 10, 1))
    a_stats, b_stats = stats[ids[0]], stats[ids[1]]
    assert (a_stats.hours, a_stats.attended, a_stats.held) == (2.0, 1, 3)
    assert (b_stats.hours, b_stats.attended, b_stats.held) == (2.5, 1, 2)
    assert b_stats.rate == 0.5


def test_an_inspection_counts_only_for_the_members_assigned_to_it(ctx):
    """A completed visit is expected of its assigned members (present or not), of no one else;
    an attendance row left over for someone no longer assigned neither counts nor credits."""
    with transaction(ctx) as s:
        c = Cohort(number=7, name="제7기", term_start=D(2026, 3, 1), term_end=D(2026, 12, 31))
        place = Facility(name="중앙공원")
        s.add_all([c, place])
        s.flush()
        a, b, z, gone = (
            Member(name=n, phone=p)
            for n, p in [
                ("김하나", "+821011112222"),
                ("이두리", "+821033334444"),
                ("박세나", "+821055556666"),
                ("최다섯", "+821077778888"),
            ]
        )
        s.add_all([a, b, z, gone])
        s.flush()
        ea, eb, ez, eg = (
            Enrollment(member_id=m.id, cohort_id=c.id, joined_on=D(2026, 3, 1)) for m in (a, b, z, gone)
        )
        s.add_all([ea, eb, ez, eg])
        s.flush()
        insp = Inspection(
            uid="visit-1",
            cohort_id=c.id,
            facility_id=place.id,
            scheduled_date=D(2026, 5, 1),
            status=InspectionStatus.COMPLETED,
        )
        s.add(insp)
        s.flush()
        visit = ActivityEvent(
            cohort_id=c.id,
            kind=EventKind.INSPECTION,
            title="공원 점검",
            event_date=D(2026, 5, 1),
            hours=2.0,
            inspection_id=insp.id,
        )
        s.add(visit)
        s.flush()
        s.add_all(
            [
                InspectionAssignment(inspection_id=insp.id, enrollment_id=ea.id, role=AssignmentRole.LEAD),
                InspectionAssignment(inspection_id=insp.id, enrollment_id=eb.id),
                Attendance(event_id=visit.id, enrollment_id=ea.id, present=True, hours=2.0),
                Attendance(event_id=visit.id, enrollment_id=eb.id, present=False, hours=0.0),
                Attendance(event_id=visit.id, enrollment_id=eg.id, present=True, hours=2.0),
            ]
        )
        ids = (ea.id, eb.id, ez.id, eg.id)
    with reading(ctx) as s:
        stats = stats_for(s, list(ids), today=D(2026, 10, 1))
    assert [(stats[i].attended, stats[i].held, stats[i].hours) for i in ids] == [
        (1, 1, 2.0),
        (0, 1, 0.0),
        (0, 0, 0.0),
        (0, 0, 0.0),
    ]
    assert stats[ids[2]].rate is None  # not assigned: the visit does not lower their rate


def _cohort_with_members(ctx, n):
    from sqlalchemy import insert

    with transaction(ctx) as s:
        c = Cohort(number=8, name="제8기", term_start=D(2026, 3, 1), term_end=D(2026, 12, 31))
        s.add(c)
        s.flush()
        s.execute(insert(Member), [{"name": f"단원{i}", "phone": f"+82105555{i:04d}"} for i in range(n)])
        member_ids = s.scalars(select(Member.id).where(Member.name.like("단원%"))).all()
        s.execute(
            insert(Enrollment),
            [{"member_id": m, "cohort_id": c.id, "joined_on": D(2026, 3, 1)} for m in member_ids],
        )
        event = ActivityEvent(
            cohort_id=c.id, kind=EventKind.LAUNCH, title="발대식", event_date=D(2026, 3, 14)
        )
        s.add(event)
        s.flush()
        enrollment_ids = s.scalars(select(Enrollment.id).where(Enrollment.cohort_id == c.id)).all()
        s.execute(
            insert(Attendance),
            [
                {"event_id": event.id, "enrollment_id": e, "present": e % 2 == 0, "hours": 3.0}
                for e in enrollment_ids
            ],
        )
        cohort_id, enrollment_ids = c.id, list(enrollment_ids)
    # as autovacuum would soon (and an import does at once, db/planner.py): planned from
    # statistics of the rows just written, not of the empty tables
    refresh_statistics(ctx.db.engine, ("members", "enrollments", "activity_events", "attendances"))
    return cohort_id, enrollment_ids


def test_cohort_figures_bind_a_fixed_number_of_parameters(ctx):
    """The whole cohort is joined on, never listed: a query's parameters do not grow with it
    (SQLite allows 250,000 and PostgreSQL 65,535; a list of every enrolment broke at 100,000)."""
    from sqlalchemy import event

    from panelapp.services.activities.stats import BLOCK, cohort_stats
    from panelapp.services.people.roster import RosterQuery, roster_ids
    from panelapp.services.reporting.dashboard import load_dashboard

    cohort_id, ids = _cohort_with_members(ctx, BLOCK + 150)
    sizes: list[int] = []

    def count(_conn, _cursor, _statement, parameters, _context, _many):
        sizes.append(len(parameters))

    event.listen(ctx.db.engine, "before_cursor_execute", count)
    try:
        with reading(ctx) as s:
            stats = cohort_stats(s, cohort_id, today=D(2026, 10, 1))
        for key in ("hours", "rate"):
            assert len(roster_ids(ctx, RosterQuery(cohort_id, sort=key))) == len(ids)
        dash = load_dashboard(ctx, cohort_id, D(2026, 10, 1))
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", count)
    assert max(sizes) < 40
    assert len(stats) == len(ids) and {(st.attended, st.held) for st in stats.values()} == {(0, 1), (1, 1)}
    assert dash.active_members == len(ids) and dash.mean_attendance_rate == pytest.approx(
        sum(1 for e in ids if e % 2 == 0) / len(ids)
    )
    assert dash.mean_hours == pytest.approx(3.0 * sum(1 for e in ids if e % 2 == 0) / len(ids))


def test_blocks_of_ids_are_capped_and_split(ctx):
    from panelapp.services.activities.stats import BLOCK, cohort_stats, stats_subquery

    cohort_id, ids = _cohort_with_members(ctx, BLOCK + 150)
    with pytest.raises(ValueError):
        stats_subquery(enrollment_ids=ids)
    with reading(ctx) as s:
        assert stats_for(s, ids, today=D(2026, 10, 1)) == cohort_stats(s, cohort_id, today=D(2026, 10, 1))


def _events_for_everyone_among_visits(ctx, visits: int = 300):
    """A cohort with `visits` inspection visits, five events for everyone and two odd rows: a
    점검 event without its inspection and a visit's event filed under another kind."""
    from sqlalchemy import insert

    with transaction(ctx) as s:
        c = Cohort(number=9, name="제9기", term_start=D(2026, 3, 1), term_end=D(2026, 12, 31))
        place = Facility(name="시민공원")
        s.add_all([c, place])
        s.flush()
        s.execute(
            insert(Inspection),
            [
                {
                    "uid": f"plan-{k}",
                    "cohort_id": c.id,
                    "facility_id": place.id,
                    "scheduled_date": D(2026, 4, 1) + dt.timedelta(days=k % 200),
                    "status": InspectionStatus.COMPLETED,
                }
                for k in range(visits + 1)
            ],
        )
        insp = s.scalars(
            select(Inspection.id).where(Inspection.cohort_id == c.id).order_by(Inspection.id)
        ).all()
        day = D(2026, 6, 1)
        rows = [
            {
                "cohort_id": c.id,
                "kind": EventKind.INSPECTION,
                "title": "점검",
                "event_date": day,
                "inspection_id": i,
            }
            for i in insp[:-1]
        ]
        rows += [
            {"cohort_id": c.id, "kind": EventKind.TRAINING, "title": f"교육{k}", "event_date": day}
            for k in range(5)
        ]
        rows += [
            {"cohort_id": c.id, "kind": EventKind.INSPECTION, "title": "짝 없는 점검", "event_date": day},
            {
                "cohort_id": c.id,
                "kind": EventKind.MEETING,
                "title": "점검 간담회",
                "event_date": day,
                "inspection_id": insp[-1],
            },
        ]
        s.execute(insert(ActivityEvent), rows)
        cohort_id = c.id
    refresh_statistics(ctx.db.engine, ("activity_events", "inspections"))
    return cohort_id


def test_events_for_everyone_are_neither_visits_nor_of_the_kind_inspection(ctx):
    from panelapp.services.activities.stats import cohort_wide_event

    cohort_id = _events_for_everyone_among_visits(ctx, visits=20)
    with reading(ctx) as s:
        titles = s.scalars(
            select(ActivityEvent.title).where(ActivityEvent.cohort_id == cohort_id, cohort_wide_event())
        ).all()
    assert sorted(titles) == [f"교육{k}" for k in range(5)]


def test_postgresql_expects_the_events_for_everyone_it_will_find(ctx):
    """The test for an event for everyone is one expression: as two predicates (no inspection,
    not of the kind 점검) PostgreSQL multiplied their selectivities, expected a single event
    among the visits and planned the cohort's figures as nested loops over millions of
    attendance rows (18 s at 100,000 members)."""
    import json

    from sqlalchemy import text

    from panelapp.services.activities.stats import cohort_wide_event

    if ctx.db.is_sqlite:
        pytest.skip("PostgreSQL's planner")
    cohort_id = _events_for_everyone_among_visits(ctx)
    stmt = select(ActivityEvent.id).where(ActivityEvent.cohort_id == cohort_id, cohort_wide_event())
    sql = str(stmt.compile(ctx.db.engine, compile_kwargs={"literal_binds": True}))
    with ctx.db.engine.connect() as conn:
        plan = conn.execute(text("EXPLAIN (FORMAT JSON) " + sql)).scalar()
    plan = plan if isinstance(plan, list) else json.loads(plan)
    assert plan[0]["Plan"]["Plan Rows"] >= 5
