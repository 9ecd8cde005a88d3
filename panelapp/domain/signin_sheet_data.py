"""What the printed sign-in sheet (출석 서명부) of one event shows, as the document takes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SignInRow:
    number: int
    name: str  # in full, or masked (김*희) when the sheet is masked
    team: str | None


@dataclass(frozen=True)
class SignInSheetData:
    organization_name: str
    cohort_name: str  # "제7기 시민참여단"
    event_title: str
    event_kind: str  # "발대식", "점검"...
    event_date: dt.date
    time_text: str  # "14:00" or ""
    location: str | None
    masked: bool
    rows: tuple[SignInRow, ...]
    printed_on: dt.date
