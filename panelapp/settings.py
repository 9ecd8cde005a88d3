"""User settings: one registry of defaults, stored as JSON in the config folder.

Window geometry and other saved UI state live apart, in QSettings (panelapp/gui).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from panelapp.paths import config_dir

DEFAULTS: dict[str, Any] = {
    "current_user": "",  # name of the acting user (until login exists)
    "last_cohort_id": None,  # cohort opened on start
    "roster_page_size": 200,  # rows fetched per batch in large tables
    "certificate_dir": "",  # where the last activity certificate was saved
    "import_dir": "",  # folder of the last roster file imported (or template saved)
    "export_dir": "",  # folder of the last roster export
    # Written before each database kept its own reports (services/reporting/history.py): read
    # only to take over the entries a database's access log proves are its own; the others stay
    # here, since nothing in them says which database they were made from.
    "report_options": {},
    "recent_reports": [],
    # where automatic and manual backups go (a network drive, say); "" = backups/ in the data folder
    "backup_dir": "",
}


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = path or (config_dir() / "settings.json")
        self._values: dict[str, Any] = {}
        # Called with the OSError when a change cannot be written (the value is kept for this
        # session); without it `set` raises. The window shows the sentence for it.
        self.on_save_error: Callable[[OSError, Path], None] | None = None
        if self.path.exists():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(loaded, dict):
                    self._values = {k: v for k, v in loaded.items() if k in DEFAULTS}
            except (OSError, ValueError):
                self._values = {}  # a broken file falls back to defaults, never blocks start-up

    def get(self, key: str) -> Any:
        if key not in DEFAULTS:
            raise KeyError(key)
        return self._values.get(key, DEFAULTS[key])

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._values[key] = value
        try:
            self.save()
        except OSError as exc:
            if self.on_save_error is None:
                raise
            self.on_save_error(exc, self.path)

    def save(self) -> None:
        """Write the file atomically; raises OSError (disk full, read-only, a folder in the way)
        with nothing left half-written."""
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(self._values, ensure_ascii=False, indent=2))
                fh.flush()
                os.fsync(fh.fileno())  # a power cut leaves the old file or the new one
            os.replace(tmp, self.path)
        except OSError as exc:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
            if exc.filename is None or Path(exc.filename) == tmp:
                exc.filename = str(self.path)  # name the settings file, not its temporary
            raise
