"""Validation errors shown in a form: each field outlined with its message, a summary below."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from panelapp.domain.errors import ValidationError, ValidationErrors
from panelapp.gui.palette import styled

ERROR_STYLE = "border: 1px solid @error_border; background: @holiday_bg;"  # a palette template


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
        styled(widget, "")
        widget.setToolTip("")
    for e in errors:
        widget = fields.get(e.field)
        if widget is not None:
            styled(widget, ERROR_STYLE)
            widget.setToolTip(e.detail)
    summary.setText("\n".join(f"• {e.field}: {e.detail}" for e in errors))
    summary.setVisible(bool(errors))
    focus = next((fields[e.field] for e in errors if e.field in fields), None)
    if focus is not None:
        focus.setFocus()


def handle_save_failure(
    dialog, exc: BaseException, fields: dict[str, QWidget], summary: QLabel, reload
) -> None:
    """A form's failed save: field errors beside their fields and the dialog stays open with the
    input intact; a record deleted meanwhile closes it; a stale version reloads it."""
    from panelapp.domain.errors import ConcurrencyError, NotFoundError
    from panelapp.gui.core.ops import show_error

    errors = as_list(exc)
    if errors is not None:
        show_field_errors(fields, summary, errors)
        return
    show_error(dialog, exc)
    if isinstance(exc, NotFoundError):
        dialog.reject()
    elif isinstance(exc, ConcurrencyError):
        reload()


def close_on_save_failure(
    dialog, exc: BaseException, fields: dict[str, QWidget], summary: QLabel, on_closed
) -> None:
    """A register form's failed save: field errors keep the dialog open with the input intact;
    so does a server connection that broke (the input is saved again once it is back); anything
    else (stale, deleted) is shown, the dialog closes and `on_closed` lets the list reload."""
    from panelapp.gui.core.ops import show_error

    errors = as_list(exc)
    if errors is not None:
        show_field_errors(fields, summary, errors)
        return
    show_error(dialog, exc)
    if not keeps_input(exc):
        dialog.reject()
        on_closed()


def keeps_input(exc: BaseException) -> bool:
    """A failure after which a form stays open as it was: the server's connection broke, so
    nothing was saved and the same input can be saved again when it is back."""
    from panelapp.services.errors import connection_lost

    return connection_lost(exc)
