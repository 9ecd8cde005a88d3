"""gui/core/scroll_body: a dialog's form scrolls inside it when the screen is too small, its
buttons and error line stay below it in view, Tab keeps its order, the focused field is scrolled
into view, and on a screen large enough nothing changes (tests/gui/test_fits_screen.py walks the
real dialogs at 150 % on 1366×768)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from panelapp.gui.core.scroll_body import footer_count, scroll_body
from panelapp.gui.core.tab_order import takes_tab


def _form_dialog(rows: int = 30) -> tuple[QDialog, list[QLineEdit], QLabel, QDialogButtonBox]:
    dialog = QDialog()
    col = QVBoxLayout(dialog)
    col.addWidget(QLabel("소개"))
    form = QFormLayout()
    edits = []
    for n in range(rows):
        edit = QLineEdit(objectName=f"edit{n}")
        form.addRow(f"항목 {n}", edit)
        edits.append(edit)
    col.addLayout(form)
    error = QLabel("오류", objectName="errorLabel")
    error.setProperty("tone", "error")
    col.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    col.addWidget(buttons)
    return dialog, edits, error, buttons


def tab_chain(dialog: QDialog) -> list[str]:
    """The names of the widgets Tab visits, in the order it visits them."""
    names, widget = [], dialog.nextInFocusChain()
    while widget is not dialog:
        if takes_tab(widget):
            names.append(widget.objectName() or widget.text())
        widget = widget.nextInFocusChain()
    return names


def _visible_in(scroll: QScrollArea, widget: QWidget) -> bool:
    top = widget.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= scroll.viewport().height()


def test_the_form_scrolls_and_the_footer_stays_below_it(qtbot):
    dialog, edits, error, buttons = _form_dialog()
    qtbot.addWidget(dialog)
    before = tab_chain(dialog)
    scroll = scroll_body(dialog)
    assert scroll.widget().isAncestorOf(edits[0]) and scroll.widget().isAncestorOf(edits[-1])
    assert not scroll.isAncestorOf(buttons) and not scroll.isAncestorOf(error)
    layout = dialog.layout()
    assert [layout.itemAt(n).widget() for n in range(layout.count())] == [scroll, error, buttons]
    # the whole form's wish, but it can be squeezed to a few lines
    assert scroll.sizeHint().height() >= scroll.widget().minimumSizeHint().height()
    assert dialog.minimumSizeHint().height() < 300
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(500, 300)  # as the screen fit does on a small screen
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)  # it does scroll
    assert buttons.geometry().bottom() <= dialog.height()  # and the buttons are in the window
    # Tab order is the fields' own, and the scroll area takes no Tab
    assert (
        tab_chain(dialog) == before
        and before[0] == "edit0"
        and before[-1] == buttons.button(buttons.StandardButton.Cancel).text()
    )
    assert not scroll.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_field_that_takes_focus_is_scrolled_into_view(qtbot):
    dialog, edits, _error, _buttons = _form_dialog()
    qtbot.addWidget(dialog)
    scroll = scroll_body(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(500, 300)
    dialog.activateWindow()
    edits[0].setFocus()
    qtbot.waitUntil(lambda: _visible_in(scroll, edits[0]))
    assert not _visible_in(scroll, edits[-1])
    edits[-1].setFocus()  # as a field error or a mnemonic does, not only Tab
    qtbot.waitUntil(lambda: _visible_in(scroll, edits[-1]))
    assert not _visible_in(scroll, edits[0])


def test_on_a_large_screen_the_dialog_is_as_before(qtbot):
    """A dialog given a size smaller than its form (Designer's geometry) used to be held open by
    its minimum; with the form in a scroll area it takes the form's size when shown instead."""
    plain, *_ = _form_dialog(8)
    scrolled, *_ = _form_dialog(8)
    qtbot.addWidget(plain)
    qtbot.addWidget(scrolled)
    scroll = scroll_body(scrolled)
    for dialog in (plain, scrolled):
        dialog.resize(400, 120)
        dialog.show()
        qtbot.waitExposed(dialog)
    assert scrolled.height() >= plain.height() > 120
    qtbot.waitUntil(lambda: scroll.viewport().height() >= scroll.widget().minimumSizeHint().height())
    assert scroll.verticalScrollBar().maximum() == 0


def test_a_row_of_buttons_is_a_footer_and_a_form_row_is_not():
    col = QVBoxLayout()
    row = QHBoxLayout()
    row.addWidget(QLineEdit())
    row.addWidget(QPushButton("찾아보기"))
    col.addLayout(row)
    buttons = QHBoxLayout()
    buttons.addWidget(QLabel("Tab 다음 항목"))
    buttons.addStretch(1)
    buttons.addWidget(QPushButton("닫기"))
    col.addLayout(buttons)
    assert footer_count(col) == 1
    holder = QWidget()
    holder.setLayout(col)
    with pytest.raises(TypeError):
        scroll_body(QDialog(), QFormLayout())
