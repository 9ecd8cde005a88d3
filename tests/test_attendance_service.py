import datetime as dt

import pytest
from sqlalchemy import select

from panelapp.db.models import ActivityEvent, Attendance
from panelapp.domain.enums import EnrollmentStatus, EventKind
from panelapp.domain.errors import (
    ConcurrencyError,
    DomainError,
    NotFoundError,
    ValidationError,
    ValidationErrors,
)
from panelapp.services.activities.attendance import (
    EventInput,
    attendance_sheet,
    create_event,
    delete_event,
    list_events,
    mark_all_present,
    set_attendance,
    update_event,
)
from panelapp.services.activities.stats import stats_for
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading, transaction
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member, withdraw_member

D = dt.date
TODAY = D(2026, 11, 23)


def setup_cohort(ctx, number=7):
    c = create_cohort(ctx, CohortInput(number, f"제{number}기 시민참여단", D(2026, 3, 1), D(2026, 12, 31)))
    return c


def enrol(ctx, cohort, name, phone, joined=D(2026, 3, 1), team=0):
    return enroll_member(
        ctx,
        cohort.id,
        MemberInput(name=name, phone=phone, joined_on=joined, team_id=cohort.teams[team].id),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    ).enrollment_id


def event(kind=EventKind.TRAINING, title="기본 교육", day=D(2026, 4, 10), hours=2.0, **kw):
    return EventInput(kind, title, day, hours, **kw)


@pytest.fixture
def world(ctx):
    c = setup_cohort(ctx)
    a = enrol(ctx, c, "홍길동", "010-1111-2222")
    b = enrol(ctx, c, "김영희", "010-3333-4444", team=1)
    late = enrol(ctx, c, "이철수", "010-5555-6666", joined=D(2026, 6, 1))
    return ctx, c, a, b, late


def test_create_and_list_events(world):
    ctx, c, *_ = world
    launch = create_event(
        ctx,
        c.id,
        event(
            EventKind.LAUNCH, " 발대식 ", D(2026, 3, 14), 3, start_time=dt.time(14), location="본관 대회의실"
        ),
    )
    create_event(ctx, c.id, event(day=D(2026, 3, 2)))
    events = list_events(ctx, c.id)
    assert [e.event_date for e in events] == [D(2026, 3, 2), D(2026, 3, 14)]
    assert (events[1].title, events[1].hours, events[1].location, events[1].start_time) == (
        "발대식",
        3.0,
        "본관 대회의실",
        dt.time(14),
    )
    assert events[1].id == launch.id and events[1].present_count == 0 and not events[1].read_only


@pytest.mark.parametrize(
    "hours, message",
    [
        (0, "0.5시간에서 24시간"),
        (24.5, "0.5시간에서 24시간"),
        (1.25, "30분(0.5시간) 단위"),
        ("두시간", "숫자가 아닙니다"),
    ],
)
def test_hours_validation(world, hours, message):
    ctx, c, *_ = world
    with pytest.raises(ValidationError) as err:
        create_event(ctx, c.id, event(hours=hours))
    assert err.value.field == "시간" and message in err.value.detail


def test_half_hours_and_tolerance_edges_are_accepted(world):
    ctx, c, *_ = world
    create_event(ctx, c.id, event(day=D(2026, 1, 30), hours=0.5))  # term start - 30 days
    create_event(ctx, c.id, event(day=D(2027, 1, 30), hours=24))  # term end + 30 days
    assert [e.hours for e in list_events(ctx, c.id)] == [0.5, 24.0]


def test_several_bad_fields_are_named_together(world):
    ctx, c, *_ = world
    with pytest.raises(ValidationErrors) as err:
        create_event(ctx, c.id, EventInput(EventKind.INSPECTION, "  ", D(2026, 1, 29), 3))
    by_field = {e.field: e.detail for e in err.value.errors}
    assert set(by_field) == {"구분", "제목", "날짜"}
    assert "제목을 입력해 주세요" in by_field["제목"]
    assert "2026-03-01~2026-12-31" in by_field["날짜"] and "30일" in by_field["날짜"]
    assert "점검 일정" in by_field["구분"]
    assert list_events(ctx, c.id) == []


