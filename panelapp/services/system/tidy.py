"""At start: the temporaries a killed process left behind are removed.

Every file is written under a temporary name beside its target (panelapp/atomic.py) and
renamed when complete; a kill between the two leaves the temporary. The folders this program
owns are swept at each start (bootstrap.open_app): the attachments folder (with its hash
subfolders and thumbs/), the backup folder, the data and settings folders, and, beside a
SQLite database, the temporaries of that database file (a restore's staging copy, a kept-aside
copy). Only this program's temporary names are touched, only other processes' ones, and only
those untouched for an hour (atomic.STALE_AFTER_S): a fresh one may be another window's work in
progress. Files the user chose to write elsewhere (exports, reports) have their temporaries
removed by the writer itself on any error; only a kill can leave one there.
"""

from __future__ import annotations

import logging
from pathlib import Path

from panelapp.atomic import remove_stale_temporaries
from panelapp.db.engine import Database
from panelapp.paths import config_dir, data_dir
from panelapp.services.attachments.store import attachments_root
from panelapp.settings import Settings

log = logging.getLogger(__name__)


def remove_stale_files(db: Database, settings: Settings | None, now: float | None = None) -> int:
    """Sweep the program's folders for stale temporaries; returns how many were removed.
    Never raises: a folder that cannot be read or cleaned is left as it is."""
    from panelapp.services.system.backups import backup_folder

    removed = 0
    sweeps: list[tuple[Path, bool, str]] = [
        (attachments_root(db), True, ""),
        (backup_folder(settings), False, ""),
        (data_dir(), False, ""),
        (config_dir(), False, ""),
    ]
    if db.sqlite_path is not None and str(db.sqlite_path) != ":memory:":
        sweeps.append((db.sqlite_path.parent, False, db.sqlite_path.name))
    seen: set[Path] = set()
    for folder, recursive, prefix in sweeps:
        key = folder.resolve() if folder.exists() else folder
        if (key in seen and not recursive) or not folder.is_dir():
            continue
        seen.add(key)
        try:
            removed += remove_stale_temporaries(folder, recursive=recursive, prefix=prefix, now=now)
        except Exception as exc:  # start-up goes on; the next start tries again
            log.warning("stale temporaries in %s not removed: %s", folder, exc)
    return removed
