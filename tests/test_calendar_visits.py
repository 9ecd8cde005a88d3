"""The calendar reads at most N visits a day and counts the rest (services/inspections/queries.py
calendar_inspections), on SQLite and PostgreSQL."""

import uuid

from schedule_world import D, T, build_world

from panelapp.db.models import Inspection
from panelapp.domain.enums import InspectionStatus
from panelapp.services.inspections.queries import calendar_inspections
from panelapp.services.inspections.rules import InspectionQuery


def add_visits(ctx, world, day, n, facility=None, deleted=False):
    import datetime as dt

    with ctx.db.session_factory.begin() as s:
        for k in range(n):
            s.add(
                Inspection(
                    uid=str(uuid.uuid4()),
                    cohort_id=world.cohort_id,
                    facility_id=facility or world.gym,
                    team_id=world.team_id,
                    scheduled_date=day,
                    start_time=T(8 + k % 10),
                    end_time=T(9 + k % 10),
                    status=InspectionStatus.PLANNED,
                    deleted_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC) if deleted else None,
                )
            )


def test_at_most_n_a_day_and_every_day_counted(ctx):
    w = build_world(ctx)
    add_visits(ctx, w, D(2026, 5, 12), 30)
    add_visits(ctx, w, D(2026, 5, 12), 4, deleted=True)  # the trash is not counted
    add_visits(ctx, w, D(2026, 5, 13), 3, facility=w.park_fac)
    add_visits(ctx, w, D(2026, 7, 1), 5)  # outside the period
    visits = calendar_inspections(ctx, InspectionQuery(w.cohort_id, D(2026, 5, 1), D(2026, 5, 31)), 12)
    assert visits.day_totals == {D(2026, 5, 12): 30, D(2026, 5, 13): 3}
    by_day = {}
    for info in visits.rows:
        by_day.setdefault(info.scheduled_date, []).append(info)
    assert {d: len(v) for d, v in by_day.items()} == {D(2026, 5, 12): 12, D(2026, 5, 13): 3}
    # the first of the day by time: those shown are the earliest ones
    times = sorted(i.start_time for i in by_day[D(2026, 5, 12)])
    assert times[0] == T(8) and times[-1] <= T(13)
    assert [i.facility_name for i in by_day[D(2026, 5, 13)]] == ["새봄근린공원"] * 3
