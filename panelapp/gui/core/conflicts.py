"""A stale save shown field by field instead of thrown away (issue 13 item 3).

When another desktop saved the same record first, the service refuses the save with
ConcurrencyError (optimistic versions). A form that uses `StaleSaveResolver` then keeps what the
user typed, reads the record as it is now, and shows every field that differs between three
states: what the form was opened with (처음 값), what the other user saved (다른 사용자), and
what this user typed (내 입력). The user takes the other user's version, applies the fields they
changed on top of it (choosing per field where both changed the same field), or copies their own
input to the clipboard; the form then holds the current version, so the next 저장 is an
ordinary save of what they chose. Nothing is overwritten without that choice.

The forms already map each field's Korean label to its widget (`fields`, used for the service's
field errors); the values are read and written through that map, so a form needs no per-field
code: only how to fetch its record, fill the form from it and adopt its version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

MINE, THEIRS = "mine", "theirs"
EMPTY = "(비어 있음)"


@dataclass(frozen=True)
class FieldValue:
    """A field's value as the widget holds it (compared and written back) and as shown."""

    value: Any
    text: str


def read_field(widget: QWidget) -> FieldValue | None:
    """The widget's value, or None for a kind of widget this module does not know. A widget of
    the program's own (the results grid's answer buttons) reads and writes itself through
    `field_value()` and `set_field_value(value)`."""
    own = getattr(widget, "field_value", None)
    if callable(own):
        return own()
    if isinstance(widget, QLineEdit):
        return FieldValue(widget.text().strip(), widget.text().strip())
    if isinstance(widget, QPlainTextEdit):
        return FieldValue(widget.toPlainText().strip(), widget.toPlainText().strip())
    if isinstance(widget, QTextEdit):
        return FieldValue(widget.toPlainText().strip(), widget.toPlainText().strip())
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        text = widget.currentText() if widget.currentIndex() >= 0 else ""
        return FieldValue(("data", data) if data is not None else ("text", text), text)
    if isinstance(widget, QCheckBox):
        return FieldValue(widget.isChecked(), "예" if widget.isChecked() else "아니오")
    if isinstance(widget, QDateEdit | QTimeEdit | QDateTimeEdit):
        if isinstance(widget, QDateEdit):
            value: Any = widget.date()
        elif isinstance(widget, QTimeEdit):
            value = widget.time()
        else:
            value = widget.dateTime()
        return FieldValue(value.toString(widget.displayFormat()), widget.text())
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return FieldValue(widget.value(), widget.text())
    if isinstance(widget, QAbstractSpinBox):
        return FieldValue(widget.text(), widget.text())
    if isinstance(widget, QListWidget):  # a list of tick boxes (the visit's members)
        ticked = [
            item
            for item in (widget.item(n) for n in range(widget.count()))
            if item.data(Qt.ItemDataRole.CheckStateRole) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]
        keys = tuple(sorted(repr(item.data(Qt.ItemDataRole.UserRole)) for item in ticked))
        return FieldValue(keys, ", ".join(sorted(item.text().split(" · ")[0] for item in ticked)))
    return None


def write_field(widget: QWidget, field: FieldValue) -> None:
    """Put a value read by `read_field` back into the same widget."""
    value = field.value
    own = getattr(widget, "set_field_value", None)
    if callable(own):
        own(field)
    elif isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        kind, item = value
        index = widget.findData(item) if kind == "data" else widget.findText(item)
        if index < 0 and kind == "text" and widget.isEditable():
            widget.setEditText(item)
        else:
            widget.setCurrentIndex(index)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value)
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate.fromString(value, widget.displayFormat()))
    elif isinstance(widget, QTimeEdit):
        widget.setTime(QTime.fromString(value, widget.displayFormat()))
    elif isinstance(widget, QDateTimeEdit):
        widget.setDateTime(QDateTime.fromString(value, widget.displayFormat()))
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QListWidget):
        wanted = set(value)
        for item in (widget.item(n) for n in range(widget.count())):
            if item.data(Qt.ItemDataRole.CheckStateRole) is not None:
                ticked = repr(item.data(Qt.ItemDataRole.UserRole)) in wanted
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)


def capture(fields: dict[str, QWidget]) -> dict[str, FieldValue]:
    """Every known field's value, by its label."""
    out = {}
    for label, widget in fields.items():
        value = read_field(widget)
        if value is not None:
            out[label] = value
    return out


@dataclass(frozen=True)
class FieldConflict:
    """One field that differs somewhere between the three states."""

    label: str
    base: FieldValue
    theirs: FieldValue
    mine: FieldValue

    @property
    def mine_changed(self) -> bool:
        return self.mine.value != self.base.value

    @property
    def theirs_changed(self) -> bool:
        return self.theirs.value != self.base.value

    @property
    def both_changed(self) -> bool:
        """Both changed the field, differently: the user must choose."""
        return self.mine_changed and self.theirs_changed and self.mine.value != self.theirs.value

    @property
    def proposed(self) -> str:
        """What "내가 바꾼 칸 적용" takes unless the user picks otherwise: the user's input where
        only they changed the field, the other user's where only they did; where both changed
        it, the user's own (shown marked, for them to confirm or switch)."""
        return MINE if self.mine_changed else THEIRS


