"""Bundled NanumGothic as the application font: Hangul never depends on system fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from panelapp.paths import resource

FAMILY = "NanumGothic"


def install_fonts(app: QApplication, point_size: int = 10) -> str:
    family = FAMILY
    for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                family = families[0]
    app.setFont(QFont(family, point_size))
    return family
