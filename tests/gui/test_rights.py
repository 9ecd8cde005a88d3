"""The window offers what the logged-in role may do (issue 12 item 2): pages in the navigation,
the marked buttons of every page, the menus; again after another account logs in. The services
refuse the same writes on their own (tests/test_permissions.py)."""

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from panelapp.domain.enums import UserRole
from panelapp.gui.core.rights import PAGE_CONTROLS, PAGE_ROLES, apply_rights, control, needed, needs
from panelapp.gui.mainwindow import PAGES
from panelapp.services.permissions import Permission, allowed

DEMO_ACCOUNTS = {
    UserRole.ADMIN: "관리자",
    UserRole.COORDINATOR: "담당자",
    UserRole.LEAD: "조장",
    UserRole.DEPARTMENT: "부서담당",
    UserRole.VIEWER: "열람자",
}


@pytest.fixture
def window_as(open_main_window, demo_db, monkeypatch):
    def open_(role: UserRole):
        monkeypatch.setenv("PANELAPP_USER", DEMO_ACCOUNTS[role])
        return open_main_window(demo_db)

    return open_


def shown_pages(window) -> set[str]:
    return {key for key, item in window._nav_items.items() if not item.isHidden()}


def build_all(window) -> None:
    for key, _label, _target in PAGES:
        window.page(key)


def test_every_marked_control_exists_on_its_page(window_as):
    window = window_as(UserRole.ADMIN)
    build_all(window)
    for key, controls in PAGE_CONTROLS.items():
        for path, permission in controls.items():
            found = control(window.pages[key], path)
            for widget in found if isinstance(found, list) else [found]:
                assert needed(widget) is permission, (key, path)


@pytest.mark.parametrize("role", [UserRole.VIEWER, UserRole.LEAD, UserRole.DEPARTMENT, UserRole.COORDINATOR])
def test_each_role_sees_its_pages_and_only_the_buttons_it_may_use(window_as, role):
    window = window_as(role)
    assert window.ctx.role is role
    expected = PAGE_ROLES.get(role)
    if expected is not None:
        assert shown_pages(window) == set(expected)
    else:
        assert shown_pages(window) == {key for key, _l, _t in PAGES if key != "welcome"}
    build_all(window)
    for key, controls in PAGE_CONTROLS.items():
        for path, permission in controls.items():
            found = control(window.pages[key], path)
            for widget in found if isinstance(found, list) else [found]:
                if not allowed(role, permission):
                    # a context-menu action (QAction) has no isHidden: not visible is hidden
                    hidden = widget.isHidden() if isinstance(widget, QWidget) else not widget.isVisible()
                    assert hidden, (role, key, path)
                else:
                    assert widget.property("panelapp_hidden_by_rights") is not True, (role, key, path)
    menus = {a.text(): a.isVisible() for a in window.menuBar().actions()}
    assert menus.get("관리(&M)", False) is False  # only a 관리자 reviews the access log
    assert not window.organization_action.isVisible() and not window.move_to_server_action.isVisible()


def test_a_viewer_gets_no_write_button_at_all(window_as):
    """Every push button a 열람자 can see on any page is one that neither writes nor puts out
    personal data: the marked ones are hidden, and the few left are for reading."""
    window = window_as(UserRole.VIEWER)
    build_all(window)
    readable = {
        "◀ 이전",
        "오늘",
        "다음 ▶",
        "미리보기·인쇄",
        "시스템 뷰어로 열기",
        "폴더 열기",
        "보고 문서(한글·Word) 열기",
    }
    readable |= {"사용 설명서 열기 (F1)", "명단 불러오는 법", "시설·부서 화면", "점검표 화면"}
    seen = set()
    for key in PAGE_ROLES[UserRole.VIEWER]:
        for button in window.pages[key].findChildren(QPushButton):
            if not button.isHidden() and needed(button) is None and not button.isCheckable():
                seen.add(button.text())
    assert seen <= readable, seen - readable


