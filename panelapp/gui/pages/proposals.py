"""개선제안 page: the filtered list of a cohort's proposals beside the selected one in full."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.pages.proposal_detail import ProposalDetailView
from panelapp.gui.proposal_style import OVERDUE_ROW, OVERDUE_TEXT, status_brushes

HEADERS = ["접수일", "제목", "시설", "담당부서", "상태", "처리 기한", "답변일", "답변까지(일)"]
EMPTY_TEXT = "등록된 개선제안이 없습니다. [새 제안]을 누르거나 발견사항에서 '개선제안 만들기'로 시작하세요."
NO_MATCH_TEXT = "조건에 맞는 개선제안이 없습니다. 필터를 바꿔 보세요."
RELOAD_KINDS = {"proposal", "finding", "facility", "department", "trash", "demo", "cohort"}
ALL_COHORTS = -1


class ProposalsPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.rows: list = []
        self.choices = None
        self._dirty, self._loading = True, False
        self._select_id: int | None = None
        self._pending: tuple = (None, None)  # department/facility asked for before the combos fill
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("개선제안")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        bar = QHBoxLayout()
        self.cohort_combo, self.status_combo = QComboBox(), QComboBox()
        self.department_combo, self.facility_combo = QComboBox(), QComboBox()
        self.status_combo.addItem("모든 상태", None)
        from panelapp.domain.enums import ProposalStatus

        for s in ProposalStatus:
            self.status_combo.addItem(s.label, s)
        self.overdue_check = QCheckBox("기한 초과만")
        self.overdue_check.setToolTip("처리 기한(접수 후 14일 기본)이 지났는데 부서 답변이 없는 제안")
        self.search_edit = QLineEdit(placeholderText="제목·내용·답변 검색", clearButtonEnabled=True)
        for w in (self.cohort_combo, self.status_combo, self.department_combo, self.facility_combo):
            w.setMinimumContentsLength(7)
            w.currentIndexChanged.connect(lambda _i: self.refresh())
            bar.addWidget(w)
        self.cohort_combo.setMinimumContentsLength(12)
        self.overdue_check.toggled.connect(lambda _c: self.refresh())
        bar.addWidget(self.overdue_check)
        bar.addWidget(self.search_edit, 1)
        self.new_button = QPushButton("새 제안")
        self.new_button.clicked.connect(self.new_proposal)
        bar.addWidget(self.new_button)
        col.addLayout(bar)
        # List above, detail below: both get the page's full width at 1280 px.
        splitter = QSplitter(Qt.Orientation.Vertical)
        left = QStackedWidget()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The title is what a coordinator scans for: it keeps a readable width and the
        # facility column (elided) gives way instead.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 260)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.empty_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty_label.setStyleSheet("color: #666; font-size: 12pt;")
        left.addWidget(self.table)
        left.addWidget(self.empty_label)
        self.list_stack = left
        splitter.addWidget(left)
        self.detail = ProposalDetailView(window)
        splitter.addWidget(self.detail)
        splitter.setSizes([380, 360])
        col.addWidget(splitter, 1)
        self.count_label = QLabel()
        col.addWidget(self.count_label)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        window.bus.changed.connect(self._on_changed)
        window.cohort_changed.connect(self._on_cohort)

    # ----- filters -------------------------------------------------------------------------
    def apply_filter(self, status=None, department_id=None, facility_id=None, overdue=None) -> None:
        """For the dashboard: show the current cohort's proposals narrowed as asked."""
        for combo, value in (
            (self.status_combo, status),
            (self.department_combo, department_id),
            (self.facility_combo, facility_id),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            combo.blockSignals(False)
        self._pending = (department_id, facility_id)  # combos may not be filled yet
        self.overdue_check.blockSignals(True)
        self.overdue_check.setChecked(bool(overdue))
        self.overdue_check.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._set_cohort(self.window_.current_cohort_id)
        self.refresh()

    def _set_cohort(self, cohort_id) -> None:
        self.cohort_combo.blockSignals(True)
        index = self.cohort_combo.findData(cohort_id)
        if index < 0:
            self.cohort_combo.addItem("현재 기수", cohort_id)
            index = self.cohort_combo.count() - 1
        self.cohort_combo.setCurrentIndex(index)
        self.cohort_combo.blockSignals(False)

    def query(self):
        from panelapp.domain.enums import ProposalStatus
        from panelapp.services.proposals.manage import ProposalQuery

        cohort = (
            self.cohort_combo.currentData() if self.cohort_combo.count() else self.window_.current_cohort_id
        )
        department, facility = self._pending
        status = self.status_combo.currentData()  # Qt returns str-valued enums as str
        return ProposalQuery(
            None if cohort == ALL_COHORTS else cohort,
            ProposalStatus(status) if status else None,
            self.department_combo.currentData() if department is None else department,
            self.facility_combo.currentData() if facility is None else facility,
            self.overdue_check.isChecked(),
            self.search_edit.text(),
        )

    # ----- loading -------------------------------------------------------------------------
    def _on_cohort(self, cohort_id) -> None:
        self._set_cohort(cohort_id)
        self.refresh()

    def _on_changed(self, kind: str, _ids) -> None:
        if kind in RELOAD_KINDS:
            if kind == "proposal" and _ids:
                self._select_id = _ids[0]
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        from panelapp.services.proposals.drafts import form_choices
        from panelapp.services.proposals.manage import list_proposals

        if self._loading:
            self._dirty = True
            return
        if self.window_.ctx is None:
            return
        self._dirty, self._loading = False, True
        ctx, query, cohort = self.window_.ctx, self.query(), self.window_.current_cohort_id

        def fetch(_t):
            rows = list_proposals(ctx, query)
            return rows, bool(rows) or bool(list_proposals(ctx)), form_choices(ctx, cohort)

        Op(self, fetch).success(self._fill).failure(self._load_failed).run()

    def _load_failed(self, exc) -> None:
        self._loading = False
        show_error(self, exc)

    def _fill_combo(self, combo, first: str, items) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, None if combo is not self.cohort_combo else ALL_COHORTS)
        for value, label in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)

    def _fill(self, result) -> None:
        rows, any_at_all, self.choices = result
        department, facility = self._pending
        # before the first load the combo is empty: the window's current cohort is the default
        cohort = (
            self.cohort_combo.currentData() if self.cohort_combo.count() else self.window_.current_cohort_id
        )
        self._fill_combo(self.cohort_combo, "모든 기수", self.choices.cohorts)
        self.cohort_combo.setCurrentIndex(max(self.cohort_combo.findData(cohort), 0))
        self._fill_combo(self.department_combo, "모든 부서", self.choices.departments)
        self._fill_combo(self.facility_combo, "모든 시설", [(f, n) for f, n, _d in self.choices.facilities])
        for combo, value in ((self.department_combo, department), (self.facility_combo, facility)):
            if value is not None:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(value), 0))
                combo.blockSignals(False)
        self._pending = (None, None)
        keep = self._select_id or (self.selected().id if self.selected() else None)
        self._select_id = None
        self.rows = rows
        self._fill_table(rows)
        self.empty_label.setText(NO_MATCH_TEXT if any_at_all else EMPTY_TEXT)
        self.list_stack.setCurrentIndex(0 if rows else 1)
        overdue = sum(r.overdue for r in rows)
        self.count_label.setText(
            f"{len(rows)}건" + (f" · 기한 초과 {overdue}건" if overdue else "") if rows else ""
        )
        self._loading = False
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else None)
        if index is not None:
            self.table.blockSignals(True)
            self.table.selectRow(index)
            self.table.blockSignals(False)
        self.detail.show_proposal(rows[index].id if index is not None else None)  # reload it too
        if self._dirty:
            self.refresh()

    def _fill_table(self, rows) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, p in enumerate(rows):
            values = [
                f"{p.submitted_on:%Y-%m-%d}",
                p.title,
                p.facility_name or "–",
                p.department_name or "미지정",
                p.status.label,
                f"{p.due_on:%Y-%m-%d}" if p.due_on else "–",
                f"{p.answered_on:%Y-%m-%d}" if p.answered_on else "",
                str(p.days_to_answer) if p.days_to_answer is not None else "",
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c in (0, 4, 5, 6, 7):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if p.overdue:
                    cell.setBackground(OVERDUE_ROW)
                self.table.setItem(r, c, cell)
            bg, fg = status_brushes(p.status.value)
            self.table.item(r, 4).setBackground(bg)
            self.table.item(r, 4).setForeground(fg)
            if p.overdue:
                due = self.table.item(r, 5)
                due.setForeground(QColor(OVERDUE_TEXT))
                due.setText(due.text() + " 초과")
                due.setToolTip("처리 기한이 지났는데 부서 답변이 없습니다")
        self.table.blockSignals(False)

    # ----- selection and actions -----------------------------------------------------------
    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _on_selected(self) -> None:
        row = self.selected()
        self.detail.show_proposal(row.id if row else None)

    def new_proposal(self):
        from panelapp.gui.dialogs.proposal_dialog import open_new_proposal

        if self.window_.current_cohort_id is None:
            return None
        return open_new_proposal(self.window_)
