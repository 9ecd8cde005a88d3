"""Add or edit a 시설: name, type, address, managing department, contact, notes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog

from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import close_on_save_failure, show_field_errors
from panelapp.gui.core.follow import follow_changes, refill_combo
from panelapp.gui.core.ops import Op
from panelapp.gui.forms.ui_facility_dialog import Ui_FacilityDialog
from panelapp.services.changes import Kind

NO_DEPARTMENT = "(지정 안 함)"


class FacilityDialog(QDialog):
    stale = Signal()  # a save failed on a changed or deleted facility: the list should reload

    def __init__(self, window, types, departments, facility=None):
        """`types`/`departments` are the current choices (FacilityTypeInfo, DepartmentInfo);
        `facility` is the FacilityInfo being edited, or None for a new one."""
        super().__init__(window)
        self.window_, self.facility = window, facility
        self.saved = None
        self.ui = ui = Ui_FacilityDialog()
        ui.setupUi(self)
        self.setWindowTitle("시설 추가" if facility is None else f"시설 수정 — {facility.name}")
        for t in types:
            ui.typeCombo.addItem(t.name, t.id)
        ui.departmentCombo.addItem(NO_DEPARTMENT, None)
        for label, d_id in self._department_choices(departments):
            ui.departmentCombo.addItem(label, d_id)
        self.fields = {
            "시설명": ui.nameEdit,
            "유형": ui.typeCombo,
            "주소": ui.addressEdit,
            "담당부서": ui.departmentCombo,
            "연락처": ui.contactEdit,
            "메모": ui.notesEdit,
        }
        show_field_errors(self.fields, ui.errorLabel, [])
        if facility is None:
            ui.typeCombo.setCurrentIndex(-1)
        else:
            self._fill(facility)
        ui.typeCombo.setPlaceholderText("유형을 고르세요")
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self,
            self.fields,
            ui.errorLabel,
            self._fetch_current,
            self._fill,
            self._adopt,
            self.stale.emit,
        )
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        keep_unsaved_input(self)
        # a type or department added meanwhile (유형 관리, 부서 tab, another desktop) is offered
        follow_changes(self, {Kind.FACILITY_TYPE, Kind.DEPARTMENT}, self.reload_choices)

    def _fill(self, facility) -> None:
        ui = self.ui
        ui.nameEdit.setText(facility.name)
        ui.typeCombo.setCurrentIndex(ui.typeCombo.findData(facility.facility_type_id))
        ui.addressEdit.setText(facility.address or "")
        index = ui.departmentCombo.findData(facility.department_id)
        ui.departmentCombo.setCurrentIndex(max(index, 0))
        ui.contactEdit.setText(facility.contact or "")
        ui.notesEdit.setPlainText(facility.notes or "")

    def _fetch_current(self):
        from panelapp.services.registers.facilities import get_facility

        assert self.facility is not None
        return get_facility(self.window_.ctx, self.facility.id)

    def _adopt(self, facility) -> None:
        self.facility = facility

    def _department_choices(self, departments) -> list[tuple[str, int]]:
        # A stopped department stays selectable only for the facility that already has it.
        facility = self.facility
        return [
            (d.name if d.active else f"{d.name} (사용 중지)", d.id)
            for d in departments
            if d.active or (facility is not None and d.id == facility.department_id)
        ]

    def reload_choices(self) -> Op:
        from panelapp.services.registers.departments import list_departments
        from panelapp.services.registers.facility_types import list_facility_types

        ctx = self.window_.ctx
        return (
            Op(self, lambda _t: (list_facility_types(ctx), list_departments(ctx)))
            .success(self._show_choices)
            .run()
        )

    def _show_choices(self, result) -> None:
        types, departments = result
        refill_combo(self.ui.typeCombo, [(t.name, t.id) for t in types])
        refill_combo(self.ui.departmentCombo, self._department_choices(departments), (NO_DEPARTMENT, None))

    def data(self):
        from panelapp.services.registers.facilities import FacilityInput

        ui = self.ui
        return FacilityInput(
            ui.nameEdit.text(),
            ui.typeCombo.currentData(),
            ui.addressEdit.text(),
            ui.departmentCombo.currentData(),
            ui.contactEdit.text(),
            ui.notesEdit.toPlainText(),
        )

    def save(self) -> None:
        from panelapp.services.registers.facilities import create_facility, update_facility

        ctx, facility, data = self.window_.ctx, self.facility, self.data()
        if facility is None:
            work = lambda _t: create_facility(ctx, data)  # noqa: E731
        else:
            work = lambda _t: update_facility(ctx, facility.id, data, facility.version)  # noqa: E731
        self.ui.buttonBox.setEnabled(False)
        Op(self, work, write=True).success(self._saved).failure(self._failed).run()

    def _saved(self, info) -> None:
        self.saved = info  # the op announces the change: the register reloads itself
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        if not self.conflict.handle(exc):
            close_on_save_failure(self, exc, self.fields, self.ui.errorLabel, self.stale.emit)
