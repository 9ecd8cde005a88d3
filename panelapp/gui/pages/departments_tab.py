"""담당부서 tab of the 시설·부서 page: departments and their 시민소통관.

The page loads the tab's ids with its own (one load for both tabs); rows are fetched by id."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from panelapp.domain.josa import quoted
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.rights import for_rights, offered
from panelapp.gui.models.id_table import CENTER, GREY, Column, IdTableModel
from panelapp.gui.operations.list_export import BUTTON_TEXT, export_to_excel, sort_condition
from panelapp.gui.operations.trash import RESTORE_HINT, move_to_trash
from panelapp.gui.pages.register_table import RegisterView, register_actions
from panelapp.gui.palette import set_tone

COLUMNS = [
    Column("부서명", "name", lambda d: d.name, width=180),
    Column("시민소통관", "contact", lambda d: d.contact_person or "", width=120),
    Column("전화", "phone", lambda d: d.phone or "", width=130),
    Column("이메일", "email", lambda d: d.email or "", stretch=True),
    Column(
        "시설",
        "facilities",
        lambda d: f"{d.facility_count}곳" if d.facility_count else "",
        width=70,
        align=CENTER,
    ),
    Column("사용", "active", lambda d: "사용" if d.active else "중지", width=60, align=CENTER),
]
HEADERS = [c.header for c in COLUMNS]
EMPTY_TEXT = "등록된 담당부서가 없습니다. [부서 추가]로 시작하세요."
READ_EMPTY_TEXT = "등록된 담당부서가 없습니다. 담당자가 부서를 등록하면 여기에 나옵니다."


class DepartmentsTab(QWidget):
    def __init__(self, page):
        super().__init__()
        self.page = page
        col = QVBoxLayout(self)
        hint = QLabel("개선제안에 답변하는 부서입니다. 시민소통관은 부서에서 참여단과 소통하는 담당자입니다.")
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        col.addWidget(hint)
        self.model = IdTableModel(COLUMNS, self._fetch_rows)
        self.model.row_foreground = lambda d: GREY if not d.active else None
        self.register = RegisterView(self.model, sort=("active", True))  # active first, then 가나다
        self.register.view.setAccessibleName("담당부서 목록")
        self.register.sort_changed.connect(page.refresh)
        self.register.activated.connect(
            lambda _id: self.edit_selected() if offered(self.edit_button) else None
        )
        self.register.selection_changed.connect(self._update_buttons)
        col.addWidget(self.register, 1)
        row = register_actions(self, "부서 추가")
        self.export_button = QPushButton(BUTTON_TEXT)
        self.export_button.setToolTip("정렬 그대로 부서 목록을 엑셀(.xlsx)로 저장합니다")
        self.export_button.clicked.connect(lambda: self.export_excel())
        row.insertWidget(1, self.export_button)
        self.deadline_button = QPushButton("답변 기한…")
        self.deadline_button.setToolTip(
            "개선제안 답변 기한(근무일)을 발견사항의 심각도·분류별로 정합니다 (긴급(안전) 1일, 높음 5일, 그 밖 10일)"
        )
        self.deadline_button.clicked.connect(lambda: self.open_deadlines())
        row.insertWidget(2, self.deadline_button)
        self.templates_button = QPushButton("답변 템플릿…")
        self.templates_button.setToolTip("개선제안 답변 칸을 채우는 문구를 부서·분류별로 관리합니다")
        self.templates_button.clicked.connect(lambda: self.open_templates())
        row.insertWidget(3, self.templates_button)
        col.addLayout(row)
        self._update_buttons()

    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.registers.departments import department_rows

        return department_rows(self.page.ctx, ids)

    def show_ids(self, ids: list[int]) -> None:
        self.register.set_ids(ids, for_rights(self.add_button, EMPTY_TEXT, READ_EMPTY_TEXT))
        self.count_label.setText(f"{len(ids)}개 부서" if ids else "")
        self._update_buttons()

    def export_excel(self):
        """The departments as sorted, to .xlsx; the 시민소통관's name, phone and e-mail masked
        unless a purpose is given."""
        from panelapp.services.registers.export import DEPARTMENT_TITLE, export_departments

        ctx = self.page.ctx
        sort = (self.register.sort_key or "active", self.register.descending)
        conditions = [sort_condition(COLUMNS, *sort)]
        return export_to_excel(
            self,
            title=DEPARTMENT_TITLE,
            personal="시민소통관 이름·전화·이메일",
            rows=self.register.row_count(),
            run=lambda path, purpose, token: export_departments(
                ctx, *sort, path, purpose=purpose, conditions=conditions, token=token
            ),
        )

    def open_deadlines(self):
        from panelapp.gui.dialogs.deadline_rules_dialog import open_deadline_rules

        return open_deadline_rules(self.page.window_)

    def open_templates(self):
        """답변 템플릿…: the answer templates per department and category (issue 14 item 5)."""
        from panelapp.gui.dialogs.answer_templates_dialog import AnswerTemplatesDialog

        return open_dialog(AnswerTemplatesDialog(self.page.window_))

    def selected(self):
        return self.register.selected()

    def _update_buttons(self) -> None:
        dept = self.selected()
        for button in (self.edit_button, self.toggle_button, self.delete_button):
            button.setEnabled(dept is not None)
        self.toggle_button.setText("사용 재개" if dept is not None and not dept.active else "사용 중지")

    def open_dialog(self, department=None):
        from panelapp.gui.dialogs.department_dialog import DepartmentDialog

        dialog = DepartmentDialog(self.page.window_, department)
        dialog.stale.connect(self.page.mark_stale)
        return open_dialog(dialog)

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
        ctx = self.page.ctx
        self.page.run_write(
            lambda _t: set_department_active(ctx, d.id, not d.active, d.version),
            f"{quoted(d.name, '을')} {'다시 사용합니다' if not d.active else '사용 중지했습니다'}.",
        )

    def delete_selected(self) -> None:
        from panelapp.services.registers.departments import delete_department

        d, ctx = self.selected(), self.page.ctx
        if d is None:
            return
        move_to_trash(
            self,
            "부서 삭제",
            f"'{d.name}' 부서를 삭제할까요?\n{RESTORE_HINT}",
            lambda _t: delete_department(ctx, d.id, d.version),
            f"'{d.name}' 부서를 삭제했습니다.",
            on_failure=lambda _exc: self.page.mark_stale(),
        )
