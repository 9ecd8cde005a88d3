"""The editable list of facility types (시설 유형): 체육시설, 주차장, 공원…"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update

from panelapp.db.models import Facility, FacilityType
from panelapp.domain.errors import NotFoundError, ValidationError
from panelapp.domain.validation import normalize_text
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.permissions import Permission, writes

F_TYPE = "시설 유형"
DEFAULT_FACILITY_TYPES = ("체육시설", "주차장", "공원", "문화시설", "장사시설", "청사", "기타")


@dataclass(frozen=True)
class FacilityTypeInfo:
    id: int
    name: str
    sort_order: int
    facility_count: int
    version: int


def _counts(s) -> dict[int, int]:
    rows = s.execute(
        select(Facility.facility_type_id, func.count())
        .where(Facility.deleted_at.is_(None), Facility.facility_type_id.is_not(None))
        .group_by(Facility.facility_type_id)
    )
    return dict(rows.all())


def _info(t: FacilityType, count: int) -> FacilityTypeInfo:
    return FacilityTypeInfo(t.id, t.name, t.sort_order, count, t.version)


def _clean_name(name: str) -> str:
    return normalize_text(name, F_TYPE, 50, required=True)


def _check_unique(s, name: str, exclude_id: int | None = None) -> None:
    q = select(FacilityType.id).where(FacilityType.name == name)
    if exclude_id is not None:
        q = q.where(FacilityType.id != exclude_id)
    if s.scalar(q) is not None:
        raise ValidationError(F_TYPE, f"'{name}' 유형이 이미 있습니다.")


def _load(s, type_id: int) -> FacilityType:
    t = s.get(FacilityType, type_id)
    if t is None:
        raise NotFoundError(F_TYPE)
    return t


def list_facility_types(ctx: ServiceContext) -> list[FacilityTypeInfo]:
    with reading(ctx) as s:
        counts = _counts(s)
        types = s.scalars(select(FacilityType).order_by(FacilityType.sort_order, FacilityType.id))
        return [_info(t, counts.get(t.id, 0)) for t in types]


def ensure_default_facility_types(ctx: ServiceContext) -> bool:
    """Seed the usual list once, while no type exists; True when it seeded."""
    with transaction(ctx) as s:
        if s.scalar(select(FacilityType.id).limit(1)) is not None:
            return False
        s.add_all(FacilityType(name=name, sort_order=i) for i, name in enumerate(DEFAULT_FACILITY_TYPES, 1))
        return True


@writes(Permission.PANEL_WORK)
def add_facility_type(ctx: ServiceContext, name: str) -> FacilityTypeInfo:
    clean = _clean_name(name)
    with transaction(ctx) as s:
        _check_unique(s, clean)
        last = s.scalar(select(func.max(FacilityType.sort_order))) or 0
        t = FacilityType(name=clean, sort_order=last + 1)
        s.add(t)
        s.flush()
        return _info(t, 0)


@writes(Permission.PANEL_WORK)
def rename_facility_type(
    ctx: ServiceContext, type_id: int, name: str, version: int | None = None
) -> FacilityTypeInfo:
    clean = _clean_name(name)
    with transaction(ctx) as s:
        t = _load(s, type_id)
        check_version(t, version)
        _check_unique(s, clean, exclude_id=t.id)
        t.name = clean
        s.flush()
        return _info(t, _counts(s).get(t.id, 0))


@writes(Permission.PANEL_WORK)
def reorder_facility_types(ctx: ServiceContext, ordered_ids: list[int]) -> None:
    """`ordered_ids` is the whole list in its new order."""
    with transaction(ctx) as s:
        types = {t.id: t for t in s.scalars(select(FacilityType))}
        if sorted(ordered_ids) != sorted(types):
            raise ValidationError(F_TYPE, "유형 목록이 바뀌었습니다. 다시 불러온 뒤 순서를 정해 주세요.")
        for position, type_id in enumerate(ordered_ids, 1):
            if types[type_id].sort_order != position:
                types[type_id].sort_order = position


@writes(Permission.PANEL_WORK)
def delete_facility_type(ctx: ServiceContext, type_id: int) -> str:
    """Only unused types go; facilities in the trash lose the type instead of blocking."""
    with transaction(ctx) as s:
        t = _load(s, type_id)
        count = _counts(s).get(t.id, 0)
        if count:
            raise ValidationError(F_TYPE, f"'{t.name}' 유형의 시설이 {count}곳 있어 삭제할 수 없습니다.")
        s.execute(
            update(Facility)
            .where(Facility.facility_type_id == t.id)
            .values(facility_type_id=None, version=Facility.version + 1)
            .execution_options(synchronize_session=False)
        )
        name = t.name
        s.delete(t)
        return name
