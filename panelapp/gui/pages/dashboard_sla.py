"""The dashboard's 부서별 답변 처리 section: per department, received, answered, the median and
90th-percentile working days to answer, the share answered by the due date and the overdue now
(services/reporting/sla.py). Every figure opens 개선제안 narrowed to its department, and the
기한 경과 figure to its overdue ones too; the 전체 row opens the cohort's list.

A short list by nature (an institution's departments), so a plain QTableWidget."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from panelapp.domain.report_data import SLA_HEADERS
from panelapp.gui import dashboard_links as links
from panelapp.gui.operations.reminders import MAKE_TEXT as REMINDER_TEXT
from panelapp.gui.pages.figures_table import figures_table, show_figures, show_placeholder
from panelapp.gui.palette import set_tone, styled

OVERDUE_COLUMN = len(SLA_HEADERS) - 1
EMPTY = "이 기수에는 아직 개선제안이 없습니다."
NOTE = (
    "근무일: 주말과 공휴일(대체공휴일 포함)을 뺀 날. 답변 소요 = 접수 다음 근무일부터 답변일까지. "
    "90%: 답변의 90%가 이 근무일 안에 나왔습니다. 기한 내 답변 비율 = 답변 기한까지 답변한 제안 ÷ 기한이 있는 "
    "답변. 숫자를 누르면 그 부서의 개선제안 목록이 열립니다."
)


def _two_lines(header: str) -> str:
    """ "답변 소요 중앙값(근무일)" → "답변 소요\n중앙값(근무일)": a narrow column's header on two lines."""
    for head in ("답변 소요 ", "기한 내 "):
        if header.startswith(head) and header != head.strip():
            return f"{head.strip()}\n{header.removeprefix(head)}"
    return header


class SlaSection(QFrame):
    """Filled by `set_rows` (a tuple of DepartmentSla, or None while it is counted)."""

    opened = Signal(object, bool)  # department id (None: every department), overdue only

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.rows: tuple = ()
        self.setObjectName("slaBox")
        styled(self, "#slaBox { background: @surface; border-radius: 6px; }")
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 10, 12, 10)
        head = QHBoxLayout()
        self.title = QLabel("부서별 답변 처리")
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        head.addWidget(self.title)
        head.addStretch(1)
        # 독촉 안내문 (issue 14 item 9): a coordinator's (gui/core/rights.py hides it from others)
        self.reminder_dialog = self.last_reminders = self.last_mail = None
        self.reminder_button = QPushButton(REMINDER_TEXT)
        self.reminder_button.setToolTip(
            "답변 기한이 지났거나 곧 닥치는 제안을 부서별 독촉 안내문으로 만듭니다"
        )
        self.reminder_button.clicked.connect(self.make_reminders)
        head.addWidget(self.reminder_button)
        col.addLayout(head)
        # the headers every output prints, broken where a narrow column needs it
        self.table = figures_table([_two_lines(h) for h in SLA_HEADERS], "부서별 답변 처리", self._clicked)
        col.addWidget(self.table)
        self.note = QLabel(NOTE, wordWrap=True)
        set_tone(self.note, "hint")
        col.addWidget(self.note)
        self.set_rows(None)

    def make_reminders(self):
        """독촉 안내문 만들기… for every department (one can be picked in the dialog)."""
        from panelapp.gui.operations.reminders import make_reminders

        return make_reminders(self)

    def set_rows(self, rows) -> None:
        self.rows = tuple(rows or ())
        clickable = links.can_open(self.window_, "proposals")
        self.table.setRowCount(0)
        if rows is None or not any(row.received for row in self.rows):
            show_placeholder(self.table, "집계 중…" if rows is None else EMPTY)
            return
        show_figures(
            self.table,
            self.rows,
            OVERDUE_COLUMN,
            lambda row: bool(row.overdue),
            lambda row, c: self._tip(row, c) if clickable and self._opens(row) else None,
        )

    @staticmethod
    def _opens(row) -> bool:
        """Every row opens 개선제안: a department's, 미지정 (those without one), 전체."""
        return True

    @staticmethod
    def _department(row) -> int | None:
        """The 개선제안 page's department filter for a row (None: every department)."""
        if row.total:
            return None
        return links.NO_DEPARTMENT if row.department_id is None else row.department_id

    @staticmethod
    def _tip(row, column: int) -> str:
        what = "이 기수" if row.total else f"{row.department}"
        if column == OVERDUE_COLUMN:
            return f"{what}의 기한 지난 개선제안을 엽니다"
        return f"{what}의 개선제안을 엽니다"

    def _clicked(self, r: int, c: int) -> None:
        if not 0 <= r < len(self.rows) or not links.can_open(self.window_, "proposals"):
            return
        row = self.rows[r]
        if not self._opens(row):
            return
        overdue = c == OVERDUE_COLUMN
        self.opened.emit(row.department_id, overdue)
        links.proposals(self.window_, department_id=self._department(row), overdue=overdue)
