"""Add or edit a 담당부서 and its 시민소통관."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog

from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import close_on_save_failure, show_field_errors
from panelapp.gui.core.ops import Op
from panelapp.gui.forms.ui_department_dialog import Ui_DepartmentDialog


class DepartmentDialog(QDialog):
    stale = Signal()  # a save failed on a changed or deleted department: the list should reload

    def __init__(self, window, department=None):
        """`department` is the DepartmentInfo being edited, or None for a new one."""
        super().__init__(window)
        self.window_, self.department = window, department
        self.saved = None
        self.ui = ui = Ui_DepartmentDialog()
        ui.setupUi(self)
        self.setWindowTitle("담당부서 추가" if department is None else f"담당부서 수정 — {department.name}")
        self.fields = {
            "부서명": ui.nameEdit,
            "시민소통관": ui.contactEdit,
            "전화": ui.phoneEdit,
            "이메일": ui.emailEdit,
        }
        show_field_errors(self.fields, ui.errorLabel, [])
        if department is not None:
            self._fill(department)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        keep_unsaved_input(self)
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

    def _fill(self, department) -> None:
        ui = self.ui
        ui.nameEdit.setText(department.name)
        ui.contactEdit.setText(department.contact_person or "")
        ui.phoneEdit.setText(department.phone or "")
        ui.emailEdit.setText(department.email or "")

    def _fetch_current(self):
        from panelapp.services.registers.departments import get_department

        assert self.department is not None
        return get_department(self.window_.ctx, self.department.id)

    def _adopt(self, department) -> None:
        self.department = department

    def save(self) -> None:
        from panelapp.services.registers.departments import (
            DepartmentInput,
            create_department,
            update_department,
        )

        ui, ctx, dept = self.ui, self.window_.ctx, self.department
        data = DepartmentInput(
            ui.nameEdit.text(), ui.contactEdit.text(), ui.phoneEdit.text(), ui.emailEdit.text()
        )

        def work(_t):
            if dept is not None:
                return update_department(ctx, dept.id, data, dept.version)
            # The department attaches to the institution (파일 → 기관 정보); the service never
            # invents a name for it when none was registered yet.
            return create_department(ctx, data)

        ui.buttonBox.setEnabled(False)
        Op(self, work, write=True).success(self._saved).failure(self._failed).run()

    def _saved(self, info) -> None:
        self.saved = info  # the op announces the change: the register reloads itself
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        if not self.conflict.handle(exc):
            close_on_save_failure(self, exc, self.fields, self.ui.errorLabel, self.stale.emit)
