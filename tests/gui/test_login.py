"""The window's login (issue 12 item 1): nothing of the database before it, the first start
(institution, then the first 관리자), wrong passwords and the lock, the change a reset requires,
the idle lock that keeps unsaved input, and 다른 계정으로 로그인."""

import pytest
from conftest import TEST_PASSWORD, TEST_USER
from PySide6.QtWidgets import QApplication, QLineEdit

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.login_dialog import LoginDialog, PasswordDialog
from panelapp.gui.dialogs.organization_dialog import OrganizationDialog
from panelapp.services.people.accounts import has_accounts
from panelapp.settings import Settings


@pytest.fixture
def no_env_login(monkeypatch):
    """The suite logs in from the environment; these tests type as a person does."""
    monkeypatch.delenv("PANELAPP_USER", raising=False)
    monkeypatch.delenv("PANELAPP_PASSWORD", raising=False)
    monkeypatch.setenv("PANELAPP_ASK_INSTITUTION", "1")


@pytest.fixture
def window_on(qtbot, tmp_path):
    from panelapp.gui.mainwindow import MainWindow

    made = []

    def open_(path, settings=None):
        window = MainWindow(str(path), settings=settings or Settings(tmp_path / "settings.json"))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        window.open_database()
        made.append(window)
        return window

    yield open_
    for window in made:
        window.close()
    wait_for_all()


def flow_dialog(qtbot, window, kind):
    qtbot.waitUntil(
        lambda: (
            getattr(window, "login_flow", None) is not None and isinstance(window.login_flow.dialog, kind)
        ),
        timeout=20000,
    )
    dialog = window.login_flow.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def nothing_shown(window) -> bool:
    return window.nav.count() == 0 and not window.pages and window.ctx is None


def test_first_start_asks_the_institution_then_the_first_admin(qtbot, window_on, tmp_path, no_env_login):
    window = window_on(tmp_path / "new.db")
    org = flow_dialog(qtbot, window, OrganizationDialog)
    assert nothing_shown(window)
    qtbot.waitUntil(lambda: org.loaded, timeout=5000)
    org.ui.nameEdit.setText("한빛시설관리공단")
    org.save_button.click()
    admin = flow_dialog(qtbot, window, PasswordDialog)
    assert admin.mode == "first_admin" and nothing_shown(window)
    admin.ui.nameEdit.setText("김관리")
    admin.ui.newEdit.setText("panel-2026")
    admin.ui.confirmEdit.setText("panel-2027")
    admin.submit()
    assert "확인이 다릅니다" in admin.ui.errorLabel.text() and admin.isVisible()
    admin.ui.confirmEdit.setText("panel-2026")
    with qtbot.waitSignal(window.database_opened, timeout=20000):
        admin.submit()
    assert window.ctx.user_name == "김관리" and window.ctx.role.value == "admin"
    assert window.user_label.text() == "로그인: 김관리 (관리자)"
    assert has_accounts(window.ctx)
    from panelapp.services.org.manage import get_organization

    assert get_organization(window.ctx).name == "한빛시설관리공단"
    assert window.settings.get("current_user") == "김관리"


def _admin_db(tmp_path):
    from conftest import with_admin_account

    from panelapp.services.org.manage import OrgInput, save_first_organization
    from panelapp.services.system.bootstrap import open_app

    path = tmp_path / "accounts.db"
    ctx = open_app(str(path))
    save_first_organization(ctx, OrgInput("한빛시설관리공단"))  # nothing asked after the login
    ctx.db.dispose()
    with_admin_account(path)
    return path


def test_login_refuses_a_wrong_password_and_shows_nothing_until_right(
    qtbot, window_on, tmp_path, no_env_login
):
    window = window_on(_admin_db(tmp_path))
    login = flow_dialog(qtbot, window, LoginDialog)
    assert nothing_shown(window)
    assert login.ui.passwordEdit.echoMode() == QLineEdit.EchoMode.Password
    login.ui.nameEdit.setText(TEST_USER)
    login.ui.passwordEdit.setText("wrong-pass-1")
    login.try_login()
    qtbot.waitUntil(lambda: login.ui.errorLabel.isVisibleTo(login), timeout=10000)
    assert login.ui.errorLabel.text() == "계정 이름이나 비밀번호가 맞지 않습니다."
    assert login.ui.passwordEdit.text() == "" and nothing_shown(window)
    login.ui.passwordEdit.setText(TEST_PASSWORD)
    with qtbot.waitSignal(window.database_opened, timeout=20000):
        login.try_login()
    assert window.ctx.user_name == TEST_USER and window.nav.count() > 0


