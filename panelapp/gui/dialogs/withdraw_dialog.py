"""탈퇴 처리: the date a member left and why; they stay on the roster as 탈퇴."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from panelapp.domain.errors import ValidationError
from panelapp.domain.localtime import today_local
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import keeps_input
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.stale_step import StaleStepResolver, StepRow
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.forms.ui_withdraw_dialog import Ui_WithdrawDialog


class WithdrawDialog(QDialog):
    reload_needed = Signal()  # the save failed because the list is behind the data

    def __init__(self, window, row):
        """`row` is the RosterRow the user picked (its version guards against stale edits)."""
        super().__init__(window)
        self.window_, self.row = window, row
        self.ui = Ui_WithdrawDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"탈퇴 처리 — {row.name}")
        self.ui.introLabel.setText(
            f"{row.name} 님을 탈퇴 처리합니다. 명단에는 '탈퇴'로 남고, "
            "그때까지의 활동 기록과 동의 기록은 그대로 보관됩니다."
        )
        setup_date_edit(self.ui.leftOnEdit)
        self.ui.leftOnEdit.setDate(from_date(today_local()))
        self.ui.errorLabel.hide()
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("탈퇴 처리")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        keep_unsaved_input(self)
        # the member changed on another desktop meanwhile: both shown, the 탈퇴 applied on it
        self.conflict = StaleStepResolver(
            self, "이 단원", self._fetch_current, self._rows, self._retry, self.reload_needed.emit
        )

    def _fetch_current(self):
        from panelapp.domain.errors import NotFoundError
        from panelapp.services.people.roster import roster_rows

        rows = roster_rows(self.window_.ctx, [self.row.enrollment_id], stats=False)
        if not rows:
            raise NotFoundError("단원")
        return rows[0]

    def _rows(self, now) -> list[StepRow]:
        before, ui = self.row, self.ui
        return [
            StepRow("상태", before.status.label, now.status.label, "탈퇴"),
            StepRow("단", before.team_name or "", now.team_name or "", None),
            StepRow("역할", before.role.label, now.role.label, None),
            StepRow("탈퇴일", "", "", ui.leftOnEdit.date().toString("yyyy-MM-dd")),
            StepRow("탈퇴 사유", "", "", ui.reasonEdit.text().strip()),
        ]

    def _retry(self, now) -> None:
        self.row = now
        self.save()

    def save(self) -> None:
        from panelapp.services.people.members import withdraw_member

        ctx, row = self.window_.ctx, self.row
        left_on, reason = to_date(self.ui.leftOnEdit.date()), self.ui.reasonEdit.text()
        self.ui.buttonBox.setEnabled(False)
        Op(
            self, lambda _t: withdraw_member(ctx, row.enrollment_id, left_on, reason, row.version), write=True
        ).success(self._saved).failure(self._failed).run()

    def _saved(self, _detail) -> None:
        self.accept()  # the op announces the change; the roster reloads

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.ui.errorLabel.setText(f"{exc.field}: {exc.detail}")
            self.ui.errorLabel.show()
            return
        if self.conflict.handle(exc):  # another desktop changed the member first: shown, input kept
            return
        show_error(self, exc)
        if keeps_input(exc):  # the server's connection broke: nothing saved, the input stays
            return
        self.reload_needed.emit()  # stale or deleted: the roster reloads and the user starts again
        self.reject()
