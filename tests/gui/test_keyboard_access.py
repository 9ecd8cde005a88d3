"""Keyboard and screen readers (issue 16 item 5): every page of the main window has a name on
every input and a Tab order that follows what is on screen (the rules: tests/gui/a11y_checks.py).
Every dialog is checked the same way (a11y_checks.DialogWatch, as each closes) in the child
process that walks every dialog for the screen fit (tests/gui/screen_fit_walk.py)."""

from __future__ import annotations

import a11y_checks
import pytest
from conftest import page_settled
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

DialogWatch = a11y_checks.DialogWatch


def test_the_rules_catch_what_they_are_meant_to(qtbot):
    dlg = QDialog()
    qtbot.addWidget(dlg)
    form = QFormLayout(dlg)
    first, second = QLineEdit(objectName="first"), QLineEdit(objectName="second")
    form.addRow("이름", first)  # a form row's label names its field
    form.addRow("전화", second)
    bare = QLineEdit(objectName="bare")
    form.addRow(bare)  # no label: nothing to read out
    dlg.resize(300, 200)
    dlg.show()
    assert a11y_checks.accessible_name(first) == "이름"
    assert a11y_checks.unnamed_inputs(dlg) == ["QLineEdit#bare"]
    bare.setAccessibleName("메모")
    assert a11y_checks.unnamed_inputs(dlg) == []
    assert a11y_checks.tab_jumps_back(dlg) == []
    QWidget.setTabOrder(second, first)  # 전화 → 이름 → 메모: up from 전화 to 이름
    QWidget.setTabOrder(first, bare)
    jumps = a11y_checks.tab_jumps_back(dlg)
    assert any("#second" in j and "#first" in j and "back up" in j for j in jumps), jumps
    from PySide6.QtWidgets import QTableView

    table = QTableView(objectName="grid")
    form.addRow("목록", table)
    qtbot.waitUntil(lambda: table.isVisible() and table.height() > 0)
    assert a11y_checks.tab_traps(dlg) == ["QTableView#grid"]  # Qt's default keeps Tab in the cells
    table.setTabKeyNavigation(False)
    assert a11y_checks.tab_traps(dlg) == []


def test_step_rules():
    step = a11y_checks.backward_step
    row_a, row_b = QRect(200, 10, 100, 24), QRect(10, 10, 100, 24)
    assert step(row_b, row_a) is None  # left to right in a row
    assert step(row_a, row_b) == "goes back left in the same row"
    assert step(QRect(10, 10, 100, 24), QRect(10, 50, 100, 24)) is None  # down the column
    assert step(QRect(10, 50, 100, 24), QRect(10, 10, 100, 24)) == "goes back up (not to a new column)"
    assert step(QRect(10, 200, 100, 24), QRect(150, 10, 100, 24)) is None  # top of the next column
    assert step(QRect(300, 10, 100, 24), QRect(10, 60, 500, 24)) is None  # down to a new row, further left
    button = QPushButton("")
    assert button.text() == ""


@pytest.fixture
def watch():
    w = DialogWatch()
    QApplication.instance().installEventFilter(w)
    yield w
    QApplication.instance().removeEventFilter(w)


def test_every_page_names_its_inputs_and_tabs_in_order(main_window, qtbot, watch):
    from panelapp.gui.mainwindow import PAGES

    for key, label, _target in PAGES:
        main_window.show_page(key)
        qtbot.waitUntil(lambda key=key: page_settled(main_window.page(key)), timeout=20000)
        watch.check(f"page {key} ({label})", main_window)
    assert watch.problems == {}, watch.report()


def _mnemonic(text: str) -> str | None:
    """The letter after a single & ("&&" is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].upper()
            i += 1
        i += 1
    return None


def test_every_menu_and_menu_item_has_its_own_alt_letter(main_window):
    """Alt+letter opens each menu, and each item of an open menu is one letter away: a missing
    or repeated mnemonic leaves an action reachable only by mouse (or by arrow keys, slowly)."""
    problems = []
    bar = [a for a in main_window.menuBar().actions() if a.menu() is not None]
    titles = [_mnemonic(a.text()) for a in bar]
    if None in titles or len(set(titles)) != len(titles):
        problems.append(f"menu bar: {[a.text() for a in bar]}")
    for top in bar:
        items = [a for a in top.menu().actions() if not a.isSeparator() and a.isVisible()]
        letters = [_mnemonic(a.text()) for a in items]
        for action, letter in zip(items, letters, strict=True):
            if letter is None:
                problems.append(f"{top.text()} → {action.text()!r}: no &letter")
            elif letters.count(letter) > 1:
                problems.append(f"{top.text()} → {action.text()!r}: &{letter} used twice")
    assert problems == [], "\n".join(problems)


def test_the_mnemonic_rule_reads_ampersands_as_qt_does():
    assert _mnemonic("백업·복원(&B)…") == "B"
    assert _mnemonic("R&&D") is None
    assert _mnemonic("R&&D (&R)") == "R"


def test_tab_leaves_the_roster_table_and_enter_opens_the_member(main_window, qtbot, monkeypatch):
    """On a list page Tab goes from the table to the next control (not round its cells), and
    Enter on a row does what a double click does."""
    from PySide6.QtCore import Qt

    main_window.show_page("roster")
    page = main_window.page("roster")
    qtbot.waitUntil(lambda: page_settled(page), timeout=20000)
    opened = []
    monkeypatch.setattr(page, "edit_member", lambda: opened.append(page.view.currentIndex().row()))
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [0]
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.view
