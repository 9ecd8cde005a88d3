"""One palette module (gui/palette.py): no colour literal anywhere else in the GUI, and 고대비
changes the colours the painted parts, tones and style sheets use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from panelapp.gui import palette

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "panelapp" / "gui"
UI = ROOT / "ui"
# "#rrggbb"-like literals, QColor(r, g, b), and colour names in style sheets or QColor("name")
HEX = re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\b")
QCOLOR_NUMBERS = re.compile(r"QColor\(\s*\d")
NAMED = re.compile(
    r"(?:QColor\(\s*[\"']|(?:color|background|border[\w-]*)\s*:\s*[^;\"'{}]*?)\b"
    r"(white|black|red|green|blue|gray|grey|yellow|orange|navy|silver)\b"
)
# (file, what the match is) pairs that are not colours
ALLOWED = {
    ("panelapp/gui/dialogs/help_dialog.py", "#add"),  # an anchor in the user guide
}


def _literals(path: Path) -> list[str]:
    found = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for rx in (HEX, QCOLOR_NUMBERS, NAMED):
            for m in rx.finditer(line):
                if (str(path.relative_to(ROOT)), m.group(0)) not in ALLOWED:
                    found.append(f"{path.relative_to(ROOT)}:{n}: {m.group(0)}")
    return found


def test_no_colour_literal_outside_the_palette_module():
    files = [p for p in GUI.rglob("*.py") if "forms" not in p.parts and p.name != "palette.py"]
    files += sorted(UI.glob("*.ui"))
    assert len(files) > 50
    found = [hit for path in files for hit in _literals(path)]
    assert found == [], "colours belong in panelapp/gui/palette.py:\n" + "\n".join(found)


def test_the_literal_check_sees_what_it_is_meant_to(tmp_path):
    sample = GUI / "zz_sample_for_test.py"
    try:
        sample.write_text(
            'a = QColor("#1f3a5f")\nb = QColor(255, 0, 0)\nlabel.setStyleSheet("background: white;")\n'
            'c = "#add"\n',
            encoding="utf-8",
        )
        assert len(_literals(sample)) == 4  # "#add" is allowed in help_dialog.py only
    finally:
        sample.unlink()


def test_every_scheme_has_every_role():
    roles = set(palette.SCHEMES[palette.LIGHT])
    for name, scheme in palette.SCHEMES.items():
        assert set(scheme) == roles, name
        for role, value in scheme.items():
            assert re.fullmatch(r"#(?:[0-9a-f]{6}|[0-9a-f]{8})", value), (name, role, value)


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    h = hex_colour[-6:]
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_high_contrast_text_reads_at_seven_to_one():
    hc = palette.SCHEMES[palette.HIGH_CONTRAST]
    for role in ("text", "muted", "error", "ok", "warn", "accent", "holiday", "saturday", "inactive"):
        assert _contrast(hc[role], hc["surface"]) >= 7, role
    for status in ("planned", "completed", "postponed", "cancelled"):
        assert _contrast(hc[f"inspection.{status}.ink"], hc[f"inspection.{status}.fill"]) >= 7
    for status in ("submitted", "reviewing", "accepted", "partial", "declined", "in_progress", "done"):
        assert _contrast(hc[f"proposal.{status}.fg"], hc[f"proposal.{status}.bg"]) >= 7
    assert _contrast(hc["sidebar_selected_text"], hc["sidebar_selected"]) >= 7


def test_light_scheme_keeps_text_readable():
    light = palette.SCHEMES[palette.LIGHT]
    for role in ("text", "muted", "error", "ok", "warn", "accent", "holiday", "saturday"):
        assert _contrast(light[role], light["surface"]) >= 4.5, role


@pytest.fixture
def scheme_restored(qapp):
    yield qapp
    palette.apply(qapp, False)


def _render(widget) -> QImage:
    widget.resize(700, 500)
    widget.show()
    image = widget.grab().toImage()
    return image


def test_switching_high_contrast_changes_the_colours_used(scheme_restored, qtbot):
    app = scheme_restored
    from panelapp.gui.charts import Bar, BarChart
    from panelapp.gui.proposal_style import OVERDUE_COLOR, status_color

    chart = BarChart("발견사항 심각도별")
    qtbot.addWidget(chart)
    chart.set_bars([Bar("a", "높음", 3, "chart.severity.high"), Bar("b", "낮음", 1, "chart.severity.low")])
    hint = QLabel("안내")
    palette.set_tone(hint, "hint")
    qtbot.addWidget(hint)
    tile_value = QLabel("12")
    palette.styled(tile_value, "color: @accent;")
    qtbot.addWidget(tile_value)

    assert palette.apply(app, False) in (palette.LIGHT, palette.DARK)
    before = palette.scheme()
    normal_chart = _render(chart)
    normal_hint = hint.palette().color(QPalette.ColorRole.WindowText).name()
    normal_status, normal_overdue = status_color("accepted").name(), OVERDUE_COLOR.name()
    normal_sheet = tile_value.styleSheet()

    assert palette.apply(app, True) == palette.HIGH_CONTRAST
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    contrast_chart = _render(chart)
    assert contrast_chart != normal_chart
    # the chart's ground is black now, its bars the high-contrast hues
    assert contrast_chart.pixelColor(5, contrast_chart.height() - 5).name() == "#000000"
    hint.ensurePolished()
    assert hint.palette().color(QPalette.ColorRole.WindowText).name() != normal_hint
    assert hint.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert status_color("accepted").name() != normal_status
    assert OVERDUE_COLOR.name() != normal_overdue  # the constant models return changed in place
    assert tile_value.styleSheet() == "color: #ffff00;" != normal_sheet

    assert palette.apply(app, False) == before
    assert status_color("accepted").name() == normal_status
    assert tile_value.styleSheet() == normal_sheet


def test_the_platform_dark_palette_is_followed(qapp):
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, palette.color("viewer_bg"))
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, palette.color("surface"))
    assert palette.platform_is_dark(dark)
    assert not palette.platform_is_dark(light)


def test_settings_dialog_switches_high_contrast_and_keeps_it(scheme_restored, qtbot, ctx, tmp_path):
    from panelapp.gui.dialogs.settings_dialog import SettingsDialog
    from panelapp.settings import Settings
    from tests.gui_window import Window

    settings = Settings(tmp_path / "settings.json")
    assert settings.get("high_contrast") is False
    window = Window(ctx, settings=settings)
    qtbot.addWidget(window)
    dlg = SettingsDialog(window)
    qtbot.addWidget(dlg)
    check = dlg.ui.highContrastCheck
    assert not check.isChecked() and check.text() == "고대비 화면(&C)"
    check.setChecked(True)
    assert palette.scheme() == palette.HIGH_CONTRAST
    assert Settings(tmp_path / "settings.json").get("high_contrast") is True
    check.setChecked(False)
    assert palette.scheme() != palette.HIGH_CONTRAST
    assert Settings(tmp_path / "settings.json").get("high_contrast") is False
    dlg.reject()


def test_the_window_starts_in_high_contrast_when_set(qapp, qtbot, tmp_path, scheme_restored):
    from panelapp.gui.mainwindow import MainWindow
    from panelapp.settings import Settings

    settings = Settings(tmp_path / "settings.json")
    settings.set("high_contrast", True)
    window = MainWindow(str(tmp_path / "x.db"), settings=settings)
    qtbot.addWidget(window)
    assert palette.scheme() == palette.HIGH_CONTRAST
    side = window.findChild(QWidget, "sideBar")
    assert "background: #000000" in side.styleSheet()


def test_a_disabled_button_looks_disabled_in_high_contrast(scheme_restored, qtbot):
    """In 고대비 a button that cannot be used now is grey in a dashed frame: its text is far from
    the white of a usable one (a light grey looked the same at a glance), yet readable on black."""
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

    hc = palette.SCHEMES[palette.HIGH_CONTRAST]
    assert _contrast(hc["disabled"], hc["surface"]) >= 4.5
    assert _contrast(hc["text"], hc["disabled"]) >= 3
    pal = palette.high_contrast_palette()
    assert pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).name() == hc["disabled"]
    assert pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText).name() == hc["text"]

    palette.apply(scheme_restored, True)
    assert "QPushButton:disabled" in scheme_restored.styleSheet()
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    usable, unusable = QPushButton("수정"), QPushButton("수정")
    unusable.setEnabled(False)
    layout.addWidget(usable)
    layout.addWidget(unusable)
    row.resize(300, 60)
    row.show()
    qtbot.waitExposed(row)

    def brightest(button) -> int:
        image = button.grab().toImage()
        return max(
            image.pixelColor(x, y).lightness() for x in range(image.width()) for y in range(image.height())
        )

    disabled_lightness = palette.color("disabled").lightness()
    bright_usable, bright_unusable = brightest(usable), brightest(unusable)
    assert bright_unusable <= disabled_lightness + 8, bright_unusable  # nothing brighter than the grey
    assert bright_usable - bright_unusable >= 50, (bright_usable, bright_unusable)
    palette.apply(scheme_restored, False)
    assert "QPushButton:disabled" not in scheme_restored.styleSheet()


def test_in_high_contrast_empty_fields_show_and_examples_are_not_typed_text(scheme_restored):
    """A field's frame shows on black before anything is typed, and its example (placeholder)
    is grey, not the white of typed text; a check box has a box to tick."""
    hc = palette.SCHEMES[palette.HIGH_CONTRAST]
    pal = palette.high_contrast_palette()
    assert pal.color(QPalette.ColorRole.PlaceholderText).name() == hc["disabled"]
    assert pal.color(QPalette.ColorRole.Text).name() == hc["text"]
    palette.apply(scheme_restored, True)
    sheet = scheme_restored.styleSheet()
    assert f"QTimeEdit, QDateTimeEdit {{ border: 1px solid {hc['text']}; }}" in sheet
    assert (
        "QCheckBox::indicator {" in sheet
        and f"QCheckBox::indicator:checked {{ background: {hc['accent']}; }}" in sheet
    )
    palette.apply(scheme_restored, False)
    assert "QCheckBox::indicator" not in scheme_restored.styleSheet()


def _active(qtbot, widget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def _px(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(x, y).name()


def test_the_side_bar_shows_which_page_has_focus_in_high_contrast(scheme_restored, qtbot):
    """The page in front is yellow; while the list has focus a black ring stands inside the
    yellow (the style's dotted focus rectangle was faint on it), and without focus there is none."""
    from PySide6.QtWidgets import QLineEdit, QListWidget, QVBoxLayout

    from panelapp.gui.mainwindow import SIDEBAR_STYLE

    palette.apply(scheme_restored, True)
    hc = palette.SCHEMES[palette.HIGH_CONTRAST]
    side = QWidget(objectName="sideBar")
    qtbot.addWidget(side)
    col = QVBoxLayout(side)
    nav, other = QListWidget(objectName="navList"), QLineEdit()
    nav.addItems(["대시보드", "참여단원"])
    nav.setCurrentRow(0)
    col.addWidget(nav)
    col.addWidget(other)
    palette.styled(side, SIDEBAR_STYLE)
    side.resize(220, 200)
    _active(qtbot, side)

    def ring() -> list[str]:
        rect = nav.visualItemRect(nav.item(0))
        image = nav.viewport().grab().toImage()
        y = rect.center().y()
        return [_px(image, rect.left() + dx, y) for dx in range(1, 12)]

    other.setFocus()
    qtbot.waitUntil(lambda: other.hasFocus())
    assert set(ring()) <= {hc["sidebar_selected"], hc["sidebar_bg"]}, ring()
    assert hc["sidebar_selected"] in ring()
    nav.setFocus()
    qtbot.waitUntil(lambda: nav.hasFocus())
    pixels = ring()
    first_fill = pixels.index(hc["sidebar_selected"])
    assert hc["sidebar_focus"] in pixels[first_fill:], pixels  # a dark line inside the yellow
    assert pixels[-1] == hc["sidebar_selected"], pixels  # and the yellow again inside it
    assert _contrast(hc["sidebar_focus"], hc["sidebar_selected"]) >= 7


def test_in_high_contrast_the_default_button_and_the_focused_one_look_different(scheme_restored, qtbot):
    """A white frame; the button Enter presses (the default, or in a dialog the focused one) a
    double line; the focused one yellow, frame and text (Fusion drew default and focus alike)."""
    from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton

    palette.apply(scheme_restored, True)
    hc = palette.SCHEMES[palette.HIGH_CONTRAST]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    row = QHBoxLayout(dialog)
    field = QLineEdit()
    default, plain, side = QPushButton("저장"), QPushButton("닫기"), QPushButton("추가")
    default.setDefault(True)
    side.setAutoDefault(False)  # Enter in the dialog never presses it, even when it has focus
    for widget in (field, side, default, plain):
        row.addWidget(widget)
    _active(qtbot, dialog)

    def edge(button) -> list[str]:
        image = button.grab().toImage()
        return [_px(image, x, image.height() // 2) for x in range(4)]

    def looks(button) -> tuple[str, bool]:
        """(the frame's colour, whether it is a double line)"""
        pixels = edge(button)
        return pixels[0], pixels[0] == pixels[2] != pixels[1]

    def focus(widget) -> None:
        widget.setFocus()
        qtbot.waitUntil(lambda: widget.hasFocus())

    white, yellow = hc["text"], hc["accent"]
    focus(field)
    assert [looks(b) for b in (default, plain, side)] == [(white, True), (white, False), (white, False)]
    focus(side)
    assert [looks(b) for b in (default, plain, side)] == [(white, True), (white, False), (yellow, False)]
    focus(plain)  # a dialog's button with focus is what Enter presses
    assert [looks(b) for b in (default, plain, side)] == [(white, False), (yellow, True), (white, False)]
    focus(default)
    assert [looks(b) for b in (default, plain, side)] == [(yellow, True), (white, False), (white, False)]
    palette.apply(scheme_restored, False)
    assert "QPushButton:default" not in scheme_restored.styleSheet()


def test_in_high_contrast_a_menu_has_a_frame_and_its_item_is_yellow(scheme_restored, qtbot):
    """A context menu on black had no edge: now a white frame, the item under the keyboard yellow."""
    from PySide6.QtWidgets import QMenu

    palette.apply(scheme_restored, True)
    hc = palette.SCHEMES[palette.HIGH_CONTRAST]
    menu = QMenu()
    qtbot.addWidget(menu)
    first = menu.addAction("열기")
    menu.addAction("수정")
    menu.popup(QPoint(100, 100))
    qtbot.waitExposed(menu)
    menu.setActiveAction(first)
    image = menu.grab().toImage()
    w, h = image.width(), image.height()
    assert {_px(image, 0, h // 2), _px(image, w - 1, h // 2), _px(image, w // 2, h - 1)} == {hc["text"]}
    item = menu.actionGeometry(first)
    assert _px(image, item.left() + 2, item.center().y()) == hc["accent"]
    menu.close()


def test_in_high_contrast_the_menu_bar_shows_its_item_after_esc(scheme_restored, qtbot):
    """Alt+letter opens a menu; Esc closes it and leaves the keyboard on the menu bar, whose item
    must show where it is (Fusion drew a menu bar item only while its menu was open)."""
    from PySide6.QtWidgets import QMainWindow

    palette.apply(scheme_restored, True)
    hc = palette.SCHEMES[palette.HIGH_CONTRAST]
    window = QMainWindow()
    qtbot.addWidget(window)
    file_menu = window.menuBar().addMenu("파일(&F)")
    file_menu.addAction("끝내기(&X)")
    window.menuBar().addMenu("도움말(&H)").addAction("정보")
    window.setCentralWidget(QWidget())
    window.resize(400, 200)
    _active(qtbot, window)
    bar = window.menuBar()

    def item_fill() -> str:
        rect = bar.actionGeometry(file_menu.menuAction())
        return _px(bar.grab().toImage(), rect.left() + 2, rect.center().y())

    assert item_fill() == hc["surface"]
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: file_menu.isVisible())
    QTest.keyClick(file_menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not file_menu.isVisible())
    assert bar.hasFocus() and bar.activeAction() is file_menu.menuAction()
    assert item_fill() == hc["accent"]
