"""Add or edit a 참여단원: personal details, team and role, and (for a new member) consent."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidgetItem

from panelapp.domain.enums import ConsentMethod, Gender, MemberRole
from panelapp.domain.errors import ConcurrencyError, ValidationError, ValidationErrors
from panelapp.domain.formatting import format_hours, format_rate
from panelapp.domain.localtime import today_local
from panelapp.domain.validation import format_phone, normalize_phone
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input, mark_clean
from panelapp.gui.core.field_errors import ERROR_STYLE, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.forms.ui_member_dialog import Ui_MemberDialog
from panelapp.gui.palette import styled


class MemberDialog(QDialog):
    loaded = Signal()

    def __init__(self, window, cohort_id: int, enrollment_id: int | None):
        super().__init__(window)
        self.window_, self.cohort_id, self.enrollment_id = window, cohort_id, enrollment_id
        self.detail = None
        self.notice = None
        self.withdrawal = None  # the 동의 철회 step, while it is open
        self.withdrawal_recorded = None  # the day a withdrawal was recorded from this form
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle("단원 추가" if enrollment_id is None else "단원 정보 수정")
        for combo, enum_cls in (
            (ui.genderCombo, Gender),
            (ui.roleCombo, MemberRole),
            (ui.methodCombo, ConsentMethod),
        ):
            for label, value in enum_cls.choices():
                combo.addItem(label, value.value)  # Qt stores a str-enum as a plain str
        ui.genderCombo.setCurrentIndex(ui.genderCombo.findData(Gender.UNSPECIFIED.value))
        ui.roleCombo.setCurrentIndex(ui.roleCombo.findData(MemberRole.MEMBER.value))
        for edit in (ui.joinedEdit, ui.consentDateEdit):
            setup_date_edit(edit)
        ui.consentDateEdit.setDate(from_date(today_local()))
        ui.consentDateEdit.setMaximumDate(from_date(today_local()))
        ui.errorLabel.hide()
        ui.historyTable.setColumnCount(4)
        ui.historyTable.setHorizontalHeaderLabels(["동의일", "동의서", "방법", "보유 기한"])
        ui.historyTable.verticalHeader().setVisible(False)
        ui.historyTable.horizontalHeader().setStretchLastSection(True)
        ui.consentBox.setVisible(enrollment_id is None)
        ui.historyBox.setVisible(enrollment_id is not None)
        ui.phoneEdit.editingFinished.connect(self._tidy_phone)
        ui.withdrawButton.setVisible(False)  # shown for a member with a consent in force
        ui.withdrawButton.clicked.connect(self.withdraw)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.fields = {
            "이름": ui.nameEdit,
            "휴대전화": ui.phoneEdit,
            "이메일": ui.emailEdit,
            "거주지": ui.districtEdit,
            "출생연도": ui.birthYearEdit,
            "성별": ui.genderCombo,
            "소속 단": ui.teamCombo,
            "역할": ui.roleCombo,
            "활동 시작일": ui.joinedEdit,
            "메모": ui.notesEdit,
            "개인정보 동의": ui.agreeCheck,
            "동의일": ui.consentDateEdit,
        }
        self._set_busy(True)
        keep_unsaved_input(self)
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self,
            self.fields,
            ui.errorLabel,
            self._fetch_current,
            self._show_detail,
            filled=False,
        )
        self._load()

    def _fetch_current(self):
        from panelapp.services.people.members import get_member

        assert self.enrollment_id is not None
        return get_member(self.window_.ctx, self.enrollment_id)

    # ----- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        from panelapp.services.cohorts.manage import get_cohort, list_teams
        from panelapp.services.people.members import current_notice, get_member

        ctx, cohort_id, eid = self.window_.ctx, self.cohort_id, self.enrollment_id

        def fetch(_t):
            teams = list_teams(ctx, cohort_id)
            if eid is None:
                return get_cohort(ctx, cohort_id), teams, current_notice(ctx)
            return None, teams, get_member(ctx, eid)

        Op(self, fetch).success(self._fill).failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reject()

    def _fill(self, result) -> None:
        cohort, teams, data = result
        ui = self.ui
        ui.teamCombo.clear()
        ui.teamCombo.addItem("(미배정)", None)
        for team in teams:
            ui.teamCombo.addItem(team.name, team.id)
        if self.enrollment_id is None:
            self.notice = data
            ui.noticeTitle.setText(f"{data.title} (버전 {data.version})")
            ui.noticeText.setPlainText(data.body)  # verbatim: exactly the text that is agreed to
            start = max(cohort.term_start, min(today_local(), cohort.term_end))
            ui.joinedEdit.setDate(QDate(start.year, start.month, start.day))
        else:
            self._show_detail(data)
        self._set_busy(False)
        mark_clean(self)  # what was loaded is the starting point, not unsaved input
        self.conflict.opened()
        ui.nameEdit.setFocus()
        self.loaded.emit()

    def _show_detail(self, d) -> None:
        ui = self.ui
        self.detail = d
        ui.nameEdit.setText(d.name)
        ui.phoneEdit.setText(format_phone(d.phone_e164))
        ui.emailEdit.setText(d.email or "")
        ui.districtEdit.setText(d.district or "")
        ui.birthYearEdit.setText(str(d.birth_year) if d.birth_year else "")
        ui.genderCombo.setCurrentIndex(ui.genderCombo.findData(d.gender.value))
        ui.teamCombo.setCurrentIndex(max(0, ui.teamCombo.findData(d.team_id)))
        ui.roleCombo.setCurrentIndex(ui.roleCombo.findData(d.role.value))
        ui.joinedEdit.setDate(QDate(d.joined_on.year, d.joined_on.month, d.joined_on.day))
        ui.notesEdit.setPlainText(d.notes or "")
        self._show_record(d)

    def _show_record(self, d) -> None:
        """What the form shows but does not edit: status and figures, the consent history."""
        ui = self.ui
        left = f" · 탈퇴 {d.left_on:%Y-%m-%d} ({d.left_reason or '사유 없음'})" if d.left_on else ""
        ui.statsLabel.setText(
            f"상태 {d.status.label}{left}\n활동시간 {format_hours(d.hours)} · "
            f"출석률 {format_rate(d.rate)} ({d.attended}/{d.held}회)"
        )
        ui.historyTable.setRowCount(len(d.consents))
        for i, c in enumerate(d.consents):
            values = [
                f"{c.consented_on:%Y-%m-%d}",
                c.notice_version,
                c.method.label,
                f"{c.retention_until:%Y-%m-%d}"
                + (f" (철회 {c.withdrawn_on:%Y-%m-%d})" if c.withdrawn_on else ""),
            ]
            for j, value in enumerate(values):
                ui.historyTable.setItem(i, j, QTableWidgetItem(value))
        ui.historyTable.resizeColumnsToContents()
        # the form opens only for 관리자 and 담당자 (services refuse the others), who may record it
        ui.withdrawButton.setVisible(any(c.withdrawn_on is None for c in d.consents))

    # ----- withdrawing consent ---------------------------------------------------------------
    def withdraw(self) -> None:
        """본인이 동의를 철회했다: a step of its own (consent_withdrawal_dialog: the date, the
        confirmation), recorded there at once; the form then shows it as recorded, not as an
        edit waiting for 저장."""
        from panelapp.services.retention.withdrawal import withdrawal_preview

        if self.detail is None:
            return
        ctx, member_id = self.window_.ctx, self.detail.member_id
        Op(self, lambda _t: withdrawal_preview(ctx, member_id)).success(self._ask_withdrawal).failure(
            lambda exc: show_error(self, exc)
        ).run()

    def _ask_withdrawal(self, preview) -> None:
        from panelapp.gui.core.dialogs import open_dialog
        from panelapp.gui.dialogs.consent_withdrawal_dialog import ConsentWithdrawalDialog

        self.withdrawal = dialog = ConsentWithdrawalDialog(self, self.window_.ctx, preview)
        dialog.recorded.connect(self._withdrawn)
        open_dialog(dialog)

    def _withdrawn(self, on) -> None:
        """Read the member again and show what was recorded (status 탈퇴, the consents 철회) and
        adopt the versions it changed; what was typed into the fields meanwhile stays."""
        from panelapp.services.people.members import get_member

        ctx, eid = self.window_.ctx, self.enrollment_id
        assert eid is not None
        self.ui.withdrawButton.setEnabled(False)
        Op(self, lambda _t: get_member(ctx, eid)).success(lambda d: self._show_withdrawn(d, on)).failure(
            lambda exc: show_error(self, exc)
        ).run()

    def _show_withdrawn(self, d, on) -> None:
        self.detail = d  # its versions: a later 저장 of the other fields is not stale
        self._show_record(d)
        self.ui.statsLabel.setText(
            self.ui.statsLabel.text()
            + f"\n개인정보 동의 철회를 {on:%Y-%m-%d}자로 기록했습니다(이미 저장됨, 저장을 누를 필요 없음)."
        )
        self.withdrawal_recorded = on

    # ----- saving --------------------------------------------------------------------------
    def member_input(self):
        from panelapp.services.people.members import MemberInput

        ui = self.ui
        return MemberInput(
            name=ui.nameEdit.text(),
            phone=ui.phoneEdit.text(),
            email=ui.emailEdit.text(),
            district=ui.districtEdit.text(),
            birth_year=ui.birthYearEdit.text(),
            gender=Gender(ui.genderCombo.currentData()),
            team_id=ui.teamCombo.currentData(),
            role=MemberRole(ui.roleCombo.currentData()),
            joined_on=to_date(ui.joinedEdit.date()),
            notes=ui.notesEdit.toPlainText(),
        )

    def save(self) -> None:
        from panelapp.services.people.members import ConsentInput, enroll_member, update_member

        self.show_errors([])
        ctx, data, eid = self.window_.ctx, self.member_input(), self.enrollment_id
        if eid is None:
            consent = ConsentInput(
                self.notice.version,
                to_date(self.ui.consentDateEdit.date()),
                ConsentMethod(self.ui.methodCombo.currentData()),
                self.ui.agreeCheck.isChecked(),
            )
            cohort_id = self.cohort_id
            fn = lambda _t: enroll_member(ctx, cohort_id, data, consent)  # noqa: E731
        else:
            version, member_version = self.detail.version, self.detail.member_version
            fn = lambda _t: update_member(ctx, eid, data, version, member_version)  # noqa: E731
        self._set_busy(True)
        Op(self, fn, write=True).success(self._saved).failure(self._save_failed).run()

    def _saved(self, result) -> None:
        self._set_busy(False)
        self.result_id = result.enrollment_id
        self.accept()  # the op announces the change

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationErrors):
            self.show_errors(exc.errors)
        elif isinstance(exc, ValidationError):
            self.show_errors([exc])
        elif self.enrollment_id is not None and self.conflict.handle(exc):
            return  # another desktop saved first: both versions shown, the input kept
        else:
            show_error(self, exc)
            if isinstance(exc, ConcurrencyError):
                self._set_busy(True)
                self._load()

    def show_errors(self, errors: list[ValidationError]) -> None:
        """Each message names its field; the field itself is outlined and carries the message."""
        show_field_errors(self.fields, self.ui.errorLabel, errors)

    def _tidy_phone(self) -> None:
        text = self.ui.phoneEdit.text()
        try:
            self.ui.phoneEdit.setText(format_phone(normalize_phone(text)))
            styled(self.ui.phoneEdit, "")
            self.ui.phoneEdit.setToolTip("")
        except ValidationError as e:
            if text.strip():
                styled(self.ui.phoneEdit, ERROR_STYLE)
                self.ui.phoneEdit.setToolTip(e.detail)

    def _set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)
        self.ui.withdrawButton.setEnabled(not busy)
