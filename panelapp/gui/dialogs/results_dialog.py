"""점검 결과 입력: answer the checklist from the keyboard, see the scores live, save a draft or
complete the visit with its actual time and who took part; findings are added from here.

A save refused because another desktop saved the visit first (its results, its attendance or
the visit itself) shows the difference field by field (gui/core/conflicts): each item's answer
and note, the actual day and times, and each participant's tick."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QListWidgetItem, QVBoxLayout, QWidget

from panelapp.domain.enums import AssignmentRole, InspectionStatus
from panelapp.domain.formatting import format_hours
from panelapp.domain.marks import severity_mark
from panelapp.domain.scoring import describe_overall, describe_section
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input, mark_clean, may_discard, open_dialog
from panelapp.gui.core.field_errors import as_list
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.scroll_body import scroll_body
from panelapp.gui.dates import from_date, from_time, setup_time_edit, to_date, to_time
from panelapp.gui.forms.ui_results_dialog import Ui_ResultsDialog
from panelapp.gui.korean_calendar import setup_korean_date_edit
from panelapp.gui.palette import set_tone
from panelapp.gui.results_items import ItemsGrid
from panelapp.gui.results_verifications import VerificationsBox


class ResultsDialog(QDialog):
    def __init__(self, window, inspection_id: int):
        super().__init__(window)
        self.window_, self.inspection_id = window, inspection_id
        self.sheet = None
        self.grid: ItemsGrid | None = None
        self.checks: dict[int, QCheckBox] = {}
        self.findings: list = []
        # label → widget of every input, refilled in place by _fill (the conflict view reads it)
        self.fields: dict[str, QWidget] = {}
        self.dirty = False
        self.ui = ui = Ui_ResultsDialog()
        ui.setupUi(self)
        scroll_body(self, ui.side)  # the side column is taller than 150 % leaves of 1366×768
        self.verifications = self._add_verifications()
        ui.titleLabel.setText("점검 결과를 불러오는 중…")
        ui.errorLabel.hide()
        setup_korean_date_edit(ui.dateEdit)
        for edit in (ui.startEdit, ui.endEdit):
            setup_time_edit(edit)
        self.attendees = QVBoxLayout(ui.attendeesBox)
        self.attendees.setContentsMargins(0, 0, 0, 0)
        ui.saveButton.clicked.connect(self.save)
        ui.completeButton.clicked.connect(self.complete)
        ui.closeButton.clicked.connect(self.close_dialog)
        ui.addFindingButton.clicked.connect(self.add_finding)
        ui.findingsList.itemDoubleClicked.connect(
            lambda item: self.edit_finding(item.data(256)) if item.data(256) is not None else None
        )
        for b in (ui.saveButton, ui.completeButton, ui.addFindingButton, ui.closeButton):
            b.setEnabled(b is ui.closeButton)
            # Enter moves to the next item (results_items): it must not press a button as well
            b.setAutoDefault(False)
            b.setDefault(False)
        # The visit's findings change from the finding dialog opened here: follow what ops announce
        # (the dialog is deleted when closed, and its connection with it).
        window.bus.changes.connect(self._on_changes)
        keep_unsaved_input(self)
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self, self.fields, ui.errorLabel, self._fetch, self._fill, filled=False
        )
        self.load()

    def _add_verifications(self) -> VerificationsBox:
        """확인할 개선사항 goes under 발견사항, in the side column (scrolled with it)."""
        box = VerificationsBox(self)
        column = self.ui.findingsGroup.parentWidget().layout()
        column.insertWidget(column.indexOf(self.ui.findingsGroup) + 1, box)
        box.changed.connect(lambda: setattr(self, "dirty", True))
        box.photo_requested.connect(self.add_verification_photo)
        return box

    # ----- loading -----------------------------------------------------------------------
    def _fetch(self):
        from panelapp.services.findings.manage import FindingQuery, list_findings
        from panelapp.services.results.entry import get_result_sheet

        ctx, iid = self.window_.ctx, self.inspection_id
        return get_result_sheet(ctx, iid), list_findings(ctx, FindingQuery(inspection_id=iid))

    def load(self) -> None:
        Op(self, lambda _t: self._fetch()).success(self._fill).failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        """Refused (a 조장 on another's visit) or gone: the sentence, and the form closes."""
        from panelapp.gui.core.ops import show_error

        show_error(self, exc)
        self.reject()

    def _fill(self, result) -> None:
        self.sheet, findings = result
        sheet, ui = self.sheet, self.ui
        ui.titleLabel.setText(
            f"{sheet.title} · {sheet.scheduled_date:%Y-%m-%d} "
            f"{sheet.start_time:%H:%M}–{sheet.end_time:%H:%M} ({sheet.status.label})"
        )
        ui.infoLabel.setText(
            f"점검표: {sheet.template_label or '없음'} · * 표시는 필수 항목입니다. "
            "완료하면 참여자의 활동 시간이 기록됩니다."
        )
        self.grid = ItemsGrid(sheet.sections, {r.item_id: r for r in sheet.responses})
        self.grid.changed.connect(self._changed)
        self.grid.focused.connect(lambda w: ui.scrollArea.ensureWidgetVisible(w, 50, 80))
        ui.scrollArea.setWidget(self.grid)
        self.grid.tab_after(ui.scrollArea)  # made after the form: Tab reaches it first, not after 닫기
        day = sheet.actual_start.date() if sheet.actual_start else sheet.scheduled_date
        ui.dateEdit.setDate(from_date(day))
        start = sheet.actual_start.time() if sheet.actual_start else sheet.start_time
        end = sheet.actual_end.time() if sheet.actual_end else sheet.end_time
        ui.startEdit.setTime(from_time(start))
        ui.endEdit.setTime(from_time(end))
        for old in self.checks.values():  # filled again (another desktop saved first): new ticks
            self.attendees.removeWidget(old)
            old.setParent(None)  # gone from the form's fields now, not at the next event loop
            old.deleteLater()
        self.checks = {}
        previous = ui.endEdit  # the ticks come after the times in the Tab order, as on screen
        for p in sheet.participants:
            lead = " (조장)" if p.role == AssignmentRole.LEAD else ""
            box = QCheckBox(p.name + lead, checked=p.present is not False)
            self.attendees.addWidget(box)
            self.checks[p.enrollment_id] = box
            QWidget.setTabOrder(previous, box)
            previous = box
        self.verifications.fill(sheet.verifications, after=previous)
        self._name_fields()
        ui.hoursLabel.setText(f"참여자에게 {format_hours(sheet.event_hours)}씩 활동 시간이 인정됩니다.")
        ui.completeButton.setText("완료 정보 수정" if sheet.status == InspectionStatus.COMPLETED else "완료")
        for b in (ui.saveButton, ui.completeButton, ui.addFindingButton):
            b.setEnabled(True)
        self._show_findings(findings)
        self._update_scores()
        mark_clean(self)  # the saved answers are the starting point
        self.conflict.opened()
        if self.grid.rows:
            self.grid.focus_row(0)

    def _name_fields(self) -> None:
        """The form's inputs by the labels the conflict view shows (the service's own labels for
        items: "안전 1번(소화기가…)"), in the order they are on screen, 확인할 개선사항 last."""
        from panelapp.services.results.entry import F_END, F_START, item_label

        assert self.grid is not None and self.sheet is not None
        ui, fields = self.ui, self.fields
        fields.clear()
        sections = self.sheet.sections
        for row in self.grid.rows:
            label = item_label(row.item, sections[row.section_index])
            fields[label] = row.answer
            fields[f"{label} 메모"] = row.note
        fields["점검일"] = ui.dateEdit
        fields[F_START] = ui.startEdit
        fields[F_END] = ui.endEdit
        for p in self.sheet.participants:
            label = f"참여: {p.name}"
            if label in fields:  # two people of one name: told apart by their place in the list
                label = f"{label} ({sum(k.startswith(label) for k in fields) + 1})"
            fields[label] = self.checks[p.enrollment_id]
        for row in self.verifications.rows.values():  # 확인할 개선사항: each choice and its note
            fields[f"확인: {row.item.title}"] = row.combo
            fields[f"확인: {row.item.title} 메모"] = row.note

    def _on_changes(self, changes) -> None:
        from panelapp.services.changes import Kind

        if changes.touches({Kind.FINDING, Kind.ATTACHMENT, Kind.TRASH}) and self.sheet is not None:
            from panelapp.services.findings.manage import FindingQuery, list_findings

            ctx, iid = self.window_.ctx, self.inspection_id
            Op(self, lambda _t: list_findings(ctx, FindingQuery(inspection_id=iid))).success(
                self._show_findings
            ).run()

    def _show_findings(self, findings) -> None:
        self.findings = findings
        self.ui.findingsList.clear()
        for f in findings:
            photos = f" · 사진 {f.photo_count}" if f.photo_count else ""
            item = QListWidgetItem(f"{severity_mark(f.severity)} {f.title}{photos}")
            item.setData(256, f.id)
            self.ui.findingsList.addItem(item)
        if not findings:
            hint = QListWidgetItem("아직 없습니다. 눈에 띈 문제는\n[발견사항 추가]로 사진과 함께 기록하세요.")
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.ui.findingsList.addItem(hint)
        self.ui.findingsGroup.setTitle(f"발견사항 ({len(findings)}건)")

    # ----- live state --------------------------------------------------------------------
    def _changed(self) -> None:
        self.dirty = True
        self._update_scores()

    def _update_scores(self) -> None:
        from panelapp.services.results.sheet import missing_items, scores_for

        answers = self.grid.responses()
        sections, overall = scores_for(self.sheet.sections, answers)
        self.grid.show_scores([describe_section(s) for s in sections])
        self.ui.overallLabel.setText(describe_overall(overall))
        self.ui.sectionsLabel.setText(
            "\n".join(f"{sec.title}: {describe_section(s)}" for sec, s in zip(self.sheet.sections, sections))
        )
        missing = missing_items(self.sheet, answers)
        self.ui.missingLabel.setText(
            f"필수 항목 {len(missing)}개가 남았습니다." if missing else "필수 항목을 모두 답했습니다."
        )
        set_tone(self.ui.missingLabel, "error" if missing else "ok")
        self.ui.missingLabel.setToolTip("\n".join(missing.values()))
        self.grid.mark_missing(set(missing))

    def completion(self):
        from panelapp.services.results.entry import Completion

        day, ui = to_date(self.ui.dateEdit.date()), self.ui
        return Completion(
            dt.datetime.combine(day, to_time(ui.startEdit.time())),
            dt.datetime.combine(day, to_time(ui.endEdit.time())),
            tuple(eid for eid, box in self.checks.items() if box.isChecked()),
        )

    # ----- actions -----------------------------------------------------------------------
    def save(self) -> None:
        from panelapp.services.results.entry import save_results

        if self.sheet.status == InspectionStatus.COMPLETED and not self._may_reopen():
            return  # a completed visit records its checks at once: 취소 keeps everything as typed
        ctx, sheet, answers = self.window_.ctx, self.sheet, list(self.grid.responses().values())
        present = self.completion().present_ids  # the ticks too: a draft must not forget them
        checks = self.verifications.choices()  # and the 확인할 개선사항 choices
        self._run(
            lambda _t: save_results(ctx, sheet.inspection_id, answers, sheet.version, present, checks),
            "임시 저장했습니다.",
            close=False,
        )

    def complete(self) -> None:
        from panelapp.services.results.entry import complete_inspection

        if not self._may_reopen():
            return  # 취소: nothing saved, everything stays as typed
        ctx, sheet, answers = self.window_.ctx, self.sheet, list(self.grid.responses().values())
        completion, checks = self.completion(), self.verifications.choices()
        self._run(
            lambda _t: complete_inspection(
                ctx, sheet.inspection_id, answers, completion, sheet.version, verifications=checks
            ),
            "점검을 완료했습니다. 참여자의 활동 시간이 기록되었습니다.",
            close=True,
        )

    def _may_reopen(self) -> bool:
        """A 미흡 recorded now moves its proposal back to 추진중: asked first, naming them."""
        from panelapp.gui import results_verifications

        reopening = self.verifications.reopening()
        return not reopening or results_verifications.confirm_reopen(self, reopening)

    def _run(self, work, message: str, close: bool) -> None:
        self.ui.saveButton.setEnabled(False)
        self.ui.completeButton.setEnabled(False)
        self.ui.errorLabel.hide()

        def done(sheet) -> None:
            self.sheet, self.dirty = sheet, False
            self.verifications.refresh(sheet.verifications)
            mark_clean(self)
            self.window_.statusBar().showMessage(message, 5000)
            self.ui.saveButton.setEnabled(True)
            self.ui.completeButton.setEnabled(True)
            self.ui.completeButton.setText(
                "완료 정보 수정" if sheet.status == InspectionStatus.COMPLETED else "완료"
            )
            if close:
                self.accept()

        Op(self, work, write=True).success(done).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.ui.saveButton.setEnabled(True)
        self.ui.completeButton.setEnabled(True)
        if self.conflict.handle(exc):  # another desktop saved first: both versions, field by field
            return
        errors = as_list(exc)
        if errors is not None:
            self.ui.errorLabel.setText("\n".join(f"• {e.field}: {e.detail}" for e in errors))
            self.ui.errorLabel.show()
            return
        show_error(self, exc)

    def close_dialog(self) -> None:
        """닫기 asks as Esc and ✕ do (gui/core/dialogs): answers not saved yet are input."""
        if may_discard(self):
            self.reject()

    def add_verification_photo(self, proposal_id: int):
        """사진 추가… of a 확인할 개선사항 row: attached at once, as a finding's photos are."""
        from panelapp.gui.dialogs.finding_dialog import IMAGE_FILTER
        from panelapp.gui.file_dialogs import open_files
        from panelapp.services.results.verifications import add_verification_photo

        paths = open_files(self, "photo", "미흡한 곳 사진 추가", IMAGE_FILTER)
        if not paths:
            return None
        ctx, iid = self.window_.ctx, self.inspection_id

        def work(_t):
            item = None
            for path in paths:
                item = add_verification_photo(ctx, iid, proposal_id, path)
            return item

        return Op(self, work, write=True).success(self.verifications.update_item).failure(self._failed).run()

    def add_finding(self):
        from panelapp.gui.dialogs.finding_dialog import FindingDialog

        s = self.sheet
        day = s.actual_start.date() if s.actual_start else s.scheduled_date  # the visit's own day
        return open_dialog(
            FindingDialog(
                self.window_,
                [(s.inspection_id, f"{s.scheduled_date:%Y-%m-%d} {s.title}", day)],
                fixed=True,
                parent=self,
            )
        )

    def edit_finding(self, finding_id: int):
        from panelapp.gui.dialogs.finding_dialog import open_finding

        return open_finding(self.window_, finding_id, parent=self)


def open_results(window, info):
    """From the schedule: the selected visit's results (예정 or 완료 only)."""
    if info is None or info.status not in (InspectionStatus.PLANNED, InspectionStatus.COMPLETED):
        return None
    return open_dialog(ResultsDialog(window, info.id))
