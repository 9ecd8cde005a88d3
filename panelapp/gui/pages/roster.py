"""참여단원 page: the cohort roster with search, filters, masked phones and member actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
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
    QWidget,
)

from panelapp.domain.enums import EnrollmentStatus
from panelapp.gui.core.ops import Op
from panelapp.gui.models.roster import COLUMNS, RosterModel
from panelapp.gui.pages.roster_actions import RosterActions

REFRESH_KINDS = {"member", "enrollment", "team", "attendance", "event", "demo", "trash"}
_WIDTHS = [110, 120, 60, 130, 150, 60, 100, 80, 80]


class RosterPage(RosterActions, QWidget):
    loaded = Signal()  # the id list for the current filters is in the model

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.cohort_id: int | None = None
        self.sort_key, self.descending = "name", False
        self.total = 0
        self.dialog = None  # the member / withdraw dialog currently open
        self._reveal_purpose: str | None = None
        self._generation = 0
        self._total_stale = True  # the unfiltered count changes with the cohort or the data
        self.model = RosterModel(self._fetch_rows, self)
        self.model.sortRequested.connect(self._on_sort)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self._build()
        window.cohort_changed.connect(self.set_cohort)
        window.bus.changed.connect(self._on_data_changed)

    def _build(self) -> None:
        col = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel("참여단원")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555;")
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.count_label)
        head.addStretch(1)
        col.addLayout(head)

        filters = QHBoxLayout()
        self.search = QLineEdit(placeholderText="이름, 전화번호(뒷자리), 거주지, 이메일로 검색")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.team_combo = QComboBox()
        self.team_combo.addItem("모든 단", None)
        self.team_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status_combo = QComboBox()
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
        col.addLayout(buttons)

        self.view = QTableView()
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
        self.view.doubleClicked.connect(lambda _i: self.edit_member())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        col.addWidget(self.view, 1)
        self.empty_label = QLabel(
            "아직 등록된 단원이 없습니다. [단원 추가] 또는 [파일에서 불러오기]로 등록하세요."
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #666; font-size: 11pt; padding: 24px;")
        self.empty_label.hide()
        col.addWidget(self.empty_label)
        self._update_buttons()

    # ----- loading -------------------------------------------------------------------------
    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.people.roster import roster_rows

        return roster_rows(self.window_.ctx, ids)

    def query(self):
        from panelapp.services.people.roster import RosterQuery

        status = self.status_combo.currentData()
        return RosterQuery(
            self.cohort_id,
            self.search.text(),
            self.team_combo.currentData(),
            EnrollmentStatus(status) if status else None,
            self.sort_key,
            self.descending,
        )

    def set_cohort(self, cohort_id: int | None) -> None:
        self.cohort_id = cohort_id
        self._total_stale = True
        for button in (self.add_button, self.import_button, self.export_button):
            button.setEnabled(cohort_id is not None)
        self._load_teams()
        self.refresh()
        if self.model.reveal and cohort_id is not None:
            self._log_reveal()

    def _load_teams(self) -> None:
        from panelapp.services.cohorts.manage import list_teams

        ctx, cohort_id = self.window_.ctx, self.cohort_id
        if ctx is None or cohort_id is None:
            return
        Op(self, lambda _t: list_teams(ctx, cohort_id)).success(self._fill_teams).run()

    def _fill_teams(self, teams) -> None:
        keep = self.team_combo.currentData()
        self.team_combo.blockSignals(True)
        while self.team_combo.count() > 1:
            self.team_combo.removeItem(1)
        for team in teams:
            self.team_combo.addItem(team.name, team.id)
        index = self.team_combo.findData(keep)
        self.team_combo.setCurrentIndex(max(index, 0))
        self.team_combo.blockSignals(False)
        if keep is not None and index < 0:
            self.refresh()

    def refresh(self) -> None:
        """Re-query the ids for the current filters (off the UI thread); stale answers are dropped."""
        self._debounce.stop()
        ctx = self.window_.ctx
        if ctx is None or self.cohort_id is None:
            self.model.set_ids([])
            self._show_counts(0)
            return
        from panelapp.services.people.roster import roster_ids, roster_total

        self._generation += 1
        generation, query, count = self._generation, self.query(), self._total_stale
        Op(
            self, lambda _t: (roster_ids(ctx, query), roster_total(ctx, query.cohort_id) if count else None)
        ).success(lambda result: self._apply(generation, *result)).run()

    def _apply(self, generation: int, ids: list[int], total: int | None) -> None:
        if generation != self._generation:
            return
        selected = self.selected_id()
        if total is not None:
            self.total, self._total_stale = total, False
        self.model.set_ids(ids)
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            self.view.selectRow(row)
        self._show_counts(len(ids))
        self._update_buttons()
        self.loaded.emit()

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

    def _on_data_changed(self, kind: str, _ids) -> None:
        if kind in REFRESH_KINDS:
            self._total_stale = True
            if kind in ("team", "demo", "trash"):
                self._load_teams()
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

        ctx, cohort_id, purpose = self.window_.ctx, self.cohort_id, self._reveal_purpose
        if ctx is not None and cohort_id is not None and purpose:
            Op(self, lambda _t: record_reveal(ctx, cohort_id, purpose), write=True).run()
