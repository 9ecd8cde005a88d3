import datetime as dt

from panelapp.db.models import ActivityEvent, Attendance, Cohort, ContentPost, Enrollment, Member
from panelapp.domain.enums import ContentChannel, EventKind
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


def test_an_inspection_counts_only_for_the_members_recorded_on_it(ctx):
    with transaction(ctx) as s:
        c = Cohort(number=7, name="제7기", term_start=D(2026, 3, 1), term_end=D(2026, 12, 31))
        s.add(c)
        s.flush()
        a, b, z = (
            Member(name=n, phone=p)
            for n, p in [
                ("김하나", "+821011112222"),
                ("이두리", "+821033334444"),
                ("박세나", "+821055556666"),
            ]
        )
        s.add_all([a, b, z])
        s.flush()
        ea, eb, ez = (Enrollment(member_id=m.id, cohort_id=c.id, joined_on=D(2026, 3, 1)) for m in (a, b, z))
        s.add_all([ea, eb, ez])
        s.flush()
        visit = ActivityEvent(
            cohort_id=c.id, kind=EventKind.INSPECTION, title="공원 점검", event_date=D(2026, 5, 1), hours=2.0
        )
        s.add(visit)
        s.flush()
        s.add_all(
            [
                Attendance(event_id=visit.id, enrollment_id=ea.id, present=True, hours=2.0),
                Attendance(event_id=visit.id, enrollment_id=eb.id, present=False, hours=0.0),
            ]
        )
        ids = (ea.id, eb.id, ez.id)
    with reading(ctx) as s:
        stats = stats_for(s, list(ids), today=D(2026, 10, 1))
    assert [(stats[i].attended, stats[i].held) for i in ids] == [(1, 1), (0, 1), (0, 0)]
    assert stats[ids[2]].rate is None  # not assigned: the visit does not lower their rate
