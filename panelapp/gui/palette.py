"""Every colour the program chooses itself, in three schemes: 기본 (light), the platform's dark
palette, and 고대비 (high contrast, the 설정 option). Nothing else in panelapp/gui names a colour
(tests/gui/test_palette.py greps for literals), so switching the scheme changes all of them.

- Painted parts (charts, calendars, blocks) ask `color(role)` on every paint.
- Labels take a tone instead of a style sheet: `set_tone(label, "hint")`; Designer forms set the
  same dynamic property (`tone`, stdset="0"). The rules live in one application style sheet that
  `apply` rebuilds, so a switch restyles every open window at once.
- Style sheets with colours inside (badges, tiles, the side bar) are templates naming roles as
  `@role`: `styled(widget, "background: @surface;")` keeps the template and `apply` fills it in
  again. Table models hold `live(role)` colours and brushes, which `apply` changes in place.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

LIGHT, DARK, HIGH_CONTRAST = "light", "dark", "high_contrast"

_LIGHT: dict[str, str] = {
    # text on the window and its tones (set_tone)
    "text": "#222222",
    "muted": "#5b6776",
    "error": "#b3261e",
    "ok": "#1b6e20",
    "warn": "#9a6700",
    "accent": "#1f3a5f",  # headings, figures
    "link_line": "#9db4d0",  # the history timeline's left rule
    "inactive": "#8a8a8a",  # stopped rows, inactive users, past-only entries
    "disabled": "#9a9a9a",  # the text of a control that cannot be used now (고대비's palette)
    "future": "#5b6776",
    # painted surfaces
    "surface": "#ffffff",
    "page_bg": "#f4f6f8",  # the dashboard's body behind its tiles
    "grid": "#d5dbe3",
    "chart_grid": "#e2e6ea",
    "on_fill": "#ffffff",  # a figure written on a coloured bar
    "selection_ink": "#111111",
    "today_bg": "#fff3c4",
    "selected_bg": "#eef5ff",
    "other_month_bg": "#f6f6f6",
    "holiday_bg": "#fff5f5",
    "now_line": "#d08a00",
    "holiday": "#c62828",
    "saturday": "#1e5bb8",
    "label_bg": "#e6ffffff",  # a time label over the week grid (#AARRGGBB)
    "error_bg": "#fdecea",
    "error_border": "#d32f2f",
    "changed_bg": "#fff4cc",
    "tile_bg": "#ffffff",
    "tile_border": "#d5dbe1",
    "tile_hover": "#2f5b8f",
    "urgent_bg": "#fdecea",
    "urgent_border": "#d64545",
    "urgent_text": "#8c1d18",
    "viewer_bg": "#222222",
    "viewer_text": "#dddddd",
    "preview_bg": "#5b6776",
    "preview_page": "#ffffff",
    "preview_border": "#33404f",
    # the side bar
    "sidebar_bg": "#1f3a5f",
    "sidebar_text": "#dfe8f3",
    "sidebar_title": "#ffffff",
    "sidebar_muted": "#b9c9dc",
    "sidebar_selected": "#2f5b8f",
    "sidebar_selected_text": "#ffffff",
    "sidebar_focus": "#ffffff",  # the frame inside the selected page while the list has focus
    "step_bg": "#2f5b8f",  # the welcome page's numbered steps
    "step_text": "#ffffff",
    # 점검 결과 answer buttons
    "answer_on": "#2f6fb5",
    "answer_on_text": "#ffffff",
    "answer_on_border": "#1f4f8a",
    "answer_focus_bg": "#eef5ff",
    # proposal status badges: bg, fg
    "proposal.submitted.bg": "#e3e7ee",
    "proposal.submitted.fg": "#34495e",
    "proposal.reviewing.bg": "#fff1c9",
    "proposal.reviewing.fg": "#7a5a00",
    "proposal.accepted.bg": "#d8f0dc",
    "proposal.accepted.fg": "#1e6b2f",
    "proposal.partial.bg": "#e3f2d0",
    "proposal.partial.fg": "#4a6b13",
    "proposal.declined.bg": "#eeeeee",
    "proposal.declined.fg": "#666666",
    "proposal.in_progress.bg": "#d6e8fa",
    "proposal.in_progress.fg": "#1b4f86",
    "proposal.done.bg": "#cfe9e4",
    "proposal.done.fg": "#0f5e52",
    # feedback kinds: bg, fg
    "kind.like.bg": "#e0f2e6",
    "kind.like.fg": "#1e6b2f",
    "kind.dislike.bg": "#fdebd9",
    "kind.dislike.fg": "#9a4a00",
    # inspection status blocks: fill, border, ink
    "inspection.planned.fill": "#dbe8fb",
    "inspection.planned.border": "#2f6fd0",
    "inspection.planned.ink": "#12305c",
    "inspection.completed.fill": "#dcf1df",
    "inspection.completed.border": "#2e8b47",
    "inspection.completed.ink": "#133d1f",
    "inspection.postponed.fill": "#fff0cf",
    "inspection.postponed.border": "#d08a00",
    "inspection.postponed.ink": "#5a3c00",
    "inspection.cancelled.fill": "#eeeeee",
    "inspection.cancelled.border": "#9e9e9e",
    "inspection.cancelled.ink": "#6d6d6d",
    # finding severity: list text and chart bars
    "severity.urgent": "#c62828",
    "severity.high": "#e65100",
    "severity.medium": "#8d6e00",
    "chart.severity.low": "#7fb77e",
    "chart.severity.medium": "#e8b83e",
    "chart.severity.high": "#ee8a46",
    "chart.severity.urgent": "#d64545",
    "chart.proposal.submitted": "#9aa5b1",
    "chart.proposal.reviewing": "#e8b83e",
    "chart.proposal.accepted": "#2e9d5b",
    "chart.proposal.partial": "#8cc084",
    "chart.proposal.declined": "#d64545",
    "chart.proposal.in_progress": "#4a7bd0",
    "chart.proposal.done": "#1f3a5f",
    "chart.category": "#4a7bd0",
}

# The platform's dark palette: the same roles, light ink on dark surfaces.
_DARK: dict[str, str] = {
    **_LIGHT,
    "text": "#e6e6e6",
    "muted": "#a9b4c2",
    "error": "#ff8a80",
    "ok": "#81c784",
    "warn": "#ffcc66",
    "accent": "#9cc3ff",
    "link_line": "#5d7aa0",
    "inactive": "#8f8f8f",
    "disabled": "#6f6f6f",
    "future": "#a9b4c2",
    "surface": "#1e1f22",
    "page_bg": "#17181a",
    "grid": "#3c4048",
    "chart_grid": "#33363c",
    "on_fill": "#000000",
    "selection_ink": "#ffffff",
    "today_bg": "#4a3f12",
    "selected_bg": "#1d3350",
    "other_month_bg": "#26272b",
    "holiday_bg": "#3a2224",
    "now_line": "#ffb74d",
    "holiday": "#ff8a80",
    "saturday": "#8ab4ff",
    "label_bg": "#e61e1f22",
    "error_bg": "#4a1f1f",
    "error_border": "#ff8a80",
    "changed_bg": "#4a3f12",
    "tile_bg": "#24262a",
    "tile_border": "#3c4048",
    "tile_hover": "#9cc3ff",
    "urgent_bg": "#4a1f1f",
    "urgent_border": "#ff8a80",
    "urgent_text": "#ffcdd2",
    "answer_focus_bg": "#1d3350",
    "severity.urgent": "#ff8a80",
    "severity.high": "#ffab70",
    "severity.medium": "#e8c96a",
}
for _status in ("submitted", "reviewing", "accepted", "partial", "declined", "in_progress", "done"):
    _DARK[f"proposal.{_status}.bg"] = "#2b2d31"
    _DARK[f"proposal.{_status}.fg"] = _LIGHT[f"chart.proposal.{_status}"]
_DARK["proposal.done.fg"] = "#7fd1c0"
for _kind in ("like", "dislike"):
    _DARK[f"kind.{_kind}.bg"] = "#2b2d31"
_DARK["kind.like.fg"], _DARK["kind.dislike.fg"] = "#81c784", "#ffab70"
for _status in ("planned", "completed", "postponed", "cancelled"):
    _DARK[f"inspection.{_status}.fill"] = "#2b2d31"
    _DARK[f"inspection.{_status}.ink"] = "#e6e6e6"

# 고대비: black ground, white text, yellow for what is chosen or urgent, pure hues for kinds.
# Every pair used for text keeps a contrast ratio of at least 7:1 (WCAG AAA).
_HIGH_CONTRAST: dict[str, str] = {
    **{role: "#ffffff" for role in _LIGHT},
    "error": "#ff6e6e",
    "ok": "#7dff7d",
    "warn": "#ffff00",
    "accent": "#ffff00",
    "link_line": "#ffffff",
    "inactive": "#c0c0c0",
    # Disabled controls are exempt from the 7:1 rule (WCAG 1.4.6): far enough from the white of
    # what can be used to tell them apart at a glance, still readable on black (over 4.5:1)
    "disabled": "#8c8c8c",
    "future": "#c0c0c0",
    "surface": "#000000",
    "page_bg": "#000000",
    "chart_grid": "#808080",
    "on_fill": "#000000",
    "selection_ink": "#ffff00",
    "today_bg": "#00005a",
    "selected_bg": "#003a3a",
    "other_month_bg": "#1a1a1a",
    "holiday_bg": "#000000",
    "now_line": "#ffff00",
    "holiday": "#ff6e6e",
    "saturday": "#66d9ff",
    "label_bg": "#000000",
    "error_bg": "#000000",
    "error_border": "#ff6e6e",
    "changed_bg": "#00005a",
    "tile_bg": "#000000",
    "tile_hover": "#ffff00",
    "urgent_bg": "#000000",
    "urgent_border": "#ff6e6e",
    "urgent_text": "#ffffff",
    "viewer_bg": "#000000",
    "preview_bg": "#000000",
    "preview_border": "#ffffff",
    "sidebar_bg": "#000000",
    "sidebar_selected": "#ffff00",
    "sidebar_selected_text": "#000000",
    "sidebar_focus": "#000000",
    "step_bg": "#ffff00",
    "step_text": "#000000",
    "answer_on": "#ffff00",
    "answer_on_text": "#000000",
    "answer_on_border": "#ffffff",
    "answer_focus_bg": "#003a3a",
    "severity.urgent": "#ff6e6e",
    "severity.high": "#ffb366",
    "severity.medium": "#ffff00",
    "chart.severity.low": "#7dff7d",
    "chart.severity.medium": "#ffff00",
    "chart.severity.high": "#ffb366",
    "chart.severity.urgent": "#ff6e6e",
    "chart.proposal.submitted": "#c0c0c0",
    "chart.proposal.reviewing": "#ffff00",
    "chart.proposal.accepted": "#7dff7d",
    "chart.proposal.partial": "#b3ffb3",
    "chart.proposal.declined": "#ff6e6e",
    "chart.proposal.in_progress": "#66d9ff",
    "chart.proposal.done": "#ffffff",
    "chart.category": "#66d9ff",
}
for _status in ("submitted", "reviewing", "accepted", "partial", "declined", "in_progress", "done"):
    _HIGH_CONTRAST[f"proposal.{_status}.bg"] = "#000000"
    _HIGH_CONTRAST[f"proposal.{_status}.fg"] = _HIGH_CONTRAST[f"chart.proposal.{_status}"]
for _kind, _ink in (("like", "#7dff7d"), ("dislike", "#ffb366")):
    _HIGH_CONTRAST[f"kind.{_kind}.bg"] = "#000000"
    _HIGH_CONTRAST[f"kind.{_kind}.fg"] = _ink
for _status, _ink in (
    ("planned", "#66d9ff"),
    ("completed", "#7dff7d"),
    ("postponed", "#ffff00"),
    ("cancelled", "#c0c0c0"),
):
    _HIGH_CONTRAST[f"inspection.{_status}.fill"] = "#000000"
    _HIGH_CONTRAST[f"inspection.{_status}.border"] = _ink
    _HIGH_CONTRAST[f"inspection.{_status}.ink"] = "#ffffff"

SCHEMES: dict[str, dict[str, str]] = {LIGHT: _LIGHT, DARK: _DARK, HIGH_CONTRAST: _HIGH_CONTRAST}

# What a label's `tone` property means: the colour role (and extra rules) of its text.
TONES: dict[str, str] = {
    "hint": "color: {muted};",
    "error": "color: {error};",
    "ok": "color: {ok};",
    "warn": "color: {warn};",
    "accent": "color: {accent};",
    "holiday": "color: {holiday};",
    # member dialog's banner: the warning box above the form
    "error_box": "color: {error}; background: {error_bg}; border: 1px solid {error_border}; padding: 6px;",
}

_scheme = LIGHT
_platform_palette: QPalette | None = None
_platform_style: str | None = None


class _Notifier(QObject):
    changed = Signal(str)  # the scheme's name


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    """Emits `changed` after `apply` switched the scheme: owners of formatted style sheets
    rebuild them; painted widgets are repainted by `apply` itself."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def scheme() -> str:
    return _scheme


