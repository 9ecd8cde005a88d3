"""Inputs and outputs of the inspection services and the rules they check.

Rules (tested in tests/test_inspections_service.py):
- facility, date, start and end time and the lead (조장) are required; the end comes after
  the start, at most 12 hours later. The credited hours of the visit's activity event are
  the span rounded to half hours (the activity rules' unit).
- the date lies within the cohort's term, with the activity rules' 30 days of tolerance.
- a series repeats every N weeks (1–8) or monthly on the same day until a date; a month
  without that day takes its last day (31 Jan → 28 Feb → 31 Mar). At most 60 visits.
- 연기 and 취소 need a reason; 완료 is for visits that have taken place.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from panelapp.domain.enums import InspectionStatus
from panelapp.domain.errors import ValidationError, ValidationErrors
from panelapp.domain.inspection_info import InspectionDraft
from panelapp.domain.validation import normalize_text
from panelapp.services.people.member_rules import add_months

F_FACILITY, F_DATE, F_START, F_END = "시설", "점검일", "시작 시각", "종료 시각"
F_TEAM, F_LEAD, F_MEMBERS, F_TEMPLATE = "담당 단", "조장", "단원", "점검표"
F_NOTES, F_STATUS, F_REASON = "메모", "상태", "사유"
F_INTERVAL, F_UNTIL = "반복 간격", "반복 종료일"
MAX_SERIES = 60
MAX_SPAN = dt.timedelta(hours=12)
DATE_TOLERANCE = dt.timedelta(days=30)
NEEDS_REASON = (InspectionStatus.POSTPONED, InspectionStatus.CANCELLED)


class Repeat(str, enum.Enum):
    WEEKS = "weeks"
    MONTHLY = "monthly"


@dataclass(frozen=True)
class SeriesSpec:
    repeat: Repeat
    until: dt.date | None
    interval: int = 1  # weeks between visits (Repeat.WEEKS)


@dataclass(frozen=True)
class InspectionQuery:
    cohort_id: int
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: InspectionStatus | None = None
    facility_id: int | None = None
    team_id: int | None = None
    awaiting_before: dt.date | None = None  # only 예정 visits dated before this day (결과 미입력)


def span_hours(start: dt.time, end: dt.time) -> float:
    """10:00–12:10 → 2.0: the span in half hours, at least half an hour."""
    minutes = (dt.datetime.combine(dt.date.min, end) - dt.datetime.combine(dt.date.min, start)).seconds // 60
    return max(0.5, round(minutes / 30) / 2)


def check_draft(draft: InspectionDraft, term: tuple[dt.date, dt.date], cohort_number: int) -> dict[str, Any]:
    """Normalised values, or every field error at once."""
    errors: list[ValidationError] = []
    if draft.facility_id is None:
        errors.append(ValidationError(F_FACILITY, "점검할 시설을 골라 주세요."))
    if draft.scheduled_date is None:
        errors.append(ValidationError(F_DATE, "점검일을 입력해 주세요."))
    else:
        first, last = term[0] - DATE_TOLERANCE, term[1] + DATE_TOLERANCE
        if not first <= draft.scheduled_date <= last:
            errors.append(
                ValidationError(
                    F_DATE,
                    f"제{cohort_number}기 활동 기간({term[0]:%Y-%m-%d}~"
                    f"{term[1]:%Y-%m-%d}) 전후 30일 안의 날짜여야 합니다.",
                )
            )
    if draft.start_time is None:
        errors.append(ValidationError(F_START, "시작 시각을 입력해 주세요."))
    if draft.end_time is None:
        errors.append(ValidationError(F_END, "종료 시각을 입력해 주세요."))
    elif draft.start_time is not None:
        start = dt.datetime.combine(dt.date.min, draft.start_time)
        end = dt.datetime.combine(dt.date.min, draft.end_time)
        if end <= start:
            errors.append(ValidationError(F_END, "종료 시각은 시작 시각보다 늦어야 합니다."))
        elif end - start > MAX_SPAN:
            errors.append(ValidationError(F_END, "점검 시간은 12시간을 넘을 수 없습니다."))
    if draft.lead_id is None:
        errors.append(ValidationError(F_LEAD, "현장에서 점검을 이끌 조장을 골라 주세요."))
    notes = None
    try:
        notes = normalize_text(draft.notes, F_NOTES, 2000)
    except ValidationError as e:
        errors.append(e)
    ValidationErrors.raise_if_any(errors)
    members = tuple(dict.fromkeys(m for m in draft.member_ids if m != draft.lead_id))
    return {
        "facility_id": draft.facility_id,
        "scheduled_date": draft.scheduled_date,
        "start_time": draft.start_time,
        "end_time": draft.end_time,
        "team_id": draft.team_id,
        "template_version_id": draft.template_version_id,
        "notes": notes,
        "lead_id": draft.lead_id,
        "member_ids": members,
    }


def series_dates(first: dt.date, spec: SeriesSpec) -> list[dt.date]:
    """Every visit date from `first` to `spec.until`, both included."""
    if spec.until is None:
        raise ValidationError(F_UNTIL, "반복 종료일을 입력해 주세요.")
    if spec.until < first:
        raise ValidationError(F_UNTIL, "반복 종료일은 첫 점검일과 같거나 뒤여야 합니다.")
    if spec.repeat == Repeat.WEEKS and not 1 <= spec.interval <= 8:
        raise ValidationError(F_INTERVAL, "1주에서 8주 사이로 골라 주세요.")
    dates: list[dt.date] = []
    n = 0
    while True:
        day = (
            first + dt.timedelta(weeks=spec.interval * n)
            if spec.repeat == Repeat.WEEKS
            else add_months(first, n)
        )  # from the first date: 31 Jan → 28 Feb → 31 Mar
        if day > spec.until:
            return dates
        dates.append(day)
        n += 1
        if len(dates) > MAX_SERIES:
            raise ValidationError(
                F_UNTIL, f"한 번에 {MAX_SERIES}회까지 만들 수 있습니다. 종료일을 앞당겨 주세요."
            )


def check_status(status: InspectionStatus, reason: str | None, day: dt.date, today: dt.date) -> str | None:
    """The reason to store (None unless postponed or cancelled)."""
    if status in NEEDS_REASON:
        text = normalize_text(reason, F_REASON, 300)
        if not text:
            raise ValidationError(F_REASON, f"{status.label} 사유를 입력해 주세요.")
        return text
    if status == InspectionStatus.COMPLETED and day > today:
        raise ValidationError(F_STATUS, "아직 오지 않은 점검은 완료로 바꿀 수 없습니다.")
    return None
