"""A cohort with a department, two facilities, findings, and a 소식이음단 member: for the
proposal, feedback and content tests (services and pages)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schedule_world import build_world

from panelapp.db.models import Finding
from panelapp.domain.enums import FindingCategory, Severity
from panelapp.services.context import transaction
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member

D = dt.date
TODAY = D(2026, 6, 20)


@dataclass
class PWorld:
    ctx: object
    cohort_id: int
    dept_id: int
    gym: int
    park: int
    kim: int  # policy team member
    news: int  # 소식이음단 member
    slippery: int  # finding at the gym (urgent)
    lights: int  # finding at the gym (medium)
    bench: int  # finding at the park


def add_finding(
    ctx,
    facility_id,
    title,
    severity=Severity.MEDIUM,
    category=FindingCategory.SAFETY,
    observed_on=D(2026, 6, 2),
    location=None,
    description=None,
) -> int:
    with transaction(ctx) as s:
        f = Finding(
            facility_id=facility_id,
            title=title,
            category=category,
            severity=severity,
            location=location,
            description=description,
            observed_on=observed_on,
        )
        s.add(f)
        s.flush()
        return f.id


def build(ctx) -> PWorld:
    from panelapp.services.cohorts.manage import get_cohort
    from panelapp.services.registers.facilities import get_facility

    w = build_world(ctx)
    news_team = next(t.id for t in get_cohort(ctx, w.cohort_id).teams if t.name == "소식이음단")
    news = enroll_member(
        ctx,
        w.cohort_id,
        MemberInput(name="최소식", phone="010-4444-1212", joined_on=D(2026, 3, 1), team_id=news_team),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    ).enrollment_id
    dept = get_facility(ctx, w.gym).department_id
    return PWorld(
        ctx,
        w.cohort_id,
        dept,
        w.gym,
        w.park_fac,
        w.kim,
        news,
        add_finding(
            ctx,
            w.gym,
            "탈의실 바닥 미끄러움",
            Severity.URGENT,
            location="여자 탈의실",
            description="물기가 남아 미끄럽습니다.",
        ),
        add_finding(
            ctx,
            w.gym,
            "복도 조명 고장",
            Severity.MEDIUM,
            FindingCategory.STRUCTURE,
            observed_on=D(2026, 6, 3),
        ),
        add_finding(ctx, w.park_fac, "벤치 파손", Severity.LOW, FindingCategory.STRUCTURE),
    )
