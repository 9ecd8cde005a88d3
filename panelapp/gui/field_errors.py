"""Validation errors shown in a form: each field outlined with its message, a summary below."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from panelapp.domain.errors import ValidationError, ValidationErrors

ERROR_STYLE = "border: 1px solid #d32f2f; background: #fff5f5;"


def as_list(exc: BaseException) -> list[ValidationError] | None:
    """The field errors inside `exc`, or None when it is not a validation error."""
    if isinstance(exc, ValidationErrors):
        return list(exc.errors)
    if isinstance(exc, ValidationError):
        return [exc]
    return None


def show_field_errors(fields: dict[str, QWidget], summary: QLabel, errors: list[ValidationError]) -> None:
    """`fields` maps the Korean field label a service uses to the widget that edits it."""
    for widget in fields.values():
        widget.setStyleSheet("")
        widget.setToolTip("")
    for e in errors:
        widget = fields.get(e.field)
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setToolTip(e.detail)
    summary.setText("\n".join(f"• {e.field}: {e.detail}" for e in errors))
    summary.setVisible(bool(errors))
    focus = next((fields[e.field] for e in errors if e.field in fields), None)
    if focus is not None:
        focus.setFocus()
