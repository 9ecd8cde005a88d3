"""Qt's own texts in Korean: the file chooser, the print dialog, message box buttons and the
context menus of text fields come from Qt's catalogue (qtbase_ko.qm), which PySide6 ships.

Looked for where Qt says its translations are (a checkout's or a wheel's PySide6), then in a
PyInstaller bundle's folders (build.spec keeps PySide6/Qt/translations/*_ko.qm), then in our
own resources/translations. Without the file Qt stays English; nothing fails.

Qt's Korean catalogue misses a few labels whose English text changed (the file chooser's
"Look in" and "Files of type", the print dialog's "Page Set"): `Gaps` answers those.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUE = "qtbase_ko"
# (context, source text) → Korean, where qtbase_ko.qm (Qt 6.11) has no translation
GAPS = {
    ("QFileDialog", "&Look in:"): "찾는 위치(&L):",
    ("QFileDialog", "Files of &type:"): "파일 형식(&T):",
    ("QPrintSettingsOutput", "Page &Set:"): "인쇄할 페이지(&S):",
}


class Gaps(QTranslator):
    """The few texts the catalogue lacks; everything else is left to it and to the source text.

    The answer for a text it does not know must be None (a null QString): an empty string is a
    translation, and every Designer form's label (QCoreApplication.translate) came out blank."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002 - Qt API
        return GAPS.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


def translation_dirs() -> list[Path]:
    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found += [Path(bundle) / "PySide6" / "Qt" / "translations", Path(bundle) / "PySide6" / "translations"]
    try:
        from panelapp.paths import resource_root

        found.append(resource_root() / "translations")
    except FileNotFoundError:
        pass
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    found += [package / "Qt" / "translations", package / "translations"]
    unique: list[Path] = []
    for path in found:
        if path not in unique:
            unique.append(path)
    return unique


def find_catalogue() -> Path | None:
    for folder in translation_dirs():
        candidate = folder / f"{CATALOGUE}.qm"
        if candidate.is_file():
            return candidate
    return None


def install_korean(app: QCoreApplication) -> QTranslator | None:
    """Load Qt's Korean catalogue into `app` (once); the translator, or None if not found."""
    existing = app.findChild(QTranslator, CATALOGUE)
    if existing is not None:
        return existing
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    path = find_catalogue()
    if path is None:
        return None
    translator = QTranslator(app)
    translator.setObjectName(CATALOGUE)
    if not translator.load(path.name, str(path.parent)):
        translator.deleteLater()
        return None
    gaps = Gaps(app)
    gaps.setObjectName(f"{CATALOGUE}_gaps")
    app.installTranslator(gaps)
    app.installTranslator(translator)  # installed last, asked first
    return translator
