"""발견사항 page: the cohort's findings, filtered by severity, category, facility, whether a
proposal was made from them, and text. The dashboard opens it pre-filtered (`apply_filter`)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.enums import FindingCategory, Severity
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.pages.register_table import RegisterTable

HEADERS = ["날짜", "시설", "제목", "분류", "심각도", "위치", "사진 수", "제안"]
EMPTY_TEXT = "기록된 발견사항이 없습니다. 점검 일정에서 점검을 고르고 [결과 입력]에서 발견사항을 추가하거나, [발견사항 추가]를 누르세요."
NO_MATCH_TEXT = "조건에 맞는 발견사항이 없습니다. 필터를 바꿔 보세요."
RELOAD_KINDS = {"finding", "attachment", "proposal", "inspection", "facility", "trash", "demo", "result"}
SEVERITY_COLOURS = {Severity.URGENT: "#c62828", Severity.HIGH: "#e65100", Severity.MEDIUM: "#8d6e00"}
PROPOSAL_CHOICES = (("제안 연결 전체", None), ("제안 없음", True), ("제안 있음", False))


class FindingsPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.findings: list = []
        self.inspections: list = []
        self._dirty, self._loading = True, False
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("발견사항")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(placeholderText="제목·위치·내용 검색", clearButtonEnabled=True)
        self.severity_combo, self.category_combo = QComboBox(), QComboBox()
        self.facility_combo, self.proposal_combo = QComboBox(), QComboBox()
        self.severity_combo.addItem("모든 심각도", None)
        for label, value in Severity.choices():
            self.severity_combo.addItem(label, value)
        self.category_combo.addItem("모든 분류", None)
        for label, value in FindingCategory.choices():
            self.category_combo.addItem(label, value)
        self.facility_combo.addItem("모든 시설", None)
        self.facility_combo.setMinimumContentsLength(10)
        for label, value in PROPOSAL_CHOICES:
            self.proposal_combo.addItem(label, value)
        bar.addWidget(self.search_edit, 1)
        for combo in (self.severity_combo, self.category_combo, self.facility_combo, self.proposal_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            bar.addWidget(combo)
        col.addLayout(bar)
        self.register = RegisterTable(HEADERS, stretch=2, centered=(0, 3, 4, 6, 7))
        self.register.activated.connect(lambda _r: self.edit_selected())
        self.register.selection_changed.connect(self._update_buttons)
        col.addWidget(self.register, 1)
        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.add_button, self.edit_button, self.delete_button = (
            QPushButton("발견사항 추가"),
            QPushButton("수정"),
            QPushButton("삭제"),
        )
        for button, slot in (
            (self.add_button, self.add),
            (self.edit_button, self.edit_selected),
            (self.delete_button, self.delete_selected),
        ):
            button.setMinimumWidth(96)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        # Several findings (Ctrl/Shift-click) can become one proposal.
        self.register.table.setSelectionMode(self.register.table.SelectionMode.ExtendedSelection)
        self.proposal_button = QPushButton("개선제안 만들기")
        self.proposal_button.setToolTip("고른 발견사항으로 개선제안을 씁니다(Ctrl·Shift로 여러 개 선택)")
        self.proposal_button.clicked.connect(lambda _c=False: self.make_proposal())
        row.insertWidget(2, self.proposal_button)
        col.addLayout(row)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        window.bus.changed.connect(self._on_changed)
        window.cohort_changed.connect(lambda _c: self._on_changed("cohort", None))
        self._update_buttons()

    # ----- filters -----------------------------------------------------------------------
    def apply_filter(self, severity=None, category=None, facility_id=None, without_proposal=None) -> None:
        """Show only what the dashboard clicked; the other filters are cleared."""
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        for combo, value in (
            (self.severity_combo, severity),
            (self.category_combo, category),
            (self.proposal_combo, without_proposal),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.facility_combo.blockSignals(True)
        index = self.facility_combo.findData(facility_id)
        if index < 0 and facility_id is not None:
            self.facility_combo.addItem("(선택한 시설)", facility_id)
            index = self.facility_combo.count() - 1
        self.facility_combo.setCurrentIndex(max(index, 0))
        self.facility_combo.blockSignals(False)
        self.refresh()

    def query(self):
        from panelapp.services.findings.manage import FindingQuery

        return FindingQuery(
            self.window_.current_cohort_id,
            self.severity_combo.currentData(),
            self.category_combo.currentData(),
            self.facility_combo.currentData(),
            self.proposal_combo.currentData(),
            self.search_edit.text(),
        )

    # ----- loading -----------------------------------------------------------------------
    def _on_changed(self, kind: str, _ids) -> None:
        if kind in RELOAD_KINDS or kind == "cohort":
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        from panelapp.services.findings.manage import FindingQuery, list_findings
        from panelapp.services.inspections.scheduling import InspectionQuery, list_inspections

        cohort_id = self.window_.current_cohort_id
        if self._loading or cohort_id is None:
            self._dirty = True
            return
        self._dirty, self._loading, ctx, query = False, True, self.window_.ctx, self.query()
        Op(
            self,
            lambda _t: (
                list_findings(ctx, query),
                bool(list_findings(ctx, FindingQuery(cohort_id))),
                list_inspections(ctx, InspectionQuery(cohort_id)),
            ),
        ).success(self._fill).failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)

    def _fill(self, result) -> None:
        rows, any_at_all, self.inspections = result
        keep = self.facility_combo.currentData()
        facilities = sorted({(i.facility_name, i.facility_id) for i in self.inspections})
        self.facility_combo.blockSignals(True)
        self.facility_combo.clear()
        self.facility_combo.addItem("모든 시설", None)
        for name, fid in facilities:
            self.facility_combo.addItem(name, fid)
        self.facility_combo.setCurrentIndex(max(self.facility_combo.findData(keep), 0))
        self.facility_combo.blockSignals(False)
        selected = self.selected()
        self.findings = rows
        self.register.set_rows(
            [
                [
                    f"{f.observed_on:%Y-%m-%d}",
                    f.facility_name,
                    f.title,
                    f.category.label,
                    f.severity.label,
                    f.location or "",
                    str(f.photo_count) if f.photo_count else "",
                    "있음" if f.has_proposal else "없음",
                ]
                for f in rows
            ],
            [False] * len(rows),
            NO_MATCH_TEXT if any_at_all else EMPTY_TEXT,
            select=next((i for i, f in enumerate(rows) if selected and f.id == selected.id), 0),
        )
        for r, f in enumerate(rows):
            colour = SEVERITY_COLOURS.get(f.severity)
            if colour:
                self.register.table.item(r, 4).setForeground(QColor(colour))
        urgent = sum(1 for f in rows if f.severity == Severity.URGENT and not f.has_proposal)
        self.count_label.setText(
            f"{len(rows)}건" + (f" · 제안 없는 긴급 {urgent}건" if urgent else "") if rows else ""
        )
        self._loading = False
        self._update_buttons()
        if self._dirty:
            self.refresh()

    # ----- actions -----------------------------------------------------------------------
    def selected(self):
        row = self.register.selected_row()
        return self.findings[row] if row is not None and row < len(self.findings) else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.proposal_button.setEnabled(has)

    def make_proposal(self):
        from panelapp.gui.dialogs.proposal_dialog import open_new_proposal

        rows = sorted({i.row() for i in self.register.table.selectionModel().selectedRows()})
        ids = [self.findings[r].id for r in rows if r < len(self.findings)]
        return open_new_proposal(self.window_, ids) if ids else None

    def add(self):
        from panelapp.gui.dialogs.finding_dialog import FindingDialog, inspection_choices

        choices = inspection_choices(self.inspections)
        if not choices:
            QMessageBox.information(
                self, "발견사항 추가", "이 기수에 점검이 없습니다. 점검 일정에서 점검을 먼저 만들어 주세요."
            )
            return None
        dialog = FindingDialog(self.window_, choices)
        dialog.open()
        return dialog

    def edit_selected(self):
        from panelapp.gui.dialogs.finding_dialog import open_finding

        f = self.selected()
        return open_finding(self.window_, f.id) if f is not None else None

    def delete_selected(self) -> None:
        from panelapp.services.findings.manage import delete_finding

        f = self.selected()
        if (
            f is None
            or QMessageBox.question(
                self,
                "발견사항 삭제",
                f"'{f.title}' 발견사항을 삭제할까요?\n휴지통에서 복원하거나 Ctrl+Z로 되돌릴 수 있습니다.",
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        ctx, window = self.window_.ctx, self.window_

        def done(record) -> None:
            if window.undo_stack is not None:
                window.undo_stack.push(record)
            window.statusBar().showMessage(f"'{f.title}' 발견사항을 삭제했습니다.", 5000)
            window.bus.emit_changed("finding", [f.id])

        def failed(exc) -> None:
            show_error(self, exc)
            window.bus.emit_changed("finding", None)

        Op(self, lambda _t: delete_finding(ctx, f.id, f.version), write=True).success(done).failure(
            failed
        ).run()
