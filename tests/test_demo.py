"""Demo data: refused on a non-empty database, deterministic, and valid by the services' rules."""

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    Cohort,
    Consent,
    Department,
    Enrollment,
    Facility,
    FacilityType,
    Member,
    Organization,
    Team,
)
from panelapp.domain.enums import CohortStatus, EnrollmentStatus, EventKind, MemberRole
from panelapp.domain.errors import DomainError
from panelapp.domain.validation import normalize_phone
from panelapp.services.cohorts.manage import list_cohorts, list_teams
from panelapp.services.context import reading, transaction
from panelapp.services.demo.build import load_demo
from panelapp.services.people.member_rules import MemberInput, add_months, clean_member
from panelapp.services.people.members import current_notice, get_member


def test_demo_builds_a_realistic_institution(ctx):
    summary = load_demo(ctx)
    assert "기수 3개" in summary and "시설 14곳" in summary and "참여단원 60명" in summary
    with reading(ctx) as s:
        org = s.scalar(select(Organization))
        assert org.name.endswith("공단") and org.address and org.phone
        depts = list(s.scalars(select(Department)))
        assert len(depts) >= 6 and all(d.contact_person and d.phone and "@" in d.email for d in depts)
        types = set(s.scalars(select(FacilityType.name)))
        assert types == {"체육시설", "주차장", "공원", "문화시설", "장사시설", "청사", "기타"}
        facilities = list(s.scalars(select(Facility)))
        assert len(facilities) >= 12
        assert all(f.address and f.department_id and f.facility_type_id for f in facilities)
        assert len({f.facility_type_id for f in facilities}) == 7


def test_cohorts_and_teams(demo_ctx):
    ctx = demo_ctx
    seventh, sixth, fifth = list_cohorts(ctx)
    assert (seventh.number, seventh.name, seventh.status) == (
        7,
        "제7기 고객서비스 시민참여단",
        CohortStatus.ACTIVE,
    )
    assert (seventh.term_start, seventh.term_end) == (dt.date(2026, 3, 1), dt.date(2026, 12, 31))
    assert (seventh.launch_date, seventh.quota) == (dt.date(2026, 3, 14), 50)
    assert (sixth.number, sixth.status, sixth.term_end.year) == (6, CohortStatus.CLOSED, 2025)
    # the earlier cohort whose retention has passed: its members are due for destruction
    assert (fifth.number, fifth.status, fifth.term_end.year) == (5, CohortStatus.CLOSED, 2024)
    assert seventh.active_members >= 40
    teams = list_teams(ctx, seventh.id)
    assert [t.name for t in teams] == ["정책동행단", "소식이음단"]
    with reading(ctx) as s:
        for t in teams:
            leader = s.get(Enrollment, t.leader_enrollment_id)
            assert leader.team_id == t.id and leader.role == MemberRole.CHIEF
        roles = Counter(s.scalars(select(Enrollment.role).where(Enrollment.cohort_id == seventh.id)))
        assert roles[MemberRole.CHIEF] == 2 and roles[MemberRole.LEADER] >= 3


def test_members_are_valid_by_the_member_rules_and_some_serve_twice(demo_ctx):
    ctx = demo_ctx
    with reading(ctx) as s:
        members = list(s.scalars(select(Member)))
        phones = [m.phone for m in members]
        assert len(set(phones)) == len(phones)
        for m in members:
            assert normalize_phone(m.phone) == m.phone
            clean_member(
                MemberInput(
                    m.name,
                    m.phone,
                    m.email,
                    m.district,
                    m.birth_year,
                    m.gender,
                    joined_on=dt.date(2026, 3, 1),
                )
            )
        per_member = Counter(s.scalars(select(Enrollment.member_id)))
        assert sum(1 for n in per_member.values() if n == 2) >= 10
        withdrawn = list(
            s.scalars(
                select(Enrollment)
                .join(Cohort)
                .where(Cohort.number == 7, Enrollment.status == EnrollmentStatus.WITHDRAWN)
            )
        )
        assert len(withdrawn) >= 2
        assert all(e.left_on and e.left_reason and e.left_on >= e.joined_on for e in withdrawn)


