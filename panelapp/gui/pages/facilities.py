"""시설·부서 page: the facility register and the departments that manage facilities."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.pages.departments_tab import DepartmentsTab
from panelapp.gui.pages.register_table import RegisterTable, register_actions

HEADERS = ["시설명", "유형", "주소", "담당부서", "연락처", "사용"]
EMPTY_TEXT = "등록된 시설이 없습니다. [시설 추가]로 시작하세요."
NO_MATCH_TEXT = "조건에 맞는 시설이 없습니다. 검색어나 유형을 바꿔 보세요."
RELOAD_KINDS = {"facility", "facility_type", "department", "trash", "demo"}


class FacilitiesPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.facilities: list = []
        self.types: list = []
        self.departments: list = []
        self._dirty, self._loading, self._seeded = True, False, False
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
        window.bus.changed.connect(self._on_changed)
        self._update_buttons()

    def _build_facility_tab(self) -> QWidget:
        tab = QWidget()
        col = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(placeholderText="시설명·주소 검색", clearButtonEnabled=True)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.type_combo = QComboBox()
        self.type_combo.setMinimumContentsLength(8)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.active_check = QCheckBox("사용 중만", checked=True)
        self.active_check.toggled.connect(lambda _c: self._filter_changed())
        self.types_button = QPushButton("유형 관리…")
        self.types_button.clicked.connect(self.manage_types)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.type_combo)
        bar.addWidget(self.active_check)
        bar.addWidget(self.types_button)
        col.addLayout(bar)
        self.register = RegisterTable(HEADERS, stretch=2, centered=(1, 5))
        self.register.activated.connect(lambda _r: self.edit_selected())
        self.register.selection_changed.connect(self._update_buttons)
        col.addWidget(self.register, 1)
        row = register_actions(self, "시설 추가")
        col.addLayout(row)
        return tab

    # ----- loading -----------------------------------------------------------------------
    def _on_changed(self, kind: str, _ids) -> None:
        if kind in RELOAD_KINDS:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _filter_changed(self) -> None:
        self.refresh()  # while a load runs, this marks the page dirty and reloads after it

    def query(self):
        from panelapp.services.registers.facilities import FacilityQuery

        return FacilityQuery(
            self.search_edit.text(), self.type_combo.currentData(), self.active_check.isChecked()
        )

    def refresh(self) -> None:
        from panelapp.services.registers.departments import list_departments
        from panelapp.services.registers.facilities import (
            ensure_default_facility_types,
            list_facilities,
            list_facility_types,
        )

        if self._loading:
            self._dirty = True
            return
        self._dirty, self._loading = False, True
        ctx, query, seed = self.window_.ctx, self.query(), not self._seeded

        def fetch(_t):
            if seed:
                ensure_default_facility_types(ctx)
            rows = list_facilities(ctx, query)
            any_at_all = bool(rows) or bool(list_facilities(ctx))
            return rows, any_at_all, list_facility_types(ctx), list_departments(ctx)

        Op(self, fetch).success(self._fill).failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)

    def _fill(self, result) -> None:
        rows, any_at_all, self.types, self.departments = result
        self._seeded = True
        keep = self.type_combo.currentData()
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem("모든 유형", None)
        for t in self.types:
            self.type_combo.addItem(t.name, t.id)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(keep), 0))
        self.type_combo.blockSignals(False)
        selected = self.selected()
        self.facilities = rows
        self.register.set_rows(
            [
                [
                    f.name,
                    f.type_name or "–",
                    f.address or "",
                    f.department_name or "",
                    f.contact or "",
                    "사용" if f.active else "중지",
                ]
                for f in rows
            ],
            [not f.active for f in rows],
            NO_MATCH_TEXT if any_at_all else EMPTY_TEXT,
            select=next((i for i, f in enumerate(rows) if selected and f.id == selected.id), 0),
        )
        self.count_label.setText(f"{len(rows)}곳" if rows else "")
        self.departments_tab.fill(self.departments)
        self._loading = False
        self._update_buttons()
        if self._dirty:  # something changed while loading
            self.refresh()

    # ----- actions -----------------------------------------------------------------------
    def selected(self):
        row = self.register.selected_row()
        return self.facilities[row] if row is not None and row < len(self.facilities) else None

    def _update_buttons(self) -> None:
        facility = self.selected()
        for button in (self.edit_button, self.toggle_button, self.delete_button):
            button.setEnabled(facility is not None)
        self.toggle_button.setText(
            "사용 재개" if facility is not None and not facility.active else "사용 중지"
        )

    def open_dialog(self, facility=None):
        from panelapp.gui.dialogs.facility_dialog import FacilityDialog

        dialog = FacilityDialog(self.window_, self.types, self.departments, facility)
        dialog.open()
        return dialog

    def add(self):
        return self.open_dialog()

    def edit_selected(self):
        facility = self.selected()
        return self.open_dialog(facility) if facility is not None else None

    def manage_types(self):
        from panelapp.gui.dialogs.facility_types_dialog import FacilityTypesDialog

        dialog = FacilityTypesDialog(self.window_)
        dialog.open()
        return dialog

    def toggle_selected(self) -> None:
        from panelapp.services.registers.facilities import set_facility_active

        f = self.selected()
        if f is None:
            return
        ctx = self.window_.ctx
        self.run_write(
            lambda _t: set_facility_active(ctx, f.id, not f.active, f.version),
            f"'{f.name}' 시설을 {'다시 사용합니다' if not f.active else '사용 중지했습니다'}.",
        )

    def delete_selected(self) -> None:
        from panelapp.services.registers.facilities import delete_facility

        f = self.selected()
        if f is None:
            return
        answer = QMessageBox.question(
            self,
            "시설 삭제",
            f"'{f.name}' 시설을 삭제할까요?\n"
            "목록에서 사라지지만 지난 점검 기록은 그대로 남고, 휴지통에서 복원할 수 있습니다.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx = self.window_.ctx
        self.run_write(lambda _t: delete_facility(ctx, f.id, f.version), f"'{f.name}' 시설을 삭제했습니다.")

    def run_write(self, fn, message: str, kind: str = "facility") -> None:
        def done(_result) -> None:
            self.window_.statusBar().showMessage(message, 5000)
            self.window_.bus.emit_changed(kind, None)

        def failed(exc) -> None:
            show_error(self, exc)
            self.window_.bus.emit_changed(kind, None)  # reload: the row may be stale

        Op(self, fn, write=True).success(done).failure(failed).run()
