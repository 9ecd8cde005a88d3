"""`panelapp backup [-o FILE]` and `panelapp restore FILE`.

backup: a verified copy of a SQLite file (into the backup folder, or FILE; a FILE ending in .zip
gets the portable archive), or on PostgreSQL the portable archive. restore: the backup is checked
first (integrity, schema), the current SQLite file is kept aside as *.before-restore; an archive
goes into an empty database of either kind. Both open the database as it is (no upgrade), so a
damaged database can still be restored over.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub) -> None:
    backup = sub.add_parser(
        "backup",
        help="데이터베이스를 백업합니다 (SQLite는 검증한 사본, PostgreSQL은 zip 보관 파일)",
        description="백업 폴더(설정 backup_dir, 기본은 데이터 폴더의 backups)나 -o 파일에 백업합니다. "
        "-o 파일 이름이 .zip으로 끝나면 어느 데이터베이스에서나 복원할 수 있는 보관 파일을 만듭니다.",
    )
    backup.add_argument("-o", "--output", metavar="FILE", type=Path, help="백업 파일 (기본: 백업 폴더)")
    restore = sub.add_parser(
        "restore",
        help="백업을 복원합니다 (지금 데이터베이스는 *.before-restore로 남깁니다)",
        description="백업 파일을 점검(무결성, 형식)한 뒤 --db의 데이터베이스로 복원합니다. SQLite 파일은 "
        "지금 것을 옆에 *.before-restore로 남기고, zip 보관 파일은 빈 데이터베이스(SQLite 파일이나 "
        "PostgreSQL 주소)에도 복원합니다.",
    )
    restore.add_argument("file", metavar="FILE", type=Path, help="복원할 백업 파일 (.db 또는 .zip)")


def _settings():
    from panelapp.settings import Settings

    return Settings()


def cmd_backup(args: argparse.Namespace, opener) -> int:
    from panelapp.services.system.backups import make_backup

    db = opener.database(args.db)
    try:
        info = make_backup(db, _settings(), target=args.output)
    finally:
        db.dispose()
    print(f"백업했습니다: {info.path} ({_size(info.size)}, 점검 통과)")
    return 0


def cmd_restore(args: argparse.Namespace, opener) -> int:
    from panelapp.services.system.restore import restore

    db = opener.database(args.db)
    try:
        result = restore(db, args.file)
    finally:
        db.dispose()
    print(f"복원했습니다: {result.source} → {result.target} (형식 {result.revision})")
    if result.kept_aside is not None:
        print(f"복원하기 전의 데이터베이스는 '{result.kept_aside}'로 남겨 두었습니다.")
    return 0


def _size(size: int) -> str:
    n = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"
