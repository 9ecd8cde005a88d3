"""Opening another database in a window of its own: a second process of this program, so the two
databases never share a session, a bus or a backup schedule."""

from __future__ import annotations

import sys
from pathlib import Path


def window_command(db: Path) -> tuple[str, list[str]]:
    """(program, arguments) that open the window on `db`: the bundle's own executable, or this
    Python running the package."""
    if getattr(sys, "frozen", False):  # PyInstaller: sys.executable is the panelapp program
        return sys.executable, ["--db", str(db)]
    return sys.executable, ["-m", "panelapp", "--db", str(db)]


def open_in_new_window(db: Path) -> bool:
    """Start the program on `db`, detached (it outlives this window); False if it did not start."""
    from PySide6.QtCore import QProcess

    program, arguments = window_command(db)
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)