def test_set_attendance_and_totals_follow_activity_stats(world):
    ctx, c, a, b, late = world
    e1 = create_event(ctx, c.id, event(day=D(2026, 4, 10), hours=2))
    e2 = create_event(ctx, c.id, event(EventKind.MEETING, "간담회", D(2026, 7, 1), 1.5))
    create_event(ctx, c.id, event(title="12월 교육", day=D(2026, 12, 5)))  # not held yet
    set_attendance(ctx, e1.id, {a: True, b: False}, today=TODAY)
    info = set_attendance(ctx, e2.id, {a: True, b: True, late: True}, today=TODAY)
    assert info.present_count == 3
    sheet = attendance_sheet(ctx, c.id, today=TODAY)
    rows = {r.enrollment_id: r for r in sheet.rows}
    assert [r.name for r in sheet.rows] == ["이철수", "홍길동", "김영희"]  # team order, then name
    assert (rows[a].hours, rows[a].attended, rows[a].held, rows[a].rate) == (3.5, 2, 2, 1.0)
    assert (rows[b].hours, rows[b].attended, rows[b].held, rows[b].rate) == (1.5, 1, 2, 0.5)
    assert (rows[late].hours, rows[late].held, rows[late].eligible) == (
        1.5,
        1,
        frozenset({e2.id, sheet.events[2].id}),
    )
    assert rows[a].present == {e1.id, e2.id} and sheet.present_count(e1.id) == 1
    with reading(ctx) as s:
        stats = stats_for(s, [a, b, late], today=TODAY)
        absent = s.execute(
            select(Attendance.present, Attendance.hours).where(
                Attendance.enrollment_id == b, Attendance.event_id == e1.id
            )
        ).one()
    assert {k: (v.hours, v.attended, v.held) for k, v in stats.items()} == {
        r.enrollment_id: (r.hours, r.attended, r.held) for r in sheet.rows
    }
    assert tuple(absent) == (False, 0.0)
    assert not sheet.can_record(rows[late], sheet.events[0])  # before joining
    assert not sheet.can_record(rows[a], sheet.events[2])  # not held yet
    assert sheet.can_record(rows[a], sheet.events[1])


def test_one_invalid_enrolment_saves_nothing(world):
    ctx, c, a, b, late = world
    other = setup_cohort(ctx, 8)
    stranger = enrol(ctx, other, "박민수", "010-7777-8888")
    e1 = create_event(ctx, c.id, event(day=D(2026, 4, 10)))
    with pytest.raises(ValidationErrors) as err:
        set_attendance(ctx, e1.id, {a: True, b: True, late: True, stranger: True}, today=TODAY)
    messages = [e.message for e in err.value.errors]
    assert any("이철수" in m and "2026-06-01~" in m and "활동 기간" in m for m in messages)
    assert any("박민수" in m and "기수 단원이 아닙니다" in m for m in messages)
    with reading(ctx) as s:
        assert s.scalars(select(Attendance)).all() == []
    with pytest.raises(ValidationError, match="이철수"):
        set_attendance(ctx, e1.id, {a: True, late: True}, today=TODAY)
    set_attendance(ctx, e1.id, {late: False}, today=TODAY)  # absent outside the period is harmless


def test_withdrawn_member_period_ends_and_future_events_refused(world):
    ctx, c, a, b, late = world
    e_may = create_event(ctx, c.id, event(day=D(2026, 5, 10)))
    e_sep = create_event(ctx, c.id, event(day=D(2026, 9, 10)))
    e_dec = create_event(ctx, c.id, event(day=D(2026, 12, 10)))
    with reading(ctx) as s:
        from panelapp.db.models import Enrollment

        version = s.get(Enrollment, b).version
    withdraw_member(ctx, b, D(2026, 6, 30), "이사", version)
    set_attendance(ctx, e_may.id, {b: True}, today=TODAY)
    with pytest.raises(ValidationError, match="김영희.*2026-03-01~2026-06-30"):
        set_attendance(ctx, e_sep.id, {b: True}, today=TODAY)
    with pytest.raises(ValidationError, match="아직 열리지 않아"):
        set_attendance(ctx, e_dec.id, {a: True}, today=TODAY)
    row = next(r for r in attendance_sheet(ctx, c.id, today=TODAY).rows if r.enrollment_id == b)
    assert row.status == EnrollmentStatus.WITHDRAWN and row.left_on == D(2026, 6, 30)
    assert row.eligible == {e_may.id} and row.rate == 1.0


