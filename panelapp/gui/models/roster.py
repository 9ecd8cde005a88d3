"""Table model of the roster: holds the ordered enrolment ids, fetches rows by id in blocks.

Filtering and sorting happen in SQL (services.roster.roster_ids); the model only asks for the
block of rows about to be painted, so 100,000 members cost one id list and a few blocks.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from panelapp.domain.enums import EnrollmentStatus
from panelapp.domain.formatting import format_hours, format_rate
from panelapp.domain.validation import format_phone, mask_phone

BLOCK = 100
MAX_BLOCKS = 40  # ~4,000 rows kept; scrolling back refetches (a block costs a few ms)

# (header, sort key)
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
_GREY = QColor("#8a8a8a")


class RosterModel(QAbstractTableModel):
    # A header was clicked: the page re-queries the ids in the new order.
    sortRequested = Signal(str, bool)  # sort key, descending

    def __init__(self, fetch_rows: Callable[[list[int]], list], parent=None):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[int] = []
        self._blocks: OrderedDict[int, dict[int, object]] = OrderedDict()
        self.reveal = False
        self.fetch_count = 0  # blocks fetched: tests and the benchmark read it

    # ----- data ----------------------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._blocks.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, enrollment_id: int) -> int:
        try:
            return self._ids.index(enrollment_id)
        except ValueError:
            return -1

    def row_at(self, row: int):
        """The RosterRow at this position (fetching its block), or None if it vanished."""
        eid = self.id_at(row)
        if eid is None:
            return None
        block = row // BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            chunk = self._ids[block * BLOCK : (block + 1) * BLOCK]
            cached = {r.enrollment_id: r for r in self._fetch_rows(chunk)}
            self.fetch_count += 1
            self._blocks[block] = cached
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return cached.get(eid)

    def set_reveal(self, reveal: bool) -> None:
        self.reveal = reveal
        if self._ids:
            self.dataChanged.emit(self.index(0, COL_PHONE), self.index(len(self._ids) - 1, COL_PHONE))

    # ----- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_at(index.row())
            return "" if row is None else self._text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (COL_HOURS, COL_RATE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row is not None and row.status == EnrollmentStatus.WITHDRAWN:
                return _GREY
        if role == Qt.ItemDataRole.UserRole:
            return self.id_at(index.row())
        return None

    def _text(self, row, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return row.team_name or "(미배정)"
        if column == 2:
            return row.role.label
        if column == COL_PHONE:
            return format_phone(row.phone_e164) if self.reveal else mask_phone(row.phone_e164)
        if column == 4:
            return row.district or ""
        if column == 5:
            return row.status.label
        if column == 6:
            return row.consent_date.strftime("%Y-%m-%d") if row.consent_date else "없음"
        if column == COL_HOURS:
            return format_hours(row.hours, unit="")
        return format_rate(row.rate)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sortRequested.emit(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)
