import datetime as dt

import pytest

from panelapp.db.models import ActivityEvent, Attendance
from panelapp.domain.enums import EnrollmentStatus, EventKind, MemberRole
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import transaction
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member, withdraw_member
from panelapp.services.people.roster import SORT_KEYS, RosterQuery, roster_ids, roster_rows, roster_total

D = dt.date
PEOPLE = [  # name, phone, district, email, team index, role, consent day
    ("김하나", "010-1111-5678", "중구 명동", "hana@example.kr", 0, MemberRole.CHIEF, 5),
    ("이두리", "010-2222-1234", "남구 대명동", "Duri@Example.KR", 1, MemberRole.MEMBER, 3),
    ("박세나", "010-1234-9999", None, None, None, MemberRole.LEADER, 9),
    ("최넷_", "010-4444-0000", "중구 동인동", "net%@example.kr", 0, MemberRole.MEMBER, 1),
]


@pytest.fixture
def roster(ctx):
    c = create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))
    ids = {}
    for name, phone, district, email, team, role, day in PEOPLE:
        info = enroll_member(
            ctx,
            c.id,
            MemberInput(
                name,
                phone,
                email,
                district,
                None,
                team_id=None if team is None else c.teams[team].id,
                role=role,
                joined_on=D(2026, 3, 1),
            ),
            ConsentInput("2026-1", D(2026, 3, day), agreed=True),
        )
        ids[name] = info.enrollment_id
    with transaction(ctx) as s:
        events = [
            ActivityEvent(
                cohort_id=c.id,
                kind=EventKind.TRAINING,
                title=f"교육{i}",
                event_date=D(2026, 4, 1 + i),
                hours=2.0,
            )
            for i in range(4)
        ]
        s.add_all(events)
        s.flush()
        attended = {"김하나": [0], "이두리": [0, 1, 2, 3], "박세나": [0, 1]}  # 최넷_ none
        for name, idx in attended.items():
            s.add_all(
                Attendance(
                    event_id=events[i].id,
                    enrollment_id=ids[name],
                    present=True,
                    hours=2.0 + (0.5 if name == "김하나" else 0),
                )
                for i in idx
            )
    return ctx, c, ids


def names(ctx, ids_by_name, query):
    by_id = {v: k for k, v in ids_by_name.items()}
    return [by_id[i] for i in roster_ids(ctx, query)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("하나", ["김하나"]),
        ("5678", ["김하나"]),
        ("010-1234", ["박세나"]),
        ("01012349999", ["박세나"]),
        ("+82 10 2222", ["이두리"]),
        ("중구", ["김하나", "최넷_"]),
        ("duri@example", ["이두리"]),
        ("EXAMPLE.KR", ["김하나", "이두리", "최넷_"]),
        ("_", ["최넷_"]),
        ("%", ["최넷_"]),
        ("없는사람", []),
    ],
)
def test_search(roster, text, expected):
    ctx, c, ids = roster
    assert names(ctx, ids, RosterQuery(c.id, text=text)) == expected


def test_filters(roster):
    ctx, c, ids = roster
    assert names(ctx, ids, RosterQuery(c.id, team_id=c.teams[0].id)) == ["김하나", "최넷_"]
    withdraw_member(ctx, ids["이두리"], D(2026, 5, 1), "이사", 1)
    assert names(ctx, ids, RosterQuery(c.id, status=EnrollmentStatus.ACTIVE)) == ["김하나", "박세나", "최넷_"]
    assert names(ctx, ids, RosterQuery(c.id, status=EnrollmentStatus.WITHDRAWN, text="남구")) == ["이두리"]
    assert roster_total(ctx, c.id) == 4


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("name", ["김하나", "박세나", "이두리", "최넷_"]),
        ("team", ["김하나", "최넷_", "이두리", "박세나"]),  # team order, no team last
        ("role", ["김하나", "박세나", "이두리", "최넷_"]),  # 단장, 조장, 단원...
        ("phone", ["김하나", "박세나", "이두리", "최넷_"]),
        ("district", ["이두리", "최넷_", "김하나", "박세나"]),  # 남구 < 중구 동인동 < 중구 명동, none last
        ("status", ["김하나", "박세나", "최넷_", "이두리"]),  # withdrawn last
        ("consent_date", ["최넷_", "이두리", "김하나", "박세나"]),
        ("hours", ["최넷_", "김하나", "박세나", "이두리"]),  # 0, 2.5, 4, 8
        ("rate", ["김하나", "박세나", "이두리", "최넷_"]),  # 1/4, 2/3 (left early)... 0/4
    ],
)
def test_every_sort_key(roster, sort, expected):
    ctx, c, ids = roster
    if sort in ("status", "rate"):
        withdraw_member(ctx, ids["이두리"], D(2026, 4, 3), None, 1)
    if sort == "rate":  # 이두리 held 3 attended 3 → 100%; 박세나 2/4; 김하나 1/4; 최넷_ 0/4
        expected = ["최넷_", "김하나", "박세나", "이두리"]
    assert names(ctx, ids, RosterQuery(c.id, sort=sort)) == expected
    desc = names(ctx, ids, RosterQuery(c.id, sort=sort, descending=True))
    if sort in ("name", "phone", "consent_date", "hours", "rate"):  # unique keys: exact reverse
        assert desc == expected[::-1]
    assert sort in SORT_KEYS


def test_descending_keeps_nulls_last(roster):
    ctx, c, ids = roster
    assert names(ctx, ids, RosterQuery(c.id, sort="district", descending=True)) == [
        "김하나",
        "최넷_",
        "이두리",
        "박세나",
    ]
    assert names(ctx, ids, RosterQuery(c.id, sort="team", descending=True))[-1] == "박세나"


def test_rows_in_id_order_with_stats(roster):
    ctx, c, ids = roster
    order = [ids["최넷_"], ids["김하나"], 999999, ids["이두리"]]
    rows = roster_rows(ctx, order)
    assert [r.name for r in rows] == ["최넷_", "김하나", "이두리"]
    kim = rows[1]
    assert (kim.team_name, kim.role, kim.phone_e164, kim.district) == (
        "정책동행단",
        MemberRole.CHIEF,
        "+821011115678",
        "중구 명동",
    )
    assert kim.consent_date == D(2026, 3, 5) and kim.hours == 2.5 and kim.rate == 0.25
    assert rows[2].hours == 8.0 and rows[2].rate == 1.0 and rows[0].rate == 0.0
    assert rows[1].version >= 1 and roster_rows(ctx, []) == []
