"""What a keyboard or screen-reader user needs of a window, as checks that name what fails.

- Every input has an accessible name: what a screen reader says when the input takes focus
  (as Qt's accessible interface works it out: setAccessibleName, else the label whose buddy it
  is, else the group box it sits in; a button's or check box's own text).
- Tab order follows the visual order. Each step of the Tab chain (focus widgets that take Tab,
  shown, enabled) is compared by the widgets' rectangles mapped to the window:
  * backward in a row: the next widget shares the row (their vertical spans overlap by at least
    half the lower one's height) and lies wholly to the left (its right edge at or before the
    current widget's left edge, within TOLERANCE px);
  * back up: the next widget lies wholly above (its bottom at or above the current widget's
    top) and is not the start of a new column (its left edge is not at or past the current
    widget's right edge).
  Going down (to a new row, even one starting further left) and up-and-right into a new column
  are the reading order of forms with one or two columns. The step from the last widget back to
  the first (Tab wrapping round) is not a step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

TOLERANCE = 4
INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
)


def describe(widget: QWidget) -> str:
    name = widget.objectName() or ""
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    return f"{type(widget).__name__}{'#' + name if name else ''}{' ' + repr(text) if text else ''}"


def accessible_name(widget: QWidget) -> str:
    """The name Qt's accessible interface gives the widget (qaccessiblewidget.cpp): its
    accessibleName, else the text of the label whose buddy it is, else the title of the group
    box it sits in; for a button or check box its own text. Worked out here rather than asked of
    QAccessible: asking switches accessibility on for the rest of the run, and Qt 6.11's tree
    interface then crashes when a QTreeWidget is cleared (the checklist editor)."""
    name = widget.accessibleName().strip()
    if name:
        return name
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&", "").strip()
    parent = widget.parentWidget()
    if parent is None:
        return ""
    for label in parent.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if label.buddy() is widget and label.text().strip():
            return label.text().replace("&", "").strip()
    if isinstance(parent, QGroupBox):
        return parent.title().replace("&", "").strip()
    return ""


def _shown_in(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _is_inner(widget: QWidget) -> bool:
    """The line edit of a spin box, date field or editable combo: its owner carries the name."""
    parent = widget.parentWidget()
    return isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox))


def unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs under `root` a screen reader would announce without a name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or _is_inner(widget) or not _shown_in(widget, root):
            continue
        if isinstance(widget, (QScrollBar, QHeaderView)):
            continue  # parts of a scroll area or table, announced with it
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)) and widget.isReadOnly():
            if not widget.focusPolicy() & widget.focusPolicy().TabFocus:
                continue
        if not accessible_name(widget):
            missing.append(describe(widget))
    for button in root.findChildren(QAbstractButton):
        if isinstance(button.parentWidget(), QLineEdit):
            continue  # a line edit's own clear button
        if _shown_in(button, root) and not accessible_name(button):
            missing.append(describe(button) + " (a button without text or name)")
    return missing


def tab_traps(root: QWidget) -> list[str]:
    """Tables that keep Tab to themselves (QTableView's default tabKeyNavigation): Tab moves
    from cell to cell and wraps round, so a keyboard user never reaches the buttons after it."""
    return [
        describe(view)
        for view in root.findChildren(QAbstractItemView)
        if view.tabKeyNavigation() and _shown_in(view, root)
    ]


def tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits under `root`, in order, starting from its first."""
    chain: list[QWidget] = []
    start = root
    widget = root.nextInFocusChain()
    while widget is not start and widget is not None and len(chain) < 2000:
        proxy = widget.focusProxy()
        takes_tab = bool(widget.focusPolicy() & widget.focusPolicy().TabFocus)
        if (
            takes_tab
            and proxy is None
            and widget.isEnabled()
            and _shown_in(widget, root)
            and (root is widget.window() or root.isAncestorOf(widget))
            and widget not in chain
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, widget.rect().topLeft()), widget.size())


def backward_step(a: QRect, b: QRect) -> str | None:
    """Why the step from a widget at `a` to one at `b` goes against the reading order, or None."""
    overlap = min(a.bottom(), b.bottom()) - max(a.top(), b.top())
    same_row = overlap >= min(a.height(), b.height()) / 2
    if same_row and b.right() <= a.left() + TOLERANCE:
        return "goes back left in the same row"
    if b.bottom() <= a.top() + TOLERANCE and b.left() < a.right() - TOLERANCE and not same_row:
        return "goes back up (not to a new column)"
    return None


def scroll_areas(widget: QWidget, root: QWidget) -> list[QScrollArea]:
    """The scroll areas `widget` sits in under `root`, outermost first."""
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QScrollArea):
            found.insert(0, parent)
        parent = parent.parentWidget()
    return found


def places(wa: QWidget, wb: QWidget, root: QWidget) -> tuple[QRect, QRect]:
    """Where two widgets are in the reading order: their own rectangles, except that a widget in
    a scroll area the other is not in stands at the scroll area's place (a field scrolled out of
    view below a form still comes before the buttons under the form)."""
    sa, sb = scroll_areas(wa, root), scroll_areas(wb, root)
    shared = 0
    while shared < min(len(sa), len(sb)) and sa[shared] is sb[shared]:
        shared += 1
    a = sa[shared] if shared < len(sa) else wa
    b = sb[shared] if shared < len(sb) else wb
    return rect_in(a, root), rect_in(b, root)


def tab_jumps_back(root: QWidget) -> list[str]:
    chain = tab_chain(root)
    out = []
    for wa, wb in zip(chain, chain[1:], strict=False):
        if isinstance(wa, QTabBar) or isinstance(wb, QTabBar):
            continue  # a tab bar sits above the page it shows: Tab goes from it into the page
        a, b = places(wa, wb, root)
        why = backward_step(a, b)
        if why:
            out.append(
                f"{describe(wa)} ({a.x()},{a.y()} {a.width()}×{a.height()}) → "
                f"{describe(wb)} ({b.x()},{b.y()} {b.width()}×{b.height()}): {why}"
            )
    return out


QT_OWN = (QMessageBox, QFileDialog, QInputDialog, QProgressDialog)  # Qt's own dialogs are Qt's to name


class DialogWatch(QObject):
    """Each dialog checked as it closes (laid out, its data loaded, still whole): installed as
    an application event filter while a walk opens every dialog."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: dict[str, list[str]] = {}
        self.seen: set[str] = set()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Hide and isinstance(obj, QDialog) and not isinstance(obj, QT_OWN):
            self.check(f"{type(obj).__name__} {obj.windowTitle()!r}", obj)
        return False

    def check(self, name: str, root: QWidget) -> None:
        self.seen.add(name)
        found = [f"이름 없음: {w}" for w in unnamed_inputs(root)]
        found += [f"Tab 순서: {s}" for s in tab_jumps_back(root)]
        found += [f"Tab이 표 안에 갇힘: {w}" for w in tab_traps(root)]
        if found:
            self.problems.setdefault(name, sorted(set(found)))

    def report(self) -> str:
        return "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in self.problems.items())
