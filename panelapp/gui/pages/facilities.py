"""시설·부서 page: the facility register and the departments that manage facilities."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import for_rights, offered
from panelapp.gui.models.id_table import CENTER, GREY, Column, IdTableModel
from panelapp.gui.operations.list_export import (
    BUTTON_TEXT,
    export_to_excel,
    filter_conditions,
    sort_condition,
)
from panelapp.gui.operations.trash import RESTORE_HINT, move_to_trash
from panelapp.gui.pages.departments_tab import DepartmentsTab
from panelapp.gui.pages.register_table import RegisterView, register_actions
from panelapp.services.changes import Kind

COLUMNS = [
    Column("시설명", "name", lambda f: f.name, width=200, tooltip=lambda f: f.notes or None),
    Column("유형", "type", lambda f: f.type_name or "–", width=90, align=CENTER),
    Column("주소", "address", lambda f: f.address or "", stretch=True),
    Column("담당부서", "department", lambda f: f.department_name or "", width=140),
    Column("연락처", "contact", lambda f: f.contact or "", width=130),
    Column("사용", "active", lambda f: "사용" if f.active else "중지", width=60, align=CENTER),
]
HEADERS = [c.header for c in COLUMNS]
EMPTY_TEXT = "등록된 시설이 없습니다. [시설 추가]로 시작하세요."
READ_EMPTY_TEXT = "등록된 시설이 없습니다. 담당자가 시설을 등록하면 여기에 나옵니다."
NO_MATCH_TEXT = "조건에 맞는 시설이 없습니다. 검색어나 유형을 바꿔 보세요."


@dataclass(frozen=True)
class _Loaded:
    ids: list[int]
    total: int  # facilities in the register, whatever the filter
    types: list
    departments: list  # DepartmentInfo, for the facility dialog's choices
    department_ids: list[int]  # the 담당부서 tab's order


class FacilitiesPage(Page):
    kinds = frozenset({Kind.FACILITY, Kind.FACILITY_TYPE, Kind.DEPARTMENT, Kind.ORGANIZATION, Kind.TRASH})
    follows_cohort = False

    def __init__(self, window):
        super().__init__(window)
        self.types: list = []
        self.departments: list = []
        self._seeded = False
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("시설·부서")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_facility_tab(), "시설")
        self.departments_tab = DepartmentsTab(self)
        self.tabs.addTab(self.departments_tab, "담당부서")
        col.addWidget(self.tabs, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self._update_buttons()

    def _build_facility_tab(self) -> QWidget:
        tab = QWidget()
        col = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(placeholderText="시설명·주소 검색", clearButtonEnabled=True)
        self.search_edit.setAccessibleName("시설 검색")
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName("시설 유형")
        self.type_combo.setMinimumContentsLength(8)
        self.type_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.active_check = QCheckBox("사용 중만", checked=True)
        self.active_check.toggled.connect(lambda _c: self.refresh())
        self.types_button = QPushButton("유형 관리…")
        self.types_button.clicked.connect(self.manage_types)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.type_combo)
        bar.addWidget(self.active_check)
        bar.addWidget(self.types_button)
        col.addLayout(bar)
        self.model = IdTableModel(COLUMNS, self._fetch_rows)
        self.model.row_foreground = lambda f: GREY if not f.active else None
        self.register = RegisterView(self.model, sort=("name", False))
        self.register.view.setAccessibleName("시설 목록")
        self.register.sort_changed.connect(self.refresh)
        self.register.activated.connect(
            lambda _id: self.edit_selected() if offered(self.edit_button) else None
        )
        self.register.selection_changed.connect(self._update_buttons)
        col.addWidget(self.register, 1)
        row = register_actions(self, "시설 추가")
        self.export_button = QPushButton(BUTTON_TEXT)
        self.export_button.setToolTip("검색·유형·정렬 그대로 시설 목록을 엑셀(.xlsx)로 저장합니다")
        self.export_button.clicked.connect(lambda: self.export_excel())
        row.insertWidget(1, self.export_button)  # beside the count: it writes what is counted
        col.addLayout(row)
        return tab

    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.registers.facilities import facility_rows

        return facility_rows(self.ctx, ids)

    # ----- loading -----------------------------------------------------------------------
    def query(self):
        from panelapp.services.registers.facilities import FacilityQuery

        return FacilityQuery(
            self.search_edit.text(), self.type_combo.currentData(), self.active_check.isChecked()
        )

    def load(self):
        from panelapp.services.registers.departments import department_ids, list_departments
        from panelapp.services.registers.facilities import (
            ensure_default_facility_types,
            facility_count,
            facility_ids,
            list_facility_types,
        )

        ctx, query, seed = self.ctx, self.query(), not self._seeded
        sort = (self.register.sort_key, self.register.descending)
        dept_sort = (self.departments_tab.register.sort_key, self.departments_tab.register.descending)

        def work() -> _Loaded:
            if seed:
                ensure_default_facility_types(ctx)
            return _Loaded(
                facility_ids(ctx, query, *sort),
                facility_count(ctx),
                list_facility_types(ctx),
                list_departments(ctx),
                department_ids(ctx, *dept_sort),
            )

        return work

    def apply(self, result: _Loaded) -> None:
        self._seeded = True
        self.types, self.departments = result.types, result.departments
        keep = self.type_combo.currentData()
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem("모든 유형", None)
        for t in self.types:
            self.type_combo.addItem(t.name, t.id)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(keep), 0))
        self.type_combo.blockSignals(False)
        empty = for_rights(self.add_button, EMPTY_TEXT, READ_EMPTY_TEXT)
        self.register.set_ids(result.ids, NO_MATCH_TEXT if result.total else empty)
        self.count_label.setText(
            ""
            if not result.ids
            else f"{len(result.ids):,}곳"
            + (f" / 전체 {result.total:,}곳" if len(result.ids) != result.total else "")
        )
        self.departments_tab.show_ids(result.department_ids)
        self._update_buttons()

    # ----- actions -----------------------------------------------------------------------
    def selected(self):
        return self.register.selected()

    def _update_buttons(self) -> None:
        facility = self.selected()
        for button in (self.edit_button, self.toggle_button, self.delete_button):
            button.setEnabled(facility is not None)
        self.toggle_button.setText(
            "사용 재개" if facility is not None and not facility.active else "사용 중지"
        )

    def export_excel(self):
        """The facility list as searched, filtered and sorted, to .xlsx (no personal data)."""
        from panelapp.services.registers.export import FACILITY_TITLE, export_facilities

        ctx, query = self.ctx, self.query()
        sort = (self.register.sort_key or "name", self.register.descending)
        conditions = [
            *filter_conditions(
                ("검색어", self.search_edit),
                ("유형", self.type_combo if self.type_combo.currentIndex() else None),
                ("사용 중만", self.active_check),
            ),
            sort_condition(COLUMNS, *sort),
        ]
        return export_to_excel(
            self,
            title=FACILITY_TITLE,
            rows=self.register.row_count(),
            run=lambda path, _purpose, token: export_facilities(
                ctx, query, *sort, path, conditions=conditions, token=token
            ),
        )

    def open_dialog(self, facility=None):
        from panelapp.gui.dialogs.facility_dialog import FacilityDialog

        dialog = FacilityDialog(self.window_, self.types, self.departments, facility)
        dialog.stale.connect(self.mark_stale)
        return open_dialog(dialog)

    def add(self):
        return self.open_dialog()

    def edit_selected(self):
        facility = self.selected()
        return self.open_dialog(facility) if facility is not None else None

    def manage_types(self):
        from panelapp.gui.dialogs.facility_types_dialog import FacilityTypesDialog

        return open_dialog(FacilityTypesDialog(self.window_))

    def toggle_selected(self) -> None:
        from panelapp.services.registers.facilities import set_facility_active

        f = self.selected()
        if f is None:
            return
        ctx = self.ctx
        self.run_write(
            lambda _t: set_facility_active(ctx, f.id, not f.active, f.version),
            f"'{f.name}' 시설을 {'다시 사용합니다' if not f.active else '사용 중지했습니다'}.",
        )

    def delete_selected(self) -> None:
        from panelapp.services.registers.facilities import delete_facility

        f, ctx = self.selected(), self.ctx
        if f is None:
            return
        move_to_trash(
            self,
            "시설 삭제",
            f"'{f.name}' 시설을 삭제할까요?\n목록에서 사라지지만 지난 점검 기록은 그대로 남고, {RESTORE_HINT}",
            lambda _t: delete_facility(ctx, f.id, f.version),
            f"'{f.name}' 시설을 삭제했습니다.",
        )

    def run_write(self, fn, message: str) -> Op:
        """A write from this page or its 담당부서 tab; the op announces what changed."""

        def failed(exc) -> None:
            show_error(self, exc)
            self.mark_stale()  # the row may be stale: show what the database has now

        return (
            Op(self, fn, write=True)
            .success(lambda _r: self.window_.statusBar().showMessage(message, 5000))
            .failure(failed)
            .run()
        )
