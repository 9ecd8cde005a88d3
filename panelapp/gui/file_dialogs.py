"""Every file chooser of the program, starting where that kind of file was last taken or put.

A coordinator who saved the board report in 문서\\보고서 yesterday finds the chooser there today, and
one who picked photos from a USB stick finds it there for the next photos, instead of in the
program's working folder (often /root or C:\\Windows\\System32 for a program started from a menu).
Each kind keeps its own folder in the settings; the first time, and when that folder is gone, the
chooser opens in the user's Documents folder (QStandardPaths), else the home folder.

    path = save_file(parent, "report", "보고서 저장", "개선보고서.pdf", "PDF 문서 (*.pdf)")

All file dialogs in gui/ go through these functions (tests/gui/test_file_dialogs.py checks that
no other module calls QFileDialog's static choosers).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# kind → the setting that remembers its folder (panelapp/settings.py DEFAULTS)
KINDS: dict[str, str] = {
    "import": "import_dir",  # roster files read, and the import template written beside them
    "export": "export_dir",  # lists, rosters, sign-in sheets, calendars written for others
    "report": "report_dir",  # improvement reports, board reports, certificates, field sheets
    "photo": "photo_dir",  # photos attached to findings and proposals, the institution's logo
    "database": "database_dir",  # a database file chosen in 데이터베이스 연결
}


def documents_folder() -> Path:
    """The user's Documents folder (문서), else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def settings_of(parent: QWidget | None) -> Any:
    """The settings of the main window `parent` belongs to (None for a widget without one)."""
    widget = parent
    while widget is not None:
        for owner in (widget, getattr(widget, "window_", None)):
            settings = getattr(owner, "settings", None)
            if settings is not None and hasattr(settings, "get"):
                return settings
        widget = widget.parentWidget()
    return None


def start_folder(settings: Any, kind: str) -> Path:
    """Where the chooser for `kind` opens: the folder last used for it while it still exists."""
    key = KINDS[kind]
    saved = settings.get(key) if settings is not None else None
    if saved and Path(saved).is_dir():
        return Path(saved)
    return documents_folder()


def remember_folder(settings: Any, kind: str, path: str | Path) -> None:
    """Keep the folder of `path` (a file chosen, or a folder itself) for the next chooser of `kind`."""
    if settings is None or not path:
        return
    chosen = Path(path)
    folder = chosen if chosen.is_dir() else chosen.parent
    if settings.get(KINDS[kind]) != str(folder):
        settings.set(KINDS[kind], str(folder))


def _start(parent: QWidget | None, kind: str, name: str = "") -> tuple[Any, str]:
    settings = settings_of(parent)
    start = start_folder(settings, kind)
    if name:
        given = Path(name)
        # a name that carries its own existing folder (a path already in a field) keeps it
        start = given if given.parent != Path(".") and given.parent.is_dir() else start / given.name
    return settings, str(start)


def open_file(parent: QWidget | None, kind: str, title: str, filters: str) -> str | None:
    """One file to read; None when cancelled."""
    settings, start = _start(parent, kind)
    path, _chosen = QFileDialog.getOpenFileName(parent, title, start, filters)
    if not path:
        return None
    remember_folder(settings, kind, path)
    return path


def open_files(parent: QWidget | None, kind: str, title: str, filters: str) -> list[str]:
    """Several files to read; [] when cancelled."""
    settings, start = _start(parent, kind)
    paths, _chosen = QFileDialog.getOpenFileNames(parent, title, start, filters)
    if paths:
        remember_folder(settings, kind, paths[0])
    return list(paths)


def save_file(
    parent: QWidget | None,
    kind: str,
    title: str,
    name: str,
    filters: str,
    suffix: str = "",
    confirm_overwrite: bool = True,
) -> str | None:
    """Where to write a file suggested as `name` (a bare name, or a path whose folder is kept);
    `suffix` (".pdf") is added when the typed name lacks it. None when cancelled.
    `confirm_overwrite=False`: an existing file is a valid answer (a database to open)."""
    path, _chosen = save_file_and_filter(parent, kind, title, name, filters, confirm_overwrite)
    if path and suffix and not path.lower().endswith(suffix.lower()):
        path += suffix
    return path


def save_file_and_filter(
    parent: QWidget | None, kind: str, title: str, name: str, filters: str, confirm_overwrite: bool = True
) -> tuple[str | None, str]:
    """`save_file` for a chooser offering several formats: the path (None when cancelled) and
    the filter chosen, which decides the suffix of a name typed without one."""
    settings, start = _start(parent, kind, name)
    if confirm_overwrite:
        path, chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    else:
        path, chosen = QFileDialog.getSaveFileName(
            parent, title, start, filters, options=QFileDialog.Option.DontConfirmOverwrite
        )
    if not path:
        return None, chosen or ""
    remember_folder(settings, kind, path)
    return path, chosen or ""


def open_file_in(parent: QWidget | None, title: str, folder: str, filters: str) -> str | None:
    """One file to read, starting in a folder that belongs to the task (the backup folder)
    rather than the last one used; nothing is remembered."""
    path, _chosen = QFileDialog.getOpenFileName(parent, title, folder or str(documents_folder()), filters)
    return path or None


def folder_in(parent: QWidget | None, title: str, folder: str) -> str | None:
    """A folder, starting in `folder` (the backup folder); nothing is remembered."""
    path = QFileDialog.getExistingDirectory(parent, title, folder or str(documents_folder()))
    return path or None
