"""An inspection as the services read and write it, and as exports (.ics) take it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelapp.domain.enums import InspectionStatus

# A visit still 예정 after its day has passed has taken place (or not) without anyone saying so:
# it waits for its results, or to be marked 연기 / 취소. Every schedule output calls it this.
AWAITING_LABEL = "결과 미입력"
AWAITING_FILTER = "awaiting"  # the schedule list's status filter for them (not a stored status)


def is_awaiting_results(status: InspectionStatus, day: dt.date, today: dt.date) -> bool:
    """예정 and dated before today (Korean time): the day passed and no result was entered."""
    return status == InspectionStatus.PLANNED and day < today


@dataclass(frozen=True)
class InspectionDraft:
    """One visit as the dialog holds it. `template_version_id` None: the default template's
    latest version. `exclude_id`: the inspection being edited (not a conflict with itself)."""

    cohort_id: int
    facility_id: int | None
    scheduled_date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    team_id: int | None = None
    lead_id: int | None = None
    member_ids: tuple[int, ...] = ()
    template_version_id: int | None = None
    notes: str | None = None
    exclude_id: int | None = None


@dataclass(frozen=True)
class InspectionInfo:
    id: int
    uid: str
    cohort_id: int
    facility_id: int
    facility_name: str
    facility_address: str | None
    team_id: int | None
    team_name: str | None
    scheduled_date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    status: InspectionStatus
    status_reason: str | None
    lead_id: int | None
    lead_name: str | None
    members: tuple[tuple[int, str], ...]  # (enrollment id, name), 가나다 order
    template_version_id: int | None
    template_label: str | None  # "기본 시설 점검표 v2"
    series_id: str | None
    notes: str | None
    holiday: str | None  # the Korean public holiday on that day, if any
    version: int
    awaiting_results: bool = False  # is_awaiting_results on the day it was read

    @property
    def status_text(self) -> str:
        """ "결과 미입력" for a past visit still 예정, else the status' label."""
        return AWAITING_LABEL if self.awaiting_results else self.status.label

    @property
    def title(self) -> str:
        return f"{self.facility_name} 점검"

    @property
    def time_text(self) -> str:
        if self.start_time is None:
            return ""
        end = f"–{self.end_time:%H:%M}" if self.end_time else ""
        return f"{self.start_time:%H:%M}{end}"

    @property
    def member_names(self) -> list[str]:
        return [name for _id, name in self.members]

    def to_draft(self) -> InspectionDraft:
        return InspectionDraft(
            self.cohort_id,
            self.facility_id,
            self.scheduled_date,
            self.start_time,
            self.end_time,
            self.team_id,
            self.lead_id,
            tuple(i for i, _n in self.members),
            self.template_version_id,
            self.notes,
            exclude_id=self.id,
        )
