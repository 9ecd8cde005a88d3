"""A free text the account sees with members' names masked (services/masking.text_masker) is
shown, never edited: saving it back would write 김*희 over the real name. Such a field is made
read-only with the reason as its tooltip (the service refuses a change to it anyway:
masking.masked_text_guard), and a form says why under its fields."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from panelapp.gui.palette import set_tone
from panelapp.services.masking import MASKED_TEXT_HINT


def keep_masked_read_only(field: QLineEdit | QPlainTextEdit | QTextEdit) -> None:
    field.setReadOnly(True)
    field.setToolTip(MASKED_TEXT_HINT)
    field.setAccessibleDescription(MASKED_TEXT_HINT)


def masked_hint(parent: QWidget, what: str) -> QLabel:
    """The form's line under its fields: "제목·위치·내용에 단원 이름이 들어 있어 가려서 보여 줍니다…"."""
    label = QLabel(
        f"{what}에 단원 이름이 들어 있어 이름을 가려서 보여 주므로 고칠 수 없습니다. "
        "고칠 것이 있으면 담당자에게 요청해 주세요.",
        parent,
    )
    label.setObjectName("maskedTextHint")
    label.setWordWrap(True)
    set_tone(label, "hint")
    return label
