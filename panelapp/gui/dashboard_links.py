"""Where each dashboard figure leads: the page and the filter it opens with.

A target page is used only when the window has it (pages arrive one by one); a figure whose
page is missing is shown but not clickable.
"""

from __future__ import annotations

import datetime as dt

from panelapp.domain.enums import InspectionStatus, Severity
from panelapp.domain.inspection_info import AWAITING_FILTER


def can_open(window, key: str) -> bool:
    return key in getattr(window, "pages", {})


def open_page(window, key: str, **filters) -> bool:
    """Show the page and apply the filter; False when the window has no such page."""
    if not can_open(window, key):
        return False
    window.show_page(key)
    page = window.pages[key]
    if hasattr(page, "apply_filter"):
        page.apply_filter(**filters)
    return True


def findings(window, **filters) -> bool:
    wanted = {"severity": None, "category": None, "facility_id": None, "without_proposal": None}
    return open_page(window, "findings", **{**wanted, **filters})


def urgent_findings(window) -> bool:
    return findings(window, severity=Severity.URGENT, without_proposal=True)


NO_DEPARTMENT = -2  # department_id of the proposals without one (the 개선제안 page's 미지정)


def proposals(window, **filters) -> bool:
    wanted = {"status": None, "department_id": None, "facility_id": None, "overdue": False}
    return open_page(window, "proposals", **{**wanted, **filters})


def inspections(
    window,
    status: InspectionStatus | str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> bool:
    return open_page(window, "schedule", status=status, start=start, end=end)


def awaiting_results(window) -> bool:
    """예정 visits whose day has passed: the schedule list with its 결과 미입력 filter."""
    return open_page(window, "schedule", status=AWAITING_FILTER, start=None, end=None)


def roster(window) -> bool:
    return open_page(window, "roster")