def test_quitting_at_the_login_closes_the_window(qtbot, window_on, tmp_path, no_env_login):
    window = window_on(_admin_db(tmp_path))
    login = flow_dialog(qtbot, window, LoginDialog)
    login.reject()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert window.ctx is None


def test_a_reset_password_is_changed_before_anything_else(qtbot, window_on, tmp_path, no_env_login):
    from panelapp.domain.enums import UserRole
    from panelapp.services.people.accounts import authenticate
    from panelapp.services.people.users import create_user
    from panelapp.services.system.bootstrap import open_app

    path = _admin_db(tmp_path)
    ctx = open_app(str(path), pick_user=False)
    authenticate(ctx, TEST_USER, TEST_PASSWORD)
    create_user(ctx, "김담당", UserRole.COORDINATOR, password="temp-pass-1")
    ctx.db.dispose()
    window = window_on(path)
    login = flow_dialog(qtbot, window, LoginDialog)
    login.ui.nameEdit.setText("김담당")
    login.ui.passwordEdit.setText("temp-pass-1")
    login.try_login()
    change = flow_dialog(qtbot, window, PasswordDialog)
    assert change.mode == "change_own" and nothing_shown(window)
    assert "임시 비밀번호로 로그인했습니다" in change.ui.introLabel.text()
    assert not change.ui.oldEdit.isVisibleTo(change)  # just typed at the login: not asked again
    assert change.ui.oldEdit.text() == "temp-pass-1"
    change.ui.newEdit.setText("my-own-pass-2")
    change.ui.confirmEdit.setText("my-own-pass-2")
    with qtbot.waitSignal(window.database_opened, timeout=20000):
        change.submit()
    assert window.user_label.text() == "로그인: 김담당 (담당자)"
    fresh = open_app(str(path), pick_user=False)
    assert not authenticate(fresh, "김담당", "my-own-pass-2").must_change_password
    fresh.db.dispose()


def test_idle_lock_covers_everything_keeps_input_and_wants_the_password(qtbot, main_window):
    """After the idle minutes every window is covered, a half-typed form stays as it was under
    the cover, a wrong password is refused and the right one uncovers."""
    from panelapp.gui.core.idle_lock import Cover
    from panelapp.gui.dialogs.cohort_dialog import CohortDialog

    window = main_window
    lock = window.idle_lock
    assert lock.minutes == 15  # the default setting
    form = CohortDialog(window, None)
    form.show()
    qtbot.waitExposed(form)
    form.ui.nameEdit.setText("작성 중인 기수")
    lock.last_input -= 14 * 60
    lock.check()
    assert not lock.locked  # not yet
    lock.last_input -= 2 * 60
    lock.check()
    assert lock.locked
    covered = {c.parentWidget() for c in window.findChildren(Cover)} | {
        c.parentWidget() for c in form.findChildren(Cover)
    }
    assert window in covered and form in covered
    screen = window.lock_dialog
    qtbot.waitUntil(screen.isVisible, timeout=5000)
    assert QApplication.activeModalWidget() is screen or screen.isModal()
    assert screen.ui.nameEdit.text() == TEST_USER and screen.ui.nameEdit.isReadOnly()
    screen.ui.passwordEdit.setText("wrong-pass-1")
    screen.try_login()
    qtbot.waitUntil(lambda: screen.ui.errorLabel.isVisibleTo(screen), timeout=10000)
    assert lock.locked and "맞지 않습니다" in screen.ui.errorLabel.text()
    screen.ui.passwordEdit.setText(TEST_PASSWORD)
    screen.try_login()
    qtbot.waitUntil(lambda: not lock.locked, timeout=10000)
    qtbot.waitUntil(lambda: not window.findChildren(Cover) and not form.findChildren(Cover), timeout=5000)
    assert form.isVisible() and form.ui.nameEdit.text() == "작성 중인 기수"
    assert window.ctx.user_name == TEST_USER
    form.close()


