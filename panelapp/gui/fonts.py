"""Bundled NanumGothic as the application font: Hangul never depends on system fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from panelapp.paths import resource

FAMILY = "NanumGothic"


def install_fonts(app: QApplication, point_size: int = 10) -> str:
    """NanumGothic at the system's font size (Windows 텍스트 크기, the desktop's font setting),
    never smaller than `point_size`: a user who enlarged the system font gets larger text."""
    system = app.font().pointSizeF()
    size = max(float(point_size), system if system > 0 else 0.0)
    family = FAMILY
    for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                family = families[0]
    font = QFont(family)
    font.setPointSizeF(size)
    app.setFont(font)
    return family
