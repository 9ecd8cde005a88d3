"""Organization and departments: phone formats, uniqueness, locking, deactivate, soft delete."""

import pytest
from sqlalchemy import func, select

from panelapp.db.models import Department, Organization
from panelapp.domain.errors import ConcurrencyError, NotFoundError, ValidationError, ValidationErrors
from panelapp.services.context import transaction
from panelapp.services.registers.departments import (
    DepartmentInput,
    create_department,
    deactivate_department,
    delete_department,
    ensure_organization,
    get_department,
    get_organization,
    list_departments,
    normalize_office_phone,
    set_department_active,
    update_department,
    update_organization,
)
from panelapp.services.registers.facilities import (
    FacilityInput,
    create_facility,
    ensure_default_facility_types,
    list_facility_types,
)


@pytest.fixture
def org(ctx):
    return ensure_organization(ctx, "한빛시")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("02-123-4567", "02-123-4567"),
        ("0212345678", "02-1234-5678"),
        ("031 123 4567", "031-123-4567"),
        ("010-1234-5678", "010-1234-5678"),
        ("1588-1234", "1588-1234"),
        ("", None),
        (None, None),
    ],
)
def test_office_phone_accepts_any_korean_number(raw, expected):
    assert normalize_office_phone(raw) == expected


@pytest.mark.parametrize("raw", ["02-12-34", "전화없음", "+1 202 555 0100"])
def test_office_phone_rejects_bad_numbers(raw):
    with pytest.raises(ValidationError) as err:
        normalize_office_phone(raw)
    assert err.value.field == "전화"


def test_organization_is_never_given_a_made_up_name(ctx):
    assert get_organization(ctx) is None
    # A department saved before the institution was registered attaches to a row without a
    # name: the institution still counts as not registered, and no placeholder name appears.
    dept = create_department(ctx, DepartmentInput("체육진흥과"))
    assert get_organization(ctx) is None
    first = ensure_organization(ctx, " 한빛시 ")
    again = ensure_organization(ctx, "다른 이름")
    assert (first.id, first.name) == (again.id, "한빛시")
    with transaction(ctx) as s:
        assert s.get(Department, dept.id).organization_id == first.id
        assert s.scalar(select(func.count()).select_from(Organization)) == 1
    updated = update_organization(ctx, first.id, "한빛시청", "한빛로 1", "0311234567", first.version)
    assert (updated.name, updated.address, updated.phone) == ("한빛시청", "한빛로 1", "031-123-4567")
    assert get_organization(ctx) == updated
    with pytest.raises(ConcurrencyError):
        update_organization(ctx, first.id, "옛 이름", None, None, first.version)
    with pytest.raises(ValidationError):
        update_organization(ctx, first.id, " ", None, None, updated.version)


def test_create_normalizes_and_lists(ctx, org):
    dept = create_department(
        ctx, DepartmentInput(" 체육진흥과 ", "김소통", "02-123-4567", "Kim@HanBit.GO.KR")
    )
    assert (dept.name, dept.contact_person, dept.phone, dept.email) == (
        "체육진흥과",
        "김소통",
        "02-123-4567",
        "Kim@hanbit.go.kr",
    )
    assert dept.active and dept.facility_count == 0
    create_department(ctx, DepartmentInput("공원녹지과"))
    assert [d.name for d in list_departments(ctx)] == ["공원녹지과", "체육진흥과"]


def test_validation_names_every_bad_field(ctx, org):
    with pytest.raises(ValidationErrors) as err:
        create_department(ctx, DepartmentInput("", phone="12", email="not-an-email"))
    assert {e.field for e in err.value.errors} == {"부서명", "전화", "이메일"}


def test_name_unique_among_non_deleted(ctx, org):
    dept = create_department(ctx, DepartmentInput("체육진흥과"))
    with pytest.raises(ValidationError, match="이미 있습니다"):
        create_department(ctx, DepartmentInput("체육진흥과"))
    other = create_department(ctx, DepartmentInput("공원녹지과"))
    with pytest.raises(ValidationError, match="이미 있습니다"):
        update_department(ctx, other.id, DepartmentInput("체육진흥과"), other.version)
    delete_department(ctx, dept.id)
    assert create_department(ctx, DepartmentInput("체육진흥과")).id != dept.id


def test_update_with_version(ctx, org):
    dept = create_department(ctx, DepartmentInput("체육진흥과"))
    updated = update_department(
        ctx, dept.id, DepartmentInput("체육진흥과", "이소통", "010-1234-5678"), dept.version
    )
    assert (updated.contact_person, updated.phone) == ("이소통", "010-1234-5678")
    assert updated.version == dept.version + 1
    with pytest.raises(ConcurrencyError):
        update_department(ctx, dept.id, DepartmentInput("체육과"), dept.version)
    assert get_department(ctx, dept.id).name == "체육진흥과"


def test_deactivate_and_resume(ctx, org):
    a = create_department(ctx, DepartmentInput("가정복지과"))
    b = create_department(ctx, DepartmentInput("나눔행정과"))
    stopped = deactivate_department(ctx, a.id, a.version)
    assert not stopped.active
    assert [d.name for d in list_departments(ctx, active_only=True)] == ["나눔행정과"]
    assert [d.name for d in list_departments(ctx)] == ["나눔행정과", "가정복지과"]  # active first
    with pytest.raises(ConcurrencyError):
        set_department_active(ctx, a.id, True, a.version)
    assert set_department_active(ctx, a.id, True, stopped.version).active
    assert b.active


def test_delete_is_soft_and_refused_while_facilities_use_it(ctx, org):
    dept = create_department(ctx, DepartmentInput("체육진흥과"))
    ensure_default_facility_types(ctx)
    type_id = list_facility_types(ctx)[0].id
    create_facility(ctx, FacilityInput("한빛체육관", type_id, department_id=dept.id))
    assert get_department(ctx, dept.id).facility_count == 1
    with pytest.raises(ValidationError, match="시설이 1곳"):
        delete_department(ctx, dept.id)
    empty = create_department(ctx, DepartmentInput("공원녹지과"))
    assert delete_department(ctx, empty.id, empty.version) == "공원녹지과"
    with pytest.raises(NotFoundError):
        get_department(ctx, empty.id)
    assert [d.name for d in list_departments(ctx)] == ["체육진흥과"]


def test_department_ids_sorted_in_sql_with_facility_counts(ctx, org):
    from panelapp.services.registers.departments import department_ids, department_rows

    a = create_department(ctx, DepartmentInput("가정복지과", "박소통"))
    b = create_department(ctx, DepartmentInput("나눔행정과"))
    c = create_department(ctx, DepartmentInput("다솜체육과", "김소통"))
    set_department_active(ctx, a.id, False)
    ensure_default_facility_types(ctx)
    kind = list_facility_types(ctx)[0].id
    for name in ("체육관1", "체육관2"):
        create_facility(ctx, FacilityInput(name, kind, department_id=c.id))
    assert department_ids(ctx) == [b.id, c.id, a.id]  # active first, then 가나다 (the old order)
    assert department_ids(ctx, "name", False) == [a.id, b.id, c.id]
    assert department_ids(ctx, "facilities", True)[0] == c.id
    assert department_ids(ctx, "contact", False) == [b.id, c.id, a.id]  # none, 김, 박
    assert department_ids(ctx, active_only=True) == [b.id, c.id]
    rows = {d.id: d for d in department_rows(ctx, [a.id, c.id])}
    assert rows[c.id].facility_count == 2 and rows[a.id].facility_count == 0 and not rows[a.id].active