def test_mark_all_present_takes_members_of_that_day(world):
    ctx, c, a, b, late = world
    e1 = create_event(ctx, c.id, event(day=D(2026, 4, 10), hours=3))
    info = mark_all_present(ctx, e1.id, today=TODAY)
    assert info.present_count == 2
    rows = {r.enrollment_id: r for r in attendance_sheet(ctx, c.id, today=TODAY).rows}
    assert (rows[a].hours, rows[b].hours, rows[late].hours) == (3.0, 3.0, 0.0)


def test_changing_event_hours_updates_credited_hours(world):
    ctx, c, a, b, late = world
    e1 = create_event(ctx, c.id, event(day=D(2026, 7, 10), hours=2))
    info = set_attendance(ctx, e1.id, {a: True, b: False}, today=TODAY)
    new = update_event(
        ctx, e1.id, event(title="심화 교육", day=D(2026, 7, 11), hours=4), info.version, today=TODAY
    )
    assert new.title == "심화 교육" and new.version > info.version
    with reading(ctx) as s:
        hours = dict(s.execute(select(Attendance.enrollment_id, Attendance.hours)).all())
    assert hours == {a: 4.0, b: 0.0}
    with pytest.raises(ConcurrencyError):
        update_event(ctx, e1.id, event(hours=1), info.version, today=TODAY)
    set_attendance(ctx, e1.id, {late: True, a: False}, today=TODAY)
    with pytest.raises(ValidationError) as err:
        update_event(ctx, e1.id, event(day=D(2026, 5, 1), hours=4), new.version, today=TODAY)
    assert err.value.field == "날짜" and "이철수 1명은 2026-05-01에 활동 기간이 아닌데" in err.value.detail
    with pytest.raises(ValidationError, match="오늘 이후 날짜로 옮길 수 없습니다"):
        update_event(ctx, e1.id, event(day=D(2026, 12, 1), hours=4), new.version, today=TODAY)


def test_deleted_events_are_excluded_everywhere(world):
    ctx, c, a, *_ = world
    e1 = create_event(ctx, c.id, event(day=D(2026, 4, 10), hours=2))
    e2 = create_event(ctx, c.id, event(day=D(2026, 5, 10), hours=3))
    set_attendance(ctx, e1.id, {a: True}, today=TODAY)
    set_attendance(ctx, e2.id, {a: True}, today=TODAY)
    delete_event(ctx, e2.id, e2.version)
    assert [e.id for e in list_events(ctx, c.id)] == [e1.id]
    sheet = attendance_sheet(ctx, c.id, today=TODAY)
    row = next(r for r in sheet.rows if r.enrollment_id == a)
    assert [e.id for e in sheet.events] == [e1.id]
    assert (row.hours, row.attended, row.held, row.present) == (2.0, 1, 1, {e1.id})
    with pytest.raises(NotFoundError):
        set_attendance(ctx, e2.id, {a: False}, today=TODAY)
    with pytest.raises(NotFoundError):
        delete_event(ctx, e2.id)


def test_inspection_events_are_read_only(world):
    ctx, c, a, *_ = world
    with transaction(ctx) as s:
        s.add(
            ActivityEvent(
                cohort_id=c.id,
                kind=EventKind.INSPECTION,
                title="체육센터 점검",
                event_date=D(2026, 5, 2),
                hours=2,
            )
        )
    [info] = list_events(ctx, c.id)
    assert info.read_only
    for call in (
        lambda: set_attendance(ctx, info.id, {a: True}, today=TODAY),
        lambda: update_event(ctx, info.id, event(), info.version),
        lambda: delete_event(ctx, info.id),
    ):
        with pytest.raises(DomainError, match="점검 일정에서 관리"):
            call()
    assert not attendance_sheet(ctx, c.id, today=TODAY).can_record(
        attendance_sheet(ctx, c.id, today=TODAY).rows[0], info
    )