def test_every_enrolment_has_a_consent_kept_until_term_end_plus_retention(demo_ctx):
    ctx = demo_ctx
    notice = current_notice(ctx)
    with reading(ctx) as s:
        enrolments = list(s.scalars(select(Enrollment)))
        for e in enrolments:
            consents = list(s.scalars(select(Consent).where(Consent.enrollment_id == e.id)))
            assert len(consents) == 1
            c = consents[0]
            assert c.member_id == e.member_id and c.notice_id == notice.id
            assert c.retention_until == add_months(e.cohort.term_end, notice.retention_months)
            assert c.consented_on <= e.joined_on
        some = enrolments[0].id
    detail = get_member(ctx, some)  # the member service reads what the demo wrote
    assert detail.consents and detail.hours > 0


def test_events_and_attendance(demo_ctx):
    ctx = demo_ctx
    with reading(ctx) as s:
        c7 = s.scalar(select(Cohort).where(Cohort.number == 7))
        events = list(s.scalars(select(ActivityEvent).where(ActivityEvent.cohort_id == c7.id)))
        kinds = Counter(e.kind for e in events)
        assert kinds[EventKind.LAUNCH] == 1 and kinds[EventKind.MEETING] == 2
        assert kinds[EventKind.TRAINING] >= 2 and kinds[EventKind.OTHER] >= 1
        launch = next(e for e in events if e.kind == EventKind.LAUNCH)
        assert launch.event_date == c7.launch_date
        rows = s.execute(
            select(Attendance, ActivityEvent, Enrollment)
            .join(ActivityEvent, ActivityEvent.id == Attendance.event_id)
            .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
        ).all()
        present = [a for a, _ev, _e in rows if a.present]
        assert len(present) > 0.8 * len(rows)
        for a, ev, e in rows:
            assert a.hours == (ev.hours if a.present else 0.0)
            assert e.cohort_id == ev.cohort_id
            assert e.joined_on <= ev.event_date and (e.left_on is None or ev.event_date <= e.left_on)


def test_refused_when_the_database_is_not_empty(demo_ctx):
    ctx = demo_ctx
    with pytest.raises(DomainError, match="데모 데이터는 빈 데이터베이스에만"):
        load_demo(ctx)
    with reading(ctx) as s:
        assert len(list(s.scalars(select(Cohort)))) == 3  # nothing added the second time


@pytest.mark.parametrize("model", ["organization", "facility"])
def test_refused_when_any_core_row_exists(ctx, model):
    with transaction(ctx) as s:
        org = Organization(name="기존 기관")
        s.add(org)
        if model == "facility":
            s.add(Facility(name="기존 시설"))
    with pytest.raises(DomainError):
        load_demo(ctx)
    with reading(ctx) as s:
        assert s.scalar(select(Team)) is None


def test_demo_is_deterministic(tmp_path, sqlite_demo_ctx):
    from conftest import DEMO_ANCHOR, make_ctx

    fresh = make_ctx("sqlite", tmp_path)  # built again here, compared with the session's demo
    load_demo(fresh, anchor=DEMO_ANCHOR)
    snapshots = []
    for ctx in (fresh, sqlite_demo_ctx):
        with reading(ctx) as s:
            snapshots.append(
                s.execute(select(Member.name, Member.phone, Member.birth_year).order_by(Member.id)).all()
                + s.execute(
                    select(Attendance.enrollment_id, Attendance.present).order_by(Attendance.id)
                ).all()
            )
    fresh.db.dispose()
    assert snapshots[0] == snapshots[1]


def test_facility_types_already_seeded_are_reused(ctx):
    from panelapp.services.registers.facility_types import ensure_default_facility_types

    ensure_default_facility_types(ctx)
    with transaction(ctx) as s:
        s.add(FacilityType(name="주민센터", sort_order=99))
    load_demo(ctx)
    with reading(ctx) as s:
        names = list(s.scalars(select(FacilityType.name)))
        assert sorted(names) == sorted(set(names)) and "주민센터" in names and len(names) == 8
        assert len(list(s.scalars(select(Facility)))) == 14


