"""참여단원 page: the cohort roster with search, filters, masked phones and member actions.

Id-based: the enrolment ids come filtered and sorted from SQL, the rows by id as they are
painted, their hours and rate from a worker (gui/models/late_stats.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from panelapp.domain.enums import EnrollmentStatus
from panelapp.gui.core.ops import Op
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import offered
from panelapp.gui.models.roster import COLUMNS, RosterModel
from panelapp.gui.pages.roster_actions import RosterActions
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Kind

_WIDTHS = [110, 120, 60, 130, 150, 60, 100, 80, 80]


@dataclass(frozen=True)
class _Loaded:
    cohort_id: int | None
    ids: list[int]
    total: int
    teams: list  # TeamInfo of the cohort, for the team filter


class RosterPage(RosterActions, Page):
    kinds = frozenset(
        {Kind.MEMBER, Kind.ENROLLMENT, Kind.TEAM, Kind.ATTENDANCE, Kind.EVENT, Kind.CONTENT, Kind.TRASH}
    )

    def __init__(self, window):
        super().__init__(window)
        self.sort_key, self.descending = "name", False
        self.total = 0
        self.dialog = None  # the member / withdraw dialog currently open
        self._reveal_purpose: str | None = None
        self._teams_cohort: int | None = None  # the cohort whose teams the filter lists
        self.model = RosterModel(self._fetch_rows, self, fetch_stats=self._fetch_stats)
        self.model.sortRequested.connect(self._on_sort)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self._build()
        window.cohort_changed.connect(self._on_cohort)
        self._enable_for_cohort()

    @property
    def cohort_id(self) -> int | None:
        return self.window_.current_cohort_id

    def _build(self) -> None:
        col = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel("참여단원")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.count_label = QLabel()
        set_tone(self.count_label, "hint")
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.count_label)
        head.addStretch(1)
        col.addLayout(head)

        filters = QHBoxLayout()
        self.search = QLineEdit(placeholderText="이름, 전화번호(뒷자리), 거주지, 이메일로 검색")
        self.search.setAccessibleName("참여단원 검색")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName("단")
        self.team_combo.addItem("모든 단", None)
        self.team_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName("상태")
        self.status_combo.addItem("모든 상태", None)
        for status in EnrollmentStatus:
            self.status_combo.addItem(status.label, status.value)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.reveal_button = QPushButton("전화번호 보기", checkable=True)
        self.reveal_button.setToolTip("가려진 전화번호를 모두 보여 줍니다. 열람 목적이 접근 기록에 남습니다.")
        self.reveal_button.toggled.connect(self._on_reveal)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.team_combo)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.reveal_button)
        col.addLayout(filters)

        buttons = QHBoxLayout()
        self.add_button = QPushButton("단원 추가")
        self.edit_button = QPushButton("수정")
        self.withdraw_button = QPushButton("탈퇴 처리")
        self.delete_button = QPushButton("삭제")
        for button, slot in (
            (self.add_button, self.add_member),
            (self.edit_button, self.edit_member),
            (self.withdraw_button, self.withdraw_member),
            (self.delete_button, self.delete_member),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.import_button = QPushButton("파일에서 불러오기")
        self.import_button.setToolTip("Excel(.xlsx)·CSV 명단을 검사한 뒤 한 번에 등록합니다.")
        self.export_button = QPushButton("명단 내보내기")
        self.import_button.clicked.connect(self.import_from_file)
        self.export_button.clicked.connect(self.export_roster)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        self.signin_button = QPushButton("서명부 인쇄…")
        self.signin_button.setToolTip("행사를 골라 번호·이름·소속 단·서명 칸이 있는 서명부(PDF)를 만듭니다.")
        self.signin_button.clicked.connect(self.print_signin_sheet)
        buttons.addWidget(self.signin_button)
        col.addLayout(buttons)

        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setAccessibleName("참여단원 목록")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        # Fixed row height: Qt never measures 100,000 rows (which would fetch them all).
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        for i, width in enumerate(_WIDTHS):
            header.resizeSection(i, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # 거주지 takes the slack
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._on_header_clicked)
        self.view.activated.connect(
            lambda _i: self.edit_member() if offered(self.edit_button) else None
        )  # Enter or a double click
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        col.addWidget(self.view, 1)
        self.empty_label = QLabel(
            "아직 등록된 단원이 없습니다. [단원 추가] 또는 [파일에서 불러오기]로 등록하세요."
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("font-size: 11pt; padding: 24px;")
        set_tone(self.empty_label, "hint")
        self.empty_label.hide()
        col.addWidget(self.empty_label)
        self._update_buttons()

    # ----- loading -------------------------------------------------------------------------
    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.people.roster import roster_rows

        return roster_rows(self.ctx, ids, stats=False)

    def _fetch_stats(self, ids: list[int]) -> dict:
        from panelapp.services.activities.stats import block_stats

        return block_stats(self.ctx, ids)

    def query(self):
        from panelapp.services.people.roster import RosterQuery

        status = self.status_combo.currentData()
        # A new cohort has other teams: its first load lists them all.
        team = self.team_combo.currentData() if self.cohort_id == self._teams_cohort else None
        return RosterQuery(
            self.cohort_id,
            self.search.text(),
            team,
            EnrollmentStatus(status) if status else None,
            self.sort_key,
            self.descending,
        )

    def load(self):
        self._debounce.stop()
        ctx, cohort_id = self.ctx, self.cohort_id
        if cohort_id is None:
            return None
        from panelapp.services.cohorts.manage import list_teams
        from panelapp.services.people.roster import roster_ids, roster_total

        query = self.query()
        return lambda: _Loaded(
            cohort_id, roster_ids(ctx, query), roster_total(ctx, cohort_id), list_teams(ctx, cohort_id)
        )

    def apply(self, result: _Loaded | None) -> None:
        self._enable_for_cohort()
        if result is None:
            self.total = 0
            self.model.set_ids([])
            self._show_counts(0)
            self._update_buttons()
            return
        self._fill_teams(result.teams, result.cohort_id)
        selected = self.selected_id()
        self.total = result.total
        self.model.set_ids(result.ids)
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            self.view.selectRow(row)
        self._show_counts(len(result.ids))
        self._update_buttons()

    def _fill_teams(self, teams, cohort_id: int) -> None:
        keep = self.team_combo.currentData() if cohort_id == self._teams_cohort else None
        self._teams_cohort = cohort_id
        self.team_combo.blockSignals(True)
        while self.team_combo.count() > 1:
            self.team_combo.removeItem(1)
        for team in teams:
            self.team_combo.addItem(team.name, team.id)
        index = self.team_combo.findData(keep)
        self.team_combo.setCurrentIndex(max(index, 0))
        self.team_combo.blockSignals(False)
        if keep is not None and index < 0:
            self.mark_stale()  # the team filtered on is gone: list everyone

    def _enable_for_cohort(self) -> None:
        for button in (self.add_button, self.import_button, self.export_button, self.signin_button):
            button.setEnabled(self.cohort_id is not None)

    def _on_cohort(self, cohort_id: int | None) -> None:
        self._enable_for_cohort()
        if self.model.reveal and cohort_id is not None:
            self._log_reveal()

    def _show_counts(self, shown: int) -> None:
        self.count_label.setText(f"전체 {self.total:,}명 · 표시 {shown:,}명")
        self.empty_label.setVisible(self.cohort_id is not None and self.total == 0)

    def _on_header_clicked(self, section: int) -> None:
        key = COLUMNS[section][1]
        self.descending = (not self.descending) if key == self.sort_key else False
        self.sort_key = key
        order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
        self.view.horizontalHeader().setSortIndicator(section, order)
        self.refresh()

    def _on_sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.refresh()

    # ----- phones --------------------------------------------------------------------------
    def _on_reveal(self, checked: bool) -> None:
        if not checked:
            self.model.set_reveal(False)
            return
        if self._reveal_purpose is None:
            purpose, ok = QInputDialog.getText(
                self,
                "전화번호 보기",
                "전화번호를 보는 목적을 적어 주세요.\n(열람 기록에 남습니다)",
                text="활동 안내 연락",
            )
            if not ok or not purpose.strip():
                self.reveal_button.blockSignals(True)
                self.reveal_button.setChecked(False)
                self.reveal_button.blockSignals(False)
                return
            self._reveal_purpose = purpose.strip()
        self.model.set_reveal(True)
        self._log_reveal()

    def _log_reveal(self) -> None:
        from panelapp.services.people.members import record_reveal

        ctx, cohort_id, purpose = self.ctx, self.cohort_id, self._reveal_purpose
        if ctx is not None and cohort_id is not None and purpose:
            Op(self, lambda _t: record_reveal(ctx, cohort_id, purpose), write=True).run()