def test_an_inspection_event_is_only_for_the_members_recorded_on_it(ctx):
    """Attendance sheet: a visit is 'eligible' only for those with an attendance record."""
    import datetime as _dt

    from panelapp.db.models import ActivityEvent, Attendance, Cohort, Enrollment, Member
    from panelapp.domain.enums import EventKind
    from panelapp.services.activities.attendance import attendance_sheet
    from panelapp.services.context import transaction

    with transaction(ctx) as s:
        c = Cohort(number=9, name="제9기", term_start=_dt.date(2026, 3, 1), term_end=_dt.date(2026, 12, 31))
        s.add(c)
        s.flush()
        people = [Member(name=n, phone=p) for n, p in [("가나", "+821012340001"), ("다라", "+821012340002")]]
        s.add_all(people)
        s.flush()
        es = [Enrollment(member_id=m.id, cohort_id=c.id, joined_on=_dt.date(2026, 3, 1)) for m in people]
        s.add_all(es)
        visit = ActivityEvent(
            cohort_id=c.id,
            kind=EventKind.INSPECTION,
            title="공원 점검",
            event_date=_dt.date(2026, 5, 1),
            hours=2.0,
        )
        s.add(visit)
        s.flush()
        s.add(Attendance(event_id=visit.id, enrollment_id=es[0].id, present=True, hours=2.0))
        cid, vid, first = c.id, visit.id, es[0].id
    sheet = attendance_sheet(ctx, cid, today=_dt.date(2026, 6, 1))
    eligible = {r.enrollment_id: vid in r.eligible for r in sheet.rows}
    assert eligible == {first: True, first + 1: False}


# ----- the id-based sheet (services/activities/sheet.py) ------------------------------------
def test_sheet_ids_rows_and_marks_agree_with_the_whole_sheet(world):
    from panelapp.services.activities.sheet import event_marks, sheet_ids, sheet_rows

    ctx, c, a, b, late = world
    e1 = create_event(ctx, c.id, event(day=D(2026, 4, 10), hours=2))
    e2 = create_event(ctx, c.id, event(EventKind.MEETING, "간담회", D(2026, 7, 1), 1.5))
    future = create_event(ctx, c.id, event(title="12월 교육", day=D(2026, 12, 5)))
    set_attendance(ctx, e1.id, {a: True, b: False}, today=TODAY)
    set_attendance(ctx, e2.id, {a: True, late: True}, today=TODAY)
    sheet = attendance_sheet(ctx, c.id, today=TODAY)
    ids = sheet_ids(ctx, c.id)
    assert ids == [r.enrollment_id for r in sheet.rows]  # team order, then name
    rows = {r.enrollment_id: r for r in sheet_rows(ctx, list(reversed(ids)), today=TODAY)}
    for whole in sheet.rows:
        mine = rows[whole.enrollment_id]
        assert (mine.name, mine.team_name, mine.hours, mine.attended, mine.held) == (
            whole.name,
            whole.team_name,
            whole.hours,
            whole.attended,
            whole.held,
        )
    marks = event_marks(ctx, e1.id, today=TODAY)
    assert (
        marks.present == {a} and marks.recorded == {a, b} and marks.recordable == {a, b}
    )  # late joined later
    assert marks.event.present_count == 1 and marks.held
    for ev in sheet.events:
        m = event_marks(ctx, ev.id, today=TODAY)
        assert m.recordable == {r.enrollment_id for r in sheet.rows if sheet.can_record(r, ev)}
        assert m.present == {r.enrollment_id for r in sheet.rows if ev.id in r.present}
    assert event_marks(ctx, future.id, today=TODAY).recordable == frozenset()


