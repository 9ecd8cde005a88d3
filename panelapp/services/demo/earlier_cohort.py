"""The demo's earlier cohort (제5기): members whose retention has passed, due for destruction.

Two years before the cohort in progress, eight people served once and did not come back; their
consents were kept for the notice's period after the term and that period has ended, so
관리 → 개인정보 파기 (and `panelapp retention due`) lists them. Built last, with a random
generator of its own, so the rest of the demo is the same with or without it.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import select

from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    Cohort,
    Consent,
    Enrollment,
    Member,
    Organization,
    Team,
)
from panelapp.domain.enums import (
    CohortStatus,
    ConsentMethod,
    EnrollmentStatus,
    EventKind,
    Gender,
    MemberRole,
    TeamKind,
)
from panelapp.domain.errors import ValidationError
from panelapp.domain.validation import normalize_phone
from panelapp.services.demo.calendar import month_end
from panelapp.services.people.member_rules import add_months

NUMBER = 5
NAMES = ["노지훈", "문서윤", "배도현", "성하린", "안태민", "양수빈", "엄재원", "왕예린"]
FEMALE = {"문서윤", "성하린", "양수빈", "왕예린"}


def build_earlier_cohort(d: Any) -> None:
    rnd = random.Random(5005)
    start = d.cal.on(2024, 3, 1).replace(day=1)
    end = month_end(d.cal.on(2024, 12, 31))
    cohort = Cohort(
        organization_id=d.s.scalar(select(Organization.id)),
        number=NUMBER,
        name="제5기 고객서비스 시민참여단",
        term_start=start,
        term_end=end,
        launch_date=d.cal.event_day(2024, 3, 16),
        quota=20,
        status=CohortStatus.CLOSED,
    )
    d.s.add(cohort)
    team = Team(
        cohort=cohort,
        name="정책동행단",
        kind=TeamKind.INSPECTION,
        sort_order=1,
        description="시설 점검과 개선제안",
    )
    d.s.add(team)
    taken = set(d.s.scalars(select(Member.phone)))
    people = []
    for name in NAMES:
        while True:
            try:
                phone = normalize_phone(f"010-{rnd.randint(2000, 9999)}-{rnd.randint(0, 9999):04d}")
            except ValidationError:
                continue
            if phone not in taken:
                taken.add(phone)
                break
        people.append(
            Member(
                name=name,
                phone=phone,
                gender=Gender.FEMALE if name in FEMALE else Gender.MALE,
                district=rnd.choice(["중구", "남구", "동구", "서구"]),
                birth_year=rnd.randint(1955, 2000),
            )
        )
    d.s.add_all(people)
    d.s.flush()
    rows = [
        Enrollment(
            member_id=m.id,
            cohort_id=cohort.id,
            team_id=team.id,
            role=MemberRole.CHIEF if i == 0 else MemberRole.MEMBER,
            joined_on=start,
            status=EnrollmentStatus.COMPLETED,
            left_on=end,
        )
        for i, m in enumerate(people)
    ]
    d.s.add_all(rows)
    d.s.flush()
    team.leader_enrollment_id = rows[0].id
    retention = add_months(end, d.notice.retention_months)
    launch = ActivityEvent(
        cohort_id=cohort.id,
        kind=EventKind.LAUNCH,
        title="제5기 발대식",
        event_date=cohort.launch_date,
        start_time=dt.time(14),
        hours=2.0,
        location="공단 본관 대회의실",
    )
    d.s.add(launch)
    for e in rows:
        d.s.add(
            Consent(
                member_id=e.member_id,
                enrollment_id=e.id,
                notice_id=d.notice.id,
                consented_on=start - dt.timedelta(days=rnd.randint(3, 20)),
                retention_until=retention,
                method=ConsentMethod.WRITTEN,
            )
        )
        d.s.add(Attendance(event=launch, enrollment_id=e.id, present=True, hours=2.0))


def summary_line(count: int) -> str:
    return f"보유기간이 끝난 제{NUMBER}기 {count}명: 관리 → 개인정보 파기(panelapp retention due)의 파기 대상입니다."
