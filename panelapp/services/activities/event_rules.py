"""Inputs and outputs of the activity-event services and the rules they check.

Rules (decided here, tested in tests/test_attendance_service.py):
- title: required, at most 200 characters.
- hours: 0.5 to 24 in steps of 0.5 — what a certificate can honestly state.
- date: within the cohort's term, with 30 days of tolerance on either side: orientation
  training often precedes the term and a closing meeting may follow it. Further out is
  almost always a typing mistake (wrong year).
- kind: 발대식/교육/간담회/기타. 점검 events belong to inspections and are read-only here.
- attendance is recorded from the event's day on: a future event has no attendance yet
  (the attendance rate only counts events held, see activity_stats).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from panelapp.db.models import ActivityEvent, Cohort
from panelapp.domain.enums import EventKind
from panelapp.domain.errors import DomainError, NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.josa import quoted
from panelapp.domain.validation import normalize_text

F_KIND, F_TITLE, F_DATE, F_HOURS = "구분", "제목", "날짜", "시간"
F_LOCATION, F_NOTES, F_ATTENDANCE = "장소", "메모", "출석"
EDITABLE_KINDS = (EventKind.LAUNCH, EventKind.TRAINING, EventKind.MEETING, EventKind.OTHER)
DATE_TOLERANCE = dt.timedelta(days=30)
MIN_HOURS, MAX_HOURS = 0.5, 24.0


@dataclass(frozen=True)
class EventInput:
    kind: EventKind
    title: str
    event_date: dt.date
    hours: float
    start_time: dt.time | None = None
    location: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class EventInfo:
    id: int
    cohort_id: int
    kind: EventKind
    title: str
    event_date: dt.date
    start_time: dt.time | None
    hours: float
    location: str | None
    notes: str | None
    present_count: int
    version: int

    @property
    def read_only(self) -> bool:
        """점검 events are managed with their inspection, not on the activities page."""
        return self.kind == EventKind.INSPECTION


def clean_event(data: EventInput, cohort: Cohort) -> dict:
    """The normalised column values, or ValidationError(s) naming each bad field."""
    errors: list[ValidationError] = []
    values: dict = {"kind": data.kind, "event_date": data.event_date, "start_time": data.start_time}
    if data.kind not in EDITABLE_KINDS:
        errors.append(
            ValidationError(
                F_KIND, "발대식, 교육, 간담회, 기타 중에서 골라 주세요. 점검 행사는 점검 일정에서 만듭니다."
            )
        )
    for key, field, limit, required in (
        ("title", F_TITLE, 200, True),
        ("location", F_LOCATION, 200, False),
        ("notes", F_NOTES, 2000, False),
    ):
        try:
            values[key] = normalize_text(getattr(data, key), field, limit, required=required)
        except ValidationError as e:
            errors.append(e)
    try:
        values["hours"] = clean_hours(data.hours)
    except ValidationError as e:
        errors.append(e)
    first, last = cohort.term_start - DATE_TOLERANCE, cohort.term_end + DATE_TOLERANCE
    if data.event_date is None:
        errors.append(ValidationError(F_DATE, "행사 날짜를 입력해 주세요."))
    elif not first <= data.event_date <= last:
        errors.append(
            ValidationError(
                F_DATE,
                f"제{cohort.number}기 활동 기간({cohort.term_start:%Y-%m-%d}~{cohort.term_end:%Y-%m-%d}) "
                f"전후 30일 안의 날짜여야 합니다({first:%Y-%m-%d}~{last:%Y-%m-%d}).",
            )
        )
    ValidationErrors.raise_if_any(errors)
    return values


def clean_hours(value) -> float:
    try:
        hours = float(value)
    except (TypeError, ValueError):
        raise ValidationError(F_HOURS, f"{quoted(value, '은')} 숫자가 아닙니다. 예: 2 또는 1.5") from None
    if not MIN_HOURS <= hours <= MAX_HOURS:
        raise ValidationError(F_HOURS, "0.5시간에서 24시간 사이로 입력해 주세요.")
    if abs(hours * 2 - round(hours * 2)) > 1e-9:
        raise ValidationError(F_HOURS, "30분(0.5시간) 단위로 입력해 주세요. 예: 1.5")
    return round(hours * 2) / 2


def load_event(s, event_id: int, writable: bool = False) -> ActivityEvent:
    event = s.get(ActivityEvent, event_id)
    if event is None or event.deleted_at is not None:
        raise NotFoundError("행사")
    if writable and event.kind == EventKind.INSPECTION:
        raise DomainError("점검 행사와 그 출석은 점검 일정에서 관리합니다. 여기서는 볼 수만 있습니다.")
    return event


def load_cohort(s, cohort_id: int) -> Cohort:
    cohort = s.get(Cohort, cohort_id)
    if cohort is None or cohort.deleted_at is not None:
        raise NotFoundError("기수")
    return cohort


def in_period(e: Any, day: dt.date) -> bool:
    """Whether the enrolment (an Enrollment, or a row with joined_on and left_on) was a member on
    that day (joined ≤ day ≤ left)."""
    return e.joined_on <= day and (e.left_on is None or day <= e.left_on)


def period_text(e: Any) -> str:
    end = f"{e.left_on:%Y-%m-%d}" if e.left_on else ""
    return f"{e.joined_on:%Y-%m-%d}~{end}"


def event_info(
    event: ActivityEvent, present_count: int, shown: Callable[[str | None], str | None] | None = None
) -> EventInfo:
    """The event as the lists show it; `shown` (services/masking.text_masker of the reader) masks
    members' names in its title and notes (a 점검 조장, 부서 담당자 or 열람자 sees 김*희)."""
    show = shown or (lambda text: text)
    return EventInfo(
        event.id,
        event.cohort_id,
        event.kind,
        show(event.title) or "",
        event.event_date,
        event.start_time,
        float(event.hours),
        event.location,
        show(event.notes),
        present_count,
        event.version,
    )
