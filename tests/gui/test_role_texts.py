"""Empty-state and hint texts follow the account's rights (issue 12): a 열람자 is not told to press
[보고서 만들기…] it does not have, a 부서 담당자 is not told to press [새 제안] and filters by their
own department only; and [새 제안] on a database without a cohort says a 기수 comes first."""

import pytest
from test_rights import DEMO_ACCOUNTS, build_all

from panelapp.domain.enums import UserRole
from panelapp.gui.core.rights import offered
from panelapp.gui.operations import cohort_first
from panelapp.services.permissions import Permission, allowed

EMPTY_PAGES = ("proposals", "checklists", "cohorts", "findings", "reports", "content")


@pytest.fixture
def window_as(open_main_window, demo_db, monkeypatch):
    def open_(role: UserRole):
        monkeypatch.setenv("PANELAPP_USER", DEMO_ACCOUNTS[role])
        return open_main_window(demo_db)

    return open_


def _texts(window) -> dict[str, str]:
    return {key: window.pages[key].empty_text() for key in EMPTY_PAGES if key in window.pages}


@pytest.mark.parametrize("role", [UserRole.VIEWER, UserRole.LEAD, UserRole.DEPARTMENT])
def test_a_role_is_not_told_of_buttons_it_lacks(window_as, role):
    window = window_as(role)
    build_all(window)
    buttons = {"findings": "add_button", "reports": "make_button", "content": "add_button"}
    for key, text in _texts(window).items():
        if offered(getattr(window.pages[key], buttons.get(key, "new_button"))):
            continue  # the role has this button (a 점검 조장's [발견사항 추가])
        assert "[" not in text and "누르" not in text, (role, key, text)
    dashboard = window.pages["dashboard"].urgent_hint()
    assert dashboard == "담당자가 개선제안을 만들면 여기서 사라집니다"


def test_a_coordinator_is_still_told_where_to_start(window_as):
    window = window_as(UserRole.COORDINATOR)
    build_all(window)
    texts = _texts(window)
    assert "[새 제안]" in texts["proposals"] and "[보고서 만들기…]" in texts["reports"]
    assert "[새 기수]" in texts["cohorts"] and "[발견사항 추가]" in texts["findings"]
    assert window.pages["dashboard"].urgent_hint() == "제안을 만들면 여기서 사라집니다"


def test_a_department_desk_filters_by_its_own_department_only(window_as, qtbot):
    from panelapp.services.people.users import find_user

    window = window_as(UserRole.DEPARTMENT)
    page = window.page("proposals")
    window.show_page("proposals")
    qtbot.waitUntil(lambda: page.department_combo.count() > 0 and not page.is_loading, timeout=20000)
    own = find_user(window.ctx, DEMO_ACCOUNTS[UserRole.DEPARTMENT]).department_id
    combo = page.department_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [own]
    assert not combo.isEnabled() and "자기 부서" in combo.toolTip()
    assert page.empty_text().startswith("이 부서에 온 개선제안이 없습니다")


@pytest.mark.parametrize("page_key, what", [("proposals", "개선제안"), ("findings", "발견사항")])
def test_new_on_a_database_without_a_cohort_says_a_cohort_comes_first(
    open_main_window, tmp_path, monkeypatch, qtbot, page_key, what
):
    window = open_main_window(tmp_path / "empty.db")
    assert window.current_cohort_id is None and allowed(window.ctx.role, Permission.PANEL_WORK)
    asked = []
    monkeypatch.setattr(
        cohort_first, "ask_go_to_cohorts", lambda _p, text, offer: asked.append((text, offer)) or True
    )
    page = window.page(page_key)
    window.show_page(page_key)
    (page.new_proposal if page_key == "proposals" else page.add)()
    assert asked == [(cohort_first.cohort_first_text(what, True), True)]
    assert asked[0][0].startswith(f"{what}")
    assert "기수가 먼저 있어야 합니다" in asked[0][0]
    assert window.stack.currentWidget() is window.page("cohorts")  # went there, as chosen


def test_without_the_cohort_page_it_says_whom_to_ask():
    text = cohort_first.cohort_first_text("발견사항", False)
    assert (
        text
        == "발견사항은 기수에 딸려 있어 기수가 먼저 있어야 합니다. 담당자에게 기수를 만들어 달라고 요청해 주세요."
    )
