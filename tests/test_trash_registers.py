"""Facilities, departments and checklist templates go to the trash and come back."""

import pytest

from panelapp.domain.errors import DomainError
from panelapp.services.checklists.templates import delete_template, ensure_default_template, list_templates
from panelapp.services.registers.departments import (
    DepartmentInput,
    create_department,
    delete_department,
    ensure_organization,
    list_departments,
)
from panelapp.services.registers.facilities import (
    FacilityInput,
    FacilityQuery,
    create_facility,
    delete_facility,
    ensure_default_facility_types,
    list_facilities,
    list_facility_types,
)
from panelapp.services.trash.manage import list_trash, restore


@pytest.fixture
def facility(ctx):
    ensure_default_facility_types(ctx)
    park = next(t.id for t in list_facility_types(ctx) if t.name == "공원")
    return lambda name="새봄근린공원": create_facility(
        ctx, FacilityInput(name, park, "한빛시 남구 새봄로 60")
    )


def test_deleted_facility_is_listed_and_restored(ctx, facility):
    f = facility()
    delete_facility(ctx, f.id)
    assert list_facilities(ctx, FacilityQuery()) == []
    items = [i for i in list_trash(ctx) if i.kind == "facility"]
    assert [(i.kind_label, i.label) for i in items] == [("시설", "새봄근린공원 (한빛시 남구 새봄로 60)")]
    assert items[0].deleted_by == ctx.user_name
    restore(ctx, "facility", f.id)
    assert [x.name for x in list_facilities(ctx, FacilityQuery())] == ["새봄근린공원"]


def test_facility_restore_refused_when_the_same_facility_was_registered_again(ctx, facility):
    f = facility()
    delete_facility(ctx, f.id)
    facility()  # registered anew while the old one sat in the trash
    with pytest.raises(DomainError, match="이미 등록되어 있습니다"):
        restore(ctx, "facility", f.id)
    assert len(list_facilities(ctx, FacilityQuery())) == 1


def test_department_and_template_round_trip(ctx):
    ensure_organization(ctx, "한빛시")
    d = create_department(ctx, DepartmentInput("공원녹지과", "김소통", "02-123-4567"))
    delete_department(ctx, d.id)
    ensure_default_template(ctx)
    t = list_templates(ctx)[0]
    delete_template(ctx, t.id)
    kinds = {(i.kind, i.label) for i in list_trash(ctx)}
    assert {("department", "공원녹지과"), ("template", t.name)} <= kinds
    restore(ctx, "department", d.id)
    restore(ctx, "template", t.id)
    assert [x.name for x in list_departments(ctx)] == ["공원녹지과"]
    assert [x.name for x in list_templates(ctx)] == [t.name]
    create_department(ctx, DepartmentInput("체육진흥과"))
    delete_department(ctx, list_departments(ctx)[-1].id)
    create_department(ctx, DepartmentInput("체육진흥과"))
    trashed = next(i for i in list_trash(ctx) if i.kind == "department")
    with pytest.raises(DomainError, match="부서의 이름을 바꾼 뒤"):
        restore(ctx, "department", trashed.id)
