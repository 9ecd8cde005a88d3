"""Inspection scheduling: one visit, series, conflicts, statuses, and the activity event kept in sync."""

from dataclasses import replace

import pytest
from schedule_world import D, T, build_world
from sqlalchemy import select

from panelapp.db.models import ActivityEvent, Attendance, Inspection, InspectionAssignment
from panelapp.domain.enums import AssignmentRole, EventKind, InspectionStatus
from panelapp.domain.errors import ConcurrencyError, DomainError, ValidationError, ValidationErrors
from panelapp.services.activities.attendance import list_events
from panelapp.services.context import reading
from panelapp.services.inspections.rules import series_dates
from panelapp.services.inspections.scheduling import (
    ConflictsPending,
    InspectionQuery,
    Repeat,
    SeriesSpec,
    create_inspection,
    create_series,
    find_conflicts,
    get_inspection,
    list_inspections,
    move_inspection,
    set_status,
    template_versions,
    update_inspection,
)
from panelapp.services.people.members import withdraw_member

TODAY = D(2026, 11, 23)


@pytest.fixture
def w(ctx):
    return build_world(ctx)


def _event(ctx, inspection_id):
    from types import SimpleNamespace

    with reading(ctx) as s:
        ev = s.scalar(select(ActivityEvent).where(ActivityEvent.inspection_id == inspection_id))
        return SimpleNamespace(**{c.key: getattr(ev, c.key) for c in ActivityEvent.__table__.columns})


def test_create_one_visit_with_people_template_and_event(w):
    info = create_inspection(w.ctx, w.draft(members=(w.kim, w.lee, w.lead, w.kim)))
    assert (info.facility_name, info.title, info.team_name, info.lead_name) == (
        "한빛국민체육센터",
        "한빛국민체육센터 점검",
        "정책동행단",
        "김민준",
    )
    assert info.member_names == ["김영희", "이철수"]  # the lead and a duplicate are not listed twice
    assert info.status == InspectionStatus.PLANNED and info.time_text == "10:00–12:00"
    [default] = [v for v in template_versions(w.ctx) if v.is_default]
    assert info.template_version_id == default.id and info.template_label == "기본 시설 점검표 v1"
    assert info.uid.endswith("@panelapp") and info.series_id is None
    with reading(w.ctx) as s:
        roles = dict(s.execute(select(InspectionAssignment.enrollment_id, InspectionAssignment.role)).all())
        assert roles == {
            w.lead: AssignmentRole.LEAD,
            w.kim: AssignmentRole.MEMBER,
            w.lee: AssignmentRole.MEMBER,
        }
        assert s.scalar(select(Attendance)) is None  # who took part is entered with the results
    ev = _event(w.ctx, info.id)
    assert (ev.kind, ev.title, ev.event_date, ev.start_time, ev.hours, ev.cohort_id) == (
        EventKind.INSPECTION,
        "한빛국민체육센터 점검",
        D(2026, 5, 12),
        T(10),
        2.0,
        w.cohort_id,
    )
    assert [e.read_only for e in list_events(w.ctx, w.cohort_id)] == [True]


@pytest.mark.parametrize(
    "change, field",
    [
        (dict(facility_id=None), "시설"),
        (dict(scheduled_date=None), "점검일"),
        (dict(lead_id=None), "조장"),
        (dict(end_time=T(9)), "종료 시각"),
        (dict(start_time=None), "시작 시각"),
        (dict(scheduled_date=D(2027, 3, 1)), "점검일"),
        (dict(end_time=None), "종료 시각"),
    ],
)
def test_required_fields_and_rules(w, change, field):
    with pytest.raises((ValidationError, ValidationErrors)) as err:
        create_inspection(w.ctx, replace(w.draft(), **change))
    fields = [e.field for e in getattr(err.value, "errors", [err.value])]
    assert field in fields