def css(role: str) -> str:
    """The role's colour as style sheets write it (#rrggbb, or #aarrggbb with alpha)."""
    return SCHEMES[_scheme][role]


def color(role: str) -> QColor:
    """A new QColor each call: callers may fade or change it."""
    return QColor(SCHEMES[_scheme][role])


_ROLE_REF = re.compile(r"@([a-z_]+(?:\.[a-z_]+)*)")
_TEMPLATE = "paletteTemplate"  # the dynamic property a styled widget keeps its template in
_live_colors: list[tuple[QColor, str]] = []
_live_brushes: list[tuple[QBrush, str]] = []


def fill(template: str) -> str:
    """The template with each `@role` replaced by the role's colour in the current scheme."""
    return _ROLE_REF.sub(lambda m: css(m.group(1)), template)


def styled(widget: QWidget, template: str) -> None:
    """Give the widget a style sheet whose colours follow the scheme ("" takes it away)."""
    widget.setProperty(_TEMPLATE, template or None)
    widget.setStyleSheet(fill(template))


def live(role: str) -> QColor:
    """A colour that `apply` changes in place: for module constants a model returns."""
    c = color(role)
    _live_colors.append((c, role))
    return c


def live_brush(role: str) -> QBrush:
    brush = QBrush(color(role))
    _live_brushes.append((brush, role))
    return brush


