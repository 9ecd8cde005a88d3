"""Facility types and the facility register: search, validation, locking, active, soft delete."""

import pytest

from panelapp.db.models import Facility
from panelapp.domain.errors import ConcurrencyError, NotFoundError, ValidationError
from panelapp.services.registers.departments import (
    DepartmentInput,
    create_department,
    deactivate_department,
    ensure_organization,
)
from panelapp.services.registers.facilities import (
    DEFAULT_FACILITY_TYPES,
    FacilityInput,
    FacilityQuery,
    add_facility_type,
    create_facility,
    delete_facility,
    delete_facility_type,
    ensure_default_facility_types,
    get_facility,
    list_facilities,
    list_facility_types,
    rename_facility_type,
    reorder_facility_types,
    set_facility_active,
    update_facility,
)


@pytest.fixture
def types(ctx):
    ensure_default_facility_types(ctx)
    return {t.name: t.id for t in list_facility_types(ctx)}


@pytest.fixture
def dept(ctx):
    ensure_organization(ctx, "한빛시")
    return create_department(ctx, DepartmentInput("체육진흥과", "김소통", "02-123-4567"))


def test_default_types_seeded_once_in_order(ctx):
    assert ensure_default_facility_types(ctx) is True
    assert ensure_default_facility_types(ctx) is False
    assert tuple(t.name for t in list_facility_types(ctx)) == DEFAULT_FACILITY_TYPES
    assert DEFAULT_FACILITY_TYPES == ("체육시설", "주차장", "공원", "문화시설", "장사시설", "청사", "기타")


def test_type_add_rename_reorder_delete(ctx, types):
    added = add_facility_type(ctx, " 도서관 ")
    assert list_facility_types(ctx)[-1].name == "도서관"
    with pytest.raises(ValidationError, match="이미 있습니다"):
        add_facility_type(ctx, "공원")
    with pytest.raises(ValidationError):
        add_facility_type(ctx, "  ")
    renamed = rename_facility_type(ctx, added.id, "공공도서관", added.version)
    assert renamed.name == "공공도서관"
    with pytest.raises(ConcurrencyError):
        rename_facility_type(ctx, added.id, "도서관", added.version)
    ids = [t.id for t in list_facility_types(ctx)]
    reorder_facility_types(ctx, list(reversed(ids)))
    assert [t.id for t in list_facility_types(ctx)] == list(reversed(ids))
    with pytest.raises(ValidationError):
        reorder_facility_types(ctx, ids[:-1])
    assert delete_facility_type(ctx, added.id) == "공공도서관"
    assert "공공도서관" not in [t.name for t in list_facility_types(ctx)]


def test_type_in_use_cannot_be_deleted_but_trashed_facilities_do_not_block(ctx, types):
    f = create_facility(ctx, FacilityInput("한빛공원", types["공원"]))
    with pytest.raises(ValidationError, match="1곳"):
        delete_facility_type(ctx, types["공원"])
    assert [t.facility_count for t in list_facility_types(ctx) if t.name == "공원"] == [1]
    delete_facility(ctx, f.id)
    delete_facility_type(ctx, types["공원"])
    with ctx.db.session_factory() as s:
        assert s.get(Facility, f.id).facility_type_id is None


def test_create_and_read_back(ctx, types, dept):
    f = create_facility(
        ctx,
        FacilityInput(" 한빛체육관 ", types["체육시설"], " 한빛로 10 ", dept.id, "031-123-4567", "주말 혼잡"),
    )
    assert (f.name, f.type_name, f.address, f.department_name, f.contact, f.notes, f.active) == (
        "한빛체육관",
        "체육시설",
        "한빛로 10",
        "체육진흥과",
        "031-123-4567",
        "주말 혼잡",
        True,
    )
    assert get_facility(ctx, f.id) == f


def test_validation(ctx, types, dept):
    with pytest.raises(ValidationError) as err:
        create_facility(ctx, FacilityInput("", types["공원"]))
    assert err.value.field == "시설명"
    with pytest.raises(ValidationError) as err:
        create_facility(ctx, FacilityInput("한빛공원", None))
    assert err.value.field == "유형"
    with pytest.raises(ValidationError) as err:
        create_facility(ctx, FacilityInput("한빛공원", 9999))
    assert err.value.field == "유형"
    with pytest.raises(ValidationError) as err:
        create_facility(ctx, FacilityInput("한빛공원", types["공원"], department_id=9999))
    assert err.value.field == "담당부서"


def test_unique_per_name_and_address(ctx, types):
    create_facility(ctx, FacilityInput("공영주차장", types["주차장"], "한빛로 1"))
    create_facility(ctx, FacilityInput("공영주차장", types["주차장"], "한빛로 2"))  # another place
    with pytest.raises(ValidationError, match="이미 등록"):
        create_facility(ctx, FacilityInput("공영주차장", types["주차장"], " 한빛로 1"))
    no_address = create_facility(ctx, FacilityInput("시민공원", types["공원"]))
    with pytest.raises(ValidationError, match="이미 등록"):
        create_facility(ctx, FacilityInput("시민공원", types["공원"], ""))
    delete_facility(ctx, no_address.id, no_address.version)
    create_facility(ctx, FacilityInput("시민공원", types["공원"]))


