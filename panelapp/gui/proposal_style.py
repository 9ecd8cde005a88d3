"""Colours of the proposal statuses and feedback kinds: the same badge on every page."""

from __future__ import annotations

from PySide6.QtGui import QColor

# (background, text) per ProposalStatus value
STATUS_COLORS = {
    "submitted": ("#e3e7ee", "#34495e"),
    "reviewing": ("#fff1c9", "#7a5a00"),
    "accepted": ("#d8f0dc", "#1e6b2f"),
    "partial": ("#e3f2d0", "#4a6b13"),
    "declined": ("#eeeeee", "#666666"),
    "in_progress": ("#d6e8fa", "#1b4f86"),
    "done": ("#cfe9e4", "#0f5e52"),
}
OVERDUE_TEXT = "#b3261e"
OVERDUE_COLOR = QColor(OVERDUE_TEXT)  # the whole row of an overdue proposal in the list
KIND_COLORS = {"like": ("#e0f2e6", "#1e6b2f"), "dislike": ("#fdebd9", "#9a4a00")}
_STATUS_TEXT = {value: QColor(fg) for value, (_bg, fg) in STATUS_COLORS.items()}


def status_color(value: str) -> QColor:
    """The status' text colour (the badge's): the list's 상태 column is drawn in it."""
    return _STATUS_TEXT[value]


def badge_css(value: str, table: dict = STATUS_COLORS) -> str:
    bg, fg = table[value]
    return f"background: {bg}; color: {fg}; border-radius: 9px; padding: 2px 10px; font-weight: bold;"
