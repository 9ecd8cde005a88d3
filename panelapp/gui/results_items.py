"""The checklist as keyboard-fast rows: sections as headers, one answer cell and a note per item.

Keys in an answer cell: 1–5 answer a score item, Y/N (ㅛ/ㅜ with the Korean layout) and 0 or
"-" (해당없음) a yes/no item, and the focus moves on; Tab/Enter move on without answering,
Backspace clears, F2 goes to the item's note. Text items are line edits: Enter moves on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from panelapp.domain.enums import ChecklistItemKind
from panelapp.domain.scoring import NA, NO, YES
from panelapp.gui.masked_text import keep_masked_read_only
from panelapp.gui.palette import set_tone, styled

CHOICES = {
    ChecklistItemKind.SCORE: [(v, v) for v in "12345"],
    ChecklistItemKind.YES_NO: [("예", YES), ("아니오", NO), ("해당없음", NA)],
}
YES_NO_KEYS = {Qt.Key.Key_Y: YES, Qt.Key.Key_N: NO, Qt.Key.Key_0: NA, Qt.Key.Key_Minus: NA}
YES_NO_TEXT = {"ㅛ": YES, "ㅜ": NO}
# palette templates (styled): the colours follow 고대비
CHECKED = "QToolButton:checked { background: @answer_on; color: @answer_on_text; border: 1px solid @answer_on_border; border-radius: 3px; }"
FOCUS_STYLE = (
    "#answer { border: 2px solid @answer_on; border-radius: 4px; background: @answer_focus_bg; }" + CHECKED
)
IDLE_STYLE = "#answer { border: 2px solid transparent; }" + CHECKED
MISSING_STYLE = "color: @error; font-weight: bold;"


class AnswerField(QFrame):
    """Score or yes/no buttons that also answer from the keyboard."""

    changed = Signal()
    advance = Signal()
    note_requested = Signal()

    def __init__(self, kind: ChecklistItemKind, value: str | None = None):
        super().__init__(objectName="answer")
        self.kind, self._value = kind, None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        styled(self, IDLE_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(3, 2, 3, 2)
        row.setSpacing(3)
        self.buttons: dict[str, QToolButton] = {}
        for text, v in CHOICES[kind]:
            b = QToolButton(text=text, checkable=True, focusPolicy=Qt.FocusPolicy.NoFocus)
            b.setMinimumWidth(30 if kind == ChecklistItemKind.SCORE else 58)
            b.clicked.connect(lambda _c=False, v=v: self._clicked(v))
            row.addWidget(b)
            self.buttons[v] = b
        self.set_value(value, notify=False)

    def value(self) -> str | None:
        return self._value

    def field_value(self):
        """The answer as a conflict view compares and shows it (gui/core/conflicts)."""
        from panelapp.gui.core.conflicts import FieldValue

        shown = next((b.text() for v, b in self.buttons.items() if v == self._value), "")
        return FieldValue(self._value, shown)

    def set_field_value(self, field) -> None:
        self.set_value(field.value)

    def set_value(self, value: str | None, notify: bool = True) -> None:
        self._value = value if value in self.buttons else None
        for v, b in self.buttons.items():
            b.setChecked(v == self._value)
        if notify:
            self.changed.emit()

    def _clicked(self, v: str) -> None:
        self.setFocus()
        self.set_value(None if v == self._value else v)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key, text = event.key(), event.text()
        answer = None
        if self.kind == ChecklistItemKind.SCORE and text in "12345" and text:
            answer = text
        elif self.kind == ChecklistItemKind.YES_NO:
            answer = YES_NO_KEYS.get(key) or YES_NO_TEXT.get(text)
        if answer is not None:
            self.set_value(answer)
            self.advance.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.advance.emit()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(None)
        elif key == Qt.Key.Key_F2:
            self.note_requested.emit()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        styled(self, FOCUS_STYLE)
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        styled(self, IDLE_STYLE)
        super().focusOutEvent(event)


class ItemRow:
    def __init__(self, item, section_index: int, answer: QWidget, note: QLineEdit, mark: QLabel):
        self.item, self.section_index, self.answer, self.note, self.mark = (
            item,
            section_index,
            answer,
            note,
            mark,
        )

    def response(self):
        from panelapp.services.results.sheet import Response

        if isinstance(self.answer, QLineEdit):
            return Response(self.item.id, None, self.answer.text(), self.note.text())
        return Response(self.item.id, self.answer.value(), None, self.note.text())


class ItemsGrid(QWidget):
    changed = Signal()
    focused = Signal(QWidget)  # an answer cell got the focus: scroll it into view

    def __init__(self, sections, responses: dict):
        super().__init__()
        self.rows: list[ItemRow] = []
        self.section_labels: list[QLabel] = []
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(10)
        r = 0
        for s_index, sec in enumerate(sections):
            head = QLabel(f"{sec.position}. {sec.title}")
            head.setStyleSheet("font-size: 12pt; font-weight: bold; padding-top: 10px;")
            set_tone(head, "accent")
            score = QLabel()
            score.setStyleSheet("padding-top: 10px;")
            set_tone(score, "accent")
            grid.addWidget(head, r, 0, 1, 2)
            grid.addWidget(score, r, 2, 1, 2, Qt.AlignmentFlag.AlignRight)
            self.section_labels.append(score)
            r += 1
            for item in sec.items:
                self.rows.append(self._row(grid, r, s_index, item, responses.get(item.id)))
                r += 1
        grid.setRowStretch(r, 1)
        for a, b in zip(self.rows, self.rows[1:]):
            QWidget.setTabOrder(a.answer, b.answer)

    def tab_after(self, widget: QWidget) -> None:
        """Put the answers in the Tab chain right after `widget` (the grid is made after the
        dialog's own form, so Qt put them at the end, after its buttons)."""
        previous = widget
        for row in self.rows:
            QWidget.setTabOrder(previous, row.answer)
            previous = row.answer

    def _row(self, grid: QGridLayout, r: int, s_index: int, item, response) -> ItemRow:
        mark = QLabel(f"{item.position}")
        mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        text = QLabel(item.text + (" *" if item.required else ""), wordWrap=True)
        text.setToolTip(item.help or "")
        if item.kind == ChecklistItemKind.TEXT:
            answer = QLineEdit(response.text or "" if response else "", placeholderText="의견을 입력하세요")
            answer.setMinimumWidth(230)
            answer.textChanged.connect(lambda _t: self.changed.emit())
            answer.returnPressed.connect(lambda: self.move_on(answer))
        else:
            answer = AnswerField(item.kind, response.value if response else None)
            answer.changed.connect(self.changed)
            answer.advance.connect(lambda: self.move_on(answer))
        note = QLineEdit(response.note or "" if response else "", placeholderText="메모 (F2)")
        masked = response.masked if response else ()
        for key, field in (("text", answer), ("note", note)):
            if key in masked and isinstance(field, QLineEdit):
                keep_masked_read_only(field)
        note.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes from answer to answer
        answer.setAccessibleName(item.text)  # a screen reader says which item is asked
        note.setAccessibleName(f"{item.text} — 메모")
        note.setMinimumWidth(150)
        note.textChanged.connect(lambda _t: self.changed.emit())
        note.returnPressed.connect(lambda: self.move_on(answer))
        if isinstance(answer, AnswerField):
            answer.note_requested.connect(note.setFocus)
        for c, w in enumerate((mark, text, answer, note)):
            grid.addWidget(w, r, c)
        return ItemRow(item, s_index, answer, note, mark)

    def move_on(self, answer: QWidget) -> None:
        index = next(i for i, row in enumerate(self.rows) if row.answer is answer)
        if index + 1 < len(self.rows):
            self.focus_row(index + 1)

    def focus_row(self, index: int) -> None:
        widget = self.rows[index].answer
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        self.focused.emit(widget)

    def responses(self) -> dict:
        return {row.item.id: row.response() for row in self.rows}

    def show_scores(self, texts: list[str]) -> None:
        for label, text in zip(self.section_labels, texts):
            label.setText(text)

    def mark_missing(self, item_ids: set[int]) -> None:
        for row in self.rows:
            styled(row.mark, MISSING_STYLE if row.item.id in item_ids else "")
            row.mark.setText(f"{'! ' if row.item.id in item_ids else ''}{row.item.position}")
