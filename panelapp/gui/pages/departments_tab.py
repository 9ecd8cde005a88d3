"""담당부서 tab of the 시설·부서 page: departments and their 시민소통관."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from panelapp.gui.pages.register_table import RegisterTable, register_actions

HEADERS = ["부서명", "시민소통관", "전화", "이메일", "시설", "사용"]
EMPTY_TEXT = "등록된 담당부서가 없습니다. [부서 추가]로 시작하세요."


class DepartmentsTab(QWidget):
    def __init__(self, page):
        super().__init__()
        self.page = page
        self.departments: list = []
        col = QVBoxLayout(self)
        hint = QLabel("개선제안에 답변하는 부서입니다. 시민소통관은 부서에서 참여단과 소통하는 담당자입니다.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        col.addWidget(hint)
        self.register = RegisterTable(HEADERS, stretch=3, centered=(4, 5))
        self.register.activated.connect(lambda _r: self.edit_selected())
        self.register.selection_changed.connect(self._update_buttons)
        col.addWidget(self.register, 1)
        row = register_actions(self, "부서 추가")
        col.addLayout(row)
        self._update_buttons()

    def fill(self, departments: list) -> None:
        selected = self.selected()
        self.departments = departments
        self.register.set_rows(
            [
                [
                    d.name,
                    d.contact_person or "",
                    d.phone or "",
                    d.email or "",
                    f"{d.facility_count}곳" if d.facility_count else "",
                    "사용" if d.active else "중지",
                ]
                for d in departments
            ],
            [not d.active for d in departments],
            EMPTY_TEXT,
            select=next((i for i, d in enumerate(departments) if selected and d.id == selected.id), 0),
        )
        self.count_label.setText(f"{len(departments)}개 부서" if departments else "")
        self._update_buttons()

    def selected(self):
        row = self.register.selected_row()
        return self.departments[row] if row is not None and row < len(self.departments) else None

    def _update_buttons(self) -> None:
        dept = self.selected()
        for button in (self.edit_button, self.toggle_button, self.delete_button):
            button.setEnabled(dept is not None)
        self.toggle_button.setText("사용 재개" if dept is not None and not dept.active else "사용 중지")

    def open_dialog(self, department=None):
        from panelapp.gui.dialogs.department_dialog import DepartmentDialog

        dialog = DepartmentDialog(self.page.window_, department)
        dialog.open()
        return dialog

    def add(self):
        return self.open_dialog()

    def edit_selected(self):
        dept = self.selected()
        return self.open_dialog(dept) if dept is not None else None

    def toggle_selected(self) -> None:
        from panelapp.services.registers.departments import set_department_active

        d = self.selected()
        if d is None:
            return
        ctx = self.page.window_.ctx
        self.page.run_write(
            lambda _t: set_department_active(ctx, d.id, not d.active, d.version),
            f"'{d.name}'을(를) {'다시 사용합니다' if not d.active else '사용 중지했습니다'}.",
            kind="department",
        )

    def delete_selected(self) -> None:
        from panelapp.services.registers.departments import delete_department

        d = self.selected()
        if d is None:
            return
        answer = QMessageBox.question(
            self, "부서 삭제", f"'{d.name}' 부서를 삭제할까요?\n휴지통에서 복원할 수 있습니다."
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx = self.page.window_.ctx
        self.page.run_write(
            lambda _t: delete_department(ctx, d.id, d.version),
            f"'{d.name}' 부서를 삭제했습니다.",
            kind="department",
        )
