"""여러 건 처리: several proposals answered or moved at once (issue 14 item 5).

One step for every selected proposal (채택, 부분채택, 불채택, 추진 시작, 완료 처리…), one answer or
reason (a 답변 템플릿 may fill it), one day and note; saved in one transaction through the desk's
own step (services/proposals/bulk.move_many), one history entry per proposal. A proposal a rule
refuses, or one someone changed since the list was read, is named by its 번호 and nothing is
saved; the list is reloaded when it was stale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
)

from panelapp.domain.localtime import today_local
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import as_list, keeps_input, show_field_errors
from panelapp.gui.core.ops import Op
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.palette import set_tone

PLAN_DAYS = 30


def common_department(rows: Sequence) -> int | None:
    """The department every selected proposal has, or None when they differ (or have none)."""
    departments = {r.department_id for r in rows}
    return departments.pop() if len(departments) == 1 else None


def offered_steps(rows: Sequence) -> list:
    """The steps at least one selected proposal may take, in the workflow's order; the service
    names each proposal the chosen step does not fit."""
    from panelapp.domain.enums import ProposalStatus
    from panelapp.domain.proposal_rules import allowed_next

    reachable = {to for r in rows for to in allowed_next(r.status)}
    return [s for s in ProposalStatus if s in reachable]


class ProposalBulkDialog(QDialog):
    stale = Signal()  # proposals changed meanwhile: the lists should reload

    def __init__(self, window, rows: Sequence):
        from panelapp.domain.proposal_rules import ACTION_LABELS

        super().__init__(window)
        self.window_, self.rows = window, list(rows)
        self.result_ = None
        self.setWindowTitle(f"여러 건 처리 — 제안 {len(self.rows):,}건")
        self.resize(620, 640)
        col = QVBoxLayout(self)
        head = QLabel(
            f"고른 제안 <b>{len(self.rows):,}건</b>을 한꺼번에 처리합니다. 제안마다 처리 이력이 한 건씩 "
            "남고 고칠 수 없습니다. 한 건이라도 처리할 수 없으면 아무것도 저장하지 않습니다.",
            wordWrap=True,
        )
        col.addWidget(head)
        self.list = QListWidget()
        self.list.setAccessibleName("처리할 제안")
        self.list.setMaximumHeight(110)
        for r in self.rows:
            self.list.addItem(f"{r.id}번 · {r.status.label} · {r.title}")
        col.addWidget(self.list)
        form = QFormLayout()
        self.form = form
        self.step_combo = QComboBox()
        self.step_combo.setAccessibleName("처리")
        for status in offered_steps(self.rows):
            self.step_combo.addItem(ACTION_LABELS[status], status)
        self.step_combo.currentIndexChanged.connect(lambda _i: self._show_fields())
        form.addRow("처리", self.step_combo)
        self.answer_edit, self.reason_edit = QPlainTextEdit(), QPlainTextEdit()
        self.answer_edit.setPlaceholderText("고른 제안 모두에 같은 답변이 남습니다")
        self.answer_edit.setMinimumHeight(90)
        self.reason_edit.setPlaceholderText("받아들이지 않은 이유")
        self.reason_edit.setMaximumHeight(70)
        from panelapp.gui.answer_templates import TemplatePicker
        from panelapp.services.proposals.templates import list_templates

        ctx, department = window.ctx, common_department(self.rows)
        self.templates = TemplatePicker(
            ctx, self.answer_edit, lambda: list_templates(ctx, department), department
        )
        self.date_edit = QDateEdit()
        setup_date_edit(self.date_edit)
        self.date_edit.setDate(from_date(today_local()))
        self.plan_edit = QPlainTextEdit()
        self.plan_edit.setPlaceholderText("무엇을 언제까지 어떻게 할지 (선택)")
        self.plan_edit.setMaximumHeight(70)
        self.expected_edit = QDateEdit()
        setup_date_edit(self.expected_edit)
        self.expected_edit.setDate(from_date(today_local() + dt.timedelta(days=PLAN_DAYS)))
        self.result_edit = QPlainTextEdit()
        self.result_edit.setPlaceholderText("무엇을 어떻게 고쳤는지 (보고서에 실립니다)")
        self.result_edit.setMaximumHeight(90)
        self.note_edit = QLineEdit(placeholderText="이력에 남길 메모(선택)")
        for label, widget in (
            ("템플릿", self.templates),
            ("부서 답변", self.answer_edit),
            ("불채택 사유", self.reason_edit),
            ("처리일", self.date_edit),
            ("추진 계획", self.plan_edit),
            ("완료 예정일", self.expected_edit),
            ("완료 내용", self.result_edit),
            ("메모", self.note_edit),
        ):
            form.addRow(label, widget)
        col.addLayout(form)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        col.addWidget(self.error_label)
        col.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.fields = {
            "부서 답변": self.answer_edit,
            "불채택 사유": self.reason_edit,
            "처리일": self.date_edit,
            "완료 내용": self.result_edit,
            "추진 계획": self.plan_edit,
            "완료 예정일": self.expected_edit,
            "메모": self.note_edit,
        }
        keep_unsaved_input(self)
        self._show_fields()

    def step(self):
        """The chosen step as a ProposalStatus (Qt hands a str-enum back as a plain str)."""
        from panelapp.domain.enums import ProposalStatus

        value = self.step_combo.currentData()
        return ProposalStatus(value) if value is not None else None

    def _show_fields(self) -> None:
        from panelapp.domain.enums import ProposalStatus as PS
        from panelapp.domain.proposal_rules import ACTION_LABELS, PLANNED, needs_answer, needs_reason

        to = self.step()
        answer = to is not None and needs_answer(to)
        shown = {
            self.templates: answer,
            self.answer_edit: answer,
            self.reason_edit: to is not None and needs_reason(to),
            self.date_edit: answer or to == PS.DONE,
            self.plan_edit: to in PLANNED,
            self.expected_edit: to in PLANNED,
            self.result_edit: to == PS.DONE,
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        self.ok_button.setEnabled(to is not None)
        self.ok_button.setText(
            f"{len(self.rows):,}건 {ACTION_LABELS[to]}" if to is not None else "처리할 수 있는 단계 없음"
        )
        show_field_errors(self.fields, self.error_label, [])

    def save(self) -> Op | None:
        from panelapp.domain.enums import ProposalStatus as PS
        from panelapp.domain.proposal_rules import PLANNED, needs_answer, needs_reason
        from panelapp.services.proposals.bulk import BulkItem, move_many

        to = self.step()
        if to is None:
            return None
        ctx = self.window_.ctx
        items = [BulkItem(r.id, r.version) for r in self.rows]
        answer = self.answer_edit.toPlainText() if needs_answer(to) else None
        reason = self.reason_edit.toPlainText() if needs_reason(to) else None
        result = self.result_edit.toPlainText() if to == PS.DONE else None
        planned = to in PLANNED
        plan = self.plan_edit.toPlainText() if planned else None
        expected = to_date(self.expected_edit.date()) if planned else None
        on = to_date(self.date_edit.date()) if needs_answer(to) or to == PS.DONE else None
        note = self.note_edit.text()
        self.buttons.setEnabled(False)
        return (
            Op(
                self,
                lambda _t: move_many(
                    ctx,
                    items,
                    to,
                    answer=answer,
                    decline_reason=reason,
                    note=note,
                    on=on,
                    result=result,
                    plan=plan,
                    expected_on=expected,
                ),
                write=True,
            )
            .success(self._saved)
            .failure(self._failed)
            .run()
        )

    def _saved(self, result) -> None:
        self.result_ = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from panelapp.domain.errors import DomainError, NotFoundError
        from panelapp.services.proposals.bulk import BulkStale

        self.buttons.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.error_label, errors)
            return
        if keeps_input(exc) or not isinstance(exc, DomainError):
            from panelapp.gui.core.ops import show_error

            show_error(self, exc)
            return
        # a rule refused one proposal, or some changed meanwhile: said here, the input kept
        self.error_label.setText(exc.message)
        self.error_label.setVisible(True)
        if isinstance(exc, BulkStale | NotFoundError):
            self.stale.emit()


BUTTON_TEXT = "여러 건 처리…"
BUTTON_TIP = "목록에서 고른 제안(Ctrl·Shift+클릭)을 한꺼번에 답변하거나 다음 단계로 옮깁니다"


def selected_rows(register) -> list:
    """The row objects of a register's selected rows (their blocks fetched by id), in list order."""
    if register.currentWidget() is not register.view:
        return []
    positions = sorted(index.row() for index in register.view.selectionModel().selectedRows())
    return [row for row in (register.model.row_at(n) for n in positions) if row is not None]


def open_bulk(page):
    """여러 건 처리… of a proposal page (개선제안, 우리 부서 제안): its selected rows, as read."""
    from panelapp.domain.errors import DomainError
    from panelapp.gui.core.dialogs import open_dialog
    from panelapp.gui.core.ops import show_error
    from panelapp.services.proposals.bulk import MAX_PROPOSALS

    rows = selected_rows(page.register)
    if not rows:
        return None
    if len(rows) > MAX_PROPOSALS:
        show_error(
            page, DomainError(f"한 번에 {MAX_PROPOSALS:,}건까지 처리할 수 있습니다. 나누어 골라 주세요.")
        )
        return None
    dialog = ProposalBulkDialog(page.window_, rows)
    dialog.stale.connect(page.mark_stale)
    page.bulk_dialog = dialog
    return open_dialog(dialog)
