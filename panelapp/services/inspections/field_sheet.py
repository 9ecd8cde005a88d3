"""What the printed field sheet (현장 점검표) of one inspection shows."""

from __future__ import annotations

from sqlalchemy import select

from panelapp.db.models import Cohort, Department, Facility, FacilityType, InspectionAssignment
from panelapp.domain.field_sheet_data import FieldSheetData, SheetItem, SheetSection
from panelapp.services.audit.log import record_access
from panelapp.services.context import ServiceContext, reading
from panelapp.services.org.manage import named_organization


def field_sheet_data(ctx: ServiceContext, inspection_id: int) -> FieldSheetData:
    from panelapp.services.checklists.templates import get_template_version
    from panelapp.services.inspections.queries import info_in, masked_for

    with reading(ctx) as s:
        info = masked_for(ctx, [info_in(s, inspection_id)], s)[0]  # the one masking rule
        assigned = list(
            s.scalars(
                select(InspectionAssignment.enrollment_id).where(
                    InspectionAssignment.inspection_id == inspection_id
                )
            )
        )
        org = named_organization(s, "현장 점검표").name  # the sheet's header names the institution
        cohort_name = s.get(Cohort, info.cohort_id).name
        facility = s.get(Facility, info.facility_id)
        type_name = s.get(FacilityType, facility.facility_type_id).name if facility.facility_type_id else None
        dept = s.get(Department, facility.department_id) if facility.department_id else None
        department = None if dept is None else dept.name + (f" ({dept.phone})" if dept.phone else "")
    # the sheet names the lead and the members assigned
    record_access(ctx, "field_sheet", enrollments=assigned, detail=f"inspection_id={inspection_id}")
    sections: tuple[SheetSection, ...] = ()
    if info.template_version_id is not None:
        template = get_template_version(ctx, info.template_version_id)
        sections = tuple(
            SheetSection(
                sec.title,
                tuple(
                    SheetItem(f"{s_no}-{i_no}", it.text, it.kind, it.required, it.help)
                    for i_no, it in enumerate(sec.items, 1)
                ),
            )
            for s_no, sec in enumerate(template.sections, 1)
        )
    return FieldSheetData(
        org,
        cohort_name,
        info.facility_name,
        type_name,
        info.facility_address,
        department,
        info.scheduled_date,
        info.time_text,
        info.status,
        info.team_name,
        info.lead_name,
        tuple(info.member_names),
        info.template_label,
        sections,
        info.notes,
    )
