"""Trash kinds for the registers: facilities, departments and checklist templates.

Plugged into panelapp.services.trash.manage; each restore re-applies the register's own
uniqueness rule so a restored row never duplicates one made since.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import ChecklistTemplate, Department, Facility
from panelapp.domain.errors import DomainError, ValidationError
from panelapp.services.checklists import templates as checklists
from panelapp.services.registers import departments, facilities


def _who(s: Session, model) -> dict[int, str]:
    from panelapp.services.trash.manage import _who as who

    return who(s, model)


def _item(kind: str, obj, label: str, who: dict[int, str]):
    from panelapp.services.trash.manage import _item as item

    return item(kind, obj, label, who)


def list_facilities(s: Session):
    who = _who(s, Facility)
    return [
        _item("facility", f, f"{f.name} ({f.address or '주소 없음'})", who)
        for f in s.scalars(select(Facility).where(Facility.deleted_at.is_not(None)))
    ]


def list_departments(s: Session):
    who = _who(s, Department)
    return [
        _item("department", d, d.name, who)
        for d in s.scalars(select(Department).where(Department.deleted_at.is_not(None)))
    ]


def list_templates(s: Session):
    who = _who(s, ChecklistTemplate)
    return [
        _item("template", t, t.name, who)
        for t in s.scalars(select(ChecklistTemplate).where(ChecklistTemplate.deleted_at.is_not(None)))
    ]


def _refuse_clash(check, what: str) -> None:
    try:
        check()
    except ValidationError as exc:
        raise DomainError(f"{exc.detail} 지금 있는 {what}의 이름을 바꾼 뒤 다시 복원해 주세요.") from None


def restore_facility(s: Session, f: Facility) -> str:
    _refuse_clash(lambda: facilities._check_unique(s, f.name, f.address, exclude_id=f.id), "시설")
    return f"{f.name} ({f.address or '주소 없음'})"


def restore_department(s: Session, d: Department) -> str:
    _refuse_clash(lambda: departments._check_unique(s, d.name, exclude_id=d.id), "부서")
    return d.name


def restore_template(s: Session, t: ChecklistTemplate) -> str:
    _refuse_clash(lambda: checklists._check_unique(s, t.name, exclude_id=t.id), "점검표")
    return t.name


KINDS = {
    "facility": ("시설", Facility, list_facilities, restore_facility),
    "department": ("담당부서", Department, list_departments, restore_department),
    "template": ("점검표", ChecklistTemplate, list_templates, restore_template),
}
