"""Reference lists every database needs: facility types and the default checklist."""

from __future__ import annotations

from sqlalchemy import select

from panelapp.db.models import ChecklistTemplate, FacilityType
from panelapp.services.checklists.templates import ensure_default_template
from panelapp.services.context import ServiceContext, reading
from panelapp.services.registers.facility_types import ensure_default_facility_types


def seed_reference_data(ctx: ServiceContext) -> None:
    """Idempotent: each list is seeded only while it is empty."""
    ensure_default_facility_types(ctx)
    ensure_default_template(ctx)


def seed_first_start(ctx: ServiceContext) -> None:
    """At every start (bootstrap.open_app): a database that never had a checklist gets the
    default one, so the first 점검 추가 offers it without a visit to the 점검표 page first.
    One template that was deleted since (it stays in the trash) means the choice was made:
    it is not brought back. The facility types are seeded while there are none. One read
    when there is nothing to do."""
    with reading(ctx) as s:
        has_types = s.scalar(select(FacilityType.id).limit(1)) is not None
        had_template = s.scalar(select(ChecklistTemplate.id).limit(1)) is not None
    if not has_types:
        ensure_default_facility_types(ctx)
    if not had_template:
        ensure_default_template(ctx)
