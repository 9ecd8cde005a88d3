"""휴지통 service: what is listed, who deleted it, restoring, and refusing clashing restores."""

import datetime as dt

import pytest
from sqlalchemy import select

from panelapp.db.base import utcnow
from panelapp.db.models import ActivityEvent, Cohort, Enrollment, Member, Team
from panelapp.domain.errors import DomainError, NotFoundError
from panelapp.domain.localtime import KST, as_utc, format_local
from panelapp.services.cohorts.manage import (
    CohortInput,
    TeamInput,
    create_cohort,
    create_team,
    delete_cohort,
    delete_team,
    list_cohorts,
    list_teams,
)
from panelapp.services.context import reading, transaction
from panelapp.services.people.members import delete_enrollment, get_member
from panelapp.services.trash.manage import (
    TrashQuery,
    list_trash,
    restore,
    trash_counts,
    trash_ids,
    trash_rows,
)


def ids(ctx):
    """Cohort 7, its first team, one of its enrolments and one of its events."""
    with reading(ctx) as s:
        c7 = s.scalar(select(Cohort).where(Cohort.number == 7))
        team = s.scalar(select(Team).where(Team.cohort_id == c7.id, Team.name == "정책동행단"))
        e = s.scalar(select(Enrollment).where(Enrollment.cohort_id == c7.id).order_by(Enrollment.id.desc()))
        ev = s.scalar(
            select(ActivityEvent).where(ActivityEvent.cohort_id == c7.id).order_by(ActivityEvent.id)
        )
        name = s.get(Member, e.member_id).name
        return c7.id, team.id, e.id, ev.id, name


def delete_event(ctx, event_id):
    with transaction(ctx) as s:
        ev = s.get(ActivityEvent, event_id)
        ev.deleted_at, ev.deleted_by_id = utcnow(), ctx.user_id


@pytest.fixture
def demo(demo_ctx):
    return demo_ctx


def test_empty_trash(ctx):
    assert list_trash(ctx) == []


