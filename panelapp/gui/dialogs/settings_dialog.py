"""설정 및 사용자: choose the acting user, add users, see where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem

from panelapp.domain.enums import UserRole
from panelapp.domain.errors import ValidationError
from panelapp.gui.core.dialogs import deleted_on_close, keep_unsaved_input
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.forms.ui_settings_dialog import Ui_SettingsDialog

ROLE = Qt.ItemDataRole.UserRole  # a list row's UserInfo


class SettingsDialog(QDialog):
    """On accept the window acts as the chosen user: window.ctx and the "current_user" setting."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        for label, role in UserRole.choices():
            self.ui.roleCombo.addItem(label, role.value)  # Qt keeps a str enum as a plain str
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(UserRole.COORDINATOR.value))
        self._show_locations()
        self.ui.errorLabel.hide()
        buttons = self.ui.buttonBox
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("이 사용자로 작업")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ui.addButton.clicked.connect(self.add_user)
        self.ui.nameEdit.returnPressed.connect(self.add_user)
        self.ui.toggleActiveButton.clicked.connect(self.toggle_active)
        self.ui.userList.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.ui.userList.itemDoubleClicked.connect(lambda _item: self.accept())
        self.loaded = False
        deleted_on_close(self)  # the window opens it with exec(); nothing reads it after it closed
        keep_unsaved_input(self)  # a user name typed but not added yet
        self.refresh_users(select_id=window.ctx.user_id)

    def _show_locations(self) -> None:
        from panelapp.paths import data_dir
        from panelapp.services.attachments.store import attachments_root

        db = self.window_.ctx.db
        self.ui.dbLabel.setText(db.display_name())
        self.ui.dataDirLabel.setText(str(data_dir()))
        self.ui.attachmentsLabel.setText(str(attachments_root(db)))

    # ----- the user list -----------------------------------------------------------------
    def refresh_users(self, select_id: int | None = None) -> None:
        from panelapp.services.people.users import list_users

        ctx = self.window_.ctx
        Op(self, lambda _t: list_users(ctx)).success(lambda users: self._fill(users, select_id)).run()

    def _fill(self, users: list, select_id: int | None) -> None:
        lst = self.ui.userList
        lst.clear()
        acting = self.window_.ctx.user_id
        for user in users:
            text = user.display_name + (" · 지금 작업 중" if user.id == acting else "")
            item = QListWidgetItem(text)
            item.setData(ROLE, user)
            if user.id == acting:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            if not user.active:
                item.setForeground(QBrush(QColor("#888888")))
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
        user = self.selected_user()
        self.ui.toggleActiveButton.setEnabled(user is not None)
        self.ui.toggleActiveButton.setText(
            "다시 사용" if user is not None and not user.active else "사용 중지"
        )

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.ui.errorLabel.setText(f"{exc.field}: {exc.detail}")
            self.ui.errorLabel.show()
        else:
            show_error(self, exc)

    # ----- actions -----------------------------------------------------------------------
    def add_user(self) -> None:
        from panelapp.services.people.users import create_user

        ctx, name = self.window_.ctx, self.ui.nameEdit.text()
        role = UserRole(self.ui.roleCombo.currentData())
        self.ui.errorLabel.hide()
        Op(self, lambda _t: create_user(ctx, name, role), write=True).success(self._added).failure(
            self._error
        ).run()

    def _added(self, user) -> None:
        self.ui.nameEdit.clear()
        self.refresh_users(select_id=user.id)  # the op announces the new user

    def toggle_active(self) -> None:
        from panelapp.services.people.users import set_active

        user, ctx = self.selected_user(), self.window_.ctx
        if user is None:
            return
        self.ui.errorLabel.hide()
        Op(self, lambda _t: set_active(ctx, user.id, not user.active, user.version), write=True).success(
            lambda u: self.refresh_users(select_id=u.id)
        ).failure(self._error).run()

    def accept(self) -> None:
        from panelapp.services.people.users import switch_user

        user, ctx = self.selected_user(), self.window_.ctx
        if user is None:
            self.ui.errorLabel.setText("작업할 사용자를 골라 주세요.")
            self.ui.errorLabel.show()
            return
        self.ui.buttonBox.setEnabled(False)
        # switch_user declares the USER change: the op announces it once the dialog has closed
        Op(self, lambda _t: switch_user(ctx, user.id), write=True).success(self._act_as).failure(
            self._accept_failed
        ).run()

    def _act_as(self, user) -> None:
        self.window_.settings.set("current_user", user.name)
        super().accept()

    def _accept_failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        self._error(exc)
