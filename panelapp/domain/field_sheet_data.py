"""What the printed field sheet (현장 점검표) of one inspection shows, as the document takes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelapp.domain.enums import ChecklistItemKind, InspectionStatus


@dataclass(frozen=True)
class SheetItem:
    number: str  # "1-3": section 1, item 3
    text: str
    kind: ChecklistItemKind
    required: bool
    help: str | None


@dataclass(frozen=True)
class SheetSection:
    title: str
    items: tuple[SheetItem, ...]


@dataclass(frozen=True)
class FieldSheetData:
    organization_name: str | None
    cohort_name: str
    facility_name: str
    facility_type: str | None
    facility_address: str | None
    department: str | None  # "체육사업부 (042-610-1210)"
    scheduled_date: dt.date
    time_text: str
    status: InspectionStatus
    team_name: str | None
    lead_name: str | None
    member_names: tuple[str, ...]
    template_label: str | None
    sections: tuple[SheetSection, ...]
    notes: str | None

    @property
    def item_count(self) -> int:
        return sum(len(s.items) for s in self.sections)
