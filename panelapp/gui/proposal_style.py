"""Colours of the proposal statuses and feedback kinds: the same badge on every page. The colours
themselves are roles of gui/palette.py ("proposal.<status>.bg/fg", "kind.<kind>.bg/fg")."""

from __future__ import annotations

from PySide6.QtGui import QColor

from panelapp.gui.palette import color, live

OVERDUE_COLOR = live("error")  # the whole row of an overdue proposal in the list


def status_color(value: str) -> QColor:
    """The status' text colour (the badge's): the list's 상태 column is drawn in it."""
    return color(f"proposal.{value}.fg")


def kind_colors(value: str) -> tuple[QColor, QColor]:
    """(background, text) of a feedback kind ("like", "dislike")."""
    return color(f"kind.{value}.bg"), color(f"kind.{value}.fg")


def badge_css(value: str, group: str = "proposal") -> str:
    """A palette template (palette.styled) for a status badge; group "kind" for feedback kinds."""
    return (
        f"background: @{group}.{value}.bg; color: @{group}.{value}.fg;"
        " border-radius: 9px; padding: 2px 10px; font-weight: bold;"
    )
