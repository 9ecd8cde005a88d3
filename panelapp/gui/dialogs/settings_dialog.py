"""설정 및 계정: one's own account (password, 다른 계정으로 로그인), the accounts a 관리자
manages (add with a temporary password, reset, role, lock, deactivate: services/people), where
the data lives (database, data, attachments and backup folders, this computer's settings file),
and this computer's settings (고대비, the idle lock's minutes: settings.json, not the database).
A role without account management gets a compact dialog (the Designer size is the 관리자's).

Nobody acts as another account from here: changing account is a login with that account's
password (the window's `log_out`). Every change runs in an op and is written to the permission
history by the service; a refusal is the service's sentence under the list.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QDialog, QListWidgetItem

from panelapp.domain.errors import ValidationError
from panelapp.gui.core.dialogs import deleted_on_close, open_dialog
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.scroll_body import scroll_body
from panelapp.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from panelapp.gui.palette import color
from panelapp.services.permissions import Permission, allowed

ROLE = Qt.ItemDataRole.UserRole  # a list row's UserInfo
COMPACT_WIDTH = 560  # a role without account management: its own account, locations, this computer


def account_line(user, acting_id: int | None) -> str:
    """One row of the account list: name, role (and department), state."""
    parts = [user.name, user.role.label + (f" · {user.department_name}" if user.department_name else "")]
    if user.member_name:
        parts[1] += f" · {user.member_name}"
    if user.id == acting_id:
        parts.append("지금 로그인")
    if not user.active:
        parts.append("사용 중지")
    elif user.locked_at():
        parts.append("잠김")
    elif not user.has_password:
        parts.append("비밀번호 없음")
    elif user.must_change_password:
        parts.append("다음 로그인 때 비밀번호 변경")
    return " · ".join(parts)


class SettingsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.ui = ui = Ui_SettingsDialog()
        ui.setupUi(self)
        scroll_body(self)  # taller than 150 % leaves of a 1366×768 screen: the form scrolls
        ctx = window.ctx
        self.is_admin = allowed(ctx.role, Permission.ACCOUNTS)
        role = f" ({ctx.role.label})" if ctx.role is not None else ""
        ui.accountLabel.setText(f"{ctx.user_name}{role} 계정으로 로그인했습니다.")
        ui.accountsGroup.setVisible(self.is_admin)
        self._show_locations()
        ui.errorLabel.hide()
        ui.buttonBox.rejected.connect(self.reject)
        ui.changePasswordButton.clicked.connect(self.change_password)
        ui.logoutButton.clicked.connect(self.log_out)
        ui.addButton.clicked.connect(self.add_account)
        ui.resetButton.clicked.connect(self.reset_password)
        ui.roleButton.clicked.connect(self.change_role)
        ui.lockButton.clicked.connect(self.toggle_lock)
        ui.toggleActiveButton.clicked.connect(self.toggle_active)
        ui.userList.currentItemChanged.connect(lambda *_: self._update_buttons())
        ui.highContrastCheck.setChecked(bool(window.settings.get("high_contrast")))
        ui.highContrastCheck.toggled.connect(self.set_high_contrast)
        # 자동 잠금: this computer's, never past the institution's limit (domain/idle_lock.py),
        # which only a 관리자 sets, in the database: no settings file can lengthen it
        from panelapp.domain.idle_lock import institution_minutes

        policy = getattr(window, "lock_policy", None)
        self.lock_version = policy.version if policy is not None else None
        self._show_lock(institution_minutes(policy.minutes if policy is not None else None))
        ui.lockSpin.valueChanged.connect(self.set_lock_minutes)
        for widget in (ui.lockLimitLabel, ui.lockLimitSpin, ui.lockLimitButton):
            widget.setVisible(self.is_admin)
        ui.lockLimitButton.clicked.connect(self.save_lock_limit)
        # 독촉 안내문 메일로 보내기 (services/reminders/mail.py): this computer's SMTP server
        self.mail_button = ui.mailButton  # in the form: in its place in the Tab order
        self.mail_button.clicked.connect(self.edit_mail)
        self.mail_button.setVisible(allowed(ctx.role, Permission.PANEL_WORK))
        self.loaded = not self.is_admin
        self.departments: list = []
        self.lead_members: list = []  # the 단원 choices of a 점검 조장 account
        deleted_on_close(self)  # the window opens it with exec(); nothing reads it after it closed
        if self.is_admin:
            self.refresh_users(select_id=ctx.user_id)
        else:
            self._compact()
        self._update_buttons()

    def _compact(self) -> None:
        """Without account management the dialog is only as big as what it shows: the
        Designer size is the 관리자's, with the account list."""
        self.ui.errorLabel.hide()
        self.layout().activate()
        hint = self.sizeHint()
        self.resize(max(hint.width(), COMPACT_WIDTH), hint.height())

    def _show_locations(self) -> None:
        from panelapp.paths import data_dir
        from panelapp.services.attachments.store import attachments_root
        from panelapp.services.system.backups import backup_folder

        db, settings = self.window_.ctx.db, self.window_.settings
        self.ui.dbLabel.setText(db.display_name())
        self.ui.dataDirLabel.setText(str(data_dir()))
        self.ui.attachmentsLabel.setText(str(attachments_root(db)))
        self.ui.backupLabel.setText(str(backup_folder(settings)))  # as 파일 → 백업·복원 writes them
        path = getattr(settings, "path", None)  # this computer's settings (not the database's)
        self.ui.settingsLabel.setText(str(path) if path is not None else "")
        self.ui.settingsLabel.setVisible(path is not None)
        self.ui.settingsCaption.setVisible(path is not None)

    def edit_mail(self) -> None:
        from panelapp.gui.dialogs.mail_settings_dialog import MailSettingsDialog

        self.mail_dialog = MailSettingsDialog(self, self.window_.settings)
        open_dialog(self.mail_dialog)

    def set_high_contrast(self, on: bool) -> None:
        """고대비 takes effect at once, in every open window, and is kept for the next start."""
        from PySide6.QtWidgets import QApplication

        from panelapp.gui.palette import apply

        self.window_.settings.set("high_contrast", on)
        apply(QApplication.instance(), on)

    def _show_lock(self, limit: int) -> None:
        from panelapp.domain.idle_lock import effective_minutes
        from panelapp.gui.core.idle_lock import lock_hint

        ui = self.ui
        self.lock_ceiling = limit
        with QSignalBlocker(ui.lockSpin):
            ui.lockSpin.setMaximum(limit)
            ui.lockSpin.setValue(effective_minutes(self.window_.settings.get("lock_minutes"), limit))
        ui.lockLimitSpin.setValue(limit)
        ui.lockHint.setText(lock_hint(self.is_admin, limit))

    def set_lock_minutes(self, minutes: int) -> None:
        """Kept at once, and the running lock follows (never past the institution's limit)."""
        minutes = min(int(minutes), self.lock_ceiling)
        self.window_.settings.set("lock_minutes", minutes)
        lock = getattr(self.window_, "idle_lock", None)
        if lock is not None:
            lock.set_minutes(minutes)

    def save_lock_limit(self) -> None:
        """기관 최대 저장 (관리자): the institution's limit, for every computer; this computer's
        own choice (if it made one) holds up to the limit, and without one it locks at the limit."""
        from panelapp.services.org.lock import save_lock_policy

        ctx, minutes, version = self.window_.ctx, self.ui.lockLimitSpin.value(), self.lock_version
        self.ui.lockLimitButton.setEnabled(False)

        def saved(policy) -> None:
            self.ui.lockLimitButton.setEnabled(True)
            self.window_.lock_policy = policy
            self.lock_version = policy.version
            self._show_lock(policy.minutes)  # this computer's: its own choice up to the limit
            lock = getattr(self.window_, "idle_lock", None)
            if lock is not None:
                lock.set_minutes(self.ui.lockSpin.value())
            self.ui.errorLabel.hide()

        def failed(exc: BaseException) -> None:
            self.ui.lockLimitButton.setEnabled(True)
            self._error(exc)  # a stale limit (another 관리자 saved one) is said as any conflict

        Op(self, lambda _t: save_lock_policy(ctx, minutes, version), write=True).success(saved).failure(
            failed
        ).run()

    # ----- the account list (관리자) -------------------------------------------------------
    def refresh_users(self, select_id: int | None = None) -> None:
        from panelapp.services.people.users import lead_member_choices, list_accounts
        from panelapp.services.registers.departments import list_departments

        ctx = self.window_.ctx
        Op(
            self,
            lambda _t: (
                list_accounts(ctx),
                list_departments(ctx, active_only=True),
                lead_member_choices(ctx),
            ),
        ).success(lambda found: self._fill(*found, select_id)).failure(self._error).run()

    def _fill(self, users: list, departments: list, members: list, select_id: int | None) -> None:
        self.departments, self.lead_members = departments, members
        lst = self.ui.userList
        lst.clear()
        acting = self.window_.ctx.user_id
        for user in users:
            item = QListWidgetItem(account_line(user, acting))
            item.setData(ROLE, user)
            if user.id == acting:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            if not user.active:
                item.setForeground(QBrush(color("inactive")))
            lst.addItem(item)
            if user.id == select_id:
                lst.setCurrentItem(item)
        if lst.currentItem() is None and lst.count():
            lst.setCurrentRow(0)
        self.loaded = True
        self._update_buttons()

    def selected_user(self):
        item = self.ui.userList.currentItem()
        return item.data(ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        user, ui = self.selected_user(), self.ui
        own = user is not None and user.id == self.window_.ctx.user_id
        for button in (ui.resetButton, ui.roleButton):
            button.setEnabled(user is not None)
        for button in (ui.lockButton, ui.toggleActiveButton):
            button.setEnabled(user is not None and not own)  # (the services refuse it too)
        locked = user is not None and user.locked_at()
        ui.lockButton.setText("잠금 풀기(&K)" if locked else "잠그기(&K)")
        ui.toggleActiveButton.setText(
            "다시 사용(&D)" if user is not None and not user.active else "사용 중지(&D)"
        )

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.ui.errorLabel.setText(f"{exc.field}: {exc.detail}")
            self.ui.errorLabel.show()
        else:
            show_error(self, exc)

    def _run(self, work) -> None:
        self.ui.errorLabel.hide()
        Op(self, lambda _t: work(), write=True).success(lambda u: self.refresh_users(select_id=u.id)).failure(
            self._error
        ).run()

    # ----- actions -----------------------------------------------------------------------
    def _password_dialog(self, mode: str, account=None):
        from panelapp.gui.dialogs.login_dialog import PasswordDialog

        dialog = PasswordDialog(
            self, self.window_.ctx, mode, account, departments=self.departments, members=self.lead_members
        )
        deleted_on_close(dialog)
        return dialog

    def add_account(self) -> None:
        dialog = self._password_dialog("create")
        if dialog.exec():
            self.refresh_users(select_id=dialog.result_value.id)

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None:
            dialog = self._password_dialog("reset", user)
            if dialog.exec():
                self.refresh_users(select_id=user.id)

    def change_role(self) -> None:
        user = self.selected_user()
        if user is not None:
            dialog = self._password_dialog("role", user)
            if dialog.exec():
                self.refresh_users(select_id=user.id)

    def toggle_lock(self) -> None:
        from panelapp.services.people.accounts import lock_account, unlock_account

        user, ctx = self.selected_user(), self.window_.ctx
        if user is None:
            return
        self._run(lambda: (unlock_account if user.locked_at() else lock_account)(ctx, user.id))

    def toggle_active(self) -> None:
        from panelapp.services.people.users import set_active

        user, ctx = self.selected_user(), self.window_.ctx
        if user is not None:
            self._run(lambda: set_active(ctx, user.id, not user.active, user.version))

    def change_password(self) -> None:
        dialog = self._password_dialog("change_own")
        dialog.exec()

    def log_out(self) -> None:
        """다른 계정으로 로그인: the window locks and asks for an account and its password."""
        self.accept()
        self.window_.log_out()
