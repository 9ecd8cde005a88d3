"""A team's 단장 and the member's role 단장 are one fact, whichever screen sets it."""

import datetime as dt

from panelapp.domain.enums import MemberRole
from panelapp.services.cohorts.manage import CohortInput, TeamInput, create_cohort, list_teams, update_team
from panelapp.services.people.members import (
    ConsentInput,
    MemberInput,
    delete_enrollment,
    enroll_member,
    get_member,
    update_member,
    withdraw_member,
)

D = dt.date


def setup(ctx):
    c = create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))
    policy, news = c.teams
    people = {}
    for name, phone in [
        ("김하나", "010-2111-0001"),
        ("이두리", "010-2111-0002"),
        ("박세나", "010-2111-0003"),
    ]:
        people[name] = enroll_member(
            ctx,
            c.id,
            MemberInput(name, phone, team_id=policy.id, joined_on=D(2026, 3, 1)),
            ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
        ).enrollment_id
    return c, policy, news, people


def team(ctx, cohort_id, team_id):
    return next(t for t in list_teams(ctx, cohort_id) if t.id == team_id)


def role(ctx, enrollment_id):
    return get_member(ctx, enrollment_id).role


def test_choosing_a_leader_in_the_team_dialog_sets_the_role_and_team(ctx):
    c, policy, news, people = setup(ctx)
    update_team(
        ctx, news.id, TeamInput("소식이음단", news.kind, leader_enrollment_id=people["김하나"]), news.version
    )
    assert role(ctx, people["김하나"]) == MemberRole.CHIEF
    assert get_member(ctx, people["김하나"]).team_id == news.id  # moved into the team they lead
    t = team(ctx, c.id, news.id)
    update_team(
        ctx, news.id, TeamInput("소식이음단", news.kind, leader_enrollment_id=people["이두리"]), t.version
    )
    assert role(ctx, people["김하나"]) == MemberRole.MEMBER  # the previous leader steps down
    assert team(ctx, c.id, news.id).leader_name == "이두리"


def test_setting_the_role_in_the_member_form_makes_them_team_leader(ctx):
    c, policy, news, people = setup(ctx)
    d = get_member(ctx, people["박세나"])
    update_member(
        ctx,
        d.enrollment_id,
        MemberInput(
            "박세나", "010-2111-0003", team_id=policy.id, role=MemberRole.CHIEF, joined_on=D(2026, 3, 1)
        ),
        d.version,
        d.member_version,
    )
    assert team(ctx, c.id, policy.id).leader_name == "박세나"


def test_withdrawn_or_deleted_leader_leaves_the_team_without_leader(ctx):
    c, policy, news, people = setup(ctx)
    update_team(
        ctx,
        policy.id,
        TeamInput("정책동행단", policy.kind, leader_enrollment_id=people["김하나"]),
        policy.version,
    )
    d = get_member(ctx, people["김하나"])
    withdraw_member(ctx, d.enrollment_id, D(2026, 6, 1), "이사", d.version)
    assert team(ctx, c.id, policy.id).leader_enrollment_id is None
    t = team(ctx, c.id, policy.id)
    update_team(
        ctx, policy.id, TeamInput("정책동행단", policy.kind, leader_enrollment_id=people["이두리"]), t.version
    )
    delete_enrollment(ctx, people["이두리"])
    assert team(ctx, c.id, policy.id).leader_enrollment_id is None
