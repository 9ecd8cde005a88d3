"""Demo database: an invented institution with two cohorts, members, consents and activities.

Built in one transaction from a seeded random generator, so every run gives the same data.
Dates are fixed 2025/2026 values, never today's. Each part of the organisation has its own
builder; later parts (inspections, findings, proposals) add theirs to `_BUILDERS`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    Cohort,
    Consent,
    ConsentNotice,
    Department,
    Enrollment,
    Facility,
    FacilityType,
    Member,
    Organization,
    Team,
    User,
)
from panelapp.domain.enums import (
    CohortStatus,
    ConsentMethod,
    EnrollmentStatus,
    EventKind,
    Gender,
    MemberRole,
    TeamKind,
    UserRole,
)
from panelapp.domain.errors import DomainError, ValidationError
from panelapp.domain.validation import normalize_phone
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.demo import data
from panelapp.services.demo.findings import build_findings
from panelapp.services.demo.inspections import build_inspections
from panelapp.services.demo.proposals import build_proposals
from panelapp.services.people.member_rules import add_months, find_notice

SEED = 20260314
NOT_EMPTY = (
    "데모 데이터는 빈 데이터베이스에만 넣을 수 있습니다. 이 데이터베이스에는 이미 자료가 있습니다. "
    "새 데이터베이스 파일을 지정해 다시 시도해 주세요(예: panelapp --db 데모.db demo)."
)


@dataclass
class _Demo:
    """What the builders share: the session, the random generator and what was made so far."""

    s: Session
    rnd: random.Random
    notice: ConsentNotice
    departments: dict[str, Department] = field(default_factory=dict)
    facilities: list[Facility] = field(default_factory=list)
    cohorts: dict[int, Cohort] = field(default_factory=dict)
    teams: dict[tuple[int, str], Team] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)
    enrollments: dict[int, list[Enrollment]] = field(default_factory=dict)  # by cohort number
    events: list[ActivityEvent] = field(default_factory=list)
    present: int = 0


def load_demo(ctx: ServiceContext) -> str:
    """Fill an empty database; returns a one-line Korean summary of what was made."""
    with transaction(ctx) as s:
        _refuse_unless_empty(s)
        demo = _Demo(s=s, rnd=random.Random(SEED), notice=find_notice(s, None, dt.date(2026, 2, 1)))
        for build in _BUILDERS:
            build(demo)
            s.flush()
        summary = _summary(demo)
    # The default checklist (and any missing reference list) comes from the same seed a
    # new database gets; it is idempotent, so a second run changes nothing.
    from panelapp.services.system.reference_seed import seed_reference_data

    seed_reference_data(ctx)
    return summary


def _refuse_unless_empty(s: Session) -> None:
    for model in (Organization, Cohort, Member, Facility):
        if s.scalar(select(func.count()).select_from(model)):
            raise DomainError(NOT_EMPTY)


def _organization(d: _Demo) -> None:
    from panelapp.services.demo.logo import demo_logo_png

    org = Organization(**data.ORGANIZATION, logo_png=demo_logo_png())
    d.s.add(org)
    for name, person, phone, email in data.DEPARTMENTS:
        dept = Department(organization=org, name=name, contact_person=person, phone=phone, email=email)
        d.s.add(dept)
        d.departments[name] = dept
    taken = set(d.s.scalars(select(User.name)))
    d.s.add_all(User(name=name, role=UserRole(role)) for name, role in data.USERS if name not in taken)


def _facilities(d: _Demo) -> None:
    # Facility types are reference data: a database may already hold the default list.
    types = {t.name: t for t in d.s.scalars(select(FacilityType))}
    order = max((t.sort_order for t in types.values()), default=0)
    for name in data.FACILITY_TYPES:
        if name not in types:
            order += 1
            types[name] = FacilityType(name=name, sort_order=order)
            d.s.add(types[name])
    for name, kind, address, dept in data.FACILITIES:
        department = d.departments[dept]
        facility = Facility(
            name=name,
            facility_type=types[kind],
            address=address,
            department_id=department.id,
            contact=department.phone,
            active=True,
        )
        d.s.add(facility)
        d.facilities.append(facility)


def _cohorts(d: _Demo) -> None:
    org_id = d.s.scalar(select(Organization.id))
    d.cohorts[6] = Cohort(
        organization_id=org_id,
        number=6,
        name="제6기 고객서비스 시민참여단",
        term_start=dt.date(2025, 3, 1),
        term_end=dt.date(2025, 12, 31),
        launch_date=dt.date(2025, 3, 15),
        quota=40,
        status=CohortStatus.CLOSED,
    )
    d.cohorts[7] = Cohort(
        organization_id=org_id,
        number=7,
        name="제7기 고객서비스 시민참여단",
        term_start=dt.date(2026, 3, 1),
        term_end=dt.date(2026, 12, 31),
        launch_date=dt.date(2026, 3, 14),
        quota=50,
        status=CohortStatus.ACTIVE,
    )
    for number, cohort in d.cohorts.items():
        d.s.add(cohort)
        for order, (name, kind, text) in enumerate(
            (
                ("정책동행단", TeamKind.INSPECTION, "시설 점검과 개선제안"),
                ("소식이음단", TeamKind.NEWS, "이용 후기와 홍보 콘텐츠"),
            ),
            1,
        ):
            team = Team(cohort=cohort, name=name, kind=kind, sort_order=order, description=text)
            d.s.add(team)
            d.teams[(number, name)] = team


def _members(d: _Demo) -> None:
    phones: set[str] = set()
    for i, name in enumerate(data.NAMES):
        phone = _new_phone(d.rnd, phones)
        gender = Gender.UNSPECIFIED if i % 9 == 8 else Gender.FEMALE if name in data.FEMALE else Gender.MALE
        d.members.append(
            Member(
                name=name,
                phone=phone,
                gender=gender,
                district=d.rnd.choice(data.DISTRICTS),
                birth_year=d.rnd.randint(1952, 2005),
                email=f"member{i + 1:02d}@example.com" if d.rnd.random() < 0.5 else None,
            )
        )
    d.s.add_all(d.members)
    d.s.flush()
    # The first 16 people served in cohort 6 and came back for cohort 7.
    _enrol(d, 6, d.members[:30], policy=18, withdrawn={22: (dt.date(2025, 7, 31), 0)})
    _enrol(
        d,
        7,
        d.members[:16] + d.members[30:],
        policy=28,
        withdrawn={19: (dt.date(2026, 6, 30), 0), 40: (dt.date(2026, 9, 15), 1)},
        late=range(42, 46),
    )


def _new_phone(rnd: random.Random, taken: set[str]) -> str:
    """A unique mobile number that the phone rule accepts (not every 010 block is assigned)."""
    while True:
        try:
            phone = normalize_phone(f"010-{rnd.randint(2000, 9999)}-{rnd.randint(0, 9999):04d}")
        except ValidationError:
            continue
        if phone not in taken:
            taken.add(phone)
            return phone


def _enrol(
    d: _Demo,
    number: int,
    people: list[Member],
    policy: int,
    withdrawn: dict[int, tuple[dt.date, int]],
    late: range = range(0),
) -> None:
    """Enrolments with their consents; the first of each team leads it, a few more lead groups."""
    cohort = d.cohorts[number]
    closed = cohort.status == CohortStatus.CLOSED
    leaders = {0, 1, 2, 3, policy, policy + 1}
    made: list[tuple[Enrollment, dt.date]] = []
    for i, member in enumerate(people):
        team = d.teams[(number, "정책동행단" if i < policy else "소식이음단")]
        role = (
            MemberRole.CHIEF if i in (0, policy) else MemberRole.LEADER if i in leaders else MemberRole.MEMBER
        )
        joined = dt.date(cohort.term_start.year, 5, 1) if i in late else cohort.term_start
        consented = joined - dt.timedelta(days=d.rnd.randint(3, 20))
        e = Enrollment(
            member=member,
            cohort=cohort,
            team=team,
            role=role,
            joined_on=joined,
            status=EnrollmentStatus.COMPLETED if closed else EnrollmentStatus.ACTIVE,
            left_on=cohort.term_end if closed else None,
        )
        if i in withdrawn:
            e.left_on, reason = withdrawn[i]
            e.status, e.left_reason = EnrollmentStatus.WITHDRAWN, data.WITHDRAW_REASONS[reason]
        d.s.add(e)
        made.append((e, consented))
    d.s.flush()
    retention = add_months(cohort.term_end, d.notice.retention_months)
    for e, consented in made:
        d.s.add(
            Consent(
                member_id=e.member_id,
                enrollment_id=e.id,
                notice_id=d.notice.id,
                consented_on=consented,
                retention_until=retention,
                method=ConsentMethod.ONLINE if d.rnd.random() < 0.3 else ConsentMethod.WRITTEN,
            )
        )
    rows = [e for e, _consented in made]
    for i in (0, policy):
        rows[i].team.leader_enrollment_id = rows[i].id
    d.enrollments[number] = rows


def _events(d: _Demo) -> None:
    for number, events in ((6, data.EVENTS_6), (7, data.EVENTS_7)):
        # A few members come rarely: attendance differs between people, as it does in life.
        keen = {e.id: (0.6 if d.rnd.random() < 0.12 else 0.93) for e in d.enrollments[number]}
        for kind, title, (y, m, day), hour, hours, place in events:
            event = ActivityEvent(
                cohort_id=d.cohorts[number].id,
                kind=EventKind(kind),
                title=title,
                event_date=dt.date(y, m, day),
                start_time=dt.time(hour),
                hours=hours,
                location=place,
            )
            d.s.add(event)
            d.events.append(event)
            for e in d.enrollments[number]:
                if not e.joined_on <= event.event_date <= (e.left_on or event.event_date):
                    continue
                present = d.rnd.random() < keen[e.id]
                d.present += present
                d.s.add(
                    Attendance(
                        event=event,
                        enrollment_id=e.id,
                        present=present,
                        hours=hours if present else 0.0,
                        note=None if present else d.rnd.choice(data.ABSENCE_NOTES),
                    )
                )


def _summary(d: _Demo) -> str:
    n6, n7 = len(d.enrollments[6]), len(d.enrollments[7])
    return (
        f"기관 1곳, 담당부서 {len(d.departments)}개, 시설 {len(d.facilities)}곳, "
        f"기수 {len(d.cohorts)}개, 참여단원 {len(d.members)}명(제7기 {n7}명, 제6기 {n6}명), "
        f"활동 {len(d.events)}회, 출석 {d.present}건"
    )


# In order; each may use what the ones before it made.
_BUILDERS = [
    _organization,
    _facilities,
    _cohorts,
    _members,
    _events,
    build_inspections,
    build_findings,
    build_proposals,
]
