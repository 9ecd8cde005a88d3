"""발견사항 page: the cohort's findings, filtered by severity, category, facility, whether a
proposal was made from them, and text. The dashboard opens it pre-filtered (`apply_filter`),
the global search on one finding (`show_record`).

A cohort can hold a million findings: the list is id-based (gui/models/id_table.py), filtered
and sorted in SQL (services/findings/listing.py). Newest first, the first screen is shown from
a quick LIMIT query while the full id list is still being sorted; the counts under the list
come from their own query, after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from panelapp.domain.enums import FindingCategory, Severity
from panelapp.gui.core.buttons import WideButton
from panelapp.gui.core.ops import Op
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import for_rights, offered
from panelapp.gui.models.id_table import CENTER, Column, IdTableModel
from panelapp.gui.operations.list_export import (
    BUTTON_TEXT,
    cohort_text,
    export_to_excel,
    filter_conditions,
    sort_condition,
)
from panelapp.gui.operations.trash import UNDO_HINT, move_to_trash
from panelapp.gui.pages.big_register import BigRegister
from panelapp.gui.palette import live
from panelapp.services.changes import Changes, Kind

EMPTY_TEXT = "기록된 발견사항이 없습니다. 점검 일정에서 점검을 고르고 [결과 입력]에서 발견사항을 추가하거나, [발견사항 추가]를 누르세요."
READ_EMPTY_TEXT = "기록된 발견사항이 없습니다. 점검 결과를 입력할 때 적은 발견사항이 여기에 나옵니다."
NO_MATCH_TEXT = "조건에 맞는 발견사항이 없습니다. 필터를 바꿔 보세요."
SEVERITY_COLOURS = {
    Severity.URGENT: live("severity.urgent"),
    Severity.HIGH: live("severity.high"),
    Severity.MEDIUM: live("severity.medium"),
}
PROPOSAL_CHOICES = (("제안 연결 전체", None), ("제안 없음", True), ("제안 있음", False))
FIRST_SCREEN = 300  # rows shown from the quick query while the full list is sorted

COLUMNS = [
    Column("날짜", "date", lambda f: f"{f.observed_on:%Y-%m-%d}", width=96, align=CENTER),
    Column("시설", "facility", lambda f: f.facility_name, width=170),
    Column("제목", "title", lambda f: f.title, width=260, stretch=True, tooltip=lambda f: f.title),
    Column("분류", "category", lambda f: f.category.label, width=76, align=CENTER),
    Column(
        "심각도",
        "severity",
        lambda f: f.severity.label,
        width=92,
        align=CENTER,
        foreground=lambda f: SEVERITY_COLOURS.get(f.severity),
    ),
    Column("위치", "location", lambda f: f.location or "", width=150),
    Column(
        "사진 수", "photos", lambda f: str(f.photo_count) if f.photo_count else "", width=64, align=CENTER
    ),
    Column("제안", "proposal", lambda f: "있음" if f.has_proposal else "없음", width=60, align=CENTER),
]
HEADERS = [c.header for c in COLUMNS]


@dataclass(frozen=True)
class _Loaded:
    load: int  # which load this answers (head and counts ops check it)
    ids: list[int]
    facilities: list[tuple[int, str]] | None  # None: the combo's list is still right
    filtered: bool


class FindingsPage(Page):
    kinds = frozenset(
        {
            Kind.FINDING,
            Kind.ATTACHMENT,
            Kind.PROPOSAL,
            Kind.INSPECTION,
            Kind.FACILITY,
            Kind.TRASH,
            Kind.RESULT,
        }
    )

    def __init__(self, window):
        super().__init__(window)
        self._load_no = 0
        self._facilities_for: int | None = None  # the cohort whose facilities fill the combo
        self._select_after: int | None = None  # show_record: the finding to select once listed
        self._counts = None  # FindingCounts of the newest load, once they arrived
        self._shown: int | None = None  # rows of the newest load (None: only the first screen)
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("발견사항")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(placeholderText="제목·위치·내용 검색", clearButtonEnabled=True)
        self.search_edit.setAccessibleName("발견사항 검색")
        self.severity_combo, self.category_combo = QComboBox(), QComboBox()
        self.severity_combo.setAccessibleName("심각도")
        self.category_combo.setAccessibleName("분류")
        self.facility_combo, self.proposal_combo = QComboBox(), QComboBox()
        self.facility_combo.setAccessibleName("시설")
        self.proposal_combo.setAccessibleName("제안 연결")
        self.severity_combo.addItem("모든 심각도", None)
        for label, value in Severity.choices():
            self.severity_combo.addItem(label, value)
        self.category_combo.addItem("모든 분류", None)
        for label, value in FindingCategory.choices():
            self.category_combo.addItem(label, value)
        self.facility_combo.addItem("모든 시설", None)
        self.facility_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.facility_combo.setMinimumContentsLength(12)
        for label, value in PROPOSAL_CHOICES:
            self.proposal_combo.addItem(label, value)
        bar.addWidget(self.search_edit, 1)
        for combo in (self.severity_combo, self.category_combo, self.facility_combo, self.proposal_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            bar.addWidget(combo)
        col.addLayout(bar)
        self.model = IdTableModel(COLUMNS, self._fetch_rows, parent=self)
        # Several findings (Ctrl/Shift-click) can become one proposal.
        self.register = BigRegister(
            self.model, sort=("date", True), selection=QAbstractItemView.SelectionMode.ExtendedSelection
        )
        self.register.view.setAccessibleName("발견사항 목록")
        self.register.sort_changed.connect(self.refresh)
        self.register.activated.connect(
            lambda _id: self.edit_selected() if offered(self.edit_button) else self.view_selected()
        )
        self.register.selection_changed.connect(self._update_buttons)
        col.addWidget(self.register, 1)
        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.add_button, self.proposal_button = WideButton("발견사항 추가"), WideButton("개선제안 만들기")
        self.edit_button, self.delete_button = WideButton("수정"), WideButton("삭제")
        self.proposal_button.setToolTip("고른 발견사항으로 개선제안을 씁니다(Ctrl·Shift로 여러 개 선택)")
        for button, slot in (
            (self.add_button, self.add),
            (self.proposal_button, self.make_proposal),
            (self.edit_button, self.edit_selected),
            (self.delete_button, self.delete_selected),
        ):
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        self.export_button = QPushButton(BUTTON_TEXT)
        self.export_button.setToolTip("필터와 정렬 그대로 목록을 엑셀(.xlsx)로 저장합니다")
        self.export_button.clicked.connect(lambda: self.export_excel())
        row.insertWidget(1, self.export_button)  # beside the count: it writes what is counted
        col.addLayout(row)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self._update_buttons()

    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.findings.listing import finding_rows

        return finding_rows(self.ctx, ids)

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

    def show_record(self, finding_id: int) -> None:
        """From the global search: every filter cleared, the finding selected and in view."""
        self._select_after = finding_id
        self.apply_filter()

    def query(self):
        from panelapp.services.findings.queries import FindingQuery

        return FindingQuery(
            self.window_.current_cohort_id,
            self.severity_combo.currentData(),
            self.category_combo.currentData(),
            self.facility_combo.currentData(),
            self.proposal_combo.currentData(),
            self.search_edit.text(),
        )

    # ----- loading -----------------------------------------------------------------------
    def relevant(self, changes: Changes) -> bool:
        if changes.touches({Kind.INSPECTION, Kind.FACILITY, Kind.TRASH}):
            self._facilities_for = None  # a visit or facility changed: the combo may too
        return super().relevant(changes)

    def load(self):
        from panelapp.services.findings.listing import finding_counts, finding_facilities, finding_ids

        self._search_timer.stop()
        self._load_no += 1
        self._counts, self._shown = None, None
        query, ctx, no = self.query(), self.ctx, self._load_no
        if query.cohort_id is None:
            return None
        sort = (self.register.sort_key or "date", self.register.descending)
        facilities_for = query.cohort_id if self._facilities_for != query.cohort_id else None
        filtered = query != type(query)(query.cohort_id)
        if sort[0] == "date" and not query.text.strip():
            Op(self, lambda _t: finding_ids(ctx, query, *sort, limit=FIRST_SCREEN)).success(
                lambda ids: self._first_screen(no, ids, filtered)
            ).run()
        Op(self, lambda _t: finding_counts(ctx, query)).success(lambda c: self._counts_arrived(no, c)).run()

        def work() -> _Loaded:
            facilities = finding_facilities(ctx, facilities_for) if facilities_for is not None else None
            return _Loaded(no, finding_ids(ctx, query, *sort), facilities, filtered)

        return work

    def apply(self, result: _Loaded | None) -> None:
        if result is None:  # no cohort
            self.register.set_ids([], self.empty_text())
            self.count_label.setText("")
            self._update_buttons()
            return
        if result.facilities is not None:
            self._fill_facilities(result.facilities)
            self._facilities_for = self.window_.current_cohort_id
        select, self._select_after = self._select_after, None
        self.register.set_ids(result.ids, self._empty_text(result.filtered), select=select)
        self._shown = len(result.ids)
        self._show_counts()
        self._update_buttons()

    def _first_screen(self, no: int, ids: list[int], filtered: bool) -> None:
        if no != self._load_no or self._shown is not None or not self.is_loading:
            return  # the full list is here already, or a newer load is on its way
        self.register.set_ids(ids, self._empty_text(filtered), select=self._select_after)
        self._show_counts()
        self._update_buttons()
        self.first_shown.emit()

    def _counts_arrived(self, no: int, counts) -> None:
        if no != self._load_no:
            return
        self._counts = counts
        if not counts.any_in_cohort:
            self.register.empty_label.setText(self.empty_text())
        self._show_counts()

    def _empty_text(self, filtered: bool) -> str:
        if self._counts is not None and not self._counts.any_in_cohort:
            return self.empty_text()
        return NO_MATCH_TEXT if filtered else self.empty_text()

    def empty_text(self) -> str:
        return for_rights(self.add_button, EMPTY_TEXT, READ_EMPTY_TEXT)

    def _show_counts(self) -> None:
        if self._shown is None:
            self.count_label.setText("불러오는 중…")
            return
        if not self._shown:
            self.count_label.setText("")
            return
        urgent = self._counts.urgent_without_proposal if self._counts is not None else 0
        self.count_label.setText(f"{self._shown:,}건" + (f" · 제안 없는 긴급 {urgent:,}건" if urgent else ""))

    def _fill_facilities(self, facilities: list[tuple[int, str]]) -> None:
        keep = self.facility_combo.currentData()
        self.facility_combo.blockSignals(True)
        self.facility_combo.clear()
        self.facility_combo.addItem("모든 시설", None)
        for fid, name in facilities:
            self.facility_combo.addItem(name, fid)
        index = self.facility_combo.findData(keep)
        if index < 0 and keep is not None:  # asked for by the dashboard, not visited (yet)
            self.facility_combo.addItem("(선택한 시설)", keep)
            index = self.facility_combo.count() - 1
        self.facility_combo.setCurrentIndex(max(index, 0))
        self.facility_combo.blockSignals(False)

    # ----- actions -----------------------------------------------------------------------
    def selected(self):
        return self.register.selected()

    def selected_ids(self) -> list[int]:
        return self.register.selected_ids()

    def _update_buttons(self) -> None:
        has = bool(self.register.selected_ids())
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.proposal_button.setEnabled(has)
        self.add_button.setEnabled(self.window_.current_cohort_id is not None)

    def export_excel(self):
        """The list as filtered and sorted, to .xlsx (on a worker; a million rows stream)."""
        from panelapp.services.findings.export import TITLE, export_findings

        if self.window_.current_cohort_id is None:
            return None
        ctx, query = self.ctx, self.query()
        sort = (self.register.sort_key or "date", self.register.descending)
        cohort = cohort_text(self.window_)
        conditions = [
            *filter_conditions(
                ("기수", cohort),
                ("검색어", self.search_edit),
                ("심각도", self.severity_combo if self.severity_combo.currentIndex() else None),
                ("분류", self.category_combo if self.category_combo.currentIndex() else None),
                ("시설", self.facility_combo if self.facility_combo.currentIndex() else None),
                ("제안", self.proposal_combo if self.proposal_combo.currentIndex() else None),
            ),
            sort_condition(COLUMNS, *sort),
        ]
        return export_to_excel(
            self,
            title=TITLE,
            cohort=cohort,
            rows=self._shown,
            personal="내용 속 단원 이름",
            run=lambda path, purpose, token: export_findings(
                ctx, query, *sort, path, purpose=purpose, conditions=conditions, token=token
            ),
        )

    def make_proposal(self):
        from panelapp.gui.dialogs.proposal_dialog import open_new_proposal

        ids = self.selected_ids()
        return open_new_proposal(self.window_, ids) if ids else None

    def add(self) -> Op | None:
        """Load the cohort's visits (a light list), then open the dialog."""
        from panelapp.gui.dialogs.finding_dialog import open_new_finding

        cohort_id = self.window_.current_cohort_id
        if cohort_id is None:
            from panelapp.gui.operations.cohort_first import say_cohort_first

            say_cohort_first(self.window_, "발견사항")
            return None
        return open_new_finding(self.window_, cohort_id, self)

    def edit_selected(self):
        from panelapp.gui.dialogs.finding_dialog import open_finding

        f = self.selected()
        return open_finding(self.window_, f.id, stale=self.mark_stale) if f is not None else None

    def view_selected(self):
        """Double-click by an account that may not change findings (열람자, or a 점검 조장 on
        another's visit): the finding whole, read-only — the list shows only its first line."""
        from panelapp.gui.dialogs.finding_dialog import open_finding

        f = self.selected()
        return open_finding(self.window_, f.id, view_only=True) if f is not None else None

    def delete_selected(self) -> None:
        from panelapp.services.findings.manage import delete_finding

        f, ctx = self.selected(), self.ctx
        if f is None:
            return
        move_to_trash(
            self,
            "발견사항 삭제",
            f"'{f.title}' 발견사항을 삭제할까요?\n{UNDO_HINT}",
            lambda _t: delete_finding(ctx, f.id, f.version),
            f"'{f.title}' 발견사항을 삭제했습니다.",
        )
