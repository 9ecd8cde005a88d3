"""Create or edit a 기수: number, name, term, 발대식, 정원, status and notes."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from panelapp.domain.enums import CohortStatus
from panelapp.domain.localtime import today_local
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input, mark_clean
from panelapp.gui.core.field_errors import handle_save_failure, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.dates import from_date, to_date
from panelapp.gui.forms.ui_cohort_dialog import Ui_CohortDialog
from panelapp.gui.korean_calendar import setup_korean_date_edit

NEW_HINT = "새 기수에는 정책동행단과 소식이음단이 함께 만들어집니다. 단은 나중에 바꾸거나 더할 수 있습니다."
OPEN_HINT = "기수를 끝낼 때는 목록의 '종료 처리'를 쓰세요. 활동 중인 단원이 모두 수료로 바뀝니다."
CLOSED_HINT = "종료된 기수입니다. 상태를 다시 바꿔도 이미 수료 처리된 단원은 그대로입니다."


class CohortDialog(QDialog):
    loaded = Signal()  # defaults or the latest saved values are in the form

    def __init__(self, window, info=None):
        super().__init__(window)
        self.window_, self.info, self.result_info = window, info, None
        self._suggested_name = ""
        self.ui = ui = Ui_CohortDialog()
        ui.setupUi(self)
        self.setWindowTitle("새 기수 만들기" if info is None else f"제{info.number}기 정보 수정")
        for edit in (ui.startEdit, ui.endEdit, ui.launchEdit):
            setup_korean_date_edit(edit)
        ui.errorLabel.hide()
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.numberSpin.valueChanged.connect(self._suggest_name)
        ui.startEdit.dateChanged.connect(self._follow_start)
        self.fields = {
            "기수": ui.numberSpin,
            "기수 이름": ui.nameEdit,
            "활동 시작일": ui.startEdit,
            "활동 종료일": ui.endEdit,
            "발대식 날짜": ui.launchEdit,
            "정원": ui.quotaSpin,
            "상태": ui.statusCombo,
            "메모": ui.notesEdit,
        }
        keep_unsaved_input(self)
        if info is None:
            self._fill_defaults()
        else:
            self._fill(info)
            # a save refused because another desktop saved first shows both versions
            self.conflict = resolve_stale_saves(
                self,
                self.fields,
                ui.errorLabel,
                self._fetch_current,
                self._fill,
            )

    # ----- filling -------------------------------------------------------------------------
    def _fill_defaults(self) -> None:
        from panelapp.services.cohorts.manage import list_cohorts

        ui, today = self.ui, today_local()
        self._set_statuses(CohortStatus.RECRUITING)
        ui.startEdit.setDate(from_date(today))
        ui.endEdit.setDate(QDate(today.year if today.month < 12 else today.year + 1, 12, 31))
        ui.launchEdit.setDate(from_date(today))
        ui.hintLabel.setText(NEW_HINT)
        self._set_busy(True)
        ctx = self.window_.ctx
        Op(self, lambda _t: max((c.number for c in list_cohorts(ctx)), default=0) + 1).success(
            self._got_next_number
        ).failure(self._load_failed).run()

    def _got_next_number(self, number: int) -> None:
        self.ui.numberSpin.setValue(number)
        self._suggest_name(number)
        self._set_busy(False)
        mark_clean(self)  # the suggested number and name are not the user's input
        self.ui.nameEdit.setFocus()
        self.loaded.emit()

    def _fill(self, info) -> None:
        ui = self.ui
        self.info = info
        ui.numberSpin.setValue(info.number)
        ui.nameEdit.setText(info.name)
        ui.startEdit.setDate(from_date(info.term_start))
        ui.endEdit.setDate(from_date(info.term_end))
        ui.launchCheck.setChecked(info.launch_date is not None)
        ui.launchEdit.setDate(from_date(info.launch_date or info.term_start))
        ui.quotaSpin.setValue(info.quota or 0)
        self._set_statuses(info.status)
        ui.notesEdit.setPlainText(info.notes or "")
        ui.hintLabel.setText(CLOSED_HINT if info.status == CohortStatus.CLOSED else OPEN_HINT)
        self._set_busy(False)
        mark_clean(self)
        self.loaded.emit()

    def _set_statuses(self, current: CohortStatus) -> None:
        # Closing goes through 종료 처리 (it completes the members); offer 종료 only to keep it.
        combo = self.ui.statusCombo
        combo.clear()
        for status in CohortStatus:
            if status != CohortStatus.CLOSED or current == CohortStatus.CLOSED:
                combo.addItem(status.label, status)
        combo.setCurrentIndex(combo.findData(current))

    def _suggest_name(self, number: int) -> None:
        """Keep proposing "제N기 시민참여단" until the user writes a name of their own."""
        name = self.ui.nameEdit.text().strip()
        if self.info is None and name in ("", self._suggested_name):
            self._suggested_name = f"제{number}기 시민참여단"
            self.ui.nameEdit.setText(self._suggested_name)

    def _follow_start(self, start: QDate) -> None:
        if self.info is None and not self.ui.launchCheck.isChecked():
            self.ui.launchEdit.setDate(start)

    # ----- saving --------------------------------------------------------------------------
    def cohort_input(self):
        from panelapp.services.cohorts.manage import CohortInput

        ui = self.ui
        return CohortInput(
            number=ui.numberSpin.value(),
            name=ui.nameEdit.text(),
            term_start=to_date(ui.startEdit.date()),
            term_end=to_date(ui.endEdit.date()),
            launch_date=to_date(ui.launchEdit.date()) if ui.launchCheck.isChecked() else None,
            quota=ui.quotaSpin.value() or None,
            status=ui.statusCombo.currentData(),
            notes=ui.notesEdit.toPlainText(),
        )

    def save(self) -> None:
        from panelapp.services.cohorts.manage import create_cohort, update_cohort

        show_field_errors(self.fields, self.ui.errorLabel, [])
        ctx, data, info = self.window_.ctx, self.cohort_input(), self.info
        if info is None:
            fn = lambda _t: create_cohort(ctx, data)  # noqa: E731
        else:
            fn = lambda _t: update_cohort(ctx, info.id, data, info.version)  # noqa: E731
        self._set_busy(True)
        Op(self, fn, write=True).success(self._saved).failure(self._save_failed).run()

    def _saved(self, info) -> None:
        self._set_busy(False)
        self.result_info = info
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if self.info is not None and self.conflict.handle(exc):
            return
        handle_save_failure(self, exc, self.fields, self.ui.errorLabel, self._reload)

    def _fetch_current(self):
        from panelapp.services.cohorts.manage import get_cohort

        return get_cohort(self.window_.ctx, self.info.id)

    def _reload(self) -> None:
        """After a conflict: show what the other user saved; the user edits from there."""
        from panelapp.services.cohorts.manage import get_cohort

        ctx, cohort_id = self.window_.ctx, self.info.id
        self._set_busy(True)
        Op(self, lambda _t: get_cohort(ctx, cohort_id)).success(self._fill).failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reject()

    def _set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)
