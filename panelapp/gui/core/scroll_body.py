"""A dialog's form that scrolls when the screen is smaller than the form, its buttons staying in view.

At 150 % a 1366×768 screen leaves 911×512 logical pixels: a form 550 px tall cannot fit, and the
screen fit (gui/core/screen_fit.py) never makes a window smaller than its minimum. One line after
`setupUi` (or after the layout is built) does it:

    scroll_body(self)            # the dialog's own layout
    scroll_body(self, ui.side)   # or one column of it

Every item of the layout goes into a scroll area placed where they were, except the footer: the
trailing button box, a trailing row of buttons (and hint labels), and an error line just above
them, which stay below it, always visible. The scroll area asks for the form's whole size (so on
a large screen nothing changes and no scroll bar shows: the dialog takes that size when first
shown, as far as the screen allows), is no Tab stop, keeps the Tab order of
the fields (they stay in the same window, so Qt's focus chain is untouched), and scrolls the field
that takes focus into view however it got it (Tab, a mnemonic, a click, an error that focuses
the field at fault).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

MIN_LINES = 4  # the least of the form a scrolled dialog shows, in lines of text
VISIBLE_MARGIN = 12  # room kept round a field scrolled into view


def _is_footer_widget(widget: QWidget) -> bool:
    if isinstance(widget, QDialogButtonBox):
        return True
    return isinstance(widget, QLabel) and widget.property("tone") == "error"


def _is_button_row(layout: QLayout) -> bool:
    """A row of buttons, with perhaps a hint beside them (a dialog's own buttons, not a form row)."""
    items = [item for n in range(layout.count()) if (item := layout.itemAt(n)) is not None]
    widgets = [w for item in items if (w := item.widget()) is not None]
    nested = any(item.layout() is not None for item in items)
    return (
        not nested
        and any(isinstance(w, (QAbstractButton, QDialogButtonBox)) for w in widgets)
        and all(isinstance(w, (QAbstractButton, QDialogButtonBox, QLabel)) for w in widgets)
    )


def _is_footer(item: QLayoutItem) -> bool:
    widget, layout = item.widget(), item.layout()
    if widget is not None:
        return _is_footer_widget(widget)
    return layout is not None and _is_button_row(layout)


def footer_count(layout: QBoxLayout) -> int:
    """How many of the layout's last items are its footer (buttons, and an error line above them)."""
    count = 0
    for n in range(layout.count() - 1, -1, -1):
        item = layout.itemAt(n)
        if item is None or not _is_footer(item):
            break
        count += 1
    return count


class BodyScroll(QScrollArea):
    """A form's scroll area: it asks for the whole form (QScrollArea caps its wish at 24 lines),
    its least is the form's width and a few lines, and the field in focus is kept in view."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("bodyScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take Tab, not their frame
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a method of a QObject: Qt drops the connection when this goes
            app.focusChanged.connect(self._focus_changed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        body = self.widget()
        if body is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        return body.sizeHint().expandedTo(body.minimumSizeHint()) + QSize(frame, frame)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        body = self.widget()
        if body is None:
            return super().minimumSizeHint()
        frame = 2 * self.frameWidth()
        least = body.minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        lines = MIN_LINES * self.fontMetrics().lineSpacing()
        return QSize(least.width() + bar + frame, min(least.height(), lines) + frame)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.ensureWidgetVisible(new, VISIBLE_MARGIN, VISIBLE_MARGIN)


class _WholeWhenShown(QObject):
    """When the dialog is first shown it takes the size its whole form asks for, as far as its
    screen allows: its minimum no longer holds it open (a size given in Designer was smaller
    than the form, and the form then scrolled on a screen with room to spare)."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        dialog._whole_when_shown = self  # type: ignore[attr-defined]  # a Python reference: its attributes live as long
        dialog.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        # (getattr: Qt may call the filter while Python has not finished or has begun tearing
        # down this object, when the attribute is not there)
        dialog: QWidget | None = getattr(self, "dialog", None)
        if dialog is not None and obj is dialog and event.type() == QEvent.Type.Show:
            from panelapp.gui.core.screen_fit import room_for

            dialog.removeEventFilter(self)
            wanted = dialog.size().expandedTo(dialog.sizeHint())
            room = room_for(dialog)
            if room is not None:
                wanted = wanted.boundedTo(room).expandedTo(dialog.minimumSize())
            if wanted != dialog.size():
                dialog.resize(wanted)
        return False


def scroll_body(dialog: QWidget, layout: QBoxLayout | None = None) -> BodyScroll:
    """Put `layout`'s items (the dialog's own layout by default), all but its footer, into a
    scroll area that takes their place; returns the scroll area."""
    found = layout if layout is not None else dialog.layout()
    if not isinstance(found, QBoxLayout):
        raise TypeError(f"scroll_body needs a box layout, not {type(found).__name__}")
    layout = found
    moved = layout.count() - footer_count(layout)
    scroll = BodyScroll(dialog)
    body = QWidget()
    body.setObjectName("scrollBody")
    column = QVBoxLayout(body)
    column.setContentsMargins(0, 0, 0, 0)
    if layout.spacing() >= 0:
        column.setSpacing(layout.spacing())
    scroll.setWidget(body)  # in the dialog's window before the fields move: their Tab order stays
    for _ in range(moved):
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        if item is None:
            break
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            column.addWidget(widget, stretch, item.alignment())
        elif inner is not None:
            column.addLayout(inner, stretch)
        else:
            column.addItem(item)  # a spacer
    layout.insertWidget(0, scroll, 1)
    if dialog.findChild(_WholeWhenShown) is None:
        _WholeWhenShown(dialog)
    return scroll
