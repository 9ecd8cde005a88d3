"""Everything the schedule page and the inspection dialog offer to choose from, in one read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from panelapp.domain.enums import TeamKind
from panelapp.services.context import ServiceContext

if TYPE_CHECKING:
    from panelapp.services.inspections.queries import VersionChoice


@dataclass(frozen=True)
class ScheduleChoices:
    cohort_id: int
    cohort_name: str
    term: tuple[dt.date, dt.date]
    facilities: tuple[tuple[int, str, bool], ...]  # (id, name, active); 가나다 order
    teams: tuple[tuple[int, str], ...]
    inspection_team_id: int | None  # the default team of a new visit (정책동행단)
    people: tuple[tuple[int, str], ...]  # active enrolments: (id, "홍길동 · 정책동행단 · 조장")
    versions: tuple[VersionChoice, ...]  # the default first

    @property
    def default_version_id(self) -> int | None:
        return next((v.id for v in self.versions if v.is_default), None)

    def lead_order(self) -> list[tuple[int, str]]:
        """단장 and 조장 first: they lead visits."""
        return sorted(self.people, key=lambda p: not (p[1].endswith("· 조장") or p[1].endswith("· 단장")))


def schedule_choices(ctx: ServiceContext, cohort_id: int, with_people: bool = True) -> ScheduleChoices:
    """`with_people=False` for the schedule page: a cohort can have 100,000 members (a second of
    reading) and only the dialog offers them (it reads them when it opens)."""
    from panelapp.services.cohorts.enrollment_choices import list_enrollment_choices
    from panelapp.services.cohorts.manage import get_cohort, list_teams
    from panelapp.services.inspections.queries import template_versions
    from panelapp.services.registers.facilities import list_facilities

    cohort = get_cohort(ctx, cohort_id)
    teams = list_teams(ctx, cohort_id)
    versions = sorted(template_versions(ctx), key=lambda v: not v.is_default)
    return ScheduleChoices(
        cohort.id,
        cohort.name,
        (cohort.term_start, cohort.term_end),
        tuple((f.id, f.name, f.active) for f in list_facilities(ctx)),
        tuple((t.id, t.name) for t in teams),
        next((t.id for t in teams if t.kind == TeamKind.INSPECTION), None),
        tuple(list_enrollment_choices(ctx, cohort_id)) if with_people else (),
        tuple(versions),
    )
