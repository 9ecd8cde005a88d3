"""Edit a 좋아요 / 아쉬워요 note: its text and facility, whether it was handled, the answer
given to the citizen, and the proposal it led to.

The proposals offered for the link are loaded off the UI thread when the dialog opens and again
when the facility changes (that facility's proposals and those of no facility, newest first,
capped): a cohort may hold 200,000 proposals, which no combo box should list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from panelapp.domain.localtime import today_local
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import close_on_save_failure, show_field_errors
from panelapp.gui.core.follow import follow_changes, refill_combo
from panelapp.gui.core.ops import Op
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Kind

NO_LINK = "(연결 안 함)"


class FeedbackDialog(QDialog):
    stale = Signal()  # a save failed on a changed or deleted note: the list should reload
    choices_loaded = Signal()  # the proposal choices for the chosen facility are in the combo

    def __init__(self, window, row, facilities):
        """`row` is a FeedbackRow; `facilities` the (id, name) choices."""
        from panelapp.domain.enums import FeedbackKind, FeedbackSource

        super().__init__(window)
        self.window_, self.row = window, row
        self.saved = None
        self.setWindowTitle(f"{row.kind.label} — 답변·수정")
        self.resize(560, 520)
        col = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_combo, self.source_combo, self.facility_combo, self.proposal_combo = (
            QComboBox(),
            QComboBox(),
            QComboBox(),
            QComboBox(),
        )
        for combo, items in (
            (self.kind_combo, [(k, k.label) for k in FeedbackKind]),
            (self.source_combo, [(s, s.label) for s in FeedbackSource]),
            (self.facility_combo, [(None, "(시설 없음)"), *facilities]),
            # until the choices arrive, the current link alone (saving keeps it)
            (self.proposal_combo, [(None, NO_LINK), *self._current_link()]),
        ):
            for value, label in items:
                combo.addItem(label, value)
        self.date_edit, self.answered_edit = QDateEdit(), QDateEdit()
        for edit in (self.date_edit, self.answered_edit):
            setup_date_edit(edit)
        self.text_edit, self.answer_edit = QPlainTextEdit(), QPlainTextEdit()
        self.text_edit.setMaximumHeight(90)
        self.answer_edit.setPlaceholderText("시민에게 전한 답변(적으면 처리한 것으로 표시됩니다)")
        self.handled_check = QCheckBox("처리함")
        form.addRow("구분", self.kind_combo)
        form.addRow("접수일", self.date_edit)
        form.addRow("시설", self.facility_combo)
        form.addRow("경로", self.source_combo)
        form.addRow("내용", self.text_edit)
        form.addRow("처리", self.handled_check)
        form.addRow("답변", self.answer_edit)
        form.addRow("답변일", self.answered_edit)
        form.addRow("연결 제안", self.proposal_combo)
        col.addLayout(form)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        col.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.fields = {
            "내용": self.text_edit,
            "접수일": self.date_edit,
            "답변": self.answer_edit,
            "답변일": self.answered_edit,
            "시설": self.facility_combo,
            "연결 제안": self.proposal_combo,
        }
        self._fill(row)
        self.answer_edit.textChanged.connect(
            lambda: self.answer_edit.toPlainText().strip() and self.handled_check.setChecked(True)
        )
        show_field_errors(self.fields, self.error_label, [])
        self._choices_generation = 0
        self.facility_combo.currentIndexChanged.connect(lambda _i: self.load_choices())
        self.load_choices()
        keep_unsaved_input(self)
        follow_changes(self, {Kind.FACILITY}, self.reload_facilities)
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self,
            self.fields,
            self.error_label,
            self._fetch_current,
            self._fill,
            self._adopt,
            self.stale.emit,
        )

    def _fill(self, row) -> None:
        for combo, value in (
            (self.kind_combo, row.kind),
            (self.source_combo, row.source),
            (self.facility_combo, row.facility_id),
            (self.proposal_combo, row.proposal_id),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.date_edit.setDate(from_date(row.received_on))
        self.answered_edit.setDate(from_date(row.answered_on or today_local()))
        self.text_edit.setPlainText(row.text)
        self.answer_edit.setPlainText(row.answer or "")
        self.handled_check.setChecked(row.handled)

    def _fetch_current(self):
        from panelapp.domain.errors import NotFoundError
        from panelapp.services.engagement.feedback import feedback_rows

        rows = feedback_rows(self.window_.ctx, [self.row.id])
        if not rows:
            raise NotFoundError("의견")
        return rows[0]

    def _adopt(self, row) -> None:
        self.row = row

    def reload_facilities(self) -> Op:
        """A facility registered since the dialog opened is offered too."""
        from panelapp.services.registers.facilities import facility_choices

        ctx = self.window_.ctx
        return (
            Op(self, lambda _t: facility_choices(ctx))
            .success(
                lambda choices: refill_combo(
                    self.facility_combo, [(label, fid) for fid, label in choices], ("(시설 없음)", None)
                )
            )
            .run()
        )

    # ----- proposal choices ------------------------------------------------------------------
    def _current_link(self) -> list[tuple[int, str]]:
        r = self.row
        return [(r.proposal_id, r.proposal_title)] if r.proposal_id is not None and r.proposal_title else []

    def load_choices(self) -> None:
        from panelapp.services.engagement.feedback import proposal_link_choices

        self._choices_generation += 1
        generation, ctx = self._choices_generation, self.window_.ctx
        cohort, facility = self.row.cohort_id, self.facility_combo.currentData()
        keep = self.proposal_combo.currentData()
        Op(self, lambda _t: proposal_link_choices(ctx, cohort, facility, keep)).success(
            lambda result: self._show_choices(generation, *result)
        ).run()

    def _show_choices(self, generation: int, choices: list[tuple[int, str]], more: bool) -> None:
        if generation != self._choices_generation:
            return  # the facility changed again meanwhile
        combo = self.proposal_combo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(NO_LINK, None)
        for pid, label in choices:
            combo.addItem(label, pid)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)
        combo.setToolTip(
            f"최근 {len(choices)}건만 보입니다. 시설을 고르면 그 시설의 개선제안으로 좁혀집니다."
            if more
            else ""
        )
        self.choices_loaded.emit()

    def data(self):
        from panelapp.domain.enums import FeedbackKind, FeedbackSource
        from panelapp.services.engagement.feedback import FeedbackInput

        # Qt hands str-valued enums back as plain str: turn them back into the enums
        return FeedbackInput(
            self.row.cohort_id,
            FeedbackKind(self.kind_combo.currentData()),
            self.text_edit.toPlainText(),
            to_date(self.date_edit.date()),
            FeedbackSource(self.source_combo.currentData()),
            self.facility_combo.currentData(),
            self.proposal_combo.currentData(),
            self.handled_check.isChecked(),
            self.answer_edit.toPlainText(),
            to_date(self.answered_edit.date()),
        )

    def save(self) -> None:
        from panelapp.services.engagement.feedback import update_feedback

        ctx, row, data = self.window_.ctx, self.row, self.data()
        self.buttons.setEnabled(False)
        Op(self, lambda _t: update_feedback(ctx, row.id, data, row.version), write=True).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, result) -> None:
        self.saved, record = result  # the op announces the change: the list reloads itself
        if getattr(self.window_, "undo_stack", None) is not None:
            self.window_.undo_stack.push(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not self.conflict.handle(exc):
            close_on_save_failure(self, exc, self.fields, self.error_label, self.stale.emit)
