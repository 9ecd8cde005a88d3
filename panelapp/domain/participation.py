"""Who was expected at what: the one definition of 출석률 and 활동 시간, and how they read.

An activity event counts for an enrolment (the member was expected at it) when all hold:

1. **held**: the event is not deleted and is dated on or before the day the figures are for
   (today; a report's date; a certificate's issue date). A future event counts for no one yet.
   An inspection's visit is held once its results are entered (완료): a planned, postponed,
   cancelled or deleted visit counts for no one.
2. **inside the enrolment**: from the member's 활동 시작일 (joined_on) to their 탈퇴일 (left_on),
   both days included, open-ended while they are still a member. A report narrows this further
   to its own period.
3. **for them**: a visit counts only for the members assigned to it (조장 and 단원); every other
   event (발대식, 교육, 간담회, 기타) is cohort-wide, for every member of the cohort within their
   enrolment. Events carry no team of their own, so a team's work reaches its members through
   the visits they are assigned to.

attended: the counted events where the member is marked present. rate: attended / expected, None
while nothing was expected yet (shown "–"). hours: the hours credited on the attended counted
events plus the hours of the member's content posts published inside the same span (enrolment,
held by the day, the report's period), rounded once to 0.1 hour here, so every output prints the
same figure.

`counts_for` and `tally` are the rule in plain Python (tests hold the database's figures to
them); services/activities/stats.py computes the same on the database for whole cohorts; every
screen and document prints the figures with `hours_text`, `rate_text` and `count_text`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from panelapp.domain.formatting import format_hours, format_rate

HOURS_DIGITS = 1


def credited_hours(hours: float | None) -> float:
    """The one rounding of credited hours (0.1 hour)."""
    return round(float(hours or 0.0), HOURS_DIGITS)


def attendance_rate(attended: int, expected: int) -> float | None:
    """attended / expected; None while nothing was expected (no event held for them yet)."""
    return None if expected == 0 else attended / expected


def hours_text(hours: float | None) -> str:
    """Credited hours as every output prints them: "29.5시간"."""
    return format_hours(credited_hours(hours))


def rate_text(attended: int, expected: int) -> str:
    """The attendance rate as every output prints it: "86.7%", or "–" when nothing was expected."""
    return format_rate(attendance_rate(attended, expected))


def count_text(attended: int, expected: int) -> str:
    """Attended over expected: "13 / 15"."""
    return f"{attended} / {expected}"


@dataclass(frozen=True)
class ParticipationFigures:
    """One member's figures: credited hours, events attended, events they were expected at."""

    hours: float
    attended: int
    held: int  # the held events this member was expected at (the rate's denominator)

    def __post_init__(self) -> None:
        object.__setattr__(self, "hours", credited_hours(self.hours))

    @property
    def rate(self) -> float | None:
        return attendance_rate(self.attended, self.held)

    @property
    def hours_text(self) -> str:
        return hours_text(self.hours)

    @property
    def rate_text(self) -> str:
        return rate_text(self.attended, self.held)

    @property
    def count_text(self) -> str:
        return count_text(self.attended, self.held)


NO_FIGURES = ParticipationFigures(0.0, 0, 0)


@dataclass(frozen=True)
class Enrolment:
    joined_on: dt.date
    left_on: dt.date | None = None


@dataclass(frozen=True)
class EventFacts:
    """An event as the rule sees it. `visit`: the event of an inspection (then `completed` says
    whether its results were entered, and `assigned` holds the enrolments assigned to it)."""

    day: dt.date
    hours: float = 0.0
    deleted: bool = False
    visit: bool = False
    completed: bool = False
    assigned: frozenset[int] = frozenset()


Window = tuple[dt.date, dt.date]


def in_span(day: dt.date, enrolment: Enrolment, today: dt.date, window: Window | None = None) -> bool:
    """Inside the enrolment, held by `today`, and inside the report's period if there is one."""
    if day > today or day < enrolment.joined_on:
        return False
    if enrolment.left_on is not None and day > enrolment.left_on:
        return False
    return window is None or window[0] <= day <= window[1]


def counts_for(
    event: EventFacts,
    enrollment_id: int,
    enrolment: Enrolment,
    today: dt.date,
    window: Window | None = None,
) -> bool:
    """Was this member expected at this event (rules 1-3 above)?"""
    if event.deleted or not in_span(event.day, enrolment, today, window):
        return False
    if event.visit:
        return event.completed and enrollment_id in event.assigned
    return True


def tally(
    enrollment_id: int,
    enrolment: Enrolment,
    events: Iterable[tuple[EventFacts, bool, float]],
    posts: Iterable[tuple[dt.date, float]],
    today: dt.date,
    window: Window | None = None,
) -> ParticipationFigures:
    """The figures of one member: `events` are every event of the cohort as (event, marked
    present, credited hours), `posts` the member's live posts as (published on, hours)."""
    hours, attended, expected = 0.0, 0, 0
    for event, present, credited in events:
        if counts_for(event, enrollment_id, enrolment, today, window):
            expected += 1
            if present:
                attended += 1
                hours += credited
    hours += sum(h for day, h in posts if in_span(day, enrolment, today, window))
    return ParticipationFigures(hours, attended, expected)
