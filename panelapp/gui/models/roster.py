"""Table model of the roster: the generic id-based model with the roster's columns.

Filtering and sorting happen in SQL (services.people.roster.roster_ids); the model only asks
for the block of rows about to be painted, so 100,000 members cost one id list and a few blocks;
their hours and rate follow from a worker (late_stats.py).
Phones are masked unless the page revealed them for a logged purpose.
"""

from __future__ import annotations

from collections.abc import Callable

from panelapp.domain.enums import EnrollmentStatus
from panelapp.domain.formatting import format_hours, format_rate
from panelapp.domain.validation import format_phone, mask_phone
from panelapp.gui.models.id_table import GREY, LEFT, RIGHT, Column, IdTableModel
from panelapp.gui.models.late_stats import PENDING, LateStats

# (header, sort key): the page and the tests read the sort key of a column from here
COLUMNS: list[tuple[str, str]] = [
    ("이름", "name"),
    ("소속 단", "team"),
    ("역할", "role"),
    ("휴대전화", "phone"),
    ("거주지", "district"),
    ("상태", "status"),
    ("동의일", "consent_date"),
    ("활동시간", "hours"),
    ("출석률", "rate"),
]
COL_PHONE, COL_HOURS, COL_RATE = 3, 7, 8


class RosterModel(IdTableModel):
    """`fetch_rows` gives the rows without their stats (fast); `fetch_stats` the hours and rate
    of a block, run on a worker by LateStats (the two columns show "…" until they arrive).
    Without `fetch_stats` the rows' own hours and rate are shown."""

    def __init__(
        self,
        fetch_rows: Callable[[list[int]], list],
        parent=None,
        fetch_stats: Callable[[list[int]], dict] | None = None,
    ):
        self.reveal = False
        self.late = None
        texts = [
            lambda r: r.name,
            lambda r: r.team_name or "(미배정)",
            lambda r: r.role.label,
            lambda r: format_phone(r.phone_e164) if self.reveal else mask_phone(r.phone_e164),
            lambda r: r.district or "",
            lambda r: r.status.label,
            lambda r: r.consent_date.strftime("%Y-%m-%d") if r.consent_date else "없음",
            lambda r: self._stat(r, lambda st: format_hours(st.hours, unit="")),
            lambda r: self._stat(r, lambda st: format_rate(st.rate)),
        ]
        widths = [110, 110, 70, 130, 110, 80, 100, 80, 80]
        aligns = {COL_HOURS: RIGHT, COL_RATE: RIGHT}
        columns = [
            Column(header, key, texts[n], width=widths[n], align=aligns.get(n, LEFT))
            for n, (header, key) in enumerate(COLUMNS)
        ]
        super().__init__(columns, self._fetch, row_id=lambda r: r.enrollment_id, parent=parent)
        self._fetch_without_stats = fetch_rows
        self.row_foreground = lambda r: GREY if r.status == EnrollmentStatus.WITHDRAWN else None
        if fetch_stats is not None:
            self.late = LateStats(self, parent, fetch_stats, columns=(COL_HOURS, COL_RATE))

    def _fetch(self, ids: list[int]) -> list:
        rows = self._fetch_without_stats(ids)
        if self.late is not None:
            self.late.request(ids)
        return rows

    def _stat(self, row, text: Callable) -> str:
        if self.late is None:
            return text(row)
        st = self.late.get(row.enrollment_id)
        return PENDING if st is None else text(st)

    def set_ids(self, ids) -> None:
        if self.late is not None:
            self.late.clear()
        super().set_ids(ids)

    def invalidate(self, ids=None) -> None:
        if self.late is not None:
            self.late.clear(ids)
        super().invalidate(ids)

    def set_reveal(self, reveal: bool) -> None:
        self.reveal = reveal
        if self.rowCount():
            self.dataChanged.emit(self.index(0, COL_PHONE), self.index(self.rowCount() - 1, COL_PHONE))
