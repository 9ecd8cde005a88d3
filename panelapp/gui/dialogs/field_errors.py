"""Show a service's ValidationError(s) in a form: the message below, the field outlined."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from panelapp.domain.errors import ValidationError, ValidationErrors

ERROR_STYLE = "border: 1px solid #d32f2f; background: #fff5f5;"


def is_field_error(exc: BaseException) -> bool:
    return isinstance(exc, (ValidationError, ValidationErrors))


def clear_field_errors(label: QLabel, fields: dict[str, QWidget]) -> None:
    label.hide()
    for widget in fields.values():
        widget.setStyleSheet("")


def show_field_errors(label: QLabel, fields: dict[str, QWidget], exc: ValidationError | ValidationErrors) -> None:
    errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
    clear_field_errors(label, fields)
    label.setText("\n".join(f"{e.field}: {e.detail}" for e in errors))
    label.show()
    first = None
    for e in errors:
        widget = fields.get(e.field)
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            first = first or widget
    if first is not None:
        first.setFocus()
