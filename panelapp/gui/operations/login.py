"""From an open database to a logged-in window (issue 12 item 1), and back to the login.

The window opens the database without acting as anyone (services/system/bootstrap.open_app
with pick_user=False) and shows none of its data until `LoginFlow` has succeeded:

- a database without accounts (the first start, or a file made before accounts): the
  institution step when none is registered (gui/dialogs/organization_dialog.py, saved through
  services/org/manage.save_first_organization), then the first 관리자 (gui/dialogs/login_dialog.py
  PasswordDialog "first_admin");
- otherwise the login dialog, the name of the account that last logged in on this computer
  filled in; after a 관리자's reset, the new password before anything else;
- PANELAPP_USER and PANELAPP_PASSWORD (as the command line reads them) log in without the
  dialog, for scripted starts; on a database without accounts they make that first 관리자.
  A wrong pair shows the login dialog with the sentence.

Every dialog is opened window-modal with open(), never a nested exec(): the window stays
painted behind it and a test drives the dialog it finds. `done(login)` is called once, with the
context acting as the account; `cancelled()` when the user chose 끝내기.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from panelapp.gui.core.ops import Op

ENV_USER, ENV_PASSWORD = "PANELAPP_USER", "PANELAPP_PASSWORD"


def env_credentials() -> tuple[str, str] | None:
    user, password = os.environ.get(ENV_USER, ""), os.environ.get(ENV_PASSWORD, "")
    return (user, password) if user.strip() and password else None


class LoginFlow:
    def __init__(
        self,
        window,
        ctx,
        has_accounts: bool,
        needs_institution: bool,
        done: Callable[[object], None],
        cancelled: Callable[[], None],
    ):
        self.window, self.ctx = window, ctx
        self.has_accounts, self.needs_institution = has_accounts, needs_institution
        self._done, self._cancelled = done, cancelled
        self.dialog = None  # the dialog on screen (tests drive it)

    def start(self) -> None:
        creds = env_credentials()
        if creds is not None and not self.has_accounts and getattr(self.window, "switched", False):
            # a database chosen through the menu (데이터베이스 연결, 공유 데이터베이스로 옮기기) that
            # has no account yet gets its first 관리자 from the person at the screen, not silently
            # from the variables a script started this program with
            creds = None
        if creds is not None:
            self._env_login(*creds)
        elif self.has_accounts:
            self.ask_login()
        else:
            self.first_start()

    # ----- scripted ------------------------------------------------------------------------
    def _env_login(self, name: str, password: str) -> None:
        from panelapp.services.people.accounts import authenticate, create_first_admin

        ctx, accounts = self.ctx, self.has_accounts

        def work(_token):
            return authenticate(ctx, name, password) if accounts else create_first_admin(ctx, name, password)

        def failed(exc: BaseException) -> None:
            from panelapp.gui.dialogs.login_dialog import _sentence

            if accounts:
                self.ask_login(error=_sentence(exc))
            else:
                self.first_start()

        Op(self.window, work, write=True).success(lambda login: self._logged_in(login, password)).failure(
            failed
        ).run()

    # ----- the first start -------------------------------------------------------------------
    def first_start(self) -> None:
        if self.needs_institution and os.environ.get("PANELAPP_ASK_INSTITUTION", "1") != "0":
            from panelapp.gui.dialogs.organization_dialog import OrganizationDialog

            dialog = OrganizationDialog(self.window, first_start=True, ctx=self.ctx)
            self.window._institution_asked = True  # not asked again after the login
            self._show(dialog, lambda _result: self.ask_first_admin())
        else:
            self.ask_first_admin()

    def ask_first_admin(self) -> None:
        from panelapp.gui.dialogs.login_dialog import PasswordDialog

        dialog = PasswordDialog(self.window, self.ctx, "first_admin")
        self._show(
            dialog, lambda accepted: self._logged_in(dialog.result_value) if accepted else self._cancelled()
        )

    # ----- logging in ------------------------------------------------------------------------
    def ask_login(self, error: str = "") -> None:
        from panelapp.gui.dialogs.login_dialog import LoginDialog

        name = os.environ.get(ENV_USER, "") or str(self.window.settings.get("current_user") or "")
        dialog = LoginDialog(self.window, self.ctx, name)
        if error:
            dialog.ui.errorLabel.setText(error)
            dialog.ui.errorLabel.show()
        self._show(
            dialog,
            lambda accepted: (
                self._logged_in(dialog.login, dialog.password) if accepted else self._cancelled()
            ),
        )

    def _logged_in(self, login, password: str = "") -> None:
        if login.must_change_password:
            from panelapp.gui.dialogs.login_dialog import PasswordDialog

            dialog = PasswordDialog(self.window, self.ctx, "change_own", forced=True, current=password)
            self._show(dialog, lambda accepted: self._finish(login) if accepted else self._logout())
            return
        self._finish(login)

    def _logout(self) -> None:
        self.ctx.user_id = self.ctx.user_name = self.ctx.role = None
        self.has_accounts = True
        self.ask_login()

    def _finish(self, login) -> None:
        self.dialog = None
        try:
            self.window.settings.set("current_user", login.account.name)  # the next login's name
        except OSError:
            pass  # the settings file is said by the window; the login holds anyway
        self._done(login)

    def _show(self, dialog, then: Callable[[bool], None]) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialog

        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: then(result == QDialog.DialogCode.Accepted))
        dialog.open()


# ----- the lock after idle minutes -----------------------------------------------------------
def install_idle_lock(window):
    """Lock `window` after the idle minutes of this computer's settings ("lock_minutes"), never
    past the institution's limit (domain/idle_lock.py; 15 by default); the lock screen asks the logged-in account's password (gui/core/idle_lock.py)."""
    from panelapp.gui.core.idle_lock import IdleLock

    def ask(minutes: int, answer: Callable[[bool], None]) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialog

        from panelapp.gui.dialogs.login_dialog import LoginDialog

        dialog = LoginDialog(
            window, window.ctx, window.ctx.user_name or "", unlock=True, idle_minutes=minutes
        )
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # over every open dialog too
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: answer(result == QDialog.DialogCode.Accepted))
        window.lock_dialog = dialog
        dialog.open()

    from panelapp.domain.idle_lock import effective_minutes

    # the default limit until the institution's is read after the login (apply_lock_policy)
    return IdleLock(window, effective_minutes(window.settings.get("lock_minutes"), None), ask)


def apply_lock_policy(window) -> None:
    """Read the institution's 자동 잠금 limit (services/org/lock.py) on a worker, keep it on the
    window (`lock_policy`, which 설정 shows) and make the running lock follow: this computer's
    choice, never past the limit. Run after every login and when the institution changes
    (another desktop's 관리자 included)."""
    from panelapp.gui.core.ops import Op

    ctx = window.ctx
    if ctx.user_id is None:
        return  # nobody logged in yet: the lock is not running

    def work(_token):
        from panelapp.services.org.lock import get_lock_policy

        return get_lock_policy(ctx)

    def done(policy) -> None:
        from panelapp.domain.idle_lock import effective_minutes

        window.lock_policy = policy
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.set_minutes(effective_minutes(window.settings.get("lock_minutes"), policy.minutes))

    Op(window, work).success(done).failure(lambda _exc: None).run()  # the default limit stays


def log_out(window, previous: tuple | None = None) -> None:
    """다른 계정으로 로그인: the window is covered (as the idle lock covers it, the cover saying
    다른 계정으로 로그인) and nobody acts until an account logs in with its password. 취소 goes
    back to the account logged in before (`previous`: id, name, role), untouched: nothing is
    reloaded and nothing under the cover closed."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from panelapp.gui.dialogs.login_dialog import SWITCH_TITLE, LoginDialog

    ctx, lock = window.ctx, getattr(window, "idle_lock", None)
    if previous is None:
        previous = (ctx.user_id, ctx.user_name, ctx.role)
    ctx.user_id = ctx.user_name = ctx.role = None  # nothing is written as the previous account

    def ask(_minutes: int, answer: Callable[[bool], None]) -> None:
        dialog = LoginDialog(window, ctx, "", switch_from=previous[1] or "")
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def logged_in() -> None:
            try:
                window.settings.set("current_user", ctx.user_name or "")  # the next login's name
            except OSError:
                pass  # the settings file is said by the window; the login holds anyway
            window.show_account()
            answer(True)
            window.account_changed.emit()

        def changed(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                logged_in()
            else:  # 로그아웃 instead of the new password: back to the login (취소 still returns)
                answer(True)
                log_out(window, previous)

        def finished(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                if previous[0] is None:  # nobody was logged in (not from 설정): nobody to go back to
                    answer(True)
                    window.close()
                    return
                ctx.user_id, ctx.user_name, ctx.role = previous  # 취소: the account of before goes on
                window.show_account()
                answer(True)
            elif dialog.login is not None and dialog.login.must_change_password:  # a reset: the new one first
                from panelapp.gui.dialogs.login_dialog import PasswordDialog

                change = PasswordDialog(window, ctx, "change_own", forced=True, current=dialog.password)
                change.setWindowModality(Qt.WindowModality.ApplicationModal)
                change.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                change.finished.connect(changed)
                window.lock_dialog = change
                change.open()
            else:
                logged_in()

        dialog.finished.connect(finished)
        window.lock_dialog = dialog
        dialog.open()

    if lock is None:
        ask(0, lambda _unlocked: None)
        return
    saved, lock.ask_password = lock.ask_password, ask
    try:
        lock.lock(SWITCH_TITLE)
    finally:
        lock.ask_password = saved