def test_series_every_two_weeks_shares_a_series_id_and_is_all_or_nothing(w):
    spec = SeriesSpec(Repeat.WEEKS, D(2026, 6, 23), interval=2)
    made = create_series(w.ctx, w.draft(day=D(2026, 5, 26)), spec)
    assert [i.scheduled_date for i in made] == [D(2026, 5, 26), D(2026, 6, 9), D(2026, 6, 23)]
    assert len({i.series_id for i in made}) == 1 and made[0].series_id
    assert len({i.uid for i in made}) == 3
    assert len(list_events(w.ctx, w.cohort_id)) == 3
    # The next series runs into the first one's visits: warned, nothing saved until confirmed.
    with pytest.raises(ConflictsPending) as err:
        create_series(w.ctx, w.draft(day=D(2026, 5, 26), facility=w.park_fac), spec)
    assert len(err.value.warnings) == 9  # the lead and two members, on each of the three dates
    assert err.value.warnings[3].startswith("김민준 님은 2026-06-09(화) 같은 시간에")
    assert len(list_inspections(w.ctx, InspectionQuery(w.cohort_id))) == 3
    create_series(w.ctx, w.draft(day=D(2026, 5, 26), facility=w.park_fac), spec, confirmed=True)
    assert len(list_inspections(w.ctx, InspectionQuery(w.cohort_id))) == 6


def test_monthly_series_keeps_the_day_or_takes_the_month_end():
    dates = series_dates(D(2026, 1, 31), SeriesSpec(Repeat.MONTHLY, D(2026, 6, 30)))
    assert dates == [
        D(2026, 1, 31),
        D(2026, 2, 28),
        D(2026, 3, 31),
        D(2026, 4, 30),
        D(2026, 5, 31),
        D(2026, 6, 30),
    ]
    with pytest.raises(ValidationError, match="반복 종료일"):
        series_dates(D(2026, 5, 1), SeriesSpec(Repeat.WEEKS, D(2026, 4, 1)))
    with pytest.raises(ValidationError, match="60회"):
        series_dates(D(2026, 1, 1), SeriesSpec(Repeat.WEEKS, D(2028, 1, 1)))
    with pytest.raises(ValidationError, match="반복 간격"):
        series_dates(D(2026, 1, 1), SeriesSpec(Repeat.WEEKS, D(2026, 3, 1), interval=9))


def test_holiday_warns_with_its_korean_name(w):
    draft = w.draft(day=D(2026, 10, 9))
    assert find_conflicts(w.ctx, draft) == ["2026-10-09(금)은 공휴일(한글날)입니다."]
    with pytest.raises(ConflictsPending, match="한글날"):
        create_inspection(w.ctx, draft)
    assert create_inspection(w.ctx, draft, confirmed=True).holiday == "한글날"


def test_overlapping_people_and_same_facility_day_warn(w):
    create_inspection(w.ctx, w.draft())
    other = w.draft(facility=w.park_fac, start=T(11), end=T(13), lead=w.lee, members=(w.kim,))
    assert find_conflicts(w.ctx, other) == [
        "이철수 님은 2026-05-12(화) 같은 시간에 '한빛국민체육센터 점검'(10:00–12:00)에도 배정되어 있습니다.",
        "김영희 님은 2026-05-12(화) 같은 시간에 '한빛국민체육센터 점검'(10:00–12:00)에도 배정되어 있습니다.",
    ]
    assert find_conflicts(w.ctx, replace(other, start_time=T(12), end_time=T(14))) == []  # back to back
    assert find_conflicts(w.ctx, w.draft(start=T(14), end=T(16), lead=w.lee, members=())) == [
        "한빛국민체육센터에는 2026-05-12(화)에 이미 점검이 있습니다(10:00–12:00, 예정)."
    ]


def test_member_not_active_warns(w):
    assert "박서연 님은 2026-05-12(화)에 활동 중인 단원이 아닙니다(2026-06-01부터 활동)." in find_conflicts(
        w.ctx, w.draft(members=(w.park,))
    )
    with reading(w.ctx) as s:
        from panelapp.db.models import Enrollment

        version = s.get(Enrollment, w.kim).version
    withdraw_member(w.ctx, w.kim, D(2026, 4, 30), "이사", version)
    assert find_conflicts(w.ctx, w.draft(members=(w.kim,))) == [
        "김영희 님은 2026-05-12(화)에 활동 중인 단원이 아닙니다(탈퇴 2026-04-30)."
    ]
    assert find_conflicts(w.ctx, w.draft(day=D(2026, 4, 28), members=(w.kim,))) == []  # before leaving