def set_tone(widget: QWidget, tone: str) -> None:
    """Colour a label's text by meaning ("hint", "error", "ok", ...); "" takes the tone away."""
    if tone and tone not in TONES:
        raise KeyError(tone)
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def style_sheet() -> str:
    """The application style sheet of the current scheme: the tones, and a focus frame that
    stays visible in 고대비."""
    values = SCHEMES[_scheme]
    rules = [f'*[tone="{tone}"] {{ {rule.format(**values)} }}' for tone, rule in TONES.items()]
    if _scheme == HIGH_CONTRAST:
        # every field has a visible frame, empty or not (Fusion drew none on black), and the
        # check boxes a box: white, filled yellow when ticked
        rules.append(
            "QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit,"
            f" QTimeEdit, QDateTimeEdit {{ border: 1px solid {values['text']}; }}"
        )
        rules.append(
            f"QCheckBox::indicator {{ width: 13px; height: 13px; border: 1px solid {values['text']};"
            f" background: {values['surface']}; }}"
            f" QCheckBox::indicator:checked {{ background: {values['accent']}; }}"
            f" QCheckBox::indicator:disabled {{ border: 1px dashed {values['disabled']}; }}"
        )
        rules.append(
            "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,"
            " QDateEdit:focus, QTimeEdit:focus, QAbstractItemView:focus"
            f" {{ border: 2px solid {values['accent']}; }}"
        )
        # Buttons: a white frame; the default one (Enter presses it) a double line; the one with focus
        # yellow, frame and text (Fusion drew focus and default alike, in a yellow line 1 px wide)
        ink, ground, mark = values["text"], values["surface"], values["accent"]
        rules.append(
            f"QPushButton {{ color: {ink}; background: {ground}; border: 1px solid {ink};"
            " border-radius: 2px; padding: 3px 10px; }"
            f" QPushButton:default {{ border: 3px double {ink}; padding: 1px 8px; }}"
            f" QPushButton:focus {{ color: {mark}; border: 2px solid {mark}; padding: 2px 9px; }}"
            f" QPushButton:default:focus {{ border: 3px double {mark}; padding: 1px 8px; }}"
            f" QPushButton:pressed, QPushButton:checked {{ color: {ground}; background: {mark}; }}"
            f" QCheckBox:focus, QRadioButton:focus {{ color: {mark}; }}"
        )
        # menus: a frame round a popup (a context menu on black had no edge), the item under the
        # keyboard or mouse in yellow; the menu bar shows its item after Esc returns to it too
        # (Fusion draws a menu bar item only while its menu is open)
        rules.append(
            f"QMenu {{ color: {ink}; background: {ground}; border: 1px solid {ink}; padding: 2px; }}"
            " QMenu::item { padding: 4px 24px 4px 24px; }"
            f" QMenu::item:selected {{ color: {ground}; background: {mark}; }}"
            f" QMenu::item:disabled {{ color: {values['disabled']}; }}"
            f" QMenu::separator {{ height: 1px; background: {ink}; margin: 3px 6px; }}"
            f" QMenuBar {{ color: {ink}; background: {ground}; }}"
            " QMenuBar::item { padding: 3px 8px; background: transparent; }"
            f" QMenuBar::item:selected, QMenuBar::item:pressed {{ color: {ground}; background: {mark}; }}"
        )
        # a button that cannot be used now: grey text in a dashed frame, unlike the white of one that can
        rules.append(
            f"QPushButton:disabled {{ color: {values['disabled']}; border: 1px dashed {values['disabled']};"
            " border-radius: 2px; padding: 3px 10px; }"
        )
    return "\n".join(rules)


