"""Schedule or edit a 점검: facility, date and time, team, lead, members, checklist; a new
visit may repeat every N weeks or monthly. Warnings are confirmed before saving."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import QDialog, QListWidgetItem

from panelapp.domain.holidays_kr import holiday_name
from panelapp.domain.localtime import today_local
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import as_list, show_field_errors
from panelapp.gui.core.follow import follow_changes, refill_combo
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.dates import from_date, setup_time_edit, to_date
from panelapp.gui.forms.ui_inspection_dialog import Ui_InspectionDialog
from panelapp.gui.korean_calendar import setup_korean_date_edit
from panelapp.gui.schedule.confirm import save_with_confirmation
from panelapp.services.changes import Kind

NO_TEAM = "(지정 안 함)"


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class InspectionDialog(QDialog):
    stale = Signal()  # a save met a visit changed or deleted meanwhile: the schedule should reload

    def __init__(self, window, choices, info=None, day: dt.date | None = None):
        """`choices` is a ScheduleChoices; `info` the InspectionInfo being edited, or None."""
        super().__init__(window)
        self.window_, self.choices, self.info = window, choices, info
        self.saved = None
        self.ui = ui = Ui_InspectionDialog()
        ui.setupUi(self)
        self.setWindowTitle("점검 일정 추가" if info is None else f"점검 수정 — {info.title}")
        for edit in (ui.dateEdit, ui.untilEdit):
            setup_korean_date_edit(edit)
        for edit in (ui.startEdit, ui.endEdit):
            setup_time_edit(edit)
        for label, f_id in self._facility_choices(choices):
            ui.facilityCombo.addItem(label, f_id)
        ui.teamCombo.addItem(NO_TEAM, None)
        for t_id, name in choices.teams:
            ui.teamCombo.addItem(name, t_id)
        for p_id, label in choices.lead_order():
            ui.leadCombo.addItem(label, p_id)
        for label, v_id in self._version_choices(choices):
            ui.templateCombo.addItem(label, v_id)
        ui.repeatCombo.addItem("N주마다", "weeks")
        ui.repeatCombo.addItem("매월 같은 날", "monthly")
        self._fill(info, day)
        self.fields = {
            "시설": ui.facilityCombo,
            "점검일": ui.dateEdit,
            "시작 시각": ui.startEdit,
            "종료 시각": ui.endEdit,
            "담당 단": ui.teamCombo,
            "조장": ui.leadCombo,
            "단원": ui.membersList,
            "점검표": ui.templateCombo,
            "메모": ui.notesEdit,
            "반복 간격": ui.intervalSpin,
            "반복 종료일": ui.untilEdit,
        }
        show_field_errors(self.fields, ui.errorLabel, [])
        ui.dateEdit.dateChanged.connect(self._date_changed)
        ui.startEdit.timeChanged.connect(self._times_changed)
        ui.endEdit.timeChanged.connect(self._times_changed)
        ui.leadCombo.currentIndexChanged.connect(self._lead_changed)
        ui.repeatCheck.toggled.connect(self._repeat_changed)
        ui.repeatCombo.currentIndexChanged.connect(lambda _i: self._repeat_changed())
        self._date_changed()
        self._times_changed()
        self._lead_changed()
        self._repeat_changed()
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        keep_unsaved_input(self)
        # a facility, checklist or team registered while the dialog is open is offered at once
        follow_changes(self, {Kind.FACILITY, Kind.CHECKLIST, Kind.TEAM}, self.reload_choices)
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self,
            self.fields,
            ui.errorLabel,
            self._fetch_current,
            lambda info: self._fill(info, None),
            self._adopt,
            self.stale.emit,
        )

    def _fetch_current(self):
        from panelapp.services.inspections.queries import get_inspection

        assert self.info is not None
        return get_inspection(self.window_.ctx, self.info.id)

    def _adopt(self, info) -> None:
        self.info = info

    def _facility_choices(self, choices) -> list[tuple[str, int]]:
        info = self.info
        return [
            (name if active else f"{name} (사용 중지)", f_id)
            for f_id, name, active in choices.facilities
            if active or (info is not None and f_id == info.facility_id)
        ]

    @staticmethod
    def _version_choices(choices) -> list[tuple[str, int]]:
        return [(v.label + (" (기본)" if v.is_default else ""), v.id) for v in choices.versions]

    def reload_choices(self) -> Op:
        from panelapp.services.inspections.choices import schedule_choices

        ctx, cohort_id = self.window_.ctx, self.choices.cohort_id
        return (
            Op(self, lambda _t: schedule_choices(ctx, cohort_id, with_people=False))
            .success(self._new_choices)
            .run()
        )

    def _new_choices(self, fresh) -> None:
        ui = self.ui
        refill_combo(ui.facilityCombo, self._facility_choices(fresh))
        refill_combo(ui.teamCombo, [(name, t_id) for t_id, name in fresh.teams], (NO_TEAM, None))
        refill_combo(ui.templateCombo, self._version_choices(fresh))
        if ui.templateCombo.currentIndex() < 0 and ui.templateCombo.count():  # none before, or gone
            ui.templateCombo.setCurrentIndex(max(0, ui.templateCombo.findData(fresh.default_version_id)))

    def _fill(self, info, day) -> None:
        ui, c = self.ui, self.choices
        ui.membersList.clear()  # filled again after a conflict with the visit as saved now
        people = dict(c.people)
        chosen = {i for i, _n in info.members} if info else set()
        for p_id, name in info.members if info else ():
            people.setdefault(p_id, f"{name} · 활동 중 아님")  # keep someone who left since
        if info is not None and info.lead_id is not None and ui.leadCombo.findData(info.lead_id) < 0:
            ui.leadCombo.addItem(f"{info.lead_name} · 활동 중 아님", info.lead_id)
        team = dict(c.teams).get(info.team_id if info else c.inspection_team_id, "")
        # Those on the visit first, then the team that inspects, then everyone else.
        order = sorted(people.items(), key=lambda p: (p[0] not in chosen, f"· {team} ·" not in p[1], p[1]))
        for p_id, label in order:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, p_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p_id in chosen else Qt.CheckState.Unchecked)
            ui.membersList.addItem(item)
        first = day or (info.scheduled_date if info else max(c.term[0], min(today_local(), c.term[1])))
        ui.dateEdit.setDate(from_date(first))
        ui.untilEdit.setDate(from_date(min(c.term[1], first + dt.timedelta(weeks=12))))
        ui.startEdit.setTime(_qtime(info.start_time if info and info.start_time else dt.time(10)))
        ui.endEdit.setTime(_qtime(info.end_time if info and info.end_time else dt.time(12)))
        ui.facilityCombo.setCurrentIndex(ui.facilityCombo.findData(info.facility_id) if info else -1)
        ui.facilityCombo.setPlaceholderText("시설을 고르세요")
        team = info.team_id if info else c.inspection_team_id
        ui.teamCombo.setCurrentIndex(max(0, ui.teamCombo.findData(team)))
        ui.leadCombo.setPlaceholderText("조장을 고르세요")
        ui.leadCombo.setCurrentIndex(ui.leadCombo.findData(info.lead_id) if info else -1)
        version = info.template_version_id if info else c.default_version_id
        ui.templateCombo.setCurrentIndex(max(0, ui.templateCombo.findData(version)))
        ui.notesEdit.setPlainText(info.notes or "" if info else "")
        for w in (
            ui.repeatLabel,
            ui.repeatCheck,
            ui.repeatCombo,
            ui.intervalSpin,
            ui.untilLabel,
            ui.untilEdit,
        ):
            w.setVisible(info is None)  # a series is made at once; its visits are then edited one by one

    def _date_changed(self) -> None:
        name = holiday_name(to_date(self.ui.dateEdit.date()))
        self.ui.holidayLabel.setText(f"공휴일: {name}" if name else "")

    def _times_changed(self) -> None:
        from panelapp.domain.formatting import format_hours
        from panelapp.services.inspections.rules import span_hours

        start, end = _time(self.ui.startEdit.time()), _time(self.ui.endEdit.time())
        self.ui.hoursLabel.setText(f"({format_hours(span_hours(start, end))})" if end > start else "")

    def _lead_changed(self) -> None:
        lead = self.ui.leadCombo.currentData()
        for n in range(self.ui.membersList.count()):
            item = self.ui.membersList.item(n)
            is_lead = item.data(Qt.ItemDataRole.UserRole) == lead
            item.setHidden(is_lead)  # the lead is on the visit already

    def _repeat_changed(self, *_args) -> None:
        ui, on = self.ui, self.ui.repeatCheck.isChecked()
        ui.repeatCombo.setEnabled(on)
        ui.untilEdit.setEnabled(on)
        ui.intervalSpin.setEnabled(on and ui.repeatCombo.currentData() == "weeks")

    def checked_members(self) -> tuple[int, ...]:
        items = (self.ui.membersList.item(n) for n in range(self.ui.membersList.count()))
        return tuple(
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked and not i.isHidden()
        )

    def draft(self):
        from panelapp.services.inspections.rules import InspectionDraft

        ui = self.ui
        return InspectionDraft(
            self.choices.cohort_id,
            ui.facilityCombo.currentData(),
            to_date(ui.dateEdit.date()),
            _time(ui.startEdit.time()),
            _time(ui.endEdit.time()),
            ui.teamCombo.currentData(),
            ui.leadCombo.currentData(),
            self.checked_members(),
            ui.templateCombo.currentData(),
            ui.notesEdit.toPlainText(),
            self.info.id if self.info else None,
        )

    def series(self):
        from panelapp.services.inspections.rules import Repeat, SeriesSpec

        if self.info is not None or not self.ui.repeatCheck.isChecked():
            return None
        return SeriesSpec(
            Repeat(self.ui.repeatCombo.currentData()),
            to_date(self.ui.untilEdit.date()),
            self.ui.intervalSpin.value(),
        )

    def save(self) -> None:
        from panelapp.services.inspections import scheduling as svc

        ctx, info, draft, spec = self.window_.ctx, self.info, self.draft(), self.series()
        if info is not None:
            work = lambda ok: svc.update_inspection(ctx, info.id, draft, info.version, ok)  # noqa: E731
        elif spec is not None:
            work = lambda ok: svc.create_series(ctx, draft, spec, ok)  # noqa: E731
        else:
            work = lambda ok: svc.create_inspection(ctx, draft, ok)  # noqa: E731
        self.ui.buttonBox.setEnabled(False)
        save_with_confirmation(self, work, self._saved, self._failed)

    def _saved(self, result) -> None:
        self.saved = result
        self.accept()

    def _failed(self, exc: BaseException | None) -> None:
        self.ui.buttonBox.setEnabled(True)
        if exc is None:
            return  # the user chose to look again
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.ui.errorLabel, errors)
            return
        if self.info is not None and self.conflict.handle(exc):
            return  # another desktop saved first: both versions shown, the input kept
        show_error(self, exc)
        self.stale.emit()
        self.reject()