def test_cancelled_and_postponed_visits_do_not_conflict(w):
    first = create_inspection(w.ctx, w.draft())
    set_status(w.ctx, first.id, InspectionStatus.CANCELLED, "시설 휴관", first.version, TODAY)
    assert find_conflicts(w.ctx, w.draft()) == []


def test_reschedule_keeps_the_event_in_sync_and_checks_the_version(w):
    info = create_inspection(w.ctx, w.draft())
    draft = replace(
        info.to_draft(),
        scheduled_date=D(2026, 5, 20),
        start_time=T(13),
        end_time=T(16, 20),
        facility_id=w.lot,
        member_ids=(w.lee,),
    )
    moved = update_inspection(w.ctx, info.id, draft, info.version)
    assert moved.version > info.version and moved.member_names == ["이철수"]
    ev = _event(w.ctx, info.id)
    assert (ev.title, ev.event_date, ev.start_time, ev.hours, ev.location) == (
        "시청 공영주차장 점검",
        D(2026, 5, 20),
        T(13),
        3.5,
        "시청 공영주차장",
    )
    with pytest.raises(ConcurrencyError):
        update_inspection(w.ctx, info.id, draft, info.version)
    dragged = move_inspection(w.ctx, info.id, D(2026, 5, 22), moved.version, start=T(9))
    assert (dragged.scheduled_date, dragged.start_time, dragged.end_time) == (D(2026, 5, 22), T(9), T(12, 20))
    assert _event(w.ctx, info.id).event_date == D(2026, 5, 22)
    with pytest.raises(ValidationError, match="자정"):
        move_inspection(w.ctx, info.id, D(2026, 5, 22), dragged.version, start=T(22))


def test_move_onto_a_conflict_needs_confirmation(w):
    create_inspection(w.ctx, w.draft())
    other = create_inspection(w.ctx, w.draft(day=D(2026, 5, 13)))
    with pytest.raises(ConflictsPending):
        move_inspection(w.ctx, other.id, D(2026, 5, 12), other.version)
    assert get_inspection(w.ctx, other.id).scheduled_date == D(2026, 5, 13)
    move_inspection(w.ctx, other.id, D(2026, 5, 12), other.version, confirmed=True)


def test_status_reasons_and_cancelled_event_goes_to_the_trash(w):
    info = create_inspection(w.ctx, w.draft())
    for status in (InspectionStatus.POSTPONED, InspectionStatus.CANCELLED):
        with pytest.raises(ValidationError, match="사유"):
            set_status(w.ctx, info.id, status, "  ", info.version, TODAY)
    postponed = set_status(w.ctx, info.id, InspectionStatus.POSTPONED, "우천", info.version, TODAY)
    assert (postponed.status, postponed.status_reason) == (InspectionStatus.POSTPONED, "우천")
    assert _event(w.ctx, info.id).deleted_at is None
    cancelled = set_status(w.ctx, info.id, InspectionStatus.CANCELLED, "휴관", postponed.version, TODAY)
    assert _event(w.ctx, info.id).deleted_at is not None and list_events(w.ctx, w.cohort_id) == []
    from panelapp.services.trash.manage import list_trash

    assert list_trash(w.ctx) == []  # restored by changing the status back, not from the trash
    planned = set_status(w.ctx, info.id, InspectionStatus.PLANNED, "무시됨", cancelled.version, TODAY)
    assert planned.status_reason is None and _event(w.ctx, info.id).deleted_at is None
    with pytest.raises(ValidationError, match="완료"):
        set_status(w.ctx, info.id, InspectionStatus.COMPLETED, None, planned.version, D(2026, 5, 1))
    done = set_status(w.ctx, info.id, InspectionStatus.COMPLETED, None, planned.version, TODAY)
    assert done.status == InspectionStatus.COMPLETED


def test_people_must_belong_to_the_cohort_and_facility_be_in_use(w):
    from panelapp.services.cohorts.manage import CohortInput, create_cohort
    from panelapp.services.registers.facilities import get_facility, set_facility_active

    other = create_cohort(w.ctx, CohortInput(8, "제8기", D(2027, 3, 1), D(2027, 12, 31)))
    with pytest.raises(ValidationError, match="담당 단"):
        create_inspection(w.ctx, replace(w.draft(), team_id=other.teams[0].id))
    with pytest.raises(ValidationError, match="단원"):
        create_inspection(w.ctx, w.draft(members=(999,)))
    info = create_inspection(w.ctx, w.draft())
    set_facility_active(w.ctx, w.gym, False, get_facility(w.ctx, w.gym).version)
    with pytest.raises(ValidationError, match="사용 중지"):
        create_inspection(w.ctx, w.draft(day=D(2026, 6, 2)))
    update_inspection(w.ctx, info.id, replace(info.to_draft(), notes="주차 안내"), info.version)  # keeps it