def platform_is_dark(palette: QPalette | None = None) -> bool:
    """The desktop asks for a dark look: Qt's colour scheme hint, or a dark window colour."""
    hints = QGuiApplication.styleHints()
    if palette is None and hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def high_contrast_palette() -> QPalette:
    values = _HIGH_CONTRAST
    pal = QPalette()
    ink, ground, chosen = QColor(values["text"]), QColor(values["surface"]), QColor(values["accent"])
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.AlternateBase,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.ToolTipBase,
    ):
        pal.setColor(role, ground)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
        QPalette.ColorRole.BrightText,
    ):
        pal.setColor(role, ink)
    # an example in an empty field is grey, never the white of what was typed
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(values["disabled"]))
    pal.setColor(QPalette.ColorRole.Highlight, chosen)
    pal.setColor(QPalette.ColorRole.HighlightedText, ground)
    pal.setColor(QPalette.ColorRole.Link, QColor(values["saturday"]))
    pal.setColor(QPalette.ColorRole.Light, ink)
    pal.setColor(QPalette.ColorRole.Midlight, ink)
    pal.setColor(QPalette.ColorRole.Mid, QColor(values["inactive"]))
    pal.setColor(QPalette.ColorRole.Dark, ink)
    pal.setColor(QPalette.ColorRole.Shadow, ink)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(values["disabled"]))
    return pal


