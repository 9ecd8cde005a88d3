"""설정 및 계정 dialog: one's own account, the accounts a 관리자 manages (add with a temporary
password, reset, role, lock, deactivate), data locations, the idle lock's minutes."""

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from panelapp.domain.enums import UserRole
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.login_dialog import PasswordDialog
from panelapp.gui.dialogs.settings_dialog import SettingsDialog
from panelapp.paths import data_dir
from panelapp.services.people.accounts import authenticate, create_first_admin
from panelapp.services.people.users import create_user, find_user, list_users
from panelapp.services.registers.departments import DepartmentInput, create_department
from panelapp.settings import Settings

PW = "admin-pass-26"


@pytest.fixture
def dialog(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    create_first_admin(ctx, "테스트담당자", PW)
    create_user(ctx, "김담당", UserRole.COORDINATOR, password="kim-pass-26")
    window = Window(ctx, settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    dlg = SettingsDialog(window)
    qtbot.waitUntil(lambda: dlg.loaded, timeout=5000)
    yield dlg
    wait_for_all()
    ctx.db.dispose()


def texts(dlg):
    return [dlg.ui.userList.item(i).text() for i in range(dlg.ui.userList.count())]


def select(dlg, name):
    for i in range(dlg.ui.userList.count()):
        if dlg.ui.userList.item(i).text().startswith(name):
            dlg.ui.userList.setCurrentRow(i)
            return
    raise AssertionError(name)


def test_lists_accounts_with_their_state_and_the_locations(dialog, tmp_path):
    assert texts(dialog) == [
        "김담당 · 담당자 · 다음 로그인 때 비밀번호 변경",
        "테스트담당자 · 관리자 · 지금 로그인",
    ]
    assert dialog.ui.accountsGroup.isVisibleTo(dialog)
    assert dialog.ui.accountLabel.text() == "테스트담당자 (관리자) 계정으로 로그인했습니다."
    assert dialog.ui.dbLabel.text() == str(tmp_path / "test.db")
    assert dialog.ui.dataDirLabel.text() == str(data_dir())
    assert dialog.ui.attachmentsLabel.text() == str(tmp_path / "attachments")
    assert dialog.ui.backupLabel.text() == str(data_dir() / "backups")  # (no backup folder set)
    assert dialog.ui.settingsLabel.text() == str(tmp_path / "settings.json")
    dialog.window_.settings.set("backup_dir", str(tmp_path / "share"))
    again = SettingsDialog(dialog.window_)
    assert again.ui.backupLabel.text() == str(tmp_path / "share")  # where 백업·복원 writes them
    again.close()


def test_it_says_the_settings_belong_to_this_computer(dialog):
    assert dialog.ui.displayGroup.title() == "이 컴퓨터의 설정"
    hint = dialog.ui.computerHint.text()
    assert "데이터베이스가 아니라 이 컴퓨터" in hint and "마지막 계정 이름" in hint


def test_other_roles_see_only_their_own_account(qtbot, dialog):
    window = dialog.window_
    authenticate(window.ctx, "김담당", "kim-pass-26")
    other = SettingsDialog(window)
    assert not other.ui.accountsGroup.isVisibleTo(other) and other.loaded
    assert other.ui.userList.count() == 0  # the account list was never read
    assert other.ui.accountLabel.text() == "김담당 (담당자) 계정으로 로그인했습니다."
    # compact: the Designer size is the 관리자's, with the account list
    dialog.show()
    other.show()
    qtbot.waitExposed(other)
    assert other.height() < dialog.height() - 150, (other.size(), dialog.size())
    assert not other.findChild(QScrollArea, "bodyScroll").verticalScrollBar().isVisible()  # all of it shows
    other.close()


def _team_leader(ctx) -> int:
    """A member who is a team's 조장 in a cohort: a choice for a 점검 조장 account."""
    import datetime as dt

    from panelapp.db.models import Cohort, Enrollment, Member
    from panelapp.domain.enums import MemberRole
    from panelapp.services.context import transaction

    with transaction(ctx) as s:
        cohort = Cohort(number=7, name="제7기", term_start=dt.date(2026, 3, 1), term_end=dt.date(2027, 2, 28))
        member = Member(name="박조장", phone="+821055507777")
        s.add_all([cohort, member])
        s.flush()
        s.add(
            Enrollment(
                member_id=member.id, cohort_id=cohort.id, role=MemberRole.LEADER, joined_on=cohort.term_start
            )
        )
        return member.id


def test_add_an_account_with_a_temporary_password(qtbot, dialog):
    member = _team_leader(dialog.window_.ctx)
    dialog.refresh_users()
    qtbot.waitUntil(lambda: [m.id for m in dialog.lead_members] == [member], timeout=5000)
    add = dialog._password_dialog("create")
    assert not add.ui.oldEdit.isVisibleTo(add) and not add.ui.departmentCombo.isVisibleTo(add)
    assert not add.ui.memberCombo.isVisibleTo(add)
    add.ui.nameEdit.setText("박조장님")
    add.ui.roleCombo.setCurrentIndex(add.ui.roleCombo.findData(UserRole.LEAD.value))
    assert add.ui.memberCombo.isVisibleTo(add) and add.ui.memberLabel.isVisibleTo(add)
    assert add.ui.memberCombo.itemText(1) == "박*장 · 010-****-7777 · 점검 조장 0회"  # masked
    add.ui.newEdit.setText("lead-pass-26")
    add.ui.confirmEdit.setText("lead-pass-26")
    add.submit()
    assert "단원을 골라야" in add.ui.errorLabel.text()
    add.ui.memberCombo.setCurrentIndex(add.ui.memberCombo.findData(member))
    with qtbot.waitSignal(add.finished, timeout=10000):
        add.submit()
    created = find_user(dialog.window_.ctx, "박조장님")
    assert created.role is UserRole.LEAD and created.must_change_password and created.has_password
    assert created.member_id == member
    dialog.refresh_users(select_id=created.id)
    qtbot.waitUntil(
        lambda: "박조장님 · 점검 조장 · 박*장 · 다음 로그인 때 비밀번호 변경" in texts(dialog), timeout=5000
    )
    again = dialog._password_dialog("role", dialog.selected_user())
    assert again.ui.memberCombo.isVisibleTo(again) and again.ui.memberCombo.currentData() == member
    again.ui.roleCombo.setCurrentIndex(again.ui.roleCombo.findData(UserRole.VIEWER.value))
    assert not again.ui.memberCombo.isVisibleTo(again)
    again.close()


def test_a_department_account_needs_its_department(qtbot, dialog):
    ctx = dialog.window_.ctx
    dept = create_department(ctx, DepartmentInput("시설안전팀"))
    add = PasswordDialog(dialog, ctx, "create", departments=[dept])
    add.ui.nameEdit.setText("이부서")
    add.ui.roleCombo.setCurrentIndex(add.ui.roleCombo.findData(UserRole.DEPARTMENT.value))
    assert add.ui.departmentCombo.isVisibleTo(add)
    add.ui.newEdit.setText("dept-pass-26")
    add.ui.confirmEdit.setText("dept-pass-26")
    add.submit()
    assert "담당부서를 골라야" in add.ui.errorLabel.text()
    add.ui.departmentCombo.setCurrentIndex(add.ui.departmentCombo.findData(dept.id))
    with qtbot.waitSignal(add.finished, timeout=10000):
        add.submit()
    assert find_user(ctx, "이부서").department_id == dept.id


def test_a_weak_temporary_password_is_refused_with_the_rule(qtbot, dialog):
    add = PasswordDialog(dialog, dialog.window_.ctx, "create")
    add.ui.nameEdit.setText("최담당")
    add.ui.newEdit.setText("short")
    add.ui.confirmEdit.setText("short")
    add.submit()
    qtbot.waitUntil(lambda: add.ui.errorLabel.isVisibleTo(add), timeout=10000)
    assert add.ui.errorLabel.text().startswith("비밀번호: ")
    assert [u.name for u in list_users(dialog.window_.ctx)] == ["김담당", "테스트담당자"]


def test_reset_lock_unlock_and_role(qtbot, dialog):
    ctx = dialog.window_.ctx
    kim = find_user(ctx, "김담당")
    reset = PasswordDialog(dialog, ctx, "reset", kim)
    assert reset.ui.nameEdit.text() == "김담당" and reset.ui.nameEdit.isReadOnly()
    reset.ui.newEdit.setText("new-temp-26")
    reset.ui.confirmEdit.setText("new-temp-26")
    with qtbot.waitSignal(reset.finished, timeout=10000):
        reset.submit()
    select(dialog, "김담당")
    assert dialog.ui.lockButton.text() == "잠그기(&K)"
    dialog.toggle_lock()
    qtbot.waitUntil(lambda: "김담당 · 담당자 · 잠김" in texts(dialog), timeout=5000)
    select(dialog, "김담당")
    assert dialog.ui.lockButton.text() == "잠금 풀기(&K)"
    dialog.toggle_lock()
    qtbot.waitUntil(lambda: "김담당 · 담당자 · 다음 로그인 때 비밀번호 변경" in texts(dialog), timeout=5000)
    role = PasswordDialog(dialog, ctx, "role", find_user(ctx, "김담당"))
    assert not role.ui.newEdit.isVisibleTo(role)
    role.ui.roleCombo.setCurrentIndex(role.ui.roleCombo.findData(UserRole.VIEWER.value))
    with qtbot.waitSignal(role.finished, timeout=10000):
        role.submit()
    assert find_user(ctx, "김담당").role is UserRole.VIEWER


def test_own_account_cannot_be_deactivated_or_locked(qtbot, dialog):
    select(dialog, "테스트담당자")
    assert not dialog.ui.toggleActiveButton.isEnabled() and not dialog.ui.lockButton.isEnabled()
    assert dialog.ui.resetButton.isEnabled()
    dialog.toggle_active()  # the services refuse it as well
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisibleTo(dialog), timeout=5000)
    assert "자기 계정은 사용 중지할 수 없습니다" in dialog.ui.errorLabel.text()
    dialog.toggle_lock()
    qtbot.waitUntil(lambda: "자기 계정은 잠글 수 없습니다" in dialog.ui.errorLabel.text(), timeout=5000)


def test_deactivate_and_reactivate(qtbot, dialog):
    select(dialog, "김담당")
    assert dialog.ui.toggleActiveButton.text() == "사용 중지(&D)"
    dialog.toggle_active()
    qtbot.waitUntil(lambda: "김담당 · 담당자 · 사용 중지" in texts(dialog), timeout=5000)
    select(dialog, "김담당")
    assert dialog.ui.toggleActiveButton.text() == "다시 사용(&D)"


def test_change_own_password(qtbot, dialog):
    ctx = dialog.window_.ctx
    change = PasswordDialog(dialog, ctx, "change_own")
    assert not change.ui.nameEdit.isVisibleTo(change) and change.ui.oldEdit.isVisibleTo(change)
    change.ui.oldEdit.setText("not-mine-26")
    change.ui.newEdit.setText("brand-new-26")
    change.ui.confirmEdit.setText("brand-new-26")
    change.submit()
    qtbot.waitUntil(lambda: change.ui.errorLabel.isVisibleTo(change), timeout=10000)
    assert "지금 비밀번호가 맞지 않습니다" in change.ui.errorLabel.text()
    change.ui.oldEdit.setText(PW)
    with qtbot.waitSignal(change.finished, timeout=10000):
        change.submit()
    assert authenticate(ctx, "테스트담당자", "brand-new-26").account.name == "테스트담당자"


class Lock:
    minutes = 15

    def set_minutes(self, m):
        self.minutes = m


def test_lock_minutes_are_kept_and_followed(qtbot, dialog):
    dialog.window_.idle_lock = Lock()
    assert dialog.ui.lockSpin.value() == 15
    dialog.ui.lockSpin.setValue(5)
    assert dialog.window_.settings.get("lock_minutes") == 5 and dialog.window_.idle_lock.minutes == 5
    # the institution's limit (15 until a 관리자 sets one) is the most any computer gets
    assert (dialog.ui.lockSpin.minimum(), dialog.ui.lockSpin.maximum()) == (1, 15)


def test_only_an_administrator_lengthens_the_lock(qtbot, dialog):
    """The institution's limit lives in the database and only a 관리자 sets it (기관 최대 저장);
    every account's computer may lock sooner, never later, and the dialog says so."""
    from panelapp.services.org.lock import get_lock_policy

    window = dialog.window_
    window.idle_lock = Lock()
    assert dialog.ui.lockLimitSpin.isVisibleTo(dialog) and dialog.ui.lockLimitButton.isVisibleTo(dialog)
    assert "기관 최대 15분" in dialog.ui.lockHint.text()
    dialog.ui.lockLimitSpin.setValue(30)
    dialog.ui.lockLimitButton.click()
    qtbot.waitUntil(lambda: get_lock_policy(window.ctx).minutes == 30, timeout=10000)
    qtbot.waitUntil(lambda: dialog.ui.lockSpin.maximum() == 30, timeout=10000)
    assert window.lock_policy.minutes == 30 and "기관 최대 30분" in dialog.ui.lockHint.text()
    # no choice of its own on this computer: it locks at the limit (nothing written to its file)
    assert dialog.ui.lockSpin.value() == 30 and window.idle_lock.minutes == 30
    assert window.settings.get("lock_minutes") is None
    dialog.ui.lockSpin.setValue(25)
    assert window.settings.get("lock_minutes") == 25 and window.idle_lock.minutes == 25

    create_user(window.ctx, "이열람", UserRole.VIEWER, password="lee-pass-26")
    authenticate(window.ctx, "이열람", "lee-pass-26")
    viewer = SettingsDialog(window)
    try:
        spin = viewer.ui.lockSpin
        assert not viewer.ui.lockLimitSpin.isVisibleTo(viewer) and not viewer.ui.lockLimitButton.isVisibleTo(
            viewer
        )
        assert (spin.minimum(), spin.maximum(), spin.value()) == (1, 30, 25)
        assert "기관 최대 30분보다 길게는" in viewer.ui.lockHint.text()
        spin.setValue(60)
        assert spin.value() == 30 and window.settings.get("lock_minutes") == 30
        spin.setValue(5)
        assert window.settings.get("lock_minutes") == 5
        viewer.set_lock_minutes(45)  # past the spin box too: never more than the limit
        assert window.settings.get("lock_minutes") == 30
    finally:
        viewer.close()


def test_a_hand_edited_settings_file_cannot_lengthen_the_lock(qtbot, dialog, tmp_path):
    """settings.json is the user's own file: 60 written into it by hand gives 15 minutes (the
    institution's default limit) in the dialog and in what the lock would use."""
    import json

    from panelapp.domain.idle_lock import effective_minutes

    path = tmp_path / "settings.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data["lock_minutes"] = 60
    path.write_text(json.dumps(data), encoding="utf-8")
    window = dialog.window_
    window.settings = Settings(path)
    assert window.settings.get("lock_minutes") == 60
    again = SettingsDialog(window)
    try:
        assert (again.ui.lockSpin.maximum(), again.ui.lockSpin.value()) == (15, 15)
    finally:
        again.close()
    assert effective_minutes(window.settings.get("lock_minutes"), None) == 15


def test_main_window_menu_opens_it_and_logs_out_through_the_login(qtbot, main_window, monkeypatch):
    calls = []
    monkeypatch.setattr(type(main_window), "log_out", lambda self: calls.append(self))

    def run(dlg):
        dlg.ui.logoutButton.click()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", run)
    assert main_window.settings_action.isEnabled()
    main_window.settings_action.trigger()
    assert calls == [main_window]


def test_esc_after_ticking_high_contrast_closes_without_asking(qtbot, dialog, monkeypatch):
    """고대비 is kept the moment it is ticked: Esc has nothing to throw away and does not ask."""
    from panelapp.gui import palette
    from panelapp.gui.core import dialogs

    asked = []
    monkeypatch.setattr(dialogs, "ask_discard", lambda *a, **k: asked.append(a) or False)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        dialog.ui.highContrastCheck.setChecked(True)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert asked == []
        assert not dialog.isVisible()
        assert dialog.window_.settings.get("high_contrast") is True
    finally:
        from PySide6.QtWidgets import QApplication

        palette.apply(QApplication.instance(), False)


def test_a_long_error_wraps_and_the_dialog_keeps_its_size(qtbot, dialog):
    from panelapp.domain.errors import ValidationError

    dialog.show()
    qtbot.waitExposed(dialog)
    size, list_height = dialog.size(), dialog.ui.userList.height()
    long = "이 이름은 이미 다른 계정이 쓰고 있습니다. " * 6
    dialog._error(ValidationError("계정 이름", long.strip()))
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisible(), timeout=2000)
    _settle()
    label = dialog.ui.errorLabel
    assert label.wordWrap() and label.height() > label.fontMetrics().lineSpacing() * 1.5  # wrapped
    assert dialog.size() == size
    assert label.width() <= dialog.width() and label.height() >= label.heightForWidth(label.width())
    assert dialog.ui.userList.height() >= min(list_height, dialog.ui.userList.minimumHeight())


def _settle():
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def test_typing_a_two_digit_lock_time_keeps_the_whole_number(qtbot, dialog):
    """Typing "12" saved 1 minute at once (each keystroke was a value): the spin boxes take the
    number when typing is done (Enter or leaving the box), not at each key."""
    from PySide6.QtCore import Qt

    window = dialog.window_
    window.idle_lock = Lock()
    spin = dialog.ui.lockSpin
    assert not spin.keyboardTracking() and not dialog.ui.lockLimitSpin.keyboardTracking()
    dialog.show()
    qtbot.waitExposed(dialog)
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "12")
    assert window.settings.get("lock_minutes") is None  # nothing saved mid-typing
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.settings.get("lock_minutes") == 12 and window.idle_lock.minutes == 12
