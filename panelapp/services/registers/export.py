"""시설 and 담당부서 to Excel: the rows each tab's filters and sort show, with its columns.

A facility's 연락처 is the facility's own number and is written as shown. A department's
시민소통관 is a person: the name, phone and e-mail are masked (김*희, 010-****-5678, k***@…)
unless a purpose is given (services/exporting.py), as every other output masks a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from panelapp.services.context import ServiceContext
from panelapp.services.exporting import (
    ExportColumn,
    ExportResult,
    ListExport,
    Progress,
    export_list,
    mask_email,
    mask_name,
    mask_office_phone,
)
from panelapp.services.registers.departments import department_ids, department_rows
from panelapp.services.registers.facilities import FacilityQuery, facility_ids, facility_rows

FACILITY_TITLE, DEPARTMENT_TITLE = "시설", "담당부서"

FACILITY_COLUMNS = (
    ExportColumn("시설명", lambda f: f.name, 28),
    ExportColumn("유형", lambda f: f.type_name or "–", 12),
    ExportColumn("주소", lambda f: f.address, 40),
    ExportColumn("담당부서", lambda f: f.department_name, 18),
    ExportColumn("연락처", lambda f: f.contact, 16, text=True),
    ExportColumn("사용", lambda f: "사용" if f.active else "중지", 8),
)

DEPARTMENT_COLUMNS = (
    ExportColumn("부서명", lambda d: d.name, 24),
    ExportColumn("시민소통관", lambda d: d.contact_person, 12, mask=mask_name),
    ExportColumn("전화", lambda d: d.phone, 16, mask=mask_office_phone, text=True),
    ExportColumn("이메일", lambda d: d.email, 28, mask=mask_email),
    ExportColumn("시설", lambda d: d.facility_count or None, 8),  # a count: a number cell
    ExportColumn("사용", lambda d: "사용" if d.active else "중지", 8),
)


def facilities_export(
    ctx: ServiceContext, query: FacilityQuery, sort_key: str = "name", descending: bool = False
) -> ListExport:
    return ListExport(
        FACILITY_TITLE,
        FACILITY_COLUMNS,
        lambda: facility_ids(ctx, query, sort_key, descending),
        lambda ids: facility_rows(ctx, ids),
    )


def departments_export(ctx: ServiceContext, sort_key: str = "active", descending: bool = True) -> ListExport:
    return ListExport(
        DEPARTMENT_TITLE,
        DEPARTMENT_COLUMNS,
        lambda: department_ids(ctx, sort_key, descending),
        lambda ids: department_rows(ctx, ids),
    )


def export_facilities(
    ctx: ServiceContext,
    query: FacilityQuery,
    sort_key: str,
    descending: bool,
    path: str | Path,
    *,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
) -> ExportResult:
    return export_list(
        ctx, facilities_export(ctx, query, sort_key, descending), path, conditions=conditions, token=token
    )


def export_departments(
    ctx: ServiceContext,
    sort_key: str,
    descending: bool,
    path: str | Path,
    *,
    purpose: str | None = None,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
) -> ExportResult:
    """The 담당부서 tab to `path`; the 시민소통관's name, phone and e-mail masked unless `purpose`."""
    return export_list(
        ctx,
        departments_export(ctx, sort_key, descending),
        path,
        purpose=purpose,
        conditions=conditions,
        token=token,
    )
