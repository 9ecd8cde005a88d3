"""Two departments' proposals with known answer times in working days, for the 부서별 답변 처리
tests (service, report, command line, dashboard). Seen from TODAY, a Tuesday.

체육사업부: 6/1→6/2 (1 working day, due 6/2: on time), 6/1→6/5 (3: 6/3 was election day; due
6/2: late), 6/5 Fri→6/8 Mon (1, due 6/19: on time), 6/8 unanswered due 6/10 (overdue), 6/15
reviewing due 6/29 (not yet). 공원녹지과: 6/1→6/16 (10, no due date). 미지정: 6/10 unanswered due
6/12 (overdue). A deleted proposal is not counted.
"""

from __future__ import annotations

import datetime as dt

from schedule_world import build_world

from panelapp.db.models import Department, Proposal
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.services.context import transaction

D = dt.date
TODAY = D(2026, 6, 16)


def build_sla_world(ctx):
    """Returns (world, {"sports": id, "parks": id})."""
    w = build_world(ctx)
    with transaction(ctx) as s:
        sports = s.query(Department).filter_by(name="체육사업부").one()
        parks = Department(organization_id=sports.organization_id, name="공원녹지과")
        s.add(parks)
        s.flush()

        def add(title, dept, status, submitted, answered=None, due=None, deleted=False):
            s.add(
                Proposal(
                    cohort_id=w.cohort_id,
                    department_id=dept,
                    title=title,
                    status=status,
                    submitted_on=submitted,
                    answered_on=answered,
                    due_on=due,
                    deleted_at=dt.datetime(2026, 6, 2, tzinfo=dt.UTC) if deleted else None,
                )
            )

        add("샤워실 온수", sports.id, PS.ACCEPTED, D(2026, 6, 1), D(2026, 6, 2), D(2026, 6, 2))
        add("탈의실 사물함", sports.id, PS.DECLINED, D(2026, 6, 1), D(2026, 6, 5), D(2026, 6, 2))
        add("수영장 안내", sports.id, PS.DONE, D(2026, 6, 5), D(2026, 6, 8), D(2026, 6, 19))
        add("주차 차단기", sports.id, PS.SUBMITTED, D(2026, 6, 8), due=D(2026, 6, 10))
        add("매점 메뉴", sports.id, PS.REVIEWING, D(2026, 6, 15), due=D(2026, 6, 29))
        add("산책로 조명", parks.id, PS.PARTIAL, D(2026, 6, 1), D(2026, 6, 16))
        add("벤치 추가", None, PS.SUBMITTED, D(2026, 6, 10), due=D(2026, 6, 12))
        add("지운 제안", sports.id, PS.SUBMITTED, D(2026, 6, 1), due=D(2026, 6, 2), deleted=True)
        s.flush()
        return w, {"sports": sports.id, "parks": parks.id}
