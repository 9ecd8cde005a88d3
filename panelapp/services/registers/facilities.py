"""The facility register (시설): what the policy team inspects, and who manages it.

The facility types live in facility_types.py and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from panelapp.db.base import utcnow
from panelapp.db.models import Department, Facility, FacilityType
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.listing import contains, fetch_ids, like_pattern, ordering
from panelapp.services.permissions import Permission, writes
from panelapp.services.registers.facility_types import (  # noqa: F401 - one import place for callers
    DEFAULT_FACILITY_TYPES,
    FacilityTypeInfo,
    add_facility_type,
    delete_facility_type,
    ensure_default_facility_types,
    list_facility_types,
    rename_facility_type,
    reorder_facility_types,
)

F_FACILITY_NAME = "시설명"
F_FACILITY_TYPE = "유형"
F_ADDRESS = "주소"
F_DEPARTMENT = "담당부서"


@dataclass(frozen=True)
class FacilityInput:
    name: str
    facility_type_id: int | None
    address: str | None = None
    department_id: int | None = None
    contact: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class FacilityInfo:
    id: int
    name: str
    facility_type_id: int | None
    type_name: str | None
    address: str | None
    department_id: int | None
    department_name: str | None
    contact: str | None
    notes: str | None
    active: bool
    version: int


@dataclass(frozen=True)
class FacilityQuery:
    search: str = ""
    facility_type_id: int | None = None
    active_only: bool = False


def _select_rows():
    return (
        select(Facility, FacilityType.name, Department.name)
        .outerjoin(FacilityType, FacilityType.id == Facility.facility_type_id)
        .outerjoin(Department, Department.id == Facility.department_id)
        .where(Facility.deleted_at.is_(None))
    )


def _shown(ctx: ServiceContext, s) -> Callable[[str | None], str | None]:
    """The reader's rule for the facility's 메모 (services/masking.text_masker): a member named in
    it is masked (김*희) for a 점검 조장, 부서 담당자 or 열람자."""
    return masking.text_masker(s, masking.personal_masked(ctx))


def _info(
    f: Facility,
    type_name: str | None,
    dept_name: str | None,
    shown: Callable[[str | None], str | None] | None = None,
) -> FacilityInfo:
    return FacilityInfo(
        f.id,
        f.name,
        f.facility_type_id,
        type_name,
        f.address,
        f.department_id,
        dept_name,
        f.contact,
        shown(f.notes) if shown is not None else f.notes,
        f.active,
        f.version,
    )


# sort key -> what ORDER BY uses (NULLs as empty text, so SQLite and PostgreSQL agree)
FACILITY_SORTS = {
    "name": Facility.name,
    "type": func.coalesce(FacilityType.sort_order, 1_000_000),
    "address": func.coalesce(Facility.address, ""),
    "department": func.coalesce(Department.name, ""),
    "contact": func.coalesce(Facility.contact, ""),
    "active": Facility.active,
}


def _filtered(stmt, query: FacilityQuery):
    pattern = like_pattern(query.search)
    if pattern is not None:
        stmt = stmt.where(or_(contains(Facility.name, pattern), contains(Facility.address, pattern)))
    if query.facility_type_id is not None:
        stmt = stmt.where(Facility.facility_type_id == query.facility_type_id)
    if query.active_only:
        stmt = stmt.where(Facility.active.is_(True))
    return stmt


def list_facilities(ctx: ServiceContext, query: FacilityQuery = FacilityQuery()) -> list[FacilityInfo]:
    """Name or address contains the search text (any case); 가나다 order. (For choice lists; the
    register page reads `facility_ids` and `facility_rows`.)"""
    q = _filtered(_select_rows(), query)
    with reading(ctx) as s:
        shown = _shown(ctx, s)
        return [_info(*row, shown) for row in s.execute(q.order_by(Facility.name, Facility.id))]


def facility_ids(
    ctx: ServiceContext,
    query: FacilityQuery = FacilityQuery(),
    sort_key: str = "name",
    descending: bool = False,
) -> list[int]:
    """Ids of the facilities matching the query, sorted in SQL (ties by name, then id)."""
    primary = FACILITY_SORTS.get(sort_key, Facility.name)
    stmt = (
        select(Facility.id)
        .outerjoin(FacilityType, FacilityType.id == Facility.facility_type_id)
        .outerjoin(Department, Department.id == Facility.department_id)
        .where(Facility.deleted_at.is_(None))
    )
    stmt = _filtered(stmt, query).order_by(*ordering(primary, descending, Facility.name, Facility.id))
    with reading(ctx) as s:
        return fetch_ids(s, stmt)


def facility_rows(ctx: ServiceContext, ids: list[int]) -> list[FacilityInfo]:
    """The facilities with these ids (one primary-key lookup; deleted ones are left out)."""
    if not ids:
        return []
    with reading(ctx) as s:
        shown = _shown(ctx, s)
        return [_info(*row, shown) for row in s.execute(_select_rows().where(Facility.id.in_(ids)))]


def facility_count(ctx: ServiceContext) -> int:
    """Facilities in the register (not in the trash), whatever the filter."""
    with reading(ctx) as s:
        return s.scalar(select(func.count()).select_from(Facility).where(Facility.deleted_at.is_(None))) or 0


def facility_choices(ctx: ServiceContext) -> list[tuple[int, str]]:
    """(id, name) of every facility in 가나다 order, for combo boxes: two columns, no joins."""
    stmt = select(Facility.id, Facility.name).where(Facility.deleted_at.is_(None))
    with reading(ctx) as s:
        return [(fid, name) for fid, name in s.execute(stmt.order_by(Facility.name, Facility.id))]


def get_facility(ctx: ServiceContext, facility_id: int) -> FacilityInfo:
    with reading(ctx) as s:
        row = s.execute(_select_rows().where(Facility.id == facility_id)).first()
        if row is None:
            raise NotFoundError("시설")
        return _info(*row, _shown(ctx, s))


def _clean(data: FacilityInput) -> dict:
    errors: list[ValidationError] = []
    values: dict = {"facility_type_id": data.facility_type_id, "department_id": data.department_id}
    checks = (
        ("name", lambda: normalize_text(data.name, F_FACILITY_NAME, 100, required=True)),
        ("address", lambda: normalize_text(data.address, F_ADDRESS, 200)),
        ("contact", lambda: normalize_text(data.contact, "연락처", 100)),
        ("notes", lambda: normalize_text(data.notes, "메모", 2000)),
    )
    for key, fn in checks:
        try:
            values[key] = fn()
        except ValidationError as e:
            errors.append(e)
    if data.facility_type_id is None:
        errors.append(ValidationError(F_FACILITY_TYPE, "시설 유형을 골라 주세요."))
    ValidationErrors.raise_if_any(errors)
    return values


def _check_refs(s, values: dict, current_department_id: int | None = None) -> None:
    if s.get(FacilityType, values["facility_type_id"]) is None:
        raise ValidationError(F_FACILITY_TYPE, "고른 시설 유형이 없습니다. 유형 목록을 다시 불러와 주세요.")
    dept_id = values["department_id"]
    if dept_id is None:
        return
    dept = s.get(Department, dept_id)
    if dept is None or dept.deleted_at is not None:
        raise ValidationError(F_DEPARTMENT, "고른 담당부서가 없습니다. 다른 사용자가 삭제했을 수 있습니다.")
    # A facility may keep a department that was stopped later; only new links need an active one.
    if not dept.active and dept_id != current_department_id:
        raise ValidationError(F_DEPARTMENT, f"'{dept.name}' 부서는 사용 중지되어 고를 수 없습니다.")


def check_unique(s, name: str, address: str | None, exclude_id: int | None = None) -> None:
    """Refuse a second live facility with this name at this address (also checked on restore)."""
    q = select(Facility.id).where(
        Facility.deleted_at.is_(None),
        func.lower(Facility.name) == name.lower(),
        func.coalesce(Facility.address, "") == (address or ""),
    )
    if exclude_id is not None:
        q = q.where(Facility.id != exclude_id)
    if s.scalar(q) is not None:
        where = f" ({address})" if address else ""
        raise ValidationError(F_FACILITY_NAME, f"'{name}'{where} 시설이 이미 등록되어 있습니다.")


def _load(s, facility_id: int) -> Facility:
    f = s.get(Facility, facility_id)
    if f is None or f.deleted_at is not None:
        raise NotFoundError("시설")
    return f


def _reload(s, facility_id: int) -> FacilityInfo:
    s.flush()
    return _info(*s.execute(_select_rows().where(Facility.id == facility_id)).one())


@writes(Permission.PANEL_WORK)
def create_facility(ctx: ServiceContext, data: FacilityInput) -> FacilityInfo:
    values = _clean(data)
    with transaction(ctx) as s:
        _check_refs(s, values)
        check_unique(s, values["name"], values["address"])
        facility = Facility(active=True, **values)
        s.add(facility)
        s.flush()
        return _reload(s, facility.id)


@writes(Permission.PANEL_WORK)
def update_facility(ctx: ServiceContext, facility_id: int, data: FacilityInput, version: int) -> FacilityInfo:
    values = _clean(data)
    with transaction(ctx) as s:
        facility = _load(s, facility_id)
        check_version(facility, version)
        _check_refs(s, values, current_department_id=facility.department_id)
        check_unique(s, values["name"], values["address"], exclude_id=facility.id)
        for key, value in values.items():
            setattr(facility, key, value)
        return _reload(s, facility.id)


@writes(Permission.PANEL_WORK)
def set_facility_active(
    ctx: ServiceContext, facility_id: int, active: bool, version: int | None = None
) -> FacilityInfo:
    """사용 중지 / 재개: a stopped facility stays in past results but is not offered for new visits."""
    with transaction(ctx) as s:
        facility = _load(s, facility_id)
        check_version(facility, version)
        facility.active = active
        return _reload(s, facility.id)


@writes(Permission.PANEL_WORK)
def delete_facility(ctx: ServiceContext, facility_id: int, version: int | None = None) -> str:
    """Soft delete: to the trash, restorable."""
    with transaction(ctx) as s:
        facility = _load(s, facility_id)
        check_version(facility, version)
        facility.deleted_at, facility.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return facility.name
