"""The default checklist (and the facility types) exist from the first start: the first 점검 추가
offers 기본 시설 점검표 without a visit to the 점검표 page; one deleted stays deleted."""

from panelapp.services.checklists.templates import delete_template, list_templates
from panelapp.services.inspections.queries import template_versions
from panelapp.services.registers.facility_types import list_facility_types
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings


def test_a_new_database_opens_with_the_default_checklist(tmp_path):
    ctx = open_app(str(tmp_path / "new.db"), Settings(tmp_path / "settings.json"))
    try:
        assert [t.name for t in list_templates(ctx)] == ["기본 시설 점검표"]
        versions = template_versions(ctx)
        assert len(versions) == 1 and versions[0].is_default
        assert list_facility_types(ctx)
    finally:
        ctx.db.dispose()


def test_opening_again_adds_nothing_and_a_deleted_default_stays_deleted(tmp_path):
    path, settings = str(tmp_path / "new.db"), Settings(tmp_path / "settings.json")
    ctx = open_app(path, settings)
    template = list_templates(ctx)[0]
    ctx.db.dispose()
    ctx = open_app(path, settings)
    assert len(list_templates(ctx)) == 1
    delete_template(ctx, template.id)
    ctx.db.dispose()
    ctx = open_app(path, settings)
    try:
        assert list_templates(ctx) == []  # the user chose to have none; it is in the trash
    finally:
        ctx.db.dispose()
