"""The attendance of one event: a check box per member, unsaved ticks kept apart until saved.

Id-based (gui/models/id_table.py): the members are the cohort's enrolment ids in sheet order,
their rows fetched by id as painted, their hours and rate from a worker (late_stats.py). Who is
present, recorded and tickable on the event are id sets loaded with it (services/activities/
sheet.py: EventMarks), so ticking everyone or counting never needs the rows. The ticks go through
the model's flags and data (CheckStateRole); `pending` holds those that differ from what is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView

from panelapp.domain.enums import EnrollmentStatus, EventKind
from panelapp.domain.formatting import format_hours, format_rate
from panelapp.gui.models.id_table import CENTER, RIGHT, Column, IdTableModel, configure_view
from panelapp.gui.models.late_stats import PENDING, LateStats
from panelapp.gui.palette import live, live_brush

HEADERS = ("출석", "이름", "단", "역할", "상태", "누적 시간", "출석 횟수", "출석률", "비고")
CHECK, NAME, NOTE = 0, 1, len(HEADERS) - 1
STATS = (5, 6, 7)
CHANGED = live_brush("changed_bg")
MUTED = live("inactive")


def status_text(row) -> str:
    if row.status == EnrollmentStatus.ACTIVE or row.left_on is None:
        return row.status.label
    return f"{row.status.label} ({row.left_on:%m-%d})"


class AttendanceModel(IdTableModel):
    pending_changed = Signal(int)  # number of unsaved changes

    def __init__(self, fetch_rows, fetch_stats, parent=None):
        self.marks = None  # EventMarks of the event shown, or None
        self.pending: dict[int, bool] = {}
        self.late = None
        columns = [
            Column("출석", None, None, width=50, align=CENTER, check=self._checked),
            Column("이름", None, lambda r: r.name, width=110),
            Column("단", None, lambda r: r.team_name or "—", width=110),
            Column("역할", None, lambda r: r.role.label, width=60),
            Column("상태", None, status_text, width=100),
            Column(
                "누적 시간",
                None,
                lambda r: self._stat(r, lambda st: format_hours(st.hours)),
                width=90,
                align=RIGHT,
            ),
            Column(
                "출석 횟수",
                None,
                lambda r: self._stat(r, lambda st: f"{st.attended} / {st.held}"),
                width=80,
                align=RIGHT,
            ),
            Column(
                "출석률",
                None,
                lambda r: self._stat(r, lambda st: format_rate(st.rate)),
                width=70,
                align=RIGHT,
            ),
            Column("비고", None, self._note, stretch=True),
        ]
        super().__init__(columns, self._fetch, row_id=lambda r: r.enrollment_id, parent=parent)
        self._fetch_without_stats = fetch_rows
        self.late = LateStats(self, parent, fetch_stats, columns=STATS)

    # ----- rows and stats ------------------------------------------------------------------
    def _fetch(self, ids):
        rows = self._fetch_without_stats(ids)
        self.late.request(ids)
        return rows

    def _stat(self, row, text) -> str:
        st = self.late.get(row.enrollment_id) if self.late is not None else None
        return PENDING if st is None else text(st)

    def set_ids(self, ids) -> None:
        self.late.clear()
        super().set_ids(ids)

    def invalidate(self, ids=None) -> None:
        self.late.clear(ids)
        super().invalidate(ids)

    # ----- the event's marks ---------------------------------------------------------------
    def saved(self, enrollment_id: int) -> bool:
        return self.marks is not None and enrollment_id in self.marks.present

    def recordable(self, enrollment_id: int) -> bool:
        return self.marks is not None and enrollment_id in self.marks.recordable

    def _checked(self, row) -> bool:
        return self.pending.get(row.enrollment_id, self.saved(row.enrollment_id))

    def why_not(self, row) -> tuple[str, str]:
        """(short note for the 비고 column, full sentence for the tooltip) of a row not tickable."""
        event = self.marks.event
        if event.read_only:
            return "점검에서 관리", "점검 행사의 출석은 점검 일정에서 관리합니다."
        eligible = row.in_period(event.event_date) and (
            event.kind != EventKind.INSPECTION or row.enrollment_id in self.marks.recorded
        )
        if not eligible:
            return "활동 기간 아님", f"이 행사 날짜에는 활동 기간이 아닙니다({row.joined_on:%Y-%m-%d}부터" + (
                f" {row.left_on:%Y-%m-%d}까지)." if row.left_on else ")."
            )
        return "예정 행사", "아직 열리지 않은 행사입니다. 행사 당일부터 출석을 기록할 수 있습니다."

    def _note(self, row) -> str:
        if row.enrollment_id in self.pending:
            return "저장 전 변경"
        return "" if self.marks is None or self.recordable(row.enrollment_id) else self.why_not(row)[0]

    # ----- Qt model API --------------------------------------------------------------------
    def flags(self, index):
        if not index.isValid():
            return super().flags(index)
        if index.column() == CHECK and not self.recordable(self.id_at(index.row())):
            return Qt.ItemFlag.ItemIsSelectable  # shown greyed, cannot be ticked
        return super().flags(index)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rid = self.id_at(index.row())
        if role == Qt.ItemDataRole.BackgroundRole:
            return CHANGED if rid in self.pending else None
        if role == Qt.ItemDataRole.FontRole:
            if index.column() == NAME and rid in self.pending:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if rid is not None and self.marks is not None and not self.recordable(rid):
            if role == Qt.ItemDataRole.ForegroundRole:
                return MUTED
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == CHECK:
                row = self.row_at(index.row())
                return None if row is None else self.why_not(row)[1]
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        if not index.isValid() or index.column() != CHECK or role != Qt.ItemDataRole.CheckStateRole:
            return False
        rid = self.id_at(index.row())
        if rid is None or not self.recordable(rid):
            return False
        self.tick(rid, Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def tick(self, enrollment_id: int, present: bool) -> None:
        if present == self.saved(enrollment_id):
            self.pending.pop(enrollment_id, None)
        else:
            self.pending[enrollment_id] = present
        row = self.row_of(enrollment_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.pending_changed.emit(len(self.pending))

    def repaint_all(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))


class AttendanceGrid(QTableView):
    """Rows are the cohort's members; `pending` holds ticks that differ from what is saved."""

    pending_changed = Signal(int)

    def __init__(self, fetch_rows, fetch_stats, parent=None):
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.model_ = AttendanceModel(fetch_rows, fetch_stats, self)
        configure_view(self, self.model_, sortable=False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model_.pending_changed.connect(self.pending_changed)
        self.doubleClicked.connect(self._toggle_row)
        self._members: list[int] = []

    @property
    def pending(self) -> dict[int, bool]:
        return self.model_.pending

    @pending.setter
    def pending(self, value: dict[int, bool]) -> None:
        self.model_.pending = dict(value)
        self.model_.repaint_all()
        self.pending_changed.emit(len(self.model_.pending))

    @property
    def marks(self):
        return self.model_.marks

    # ----- content -------------------------------------------------------------------------
    def set_members(self, ids: list[int]) -> None:
        """The cohort's enrolments in sheet order (shown once an event is)."""
        self._members = list(ids)

    def show_event(self, marks, keep_pending: bool = False) -> None:
        """Show the event of `marks` (None: nothing selected). Pending ticks survive a reload of
        the same event when they can still be recorded and still differ from what is saved."""
        old = self.model_.pending if keep_pending else {}
        m = self.model_
        m.marks = marks
        m.pending = (
            {eid: v for eid, v in old.items() if eid in marks.recordable and (eid in marks.present) != v}
            if marks is not None
            else {}
        )
        keep = self.selected_id()
        m.set_ids(self._members if marks is not None else [])
        if keep is not None and (row := m.row_of(keep)) >= 0:
            self.selectRow(row)
        self.pending_changed.emit(len(m.pending))

    # ----- editing -------------------------------------------------------------------------
    def _toggle_row(self, index) -> None:
        rid = self.model_.id_at(index.row())
        if index.column() != CHECK and rid is not None and self.model_.recordable(rid):
            self.model_.tick(rid, not self.model_.pending.get(rid, self.model_.saved(rid)))

    def set_all(self, present: bool) -> None:
        """Tick (or clear) every member who can be recorded; still unsaved until 저장."""
        marks = self.model_.marks
        if marks is None:
            return
        self.model_.pending = {eid: present for eid in marks.recordable if (eid in marks.present) != present}
        self.model_.repaint_all()
        self.pending_changed.emit(len(self.model_.pending))

    def recordable_count(self) -> int:
        return 0 if self.model_.marks is None else len(self.model_.marks.recordable)

    def checked_count(self) -> int:
        marks = self.model_.marks
        if marks is None:
            return 0
        added = sum(1 for v in self.model_.pending.values() if v)
        return len(marks.present) + added - (len(self.model_.pending) - added)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.model_.id_at(rows[0].row()) if rows else None

    def selected_row(self):
        rows = self.selectionModel().selectedRows()
        return self.model_.row_at(rows[0].row()) if rows else None

    def row_index(self, enrollment_id: int) -> int:
        return self.model_.row_of(enrollment_id)
