"""개인정보 동의 철회: a step of its own, apart from the member form's 저장/취소 (issue 12).

The member form's 동의 철회 기록… opens this dialog with what the withdrawal will do (the
service's preview: whose consents, how many, which active cohorts end; the name masked). The
withdrawal date is typed or picked like every date field (gui/typed_dates.py through
gui/dates.setup_date_edit; today by default, nothing later), the person's wish is confirmed with
a tick, and only [철회 기록] writes: `retention/withdrawal.withdraw_consent(member, on)`, the
same service and date the command line's `members withdraw-consent ID --on D` uses. It cannot
be undone, so the record button waits for the tick and 취소 is the default.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from panelapp.domain.errors import ValidationError
from panelapp.domain.localtime import today_local
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.palette import set_tone

TITLE = "개인정보 동의 철회"
WIDTH = 560
CONFIRM_TEXT = "본인이 개인정보 수집·이용 동의를 철회한다는 뜻을 확인했습니다(되돌릴 수 없음)"


class ConsentWithdrawalDialog(QDialog):
    """`recorded(day)` when the withdrawal is saved (then it closes); `self.withdrawn` is how
    many consents were marked withdrawn."""

    recorded = Signal(object)

    def __init__(self, parent, ctx, preview):
        super().__init__(parent)
        self.ctx, self.preview = ctx, preview
        self.withdrawn: int | None = None
        self.on = today_local()
        self.setWindowTitle(TITLE)
        col = QVBoxLayout(self)
        self.intro = QLabel(preview.sentence)
        self.intro.setWordWrap(True)
        col.addWidget(self.intro)
        form = QFormLayout()
        self.date_edit = QDateEdit()
        setup_date_edit(self.date_edit)  # typed dates too: 20261201, 12/1, 26.12.1
        self.date_edit.setDate(from_date(today_local()))
        self.date_edit.setMaximumDate(from_date(today_local()))  # no withdrawal is recorded ahead
        form.addRow("철회일(&D)", self.date_edit)
        col.addLayout(form)
        hint = QLabel(
            "철회일은 본인이 철회 의사를 밝힌 날입니다(서면·전화로 받은 날). 그날로 활동 중인 기수에서 탈퇴 "
            "처리되고, 이름과 연락처는 모든 목록과 파일에서 가려집니다."
        )
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        col.addWidget(hint)
        self.confirm = QCheckBox(CONFIRM_TEXT)
        col.addWidget(self.confirm)
        self.error = QLabel()
        self.error.setWordWrap(True)
        set_tone(self.error, "error")
        self.error.hide()
        col.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.record_button = self.buttons.addButton("철회 기록", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.record_button.setEnabled(False)
        self.record_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.confirm.toggled.connect(self.record_button.setEnabled)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.date_edit.setFocus()
        # the wrapped sentences would otherwise stretch it to one long line each
        col.activate()
        self.resize(WIDTH, max(self.sizeHint().height(), col.heightForWidth(WIDTH)))

    def record(self) -> None:
        from panelapp.services.retention.withdrawal import withdraw_consent

        if not self.confirm.isChecked():
            return
        ctx, member_id, on = self.ctx, self.preview.member_id, to_date(self.date_edit.date())
        self.error.hide()
        self.buttons.setEnabled(False)
        Op(self, lambda _t: withdraw_consent(ctx, member_id, on), write=True).success(
            lambda count: self._recorded(count, on)
        ).failure(self._failed).run()

    def _recorded(self, count: int, on) -> None:
        self.withdrawn, self.on = count, on
        self.recorded.emit(on)
        self.accept()  # the op announced the change

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText(f"{exc.field}: {exc.detail}")
            self.error.show()
            self.date_edit.setFocus()
            return
        show_error(self, exc)
