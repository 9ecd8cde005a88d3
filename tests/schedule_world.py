"""A small cohort with a policy team, four people and three facilities, for the schedule tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelapp.services.checklists.templates import ensure_default_template
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.inspections.rules import InspectionDraft
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
from panelapp.services.registers.departments import DepartmentInput, create_department, ensure_organization
from panelapp.services.registers.facilities import (
    FacilityInput,
    create_facility,
    ensure_default_facility_types,
    list_facility_types,
)

D = dt.date
T = dt.time


@dataclass
class World:
    ctx: object
    cohort_id: int
    team_id: int
    lead: int
    kim: int
    lee: int
    park: int
    gym: int
    park_fac: int
    lot: int

    def draft(
        self, day=D(2026, 5, 12), start=T(10), end=T(12), facility=None, lead=None, members=None, **kw
    ) -> InspectionDraft:
        return InspectionDraft(
            self.cohort_id,
            facility or self.gym,
            day,
            start,
            end,
            self.team_id,
            lead or self.lead,
            tuple(members if members is not None else (self.kim, self.lee)),
            **kw,
        )


def build_world(ctx) -> World:
    ensure_organization(ctx, "한빛시설관리공단")
    ensure_default_facility_types(ctx)
    ensure_default_template(ctx)
    types = {t.name: t.id for t in list_facility_types(ctx)}
    dept = create_department(ctx, DepartmentInput("체육사업부", "강민호", "042-610-1210"))
    gym = create_facility(
        ctx, FacilityInput("한빛국민체육센터", types["체육시설"], "한빛시 중구 체육관로 40", dept.id)
    )
    park = create_facility(ctx, FacilityInput("새봄근린공원", types["공원"], "한빛시 남구 새봄로 60"))
    lot = create_facility(ctx, FacilityInput("시청 공영주차장", types["주차장"], "한빛시 중구 시청로 12"))
    c = create_cohort(ctx, CohortInput(7, "제7기 시민참여단", D(2026, 3, 1), D(2026, 12, 31)))
    team = c.teams[0].id

    def enrol(name, phone, joined=D(2026, 3, 1)):
        return enroll_member(
            ctx,
            c.id,
            MemberInput(name=name, phone=phone, joined_on=joined, team_id=team),
            ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
        ).enrollment_id

    return World(
        ctx,
        c.id,
        team,
        enrol("김민준", "010-2111-2222"),
        enrol("김영희", "010-3333-4444"),
        enrol("이철수", "010-5555-6666"),
        enrol("박서연", "010-7777-8888", D(2026, 6, 1)),
        gym.id,
        park.id,
        lot.id,
    )
