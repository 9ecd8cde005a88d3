"""진행 상황 남기기: a dated progress note on an adopted proposal (기준일, 진행률, what happened),
kept in its history with the account's name (services/proposals/progress.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from panelapp.domain.localtime import today_local
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import as_list, keeps_input, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.stale_step import StaleStepResolver, StepRow
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.palette import set_tone

NO_PROGRESS = -1  # the spin box's "적지 않음"


class ProposalProgressDialog(QDialog):
    stale = Signal()  # the proposal changed meanwhile: lists should reload

    def __init__(self, window, detail):
        super().__init__(window)
        self.window_, self.detail = window, detail
        self.result_detail = None
        self.setWindowTitle(f"진행 상황 남기기 — {detail.title}")
        self.resize(520, 340)
        col = QVBoxLayout(self)
        col.addWidget(
            QLabel(
                "추진 중인 일의 진행 상황을 남깁니다. 이 기록은 처리 이력에 이름과 함께 남고 고칠 수 없습니다.",
                wordWrap=True,
            )
        )
        form = QFormLayout()
        self.date_edit = QDateEdit()
        setup_date_edit(self.date_edit)
        self.date_edit.setDate(from_date(today_local()))
        self.progress_spin = QSpinBox()
        self.progress_spin.setRange(NO_PROGRESS, 100)
        self.progress_spin.setSuffix(" %")
        self.progress_spin.setSpecialValueText("적지 않음")
        self.progress_spin.setValue(self._last_progress())
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText("무엇을 했고 다음에 무엇을 할지 적어 주세요")
        self.note_edit.setMinimumHeight(100)
        form.addRow("기준일", self.date_edit)
        form.addRow("진행률", self.progress_spin)
        form.addRow("진행 상황", self.note_edit)
        col.addLayout(form)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        col.addWidget(self.error_label)
        col.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("남기기")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        keep_unsaved_input(self)
        self.fields = {"기준일": self.date_edit, "진행률": self.progress_spin, "진행 상황": self.note_edit}
        show_field_errors(self.fields, self.error_label, [])
        # the proposal changed on another desktop meanwhile: both shown, the note added on it
        self.conflict = StaleStepResolver(
            self, "이 제안", self._fetch_current, self._rows, self._retry, self.stale.emit
        )

    def _fetch_current(self):
        from panelapp.gui.dialogs.proposal_stale import fetch_proposal

        return fetch_proposal(self.window_, self.detail.id)

    def _rows(self, now) -> list[StepRow]:
        from panelapp.gui.dialogs.proposal_stale import proposal_rows

        return [
            *proposal_rows(self.detail, now),
            StepRow("기준일", "", "", self.date_edit.date().toString("yyyy-MM-dd")),
            StepRow("진행률", "", "", self.progress_spin.text()),
            StepRow("진행 상황", "", "", self.note_edit.toPlainText().strip()),
        ]

    def _retry(self, now) -> None:
        self.detail = now
        self.save()

    def _last_progress(self) -> int:
        """The last update's progress, so that the next one starts from there."""
        for e in reversed(getattr(self.detail, "events", ())):
            if getattr(e, "progress", None) is not None:
                return int(e.progress)
        return NO_PROGRESS

    def save(self) -> None:
        from panelapp.services.proposals.progress import post_progress

        ctx, d = self.window_.ctx, self.detail
        on, note = to_date(self.date_edit.date()), self.note_edit.toPlainText()
        value = self.progress_spin.value()
        progress = None if value == NO_PROGRESS else value
        self.buttons.setEnabled(False)
        Op(self, lambda _t: post_progress(ctx, d.id, d.version, note, progress, on), write=True).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, detail) -> None:
        self.result_detail = detail
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.error_label, errors)
            return
        if self.conflict.handle(exc):  # another desktop changed the proposal first: shown, kept
            return
        show_error(self, exc)
        if keeps_input(exc):  # the server's connection broke: nothing saved, the note stays
            return
        self.stale.emit()
        self.reject()
