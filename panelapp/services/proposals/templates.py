"""답변 템플릿: reusable answer texts per department and finding category (issue 14 item 5).

A template is for one department (None: every department) and one finding category (None: any).
The answer form offers the templates that fit the proposal: its department's and the common
ones, of a category its findings have or of any category, the most specific first. A 부서 담당자
reads the common templates and their own department's, and keeps (adds, edits, deletes) only
their own department's; a 담당자 or 관리자 keeps every one. Deleting sends a template to the trash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from panelapp.db.base import utcnow
from panelapp.db.models import AnswerTemplate, Department, Finding, Proposal, proposal_findings
from panelapp.domain.enums import FindingCategory
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.validation import normalize_text
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.permissions import (
    Permission,
    PermissionDenied,
    department_scope,
    require_department_may_read,
    writes,
)

F_TITLE, F_TEXT, F_DEPARTMENT, F_CATEGORY = "템플릿 이름", "답변 내용", "담당부서", "분류"
EVERY_DEPARTMENT, ANY_CATEGORY = "모든 부서", "모든 분류"


@dataclass(frozen=True)
class TemplateInput:
    title: str
    text: str
    department_id: int | None = None  # None: every department
    category: FindingCategory | None = None  # None: any category


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    title: str
    text: str
    department_id: int | None
    department_name: str | None
    category: FindingCategory | None
    version: int

    @property
    def scope_text(self) -> str:
        """ "체육시설과 · 안전" / "모든 부서 · 모든 분류": what the template is for."""
        category = self.category.label if self.category is not None else ANY_CATEGORY
        return f"{self.department_name or EVERY_DEPARTMENT} · {category}"


def _clean(data: TemplateInput) -> dict[str, Any]:
    errors: list[ValidationError] = []
    values: dict[str, Any] = {"department_id": data.department_id, "category": data.category}
    for key, field, raw, size in (("title", F_TITLE, data.title, 100), ("text", F_TEXT, data.text, 4000)):
        try:
            values[key] = normalize_text(raw, field, size, required=True)
        except ValidationError as e:
            errors.append(e)
    ValidationErrors.raise_if_any(errors)
    return values


def _may_keep(ctx: ServiceContext, s: Session, department_id: int | None) -> None:
    """A 부서 담당자 keeps their own department's templates only (not the common ones)."""
    scope = department_scope(ctx, s)
    if scope is not None and department_id != scope:
        own = s.get(Department, scope) if scope else None
        where = f"{own.name}의" if own is not None else "자기 부서의"
        raise PermissionDenied(
            f"부서 담당자는 {where} 답변 템플릿만 만들고 고칠 수 있습니다. "
            "모든 부서에 쓰는 템플릿이나 다른 부서의 템플릿은 담당자에게 부탁해 주세요.",
            Permission.PROPOSAL_ANSWER,
        )


def _check_department(s: Session, department_id: int | None) -> None:
    if department_id is None:
        return
    d = s.get(Department, department_id)
    if d is None or d.deleted_at is not None:
        raise ValidationError(F_DEPARTMENT, "고른 담당부서가 없습니다. 다른 사용자가 삭제했을 수 있습니다.")


def _load(s: Session, template_id: int) -> AnswerTemplate:
    t = s.get(AnswerTemplate, template_id)
    if t is None or t.deleted_at is not None:
        raise NotFoundError("답변 템플릿")
    return t


def _infos(s: Session, where: Sequence[ColumnElement[bool]]) -> list[TemplateInfo]:
    stmt = (
        select(AnswerTemplate, Department.name)
        .outerjoin(Department, Department.id == AnswerTemplate.department_id)
        .where(AnswerTemplate.deleted_at.is_(None), *where)
        .order_by(
            AnswerTemplate.department_id.is_(None),
            Department.name,
            AnswerTemplate.category.is_(None),
            AnswerTemplate.category,
            AnswerTemplate.title,
            AnswerTemplate.id,
        )
    )
    return [
        TemplateInfo(t.id, t.title, t.text, t.department_id, name, t.category, t.version)
        for t, name in s.execute(stmt)
    ]


def _readable(ctx: ServiceContext, s: Session) -> list[ColumnElement[bool]]:
    scope = department_scope(ctx, s)
    if scope is None:
        return []
    return [or_(AnswerTemplate.department_id.is_(None), AnswerTemplate.department_id == scope)]


def list_templates(
    ctx: ServiceContext, department_id: int | None = None, category: FindingCategory | None = None
) -> list[TemplateInfo]:
    """The templates the account may read; with `department_id` / `category`, those that fit them
    (that department's and the common ones; that category's and those for any)."""
    with reading(ctx) as s:
        where = _readable(ctx, s)
        if department_id is not None:
            where.append(
                or_(AnswerTemplate.department_id.is_(None), AnswerTemplate.department_id == department_id)
            )
        if category is not None:
            where.append(or_(AnswerTemplate.category.is_(None), AnswerTemplate.category == category))
        return _infos(s, where)


def templates_for_proposal(ctx: ServiceContext, proposal_id: int) -> list[TemplateInfo]:
    """The templates that fit a proposal: its department's and the common ones, of a category of
    its findings or of any; the department's own first, then the category's."""
    with reading(ctx) as s:
        p = s.get(Proposal, proposal_id)
        if p is None or p.deleted_at is not None:
            raise NotFoundError("개선제안")
        require_department_may_read(ctx, s, p.department_id)
        categories = set(
            s.scalars(
                select(Finding.category)
                .join(proposal_findings, proposal_findings.c.finding_id == Finding.id)
                .where(proposal_findings.c.proposal_id == p.id, Finding.deleted_at.is_(None))
            )
        )
        department: list[ColumnElement[bool]] = [AnswerTemplate.department_id.is_(None)]
        if p.department_id is not None:
            department.append(AnswerTemplate.department_id == p.department_id)
        kind: list[ColumnElement[bool]] = [AnswerTemplate.category.is_(None)]
        if categories:
            kind.append(AnswerTemplate.category.in_(sorted(categories, key=lambda c: c.value)))
        return _infos(s, [*_readable(ctx, s), or_(*department), or_(*kind)])


@writes(Permission.PROPOSAL_ANSWER)
def create_template(ctx: ServiceContext, data: TemplateInput) -> TemplateInfo:
    values = _clean(data)
    with transaction(ctx) as s:
        _may_keep(ctx, s, values["department_id"])
        _check_department(s, values["department_id"])
        t = AnswerTemplate(**values)
        s.add(t)
        s.flush()
        return _infos(s, [AnswerTemplate.id == t.id])[0]


@writes(Permission.PROPOSAL_ANSWER)
def update_template(ctx: ServiceContext, template_id: int, data: TemplateInput, version: int) -> TemplateInfo:
    values = _clean(data)
    with transaction(ctx) as s:
        t = _load(s, template_id)
        _may_keep(ctx, s, t.department_id)
        _may_keep(ctx, s, values["department_id"])
        check_version(t, version)
        _check_department(s, values["department_id"])
        for key, value in values.items():
            setattr(t, key, value)
        s.flush()
        return _infos(s, [AnswerTemplate.id == t.id])[0]


@writes(Permission.PROPOSAL_ANSWER)
def delete_template(ctx: ServiceContext, template_id: int, version: int | None = None) -> str:
    """Soft delete: to the trash (its page restores it). Returns the template's title."""
    with transaction(ctx) as s:
        t = _load(s, template_id)
        _may_keep(ctx, s, t.department_id)
        check_version(t, version)
        t.deleted_at, t.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return t.title
