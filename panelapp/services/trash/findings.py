"""Trash kind for findings (발견사항): listed with their facility and date, restored only while
their inspection is not in the trash itself."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import Facility, Finding, Inspection
from panelapp.domain.errors import DomainError
from panelapp.services.trash.kinds import TrashKind


class FindingKind(TrashKind):
    key, label, model = "finding", "발견사항", Finding

    def text(self) -> Any:
        return Finding.title

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        rows = s.execute(
            select(Finding.id, Finding.title, Facility.name, Finding.observed_on)
            .join(Facility, Facility.id == Finding.facility_id)
            .where(Finding.id.in_(list(ids)))
        )
        return {fid: f"{title} ({facility}, {day:%Y-%m-%d})" for fid, title, facility, day in rows}

    def check_restore(self, s: Session, obj: Finding) -> None:
        if obj.inspection_id is not None:
            insp = s.get(Inspection, obj.inspection_id)
            if insp is not None and insp.deleted_at is not None:
                raise DomainError("이 발견사항의 점검이 휴지통에 있습니다. 점검을 먼저 복원해 주세요.")


KINDS: tuple[TrashKind, ...] = (FindingKind(),)