def test_lists_every_kind_newest_first_with_who_deleted_it(demo):
    cohort_id, team_id, enrollment_id, event_id, name = ids(demo)
    delete_event(demo, event_id)
    delete_enrollment(demo, enrollment_id)
    delete_team(demo, team_id)
    delete_cohort(demo, cohort_id)
    items = list_trash(demo)
    assert [(i.kind, i.id) for i in items] == [
        ("cohort", cohort_id),
        ("team", team_id),
        ("enrollment", enrollment_id),
        ("event", event_id),
    ]
    assert [i.kind_label for i in items] == ["기수", "단", "참여단원", "활동"]
    assert items[0].label == "제7기 고객서비스 시민참여단"
    assert items[1].label == "정책동행단 (제7기)"
    assert items[2].label == f"{name} (제7기 참여단원)"
    assert items[3].label.startswith("발대식 · 제7기 시민참여단 발대식 (2026-03-14")
    assert all(i.deleted_by == "테스트담당자" for i in items)
    assert all(i.deleted_at.tzinfo is not None for i in items)
    assert abs(items[0].deleted_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_restore_brings_each_kind_back(demo):
    cohort_id, team_id, enrollment_id, event_id, name = ids(demo)
    delete_event(demo, event_id)
    delete_enrollment(demo, enrollment_id)
    delete_team(demo, team_id)
    delete_cohort(demo, cohort_id)
    assert restore(demo, "cohort", cohort_id) == "제7기 고객서비스 시민참여단"
    assert restore(demo, "team", team_id) == "정책동행단 (제7기)"
    assert restore(demo, "enrollment", enrollment_id) == f"{name} (제7기 참여단원)"
    restore(demo, "event", event_id)
    assert list_trash(demo) == []
    assert 7 in [c.number for c in list_cohorts(demo)]
    assert "정책동행단" in [t.name for t in list_teams(demo, cohort_id)]
    assert get_member(demo, enrollment_id).name == name
    with reading(demo) as s:
        ev = s.get(ActivityEvent, event_id)
        assert ev.deleted_at is None and ev.deleted_by_id is None


def test_cohort_number_taken_again_is_refused(demo):
    cohort_id = ids(demo)[0]
    delete_cohort(demo, cohort_id)
    create_cohort(demo, CohortInput(7, "제7기 새로 만든 기수", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    with pytest.raises(DomainError, match="제7기의 번호를 바꾼 뒤"):
        restore(demo, "cohort", cohort_id)
    assert [i.id for i in list_trash(demo)] == [cohort_id]


def test_team_of_a_deleted_cohort_or_with_a_taken_name_is_refused(demo):
    cohort_id, team_id, *_ = ids(demo)
    delete_team(demo, team_id)
    delete_cohort(demo, cohort_id)
    with pytest.raises(DomainError, match="기수를 먼저 복원"):
        restore(demo, "team", team_id)
    restore(demo, "cohort", cohort_id)
    create_team(demo, cohort_id, TeamInput("정책동행단"))
    with pytest.raises(DomainError, match="'정책동행단'이 이미 있어"):
        restore(demo, "team", team_id)


def test_nobody_else_can_take_the_number_of_a_trashed_enrolment(demo):
    """While an enrolment is in the trash its person keeps their number: another live person
    cannot be given it (the database's unique index, migration 0008, says so as a sentence), and
    the same person cannot be enrolled in the cohort twice, so the restore finds its place free."""
    from panelapp.services.locks import DuplicateError

    cohort_id, _team, enrollment_id, _event, _name = ids(demo)
    delete_enrollment(demo, enrollment_id)
    with reading(demo) as s:
        phone = s.get(Member, s.get(Enrollment, enrollment_id).member_id).phone
        other_id = s.scalar(
            select(Member.id)
            .join(Enrollment, Enrollment.member_id == Member.id)
            .where(Enrollment.cohort_id == cohort_id, Enrollment.deleted_at.is_(None))
            .order_by(Member.id)
        )
    with pytest.raises(DuplicateError, match="같은 휴대전화 번호"):
        with transaction(demo) as s:
            s.get(Member, other_id).phone = phone
    restore(demo, "enrollment", enrollment_id)
    with reading(demo) as s:
        assert s.get(Enrollment, enrollment_id).deleted_at is None


def test_enrolment_or_event_of_a_deleted_cohort_is_refused(demo):
    cohort_id, _team, enrollment_id, event_id, _name = ids(demo)
    delete_enrollment(demo, enrollment_id)
    delete_event(demo, event_id)
    delete_cohort(demo, cohort_id)
    for kind, item in (("enrollment", enrollment_id), ("event", event_id)):
        with pytest.raises(DomainError, match="제7기가 휴지통에 있습니다"):
            restore(demo, kind, item)


def test_restoring_what_is_not_in_the_trash(demo):
    cohort_id = ids(demo)[0]
    with pytest.raises(NotFoundError):
        restore(demo, "cohort", cohort_id)
    with pytest.raises(NotFoundError):
        restore(demo, "cohort", 99999)
    with pytest.raises(DomainError, match="종류가 아닙니다"):
        restore(demo, "member", 1)


def test_local_time_is_korean_time():
    utc = dt.datetime(2026, 11, 23, 15, 30, tzinfo=dt.UTC)
    assert format_local(utc) == "2026-11-24 00:30"
    assert format_local(utc.replace(tzinfo=None)) == "2026-11-24 00:30"  # SQLite gives naive UTC
    assert as_utc(utc.astimezone(KST)) == utc
    assert format_local(None) == ""


# ----- the id-based list: one UNION ALL filtered, sorted and counted in SQL ------------------------
def _fill_trash(demo):
    cohort_id, team_id, enrollment_id, event_id, name = ids(demo)
    delete_event(demo, event_id)
    delete_enrollment(demo, enrollment_id)
    delete_team(demo, team_id)
    return cohort_id, team_id, enrollment_id, event_id, name


def test_trash_ids_filter_by_kind_and_search_and_count_per_kind(demo):
    _cohort, team_id, enrollment_id, event_id, name = _fill_trash(demo)
    assert trash_ids(demo) == [("team", team_id), ("enrollment", enrollment_id), ("event", event_id)]
    assert trash_ids(demo, TrashQuery(kind="enrollment")) == [("enrollment", enrollment_id)]
    assert trash_ids(demo, TrashQuery(search=name)) == [("enrollment", enrollment_id)]
    assert trash_ids(demo, TrashQuery(search="정책동행")) == [("team", team_id)]
    assert trash_ids(demo, TrashQuery(kind="nothing")) == []
    assert trash_counts(demo) == {"team": 1, "enrollment": 1, "event": 1}
    assert trash_counts(demo, search="정책동행") == {"team": 1}


def test_trash_ids_sort_every_way_with_a_stable_tie_break(demo):
    _cohort, team_id, enrollment_id, event_id, _name = _fill_trash(demo)
    oldest_first = trash_ids(demo, sort_key="deleted", descending=False)
    assert oldest_first == [("event", event_id), ("enrollment", enrollment_id), ("team", team_id)]
    by_kind = [k for k, _i in trash_ids(demo, sort_key="kind", descending=False)]
    assert by_kind == ["team", "enrollment", "event"]  # the registry's order: 기수, 단, 참여단원, 활동
    with reading(demo) as s:
        title = s.get(ActivityEvent, event_id).title
    texts = {
        ("team", team_id): "정책동행단",
        ("enrollment", enrollment_id): _name,
        ("event", event_id): title,
    }
    by_label = trash_ids(demo, sort_key="label", descending=False)
    assert by_label == sorted(texts, key=texts.get)
    assert trash_ids(demo, sort_key="label", descending=True) == by_label[::-1]
    # one deleter for all: the tie-break (deleted_at) decides, newest first
    assert trash_ids(demo, sort_key="who", descending=True) == oldest_first[::-1]


def test_trash_rows_by_key_in_any_order_and_skip_restored(demo):
    _cohort, team_id, enrollment_id, _event, name = _fill_trash(demo)
    rows = {r.key: r for r in trash_rows(demo, [("enrollment", enrollment_id), ("team", team_id)])}
    assert rows[("team", team_id)].label == "정책동행단 (제7기)"
    assert rows[("enrollment", enrollment_id)].label == f"{name} (제7기 참여단원)"
    assert rows[("team", team_id)].kind_label == "단" and rows[("team", team_id)].deleted_by == "테스트담당자"
    restore(demo, "team", team_id)
    assert [r.key for r in trash_rows(demo, [("team", team_id), ("nothing", 1)])] == []


def test_every_soft_deleted_kind_is_in_the_registry():
    from panelapp.db.base import Base, SoftDelete
    from panelapp.db.models import Attachment, Inspection, Member
    from panelapp.services.trash.registry import KINDS

    soft = {m.class_ for m in Base.registry.mappers if issubclass(m.class_, SoftDelete)}
    # members leave with their enrolment; inspections return with their status; photos with their
    # finding (or Ctrl+Z)
    assert {k.model for k in KINDS} == soft - {Member, Inspection, Attachment}
