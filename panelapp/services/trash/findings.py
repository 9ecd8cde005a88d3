"""Trash kind for findings (발견사항): listed with their facility and date, restored only while
their inspection is not in the trash itself."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import Facility, Finding, Inspection
from panelapp.domain.errors import DomainError


def _label(f: Finding, facility: str) -> str:
    return f"{f.title} ({facility}, {f.observed_on:%Y-%m-%d})"


def list_findings(s: Session):
    from panelapp.services.trash.manage import _item, _who

    who = _who(s, Finding)
    rows = s.execute(
        select(Finding, Facility.name)
        .join(Facility, Facility.id == Finding.facility_id)
        .where(Finding.deleted_at.is_not(None))
    )
    return [_item("finding", f, _label(f, name), who) for f, name in rows]


def restore_finding(s: Session, f: Finding) -> str:
    if f.inspection_id is not None:
        insp = s.get(Inspection, f.inspection_id)
        if insp is not None and insp.deleted_at is not None:
            raise DomainError("이 발견사항의 점검이 휴지통에 있습니다. 점검을 먼저 복원해 주세요.")
    return _label(f, s.get(Facility, f.facility_id).name)


KINDS = {"finding": ("발견사항", Finding, list_findings, restore_finding)}
