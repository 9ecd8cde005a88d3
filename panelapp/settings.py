"""User settings: one registry of defaults, stored as JSON in the config folder.

Window geometry and other saved UI state live apart, in QSettings (panelapp/gui).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from panelapp.atomic import write_text
from panelapp.paths import config_dir

DEFAULTS: dict[str, Any] = {
    "current_user": "",  # the account that last logged in on this computer (the login's name)
    # the screen locks after this many minutes without typing or clicking, never past the
    # institution's limit (domain/idle_lock.py); None: no choice here, the limit itself
    "lock_minutes": None,
    "last_cohort_id": None,  # cohort opened on start
    "roster_page_size": 200,  # rows fetched per batch in large tables
    # the folder each kind of file chooser opens in: the one last used for that kind
    # (gui/file_dialogs.py; "" = the Documents folder)
    "import_dir": "",  # roster files imported, the import template
    "export_dir": "",  # lists, rosters, sign-in sheets, calendars
    "report_dir": "",  # reports, board reports, certificates, field sheets
    "photo_dir": "",  # photos of findings and proposals, the institution's logo
    "database_dir": "",  # a database file chosen in 데이터베이스 연결
    # Written before each database kept its own reports (services/reporting/history.py): read
    # only to take over the entries a database's access log proves are its own; the others stay
    # here, since nothing in them says which database they were made from.
    "report_options": {},
    "recent_reports": [],
    # where automatic and manual backups go (a network drive, say); "" = backups/ in the data folder
    "backup_dir": "",
    # 고대비: black ground, white text, yellow for what is chosen (gui/palette.py); off = the
    # platform's own light or dark look
    "high_contrast": False,
    # 도움말 → 업데이트 확인 (services/system/updates.py): the shared folder or intranet address
    # where the IT department puts new versions ("" = PANELAPP_UPDATE_SOURCE, else not set), and
    # whether to look there at start-up (off by default: nothing is read unless asked)
    "update_source": "",
    "update_check_at_start": False,
    # 파일 → 데이터베이스 연결 (services/system/connection.py): the database this computer opens
    # when neither --db nor PANELAPP_DB names one ({} = the data folder's file). A SQLite file
    # {"kind": "sqlite", "path"}, or a server {"kind": "server", "host", "port", "database",
    # "user", "tls", "password": "keyring" | "ask" | "none"}: never the password itself, which is
    # in the system keyring or asked at start.
    "connection": {},
    # 독촉 안내문 메일로 보내기 (services/reminders/mail.py): off until switched on in 설정 → 메일 서버.
    # {"enabled", "host", "port", "security": "starttls" | "ssl" | "none", "sender", "user",
    # "password": "keyring" | "ask"}: never the password itself (the system keyring, or asked)
    "mail": {},
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
        # a power cut leaves the old file or the new one; an error names the settings file
        write_text(self.path, json.dumps(self._values, ensure_ascii=False, indent=2))
