"""Trash kinds for the cohort and its people: cohorts, teams, enrolments and activity events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from panelapp.db.models import ActivityEvent, Cohort, Enrollment, Inspection, Member, Team
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted
from panelapp.services import masking
from panelapp.services.trash.kinds import TrashKind, cohort_label, cohort_number, refuse_if_cohort_trashed


class CohortKind(TrashKind):
    key, label, model = "cohort", "기수", Cohort

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        rows = s.execute(select(Cohort.id, Cohort.number, Cohort.name).where(Cohort.id.in_(list(ids))))
        return {cid: cohort_label(number, name) for cid, number, name in rows}

    def check_restore(self, s: Session, obj: Cohort) -> None:
        taken = s.scalar(select(Cohort.id).where(Cohort.number == obj.number, Cohort.deleted_at.is_(None)))
        if taken is not None:
            raise DomainError(
                f"지금 제{obj.number}기가 따로 있어 복원할 수 없습니다. "
                f"지금 있는 제{obj.number}기의 번호를 바꾼 뒤 다시 시도해 주세요."
            )


class TeamKind(TrashKind):
    key, label, model = "team", "단", Team

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        rows = s.execute(
            select(Team.id, Team.name, Cohort.number)
            .join(Cohort, Cohort.id == Team.cohort_id)
            .where(Team.id.in_(list(ids)))
        )
        return {tid: f"{name} (제{n}기)" for tid, name, n in rows}

    def check_restore(self, s: Session, obj: Team) -> None:
        refuse_if_cohort_trashed(s, obj.cohort_id, "단")
        same = s.scalar(
            select(Team.id).where(
                Team.cohort_id == obj.cohort_id,
                Team.name == obj.name,
                Team.deleted_at.is_(None),
                Team.id != obj.id,
            )
        )
        if same is not None:
            raise DomainError(
                f"제{cohort_number(s, obj.cohort_id)}기에 {quoted(obj.name, '이')} 이미 있어 복원할 수 없습니다. "
                "지금 있는 단의 이름을 바꾼 뒤 다시 시도해 주세요."
            )


class EnrollmentKind(TrashKind):
    key, label, model = "enrollment", "참여단원", Enrollment
    text_names_a_person = True

    def text(self) -> Any:
        return Member.name

    def joined(self, stmt: Select[Any]) -> Select[Any]:
        return stmt.join(Member, Member.id == Enrollment.member_id)

    def where(self) -> Sequence[Any]:
        # a destroyed member's trashed enrolments left the trash with the destruction (파기)
        return (Member.destroyed_at.is_(None),)

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        return self.shown_labels(s, ids, masked=False)

    def shown_labels(self, s: Session, ids: Sequence[int], masked: bool) -> dict[int, str]:
        rows = s.execute(
            select(Enrollment.id, Member.name, Cohort.number)
            .join(Member, Member.id == Enrollment.member_id)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            .where(Enrollment.id.in_(list(ids)))
        )
        return {eid: f"{masking.name(name, masked)} (제{n}기 참여단원)" for eid, name, n in rows}

    def check_restore(self, s: Session, obj: Enrollment) -> None:
        refuse_if_cohort_trashed(s, obj.cohort_id, "참여단원")
        member = s.get(Member, obj.member_id)
        if member is None or member.deleted_at is not None:
            raise DomainError("이 참여단원의 인적 정보가 삭제되어 복원할 수 없습니다.")
        other: str | None = s.scalar(
            select(Member.name)
            .join(Enrollment, Enrollment.member_id == Member.id)
            .where(
                Enrollment.cohort_id == obj.cohort_id,
                Enrollment.deleted_at.is_(None),
                Enrollment.id != obj.id,
                Member.phone == member.phone,
            )
        )
        if other is not None:
            raise DomainError(
                f"제{cohort_number(s, obj.cohort_id)}기에 같은 휴대전화 번호의 참여단원({masking.name(other)})이 "
                "이미 있어 복원할 수 없습니다. 같은 사람이 다시 등록된 것인지 확인해 주세요."
            )


class EventKind(TrashKind):
    key, label, model = "event", "활동", ActivityEvent

    def text(self) -> Any:
        return ActivityEvent.title

    def where(self) -> Sequence[Any]:
        # A cancelled inspection's event returns with its status (inspections), not from here.
        return (ActivityEvent.inspection_id.is_(None),)

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        rows = s.execute(
            select(ActivityEvent, Cohort.number)
            .join(Cohort, Cohort.id == ActivityEvent.cohort_id)
            .where(ActivityEvent.id.in_(list(ids)))
        )
        return {ev.id: f"{ev.kind.label} · {ev.title} ({ev.event_date:%Y-%m-%d}, 제{n}기)" for ev, n in rows}

    def check_restore(self, s: Session, obj: ActivityEvent) -> None:
        refuse_if_cohort_trashed(s, obj.cohort_id, "활동")
        if obj.inspection_id is not None:
            inspection = s.get(Inspection, obj.inspection_id)
            if inspection is not None and inspection.deleted_at is not None:
                raise DomainError("이 활동은 삭제된 점검의 일정입니다. 점검을 먼저 복원해 주세요.")


KINDS: tuple[TrashKind, ...] = (CohortKind(), TeamKind(), EnrollmentKind(), EventKind())
