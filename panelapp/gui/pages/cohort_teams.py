"""The teams (단) of the cohort selected on the 기수·단 관리 page, with add / edit / delete.

A cohort has a handful of teams: a plain table widget. The page reloads it (set_cohort) after
every change its ops announce."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from panelapp.domain.errors import ConcurrencyError, NotFoundError
from panelapp.domain.josa import quoted
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.operations.trash import move_to_trash

COLUMNS = ["이름", "종류", "단장", "인원", "설명"]


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class TeamsPanel(QWidget):
    loaded = Signal()  # the table shows the teams of the current cohort

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.cohort = None
        self.teams: list = []
        self.dialog = None
        self._generation = 0
        self._select_after: int | None = None
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = QLabel("단")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        head.addWidget(self.title)
        head.addStretch(1)
        self.add_button, self.edit_button = QPushButton("단 추가"), QPushButton("수정")
        self.delete_button = QPushButton("삭제")
        for button, slot in (
            (self.add_button, self.add_team),
            (self.edit_button, self.edit_team),
            (self.delete_button, self.delete_team),
        ):
            button.clicked.connect(slot)
            head.addWidget(button)
        col.addLayout(head)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("단 목록")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setStyleSheet("QTableWidget::item { padding: 0 8px; }")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for i in range(len(COLUMNS)):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_team())
        col.addWidget(self.table, 1)
        self._update_buttons()

    def set_cohort(self, cohort) -> None:
        self.cohort = cohort
        self.title.setText(f"{cohort.name}의 단" if cohort else "단 (위에서 기수를 고르세요)")
        self.refresh()

    def refresh(self) -> None:
        from panelapp.services.cohorts.manage import list_teams

        self._generation += 1
        generation, ctx = self._generation, self.window_.ctx
        if self.cohort is None:
            self._fill([], generation)
            return
        cohort_id = self.cohort.id
        Op(self, lambda _t: list_teams(ctx, cohort_id)).success(
            lambda teams: self._fill(teams, generation)
        ).run()

    def _fill(self, teams: list, generation: int) -> None:
        if generation != self._generation or not isValid(self.table):
            return  # a newer load is on its way, or the page was closed meanwhile
        current = self.selected_team()
        keep = self._select_after or (current.id if current else None)
        self._select_after = None
        self.teams = teams
        self.table.clearSelection()
        self.table.setRowCount(len(teams))
        for row, t in enumerate(teams):
            values = [t.name, t.kind.label, t.leader_name or "—", f"{t.member_count}명", t.description or ""]
            for c, value in enumerate(values):
                self.table.setItem(row, c, _item(value, align_right=c == 3))
            if t.id == keep:
                self.table.selectRow(row)
        self._update_buttons()
        self.loaded.emit()

    def selected_team(self):
        rows = self.table.selectionModel().selectedRows()
        return self.teams[rows[0].row()] if rows and rows[0].row() < len(self.teams) else None

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.cohort is not None)
        has = self.selected_team() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # ----- actions -------------------------------------------------------------------------
    def add_team(self) -> None:
        self._open_dialog(None)

    def edit_team(self) -> None:
        if (team := self.selected_team()) is not None:
            self._open_dialog(team)

    def _open_dialog(self, team) -> None:
        from panelapp.gui.dialogs.team_dialog import TeamDialog

        if self.cohort is None:
            return
        dlg = TeamDialog(self.window_, self.cohort.id, team, self.cohort.name)
        dlg.accepted.connect(lambda: self._saved(dlg.result_info.id))
        self.dialog = dlg
        open_dialog(dlg)

    def _saved(self, team_id: int) -> None:
        self._select_after = team_id  # the op announces the team; the page's reload selects it
        self.refresh()

    def delete_team(self) -> None:
        from panelapp.services.cohorts.manage import delete_team

        team, ctx = self.selected_team(), self.window_.ctx
        if team is None:
            return
        move_to_trash(
            self,
            "단 삭제",
            f"{quoted(team.name, '을')} 휴지통으로 옮길까요?\n\n소속 단원 {team.member_count}명은 지워지지 않고 "
            "'미배정'으로 보입니다. 휴지통에서 단을 되살리면 원래대로 돌아갑니다.",
            lambda _t: delete_team(ctx, team.id, team.version),
            f"{quoted(team.name, '을')} 휴지통으로 옮겼습니다.",
            on_failure=self._after_failure,
        )

    def _write_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._after_failure(exc)

    def _after_failure(self, exc: BaseException) -> None:
        if isinstance(exc, (ConcurrencyError, NotFoundError)):
            self.refresh()
