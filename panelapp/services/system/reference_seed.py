"""Reference lists every database needs: facility types and the default checklist."""

from __future__ import annotations

from panelapp.services.checklists.templates import ensure_default_template
from panelapp.services.context import ServiceContext
from panelapp.services.registers.facility_types import ensure_default_facility_types


def seed_reference_data(ctx: ServiceContext) -> None:
    """Idempotent: each list is seeded only while it is empty."""
    ensure_default_facility_types(ctx)
    ensure_default_template(ctx)
