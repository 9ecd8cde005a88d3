"""답변 템플릿 (시설·부서 → 담당부서 → 답변 템플릿…): the reusable answer texts, each for one
department or every one and one finding category or any (services/proposals/templates.py; issue 14
item 5). The list on the left, the chosen one's fields on the right; 저장 makes or changes it,
삭제 sends it to the trash. The answer dialogs offer them in their 템플릿 drop-down."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from panelapp.domain.enums import FindingCategory
from panelapp.gui.core.field_errors import as_list, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.palette import set_tone

ID_ROLE = 256  # Qt.ItemDataRole.UserRole


class AnswerTemplatesDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.templates: list = []
        self.current = None  # the TemplateInfo being edited, None for a new one
        self.setWindowTitle("답변 템플릿")
        self.resize(860, 520)
        col = QVBoxLayout(self)
        hint = QLabel(
            "개선제안에 답할 때 답변 칸을 채우는 문구입니다. 부서와 분류를 정하면 그 부서의, 그 분류 발견사항이 "
            "있는 제안에 먼저 나옵니다.",
            wordWrap=True,
        )
        set_tone(hint, "hint")
        col.addWidget(hint)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName("답변 템플릿 목록")
        self.list.setSpacing(3)
        self.list.currentItemChanged.connect(lambda _c, _p: self._show_selected())
        body.addWidget(self.list, 2)
        form = QFormLayout()
        self.department_combo = QComboBox()
        self.department_combo.setAccessibleName("담당부서")
        self.department_combo.addItem("모든 부서", None)
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName("분류")
        self.category_combo.addItem("모든 분류", None)
        for label, member in FindingCategory.choices():
            self.category_combo.addItem(label, member.value)
        self.title_edit = QLineEdit(placeholderText="예: 채택 — 예산 반영")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("답변 칸에 들어갈 문구")
        form.addRow("담당부서", self.department_combo)
        form.addRow("분류", self.category_combo)
        form.addRow("템플릿 이름", self.title_edit)
        form.addRow("답변 내용", self.text_edit)
        right = QVBoxLayout()
        right.addLayout(form)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        right.addWidget(self.error_label)
        row = QHBoxLayout()
        self.new_button = QPushButton("새 템플릿")
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton("저장")
        self.save_button.clicked.connect(lambda: self.save())
        self.delete_button = QPushButton("삭제")
        self.delete_button.clicked.connect(lambda: self.delete())
        for b in (self.new_button, self.save_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        right.addLayout(row)
        body.addLayout(right, 3)
        col.addLayout(body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)
        self.fields = {
            "템플릿 이름": self.title_edit,
            "답변 내용": self.text_edit,
            "담당부서": self.department_combo,
            "분류": self.category_combo,
        }
        show_field_errors(self.fields, self.error_label, [])
        self.start_new()
        self.reload()

    # ----- reading ----------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> Op:
        from panelapp.services.proposals.templates import list_templates
        from panelapp.services.registers.departments import list_departments

        ctx = self.window_.ctx
        return (
            Op(self, lambda _t: (list_templates(ctx), list_departments(ctx, active_only=True)))
            .success(lambda result: self._fill(result[0], result[1], select))
            .failure(lambda exc: show_error(self, exc))
            .run()
        )

    def _fill(self, templates, departments, select) -> None:
        self.templates = list(templates)
        keep = self.department_combo.currentData()
        self.department_combo.clear()
        self.department_combo.addItem("모든 부서", None)
        for d in departments:
            self.department_combo.addItem(d.name, d.id)
        self.department_combo.setCurrentIndex(max(self.department_combo.findData(keep), 0))
        self.list.blockSignals(True)
        self.list.clear()
        for t in self.templates:
            item = QListWidgetItem(f"{t.title}\n    {t.scope_text}")
            item.setData(ID_ROLE, t.id)
            item.setToolTip(t.text[:300])
            self.list.addItem(item)
            if t.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._show_selected()

    def _show_selected(self) -> None:
        item = self.list.currentItem()
        tid = item.data(ID_ROLE) if item is not None else None
        found = next((t for t in self.templates if t.id == tid), None)
        if found is None:
            self.delete_button.setEnabled(False)
            return
        self.current = found
        self.department_combo.setCurrentIndex(max(self.department_combo.findData(found.department_id), 0))
        value = found.category.value if found.category is not None else None
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(value), 0))
        self.title_edit.setText(found.title)
        self.text_edit.setPlainText(found.text)
        self.delete_button.setEnabled(True)
        show_field_errors(self.fields, self.error_label, [])

    def start_new(self) -> None:
        self.current = None
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.title_edit.clear()
        self.text_edit.clear()
        self.delete_button.setEnabled(False)
        show_field_errors(self.fields, self.error_label, [])

    # ----- writing ----------------------------------------------------------------------------
    def _input(self):
        from panelapp.services.proposals.templates import TemplateInput

        category = self.category_combo.currentData()
        return TemplateInput(
            self.title_edit.text(),
            self.text_edit.toPlainText(),
            self.department_combo.currentData(),
            FindingCategory(category) if category is not None else None,
        )

    def save(self) -> Op:
        from panelapp.services.proposals.templates import create_template, update_template

        ctx, data, current = self.window_.ctx, self._input(), self.current
        if current is None:
            work = lambda _t: create_template(ctx, data)  # noqa: E731
        else:
            work = lambda _t: update_template(ctx, current.id, data, current.version)  # noqa: E731
        self.save_button.setEnabled(False)
        return Op(self, work, write=True).success(self._saved).failure(self._failed).run()

    def _saved(self, info) -> None:
        self.save_button.setEnabled(True)
        self.current = info
        self.reload(select=info.id)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.error_label, errors)
            return
        show_error(self, exc)
        self.reload()

    def _deleted(self, _title: str) -> None:
        self.start_new()
        self.reload()

    def delete(self) -> Op | None:
        from panelapp.services.proposals.templates import delete_template

        current, ctx = self.current, self.window_.ctx
        if current is None:
            return None
        return (
            Op(self, lambda _t: delete_template(ctx, current.id, current.version), write=True)
            .success(self._deleted)
            .failure(self._failed)
            .run()
        )
