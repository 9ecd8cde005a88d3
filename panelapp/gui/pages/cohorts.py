"""기수·단 관리: every cohort with its term and head count; below, the selected cohort's teams."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from panelapp.domain.enums import CohortStatus
from panelapp.domain.errors import ConcurrencyError, NotFoundError
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.pages.cohort_teams import TeamsPanel

COLUMNS = ["기수", "이름", "기간", "발대식", "정원", "활동 인원", "상태"]
REFRESH_KINDS = {"cohort", "team", "member", "enrollment", "demo", "trash"}
_RIGHT = {4, 5}


def _row_values(c) -> list[str]:
    return [
        f"제{c.number}기",
        c.name,
        f"{c.term_start:%Y-%m-%d} ~ {c.term_end:%Y-%m-%d}",
        f"{c.launch_date:%Y-%m-%d}" if c.launch_date else "—",
        f"{c.quota}명" if c.quota else "—",
        f"{c.active_members}명",
        c.status.label,
    ]


class CohortsPage(QWidget):
    loaded = Signal()  # the cohort table is filled

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.cohorts: list = []
        self.dialog = None
        self._generation = 0
        self._select_after: int | None = None
        self._build()
        window.bus.changed.connect(self._on_data_changed)
        window.cohort_changed.connect(self._follow_window)
        self.refresh()

    def _build(self) -> None:
        col = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel("기수·단 관리")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        self.new_button, self.edit_button = QPushButton("새 기수"), QPushButton("수정")
        self.close_button, self.delete_button = QPushButton("종료 처리"), QPushButton("삭제")
        self.close_button.setToolTip("기수를 끝내고 활동 중인 단원을 모두 수료로 바꿉니다")
        self.delete_button.setToolTip("기수를 휴지통으로 옮깁니다 (되살릴 수 있습니다)")
        for button, slot in (
            (self.new_button, self.new_cohort),
            (self.edit_button, self.edit_cohort),
            (self.close_button, self.close_cohort),
            (self.delete_button, self.delete_cohort),
        ):
            button.clicked.connect(slot)
            head.addWidget(button)
        col.addLayout(head)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setStyleSheet("QTableWidget::item { padding: 0 8px; }")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for i in range(len(COLUMNS)):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_cohort())
        self.teams = TeamsPanel(self.window_)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.teams)
        split.setSizes([260, 380])
        col.addWidget(split, 1)

    # ----- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        from panelapp.services.cohorts.manage import list_cohorts

        self._generation += 1
        generation, ctx = self._generation, self.window_.ctx
        Op(self, lambda _t: list_cohorts(ctx)).success(lambda rows: self._fill(rows, generation)).run()

    def _fill(self, cohorts: list, generation: int) -> None:
        if generation != self._generation or not isValid(self.table):
            return  # a newer load is on its way, or the page was closed meanwhile
        current = self.selected_cohort()
        keep = self._select_after or (current.id if current else self.window_.current_cohort_id)
        self._select_after = None
        self.cohorts = cohorts
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(cohorts))
        for row, c in enumerate(cohorts):
            for column, value in enumerate(_row_values(c)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                if column in _RIGHT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        ids = [c.id for c in cohorts]
        if cohorts:
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self.table.blockSignals(False)
        self._on_selection()
        self.loaded.emit()

    def selected_cohort(self):
        rows = self.table.selectionModel().selectedRows()
        return self.cohorts[rows[0].row()] if rows and rows[0].row() < len(self.cohorts) else None

    def _on_selection(self) -> None:
        cohort = self.selected_cohort()
        self.edit_button.setEnabled(cohort is not None)
        self.delete_button.setEnabled(cohort is not None)
        self.close_button.setEnabled(cohort is not None and cohort.status != CohortStatus.CLOSED)
        self.teams.set_cohort(cohort)

    def _follow_window(self, cohort_id) -> None:
        ids = [c.id for c in self.cohorts]
        if cohort_id in ids and (self.selected_cohort() is None or self.selected_cohort().id != cohort_id):
            self.table.selectRow(ids.index(cohort_id))

    def _on_data_changed(self, kind: str, _ids) -> None:
        if kind in REFRESH_KINDS:
            self.refresh()

    # ----- actions -------------------------------------------------------------------------
    def new_cohort(self) -> None:
        self._open_dialog(None)

    def edit_cohort(self) -> None:
        if (cohort := self.selected_cohort()) is not None:
            self._open_dialog(cohort)

    def _open_dialog(self, cohort) -> None:
        from panelapp.gui.dialogs.cohort_dialog import CohortDialog

        dlg = CohortDialog(self.window_, cohort)
        dlg.accepted.connect(lambda: self._changed(dlg.result_info.id))
        # After a conflict the dialog shows the other user's version; the list must follow.
        dlg.rejected.connect(self.refresh)
        self.dialog = dlg
        dlg.open()

    def _changed(self, cohort_id: int) -> None:
        self._select_after = cohort_id
        self.window_.bus.emit_changed("cohort", [cohort_id])

    def close_cohort(self) -> None:
        from panelapp.services.cohorts.manage import close_cohort

        c = self.selected_cohort()
        if c is None or c.status == CohortStatus.CLOSED:
            return
        answer = QMessageBox.question(
            self,
            "기수 종료 처리",
            f"제{c.number}기 '{c.name}'을(를) 종료 처리할까요?\n\n"
            f"활동 중인 단원 {c.active_members}명이 모두 '수료'로 바뀌고 기수 상태는 '종료'가 됩니다. "
            "이미 탈퇴한 단원은 그대로입니다.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx = self.window_.ctx
        Op(self, lambda _t: close_cohort(ctx, c.id, c.version), write=True).success(
            lambda info: self._changed(info.id)
        ).failure(self._write_failed).run()

    def delete_cohort(self) -> None:
        from panelapp.services.cohorts.manage import delete_cohort

        c = self.selected_cohort()
        if c is None:
            return
        answer = QMessageBox.question(
            self,
            "기수 삭제",
            f"제{c.number}기 '{c.name}'을(를) 휴지통으로 옮길까요?\n\n"
            "목록과 기수 선택에서 사라지지만 단원과 활동 기록은 지워지지 않으며, 휴지통에서 되살릴 수 있습니다.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx = self.window_.ctx
        Op(self, lambda _t: delete_cohort(ctx, c.id, c.version), write=True).success(
            lambda _r: self.window_.bus.emit_changed("cohort", [c.id])
        ).failure(self._write_failed).run()

    def _write_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        if isinstance(exc, (ConcurrencyError, NotFoundError)):
            self.refresh()
