"""The dashboard's 추진 현황 section (issue 14 item 4): per department, the adopted proposals, how
many are 완료, their mean 진행률 and the 추진 단계 past their 예정일 (services/proposals/
milestones.rollup, one grouped query), the cohort's 전체 last. A row opens 개선제안 narrowed to
its department; the 전체 row opens the cohort's list.

A short list by nature (an institution's departments), so a plain QTableWidget."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from panelapp.domain.proposal_progress import PROGRESS_HEADERS
from panelapp.gui import dashboard_links as links
from panelapp.gui.pages.figures_table import figures_table, show_figures, show_placeholder
from panelapp.gui.palette import set_tone, styled

LATE_COLUMN = len(PROGRESS_HEADERS) - 1
EMPTY = "이 기수에는 아직 채택된 개선제안이 없습니다."
NOTE = (
    "채택: 채택·부분채택·추진중·완료(불채택과 중복 제외). 진행률: 완료 100%, 추진 단계가 있으면 완료한 단계의 "
    "비중(가중치), 없으면 마지막 진행 상황의 진행률, 완료 전에는 99%까지. 숫자를 누르면 그 부서의 개선제안 목록이 열립니다."
)


class ProgressSection(QFrame):
    """Filled by `set_rows` (a tuple of ProgressFigures, 전체 last, or None while counted)."""

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.rows: tuple = ()
        self.setObjectName("progressBox")
        styled(self, "#progressBox { background: @surface; border-radius: 6px; }")
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel("추진 현황")
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        col.addWidget(self.title)
        self.summary = QLabel(wordWrap=True)
        self.summary.setObjectName("progressSummary")
        col.addWidget(self.summary)
        self.table = figures_table(PROGRESS_HEADERS, "추진 현황", self._clicked)
        col.addWidget(self.table)
        self.note = QLabel(NOTE, wordWrap=True)
        set_tone(self.note, "hint")
        col.addWidget(self.note)
        self.set_rows(None)

    def set_rows(self, rows) -> None:
        self.rows = tuple(rows or ())
        total = next((r for r in self.rows if r.total), None)
        self.summary.setText(
            "집계 중…" if rows is None else (f"이 기수: {total.text}" if total is not None else EMPTY)
        )
        self.table.setRowCount(0)
        if rows is None or total is None or total.accepted == 0:
            show_placeholder(self.table, "집계 중…" if rows is None else EMPTY)
            return
        clickable = links.can_open(self.window_, "proposals")
        show_figures(
            self.table,
            self.rows,
            LATE_COLUMN,
            lambda row: bool(row.overdue_milestones),
            lambda row, _c: (
                f"{'이 기수' if row.total else row.label}의 개선제안을 엽니다" if clickable else None
            ),
        )

    @staticmethod
    def department_of(row) -> int | None:
        """The 개선제안 page's department filter for a row (None: every department)."""
        if row.total:
            return None
        return links.NO_DEPARTMENT if row.key is None else row.key

    def _clicked(self, r: int, _c: int) -> None:
        if not 0 <= r < len(self.rows) or not links.can_open(self.window_, "proposals"):
            return
        links.proposals(self.window_, department_id=self.department_of(self.rows[r]))