def test_list_filters(w):
    a = create_inspection(w.ctx, w.draft())
    create_inspection(w.ctx, w.draft(day=D(2026, 6, 2), facility=w.lot, start=T(14), end=T(16)))
    set_status(w.ctx, a.id, InspectionStatus.COMPLETED, None, a.version, TODAY)
    q = InspectionQuery(w.cohort_id)
    assert [i.facility_name for i in list_inspections(w.ctx, q)] == ["한빛국민체육센터", "시청 공영주차장"]
    assert [i.id for i in list_inspections(w.ctx, replace(q, status=InspectionStatus.COMPLETED))] == [a.id]
    assert len(list_inspections(w.ctx, replace(q, facility_id=w.lot))) == 1
    assert len(list_inspections(w.ctx, replace(q, date_from=D(2026, 5, 13), date_to=D(2026, 6, 30)))) == 1
    assert len(list_inspections(w.ctx, replace(q, team_id=w.team_id))) == 2


def test_update_refuses_another_cohort(w):
    info = create_inspection(w.ctx, w.draft())
    with pytest.raises(DomainError):
        update_inspection(w.ctx, info.id, replace(info.to_draft(), cohort_id=w.cohort_id + 100), info.version)
    with reading(w.ctx) as s:
        assert s.scalar(select(Inspection.cohort_id)) == w.cohort_id


def test_id_list_sorts_by_every_column_in_sql_and_rows_come_by_id(w):
    from panelapp.services.inspections.listing import (
        SORT_KEYS,
        inspection_ids,
        inspection_rows,
        inspection_total,
    )

    a = create_inspection(w.ctx, w.draft())
    b = create_inspection(
        w.ctx, w.draft(D(2026, 6, 2), T(14), T(16), facility=w.lot, lead=w.lee, members=(), notes="주차 안내")
    )
    c = create_inspection(
        w.ctx, replace(w.draft(D(2026, 6, 2), facility=w.park_fac, lead=w.kim, members=()), team_id=None)
    )
    set_status(w.ctx, a.id, InspectionStatus.COMPLETED, None, a.version, TODAY)
    set_status(w.ctx, c.id, InspectionStatus.POSTPONED, "우천", c.version)
    q = InspectionQuery(w.cohort_id)
    expected = {  # (ascending, descending): empty values last both ways
        "date": ([a.id, c.id, b.id], [b.id, c.id, a.id]),
        "time": ([a.id, c.id, b.id], [b.id, c.id, a.id]),
        "facility": ([c.id, b.id, a.id], [a.id, b.id, c.id]),
        "team": ([a.id, b.id, c.id], [b.id, a.id, c.id]),
        "lead": ([a.id, c.id, b.id], [b.id, c.id, a.id]),  # 김민준 < 김영희 < 이철수
        "status": ([b.id, a.id, c.id], [c.id, a.id, b.id]),  # 예정 < 완료 < 연기
        "note": ([c.id, b.id, a.id], [b.id, c.id, a.id]),  # 우천 < 주차 안내, none last
    }
    assert set(expected) == set(SORT_KEYS)
    for key, (up, down) in expected.items():
        assert inspection_ids(w.ctx, q, key, False) == up, key
        assert inspection_ids(w.ctx, q, key, True) == down, key
    assert inspection_ids(w.ctx, replace(q, status=InspectionStatus.PLANNED)) == [b.id]
    assert inspection_ids(w.ctx, replace(q, date_from=D(2026, 6, 1), team_id=w.team_id)) == [b.id]
    rows = {r.id: r for r in inspection_rows(w.ctx, [c.id, b.id, 99_999])}
    assert (
        set(rows) == {b.id, c.id} and rows[b.id].lead_name == "이철수" and rows[c.id].status_reason == "우천"
    )
    assert inspection_total(w.ctx, w.cohort_id) == 3 and inspection_total(w.ctx, w.cohort_id + 1) == 0
