"""The welcome page's demo button loads a demo dated from today and says so in the status bar;
once a cohort exists the page leaves the navigation but stays under 도움말 → 시작하기, where the
demo button is off and the note says why instead of offering a refusal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from panelapp.domain.localtime import today_local
from panelapp.gui.pages import welcome


def test_demo_from_the_welcome_page_then_help_start_shows_the_page_again(open_main_window, tmp_path, qtbot):
    window = open_main_window(tmp_path / "empty.db")
    page = window.page("welcome")
    assert window.stack.currentWidget() is page and window.welcome_action.isEnabled()
    qtbot.waitUntil(lambda: page.org_status.text() != "", timeout=5000)
    assert page.demo_button.isEnabled() and page.demo_note.text() == welcome.DEMO_NOTE

    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.cohort_combo.count() == 3, timeout=60000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=10000)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"데모 데이터를 불러왔습니다. 기준일 {today_local():%Y-%m-%d}: 제7기가 활동 중")
    assert window._nav_items["welcome"].isHidden() and window.stack.currentWidget() is not page

    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("도움말"))
    assert window.welcome_action in help_menu.actions()
    window.welcome_action.trigger()
    assert window.stack.currentWidget() is page
    # the database holds work now: a further demo would go into a database of its own
    qtbot.waitUntil(lambda: page.demo_note.text() == welcome.DEMO_SEPARATE, timeout=5000)
    assert page.demo_button.isEnabled() and page.demo_button.text() == welcome.DEMO_SEPARATE_BUTTON
    assert page.org_status.text() == "√ 한빛시설관리공단"


def test_after_entering_the_institution_the_demo_opens_in_a_window_of_its_own(
    open_main_window, tmp_path, qtbot, monkeypatch
):
    """Issue 10: the first start asks for the institution, and once it was entered the demo was
    refused with a command line to type. It is made in demo.db of the data folder instead and
    opened in a new window; the coordinator's database keeps only what they entered."""
    from panelapp.gui import launch
    from panelapp.services.demo import separate
    from panelapp.services.org.manage import OrgInput, get_organization, save_organization
    from panelapp.services.system.bootstrap import open_app

    demo_path = tmp_path / "data" / "demo.db"
    demo_path.parent.mkdir()
    monkeypatch.setattr(separate, "separate_demo_path", lambda: demo_path)
    started: list = []
    monkeypatch.setattr(launch, "open_in_new_window", lambda path: started.append(path) or True)

    own = tmp_path / "own.db"
    ctx = open_app(str(own))
    save_organization(ctx, OrgInput(name="새싹구 시설관리공단"))  # what the first-start dialog saves
    ctx.db.dispose()
    window = open_main_window(own)
    page = window.page("welcome")
    qtbot.waitUntil(lambda: page.demo_note.text() == welcome.DEMO_SEPARATE, timeout=5000)
    assert page.demo_button.isEnabled() and page.demo_button.text() == welcome.DEMO_SEPARATE_BUTTON

    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: started == [demo_path], timeout=60000)
    assert window.statusBar().currentMessage() == f"데모를 새 창으로 엽니다: {demo_path}"
    assert window.cohort_combo.count() == 0  # nothing was added to the coordinator's database
    assert get_organization(window.ctx).name == "새싹구 시설관리공단"
    demo = open_app(str(demo_path))
    try:
        from panelapp.services.cohorts.manage import list_cohorts

        assert len(list_cohorts(demo)) == 3 and get_organization(demo).name == "한빛시설관리공단"
    finally:
        demo.db.dispose()

    # a second time the same demo is opened again, not made anew
    qtbot.waitUntil(page.demo_button.isEnabled, timeout=5000)
    assert separate.prepare_separate_demo(None) == (demo_path, False)
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: started == [demo_path, demo_path], timeout=30000)


def test_the_demo_window_says_it_is_the_demo(open_main_window, tmp_path, qtbot, monkeypatch):
    from panelapp.services.demo import separate

    demo_path = tmp_path / "demo.db"
    monkeypatch.setattr(separate, "separate_demo_path", lambda: demo_path)
    separate.prepare_separate_demo(None)
    window = open_main_window(demo_path)
    window.welcome_action.trigger()
    page = window.page("welcome")
    qtbot.waitUntil(lambda: page.demo_note.text() == welcome.DEMO_HERE, timeout=5000)
    assert not page.demo_button.isEnabled()


def test_the_command_that_opens_a_window_on_a_database(monkeypatch):
    import sys

    from panelapp.gui.launch import window_command

    monkeypatch.delattr(sys, "frozen", raising=False)
    assert window_command(Path("/x/demo.db")) == (sys.executable, ["-m", "panelapp", "--db", "/x/demo.db"])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert window_command(Path("/x/demo.db")) == (sys.executable, ["--db", "/x/demo.db"])
