"""기수·단 관리: every cohort with its term and head count; below, the selected cohort's teams."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.enums import CohortStatus
from panelapp.domain.errors import ConcurrencyError, NotFoundError
from panelapp.domain.josa import quoted
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import for_rights, offered
from panelapp.gui.models.id_table import RIGHT, Column, IdTableModel, configure_view
from panelapp.gui.operations.trash import move_to_trash
from panelapp.gui.pages.cohort_teams import TeamsPanel
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Kind


def _may_carry(cohort) -> bool:
    """The rule of services/proposals/next_year.may_carry, on the listed row."""
    from panelapp.domain.localtime import today_local
    from panelapp.services.proposals.next_year import ENDING_DAYS

    return cohort.status == CohortStatus.CLOSED or (cohort.term_end - today_local()).days <= ENDING_DAYS


COLUMNS = [
    Column("기수", None, lambda c: f"제{c.number}기", width=60),
    Column("이름", None, lambda c: c.name, stretch=True),
    Column("기간", None, lambda c: f"{c.term_start:%Y-%m-%d} ~ {c.term_end:%Y-%m-%d}", width=190),
    Column("발대식", None, lambda c: f"{c.launch_date:%Y-%m-%d}" if c.launch_date else "—", width=100),
    Column("정원", None, lambda c: f"{c.quota:,}명" if c.quota else "—", width=80, align=RIGHT),
    Column("활동 인원", None, lambda c: f"{c.active_members:,}명", width=90, align=RIGHT),
    Column("상태", None, lambda c: c.status.label, width=70),
]


EMPTY_TEXT = "기수가 없습니다. [새 기수]로 만드세요."
READ_EMPTY_TEXT = "기수가 없습니다. 담당자가 기수를 만들면 여기에 나옵니다."


class CohortsPage(Page):
    kinds = frozenset({Kind.COHORT, Kind.TEAM, Kind.MEMBER, Kind.ENROLLMENT, Kind.TRASH})
    follows_cohort = False  # it lists every cohort; the window's choice only moves the selection

    def __init__(self, window):
        super().__init__(window)
        self.dialog = None
        self._select_after: int | None = None
        self.model = IdTableModel(COLUMNS, self._fetch_rows, parent=self)
        self._build()
        window.cohort_changed.connect(self._follow_window)

    def empty_text(self) -> str:
        return for_rights(self.new_button, EMPTY_TEXT, READ_EMPTY_TEXT)

    def _build(self) -> None:
        col = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel("기수·단 관리")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        self.new_button, self.edit_button = QPushButton("새 기수"), QPushButton("수정")
        self.close_button, self.delete_button = QPushButton("종료 처리"), QPushButton("삭제")
        self.close_button.setToolTip(
            "기수를 끝내고 활동 중인 단원을 모두 수료로 바꿉니다 (끝나면 미완료 채택 제안의 차년도 이월을 묻습니다)"
        )
        from panelapp.gui.dialogs.next_year_plan_dialog import BUTTON_TEXT, BUTTON_TIP

        self.plan_button = QPushButton(BUTTON_TEXT)
        self.plan_button.setToolTip(BUTTON_TIP + " (종료했거나 활동 종료일이 석 달 안인 기수)")
        self.plan_dialog: Any = None  # what 차년도 업무계획… last opened
        self.delete_button.setToolTip("기수를 휴지통으로 옮깁니다 (되살릴 수 있습니다)")
        for button, slot in (
            (self.new_button, self.new_cohort),
            (self.edit_button, self.edit_cohort),
            (self.close_button, self.close_cohort),
            (self.plan_button, self.open_plan),
            (self.delete_button, self.delete_cohort),
        ):
            button.clicked.connect(slot)
            head.addWidget(button)
        col.addLayout(head)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("기수 목록")
        configure_view(self.table, self.model, sortable=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.table.activated.connect(
            lambda _i: self.edit_cohort() if offered(self.edit_button) else None
        )  # Enter or a double click
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setStyleSheet("padding: 12px;")
        set_tone(self.empty_label, "hint")
        self.empty_label.hide()
        self.teams = TeamsPanel(self.window_)
        top = QWidget()
        top_col = QVBoxLayout(top)
        top_col.setContentsMargins(0, 0, 0, 0)
        top_col.addWidget(self.table, 1)
        top_col.addWidget(self.empty_label)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.teams)
        split.setSizes([260, 380])
        col.addWidget(split, 1)
        self._on_selection()

    # ----- loading -------------------------------------------------------------------------
    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.cohorts.manage import cohort_rows

        return cohort_rows(self.ctx, ids)

    def load(self):
        from panelapp.services.cohorts.manage import cohort_ids

        ctx = self.ctx
        return lambda: cohort_ids(ctx)

    def apply(self, ids: list[int]) -> None:
        current = self.selected_cohort()
        keep = self._select_after or (current.id if current else self.window_.current_cohort_id)
        self._select_after = None
        self.table.selectionModel().blockSignals(True)
        self.model.set_ids(ids)
        if ids:
            self.table.selectRow(max(self.model.row_of(keep), 0) if keep is not None else 0)
        self.table.selectionModel().blockSignals(False)
        self.empty_label.setText(self.empty_text())
        self.empty_label.setVisible(not ids)
        self._on_selection()

    @property
    def cohorts(self) -> list:
        """The listed cohorts (a handful: one a year), in order."""
        return [row for row in (self.model.row_at(i) for i in range(self.model.rowCount())) if row]

    def selected_cohort(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selection(self) -> None:
        cohort = self.selected_cohort()
        self.edit_button.setEnabled(cohort is not None)
        self.delete_button.setEnabled(cohort is not None)
        self.close_button.setEnabled(cohort is not None and cohort.status != CohortStatus.CLOSED)
        self.plan_button.setEnabled(cohort is not None and _may_carry(cohort))
        self.teams.set_cohort(cohort)

    def _follow_window(self, cohort_id) -> None:
        row = self.model.row_of(cohort_id) if cohort_id is not None else -1
        current = self.selected_cohort()
        if row >= 0 and (current is None or current.id != cohort_id):
            self.table.selectRow(row)

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
        dlg.rejected.connect(self.mark_stale)
        self.dialog = dlg
        open_dialog(dlg)

    def _changed(self, cohort_id: int) -> None:
        self._select_after = cohort_id  # selected when the reload the op announces comes in

    def close_cohort(self) -> None:
        from panelapp.services.cohorts.manage import close_cohort

        c = self.selected_cohort()
        if c is None or c.status == CohortStatus.CLOSED:
            return
        answer = QMessageBox.question(
            self,
            "기수 종료 처리",
            f"제{c.number}기 {quoted(c.name, '을')} 종료 처리할까요?\n\n"
            f"활동 중인 단원 {c.active_members}명이 모두 '수료'로 바뀌고 기수 상태는 '종료'가 됩니다. "
            "이미 탈퇴한 단원은 그대로입니다.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx = self.window_.ctx
        Op(self, lambda _t: close_cohort(ctx, c.id, c.version), write=True).success(self._closed).failure(
            self._write_failed
        ).run()

    def _closed(self, info) -> None:
        """After 종료 처리: offer to carry the adopted proposals not yet done (if there are any)."""
        from panelapp.services.proposals.next_year import plan_sheet

        self._changed(info.id)
        ctx = self.window_.ctx
        Op(self, lambda _t: plan_sheet(ctx, info.id)).success(self._offer_plan).failure(
            lambda exc: show_error(self, exc)
        ).run()

    def _offer_plan(self, sheet) -> None:
        from panelapp.gui.dialogs.next_year_plan_dialog import NextYearPlanDialog

        if not sheet.candidates:
            return
        dialog = NextYearPlanDialog(self.window_, self.window_.ctx, sheet)
        self.plan_dialog = dialog
        open_dialog(dialog)

    def open_plan(self):
        """차년도 업무계획… of the selected (ended or ending) cohort."""
        from panelapp.gui.dialogs.next_year_plan_dialog import open_plan

        c = self.selected_cohort()
        if c is None:
            return None
        return open_plan(self, c.id)

    def delete_cohort(self) -> None:
        from panelapp.services.cohorts.manage import delete_cohort

        c, ctx = self.selected_cohort(), self.window_.ctx
        if c is None:
            return
        move_to_trash(
            self,
            "기수 삭제",
            f"제{c.number}기 {quoted(c.name, '을')} 휴지통으로 옮길까요?\n\n"
            "목록과 기수 선택에서 사라지지만 단원과 활동 기록은 지워지지 않으며, 휴지통에서 되살릴 수 있습니다.",
            lambda _t: delete_cohort(ctx, c.id, c.version),
            f"제{c.number}기 {quoted(c.name, '을')} 휴지통으로 옮겼습니다.",
            on_failure=self._after_failure,
        )

    def _write_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._after_failure(exc)

    def _after_failure(self, exc: BaseException) -> None:
        if isinstance(exc, (ConcurrencyError, NotFoundError)):
            self.mark_stale()
