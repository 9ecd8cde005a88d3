"""행사 추가/수정: kind, title, date, credited hours, place of an activity event."""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QDialog

from panelapp.domain.enums import EventKind
from panelapp.domain.localtime import today_local
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import as_list, keeps_input, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.dates import from_date, from_time, setup_date_edit, setup_time_edit, to_date, to_time
from panelapp.gui.forms.ui_event_dialog import Ui_EventDialog

KINDS = (EventKind.LAUNCH, EventKind.TRAINING, EventKind.MEETING, EventKind.OTHER)
DEFAULT_HOURS = {EventKind.LAUNCH: 3.0, EventKind.TRAINING: 2.0, EventKind.MEETING: 2.0, EventKind.OTHER: 2.0}


class EventDialog(QDialog):
    reload_needed = Signal()  # the save failed because the page is behind the data

    def __init__(self, window, cohort_id: int, event=None, parent=None):
        """`event` is the EventInfo being edited (its version guards against stale edits)."""
        super().__init__(parent or window)
        self.window_, self.cohort_id, self.editing = window, cohort_id, event
        self.result_info = None
        self.ui = Ui_EventDialog()
        self.ui.setupUi(self)
        for kind in KINDS:
            self.ui.kindCombo.addItem(kind.label, kind)
        setup_date_edit(self.ui.dateEdit)
        setup_time_edit(self.ui.timeEdit)
        self.ui.timeEdit.setTime(QTime(14, 0))
        self.ui.errorLabel.hide()
        self.fields = {
            "구분": self.ui.kindCombo,
            "제목": self.ui.titleEdit,
            "날짜": self.ui.dateEdit,
            "시간": self.ui.hoursSpin,
            "장소": self.ui.locationEdit,
            "메모": self.ui.notesEdit,
        }
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        if event is None:
            self.setWindowTitle("행사 추가")
            self.ui.dateEdit.setDate(from_date(today_local()))
            self.ui.kindCombo.currentIndexChanged.connect(self._suggest_hours)
            self.ui.hintLabel.setText("출석으로 표시한 단원에게 '인정 시간'만큼 활동 시간이 쌓입니다.")
        else:
            self.setWindowTitle(f"행사 수정 — {event.title}")
            self._load(event)
            self.ui.hintLabel.setText(
                f"인정 시간을 바꾸면 이미 출석한 {event.present_count}명의 활동 시간도 함께 바뀝니다."
            )
        self.ui.titleEdit.setFocus()
        keep_unsaved_input(self)
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self,
            self.fields,
            self.ui.errorLabel,
            self._fetch_current,
            self._load,
            self._adopt,
            self.reload_needed.emit,
        )

    def _fetch_current(self):
        from panelapp.domain.errors import NotFoundError
        from panelapp.services.activities.attendance import list_events

        event_id = self.editing.id
        found = next((e for e in list_events(self.window_.ctx, self.cohort_id) if e.id == event_id), None)
        if found is None:
            raise NotFoundError("행사")
        return found

    def _adopt(self, event) -> None:
        self.editing = event

    def _load(self, event) -> None:
        self.ui.kindCombo.setCurrentIndex(max(0, self.ui.kindCombo.findData(event.kind)))
        self.ui.titleEdit.setText(event.title)
        self.ui.dateEdit.setDate(from_date(event.event_date))
        if event.start_time is not None:
            self.ui.timeCheck.setChecked(True)
            self.ui.timeEdit.setTime(from_time(event.start_time))
        self.ui.hoursSpin.setValue(event.hours)
        self.ui.locationEdit.setText(event.location or "")
        self.ui.notesEdit.setPlainText(event.notes or "")

    def _suggest_hours(self) -> None:
        self.ui.hoursSpin.setValue(DEFAULT_HOURS[self.ui.kindCombo.currentData()])

    def data(self):
        from panelapp.services.activities.attendance import EventInput

        start = None
        if self.ui.timeCheck.isChecked():
            start = to_time(self.ui.timeEdit.time())
        return EventInput(
            kind=self.ui.kindCombo.currentData(),
            title=self.ui.titleEdit.text(),
            event_date=to_date(self.ui.dateEdit.date()),
            hours=self.ui.hoursSpin.value(),
            start_time=start,
            location=self.ui.locationEdit.text(),
            notes=self.ui.notesEdit.toPlainText(),
        )

    def save(self) -> None:
        from panelapp.services.activities import attendance

        ctx, data, event, cohort_id = self.window_.ctx, self.data(), self.editing, self.cohort_id
        self.ui.buttonBox.setEnabled(False)
        if event is None:
            fn = lambda _t: attendance.create_event(ctx, cohort_id, data)  # noqa: E731
        else:
            fn = lambda _t: attendance.update_event(ctx, event.id, data, event.version)  # noqa: E731
        Op(self, fn, write=True).success(self._saved).failure(self._failed).run()

    def _saved(self, info) -> None:
        self.result_info = info
        self.accept()  # the op announces the event (and the attendance whose hours followed)

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        errors = as_list(exc)
        if errors:
            show_field_errors(self.fields, self.ui.errorLabel, errors)
            return
        if self.editing is not None and self.conflict.handle(exc):
            return
        show_error(self, exc)
        if keeps_input(exc):  # the server's connection broke: nothing saved, the input stays
            return
        if self.editing is not None:  # deleted: the page reloads
            self.reload_needed.emit()
            self.reject()