def conflicts(
    base: dict[str, FieldValue], theirs: dict[str, FieldValue], mine: dict[str, FieldValue]
) -> list[FieldConflict]:
    """The fields where what the user typed and what is now saved differ, in form order."""
    rows = []
    for label, now in theirs.items():
        typed = mine.get(label, now)
        start = base.get(label, now)
        if typed.value != now.value:
            rows.append(FieldConflict(label, start, now, typed))
    return rows


def input_text(title: str, mine: dict[str, FieldValue]) -> str:
    """The user's input as plain lines for the clipboard."""
    lines = [title] if title else []
    lines += [f"{label}: {value.text or EMPTY}" for label, value in mine.items()]
    return "\n".join(lines)


class ConflictDialog(QDialog):
    """Both versions side by side; per field a choice between 다른 사용자 and 내 입력."""

    def __init__(self, parent: QWidget, title: str, rows: list[FieldConflict], mine: dict[str, FieldValue]):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle("다른 사용자가 먼저 저장했습니다")
        self.rows, self.mine, self.title = rows, mine, title
        self.outcome: str | None = None  # "apply" or "theirs" once closed by a button
        self.groups: dict[str, QButtonGroup] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            "이 창을 연 뒤 다른 사용자가 같은 자료를 먼저 저장했습니다. 아래는 서로 다른 칸입니다. "
            "칸마다 남길 값을 고른 뒤 [고른 값 적용]을 누르면 입력 창에 반영되고, 확인한 다음 "
            "저장하면 됩니다. 아무것도 저절로 덮어쓰지 않습니다."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for column, heading in enumerate(
            ("항목", "처음 값", "다른 사용자가 저장한 값", "내 입력", "남길 값")
        ):
            label = QLabel(f"<b>{heading}</b>")
            grid.addWidget(label, 0, column)
        for r, row in enumerate(rows, start=1):
            name = row.label + (" (둘 다 바꿈)" if row.both_changed else "")
            grid.addWidget(QLabel(name), r, 0)
            for column, value in ((1, row.base), (2, row.theirs), (3, row.mine)):
                cell = QLabel(value.text or EMPTY)
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, r, column)
            choice = QWidget()
            choice_layout = QVBoxLayout(choice)
            choice_layout.setContentsMargins(0, 0, 0, 0)
            group = QButtonGroup(self)
            theirs_button = QRadioButton("다른 사용자 값")
            mine_button = QRadioButton("내 입력")
            theirs_button.setAccessibleName(f"{row.label}: 다른 사용자 값")
            mine_button.setAccessibleName(f"{row.label}: 내 입력")
            group.addButton(theirs_button)
            group.addButton(mine_button)
            (mine_button if row.proposed == MINE else theirs_button).setChecked(True)
            choice_layout.addWidget(theirs_button)
            choice_layout.addWidget(mine_button)
            grid.addWidget(choice, r, 4)
            self.groups[row.label] = group
            group.setProperty("mine_button", mine_button)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(len(rows) + 1, 1)  # rows stay together at the top
        grid.setHorizontalSpacing(16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        self.copied = QLabel("")
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton("고른 값 적용", QDialogButtonBox.ButtonRole.AcceptRole)
        self.theirs_button = buttons.addButton("다른 사용자 값 받기", QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button = QPushButton("내 입력 복사")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button.setDefault(True)
        self.apply_button.setFocus()
        self.apply_button.clicked.connect(lambda: self._close("apply"))
        self.theirs_button.clicked.connect(lambda: self._close("theirs"))
        self.copy_button.clicked.connect(self.copy_input)
        layout.addWidget(buttons)
        self.resize(760, min(220 + 70 * len(rows), 560))
        from panelapp.gui.core.dialogs import IGNORE

        for widget in self.findChildren(QWidget):  # its choices are not the form's unsaved input
            widget.setProperty(IGNORE, True)

    def choices(self) -> dict[str, str]:
        """Per field, MINE or THEIRS as ticked now."""
        out = {}
        for label, group in self.groups.items():
            mine_button = group.property("mine_button")
            out[label] = MINE if mine_button.isChecked() else THEIRS
        return out

    def choose(self, label: str, which: str) -> None:
        group = self.groups[label]
        for button in group.buttons():
            if (button is group.property("mine_button")) == (which == MINE):
                button.setChecked(True)

    def copy_input(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(input_text(self.title, self.mine))
        self.copied.setText("내 입력을 클립보드에 복사했습니다. 메모장 등에 붙여 넣어 둘 수 있습니다.")

    def _close(self, outcome: str) -> None:
        self.outcome = outcome
        self.accept() if outcome == "apply" else self.reject()

    def reject(self) -> None:  # Esc and the window's close button take the other user's version
        if self.outcome is None:
            self.outcome = "theirs"
        super().reject()


class StaleSaveResolver:
    """Wires a form to the conflict dialog.

    `fetch()` reads the record as saved now (run on a worker), `fill(info)` puts it into the
    form, `adopt(info)` makes it the version the next save expects. Call `opened()` once the form
    shows the record it edits (the 처음 값), and `handle(exc)` from the save's failure handler:
    it returns True when it took the failure over (a stale save)."""

    def __init__(
        self,
        dialog: QDialog,
        fields: dict[str, QWidget],
        summary: QLabel,
        fetch: Callable[[], Any],
        fill: Callable[[Any], None],
        adopt: Callable[[Any], None],
        *,
        title: str = "",
        on_gone: Callable[[], None] | None = None,
    ):
        self.dialog, self.fields, self.summary = dialog, fields, summary
        self.fetch, self.fill, self.adopt = fetch, fill, adopt
        self.title, self.on_gone = title, on_gone
        self.base: dict[str, FieldValue] = {}
        self.conflict_dialog: ConflictDialog | None = None

    def opened(self) -> None:
        self.base = capture(self.fields)

    def handle(self, exc: BaseException) -> bool:
        from panelapp.domain.errors import ConcurrencyError
        from panelapp.gui.core.ops import Op

        if not isinstance(exc, ConcurrencyError):
            return False
        mine, base = capture(self.fields), dict(self.base)  # (a form's fill may call opened())
        Op(self.dialog, lambda _t: self.fetch()).success(
            lambda info: self._compare(info, mine, base)
        ).failure(self._fetch_failed).run()
        return True

    def _fetch_failed(self, exc: BaseException) -> None:
        from panelapp.domain.errors import NotFoundError
        from panelapp.gui.core.ops import show_error

        show_error(self.dialog, exc)
        if isinstance(exc, NotFoundError):  # deleted meanwhile: nothing left to save onto
            self.dialog.reject()
            if self.on_gone is not None:
                self.on_gone()

    def _compare(self, info: Any, mine: dict[str, FieldValue], base: dict[str, FieldValue]) -> None:
        from panelapp.gui.core.dialogs import mark_clean

        self.fill(info)
        self.adopt(info)
        mark_clean(self.dialog)  # the form shows what is saved; the user's fields put back count as input
        theirs = capture(self.fields)
        rows = conflicts(base, theirs, mine)
        self.base = theirs
        if not rows:
            self._say("다른 사용자가 먼저 저장했지만 입력하신 내용과 같습니다. 그대로 저장하면 됩니다.")
            return
        dialog = ConflictDialog(self.dialog, self.title, rows, mine)
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _r: self._chosen(dialog, rows, mine))
        dialog.open()

    def _chosen(self, dialog: ConflictDialog, rows: list[FieldConflict], mine: dict[str, FieldValue]) -> None:
        self.conflict_dialog = None
        if dialog.outcome != "apply":
            self._say("다른 사용자가 저장한 내용을 불러왔습니다. 입력하신 내용은 반영하지 않았습니다.")
            return
        choices = dialog.choices()
        taken = 0
        for row in rows:
            if choices.get(row.label) == MINE:
                write_field(self.fields[row.label], mine[row.label])
                taken += 1
        self._say(
            f"다른 사용자가 저장한 내용에 입력하신 {taken}개 칸을 반영했습니다. 확인한 뒤 저장을 누르세요."
            if taken
            else "다른 사용자가 저장한 내용을 불러왔습니다. 입력하신 내용은 반영하지 않았습니다."
        )

    def _say(self, sentence: str) -> None:
        self.summary.setText(sentence)
        self.summary.setVisible(True)


def resolve_stale_saves(
    dialog: QDialog,
    fields: dict[str, QWidget],
    summary: QLabel,
    fetch: Callable[[], Any],
    fill: Callable[[Any], None],
    adopt: Callable[[Any], None] | None = None,
    on_gone: Callable[[], None] | None = None,
    *,
    filled: bool = True,
) -> StaleSaveResolver:
    """A form's stale saves shown field by field: the resolver, titled as the dialog.

    `adopt` None: the form's `fill` keeps the version it shows. `filled` False: the form fills
    itself later (on a worker) and calls `opened()` from its fill; otherwise what it holds now is
    what it opened with."""
    resolver = StaleSaveResolver(
        dialog,
        fields,
        summary,
        fetch=fetch,
        fill=fill,
        adopt=adopt if adopt is not None else _keeps_version,
        title=dialog.windowTitle(),
        on_gone=on_gone,
    )
    if filled:
        resolver.opened()
    return resolver


def _keeps_version(_info: Any) -> None:
    """The form's fill keeps the version of what it shows."""
