"""휴지통: soft-deleted cohorts, teams, enrolments and activity events, and their restoration.

Nothing is ever removed for good here; the legal destruction of personal data after its
retention period is a separate, logged procedure. Each kind has a lister and a restorer in
`_KINDS`, so later kinds (inspections, proposals...) plug in the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import ActivityEvent, Cohort, Enrollment, Member, Team, User
from panelapp.db.models.inspections import Inspection
from panelapp.domain.errors import DomainError, NotFoundError
from panelapp.domain.localtime import as_utc
from panelapp.domain.validation import mask_name
from panelapp.services.context import ServiceContext, reading, transaction

KIND_LABELS = {"cohort": "기수", "team": "단", "enrollment": "참여단원", "event": "활동"}


@dataclass(frozen=True)
class TrashItem:
    kind: str  # a key of KIND_LABELS
    id: int
    label: str
    deleted_at: dt.datetime  # UTC
    deleted_by: str | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def list_trash(ctx: ServiceContext) -> list[TrashItem]:
    """Everything in the trash, most recently deleted first."""
    with reading(ctx) as s:
        items = [item for lister, _restorer in _KINDS.values() for item in lister(s)]
    return sorted(items, key=lambda i: (i.deleted_at, i.kind, i.id), reverse=True)


def restore(ctx: ServiceContext, kind: str, item_id: int) -> str:
    """Take an item out of the trash; returns its label. Refuses when that would clash."""
    if kind not in _KINDS:
        raise DomainError(f"'{kind}'은(는) 휴지통에서 복원할 수 있는 종류가 아닙니다.")
    model, restorer = _MODELS[kind], _KINDS[kind][1]
    with transaction(ctx) as s:
        obj = s.get(model, item_id)
        if obj is None or obj.deleted_at is None:
            raise NotFoundError(f"휴지통의 {KIND_LABELS[kind]}")
        label = restorer(s, obj)
        obj.deleted_at, obj.deleted_by_id = None, None
        return label


# ----- labels ------------------------------------------------------------------------------
def cohort_label(number: int, name: str) -> str:
    prefix = f"제{number}기"
    return name if prefix in name else f"{prefix} {name}"


def _who(s: Session, model) -> dict[int, str]:
    rows = s.execute(
        select(model.id, User.name)
        .join(User, User.id == model.deleted_by_id)
        .where(model.deleted_at.is_not(None))
    )
    return dict(rows.all())


def _item(kind: str, obj, label: str, who: dict[int, str]) -> TrashItem:
    return TrashItem(kind, obj.id, label, as_utc(obj.deleted_at), who.get(obj.id))


# ----- listers -----------------------------------------------------------------------------
def _list_cohorts(s: Session) -> list[TrashItem]:
    who = _who(s, Cohort)
    return [
        _item("cohort", c, cohort_label(c.number, c.name), who)
        for c in s.scalars(select(Cohort).where(Cohort.deleted_at.is_not(None)))
    ]


def _list_teams(s: Session) -> list[TrashItem]:
    who = _who(s, Team)
    rows = s.execute(
        select(Team, Cohort.number)
        .join(Cohort, Cohort.id == Team.cohort_id)
        .where(Team.deleted_at.is_not(None))
    )
    return [_item("team", t, f"{t.name} (제{n}기)", who) for t, n in rows]


def _list_enrollments(s: Session) -> list[TrashItem]:
    who = _who(s, Enrollment)
    rows = s.execute(
        select(Enrollment, Member.name, Cohort.number)
        .join(Member, Member.id == Enrollment.member_id)
        .join(Cohort, Cohort.id == Enrollment.cohort_id)
        .where(Enrollment.deleted_at.is_not(None))
    )
    return [_item("enrollment", e, f"{name} (제{n}기 참여단원)", who) for e, name, n in rows]


def _list_events(s: Session) -> list[TrashItem]:
    who = _who(s, ActivityEvent)
    rows = s.execute(
        select(ActivityEvent, Cohort.number)
        .join(Cohort, Cohort.id == ActivityEvent.cohort_id)
        # A cancelled inspection's event returns with its status (inspections.py), not from here.
        .where(ActivityEvent.deleted_at.is_not(None), ActivityEvent.inspection_id.is_(None))
    )
    return [
        _item("event", ev, f"{ev.kind.label} · {ev.title} ({ev.event_date:%Y-%m-%d}, 제{n}기)", who)
        for ev, n in rows
    ]


# ----- restorers: check for clashes, return the label --------------------------------------
def _live_cohort(s: Session, cohort_id: int, what: str) -> Cohort:
    cohort = s.get(Cohort, cohort_id)
    if cohort.deleted_at is not None:
        raise DomainError(
            f"이 {what}이(가) 속한 제{cohort.number}기가 휴지통에 있습니다. 기수를 먼저 복원해 주세요."
        )
    return cohort


def _restore_cohort(s: Session, c: Cohort) -> str:
    taken = s.scalar(select(Cohort.id).where(Cohort.number == c.number, Cohort.deleted_at.is_(None)))
    if taken is not None:
        raise DomainError(
            f"지금 제{c.number}기가 따로 있어 복원할 수 없습니다. "
            f"지금 있는 제{c.number}기의 번호를 바꾼 뒤 다시 시도해 주세요."
        )
    return cohort_label(c.number, c.name)


def _restore_team(s: Session, t: Team) -> str:
    cohort = _live_cohort(s, t.cohort_id, "단")
    same = s.scalar(
        select(Team.id).where(
            Team.cohort_id == t.cohort_id, Team.name == t.name, Team.deleted_at.is_(None), Team.id != t.id
        )
    )
    if same is not None:
        raise DomainError(
            f"제{cohort.number}기에 '{t.name}'이(가) 이미 있어 복원할 수 없습니다. "
            "지금 있는 단의 이름을 바꾼 뒤 다시 시도해 주세요."
        )
    return f"{t.name} (제{cohort.number}기)"


def _restore_enrollment(s: Session, e: Enrollment) -> str:
    cohort = _live_cohort(s, e.cohort_id, "참여단원")
    member = s.get(Member, e.member_id)
    if member.deleted_at is not None:
        raise DomainError("이 참여단원의 인적 정보가 삭제되어 복원할 수 없습니다.")
    other = s.scalar(
        select(Member.name)
        .join(Enrollment, Enrollment.member_id == Member.id)
        .where(
            Enrollment.cohort_id == e.cohort_id,
            Enrollment.deleted_at.is_(None),
            Enrollment.id != e.id,
            Member.phone == member.phone,
        )
    )
    if other is not None:
        raise DomainError(
            f"제{cohort.number}기에 같은 휴대전화 번호의 참여단원({mask_name(other)})이 "
            "이미 있어 복원할 수 없습니다. 같은 사람이 다시 등록된 것인지 확인해 주세요."
        )
    return f"{member.name} (제{cohort.number}기 참여단원)"


def _restore_event(s: Session, ev: ActivityEvent) -> str:
    cohort = _live_cohort(s, ev.cohort_id, "활동")
    if ev.inspection_id is not None:
        inspection = s.get(Inspection, ev.inspection_id)
        if inspection is not None and inspection.deleted_at is not None:
            raise DomainError("이 활동은 삭제된 점검의 일정입니다. 점검을 먼저 복원해 주세요.")
    return f"{ev.kind.label} · {ev.title} ({ev.event_date:%Y-%m-%d}, 제{cohort.number}기)"


_KINDS: dict[str, tuple[Callable[[Session], list[TrashItem]], Callable]] = {
    "cohort": (_list_cohorts, _restore_cohort),
    "team": (_list_teams, _restore_team),
    "enrollment": (_list_enrollments, _restore_enrollment),
    "event": (_list_events, _restore_event),
}
_MODELS = {"cohort": Cohort, "team": Team, "enrollment": Enrollment, "event": ActivityEvent}


def _register_kinds() -> None:
    from panelapp.services.trash.findings import KINDS as FINDING_KINDS
    from panelapp.services.trash.proposals import KINDS as PROPOSAL_KINDS
    from panelapp.services.trash.registers import KINDS

    for kind, (label, model, lister, restorer) in {**KINDS, **PROPOSAL_KINDS, **FINDING_KINDS}.items():
        KIND_LABELS[kind] = label
        _KINDS[kind] = (lister, restorer)
        _MODELS[kind] = model


_register_kinds()