def apply(app: QApplication, high_contrast: bool) -> str:
    """Choose the scheme (고대비 if asked, else the platform's dark or light look), give the
    application its palette and style sheet, repaint every widget; returns the scheme's name."""
    global _scheme, _platform_palette, _platform_style
    if _platform_palette is None:
        _platform_palette = QPalette(app.palette())
        _platform_style = app.style().name()
    elif (_scheme == HIGH_CONTRAST) == high_contrast:
        return _scheme  # nothing to switch (every new window asks): no app-wide restyle
    if high_contrast:
        _scheme = HIGH_CONTRAST
        if app.style().name().lower() != "fusion":
            # The Windows styles draw their own colours over the palette. The style is not
            # switched back when 고대비 is turned off (until the next start): replacing the
            # application's style under live widgets with style sheets crashed Qt (seen in CI).
            app.setStyle("Fusion")
        app.setPalette(high_contrast_palette())
    else:
        app.setPalette(_platform_palette)
        _scheme = DARK if platform_is_dark(_platform_palette) else LIGHT
    app.setStyleSheet(style_sheet())
    for c, role in _live_colors:
        c.setRgba(color(role).rgba())
    for brush, role in _live_brushes:
        brush.setColor(color(role))
    for widget in app.allWidgets():
        template = widget.property(_TEMPLATE)
        if template:
            widget.setStyleSheet(fill(template))
    notifier().changed.emit(_scheme)
    for widget in app.allWidgets():
        widget.update()
    return _scheme