def test_inactive_department_not_offered_for_new_links(ctx, types, dept):
    kept = create_facility(ctx, FacilityInput("한빛체육관", types["체육시설"], department_id=dept.id))
    deactivate_department(ctx, dept.id)
    with pytest.raises(ValidationError, match="사용 중지") as err:
        create_facility(ctx, FacilityInput("새 체육관", types["체육시설"], department_id=dept.id))
    assert err.value.field == "담당부서"
    # editing a facility that already had the department keeps it
    edited = update_facility(
        ctx, kept.id, FacilityInput("한빛체육관", types["체육시설"], "한빛로 3", dept.id), kept.version
    )
    assert (edited.address, edited.department_id) == ("한빛로 3", dept.id)


def test_update_locking_and_active_toggle(ctx, types):
    f = create_facility(ctx, FacilityInput("한빛공원", types["공원"]))
    moved = update_facility(ctx, f.id, FacilityInput("한빛중앙공원", types["공원"]), f.version)
    assert moved.name == "한빛중앙공원" and moved.version == f.version + 1
    with pytest.raises(ConcurrencyError):
        update_facility(ctx, f.id, FacilityInput("옛 이름", types["공원"]), f.version)
    with pytest.raises(ConcurrencyError):
        set_facility_active(ctx, f.id, False, f.version)
    stopped = set_facility_active(ctx, f.id, False, moved.version)
    assert not stopped.active
    assert set_facility_active(ctx, f.id, True).active


def test_search_type_filter_and_active_only(ctx, types):
    a = create_facility(ctx, FacilityInput("한빛체육관", types["체육시설"], "한빛로 10"))
    create_facility(ctx, FacilityInput("별빛공원", types["공원"], "별빛동 100%길"))
    create_facility(ctx, FacilityInput("Hanbit Parking", types["주차장"], "한빛로 20"))
    names = lambda q: [f.name for f in list_facilities(ctx, q)]  # noqa: E731
    assert names(FacilityQuery()) == ["Hanbit Parking", "별빛공원", "한빛체육관"]
    assert names(FacilityQuery("한빛로")) == ["Hanbit Parking", "한빛체육관"]  # address match
    assert names(FacilityQuery("parking")) == ["Hanbit Parking"]  # any case
    assert names(FacilityQuery("100%")) == ["별빛공원"]  # % is literal
    assert names(FacilityQuery("빛", types["공원"])) == ["별빛공원"]
    set_facility_active(ctx, a.id, False)
    assert names(FacilityQuery(active_only=True)) == ["Hanbit Parking", "별빛공원"]


def test_delete_is_soft(ctx, types):
    f = create_facility(ctx, FacilityInput("한빛공원", types["공원"]))
    with pytest.raises(ConcurrencyError):
        delete_facility(ctx, f.id, f.version + 1)
    assert delete_facility(ctx, f.id, f.version) == "한빛공원"
    assert list_facilities(ctx) == []
    with pytest.raises(NotFoundError):
        get_facility(ctx, f.id)
    with ctx.db.session_factory() as s:
        row = s.get(Facility, f.id)
        assert row.deleted_at is not None and row.deleted_by_id == ctx.user_id


def test_facility_ids_filter_and_sort_in_sql_rows_by_id(ctx, types, dept):
    from panelapp.services.registers.facilities import (
        facility_choices,
        facility_count,
        facility_ids,
        facility_rows,
    )

    park = create_facility(ctx, FacilityInput("새봄공원", types["공원"], "새봄로 60", dept.id, "031-1"))
    gym = create_facility(ctx, FacilityInput("한빛체육관", types["체육시설"], None, None))
    lot = create_facility(ctx, FacilityInput("가람주차장", types["주차장"], "가람로 1"))
    set_facility_active(ctx, lot.id, False)
    assert facility_ids(ctx) == [lot.id, park.id, gym.id]  # 가나다
    assert facility_ids(ctx, sort_key="name", descending=True) == [gym.id, park.id, lot.id]
    assert facility_ids(ctx, sort_key="type") == [gym.id, lot.id, park.id]  # the types' own order
    assert facility_ids(ctx, sort_key="address") == [gym.id, lot.id, park.id]  # no address first
    assert facility_ids(ctx, sort_key="department", descending=True)[0] == park.id
    assert facility_ids(ctx, sort_key="active") == [lot.id, park.id, gym.id]  # stopped first, then 가나다
    assert facility_ids(ctx, FacilityQuery("새봄로")) == [park.id]
    assert facility_ids(ctx, FacilityQuery(active_only=True)) == [park.id, gym.id]
    assert facility_ids(ctx, FacilityQuery(facility_type_id=types["체육시설"])) == [gym.id]
    assert facility_ids(ctx, FacilityQuery("100%_")) == []  # LIKE wildcards are text
    rows = {f.id: f for f in facility_rows(ctx, [gym.id, park.id])}
    assert rows[park.id].department_name == "체육진흥과" and rows[park.id].type_name == "공원"
    assert set(rows) == {gym.id, park.id}
    delete_facility(ctx, gym.id)
    assert facility_rows(ctx, [gym.id]) == [] and facility_count(ctx) == 2
    assert facility_choices(ctx) == [(lot.id, "가람주차장"), (park.id, "새봄공원")]
