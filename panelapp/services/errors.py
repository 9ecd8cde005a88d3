"""Database failures as sentences, for the layers that must not import SQLAlchemy (cli, gui)."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError


def database_error_sentence(exc: BaseException) -> str | None:
    """One Korean sentence for a database-driver failure, or None when `exc` is not one."""
    if not isinstance(exc, DBAPIError):
        return None
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else ""
    what = (
        "데이터베이스에 연결할 수 없습니다"
        if isinstance(exc, OperationalError)
        else "데이터베이스를 읽을 수 없습니다(데이터베이스 파일이 아니거나 손상되었습니다)"
    )
    return f"{what}: {reason}"