def test_the_department_desk_answers_but_does_not_edit(window_as, qtbot):
    window = window_as(UserRole.DEPARTMENT)
    assert shown_pages(window) == {"desk", "proposals"}
    page = window.page("proposals")
    window.show_page("proposals")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20000)
    page.register.view.selectRow(0)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.currentIndex() == 1, timeout=20000)
    assert detail.edit_button.isHidden() and detail.delete_button.isHidden()
    # the step buttons are rebuilt when the detail's data arrives: wait for that, then every one
    # of them is offered (a hidden one would time out here)
    qtbot.waitUntil(
        lambda: bool(detail.step_buttons) and all(not b.isHidden() for b in detail.step_buttons.values()),
        timeout=10000,
    )


def test_another_account_gets_its_own_buttons(window_as, qtbot):
    from panelapp.services.people.accounts import authenticate

    window = window_as(UserRole.VIEWER)
    roster = window.page("roster")
    assert roster.add_button.isHidden()
    authenticate(window.ctx, "담당자", __import__("conftest").TEST_PASSWORD)
    window.account_changed.emit()
    assert not roster.add_button.isHidden()
    assert shown_pages(window) >= {"roster", "trash"}


def test_a_pages_own_hiding_is_left_alone(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    own, marked = QPushButton("상황에 따라", page), QPushButton("쓰기", page)
    own.hide()  # the page hides it for its own reason
    needs(Permission.PANEL_WORK, marked)
    assert apply_rights(page, UserRole.VIEWER) == 1 and marked.isHidden()
    assert apply_rights(page, UserRole.COORDINATOR) == 0
    assert not marked.isHidden() and own.isHidden()


def test_a_double_click_does_only_what_the_rows_button_offers(window_as, qtbot):
    """Enter or a double click on a roster row opens the member form for a 담당자; for a 열람자,
    who is not offered 수정, it opens nothing (the form would be refused anyway)."""
    from panelapp.gui.core.rights import offered

    window = window_as(UserRole.VIEWER)
    roster = window.page("roster")
    window.show_page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() > 0, timeout=20000)
    assert not offered(roster.edit_button)
    opened = []
    roster.edit_member = lambda: opened.append(True)
    roster.view.activated.emit(roster.model.index(0, 0))
    assert opened == []
    schedule = window.page("schedule")
    visits = []
    schedule.edit = lambda i: visits.append(("edit", i))
    assert schedule.open_visit(1) is None and visits == []


def test_another_account_sees_the_pages_read_again_as_it_may(window_as, qtbot):
    """A 열람자's masked roster is read again in full when a 담당자 logs in on the same window."""
    from conftest import TEST_PASSWORD

    from panelapp.services.people.accounts import authenticate

    window = window_as(UserRole.VIEWER)
    roster = window.page("roster")
    window.show_page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() > 0, timeout=20000)
    name = lambda: roster.model.data(roster.model.index(0, 0))  # noqa: E731
    qtbot.waitUntil(lambda: "*" in (name() or ""), timeout=20000)
    authenticate(window.ctx, "담당자", TEST_PASSWORD)
    window.account_changed.emit()
    qtbot.waitUntil(lambda: "*" not in (name() or "*"), timeout=20000)


@pytest.mark.parametrize("role", [UserRole.LEAD, UserRole.VIEWER])
def test_a_double_click_on_a_calendar_day_opens_no_new_visit_for_who_may_not_add(window_as, qtbot, role):
    import datetime as dt

    from PySide6.QtWidgets import QApplication

    from panelapp.gui.dialogs.inspection_dialog import InspectionDialog

    window = window_as(role)
    window.show_page("schedule")
    page = window.page("schedule")
    assert page.add_button.isHidden()
    from panelapp.gui.core.ops import wait_for_all

    qtbot.waitUntil(lambda: page.choices is not None, timeout=20000)
    page.month.day_activated.emit(dt.date(2026, 12, 1))  # what a double click on the day sends
    wait_for_all()
    qtbot.wait(300)
    opened = [w for w in QApplication.allWidgets() if isinstance(w, InspectionDialog)]
    for dialog in opened:
        dialog.done(0)
    assert opened == []
