"""Change a 점검's status: 예정/완료/연기/취소, with the reason 연기 and 취소 need."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from panelapp.domain.enums import InspectionStatus
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import as_list, keeps_input, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.stale_step import StaleStepResolver, StepRow
from panelapp.gui.forms.ui_inspection_status_dialog import Ui_InspectionStatusDialog

HINTS = {
    InspectionStatus.PLANNED: "다시 예정으로 돌립니다. 취소했던 점검이면 활동 기록에도 다시 나타납니다.",
    InspectionStatus.COMPLETED: "점검을 마쳤습니다. 결과는 점검 결과 입력에서 기록합니다.",
    InspectionStatus.POSTPONED: "연기한 점검은 날짜를 바꾼 뒤 다시 예정으로 돌리세요.",
    InspectionStatus.CANCELLED: "취소한 점검은 활동 기록(점검 행사)에서 빠지고 휴지통으로 갑니다.",
}


class InspectionStatusDialog(QDialog):
    stale = Signal()  # the save met a visit changed or deleted meanwhile: the schedule should reload

    def __init__(self, window, info):
        super().__init__(window)
        self.window_, self.info = window, info
        self.saved = None
        self.ui = ui = Ui_InspectionStatusDialog()
        ui.setupUi(self)
        ui.titleLabel.setText(f"{info.title} · {info.scheduled_date:%Y-%m-%d} {info.time_text}")
        for label, status in InspectionStatus.choices():
            ui.statusCombo.addItem(label, status)
        ui.statusCombo.setCurrentIndex(ui.statusCombo.findData(info.status))
        ui.reasonEdit.setText(info.status_reason or "")
        self.fields = {"상태": ui.statusCombo, "사유": ui.reasonEdit}
        show_field_errors(self.fields, ui.errorLabel, [])
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("닫기")
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        keep_unsaved_input(self)
        # a visit changed on another desktop meanwhile: both shown, the choice applied on it
        self.conflict = StaleStepResolver(
            self, "이 점검", self._fetch_current, self._rows, self._retry, self.stale.emit
        )

    def _fetch_current(self):
        from panelapp.services.inspections.queries import get_inspection

        return get_inspection(self.window_.ctx, self.info.id)

    def _rows(self, now) -> list[StepRow]:
        ui, before = self.ui, self.info
        return [
            StepRow("상태", before.status.label, now.status.label, ui.statusCombo.currentText()),
            StepRow(
                "사유", before.status_reason or "", now.status_reason or "", ui.reasonEdit.text().strip()
            ),
            StepRow(
                "일정",
                f"{before.scheduled_date:%Y-%m-%d} {before.time_text}",
                f"{now.scheduled_date:%Y-%m-%d} {now.time_text}",
                None,
            ),
        ]

    def _retry(self, now) -> None:
        self.info = now
        self.save()

    def _status_changed(self, *_args) -> None:
        status = InspectionStatus(self.ui.statusCombo.currentData())  # Qt hands back the plain str
        needs = status in (InspectionStatus.POSTPONED, InspectionStatus.CANCELLED)
        self.ui.reasonEdit.setEnabled(needs)
        self.ui.reasonLabel.setText("사유 *" if needs else "사유")
        self.ui.hintLabel.setText(HINTS[status])

    def save(self) -> None:
        from panelapp.services.inspections.scheduling import set_status

        ctx, info = self.window_.ctx, self.info
        status, reason = InspectionStatus(self.ui.statusCombo.currentData()), self.ui.reasonEdit.text()
        self.ui.buttonBox.setEnabled(False)
        Op(self, lambda _t: set_status(ctx, info.id, status, reason, info.version), write=True).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, result) -> None:
        self.saved = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.ui.errorLabel, errors)
            return
        if self.conflict.handle(exc):  # another desktop changed the visit first: shown, input kept
            return
        show_error(self, exc)
        if keeps_input(exc):  # the server's connection broke: nothing saved, the input stays
            return
        self.stale.emit()
        self.reject()
