"""The user guide (resources/help, gui/dialogs/help_dialog.py): every page and dialog has a
section that exists, every link and screenshot resolves, the text asks for no font the program
does not bring, F1 opens the section of the page or dialog in front, the shortcuts the guide lists
are the shortcuts the program defines, and the welcome page's buttons go where they say."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from panelapp.gui import mainwindow
from panelapp.gui.dialogs import help_dialog
from panelapp.gui.dialogs.help_dialog import DIALOG_TOPICS, PAGE_TOPICS, SECTIONS, HelpWindow
from panelapp.paths import resource

ROOT = Path(__file__).resolve().parent.parent.parent
HELP = resource("help")
GUI = ROOT / "panelapp" / "gui"


# ----- reading the guide ------------------------------------------------------------------
class Section(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images: list[str] = []
        self.stylesheets: list[str] = []
        self.tags: set[str] = set()
        self.keys: list[str] = []
        self._in_key = 0
        self._key_text = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "img":
            self.images.append(a.get("src", ""))
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a.get("href", ""))
        if tag == "span" and "key" in (a.get("class") or "").split():
            self._in_key, self._key_text = 1, ""

    def handle_endtag(self, tag):
        if tag == "span" and self._in_key:
            self.keys.append(self._key_text.strip())
            self._in_key = 0

    def handle_data(self, data):
        if self._in_key:
            self._key_text += data


def section(name: str) -> Section:
    return Section((HELP / name).read_text(encoding="utf-8"))


def anchor_exists(topic: str) -> bool:
    name, _, anchor = topic.partition("#")
    path = HELP / name
    return path.is_file() and (not anchor or anchor in section(name).ids)


def test_the_sections_are_the_html_files_of_the_guide():
    on_disk = {p.name for p in HELP.glob("*.html")}
    assert set(SECTIONS) == on_disk
    assert len(SECTIONS) == len(set(SECTIONS))
    for name in SECTIONS:
        assert help_dialog.section_title(name) != name, f"{name} has no <title>"


def test_every_page_of_the_window_has_a_section_that_exists():
    keys = [key for key, _label, _target in mainwindow.PAGES]
    assert sorted(PAGE_TOPICS) == sorted(keys), "add the page to help_dialog.PAGE_TOPICS"
    missing = {key: topic for key, topic in PAGE_TOPICS.items() if not anchor_exists(topic)}
    assert missing == {}


def _dialog_classes() -> set[str]:
    found = set()
    for path in (GUI / "dialogs").glob("*.py"):
        module = importlib.import_module(f"panelapp.gui.dialogs.{path.stem}")
        found |= {
            name
            for name, obj in inspect.getmembers(module, inspect.isclass)
            if issubclass(obj, QDialog) and obj.__module__ == module.__name__
        }
    return found


def test_every_dialog_topic_names_a_dialog_and_a_section_that_exist():
    assert set(DIALOG_TOPICS) <= _dialog_classes()
    missing = {name: topic for name, topic in DIALOG_TOPICS.items() if not anchor_exists(topic)}
    assert missing == {}


def test_the_guide_tells_of_checks_answer_requests_reminders_and_where_deadlines_are_set():
    """확인할 개선사항 (개선 확인·미흡) in 결과 입력, 답변 요청서 and 독촉 안내문 on the desk page, and
    the 답변 기한 rules where the button really is (시설·부서 → 담당부서) and for whom (관리자)."""
    from panelapp.domain.enums import UserRole
    from panelapp.gui.core.rights import PAGE_CONTROLS
    from panelapp.gui.operations.answer_requests import IMPORT_TEXT, MAKE_TEXT
    from panelapp.gui.operations.reminders import MAKE_TEXT as REMINDER_TEXT
    from panelapp.gui.results_verifications import CHOICES
    from panelapp.services.permissions import Permission, roles_with

    results = (HELP / "results.html").read_text(encoding="utf-8")
    assert "확인할 개선사항" in results and "다시 추진중" in results
    assert all(f"<b>{label}</b>" in results for label, _outcome in CHOICES)
    proposals = (HELP / "proposals.html").read_text(encoding="utf-8")
    for text in (MAKE_TEXT, IMPORT_TEXT, REMINDER_TEXT):
        assert f"[{text}]" in proposals, text
    assert PAGE_CONTROLS["facilities"]["departments_tab.deadline_button"] is Permission.INSTITUTION
    assert roles_with(Permission.INSTITUTION) == [UserRole.ADMIN]
    tab = (GUI / "pages" / "departments_tab.py").read_text(encoding="utf-8")
    facilities = (GUI / "pages" / "facilities.py").read_text(encoding="utf-8")
    assert 'QPushButton("답변 기한…")' in tab and '"담당부서")' in facilities
    assert "<b>관리자</b>만 <b>시설·부서 → 담당부서</b> 탭의 [답변 기한…]" in proposals
    assert "시설·부서 → 담당부서 → 답변 기한" not in proposals


def test_every_link_in_the_guide_leads_somewhere():
    pages = {key for key, _label, _target in mainwindow.PAGES}
    for name in SECTIONS:
        for href in section(name).links:
            url = QUrl(href)
            if url.scheme() == "panelapp":
                kind, _, key = url.path().partition("/")
                assert kind == "page" and key in pages, (name, href)
            elif url.scheme() in ("http", "https", "mailto"):
                continue
            else:
                target = href if not href.startswith("#") else name + href
                assert anchor_exists(target), (name, href)


def test_the_welcome_page_links_to_sections_that_exist():
    from panelapp.gui.pages import welcome

    for _label, topic in welcome.CYCLE:
        assert anchor_exists(topic), topic
    for topic in welcome.STEP_TOPICS:
        assert anchor_exists(topic), topic


def test_every_screenshot_the_guide_shows_exists_and_is_small():
    from PySide6.QtGui import QImage

    used = set()
    for name in SECTIONS:
        for src in section(name).images:
            path = (HELP / src).resolve()
            assert path.is_file(), (name, src)
            assert path.stat().st_size <= 150_000, (src, path.stat().st_size)
            image = QImage(str(path))
            assert not image.isNull(), src
            assert image.width() <= 1200, (src, image.width())
            used.add(path)
    on_disk = {p.resolve() for p in (HELP / "images").glob("*")}
    assert on_disk - used == set(), "images no section shows"


def test_the_guide_asks_for_no_font_the_program_does_not_bring():
    # Qt draws code/kbd/pre/tt/samp in a "monospace" family, which may not exist or lack Hangul.
    css = re.sub(r"/\*.*?\*/", "", (HELP / "help.css").read_text(encoding="utf-8"), flags=re.S)
    assert "font-family" not in css and "font:" not in css
    for name in SECTIONS:
        text = (HELP / name).read_text(encoding="utf-8")
        parsed = section(name)
        assert "font-family" not in text and "<font" not in text.lower(), name
        assert not parsed.tags & {"code", "kbd", "pre", "tt", "samp"}, name
        assert parsed.stylesheets == ["help.css"], name


def test_the_help_window_renders_in_the_application_font(qtbot, qapp):
    from panelapp.gui.fonts import install_fonts

    before = qapp.font()
    try:
        family = install_fonts(qapp)
        assert family == "NanumGothic"
        for name in SECTIONS:
            window = HelpWindow(None)
            qtbot.addWidget(window)
            window.show_topic(name)
            doc = window.browser.document()
            assert doc.defaultFont().family() == family
            block = doc.begin()
            while block.isValid():
                it = block.begin()
                while not it.atEnd():
                    families = it.fragment().charFormat().fontFamilies()
                    assert not families, (name, it.fragment().text()[:20], families)
                    it += 1
                block = block.next()
            window.close()
    finally:
        qapp.setFont(before)


def test_screenshots_shrink_to_the_window_and_grow_back(qtbot):
    window = HelpWindow(None)
    qtbot.addWidget(window)
    window.resize(700, 600)
    window.show()
    window.show_topic("start.html#dashboard")
    qtbot.waitExposed(window)
    browser = window.browser
    room = browser._room()
    images = browser.image_names()
    assert images == ["images/welcome.png", "images/dashboard.png"]
    from PySide6.QtGui import QTextDocument

    kind = QTextDocument.ResourceType.ImageResource.value
    shown = browser.document().resource(kind, QUrl("images/dashboard.png"))
    assert shown.width() <= browser._fitted_to <= room + 30  # the 1012 px screenshot, smaller
    assert shown.width() < 700
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: browser._fitted_to > room + 100, timeout=3000)
    bigger = browser.document().resource(kind, QUrl("images/dashboard.png"))
    assert bigger.width() > shown.width()
    window.close()


# ----- F1 -------------------------------------------------------------------------------------
def anchor_visible(browser, anchor: str) -> bool:
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if anchor in it.fragment().charFormat().anchorNames():
                y = doc.documentLayout().blockBoundingRect(block).top()
                top = browser.verticalScrollBar().value()
                return top - 5 <= y <= top + browser.viewport().height()
            it += 1
        block = block.next()
    return False


def help_of(window) -> HelpWindow:
    found = getattr(window, "help_window", None)
    assert found is not None and found.isVisible(), "F1 opened no help window"
    return found


def press_f1(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=3000)
    qtbot.keyClick(widget, Qt.Key.Key_F1)


def test_f1_is_the_guide_in_the_help_menu(main_window):
    action = main_window.help_action
    assert action.text() == "사용 설명서(&M)"
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert QKeySequence(QKeySequence.StandardKey.HelpContents).toString() == "F1"
    menu = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "도움말(&H)")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    # 시작하기: the welcome page; 업데이트 확인: the offline update check
    assert texts == ["사용 설명서(&M)", "시작하기(&S)", "업데이트 확인(&U)…", "프로그램 정보(&A)"]


def test_f1_on_each_page_opens_its_section(main_window, qtbot):
    window = main_window
    try:
        for key, _label, _target in mainwindow.PAGES:
            window.show_page(key)
            press_f1(qtbot, window.stack.currentWidget())
            help_window = help_of(window)
            assert help_window.current_topic() == PAGE_TOPICS[key], key
            anchor = PAGE_TOPICS[key].partition("#")[2]
            qtbot.waitUntil(lambda a=anchor, h=help_window: anchor_visible(h.browser, a), timeout=3000)
            # the contents list marks the section
            assert (
                help_window.contents.currentItem().data(Qt.ItemDataRole.UserRole)
                == PAGE_TOPICS[key].split("#")[0]
            )
            window.activateWindow()
        assert (
            len([w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow) and w.isVisible()])
            == 1
        )
    finally:
        if getattr(window, "help_window", None) is not None:
            window.help_window.close()


def test_f1_in_a_dialog_opens_the_dialogs_section_and_the_guide_stays_usable(main_window, qtbot):
    window = main_window
    dialog = window.open_organization()
    try:
        qtbot.waitExposed(dialog)
        assert dialog.windowModality() == Qt.WindowModality.WindowModal
        press_f1(qtbot, dialog)
        help_window = help_of(window)
        assert help_window.current_topic() == DIALOG_TOPICS["OrganizationDialog"]
        # the window-modal dialog does not block the guide: it takes a click on its contents
        row = next(
            i
            for i in range(help_window.contents.count())
            if help_window.contents.item(i).data(Qt.ItemDataRole.UserRole) == "faq.html"
        )
        rect = help_window.contents.visualItemRect(help_window.contents.item(row))
        qtbot.mouseClick(help_window.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert help_window.current_topic() == "faq.html"
    finally:
        dialog.reject()
        if getattr(window, "help_window", None) is not None:
            window.help_window.close()


def test_guide_links_to_pages_show_them_in_the_window(main_window, qtbot):
    help_window = main_window.open_help("start.html#first")
    try:
        help_window.browser.follow(QUrl("panelapp:page/facilities"))
        assert main_window.stack.currentWidget() is main_window.page("facilities")
        help_window.browser.follow(QUrl("cohort.html#import"))
        assert help_window.current_topic() == "cohort.html#import"
        qtbot.mouseClick(help_window.back_button, Qt.MouseButton.LeftButton)
        assert help_window.current_topic() == "start.html#first"
    finally:
        help_window.close()


def test_the_help_window_does_not_keep_the_program_running(qtbot):
    window = HelpWindow(None)
    qtbot.addWidget(window)
    assert not window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
    assert window.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    assert window.parent() is None  # a window-modal dialog of the main window does not block it


# ----- the shortcuts section against the program ------------------------------------------
# Keys every text field and list has: the program may use them without the guide listing them.
EDITING = {"Left", "Right", "Up", "Down", "Home", "End", "Tab", "Shift+Tab", "Backspace", "Del"}
# Keys a handler names to let them pass (pressed on their own they are no command).
MODIFIERS = {
    "Key_Shift",
    "Key_Control",
    "Key_Alt",
    "Key_AltGr",
    "Key_Meta",
    "Key_Super_L",
    "Key_Super_R",
    "Key_CapsLock",
    "Key_NumLock",
    "Key_Hangul",
    "Key_Hangul_Hanja",
}
# Qt's standard keys as the guide writes them. Qt binds them per platform (on Windows Quit has
# none, on the offscreen test platform neither); a standard key the program starts using must be
# added here, and where this platform binds it the binding must agree.
STANDARD = {"HelpContents": "F1", "Find": "Ctrl+F", "Undo": "Ctrl+Z", "Quit": "Ctrl+Q"}
ALIASES = {"↑": "Up", "↓": "Down", "←": "Left", "→": "Right", "Delete": "Del", "Return": "Enter"}


def canonical(text: str) -> str:
    text = ALIASES.get(text, text)
    seq = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    out = seq.toString(QKeySequence.SequenceFormat.PortableText) or text
    return {"Return": "Enter", "Backtab": "Shift+Tab"}.get(out, out)


def _dotted(node) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def app_keys() -> dict[str, set[str]]:
    """key → the modules that define it: Qt.Key constants a handler reacts to, standard keys and
    key strings given to setShortcut / QShortcut / QAction(shortcut=), menu mnemonics (Alt+X)."""
    from panelapp.domain.enums import ChecklistItemKind
    from panelapp.gui import results_items

    found: dict[str, set[str]] = {}

    def add(key: str, where: str) -> None:
        found.setdefault(canonical(key), set()).add(where)

    for path in GUI.rglob("*.py"):
        if "forms" in path.parts:
            continue
        where = str(path.relative_to(ROOT))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("Key_")
                and node.attr not in MODIFIERS
                and _dotted(node.value).endswith("Key")
            ):
                add(QKeySequence(getattr(Qt.Key, node.attr)).toString(), where)
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            given = [*node.args[:1]] if name in ("setShortcut", "setShortcuts", "QShortcut") else []
            given += [k.value for k in node.keywords if k.arg == "shortcut"]
            for arg in given:
                for sub in ast.walk(arg):
                    if isinstance(sub, ast.Attribute) and _dotted(sub.value).endswith("StandardKey"):
                        assert sub.attr in STANDARD, f"{where}: add StandardKey.{sub.attr} to STANDARD"
                        bound = QKeySequence(getattr(QKeySequence.StandardKey, sub.attr)).toString()
                        assert bound in ("", STANDARD[sub.attr]), (sub.attr, bound)
                        add(STANDARD[sub.attr], where)
                    elif isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                        add(sub.value, where)
            if name == "addMenu" and node.args and isinstance(node.args[0], ast.Constant):
                mnemonic = re.search(r"&(\w)", str(node.args[0].value))
                if mnemonic:
                    add(f"Alt+{mnemonic.group(1).upper()}", where)
    for text, _value in results_items.CHOICES[ChecklistItemKind.SCORE]:  # typed digits answer a score
        add(text, "panelapp/gui/results_items.py")
    return found


def test_the_app_side_of_the_comparison_sees_the_known_shortcuts(qapp):
    keys = app_keys()
    for key in ("F1", "Ctrl+F", "Ctrl+Z", "Esc", "Enter", "PgDown", "F2", "Y", "1", "5", "Alt+H"):
        assert key in keys, key


def test_every_shortcut_of_the_program_is_in_the_guide_and_every_listed_one_exists(qapp):
    program = app_keys()
    listed = {canonical(k) for k in section("shortcuts.html").keys}
    named_anywhere = {canonical(k) for name in SECTIONS for k in section(name).keys}
    assert "" not in listed
    unlisted = {k: sorted(w) for k, w in program.items() if k not in EDITING and k not in listed}
    assert unlisted == {}, "add these to resources/help/shortcuts.html"
    invented = named_anywhere - set(program)
    assert invented == set(), "the guide names keys the program does not define"


@pytest.fixture
def empty_window(open_main_window, tmp_path):
    return open_main_window(tmp_path / "empty.db")


def test_welcome_page_explains_the_cycle_and_what_to_set_up_first(empty_window, qtbot):
    from panelapp.gui.pages import welcome

    page = empty_window.page("welcome")
    assert empty_window.stack.currentWidget() is page
    cycle = page.cycle_label.text()
    for label, _topic in welcome.CYCLE:  # the whole cycle, not only attendance
        assert label in cycle
    assert [label for label, _ in welcome.CYCLE] == [
        "기관 정보",
        "기수·명단",
        "시설·점검표",
        "점검 일정",
        "결과·발견사항",
        "개선제안",
        "보고서",
    ]
    qtbot.waitUntil(lambda: page.org_status.text() != "", timeout=5000)
    assert page.org_status.text() == "아직 없습니다"  # no institution yet
    assert page.register_status.text() == "시설 0곳 · 점검표 1개"  # the default checklist is there


def test_welcome_page_buttons_go_where_they_say(empty_window, qtbot):
    from panelapp.gui.dialogs.cohort_dialog import CohortDialog
    from panelapp.gui.dialogs.organization_dialog import OrganizationDialog
    from panelapp.gui.pages import welcome

    window = empty_window
    page = window.page("welcome")
    try:
        for button, cls in ((page.org_button, OrganizationDialog), (page.new_button, CohortDialog)):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            dialog = QApplication.activeModalWidget() or next(
                w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()
            )
            assert isinstance(dialog, cls), button.text()
            dialog.reject()
            qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=2000)
        qtbot.mouseClick(page.roster_button, Qt.MouseButton.LeftButton)
        assert help_of(window).current_topic() == "cohort.html#import"
        qtbot.mouseClick(page.guide_button, Qt.MouseButton.LeftButton)
        assert help_of(window).current_topic() == "start.html#start"
        for link, topic in zip(page.step_links, welcome.STEP_TOPICS, strict=True):
            link.linkActivated.emit(link.text().split('"')[1])
            assert help_of(window).current_topic() == topic
        for href in re.findall(r'href="([^"]+)"', page.cycle_label.text()):
            page.cycle_label.linkActivated.emit(href)
            assert help_of(window).current_topic() == href
        qtbot.mouseClick(page.facilities_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.page("facilities")
        window.show_page("welcome")
        qtbot.mouseClick(page.checklists_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.page("checklists")
    finally:
        if getattr(window, "help_window", None) is not None:
            window.help_window.close()


def test_welcome_page_shows_the_institution_once_it_is_registered(empty_window, qtbot):
    from panelapp.gui.core.ops import Op
    from panelapp.services.org.manage import OrgInput, save_organization

    window = empty_window
    page = window.page("welcome")
    qtbot.waitUntil(lambda: page.org_status.text() == "아직 없습니다", timeout=5000)
    ctx = window.ctx
    with qtbot.waitSignal(page.loaded, timeout=5000):
        Op(window, lambda _t: save_organization(ctx, OrgInput(name="한빛시설관리공단")), write=True).run()
    assert page.org_status.text() == "√ 한빛시설관리공단"
    assert page.org_button.text() == "기관 정보 고치기…"


def test_the_guide_reads_in_high_contrast(qapp, qtbot):
    """In 고대비 the guide's text is white and its headings yellow on black (help.css's dark
    grey and dark blue were unreadable there); the light look keeps help.css as written."""
    from PySide6.QtGui import QTextCursor

    from panelapp.gui import palette
    from panelapp.gui.dialogs.help_dialog import HelpBrowser, topic_url

    def colours(browser) -> set[str]:
        found = set()
        cursor = QTextCursor(browser.document())
        while not cursor.atEnd():
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
            found.add(cursor.charFormat().foreground().color().name())
            cursor.clearSelection()
        return found

    try:
        palette.apply(qapp, True)
        browser = HelpBrowser()
        qtbot.addWidget(browser)
        browser.setSource(topic_url("shortcuts.html"))
        hc = palette.SCHEMES[palette.HIGH_CONTRAST]
        seen = colours(browser)
        assert "#1f2933" not in seen and "#1f3a5f" not in seen  # help.css's light-look inks
        assert hc["text"] in seen and hc["accent"] in seen
    finally:
        palette.apply(qapp, False)
    light = HelpBrowser()
    qtbot.addWidget(light)
    light.setSource(topic_url("shortcuts.html"))
    assert "#1f3a5f" in colours(light)
