"""A large roster for the benchmarks: one cohort with N enrolled members, events, attendance."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert, select

from panelapp.db import models as m
from panelapp.db.base import Base
from panelapp.db.engine import open_database
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import ServiceContext
from panelapp.services.system.bootstrap import ensure_user, sync_consent_notices

SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍"
SYLLABLES = "민서준하지은현수영진우성동희경연혜주원태아정미나윤호재소유채상"
DISTRICTS = [
    "중구 동인동",
    "중구 명동",
    "남구 대명동",
    "수성구 범어동",
    "달서구 상인동",
    "북구 산격동",
    "동구 신암동",
    "서구 내당동",
    "달성군 화원읍",
    None,
]


def build(path: str, members: int = 100_000, events: int = 24, seed: int = 7) -> tuple[ServiceContext, int]:
    """Create the database at `path`; returns the context and the cohort id."""
    rnd = random.Random(seed)
    db = open_database(path)
    Base.metadata.create_all(db.engine)
    ctx = ServiceContext(db=db)
    sync_consent_notices(ctx)
    ensure_user(ctx, "벤치마크")
    cohort = create_cohort(ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    teams = [t.id for t in cohort.teams]
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    stamp = {"created_at": now, "updated_at": now, "version": 1}
    phones = rnd.sample(range(20_000_000, 99_999_999), members)
    member_rows, enrol_rows, consent_rows = [], [], []
    for i in range(members):
        name = rnd.choice(SURNAMES) + "".join(rnd.choice(SYLLABLES) for _ in range(rnd.choice((1, 2, 2, 2))))
        member_rows.append(
            {
                "id": i + 1,
                "name": name,
                "phone": f"+8210{phones[i]:08d}",
                "email": f"user{i}@example.kr" if i % 3 == 0 else None,
                "district": rnd.choice(DISTRICTS),
                "birth_year": rnd.randint(1950, 2008),
                "gender": rnd.choice(("female", "male", "unspecified")),
                **stamp,
            }
        )
        enrol_rows.append(
            {
                "id": i + 1,
                "member_id": i + 1,
                "cohort_id": cohort.id,
                "team_id": rnd.choice(teams + [None]),
                "role": "leader" if i % 50 == 0 else "member",
                "status": "withdrawn" if i % 40 == 0 else "active",
                "joined_on": dt.date(2026, 3, 1),
                **stamp,
            }
        )
        consent_rows.append(
            {
                "member_id": i + 1,
                "enrollment_id": i + 1,
                "notice_id": 1,
                "consented_on": dt.date(2026, 2, 1) + dt.timedelta(days=i % 28),
                "method": "written",
                "retention_until": dt.date(2027, 12, 31),
                **stamp,
            }
        )
    with db.engine.begin() as conn:
        notice_id = conn.scalar(select(m.ConsentNotice.id))
        for row in consent_rows:
            row["notice_id"] = notice_id
        conn.execute(insert(m.Member), member_rows)
        conn.execute(insert(m.Enrollment), enrol_rows)
        conn.execute(insert(m.Consent), consent_rows)
        event_rows = [
            {
                "id": k + 1,
                "cohort_id": cohort.id,
                "kind": "training",
                "title": f"교육 {k + 1}회",
                "event_date": dt.date(2026, 3, 5) + dt.timedelta(days=7 * k),
                "hours": 2.0,
                **stamp,
            }
            for k in range(events)
        ]
        conn.execute(insert(m.ActivityEvent), event_rows)
        attendance = [
            {"event_id": k + 1, "enrollment_id": e, "present": True, "hours": 2.0, **stamp}
            for k in range(events)
            for e in rnd.sample(range(1, members + 1), members // 20)
        ]
        conn.execute(insert(m.Attendance), attendance)
    return ctx, cohort.id
