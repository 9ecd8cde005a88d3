"""Cohorts (기수) and their teams (단)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from panelapp.db.base import utcnow
from panelapp.db.models import Cohort, Enrollment, Organization, Team
from panelapp.domain.enums import CohortStatus, EnrollmentStatus, TeamKind
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.josa import quoted
from panelapp.domain.localtime import today_local
from panelapp.domain.text_input import nfc
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.cohorts.team_leaders import assign_from_team
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.permissions import Permission, writes


@dataclass(frozen=True)
class CohortInput:
    number: int
    name: str
    term_start: dt.date
    term_end: dt.date
    launch_date: dt.date | None = None
    quota: int | None = None
    status: CohortStatus = CohortStatus.RECRUITING
    notes: str | None = None


@dataclass(frozen=True)
class TeamInfo:
    id: int
    cohort_id: int
    name: str
    kind: TeamKind
    description: str | None
    leader_enrollment_id: int | None
    leader_name: str | None
    member_count: int
    version: int


@dataclass(frozen=True)
class CohortInfo:
    id: int
    number: int
    name: str
    term_start: dt.date
    term_end: dt.date
    launch_date: dt.date | None
    quota: int | None
    status: CohortStatus
    notes: str | None
    active_members: int
    version: int
    teams: tuple[TeamInfo, ...] = ()

    @property
    def display_name(self) -> str:
        return f"제{self.number}기 · {self.status.label}"


@dataclass(frozen=True)
class TeamInput:
    name: str
    kind: TeamKind = TeamKind.CUSTOM
    description: str | None = None
    leader_enrollment_id: int | None = None


def _validate(data: CohortInput) -> None:
    errors: list[ValidationError] = []
    if not isinstance(data.number, int) or not 1 <= data.number <= 999:
        errors.append(ValidationError("기수", "1부터 999 사이의 숫자로 입력해 주세요."))
    try:
        normalize_text(data.name, "기수 이름", 100, required=True)
    except ValidationError as e:
        errors.append(e)
    if data.term_end < data.term_start:
        errors.append(ValidationError("활동 종료일", "활동 시작일보다 빠를 수 없습니다."))
    if data.launch_date and not data.term_start - dt.timedelta(days=90) <= data.launch_date <= data.term_end:
        errors.append(ValidationError("발대식 날짜", "활동 기간 안(또는 시작 전 90일 이내)이어야 합니다."))
    if data.quota is not None and not 1 <= data.quota <= 10000:
        errors.append(ValidationError("정원", "1명에서 10,000명 사이로 입력해 주세요."))
    ValidationErrors.raise_if_any(errors)


def _number_taken(s, number: int, exclude_id: int | None = None) -> bool:
    q = select(Cohort.id).where(Cohort.number == number, Cohort.deleted_at.is_(None))
    if exclude_id:
        q = q.where(Cohort.id != exclude_id)
    return s.scalar(q) is not None


def _active_counts(s, cohort_id: int | None = None) -> dict[int, int]:
    """Active members per cohort (all cohorts, or one): one GROUP BY, no list of ids."""
    stmt = select(Enrollment.cohort_id, func.count()).where(
        Enrollment.deleted_at.is_(None), Enrollment.status == EnrollmentStatus.ACTIVE
    )
    if cohort_id is not None:
        stmt = stmt.where(Enrollment.cohort_id == cohort_id)
    return {k: v for k, v in s.execute(stmt.group_by(Enrollment.cohort_id))}


def _team_infos(s, teams: list[Team], masked: bool = False) -> list[TeamInfo]:
    """Teams with their active head count and leader's name (masked for an account that sees
    names masked: services/masking.py): two queries for all of them."""
    from panelapp.db.models import Member

    if not teams:
        return []
    cohorts = {t.cohort_id for t in teams}
    counts = {
        k: v
        for k, v in s.execute(
            select(Enrollment.team_id, func.count())
            .where(
                Enrollment.cohort_id.in_(cohorts),  # the teams' own cohort(s): one or two
                Enrollment.deleted_at.is_(None),
                Enrollment.status == EnrollmentStatus.ACTIVE,
            )
            .group_by(Enrollment.team_id)
        )
    }
    leaders = {
        k: v
        for k, v in s.execute(
            select(Team.id, Member.name)
            .join(Enrollment, Enrollment.id == Team.leader_enrollment_id)
            .join(Member, Member.id == Enrollment.member_id)
            .where(Team.id.in_([t.id for t in teams]))
        )
    }
    return [
        TeamInfo(
            t.id,
            t.cohort_id,
            t.name,
            t.kind,
            t.description,
            t.leader_enrollment_id,
            masking.name(leaders.get(t.id), masked),
            counts.get(t.id, 0),
            t.version,
        )
        for t in teams
    ]


def _team_info(s, team: Team, masked: bool = False) -> TeamInfo:
    return _team_infos(s, [team], masked)[0]


def _info(s, c: Cohort, active: int, with_teams: bool = False, masked: bool = False) -> CohortInfo:
    teams = tuple(_team_infos(s, [t for t in c.teams if t.deleted_at is None], masked)) if with_teams else ()
    return CohortInfo(
        c.id,
        c.number,
        c.name,
        c.term_start,
        c.term_end,
        c.launch_date,
        c.quota,
        c.status,
        c.notes,
        active,
        c.version,
        teams,
    )


def list_cohorts(ctx: ServiceContext) -> list[CohortInfo]:
    """Newest cohort first."""
    with reading(ctx) as s:
        cohorts = list(
            s.scalars(select(Cohort).where(Cohort.deleted_at.is_(None)).order_by(Cohort.number.desc()))
        )
        counts = _active_counts(s)
        return [_info(s, c, counts.get(c.id, 0)) for c in cohorts]


def cohort_ids(ctx: ServiceContext) -> list[int]:
    """The live cohorts, newest first (the 기수·단 관리 list)."""
    with reading(ctx) as s:
        return list(
            s.scalars(
                select(Cohort.id).where(Cohort.deleted_at.is_(None)).order_by(Cohort.number.desc(), Cohort.id)
            )
        )


def cohort_rows(ctx: ServiceContext, ids: list[int]) -> list[CohortInfo]:
    """The cohorts with these ids (a block), in any order, with their active head count."""
    ids = list(ids)[:500]
    if not ids:
        return []
    with reading(ctx) as s:
        cohorts = list(s.scalars(select(Cohort).where(Cohort.id.in_(ids), Cohort.deleted_at.is_(None))))
        counts = {
            k: v
            for k, v in s.execute(
                select(Enrollment.cohort_id, func.count())
                .where(
                    Enrollment.cohort_id.in_(ids),
                    Enrollment.deleted_at.is_(None),
                    Enrollment.status == EnrollmentStatus.ACTIVE,
                )
                .group_by(Enrollment.cohort_id)
            )
        }
        return [_info(s, c, counts.get(c.id, 0)) for c in cohorts]


def _load(s, cohort_id: int) -> Cohort:
    cohort = s.get(Cohort, cohort_id)
    if cohort is None or cohort.deleted_at is not None:
        raise NotFoundError("기수")
    return cohort


def get_cohort(ctx: ServiceContext, cohort_id: int) -> CohortInfo:
    with reading(ctx) as s:
        c = _load(s, cohort_id)
        return _info(
            s, c, _active_counts(s, c.id).get(c.id, 0), with_teams=True, masked=masking.personal_masked(ctx)
        )


@writes(Permission.PANEL_WORK)
def create_cohort(ctx: ServiceContext, data: CohortInput, default_teams: bool = True) -> CohortInfo:
    """New cohort; by default with the two usual teams 정책동행단 and 소식이음단."""
    _validate(data)
    with transaction(ctx) as s:
        if _number_taken(s, data.number):
            raise ValidationError("기수", f"제{data.number}기가 이미 있습니다.")
        org_id = s.scalar(select(Organization.id).order_by(Organization.id))
        cohort = Cohort(
            organization_id=org_id,
            number=data.number,
            name=nfc(data.name).strip(),
            term_start=data.term_start,
            term_end=data.term_end,
            launch_date=data.launch_date,
            quota=data.quota,
            status=data.status,
            notes=normalize_text(data.notes, "메모", 2000),
        )
        s.add(cohort)
        s.flush()
        if default_teams:
            s.add_all(
                [
                    Team(
                        cohort_id=cohort.id,
                        name="정책동행단",
                        kind=TeamKind.INSPECTION,
                        sort_order=1,
                        description="시설 점검과 개선제안",
                    ),
                    Team(
                        cohort_id=cohort.id,
                        name="소식이음단",
                        kind=TeamKind.NEWS,
                        sort_order=2,
                        description="이용 후기와 홍보 콘텐츠",
                    ),
                ]
            )
            s.flush()
        s.refresh(cohort)
        return _info(s, cohort, 0, with_teams=True)


@writes(Permission.PANEL_WORK)
def update_cohort(ctx: ServiceContext, cohort_id: int, data: CohortInput, version: int) -> CohortInfo:
    _validate(data)
    with transaction(ctx) as s:
        cohort = _load(s, cohort_id)
        check_version(cohort, version)
        if _number_taken(s, data.number, exclude_id=cohort_id):
            raise ValidationError("기수", f"제{data.number}기가 이미 있습니다.")
        closing = data.status == CohortStatus.CLOSED and cohort.status != CohortStatus.CLOSED
        cohort.number, cohort.name = data.number, nfc(data.name).strip()
        cohort.term_start, cohort.term_end = data.term_start, data.term_end
        cohort.launch_date, cohort.quota, cohort.status = data.launch_date, data.quota, data.status
        cohort.notes = normalize_text(data.notes, "메모", 2000)
        if closing:  # closing by editing the status means the same as 종료 처리
            _complete_active(s, cohort)
        s.flush()
        return _info(s, cohort, _active_counts(s, cohort.id).get(cohort.id, 0), with_teams=True)


@writes(Permission.PANEL_WORK)
def close_cohort(ctx: ServiceContext, cohort_id: int, version: int) -> CohortInfo:
    """종료: the cohort's active members become 수료 (completed)."""
    with transaction(ctx) as s:
        cohort = _load(s, cohort_id)
        check_version(cohort, version)
        cohort.status = CohortStatus.CLOSED
        _complete_active(s, cohort)
        s.flush()
        return _info(s, cohort, 0, with_teams=True)


