"""로그인, the lock screen, and every dialog that asks for a password (issue 12 item 1).

- `LoginDialog`: nothing of the database is shown before it succeeds. `unlock=True` is the
  lock screen after the idle time (gui/core/idle_lock.py): the account is fixed, and the
  window's unsaved input stays where it was underneath. `switch_from` (설정 → 다른 계정으로
  로그인) names the account logged in now: the login is empty, and 취소 goes back to that
  account as it was.
- `PasswordDialog`: the first 관리자 of a database, changing one's own password (also the
  change a reset requires at the next login), a 관리자's reset, a new account, a role change.

Hashing a password (argon2id) takes a noticeable fraction of a second, so every check runs on
a worker (`Op`); the buttons wait meanwhile. A failure is the service's own Korean sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from panelapp.domain.enums import UserRole
from panelapp.domain.errors import DomainError, ValidationError
from panelapp.domain.passwords import RULE_SENTENCE
from panelapp.gui.core.ops import Op
from panelapp.gui.forms.ui_login_dialog import Ui_LoginDialog
from panelapp.gui.forms.ui_password_dialog import Ui_PasswordDialog

SWITCH_TITLE = "다른 계정으로 로그인"
# The lock screen takes the password only after a quiet moment without keys (or a click in the
# field): what was being typed into a form when it appeared is not a password attempt.
UNLOCK_QUIET_MS = 1000
_KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod})
ARMING_HINT = (
    "잠금 화면이 뜰 때 치던 글자는 비밀번호로 받지 않습니다. 잠시 뒤(또는 칸을 누르면) 입력할 수 있습니다."
)
MISMATCH = "새 비밀번호와 확인이 다릅니다. 같은 비밀번호를 두 번 입력해 주세요."


def _sentence(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return f"{exc.field}: {exc.detail}"
    if isinstance(exc, DomainError):
        return str(exc)
    from panelapp.gui.core.ops import _failure_sentence

    return _failure_sentence(exc) or "처리하지 못했습니다. 다시 시도해 주세요."


class LoginDialog(QDialog):
    """Log in to `ctx`; on accept `self.login` is the services' Login (the context acts as it)."""

    def __init__(
        self,
        parent,
        ctx,
        name: str = "",
        *,
        unlock: bool = False,
        idle_minutes: int = 0,
        switch_from: str = "",
    ):
        super().__init__(parent)
        self.ctx, self.unlock, self.login, self.password = ctx, unlock, None, ""
        self.switch_from = switch_from
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        font = QFont(self.ui.titleLabel.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.ui.titleLabel.setFont(font)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        where = ctx.db.display_name()
        if unlock:
            self.setWindowTitle("화면 잠김")
            self.ui.titleLabel.setText("화면이 잠겼습니다")
            self.ui.introLabel.setText(
                f"{idle_minutes}분 동안 쓰지 않아 화면을 잠갔습니다. 작업하던 내용은 그대로 있습니다. "
                f"{name} 계정의 비밀번호를 입력하면 이어서 할 수 있습니다."
            )
            self.ui.nameEdit.setText(name)
            self.ui.nameEdit.setReadOnly(True)
            self.ui.nameEdit.setFocusPolicy(self.ui.nameEdit.focusPolicy().NoFocus)
            ok.setText("잠금 해제")
            cancel.setText("프로그램 끝내기")
        elif switch_from:
            self.setWindowTitle(SWITCH_TITLE)
            self.ui.titleLabel.setText(SWITCH_TITLE)
            self.ui.introLabel.setText(
                f"지금은 {switch_from} 계정으로 로그인되어 있습니다. 바꿀 계정의 이름과 비밀번호를 "
                f"입력해 주세요. 취소하면 {switch_from} 계정으로 하던 작업에 그대로 돌아갑니다."
            )
            self.ui.nameEdit.setText(name)
            ok.setText("로그인")
            cancel.setText("취소")
        else:
            self.ui.titleLabel.setText("시민참여단 활동관리에 로그인")
            self.ui.introLabel.setText(f"데이터베이스: {where}")
            self.ui.nameEdit.setText(name)
            ok.setText("로그인")
            cancel.setText("끝내기")
        self.ui.hintLabel.setText(
            "비밀번호를 5번 틀리면 계정이 30분 동안 잠깁니다. 비밀번호를 잊었으면 관리자에게 초기화를 요청해 주세요."
        )
        self.ui.errorLabel.hide()
        self.ui.buttonBox.accepted.connect(self.try_login)
        self.ui.buttonBox.rejected.connect(self.reject)
        (self.ui.passwordEdit if name else self.ui.nameEdit).setFocus()
        self.armed = not unlock
        if unlock:
            self._hint = self.ui.hintLabel.text()
            self.ui.hintLabel.setText(ARMING_HINT)
            self.quiet = QTimer(self)
            self.quiet.setSingleShot(True)
            self.quiet.setInterval(UNLOCK_QUIET_MS)
            self.quiet.timeout.connect(self.arm)
            self.ui.passwordEdit.installEventFilter(self)
            self.quiet.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """The lock screen before it is armed: keys (Enter too) are dropped and the quiet moment
        starts again; a click in the password field arms it at once."""
        if self.armed or watched is not self.ui.passwordEdit:
            return False
        if event.type() in _KEYS:
            self.quiet.start()
            return True
        if event.type() == QEvent.Type.MouseButtonPress:
            self.arm()
        return False

    def arm(self) -> None:
        """From now on what is typed in the password field is the password."""
        if self.armed:
            return
        self.armed = True
        self.quiet.stop()
        self.ui.passwordEdit.removeEventFilter(self)
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()
        self.ui.hintLabel.setText(self._hint)

    def try_login(self) -> None:
        from panelapp.services.people.accounts import authenticate

        ctx, name, password = self.ctx, self.ui.nameEdit.text(), self.ui.passwordEdit.text()
        if self.unlock and not password:
            self.ui.passwordEdit.setFocus()
            return  # 잠금 해제 with nothing typed is no attempt: nothing is counted or said
        self.ui.buttonBox.setEnabled(False)
        self.ui.errorLabel.hide()
        # a login writes (the failed-login count, the last login): the write worker, as others
        Op(
            self, lambda _t: authenticate(ctx, name, password, record_login=not self.unlock), write=True
        ).success(self._done).failure(self._failed).run()

    def _done(self, login) -> None:
        self.login = login
        # kept for the new password a temporary one requires next (not asked twice), then dropped
        self.password = self.ui.passwordEdit.text() if login.must_change_password else ""
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.ui.errorLabel.setText(_sentence(exc))
        self.ui.errorLabel.show()
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()

    def reject(self) -> None:
        if self.unlock:
            answer = QMessageBox.question(
                self,
                "프로그램 끝내기",
                "잠금을 풀지 않고 끝내면 저장하지 않은 입력은 사라집니다. 프로그램을 끝낼까요?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()


class PasswordDialog(QDialog):
    """One dialog, five uses (`mode`):

    - "first_admin": the first 관리자 of a database without accounts (name, password twice);
    - "change_own": the logged-in account's new password (`forced`: after a reset);
    - "reset": a 관리자 sets `account`'s temporary password;
    - "create": a 관리자 adds an account (name, role, department, temporary password);
    - "role": a 관리자 changes `account`'s role (and department, or the member of a 점검 조장).

    On accept `self.result_value` is what the service returned."""

    def __init__(
        self,
        parent,
        ctx,
        mode: str,
        account=None,
        *,
        forced: bool = False,
        current: str = "",
        departments=(),
        members=(),
    ):
        super().__init__(parent)
        self.ctx, self.mode, self.account, self.result_value = ctx, mode, account, None
        self.stale_step = None  # a reset refused on an account changed meanwhile (_stale_reset)
        self.ui = ui = Ui_PasswordDialog()
        ui.setupUi(self)
        for label, role in UserRole.choices():
            ui.roleCombo.addItem(label, role.value)
        ui.departmentCombo.addItem("(고르세요)", None)
        for dept in departments:
            ui.departmentCombo.addItem(dept.name, dept.id)
        self._fill_members(members, account)
        ui.roleCombo.currentIndexChanged.connect(self._role_changed)
        ui.errorLabel.hide()
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        cancel = ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        shown = {"name", "new", "confirm"}
        ui.ruleLabel.setText(RULE_SENTENCE)
        if mode == "first_admin":
            self.setWindowTitle("첫 관리자 계정 만들기")
            ui.introLabel.setText(
                "이 데이터베이스에는 아직 계정이 없습니다. 처음 쓰는 분이 관리자 계정을 만듭니다. "
                "관리자는 계정·기관 정보·개인정보 파기·접속기록을 관리하고 참여단 업무도 모두 할 수 있습니다. "
                "이 뒤로는 로그인해야 프로그램을 쓸 수 있습니다."
            )
            ui.nameEdit.setPlaceholderText("예: 김담당")
            ok.setText("관리자 계정 만들기")
            cancel.setText("끝내기")
        elif mode == "change_own":
            # forced: right after logging in with a password a 관리자 gave (a new account's or a
            # reset's), which `current` holds: it is not asked again
            shown = {"new", "confirm"} if forced and current else {"old", "new", "confirm"}
            self.setWindowTitle("비밀번호 바꾸기")
            ui.introLabel.setText(
                "관리자가 정해 준 임시 비밀번호로 로그인했습니다. 계속하려면 자기만 아는 새 비밀번호를 정해 주세요."
                if forced
                else f"{ctx.user_name} 계정의 비밀번호를 바꿉니다."
            )
            if forced:
                ui.oldLabel.setText("받은 임시 비밀번호(&O)")
                ui.oldEdit.setText(current)
            ok.setText("비밀번호 바꾸기")
            if forced:
                cancel.setText("로그아웃")
        elif mode == "reset":
            self.setWindowTitle("비밀번호 초기화")
            ui.introLabel.setText(
                f"{account.name} 계정의 임시 비밀번호를 정합니다. 그 계정은 다음 로그인 때 비밀번호를 바꿔야 하고, "
                "로그인 실패로 잠긴 것도 함께 풀립니다. 임시 비밀번호는 본인에게 직접 전해 주세요."
            )
            ui.newLabel.setText("임시 비밀번호(&P)")
            ui.confirmLabel.setText("임시 비밀번호 확인(&C)")
            ok.setText("초기화")
        elif mode == "create":
            shown = {"name", "role", "new", "confirm"}
            self.setWindowTitle("계정 추가")
            ui.introLabel.setText(
                "새 계정은 여기서 정한 임시 비밀번호로 처음 로그인한 뒤 자기 비밀번호로 바꿔야 합니다."
            )
            ui.nameEdit.setPlaceholderText("예: 김담당")
            ui.newLabel.setText("임시 비밀번호(&P)")
            ui.confirmLabel.setText("임시 비밀번호 확인(&C)")
            ui.roleCombo.setCurrentIndex(ui.roleCombo.findData(UserRole.COORDINATOR.value))
            ok.setText("추가")
        elif mode == "role":
            shown = {"name", "role"}
            self.setWindowTitle("역할 바꾸기")
            ui.introLabel.setText(
                f"{account.name} 계정의 역할을 바꿉니다. 바뀐 역할은 그 계정의 다음 작업부터 적용됩니다."
            )
            ui.roleCombo.setCurrentIndex(ui.roleCombo.findData(account.role.value))
            if account.department_id is not None:
                ui.departmentCombo.setCurrentIndex(ui.departmentCombo.findData(account.department_id))
            ok.setText("바꾸기")
        else:
            raise ValueError(mode)
        if account is not None and mode in ("reset", "role"):
            ui.nameEdit.setText(account.name)
            ui.nameEdit.setReadOnly(True)
        widgets = {
            "name": (ui.nameLabel, ui.nameEdit),
            "role": (ui.roleLabel, ui.roleCombo),
            "old": (ui.oldLabel, ui.oldEdit),
            "new": (ui.newLabel, ui.newEdit),
            "confirm": (ui.confirmLabel, ui.confirmEdit),
        }
        for key, (_label, field) in widgets.items():
            ui.form.setRowVisible(field, key in shown)  # the row's spacing goes with it
        self.asks_new = "new" in shown
        ui.ruleLabel.setVisible(self.asks_new)
        self._role_changed()
        ui.buttonBox.accepted.connect(self.submit)
        ui.buttonBox.rejected.connect(self.reject)
        first = next(
            w
            for key, (_label, w) in widgets.items()
            if key in shown and not (key == "name" and ui.nameEdit.isReadOnly())
        )
        first.setFocus()

    def _role_changed(self, *_args) -> None:
        dept = self.mode in ("create", "role") and self.role() is UserRole.DEPARTMENT
        self.ui.form.setRowVisible(self.ui.departmentCombo, dept)
        lead = self.mode in ("create", "role") and self.role() is UserRole.LEAD
        self.ui.form.setRowVisible(self.ui.memberCombo, lead)

    def _fill_members(self, members, account) -> None:
        """The members a 점검 조장 account can be (users.lead_member_choices, masked); the
        account's own member stays choosable even when it no longer leads anything."""
        combo = self.ui.memberCombo
        combo.addItem("(고르세요)", None)
        for m in members:
            combo.addItem(m.label, m.id)
        own = getattr(account, "member_id", None)
        if own is not None:
            if combo.findData(own) < 0:
                combo.addItem(f"{account.member_name or '단원'} (#{own})", own)
            combo.setCurrentIndex(combo.findData(own))

    def role(self) -> UserRole:
        return UserRole(self.ui.roleCombo.currentData())

    def _error(self, text: str) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()

    def submit(self) -> None:
        from panelapp.services.people import accounts, users

        ui, ctx, account = self.ui, self.ctx, self.account
        name, old, new = ui.nameEdit.text(), ui.oldEdit.text(), ui.newEdit.text()
        if self.asks_new and new != ui.confirmEdit.text():
            self._error(MISMATCH)
            ui.confirmEdit.clear()
            ui.confirmEdit.setFocus()
            return
        role, dept = self.role(), ui.departmentCombo.currentData()
        if role is not UserRole.DEPARTMENT:
            dept = None
        if self.mode in ("create", "role") and role is UserRole.DEPARTMENT and dept is None:
            self._error("담당부서: 부서 담당자 계정은 담당부서를 골라야 합니다.")
            ui.departmentCombo.setFocus()
            return
        member = ui.memberCombo.currentData() if role is UserRole.LEAD else None
        if self.mode in ("create", "role") and role is UserRole.LEAD and member is None:
            self._error("단원: 점검 조장 계정은 자기가 누구인지 단원을 골라야 합니다.")
            ui.memberCombo.setFocus()
            return
        work = {
            "first_admin": lambda: accounts.create_first_admin(ctx, name, new),
            "change_own": lambda: accounts.change_own_password(ctx, old, new),
            "reset": lambda: accounts.reset_password(ctx, account.id, new, account.version),
            "create": lambda: users.create_user(ctx, name, role, new, dept, member),
            "role": lambda: accounts.set_role(ctx, account.id, role, dept, member),
        }[self.mode]
        ui.buttonBox.setEnabled(False)
        ui.errorLabel.hide()
        Op(self, lambda _t: work(), write=True).success(self._done).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        if self.mode == "reset" and self._stale_reset().handle(exc):  # the account changed meanwhile
            self.ui.buttonBox.setEnabled(True)
            return
        self._error(_sentence(exc))

    def _stale_reset(self):
        """A reset refused because the account changed meanwhile (another 관리자, a login): what
        changed, and the same password set on the account as it is now, if the 관리자 wants."""
        from panelapp.gui.core.stale_step import StaleStepResolver, StepRow
        from panelapp.services.people.users import get_user

        ctx, before = self.ctx, self.account

        def state(u) -> str:
            return "잠김" if u.locked or u.locked_until else ("사용 중" if u.active else "사용 중지")

        def rows(now) -> list[StepRow]:
            return [
                StepRow("역할", before.role.label, now.role.label, None),
                StepRow("계정 상태", state(before), state(now), None),
                StepRow("임시 비밀번호", "", "", "(새로 정함)"),  # never the password itself
            ]

        def retry(now) -> None:
            self.account = now
            self.submit()

        self.stale_step = StaleStepResolver(self, "이 계정", lambda: get_user(ctx, before.id), rows, retry)
        return self.stale_step

    def _done(self, value) -> None:
        self.result_value = value
        super().accept()
