"""One workflow step of a proposal: asks for what the step needs (the department's answer,
the decline reason, the day it happened) and a note for the history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from panelapp.domain.localtime import today_local
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import as_list, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.dates import from_date, setup_date_edit, to_date


class ProposalMoveDialog(QDialog):
    stale = Signal()  # the step failed on a proposal changed meanwhile: lists should reload

    def __init__(self, window, detail, to_status):
        from panelapp.domain.enums import ProposalStatus as PS
        from panelapp.domain.proposal_rules import ACTION_LABELS, needs_answer, needs_reason

        super().__init__(window)
        self.window_, self.detail, self.to_status = window, detail, to_status
        self.result_detail = None
        self.setWindowTitle(f"{ACTION_LABELS[to_status]} — {detail.title}")
        self.resize(520, 360)
        col = QVBoxLayout(self)
        head = QLabel(
            f"상태를 <b>{detail.status.label}</b>에서 <b>{to_status.label}</b>(으)로 바꿉니다. "
            "이 기록은 처리 이력에 남고 고칠 수 없습니다.",
            wordWrap=True,
        )
        col.addWidget(head)
        form = QFormLayout()
        self.answer_edit, self.reason_edit = QPlainTextEdit(), QPlainTextEdit()
        self.answer_edit.setPlaceholderText("담당부서가 보낸 답변을 적어 주세요")
        self.reason_edit.setPlaceholderText("받아들이지 않은 이유")
        self.answer_edit.setMinimumHeight(90)
        self.reason_edit.setMaximumHeight(70)
        self.date_edit = QDateEdit()
        setup_date_edit(self.date_edit)
        self.date_edit.setDate(from_date(today_local()))
        self.note_edit = QLineEdit(placeholderText="이력에 남길 메모(선택)")
        self.with_answer, self.with_reason = needs_answer(to_status), needs_reason(to_status)
        if self.with_answer:
            form.addRow("부서 답변", self.answer_edit)
        if self.with_reason:
            form.addRow("불채택 사유", self.reason_edit)
        if self.with_answer or to_status == PS.DONE:
            form.addRow("답변일" if self.with_answer else "완료일", self.date_edit)
        form.addRow("메모", self.note_edit)
        col.addLayout(form)
        self.error_label = QLabel(wordWrap=True)
        self.error_label.setStyleSheet("color: #d32f2f;")
        col.addWidget(self.error_label)
        col.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ACTION_LABELS[to_status])
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        keep_unsaved_input(self)
        self.fields = {
            "부서 답변": self.answer_edit,
            "불채택 사유": self.reason_edit,
            "처리일": self.date_edit,
            "메모": self.note_edit,
        }
        show_field_errors(self.fields, self.error_label, [])

    def save(self) -> None:
        from panelapp.services.proposals.manage import move_proposal

        ctx, d, to = self.window_.ctx, self.detail, self.to_status
        answer = self.answer_edit.toPlainText() if self.with_answer else None
        reason = self.reason_edit.toPlainText() if self.with_reason else None
        on, note = to_date(self.date_edit.date()), self.note_edit.text()
        self.buttons.setEnabled(False)
        Op(
            self, lambda _t: move_proposal(ctx, d.id, to, d.version, note, answer, reason, on), write=True
        ).success(self._saved).failure(self._failed).run()

    def _saved(self, detail) -> None:
        self.result_detail = detail
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.error_label, errors)
            return
        show_error(self, exc)
        self.stale.emit()
        self.reject()