def test_event_rows_summary_and_the_event_the_page_opens_on(world):
    from panelapp.services.activities.sheet import event_ids, event_rows, events_summary

    ctx, c, a, b, late = world
    with transaction(ctx) as s:
        visit = ActivityEvent(
            cohort_id=c.id, kind=EventKind.INSPECTION, title="공원 점검", event_date=D(2026, 8, 3), hours=2
        )
        s.add(visit)
        s.flush()
        s.add(Attendance(event_id=visit.id, enrollment_id=late, present=True, hours=2.0))
        visit_id = visit.id
    empty = events_summary(ctx, c.id, today=TODAY)
    assert empty.default_event_id == visit_id  # only a visit was held: it is the latest held
    e1 = create_event(ctx, c.id, event(day=D(2026, 4, 10), hours=2))
    e2 = create_event(ctx, c.id, event(EventKind.MEETING, "간담회", D(2026, 7, 1), 1.5))
    future = create_event(ctx, c.id, event(title="12월 교육", day=D(2026, 12, 5), hours=3))
    set_attendance(ctx, e2.id, {a: True, late: True}, today=TODAY)
    assert event_ids(ctx, c.id) == [e1.id, e2.id, visit_id, future.id]
    summary = events_summary(ctx, c.id, today=TODAY)
    # the visit event has no completed inspection: not held (as participation and the report count)
    assert (summary.total, summary.held, summary.held_hours) == (4, 2, 3.5)
    assert summary.members == {e1.id: 2, e2.id: 3, future.id: 3}  # 이철수 joined on 6/1
    assert summary.default_event_id == e2.id  # the latest held here, not the later visit
    rows = {r.id: r for r in event_rows(ctx, [future.id, visit_id, e2.id, e1.id])}
    assert (rows[e2.id].info.present_count, rows[visit_id].recorded, rows[e1.id].recorded) == (2, 1, 0)
    assert rows[visit_id].info.read_only and rows[future.id].info.title == "12월 교육"
    delete_event(ctx, e2.id, rows[e2.id].info.version)
    assert e2.id not in event_ids(ctx, c.id) and event_rows(ctx, [e2.id]) == []
    assert events_summary(ctx, c.id, today=TODAY).default_event_id == e1.id
    assert events_summary(ctx, c.id, today=D(2026, 3, 2)).default_event_id == e1.id  # none held: the first


def test_attendance_for_many_members_is_saved_in_blocks(ctx):
    """ "모두 출석" on a large cohort: more members than a block of ids, one transaction."""
    from sqlalchemy import insert

    from panelapp.db.models import Enrollment, Member
    from panelapp.services.activities.sheet import event_marks
    from panelapp.services.activities.stats import BLOCK

    c = setup_cohort(ctx)
    with transaction(ctx) as s:
        s.execute(
            insert(Member), [{"name": f"단원{i}", "phone": f"+82107777{i:04d}"} for i in range(BLOCK + 80)]
        )
        members = s.scalars(select(Member.id).where(Member.name.like("단원%"))).all()
        s.execute(
            insert(Enrollment),
            [{"member_id": m, "cohort_id": c.id, "joined_on": D(2026, 3, 1)} for m in members],
        )
    e1 = create_event(ctx, c.id, event(day=D(2026, 4, 10), hours=2))
    recordable = event_marks(ctx, e1.id, today=TODAY).recordable
    assert len(recordable) == BLOCK + 80
    info = set_attendance(ctx, e1.id, dict.fromkeys(recordable, True), today=TODAY)
    assert info.present_count == BLOCK + 80
    assert mark_all_present(ctx, e1.id, today=TODAY).present_count == BLOCK + 80


def test_event_rows_without_counts_and_the_counts_apart(world):
    from panelapp.services.activities.sheet import event_counts, event_rows

    ctx, c, a, b, late = world
    e1 = create_event(ctx, c.id, event(day=D(2026, 4, 10), hours=2))
    set_attendance(ctx, e1.id, {a: True, b: False}, today=TODAY)
    [bare] = event_rows(ctx, [e1.id], counts=False)
    assert (bare.info.title, bare.info.present_count, bare.recorded) == ("기본 교육", 0, 0)
    assert event_counts(ctx, [e1.id]) == {e1.id: (1, 0)}  # recorded is counted for visits only
