"""개선제안 page: the filtered list of a cohort's proposals above the selected one in full.

A cohort can hold 200,000 proposals: the list is id-based (gui/models/id_table.py), filtered,
sorted and counted in SQL (services/proposals/listing.py), and nothing is queried while the page
is hidden. Newest first, the first screen comes from a quick LIMIT query while the full list is
sorted. Overdue rows and the status column are coloured through the model's foreground.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from panelapp.domain.enums import ProposalStatus, UserRole
from panelapp.domain.josa import quoted
from panelapp.gui.core.ops import Op
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import for_rights
from panelapp.gui.dashboard_links import NO_DEPARTMENT
from panelapp.gui.dialogs.proposal_bulk_dialog import BUTTON_TEXT as BULK_TEXT
from panelapp.gui.dialogs.proposal_bulk_dialog import BUTTON_TIP as BULK_TIP
from panelapp.gui.models.id_table import CENTER, RIGHT, Column, IdTableModel
from panelapp.gui.operations.list_export import (
    BUTTON_TEXT,
    export_to_excel,
    filter_conditions,
    sort_condition,
)
from panelapp.gui.pages.big_register import BigRegister
from panelapp.gui.pages.proposal_detail import ProposalDetailView
from panelapp.gui.proposal_style import OVERDUE_COLOR, status_color
from panelapp.services.changes import Changes, Kind

EMPTY_TEXT = "등록된 개선제안이 없습니다. [새 제안]을 누르거나 발견사항에서 '개선제안 만들기'로 시작하세요."
READ_EMPTY_TEXT = "등록된 개선제안이 없습니다. 담당자가 개선제안을 등록하면 여기에 나옵니다."
DEPARTMENT_EMPTY_TEXT = (
    "이 부서에 온 개선제안이 없습니다. 담당자가 이 부서로 개선제안을 보내면 여기에 나오고, 골라서 답변합니다."
)
NO_MATCH_TEXT = "조건에 맞는 개선제안이 없습니다. 필터를 바꿔 보세요."
OWN_DEPARTMENT_TIP = "부서 담당자는 자기 부서의 개선제안만 봅니다"
OVERDUE_TIP = "처리 기한이 지났는데 부서 답변이 없습니다"
ALL_COHORTS = -1
FIRST_SCREEN = 300


def _status(p) -> str:
    """A duplicate (listed with 중복 포함) says whose, in the narrow column; its status is the tip."""
    return p.status.label if p.duplicate_of_id is None else f"중복(#{p.duplicate_of_id})"


def _status_tip(p) -> str | None:
    if p.duplicate_of_id is None:
        return None
    return f"#{p.duplicate_of_id}의 중복으로 표시된 제안 (상태: {p.status.label}, 집계에서 빠짐)"


def _due(p) -> str:
    if p.due_on is None:
        return "–"
    return f"{p.due_on:%Y-%m-%d}" + (" 초과" if p.overdue else "")


COLUMNS = [
    Column("접수일", "submitted", lambda p: f"{p.submitted_on:%Y-%m-%d}", width=96, align=CENTER),
    # The title is what a coordinator scans for: it keeps a readable width and takes the slack.
    Column("제목", "title", lambda p: p.title, width=300, stretch=True, tooltip=lambda p: p.title),
    Column("시설", "facility", lambda p: p.facility_name or "–", width=170),
    Column("담당부서", "department", lambda p: p.department_name or "미지정", width=120),
    Column(
        "상태",
        "status",
        _status,
        width=76,
        align=CENTER,
        tooltip=_status_tip,
        foreground=lambda p: status_color(p.status.value),
    ),
    Column(
        "처리 기한",
        "due",
        _due,
        width=112,
        align=CENTER,
        tooltip=lambda p: OVERDUE_TIP if p.overdue else None,
    ),
    Column(
        "답변일",
        "answered",
        lambda p: f"{p.answered_on:%Y-%m-%d}" if p.answered_on else "",
        width=96,
        align=CENTER,
    ),
    Column(
        "답변까지(근무일)",
        "days",
        lambda p: str(p.days_to_answer) if p.days_to_answer is not None else "",
        width=112,
        align=RIGHT,
    ),
]
HEADERS = [c.header for c in COLUMNS]


@dataclass(frozen=True)
class _Loaded:
    load: int
    ids: list[int]
    counts: object  # ProposalCounts
    choices: object | None  # FormChoices without proposers; None: the combos are still right
    carried: object | None = None  # CarriedSummary of the listed cohort (이월 과제), or None


class ProposalsPage(Page):
    # ATTACHMENT: the detail shows before/after photos (a removed one comes back with Ctrl+Z)
    kinds = frozenset(
        {
            Kind.PROPOSAL,
            Kind.PLAN,
            Kind.FINDING,
            Kind.ATTACHMENT,
            Kind.FACILITY,
            Kind.DEPARTMENT,
            Kind.COHORT,
            Kind.TRASH,
        }
    )

    def __init__(self, window):
        super().__init__(window)
        self.choices = None
        self._choices_stale = True
        self._load_no = 0
        self._full = False  # the newest load's full list is on screen (not only its first rows)
        self._select_id: int | None = None
        self.bulk_dialog = None  # what 여러 건 처리… last opened
        self._pending: tuple = (None, None)  # department/facility asked for before the combos fill
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("개선제안")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        bar = QHBoxLayout()
        self.cohort_combo, self.status_combo = QComboBox(), QComboBox()
        self.cohort_combo.setAccessibleName("기수")
        self.status_combo.setAccessibleName("상태")
        self.department_combo, self.facility_combo = QComboBox(), QComboBox()
        self.department_combo.setAccessibleName("담당부서")
        self.facility_combo.setAccessibleName("시설")
        self.status_combo.addItem("모든 상태", None)
        for s in ProposalStatus:
            self.status_combo.addItem(s.label, s)
        self.overdue_check = QCheckBox("기한 초과만")
        self.overdue_check.setToolTip(
            "처리 기한(시설·부서 → 답변 기한의 근무일)이 지났는데 부서 답변이 없는 제안"
        )
        self.search_edit = QLineEdit(placeholderText="제목·내용·답변 검색", clearButtonEnabled=True)
        self.search_edit.setAccessibleName("개선제안 검색")
        for w in (self.cohort_combo, self.status_combo, self.department_combo, self.facility_combo):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(7)
            w.currentIndexChanged.connect(lambda _i: self.refresh())
            bar.addWidget(w)
        self.cohort_combo.setMinimumContentsLength(12)
        self.facility_combo.setMinimumContentsLength(10)
        self.overdue_check.toggled.connect(lambda _c: self.refresh())
        bar.addWidget(self.overdue_check)
        self.duplicates_check = QCheckBox("중복 포함")
        self.duplicates_check.setToolTip("중복으로 표시된 제안도 보입니다 (기본: 빠짐, 집계에도 들지 않음)")
        self.duplicates_check.toggled.connect(lambda _c: self.refresh())
        bar.addWidget(self.duplicates_check)
        # 이월 과제 (제N기에서): the proposals the cohort before this one carried into its 차년도
        # 업무계획 (services/proposals/next_year.py); shown only when there are any
        self.carried = None
        self.carried_check = QCheckBox("이월 과제")
        self.carried_check.setToolTip(
            "앞 기수가 차년도 업무계획으로 이월한 제안만 봅니다 (그 기수의 제안으로 집계되고 이 기수 집계에는 들지 않음)"
        )
        self.carried_check.toggled.connect(lambda _c: self.refresh())
        self.carried_check.hide()
        bar.addWidget(self.carried_check)
        bar.addWidget(self.search_edit, 1)
        self.new_button = QPushButton("새 제안")
        self.new_button.clicked.connect(self.new_proposal)
        bar.addWidget(self.new_button)
        col.addLayout(bar)
        # List above, detail below: both get the page's full width at 1280 px.
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = IdTableModel(COLUMNS, self._fetch_rows, parent=self)
        self.model.row_foreground = lambda p: OVERDUE_COLOR if p.overdue else None
        self.register = BigRegister(
            self.model, sort=("submitted", True), selection=QAbstractItemView.SelectionMode.ExtendedSelection
        )
        self.register.view.setAccessibleName("개선제안 목록")
        self.register.sort_changed.connect(self.refresh)
        self.register.selection_changed.connect(self._on_selected)
        self.duplicate_action = QAction("중복으로 표시…", self.register.view)
        self.duplicate_action.triggered.connect(self.mark_selected_duplicate)
        self.register.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.register.view.addAction(self.duplicate_action)
        self.list_stack = self.register  # index 0: the list, 1: the empty-state text
        self.empty_label = self.register.empty_label
        splitter.addWidget(self.register)
        self.detail = ProposalDetailView(window)
        self.detail.stale.connect(self.mark_stale)
        self.detail.open_original = self._show_original
        splitter.addWidget(self.detail)
        splitter.setSizes([380, 360])
        col.addWidget(splitter, 1)
        self.count_label = QLabel()
        foot = QHBoxLayout()
        foot.addWidget(self.count_label, 1)
        self.export_button = QPushButton(BUTTON_TEXT)
        self.export_button.setToolTip("필터와 정렬 그대로 목록을 엑셀(.xlsx)로 저장합니다")
        self.export_button.clicked.connect(lambda: self.export_excel())
        foot.addWidget(self.export_button)
        self.bulk_button = QPushButton(BULK_TEXT)
        self.bulk_button.setToolTip(BULK_TIP)
        self.bulk_button.clicked.connect(lambda: self.open_bulk())
        foot.insertWidget(1, self.bulk_button)
        from panelapp.gui.dialogs.next_year_plan_dialog import BUTTON_TEXT as PLAN_TEXT
        from panelapp.gui.dialogs.next_year_plan_dialog import BUTTON_TIP as PLAN_TIP

        self.plan_button = QPushButton(PLAN_TEXT)
        self.plan_button.setToolTip(PLAN_TIP + " (고른 기수가 종료했거나 석 달 안에 끝날 때)")
        self.plan_button.clicked.connect(lambda: self.open_plan())
        self.plan_dialog: Any = None  # what 차년도 업무계획… last opened
        foot.insertWidget(2, self.plan_button)
        col.addLayout(foot)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        window.cohort_changed.connect(self._on_cohort)

    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.proposals.listing import proposal_rows

        return proposal_rows(self.ctx, ids)

    # ----- filters -------------------------------------------------------------------------
    def apply_filter(
        self, status=None, department_id=None, facility_id=None, overdue=None, carried=False
    ) -> None:
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
        self.carried_check.blockSignals(True)
        self.carried_check.setChecked(bool(carried))
        self.carried_check.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._set_cohort(self.window_.current_cohort_id)
        self.refresh()

    def show_record(self, proposal_id: int) -> None:
        """From the global search: the current cohort unfiltered, the proposal selected."""
        self._select_id = proposal_id
        self.apply_filter()

    def _set_cohort(self, cohort_id) -> None:
        self.cohort_combo.blockSignals(True)
        index = self.cohort_combo.findData(cohort_id)
        if index < 0:
            self.cohort_combo.addItem("현재 기수", cohort_id)
            index = self.cohort_combo.count() - 1
        self.cohort_combo.setCurrentIndex(index)
        self.cohort_combo.blockSignals(False)

    def query(self):
        from panelapp.services.proposals.queries import ProposalQuery

        cohort = (
            self.cohort_combo.currentData() if self.cohort_combo.count() else self.window_.current_cohort_id
        )
        department, facility = self._pending
        status = self.status_combo.currentData()  # Qt returns str-valued enums as str
        department = self.department_combo.currentData() if department is None else department
        return ProposalQuery(
            None if cohort == ALL_COHORTS else cohort,
            ProposalStatus(status) if status else None,
            None if department == NO_DEPARTMENT else department,
            self.facility_combo.currentData() if facility is None else facility,
            self.overdue_check.isChecked(),
            self.search_edit.text(),
            no_department=department == NO_DEPARTMENT,
            with_duplicates=self.duplicates_check.isChecked(),
            carried_from=self._carried_from(),
        )

    def _carried_from(self) -> int | None:
        """The cohort whose carried items the 이월 과제 tick lists (-1: ticked, none known yet)."""
        if not self.carried_check.isChecked():
            return None
        return self.carried.from_cohort_id if self.carried is not None else -1

    def _listed_cohort(self):
        cohort = (
            self.cohort_combo.currentData() if self.cohort_combo.count() else self.window_.current_cohort_id
        )
        return self.window_.current_cohort_id if cohort == ALL_COHORTS else cohort

    # ----- loading -------------------------------------------------------------------------
    def _on_cohort(self, cohort_id) -> None:
        self._set_cohort(cohort_id)  # the base marks the page stale

    def relevant(self, changes: Changes) -> bool:
        if changes.touches({Kind.FACILITY, Kind.DEPARTMENT, Kind.COHORT, Kind.TRASH}):
            self._choices_stale = True
        ids = changes.ids_of(Kind.PROPOSAL)
        if Kind.PROPOSAL in changes.kinds and ids:
            self._select_id = min(ids)  # a proposal just made or moved: show it
        return super().relevant(changes)

    def load(self):
        from panelapp.services.proposals.drafts import form_choices
        from panelapp.services.proposals.listing import proposal_counts, proposal_ids

        self._search_timer.stop()
        self._load_no += 1
        self._full = False
        ctx, query, no = self.ctx, self.query(), self._load_no
        sort = (self.register.sort_key or "submitted", self.register.descending)
        choices = self._choices_stale or self.choices is None
        cohort = self.window_.current_cohort_id
        listed = self._listed_cohort()
        if sort[0] == "submitted" and not query.text.strip() and query.carried_from is None:
            Op(self, lambda _t: proposal_ids(ctx, query, *sort, limit=FIRST_SCREEN)).success(
                lambda ids: self._first_screen(no, ids)
            ).run()

        def work() -> _Loaded:
            from dataclasses import replace

            from panelapp.services.proposals.next_year import carried_into

            carried = carried_into(ctx, listed)
            q = query
            if q.carried_from is not None:  # the tick follows the listed cohort's summary
                q = replace(q, carried_from=carried.from_cohort_id if carried is not None else -1)
            return _Loaded(
                no,
                proposal_ids(ctx, q, *sort),
                proposal_counts(ctx, q),
                form_choices(ctx, cohort, with_proposers=False) if choices else None,
                carried,
            )

        return work

    def _fill_combo(self, combo, first: str, items) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, None if combo is not self.cohort_combo else ALL_COHORTS)
        for value, label in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)

    def _fill_choices(self, choices) -> None:
        # before the first load the combo is empty: the window's current cohort is the default
        cohort = (
            self.cohort_combo.currentData() if self.cohort_combo.count() else self.window_.current_cohort_id
        )
        self._fill_combo(self.cohort_combo, "모든 기수", choices.cohorts)
        self.cohort_combo.setCurrentIndex(max(self.cohort_combo.findData(cohort), 0))
        self._fill_departments(choices.departments)
        self._fill_combo(self.facility_combo, "모든 시설", [(f, n) for f, n, _d in choices.facilities])

    def _own_department_only(self) -> bool:
        return self.ctx is not None and self.ctx.role is UserRole.DEPARTMENT

    def _fill_departments(self, departments) -> None:
        """Every department to filter by; a 부서 담당자's own only, fixed (the services show
        them no other: services/permissions.department_scope)."""
        combo, own = self.department_combo, self._own_department_only()
        if not own:
            self._fill_combo(combo, "모든 부서", [*departments, (NO_DEPARTMENT, "미지정")])
        else:
            combo.blockSignals(True)
            combo.clear()
            for value, label in departments:  # (form_choices gives theirs alone)
                combo.addItem(label, value)
            if not combo.count():
                combo.addItem("담당부서 없음", 0)  # an account without one sees nothing
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        combo.setEnabled(not own)
        combo.setToolTip(OWN_DEPARTMENT_TIP if own else "")

    def empty_text(self) -> str:
        """What an empty list says: how to make a proposal only to whoever may."""
        otherwise = DEPARTMENT_EMPTY_TEXT if self._own_department_only() else READ_EMPTY_TEXT
        return for_rights(self.new_button, EMPTY_TEXT, otherwise)

    def apply(self, result: _Loaded) -> None:
        if result.choices is not None:
            if result.choices != self.choices:
                self._fill_choices(result.choices)
            self.choices, self._choices_stale = result.choices, False
        department, facility = self._pending
        for combo, value in ((self.department_combo, department), (self.facility_combo, facility)):
            if value is not None:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(value), 0))
                combo.blockSignals(False)
        self._pending = (None, None)
        self._show_carried(result.carried)
        select, self._select_id = self._select_id, None
        self._full = True
        self.register.blockSignals(True)  # the detail follows once, below
        empty = NO_MATCH_TEXT if result.counts.any_at_all else self.empty_text()
        self.register.set_ids(result.ids, empty + self._carried_hint(), select)
        self.register.blockSignals(False)
        overdue = result.counts.overdue
        self.count_label.setText(
            f"{len(result.ids):,}건" + (f" · 기한 초과 {overdue:,}건" if overdue else "")
            if result.ids
            else ""
        )
        self._on_selected()  # reload it too

    def _carried_hint(self) -> str:
        """An empty list of the next cohort says where the items carried into it are."""
        carried = self.carried
        if carried is None or self.carried_check.isChecked():
            return ""
        return (
            f" 제{carried.from_number}기에서 이월된 과제 {carried.count:,}건은 "
            f"{quoted(carried.label, '를')} 체크하면 보입니다."
        )

    def _show_carried(self, carried) -> None:
        """The 이월 과제 tick names the cohort it comes from and its count; hidden when none."""
        self.carried = carried
        self.carried_check.setVisible(carried is not None)
        if carried is None:
            self.carried_check.blockSignals(True)
            self.carried_check.setChecked(False)
            self.carried_check.blockSignals(False)
            return
        self.carried_check.setText(f"{carried.label} {carried.count:,}건")

    def open_plan(self):
        """차년도 업무계획… of the listed cohort (the window's when 모든 기수 is chosen)."""
        from panelapp.gui.dialogs.next_year_plan_dialog import open_plan

        cohort = self._listed_cohort()
        if cohort is None:
            return None
        return open_plan(self, cohort)

    def _first_screen(self, no: int, ids: list[int]) -> None:
        if no != self._load_no or self._full or not self.is_loading or not ids:
            return
        self.register.blockSignals(True)
        self.register.set_ids(ids, NO_MATCH_TEXT, self._select_id)
        self.register.blockSignals(False)
        self.count_label.setText("불러오는 중…")
        self.first_shown.emit()

    # ----- selection and actions -----------------------------------------------------------
    def selected(self):
        return self.register.selected()

    def _on_selected(self) -> None:
        self.detail.show_proposal(self.register.selected_id())
        self.bulk_button.setEnabled(bool(self.register.selected_ids()))

    def open_bulk(self):
        """여러 건 처리…: the selected proposals answered or moved at once (issue 14 item 5)."""
        from panelapp.gui.dialogs.proposal_bulk_dialog import open_bulk

        return open_bulk(self)

    def _show_original(self, proposal_id: int) -> None:
        """원본 보기: select the original in the list (its detail follows), or show it alone."""
        if not self.register.select_id(proposal_id):
            self.detail.show_proposal(proposal_id)

    def mark_selected_duplicate(self):
        """The list's context action: 중복으로 표시… (or 중복 표시 해제) of the selected proposal."""
        if self.register.selected_id() is None or self.detail.detail is None:
            return None
        if self.detail.detail.id != self.register.selected_id():
            return None  # its detail is still loading
        return self.detail.toggle_duplicate()

    def export_excel(self):
        """The list as filtered and sorted, to .xlsx; 제안자 masked unless a purpose is given."""
        from panelapp.services.proposals.export import TITLE, export_proposals

        ctx, query = self.ctx, self.query()
        sort = (self.register.sort_key or "submitted", self.register.descending)
        all_cohorts = self.cohort_combo.currentData() == ALL_COHORTS
        cohort = "전체 기수" if all_cohorts else self.cohort_combo.currentText()
        conditions = [
            *filter_conditions(
                ("기수", cohort),
                ("상태", self.status_combo if self.status_combo.currentIndex() else None),
                (
                    "담당부서",
                    self.department_combo if self.department_combo.currentData() is not None else None,
                ),
                ("시설", self.facility_combo if self.facility_combo.currentIndex() else None),
                ("기한 초과만", self.overdue_check),
                ("중복 포함", self.duplicates_check),
                ("이월 과제", self.carried_check),
                ("검색어", self.search_edit),
            ),
            sort_condition(COLUMNS, *sort),
        ]
        return export_to_excel(
            self,
            title=TITLE,
            cohort=cohort,
            extra="전체기수" if all_cohorts else None,
            personal="제안자 이름",
            rows=self.register.row_count() if self._full else None,
            run=lambda path, purpose, token: export_proposals(
                ctx, query, *sort, path, purpose=purpose, conditions=conditions, token=token
            ),
        )

    def new_proposal(self):
        from panelapp.gui.dialogs.proposal_dialog import open_new_proposal

        if self.window_.current_cohort_id is None:
            from panelapp.gui.operations.cohort_first import say_cohort_first

            say_cohort_first(self.window_, "개선제안")
            return None
        return open_new_proposal(self.window_)
