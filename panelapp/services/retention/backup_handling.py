"""What becomes of the backups that still hold destroyed data.

The automatic backups keep up to 12 monthly copies (services/system/backups.py), so rotation
alone would keep destroyed data for a year. The stricter reading of PIPA §21 (destroy without
delay once the retention ends) is taken: right after a destruction, once the file has been
wiped, a new verified backup is made, and every older backup of this database in the backup
folders (automatic, before-upgrade and manual alike: each holds the destroyed data) is
overwritten with zeros and removed. The ledger records how many and the new backup's name.
Copies the program does not know of (a backup saved elsewhere with 다른 위치에 저장, a copy on a
USB stick, the server's own backups of a PostgreSQL database) are named in the ledger as the
institution's to destroy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from panelapp.db.engine import Database
from panelapp.domain.failures import StorageError
from panelapp.settings import Settings

ELSEWHERE = (
    "프로그램이 모르는 곳의 사본(다른 위치에 저장한 백업, 외부 저장장치, 서버 자체 백업)은 "
    "기관이 직접 확인하여 파기해야 함"
)


@dataclass(frozen=True)
class BackupHandling:
    removed: int
    new_backup: str | None
    failures: tuple[str, ...]
    text: str  # for the ledger


def _overwrite_and_remove(path: Path) -> None:
    """Zeros over the file's bytes, flushed, then the name removed. (On an SSD or a copy-on-write
    file system the old blocks may survive the overwrite; the removal is what the program can
    promise, the overwrite makes recovery harder on an ordinary disk.)"""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        chunk = b"\0" * (1 << 20)
        left = size
        while left > 0:
            n = min(left, len(chunk))
            f.write(chunk[:n])
            left -= n
        f.flush()
        os.fsync(f.fileno())
    path.unlink()


def replace_backups(db: Database, settings: Settings | None) -> BackupHandling:
    from panelapp.services.system.backups import AFTER_DESTRUCTION, list_backups, make_backup

    before = list_backups(db, settings)
    try:
        fresh = make_backup(db, settings, kind=AFTER_DESTRUCTION)
    except Exception as exc:  # noqa: BLE001 - the destruction has committed: its ledger line must be completed
        why = str(exc) if isinstance(exc, StorageError) else "백업 파일을 만들 수 없었음"
        text = (
            f"파기 후 새 백업을 만들지 못해 이전 백업 {len(before)}개를 지우지 않음({why}). "
            "백업 폴더를 확인한 뒤 파기 전 백업을 직접 삭제해야 함. " + ELSEWHERE
        )
        return BackupHandling(0, None, (why,), text)
    removed, failures = 0, []
    for info in list_backups(db, settings):
        if info.path == fresh.path:
            continue
        try:
            _overwrite_and_remove(info.path)
            removed += 1
        except OSError as exc:
            failures.append(f"{info.path.name}: {exc.strerror or exc}")
    text = f"파기 전 백업 {removed}개를 0으로 덮어쓴 뒤 삭제, 파기 후의 검증된 백업 1개({fresh.path.name})를 새로 만듦"
    if failures:
        text += f"; 지우지 못한 백업 {len(failures)}개({', '.join(failures)})는 직접 삭제해야 함"
    return BackupHandling(removed, fresh.path.name, tuple(failures), text + ". " + ELSEWHERE)