def _complete_active(s, cohort: Cohort) -> None:
    for e in s.scalars(
        select(Enrollment).where(
            Enrollment.cohort_id == cohort.id,
            Enrollment.deleted_at.is_(None),
            Enrollment.status == EnrollmentStatus.ACTIVE,
        )
    ):
        e.status = EnrollmentStatus.COMPLETED
        e.left_on = e.left_on or max(e.joined_on, min(cohort.term_end, today_local()))


@writes(Permission.PANEL_WORK)
def delete_cohort(ctx: ServiceContext, cohort_id: int, version: int | None = None) -> None:
    """Soft delete (to the trash); `version` refuses it when someone changed the cohort meanwhile."""
    with transaction(ctx) as s:
        cohort = _load(s, cohort_id)
        check_version(cohort, version)
        cohort.deleted_at, cohort.deleted_by_id = utcnow(), ctx.user_id


# ----- teams -------------------------------------------------------------------------------
def _validate_team(s, cohort_id: int, data: TeamInput, exclude_id: int | None = None) -> str:
    name = normalize_text(data.name, "단 이름", 50, required=True)
    q = select(Team.id).where(Team.cohort_id == cohort_id, Team.name == name, Team.deleted_at.is_(None))
    if exclude_id:
        q = q.where(Team.id != exclude_id)
    if s.scalar(q) is not None:
        raise ValidationError("단 이름", f"{quoted(name, '이')} 이 기수에 이미 있습니다.")
    if data.leader_enrollment_id is not None:
        leader = s.get(Enrollment, data.leader_enrollment_id)
        if leader is None or leader.cohort_id != cohort_id or leader.deleted_at is not None:
            raise ValidationError("단장", "이 기수의 단원 중에서 골라 주세요.")
    return name


