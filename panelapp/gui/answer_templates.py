"""답변 템플릿 in an answer form: a drop-down that fills the answer text, and 템플릿 저장… that
keeps what was typed as a new template (services/proposals/templates.py; issue 14 item 5).

The form gives the picker a text field and a function that reads the templates on a worker (those
that fit the proposal, or the department's); picking one replaces the text with the template's,
and the form can still change it before saving the answer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QPlainTextEdit, QPushButton, QWidget

from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.rights import needs
from panelapp.services.permissions import Permission

NONE_TEXT = "템플릿 고르기…"
EMPTY_TEXT = "쓸 수 있는 템플릿이 없습니다"


class TemplatePicker(QWidget):
    loaded = Signal()  # the templates arrived (tests wait for it)
    saved = Signal(object)  # a TemplateInfo: 템플릿 저장… made it

    def __init__(self, ctx, target: QPlainTextEdit, read: Callable[[], list], department_id=None):
        super().__init__()
        self.ctx, self.target, self._read, self.department_id = ctx, target, read, department_id
        self.templates: list = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setAccessibleName("답변 템플릿")
        self.combo.setToolTip("고르면 답변 칸이 템플릿의 문구로 바뀝니다. 고른 뒤에도 고쳐 쓸 수 있습니다.")
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.addItem("템플릿 읽는 중…", None)
        self.combo.setEnabled(False)
        self.combo.activated.connect(self._picked)
        row.addWidget(self.combo, 1)
        self.save_button = QPushButton("템플릿 저장…")
        self.save_button.setToolTip("지금 적은 답변을 이 부서의 템플릿으로 저장해 다음에 다시 씁니다")
        self.save_button.clicked.connect(lambda: self.save_current())
        needs(Permission.PROPOSAL_ANSWER, self.save_button)
        row.addWidget(self.save_button)
        self.reload()

    def reload(self) -> Op:
        read = self._read
        return Op(self, lambda _t: read()).success(self._fill).failure(self._failed).run()

    def _fill(self, templates: list) -> None:
        self.templates = list(templates)
        self.combo.clear()
        self.combo.addItem(NONE_TEXT if self.templates else EMPTY_TEXT, None)
        for t in self.templates:
            self.combo.addItem(f"{t.title}  ({t.scope_text})", t.id)
            self.combo.setItemData(self.combo.count() - 1, t.text[:300], Qt.ItemDataRole.ToolTipRole)
        self.combo.setEnabled(bool(self.templates))
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.combo.clear()
        self.combo.addItem("템플릿을 읽지 못했습니다", None)
        self.loaded.emit()

    def _picked(self, index: int) -> None:
        tid = self.combo.itemData(index)
        found = next((t for t in self.templates if t.id == tid), None)
        if found is not None:
            self.target.setPlainText(found.text)

    def pick(self, template_id: int) -> bool:
        """Choose a template as a click would (tests, and a form that offers one)."""
        index = self.combo.findData(template_id)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        self._picked(index)
        return True

    def ask_title(self) -> str | None:
        """The new template's name (tests patch this; the dialog is Qt's own)."""
        first = " ".join(self.target.toPlainText().split())[:30]
        text, ok = QInputDialog.getText(self, "템플릿 저장", "템플릿 이름", text=first)
        return text if ok else None

    def save_current(self) -> Op | None:
        from panelapp.services.proposals.templates import TemplateInput, create_template

        text = self.target.toPlainText()
        if not text.strip():
            show_error(self, _empty())
            return None
        title = self.ask_title()
        if title is None:
            return None
        ctx, department = self.ctx, self.department_id
        self.save_button.setEnabled(False)
        return (
            Op(self, lambda _t: create_template(ctx, TemplateInput(title, text, department)), write=True)
            .success(self._saved)
            .failure(self._save_failed)
            .run()
        )

    def _saved(self, info) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(info)
        self.reload()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, exc)


def _empty():
    from panelapp.domain.errors import DomainError

    return DomainError("템플릿으로 저장할 답변을 먼저 적어 주세요.")