def test_what_was_being_typed_when_the_lock_appeared_is_no_failed_password(qtbot, main_window):
    """Typing into a form when the lock screen came up went into its password field, and the
    Enter that ended the line was a failed login (toward the 5-failure lock). Keys before a quiet
    moment (or a click in the field) are dropped; only a password typed after it and submitted
    counts."""
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from panelapp.db.models import User
    from panelapp.gui.dialogs.login_dialog import ARMING_HINT, UNLOCK_QUIET_MS

    def failures() -> int:
        with main_window.ctx.db.session_factory() as s:
            return s.scalar(select(User.failed_logins).where(User.name == TEST_USER)) or 0

    lock = main_window.idle_lock
    lock.lock()
    screen = main_window.lock_dialog
    qtbot.waitUntil(screen.isVisible, timeout=5000)
    field = screen.ui.passwordEdit
    assert not screen.armed and screen.ui.hintLabel.text() == ARMING_HINT
    for _ in range(3):  # still typing the note when the screen came up, then Enter
        qtbot.keyClicks(field, "memo text")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.wait(UNLOCK_QUIET_MS // 3)  # each key starts the quiet moment again
    assert field.text() == "" and not screen.armed
    assert not screen.ui.errorLabel.isVisibleTo(screen) and lock.locked
    screen.try_login()  # 잠금 해제 with nothing typed: no attempt
    qtbot.waitUntil(lambda: screen.armed, timeout=UNLOCK_QUIET_MS * 3)
    assert field.hasFocus() or not screen.isActiveWindow()
    assert failures() == 0 and not screen.ui.errorLabel.isVisibleTo(screen)
    qtbot.keyClicks(field, "wrong-pass-1")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # an explicit submit: this one counts
    qtbot.waitUntil(lambda: screen.ui.errorLabel.isVisibleTo(screen), timeout=10000)
    assert failures() == 1 and lock.locked
    field.setText(TEST_PASSWORD)
    screen.try_login()
    qtbot.waitUntil(lambda: not lock.locked, timeout=10000)
    assert failures() == 0


def test_a_click_in_the_password_field_arms_the_lock_screen_at_once(qtbot, main_window):
    from PySide6.QtCore import Qt

    main_window.idle_lock.lock()
    screen = main_window.lock_dialog
    qtbot.waitUntil(screen.isVisible, timeout=5000)
    assert not screen.armed
    qtbot.mouseClick(screen.ui.passwordEdit, Qt.MouseButton.LeftButton)
    assert screen.armed
    qtbot.keyClicks(screen.ui.passwordEdit, TEST_PASSWORD)
    assert screen.ui.passwordEdit.text() == TEST_PASSWORD
    qtbot.keyClick(screen.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not main_window.idle_lock.locked, timeout=10000)


def test_input_postpones_the_lock_and_the_setting_changes_it(qtbot, main_window):
    from PySide6.QtCore import Qt

    lock = main_window.idle_lock
    lock.last_input -= 16 * 60
    qtbot.keyClick(main_window.windowHandle(), Qt.Key.Key_Down)  # someone is working, in the window
    lock.check()
    assert not lock.locked and lock.idle_seconds() < 5
    lock.last_input -= 16 * 60
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    QTest.mouseClick(main_window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    lock.check()
    assert not lock.locked and lock.idle_seconds() < 5
    from panelapp.gui.dialogs.cohort_dialog import CohortDialog

    form = CohortDialog(main_window, None)
    form.show()
    qtbot.waitExposed(form)
    lock.last_input -= 16 * 60
    qtbot.keyClick(form.windowHandle(), Qt.Key.Key_A)  # typing in a dialog counts too
    assert lock.idle_seconds() < 5
    form.close()
    lock.set_minutes(0)  # below the range: the shortest, 1 minute
    assert lock.minutes == 1
    lock.set_minutes(999)
    assert lock.minutes == 60


def test_another_account_logs_in_only_with_its_password(qtbot, main_window):
    """설정 → 다른 계정으로 로그인: the window is covered and nobody acts until a login."""
    from panelapp.gui.core.idle_lock import Cover
    from panelapp.services.people.accounts import reset_password
    from panelapp.services.people.users import find_user

    window = main_window
    lead = find_user(window.ctx, "조장")
    reset_password(window.ctx, lead.id, "lead-pass-26")  # the demo's 점검 조장, must change
    with qtbot.waitSignal(window.account_changed, timeout=20000):
        window.log_out()
        assert window.ctx.user_id is None and window.findChildren(Cover)
        screen = window.lock_dialog
        screen.ui.nameEdit.setText("조장")
        screen.ui.passwordEdit.setText("lead-pass-26")
        screen.try_login()
        qtbot.waitUntil(lambda: isinstance(window.lock_dialog, PasswordDialog), timeout=10000)
        change = window.lock_dialog
        assert change.mode == "change_own" and window.findChildren(Cover)  # still covered
        change.ui.oldEdit.setText("lead-pass-26")
        change.ui.newEdit.setText("lead-own-pass-27")
        change.ui.confirmEdit.setText("lead-own-pass-27")
        change.submit()
    assert window.ctx.user_name == "조장" and window.user_label.text() == "로그인: 조장 (점검 조장)"
    assert window.settings.get("current_user") == "조장"  # the next login's name, as a first login keeps
    qtbot.waitUntil(lambda: not window.findChildren(Cover), timeout=5000)


def test_switching_account_has_its_own_cover_and_cancel_goes_back_untouched(qtbot, main_window):
    """설정 → 다른 계정으로 로그인 is not the idle lock: its cover and dialog say what it is, and
    취소 returns to the account logged in before, nothing reloaded and nothing closed."""
    from PySide6.QtWidgets import QDialogButtonBox

    from panelapp.gui.core.idle_lock import Cover
    from panelapp.gui.dialogs.cohort_dialog import CohortDialog

    window = main_window
    ctx = window.ctx
    before = (ctx.user_id, ctx.user_name, ctx.role)
    label = window.user_label.text()
    form = CohortDialog(window, None)
    form.show()
    qtbot.waitExposed(form)
    form.ui.nameEdit.setText("작성 중인 기수")
    changed = []
    window.account_changed.connect(lambda: changed.append(True))
    window.log_out()
    covers = window.findChildren(Cover) + form.findChildren(Cover)
    assert len(covers) >= 2 and {c.label.text() for c in covers} == {"다른 계정으로 로그인"}
    assert ctx.user_id is None  # nothing acts as anyone meanwhile
    screen = window.lock_dialog
    qtbot.waitUntil(screen.isVisible, timeout=5000)
    assert screen.windowTitle() == "다른 계정으로 로그인" == screen.ui.titleLabel.text()
    assert f"지금은 {TEST_USER} 계정으로" in screen.ui.introLabel.text()
    assert screen.ui.nameEdit.text() == "" and not screen.ui.nameEdit.isReadOnly()
    cancel = screen.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "취소"
    cancel.click()
    qtbot.waitUntil(lambda: not window.findChildren(Cover) and not form.findChildren(Cover), timeout=5000)
    assert (ctx.user_id, ctx.user_name, ctx.role) == before
    assert window.isVisible() and window.user_label.text() == label and changed == []
    assert form.isVisible() and form.ui.nameEdit.text() == "작성 중인 기수"
    assert not window.idle_lock.locked
    form.close()


def test_the_idle_lock_cover_still_says_locked(qtbot, main_window):
    from panelapp.gui.core.idle_lock import Cover

    lock = main_window.idle_lock
    lock.last_input -= 16 * 60
    lock.check()
    assert {c.label.text() for c in main_window.findChildren(Cover)} == {"화면이 잠겼습니다"}
    screen = main_window.lock_dialog
    assert screen.windowTitle() == "화면 잠김"
    screen.ui.passwordEdit.setText(TEST_PASSWORD)
    screen.try_login()
    qtbot.waitUntil(lambda: not lock.locked, timeout=10000)


def test_a_closed_window_never_locks(qtbot, main_window):
    """A window that was closed (its object may live on) asks nobody for a password later."""
    lock = main_window.idle_lock
    main_window.close()
    lock.last_input -= 60 * 60
    lock.check()
    assert not lock.locked and not lock.timer.isActive()


def test_the_window_locks_by_the_institution_limit_not_a_hand_edited_file(
    qtbot, open_main_window, demo_db, tmp_path
):
    """settings.json said 60 (typed into the file by hand): the logged-in window locks after the
    institution's 15 minutes, and follows a 관리자's new limit when the institution changes."""
    import json

    from panelapp.gui.operations.login import apply_lock_policy
    from panelapp.services.org.lock import get_lock_policy, save_lock_policy
    from panelapp.services.system.bootstrap import open_app

    path = tmp_path / "hand.json"
    path.write_text(json.dumps({"lock_minutes": 60}), encoding="utf-8")
    window = open_main_window(demo_db, settings=Settings(path))
    qtbot.waitUntil(lambda: window.lock_policy is not None, timeout=10000)
    assert window.idle_lock.minutes == 15
    other = open_app(str(demo_db))  # the suite's 관리자, as on another desktop
    try:
        save_lock_policy(other, 40, get_lock_policy(other).version)
    finally:
        other.db.dispose()
    apply_lock_policy(window)  # what a change of 기관 정보 on the bus runs
    qtbot.waitUntil(lambda: window.idle_lock.minutes == 40, timeout=10000)
    assert window.lock_policy.minutes == 40
