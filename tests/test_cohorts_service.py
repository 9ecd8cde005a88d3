"""Cohort and team services: creation, validation, closing, locking, stamps, soft delete."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from panelapp.db.models import Cohort, Enrollment, Team, User
from panelapp.domain.enums import CohortStatus, EnrollmentStatus, TeamKind
from panelapp.domain.errors import ConcurrencyError, NotFoundError, ValidationError, ValidationErrors
from panelapp.services.cohorts.enrollment_choices import list_enrollment_choices
from panelapp.services.cohorts.manage import (
    CohortInput,
    TeamInput,
    close_cohort,
    create_cohort,
    create_team,
    delete_cohort,
    delete_team,
    get_cohort,
    list_cohorts,
    list_teams,
    update_cohort,
    update_team,
)
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member, withdraw_member
from panelapp.services.system.bootstrap import ensure_user

D = dt.date


def seventh(ctx, number=7, **kw):
    return create_cohort(
        ctx, CohortInput(number, f"제{number}기 고객서비스 시민참여단", D(2026, 3, 1), D(2026, 12, 31), **kw)
    )


def enroll(ctx, cohort_id, name, phone, team_id=None):
    return enroll_member(
        ctx,
        cohort_id,
        MemberInput(name, phone, team_id=team_id, joined_on=D(2026, 3, 1)),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    )


def test_create_with_default_teams(ctx):
    c = seventh(ctx, launch_date=D(2026, 3, 14), quota=40)
    assert [(t.name, t.kind) for t in c.teams] == [
        ("정책동행단", TeamKind.INSPECTION),
        ("소식이음단", TeamKind.NEWS),
    ]
    assert (c.number, c.quota, c.launch_date, c.status) == (7, 40, D(2026, 3, 14), CohortStatus.RECRUITING)
    assert [t.name for t in list_teams(ctx, c.id)] == ["정책동행단", "소식이음단"]
    bare = create_cohort(ctx, CohortInput(8, "제8기", D(2027, 3, 1), D(2027, 12, 31)), default_teams=False)
    assert bare.teams == ()


def test_duplicate_number_is_refused_on_the_field_기수(ctx):
    c = seventh(ctx)
    with pytest.raises(ValidationError) as err:
        seventh(ctx)
    assert err.value.field == "기수" and "제7기" in err.value.detail
    other = seventh(ctx, number=8)
    with pytest.raises(ValidationError) as err:
        update_cohort(ctx, other.id, CohortInput(7, "x", D(2026, 3, 1), D(2026, 12, 31)), other.version)
    assert err.value.field == "기수"
    assert len(list_cohorts(ctx)) == 2 and get_cohort(ctx, c.id).number == 7


def test_term_end_before_start_is_refused(ctx):
    with pytest.raises(ValidationError) as err:
        create_cohort(ctx, CohortInput(7, "제7기", D(2026, 12, 31), D(2026, 3, 1)))
    assert err.value.field == "활동 종료일"
    with pytest.raises(ValidationErrors) as many:
        create_cohort(ctx, CohortInput(7, " ", D(2026, 12, 31), D(2026, 3, 1), quota=0))
    assert {e.field for e in many.value.errors} == {"기수 이름", "활동 종료일", "정원"}
    assert list_cohorts(ctx) == []


def test_close_turns_active_enrolments_into_수료(ctx):
    c = seventh(ctx)
    a = enroll(ctx, c.id, "김하나", "010-2111-5678")
    b = enroll(ctx, c.id, "이두리", "010-2222-1234")
    withdraw_member(ctx, b.enrollment_id, D(2026, 5, 1), "이사", b.version)
    closed = close_cohort(ctx, c.id, c.version)
    assert closed.status == CohortStatus.CLOSED and closed.active_members == 0
    with reading(ctx) as s:
        states = {e.id: (e.status, e.left_on) for e in s.scalars(select(Enrollment))}
    assert states[a.enrollment_id][0] == EnrollmentStatus.COMPLETED
    assert states[a.enrollment_id][1] is not None
    assert states[b.enrollment_id] == (EnrollmentStatus.WITHDRAWN, D(2026, 5, 1))


def test_closing_through_edit_also_completes_members(ctx):
    c = seventh(ctx)
    a = enroll(ctx, c.id, "김하나", "010-2111-5678")
    update_cohort(
        ctx, c.id, CohortInput(7, c.name, c.term_start, c.term_end, status=CohortStatus.CLOSED), c.version
    )
    assert get_cohort(ctx, c.id).active_members == 0
    with reading(ctx) as s:
        assert s.get(Enrollment, a.enrollment_id).status == EnrollmentStatus.COMPLETED


def test_team_name_unique_per_cohort(ctx):
    c, other = seventh(ctx), seventh(ctx, number=8)
    with pytest.raises(ValidationError) as err:
        create_team(ctx, c.id, TeamInput(" 정책동행단 "))
    assert err.value.field == "단 이름"
    create_team(ctx, other.id, TeamInput("홍보단"))
    t = create_team(ctx, c.id, TeamInput("홍보단", TeamKind.CUSTOM, "SNS 홍보"))
    assert (t.name, t.description) == ("홍보단", "SNS 홍보")
    with pytest.raises(ValidationError):
        update_team(ctx, t.id, TeamInput("소식이음단"), t.version)
    delete_team(ctx, c.teams[0].id)  # a deleted team frees its name
    assert create_team(ctx, c.id, TeamInput("정책동행단")).name == "정책동행단"


def test_team_leader_must_be_of_this_cohort(ctx):
    c, other = seventh(ctx), seventh(ctx, number=8)
    mine = enroll(ctx, c.id, "김하나", "010-2111-5678", team_id=c.teams[0].id)
    theirs = enroll(ctx, other.id, "이두리", "010-2222-1234")
    team = c.teams[0]
    with pytest.raises(ValidationError) as err:
        update_team(ctx, team.id, TeamInput(team.name, team.kind, None, theirs.enrollment_id), team.version)
    assert err.value.field == "단장"
    saved = update_team(ctx, team.id, TeamInput(team.name, team.kind, None, mine.enrollment_id), team.version)
    assert (saved.leader_name, saved.member_count) == ("김하나", 1)


def test_stale_version_raises_concurrency_error(ctx):
    c = seventh(ctx)
    data = CohortInput(7, "제7기 수정", D(2026, 3, 1), D(2026, 12, 31), status=CohortStatus.ACTIVE)
    fresh = update_cohort(ctx, c.id, data, c.version)
    assert fresh.version == c.version + 1
    for stale_call in (
        lambda: update_cohort(ctx, c.id, data, c.version),
        lambda: close_cohort(ctx, c.id, c.version),
        lambda: delete_cohort(ctx, c.id, c.version),
    ):
        with pytest.raises(ConcurrencyError):
            stale_call()
    team = c.teams[0]
    update_team(ctx, team.id, TeamInput("점검단", team.kind), team.version)
    with pytest.raises(ConcurrencyError):
        update_team(ctx, team.id, TeamInput("점검2단", team.kind), team.version)
    with pytest.raises(ConcurrencyError):
        delete_team(ctx, team.id, team.version)
    assert get_cohort(ctx, c.id).name == "제7기 수정"


def test_created_by_and_updated_by_are_the_acting_user(ctx):
    assert ctx.user_id is not None
    c = seventh(ctx)
    with transaction(ctx) as s:  # a second, distinct user
        s.add(User(name="다른담당자"))
    other = ServiceContext(db=ctx.db)
    ensure_user(other, "다른담당자")
    assert other.user_id != ctx.user_id
    update_cohort(other, c.id, CohortInput(7, "제7기 변경", D(2026, 3, 1), D(2026, 12, 31)), c.version)
    t = create_team(other, c.id, TeamInput("홍보단"))
    with reading(ctx) as s:
        cohort = s.get(Cohort, c.id)
        assert (cohort.created_by_id, cohort.updated_by_id) == (ctx.user_id, other.user_id)
        team = s.get(Team, t.id)
        assert team.created_by_id == team.updated_by_id == other.user_id
        assert s.get(Team, c.teams[0].id).created_by_id == ctx.user_id
    delete_cohort(other, c.id)
    with reading(ctx) as s:
        assert s.get(Cohort, c.id).deleted_by_id == other.user_id


def test_soft_delete_hides_from_list_cohorts(ctx):
    c, keep = seventh(ctx), seventh(ctx, number=8)
    delete_cohort(ctx, c.id, c.version)
    assert [x.number for x in list_cohorts(ctx)] == [8]
    with pytest.raises(NotFoundError):
        get_cohort(ctx, c.id)
    assert seventh(ctx).number == 7  # the number is free again
    delete_team(ctx, keep.teams[1].id)
    assert [t.name for t in list_teams(ctx, keep.id)] == ["정책동행단"]


def test_list_cohorts_newest_first_with_active_counts(ctx):
    _six, seven = seventh(ctx, number=6), seventh(ctx)
    enroll(ctx, seven.id, "김하나", "010-2111-5678")
    assert [(c.number, c.active_members) for c in list_cohorts(ctx)] == [(7, 1), (6, 0)]


def test_cohort_ids_and_rows_for_the_list(ctx):
    from panelapp.services.cohorts.manage import cohort_ids, cohort_rows

    six, seven = seventh(ctx, number=6), seventh(ctx)
    gone = seventh(ctx, number=5)
    delete_cohort(ctx, gone.id, gone.version)
    enroll(ctx, seven.id, "김하나", "010-2111-5678")
    assert cohort_ids(ctx) == [seven.id, six.id]
    rows = {c.id: c for c in cohort_rows(ctx, [six.id, gone.id, seven.id])}
    assert set(rows) == {six.id, seven.id}  # a deleted one is left out
    assert (rows[seven.id].active_members, rows[six.id].active_members) == (1, 0)
    assert rows[seven.id] == next(c for c in list_cohorts(ctx) if c.id == seven.id)


def test_team_head_counts_and_leaders_in_one_go(ctx):
    c = seventh(ctx)
    a = enroll(ctx, c.id, "홍길동", "010-2111-5678", team_id=c.teams[0].id)
    enroll(ctx, c.id, "김영희", "010-2222-1234", team_id=c.teams[0].id)
    k = enroll(ctx, c.id, "강감찬", "010-2333-9999", team_id=c.teams[1].id)
    withdraw_member(ctx, k.enrollment_id, D(2026, 5, 1), None, k.version)
    team = c.teams[0]
    update_team(
        ctx, team.id, TeamInput(team.name, team.kind, leader_enrollment_id=a.enrollment_id), team.version
    )
    teams = list_teams(ctx, c.id)
    assert [(t.name, t.member_count, t.leader_name) for t in teams] == [
        ("정책동행단", 2, "홍길동"),
        ("소식이음단", 0, None),
    ]
    assert get_cohort(ctx, c.id).teams == tuple(teams)


def test_enrollment_choices(ctx):
    c = seventh(ctx)
    a = enroll(ctx, c.id, "홍길동", "010-2111-5678", team_id=c.teams[0].id)
    b = enroll(ctx, c.id, "홍길동", "010-2222-1234")
    k = enroll(ctx, c.id, "강감찬", "010-2333-9999", team_id=c.teams[1].id)
    assert list_enrollment_choices(ctx, c.id) == [
        (k.enrollment_id, "강감찬 · 소식이음단 · 단원"),
        (a.enrollment_id, "홍길동(5678) · 정책동행단 · 단원"),
        (b.enrollment_id, "홍길동(1234) · 미배정 · 단원"),
    ]
    withdraw_member(ctx, k.enrollment_id, D(2026, 5, 1), None, k.version)
    assert [e for e, _ in list_enrollment_choices(ctx, c.id)] == [a.enrollment_id, b.enrollment_id]
    kept = list_enrollment_choices(ctx, c.id, include_id=k.enrollment_id)
    assert kept[0] == (k.enrollment_id, "강감찬 · 소식이음단 · 단원 · 탈퇴")
    assert list_enrollment_choices(ctx, seventh(ctx, number=8).id) == []


def test_enrollment_choices_search_and_limit_keep_the_current_leader(ctx):
    c = seventh(ctx)
    ids = {
        name: enroll(ctx, c.id, name, phone).enrollment_id
        for name, phone in [("가영", "010-2111-0001"), ("나영", "010-2111-0002"), ("다솜", "010-2111-0003")]
    }
    assert [e for e, _ in list_enrollment_choices(ctx, c.id, limit=2)] == [ids["가영"], ids["나영"]]
    assert [e for e, _ in list_enrollment_choices(ctx, c.id, text=" 영 ")] == [ids["가영"], ids["나영"]]
    kept = list_enrollment_choices(ctx, c.id, include_id=ids["다솜"], text="가", limit=1)
    assert [e for e, _ in kept] == [ids["가영"], ids["다솜"]]  # the current one, in name order
    assert list_enrollment_choices(ctx, c.id, text="100%") == []  # wildcards are literal
