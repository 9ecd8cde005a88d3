"""Demo database: an invented institution with two cohorts, members, consents and activities.

Built in one transaction from a seeded random generator. Every date comes from the demo's
calendar (calendar.py), anchored to the day it is loaded, so on any day the demo has a cohort in
progress, visits this month and next, and recent work; the same anchor gives the same data.
Each part of the organisation has its own builder; later parts (inspections, findings,
proposals) add theirs to `_BUILDERS`.
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
    ContentPost,
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
from panelapp.domain.josa import josa
from panelapp.domain.localtime import today_local
from panelapp.domain.validation import normalize_phone
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.demo import data, earlier_cohort
from panelapp.services.demo.calendar import DemoCalendar
from panelapp.services.demo.carried import build_carried_plan
from panelapp.services.demo.carried import summary_line as carried_summary
from panelapp.services.demo.earlier_cohort import build_earlier_cohort
from panelapp.services.demo.earlier_cohort import summary_line as earlier_summary
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
    cal: DemoCalendar
    departments: dict[str, Department] = field(default_factory=dict)
    facilities: list[Facility] = field(default_factory=list)
    cohorts: dict[int, Cohort] = field(default_factory=dict)
    teams: dict[tuple[int, str], Team] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)
    enrollments: dict[int, list[Enrollment]] = field(default_factory=dict)  # by cohort number
    events: list[ActivityEvent] = field(default_factory=list)
    present: int = 0  # attendance marked present: the events' and the completed visits'
    event_present: int = 0


FIRST_ANCHOR, LAST_ANCHOR = dt.date(2000, 1, 1), dt.date(2099, 12, 31)


def check_anchor(anchor: dt.date | None) -> dt.date | None:
    """The anchor, or a DomainError naming the allowed range (the holiday tables end somewhere)."""
    if anchor is not None and not FIRST_ANCHOR <= anchor <= LAST_ANCHOR:
        raise DomainError(
            f"데모 기준일 {josa(f'{anchor:%Y-%m-%d}', '은')} 쓸 수 없습니다. "
            f"{FIRST_ANCHOR:%Y-%m-%d}부터 {LAST_ANCHOR:%Y-%m-%d} 사이의 날짜를 넣어 주세요."
        )
    return anchor


def load_demo(ctx: ServiceContext, anchor: dt.date | None = None, password: str | None = None) -> str:
    """Fill an empty database with a demo seen from `anchor` (today in Korea by default);
    returns a few Korean lines saying what was made. With `password`, the demo accounts of
    every role (data.ACCOUNTS) log in with it."""
    cal = DemoCalendar(check_anchor(anchor) or today_local())
    hashes = _account_hashes(password)  # the rule is checked before anything is written
    with transaction(ctx) as s:
        _refuse_unless_empty(s)
        notice = find_notice(s, None, cal.on(2026, 2, 1))
        demo = _Demo(s=s, rnd=random.Random(SEED), notice=notice, cal=cal)
        for build in _BUILDERS:
            build(demo)
            s.flush()
        accounts = _accounts(demo, hashes) if hashes else []
        summary = (
            _summary(demo) + "\n" + carried_summary() + "\n" + earlier_summary(len(earlier_cohort.NAMES))
        )
        if accounts:
            # the roles as stored: an account that existed with a password keeps its own
            summary += "\n계정 " + ", ".join(
                f"{n}({role.label}{', 원래 있던 계정: 비밀번호 그대로' if kept else ''})"
                for n, role, kept in accounts
            )
    # The default checklist (and any missing reference list) comes from the same seed a
    # new database gets; it is idempotent, so a second run changes nothing.
    from panelapp.services.system.reference_seed import seed_reference_data

    seed_reference_data(ctx)
    return summary


def _account_hashes(password: str | None) -> list[str]:
    if password is None:
        return []
    from panelapp.domain.passwords import check_password
    from panelapp.services.people.password_hash import hash_password

    clean = check_password(password)
    return [hash_password(clean) for _ in [*data.ACCOUNTS, *data.USERS]]


def _accounts(d: _Demo, hashes: list[str]) -> list[tuple[str, UserRole, bool]]:
    """The demo accounts, and the two staff the demo's records name (data.USERS: 정다운, 백현정)
    with the same password, so no demo account is left without one; a user of that name
    without a password (the 관리자 a first start made) becomes the account. Each 점검 조장 is a
    member who leads demo inspections: 조장 the busiest, 백현정 the next. Returns (name, role,
    kept) per account, kept when an account of that name with a password was left as it was."""
    from panelapp.db.base import utcnow
    from panelapp.domain.enums import AccountAction
    from panelapp.services.people.account_history import record

    department = d.departments[data.DEPARTMENTS[0][0]]
    leads = iter(_busiest_leads(d.s))
    made: list[tuple[str, UserRole, bool]] = []
    for (name, role), hashed in zip([*data.ACCOUNTS, *data.USERS], hashes, strict=True):
        user = d.s.scalar(select(User).where(User.name == name))
        if user is not None and user.password_hash is not None:
            made.append((name, user.role, True))
            continue
        if user is None:
            user = User(name=name)
            d.s.add(user)
        user.role, user.active = UserRole(role), True
        user.department_id = department.id if user.role is UserRole.DEPARTMENT else None
        user.member_id = next(leads, None) if user.role is UserRole.LEAD else None
        user.password_hash, user.must_change_password = hashed, False
        user.password_changed_at = utcnow()
        d.s.flush()
        record(d.s, user.id, None, AccountAction.CREATED, f"데모 계정 ({user.role.label})")
        made.append((name, user.role, False))
    return made


def _busiest_leads(s: Session) -> list[int]:
    """The members who lead demo inspections, the most first: the 점검 조장 accounts are they."""
    from panelapp.db.models import Enrollment, InspectionAssignment
    from panelapp.domain.enums import AssignmentRole

    return list(
        s.scalars(
            select(Enrollment.member_id)
            .join(InspectionAssignment, InspectionAssignment.enrollment_id == Enrollment.id)
            .where(InspectionAssignment.role == AssignmentRole.LEAD)
            .group_by(Enrollment.member_id)
            .order_by(func.count().desc(), Enrollment.member_id)
            .limit(len(data.ACCOUNTS) + len(data.USERS))
        )
    )


def _refuse_unless_empty(s: Session) -> None:
    if not _empty(s):
        raise DomainError(NOT_EMPTY)


def _empty(s: Session) -> bool:
    return not any(
        s.scalar(select(func.count()).select_from(m)) for m in (Organization, Cohort, Member, Facility)
    )


def demo_allowed(ctx: ServiceContext) -> bool:
    """Whether load_demo would accept this database (it holds no institution, cohort, member
    or facility yet)."""
    with reading(ctx) as s:
        return _empty(s)


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
    (start6, end6), (start7, end7) = d.cal.term(6), d.cal.term(7)
    d.cohorts[6] = Cohort(
        organization_id=org_id,
        number=6,
        name="제6기 고객서비스 시민참여단",
        term_start=start6,
        term_end=end6,
        launch_date=d.cal.event_day(*data.EVENTS_6[0][2]),
        quota=40,
        status=CohortStatus.CLOSED,
    )
    d.cohorts[7] = Cohort(
        organization_id=org_id,
        number=7,
        name="제7기 고객서비스 시민참여단",
        term_start=start7,
        term_end=end7,
        launch_date=d.cal.event_day(*data.EVENTS_7[0][2]),
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
    on = d.cal.on
    _enrol(d, 6, d.members[:30], policy=18, withdrawn={22: (on(2025, 7, 31), 0)})
    _enrol(
        d,
        7,
        d.members[:16] + d.members[30:],
        policy=28,
        withdrawn={19: (on(2026, 6, 30), 0), 40: (on(2026, 9, 15), 1)},
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
        joined = add_months(cohort.term_start, 2) if i in late else cohort.term_start
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
        for kind, title, day, hour, hours, place in events:
            event = ActivityEvent(
                cohort_id=d.cohorts[number].id,
                kind=EventKind(kind),
                title=title,
                event_date=d.cal.event_day(*day),
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
                d.event_present += present
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
    """What was made, in lines a new user can check against the screens: people who served in
    both cohorts are counted once, and the visits are split the way the calendar shows them."""
    from panelapp.db.models import Feedback, Finding, Inspection, Proposal
    from panelapp.domain.enums import InspectionStatus
    from panelapp.domain.proposal_rules import UNANSWERED, is_overdue

    n6, n7 = len(d.enrollments[6]), len(d.enrollments[7])
    both = n6 + n7 - len(d.members)
    left = {n: sum(e.status == EnrollmentStatus.WITHDRAWN for e in rows) for n, rows in d.enrollments.items()}
    today, c7 = d.cal.anchor, d.cohorts[7]
    visits = d.s.execute(
        select(Inspection.status, Inspection.scheduled_date).where(Inspection.cohort_id == c7.id)
    ).all()
    by_status = {st: sum(1 for v, _day in visits if v == st) for st in InspectionStatus}
    waiting = sum(1 for v, day in visits if v == InspectionStatus.PLANNED and day < today)
    ahead = by_status[InspectionStatus.PLANNED] - waiting
    last_visit = max(day for _v, day in visits)
    # 제7기's own (제6기's carried ones have a line of their own: demo/carried.py)
    proposals = d.s.execute(select(Proposal.status, Proposal.due_on).where(Proposal.cohort_id == c7.id)).all()
    unanswered = sum(1 for st, _due in proposals if st in UNANSWERED)
    overdue = sum(1 for st, due in proposals if is_overdue(st, due, today))
    findings = d.s.scalar(select(func.count()).select_from(Finding))
    feedback = d.s.scalar(select(func.count()).select_from(Feedback))
    posts = d.s.scalar(select(func.count()).select_from(ContentPost))
    visit_present = d.present - d.event_present
    cohorts = d.s.scalar(select(func.count()).select_from(Cohort))  # with the earlier 제5기
    return "\n".join(
        (
            f"기준일 {today:%Y-%m-%d}: 제7기가 활동 중({c7.term_start:%Y-%m-%d}~{c7.term_end:%Y-%m-%d})이고 "
            f"점검 일정은 {last_visit:%Y-%m-%d}까지 잡혀 있습니다.",
            f"기관 1곳, 담당부서 {len(d.departments)}개, 시설 {len(d.facilities)}곳, 기수 {cohorts}개: "
            f"활동 중인 제7기 {n7}명(중도 탈퇴 {left[7]}명 포함), 끝난 제6기 {n6}명(중도 탈퇴 {left[6]}명 포함)",
            f"참여단원 {len(d.members)}명: 두 기수에 모두 참여한 {both}명은 한 사람으로 셉니다"
            f"({n7} + {n6} - {both} = {len(d.members)}).",
            f"행사 {len(d.events)}회, 점검 {len(visits)}회(완료 {by_status[InspectionStatus.COMPLETED]}, "
            f"결과 입력 대기 {waiting}, 예정 {ahead}, 연기 {by_status[InspectionStatus.POSTPONED]}, "
            f"취소 {by_status[InspectionStatus.CANCELLED]})",
            f"출석 {d.present}건(행사 {d.event_present}건, 완료된 점검 {visit_present}건), "
            f"발견사항 {findings}건, 개선제안 {len(proposals)}건(답변 {len(proposals) - unanswered}, "
            f"답변 대기 {unanswered} 중 기한 지남 {overdue}), 좋아요·아쉬워요 {feedback}건, 소식 콘텐츠 {posts}건",
        )
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
    build_carried_plan,  # 제6기's 차년도 업무계획, seen in 제7기 (no use of the shared generator)
    build_earlier_cohort,  # last: the rest of the demo is the same without it
]