def test_events_pass_the_event_rules_and_the_attendance_service_reads_them(demo_ctx):
    from panelapp.services.activities.attendance import attendance_sheet, update_event
    from panelapp.services.activities.event_rules import EventInput, clean_event, in_period

    ctx = demo_ctx
    with reading(ctx) as s:
        # 점검 events belong to inspections (tests/test_demo_inspections.py), not to the event rules.
        for ev in s.scalars(select(ActivityEvent).where(ActivityEvent.kind != EventKind.INSPECTION)):
            cohort = s.get(Cohort, ev.cohort_id)
            clean_event(
                EventInput(ev.kind, ev.title, ev.event_date, ev.hours, ev.start_time, ev.location), cohort
            )
            for a in s.scalars(
                select(Attendance).where(Attendance.event_id == ev.id, Attendance.present.is_(True))
            ):
                assert in_period(s.get(Enrollment, a.enrollment_id), ev.event_date)
        c7 = s.scalar(select(Cohort).where(Cohort.number == 7))
        first = s.scalar(
            select(ActivityEvent).where(ActivityEvent.cohort_id == c7.id).order_by(ActivityEvent.id)
        )
        data = EventInput(
            first.kind, first.title, first.event_date, first.hours, first.start_time, first.location
        )
        c7_id, first_id, first_version = c7.id, first.id, first.version
    sheet = attendance_sheet(ctx, c7_id, today=dt.date(2026, 11, 30))
    assert len([e for e in sheet.events if not e.read_only]) == 7 and len(sheet.rows) == 46
    update_event(ctx, first_id, data, first_version)  # the event service accepts the row as it is


def test_demo_includes_the_default_checklist_template(demo_ctx):
    from panelapp.services.checklists.templates import get_template, list_templates

    ctx = demo_ctx
    templates = list_templates(ctx)
    assert len(templates) == 1
    info = get_template(ctx, templates[0].id)
    assert [sec.title for sec in info.sections][:2] == ["안전", "청결"]


def test_every_demo_account_has_the_password_given(demo_ctx):
    """`demo --password` promises accounts that log in: the two staff the demo's records name
    (정다운, 백현정) too, 백현정 as a 점검 조장 who is a member leading demo visits."""
    from conftest import TEST_PASSWORD

    from panelapp.domain.enums import UserRole
    from panelapp.services.demo import data
    from panelapp.services.people.accounts import authenticate
    from panelapp.services.people.users import list_users

    names = {n for n, _r in [*data.ACCOUNTS, *data.USERS]}
    accounts = {u.name: u for u in list_users(demo_ctx) if u.name in names}
    assert set(accounts) == names
    assert [n for n, u in accounts.items() if not u.has_password] == []
    lead, staff_lead = accounts["조장"], accounts["백현정"]
    assert staff_lead.role is UserRole.LEAD and staff_lead.member_id is not None
    assert staff_lead.member_id != lead.member_id
    for name in ("정다운", "백현정"):
        assert authenticate(demo_ctx, name, TEST_PASSWORD, record_login=False).account.name == name


def test_the_summary_names_the_accounts_as_stored(ctx):
    """A database whose first start made 담당자 its 관리자 (a window started with PANELAPP_USER
    on a missing file) keeps that account; the demo's summary says so instead of 담당자(담당자)."""
    from conftest import TEST_PASSWORD

    from panelapp.domain.enums import UserRole
    from panelapp.services.people.accounts import create_first_admin
    from panelapp.services.people.users import find_user

    create_first_admin(ctx, "담당자", "another-pass-2026")
    summary = load_demo(ctx, anchor=dt.date(2026, 11, 20), password=TEST_PASSWORD)
    assert find_user(ctx, "담당자").role is UserRole.ADMIN
    assert "담당자(관리자, 원래 있던 계정: 비밀번호 그대로)" in summary
    assert "담당자(담당자)" not in summary and "열람자(열람자)" in summary
