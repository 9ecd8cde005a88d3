"""The departments (담당부서) of the institution, with their 시민소통관 (the institution itself:
services/org)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from panelapp.db.base import utcnow
from panelapp.db.models import Department, Facility
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.validation import normalize_email, normalize_text
from panelapp.domain.validation import normalize_office_phone as _office_phone
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.listing import fetch_ids, ordering
from panelapp.services.org.manage import (  # noqa: F401 - re-exported for older callers
    OrganizationInfo,
    OrgInput,
    ensure_organization,
    get_organization,
    organization_for_department,
    save_organization,
)
from panelapp.services.permissions import Permission, writes

F_DEPT_NAME = "부서명"
F_CONTACT = "시민소통관"
F_DEPT_PHONE = "전화"


@dataclass(frozen=True)
class DepartmentInput:
    name: str
    contact_person: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    name: str
    contact_person: str | None
    phone: str | None
    email: str | None
    active: bool
    facility_count: int
    version: int


def normalize_office_phone(raw: str | None, field: str = F_DEPT_PHONE) -> str | None:
    """Any Korean number (02-123-4567, 031-…, 010-…, 1588-…) in national format, or None."""
    return _office_phone(raw, field)


# ----- organization (kept here for older callers; services/org is its home) -------------------
def update_organization(
    ctx: ServiceContext, org_id: int, name: str, address: str | None, phone: str | None, version: int
) -> OrganizationInfo:
    """Name, address and phone of the institution; its logo and 결재란 stay as they are."""
    current = get_organization(ctx)
    if current is None or current.id != org_id:
        raise NotFoundError("기관")
    return save_organization(ctx, OrgInput(name, address, phone, signoff=current.signoff), version)


# ----- departments ---------------------------------------------------------------------------
def _clean(data: DepartmentInput) -> dict:
    errors: list[ValidationError] = []
    values = {}
    checks = (
        ("name", lambda: normalize_text(data.name, F_DEPT_NAME, 100, required=True)),
        ("contact_person", lambda: normalize_text(data.contact_person, F_CONTACT, 50)),
        ("phone", lambda: normalize_office_phone(data.phone)),
        ("email", lambda: normalize_email(data.email)),
    )
    for key, fn in checks:
        try:
            values[key] = fn()
        except ValidationError as e:
            errors.append(e)
    ValidationErrors.raise_if_any(errors)
    return values


def check_unique(s, name: str, exclude_id: int | None = None) -> None:
    """Refuse a second live department of this name (also checked on restore)."""
    q = select(Department.id).where(
        func.lower(Department.name) == name.lower(), Department.deleted_at.is_(None)
    )
    if exclude_id is not None:
        q = q.where(Department.id != exclude_id)
    if s.scalar(q) is not None:
        raise ValidationError(F_DEPT_NAME, f"'{name}' 부서가 이미 있습니다.")


def _facility_counts(s) -> dict[int, int]:
    rows = s.execute(
        select(Facility.department_id, func.count())
        .where(Facility.deleted_at.is_(None), Facility.department_id.is_not(None))
        .group_by(Facility.department_id)
    )
    return dict(rows.all())


def _info(d: Department, count: int) -> DepartmentInfo:
    return DepartmentInfo(d.id, d.name, d.contact_person, d.phone, d.email, d.active, count, d.version)


def _load(s, department_id: int) -> Department:
    dept = s.get(Department, department_id)
    if dept is None or dept.deleted_at is not None:
        raise NotFoundError("담당부서")
    return dept


def list_departments(ctx: ServiceContext, active_only: bool = False) -> list[DepartmentInfo]:
    """Departments in 가나다 order (active first when everything is listed)."""
    with reading(ctx) as s:
        q = select(Department).where(Department.deleted_at.is_(None))
        if active_only:
            q = q.where(Department.active.is_(True))
        depts = list(s.scalars(q.order_by(Department.active.desc(), Department.name)))
        counts = _facility_counts(s)
        return [_info(d, counts.get(d.id, 0)) for d in depts]


def get_department(ctx: ServiceContext, department_id: int) -> DepartmentInfo:
    with reading(ctx) as s:
        d = _load(s, department_id)
        return _info(d, _facility_counts(s).get(d.id, 0))


def _facility_count_column():
    return (
        select(func.count())
        .select_from(Facility)
        .where(Facility.department_id == Department.id, Facility.deleted_at.is_(None))
        .correlate(Department)
        .scalar_subquery()
    )


DEPARTMENT_SORTS = {
    "name": Department.name,
    "contact": func.coalesce(Department.contact_person, ""),
    "phone": func.coalesce(Department.phone, ""),
    "email": func.coalesce(Department.email, ""),
    "facilities": _facility_count_column(),
    "active": Department.active,
}


def department_ids(
    ctx: ServiceContext, sort_key: str = "active", descending: bool = True, active_only: bool = False
) -> list[int]:
    """Ids of the live departments sorted in SQL; the default puts active ones first, then 가나다."""
    stmt = select(Department.id).where(Department.deleted_at.is_(None))
    if active_only:
        stmt = stmt.where(Department.active.is_(True))
    primary = DEPARTMENT_SORTS.get(sort_key, Department.name)
    # ties read 가나다 whichever way the sort column goes (a short list: read, not scanned)
    order = [*ordering(primary, descending), Department.name, Department.id]
    with reading(ctx) as s:
        return fetch_ids(s, stmt.order_by(*order))


def department_rows(ctx: ServiceContext, ids: list[int]) -> list[DepartmentInfo]:
    """The departments with these ids and their facility counts (one query by primary key)."""
    if not ids:
        return []
    stmt = select(Department, _facility_count_column()).where(
        Department.id.in_(ids), Department.deleted_at.is_(None)
    )
    with reading(ctx) as s:
        return [_info(d, count or 0) for d, count in s.execute(stmt)]


@writes(Permission.PANEL_WORK)
def create_department(ctx: ServiceContext, data: DepartmentInput) -> DepartmentInfo:
    values = _clean(data)
    with transaction(ctx) as s:
        org_id = organization_for_department(s)
        check_unique(s, values["name"])
        dept = Department(organization_id=org_id, **values)
        s.add(dept)
        s.flush()
        return _info(dept, 0)


@writes(Permission.PANEL_WORK)
def update_department(
    ctx: ServiceContext, department_id: int, data: DepartmentInput, version: int
) -> DepartmentInfo:
    values = _clean(data)
    with transaction(ctx) as s:
        dept = _load(s, department_id)
        check_version(dept, version)
        check_unique(s, values["name"], exclude_id=dept.id)
        for key, value in values.items():
            setattr(dept, key, value)
        s.flush()
        return _info(dept, _facility_counts(s).get(dept.id, 0))


@writes(Permission.PANEL_WORK)
def set_department_active(
    ctx: ServiceContext, department_id: int, active: bool, version: int | None = None
) -> DepartmentInfo:
    """사용 중지 / 재개: an inactive department keeps its facilities but takes no new ones."""
    with transaction(ctx) as s:
        dept = _load(s, department_id)
        check_version(dept, version)
        dept.active = active
        s.flush()
        return _info(dept, _facility_counts(s).get(dept.id, 0))


@writes(Permission.PANEL_WORK)
def deactivate_department(
    ctx: ServiceContext, department_id: int, version: int | None = None
) -> DepartmentInfo:
    return set_department_active(ctx, department_id, False, version)


@writes(Permission.PANEL_WORK)
def delete_department(ctx: ServiceContext, department_id: int, version: int | None = None) -> str:
    """Soft delete; refused while facilities still name the department."""
    with transaction(ctx) as s:
        dept = _load(s, department_id)
        check_version(dept, version)
        count = _facility_counts(s).get(dept.id, 0)
        if count:
            raise ValidationError(
                F_DEPT_NAME,
                f"'{dept.name}' 부서가 관리하는 시설이 {count}곳 있어 삭제할 수 "
                "없습니다. 시설의 담당부서를 바꾸거나 사용 중지해 주세요.",
            )
        dept.deleted_at, dept.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return dept.name
