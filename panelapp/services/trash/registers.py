"""Trash kinds for the registers: facilities, departments, checklist templates and answer templates.

Each restore re-applies the register's own public uniqueness rule, so a restored row never
duplicates one made since.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from panelapp.db.models import AnswerTemplate, ChecklistTemplate, Department, Facility
from panelapp.domain.errors import DomainError, ValidationError
from panelapp.services.checklists.templates import check_unique as check_template_name
from panelapp.services.registers.departments import check_unique as check_department_name
from panelapp.services.registers.facilities import check_unique as check_facility
from panelapp.services.trash.kinds import TrashKind


def _refuse_clash(check: Callable[[], None], what: str) -> None:
    try:
        check()
    except ValidationError as exc:
        raise DomainError(f"{exc.detail} 지금 있는 {what}의 이름을 바꾼 뒤 다시 복원해 주세요.") from None


class FacilityKind(TrashKind):
    key, label, model = "facility", "시설", Facility

    def text(self) -> Any:
        return Facility.name + " " + func.coalesce(Facility.address, "")

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        rows = s.execute(
            select(Facility.id, Facility.name, Facility.address).where(Facility.id.in_(list(ids)))
        )
        return {fid: f"{name} ({address or '주소 없음'})" for fid, name, address in rows}

    def check_restore(self, s: Session, obj: Facility) -> None:
        _refuse_clash(lambda: check_facility(s, obj.name, obj.address, exclude_id=obj.id), "시설")


class DepartmentKind(TrashKind):
    key, label, model = "department", "담당부서", Department

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        return dict(
            s.execute(select(Department.id, Department.name).where(Department.id.in_(list(ids)))).all()
        )

    def check_restore(self, s: Session, obj: Department) -> None:
        _refuse_clash(lambda: check_department_name(s, obj.name, exclude_id=obj.id), "부서")


class TemplateKind(TrashKind):
    key, label, model = "template", "점검표", ChecklistTemplate

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        stmt = select(ChecklistTemplate.id, ChecklistTemplate.name).where(ChecklistTemplate.id.in_(list(ids)))
        return dict(s.execute(stmt).all())

    def check_restore(self, s: Session, obj: ChecklistTemplate) -> None:
        _refuse_clash(lambda: check_template_name(s, obj.name, exclude_id=obj.id), "점검표")


class AnswerTemplateKind(TrashKind):
    key, label, model = "answer_template", "답변 템플릿", AnswerTemplate

    def text(self) -> Any:
        return AnswerTemplate.title

    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        stmt = (
            select(AnswerTemplate.id, AnswerTemplate.title, AnswerTemplate.category, Department.name)
            .outerjoin(Department, Department.id == AnswerTemplate.department_id)
            .where(AnswerTemplate.id.in_(list(ids)))
        )
        return {
            tid: f"{title} ({dept or '모든 부서'} · {category.label if category else '모든 분류'})"
            for tid, title, category, dept in s.execute(stmt)
        }


KINDS: tuple[TrashKind, ...] = (FacilityKind(), DepartmentKind(), TemplateKind(), AnswerTemplateKind())
