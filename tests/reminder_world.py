"""Two departments and known due dates around TODAY (Tuesday 2026-06-16; 6/3 was election day),
for the 독촉 안내문 tests (service, command line, e-mail, desk page).

체육사업부 (contact 강민호, sports@example.kr): 주차 차단기 due 6/2 (9 working days overdue: 6/3
does not count), 매점 메뉴 due 6/10 (4 overdue), 샤워실 온수 (검토중) due today (0 left), 수영장 안내
due 6/19 (3 left), 탈의실 사물함 due Saturday 6/20 (3 left: the weekend adds none), 체육관 조명 due
6/22 (4 left: beyond the default 3). Not reminded: an answered proposal long overdue, a deleted
one, one marked as a duplicate of 주차 차단기. 공원녹지과 (no e-mail) has one proposal due 6/29:
nothing to remind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schedule_world import build_world

from panelapp.db.models import Department, Proposal
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.services.context import transaction

D = dt.date
TODAY = D(2026, 6, 16)


@dataclass
class RWorld:
    world: object
    cohort_id: int
    sports: int
    parks: int
    ids: dict[str, int]


def build_reminder_world(ctx) -> RWorld:
    w = build_world(ctx)
    ids: dict[str, int] = {}
    with transaction(ctx) as s:
        sports = s.query(Department).filter_by(name="체육사업부").one()
        sports.email = "sports@example.kr"
        parks = Department(organization_id=sports.organization_id, name="공원녹지과", contact_person="박공원")
        s.add(parks)
        s.flush()

        def add(title, dept, status, due, answered=None, deleted=False):
            p = Proposal(
                cohort_id=w.cohort_id,
                department_id=dept,
                facility_id=w.gym,
                title=title,
                status=status,
                submitted_on=D(2026, 6, 1),
                answered_on=answered,
                due_on=due,
                deleted_at=dt.datetime(2026, 6, 2, tzinfo=dt.UTC) if deleted else None,
            )
            s.add(p)
            s.flush()
            ids[title] = p.id

        add("주차 차단기", sports.id, PS.SUBMITTED, D(2026, 6, 2))
        add("매점 메뉴", sports.id, PS.SUBMITTED, D(2026, 6, 10))
        add("샤워실 온수", sports.id, PS.REVIEWING, D(2026, 6, 16))
        add("수영장 안내", sports.id, PS.SUBMITTED, D(2026, 6, 19))
        add("탈의실 사물함", sports.id, PS.SUBMITTED, D(2026, 6, 20))
        add("체육관 조명", sports.id, PS.SUBMITTED, D(2026, 6, 22))
        add("답변한 제안", sports.id, PS.ACCEPTED, D(2026, 6, 2), answered=D(2026, 6, 12))
        add("지운 제안", sports.id, PS.SUBMITTED, D(2026, 6, 2), deleted=True)
        add("중복 제안", sports.id, PS.SUBMITTED, D(2026, 6, 2))
        s.get(Proposal, ids["중복 제안"]).duplicate_of_id = ids["주차 차단기"]
        add("산책로 조명", parks.id, PS.SUBMITTED, D(2026, 6, 29))
        return RWorld(w, w.cohort_id, sports.id, parks.id, ids)
