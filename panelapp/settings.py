"""User settings: one registry of defaults, stored as JSON in the config folder.

Window geometry and other saved UI state live apart, in QSettings (panelapp/gui).
"""

from __future__ import annotations

import json
import os
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
    "report_options": {},  # last choices in the improvement report dialog (never the purpose)
    "recent_reports": [],  # improvement reports made here, newest first
}


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = path or (config_dir() / "settings.json")
        self._values: dict[str, Any] = {}
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
        self.save()

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(self._values, ensure_ascii=False, indent=2))
            fh.flush()
            os.fsync(fh.fileno())  # a power cut leaves the old file or the new one
        tmp.replace(self.path)
