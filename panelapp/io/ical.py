"""The inspection schedule as an iCalendar file (RFC 5545) for phone and office calendars.

Each visit is one VEVENT whose UID is the inspection's stored uid, so importing a newer
export updates the same entries instead of adding copies. Times are written in UTC
(Korean time has no daylight saving, so the conversion is exact and needs no VTIMEZONE).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar, Event

from panelapp.domain.enums import InspectionStatus
from panelapp.domain.inspection_info import InspectionInfo
from panelapp.domain.localtime import KST

PRODID = "-//panelapp//시민참여단 점검 일정//KO"
_STATUS = {
    InspectionStatus.PLANNED: "CONFIRMED",
    InspectionStatus.COMPLETED: "CONFIRMED",
    InspectionStatus.POSTPONED: "TENTATIVE",
    InspectionStatus.CANCELLED: "CANCELLED",
}


def _utc(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=KST).astimezone(dt.UTC)


def _description(i: InspectionInfo) -> str:
    lines = [f"담당 단: {i.team_name or '미지정'}", f"조장: {i.lead_name or '미지정'}"]
    if i.members:
        lines.append("단원: " + ", ".join(i.member_names))
    lines.append(f"상태: {i.status.label}" + (f" ({i.status_reason})" if i.status_reason else ""))
    if i.notes:
        lines.append(f"메모: {i.notes}")
    return "\n".join(lines)


def vevent(i: InspectionInfo, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", i.uid)
    event.add("dtstamp", stamp)
    if i.start_time is not None and i.end_time is not None:
        event.add("dtstart", _utc(i.scheduled_date, i.start_time))
        event.add("dtend", _utc(i.scheduled_date, i.end_time))
    else:  # an all-day entry
        event.add("dtstart", i.scheduled_date)
        event.add("dtend", i.scheduled_date + dt.timedelta(days=1))
    event.add("summary", i.title)
    event.add("location", ", ".join(p for p in (i.facility_name, i.facility_address) if p))
    event.add("description", _description(i))
    event.add("status", _STATUS[i.status])
    event.add("sequence", i.version)  # calendar apps take the higher sequence as the newer copy
    return event


def calendar_bytes(
    inspections: Iterable[InspectionInfo], name: str, stamp: dt.datetime | None = None
) -> bytes:
    """One VCALENDAR; `stamp` (UTC) is DTSTAMP of every entry, now unless given."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Seoul")
    for i in inspections:
        cal.add_component(vevent(i, stamp))
    return cal.to_ical()