@writes(Permission.PANEL_WORK)
def create_team(ctx: ServiceContext, cohort_id: int, data: TeamInput) -> TeamInfo:
    with transaction(ctx) as s:
        _load(s, cohort_id)
        name = _validate_team(s, cohort_id, data)
        order = s.scalar(
            select(func.coalesce(func.max(Team.sort_order), 0)).where(Team.cohort_id == cohort_id)
        )
        team = Team(
            cohort_id=cohort_id,
            name=name,
            kind=data.kind,
            sort_order=order + 1,
            description=normalize_text(data.description, "설명", 500),
        )
        s.add(team)
        s.flush()
        assign_from_team(s, team, data.leader_enrollment_id)
        s.flush()
        return _team_info(s, team, masking.personal_masked(ctx))


@writes(Permission.PANEL_WORK)
def update_team(ctx: ServiceContext, team_id: int, data: TeamInput, version: int) -> TeamInfo:
    with transaction(ctx) as s:
        team = s.get(Team, team_id)
        if team is None or team.deleted_at is not None:
            raise NotFoundError("단")
        check_version(team, version)
        team.name = _validate_team(s, team.cohort_id, data, exclude_id=team_id)
        team.kind = data.kind
        if data.leader_enrollment_id != team.leader_enrollment_id:
            assign_from_team(s, team, data.leader_enrollment_id)
        team.description = normalize_text(data.description, "설명", 500)
        s.flush()
        return _team_info(s, team, masking.personal_masked(ctx))


@writes(Permission.PANEL_WORK)
def delete_team(ctx: ServiceContext, team_id: int, version: int | None = None) -> None:
    """Soft delete; members keep their enrolment (and team_id, so restoring the team brings them
    back) and are shown without a team meanwhile."""
    with transaction(ctx) as s:
        team = s.get(Team, team_id)
        if team is None or team.deleted_at is not None:
            raise NotFoundError("단")
        check_version(team, version)
        team.deleted_at, team.deleted_by_id = utcnow(), ctx.user_id


def list_teams(ctx: ServiceContext, cohort_id: int) -> list[TeamInfo]:
    with reading(ctx) as s:
        teams = s.scalars(
            select(Team)
            .where(Team.cohort_id == cohort_id, Team.deleted_at.is_(None))
            .order_by(Team.sort_order, Team.id)
        )
        return _team_infos(s, list(teams), masking.personal_masked(ctx))
