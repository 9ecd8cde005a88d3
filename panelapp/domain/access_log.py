"""The access log's rules (접속기록, issue 12 item 4): what each action is called, how whose data
is written down, and the hash that chains every entry to the one before it.

Pure Python so that the service that appends, the check that verifies and the migration that
chained the entries written before the chain existed compute one and the same hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable

GENESIS = "0" * 64  # the prev_hash of the first entry
RETENTION_YEARS = 2  # 접속기록: at least 2 years (안전성 확보조치 기준 §8); nothing prunes them at all
ACCOUNT_HISTORY_YEARS = 3  # 권한 변경 이력: at least 3 years; nothing prunes them either

# action → what the log's readers see. Unmasked variants carry a purpose.
ACTIONS: dict[str, str] = {
    "view_member": "단원 정보 열람",
    "view_roster": "명단 열람",
    "view_attendance": "출석부 열람",
    "search": "검색",
    "reveal_phones": "전화번호 전체 보기",
    "export": "목록 내보내기",
    "export_unmasked": "목록 내보내기(마스킹 해제)",
    "roster_export": "명단 내보내기",
    "print": "서명부 인쇄",
    "print_unmasked": "서명부 인쇄(마스킹 해제)",
    "report": "보고서 만들기",
    "report_unmasked": "보고서 만들기(마스킹 해제)",
    "certificate": "활동 확인서",
    "field_sheet": "현장 점검표",
    "calendar_export": "일정 내보내기(.ics)",
    "import": "명단 가져오기",
    "audit_export": "접속기록 내보내기",
    "account_history_export": "권한 변경 이력 내보내기",
    "audit_review": "접속기록 월별 검토",
    "destroy": "개인정보 파기",
}


def action_label(action: str) -> str:
    return ACTIONS.get(action, action)


def compress_ids(ids: Iterable[int]) -> str:
    """Sorted distinct ids as ranges: "3,5-9,12" (a cohort's export stays a short line)."""
    values = sorted(set(ids))
    parts: list[str] = []
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        parts.append(str(values[i]) if i == j else f"{values[i]}-{values[j]}")
        i = j + 1
    return ",".join(parts)


def expand_ids(text: str | None) -> list[int]:
    out: list[int] = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        first, _, last = part.partition("-")
        out.extend(range(int(first), int(last or first) + 1))
    return out


def canonical_time(at: dt.datetime) -> str:
    """UTC, microseconds, no offset: SQLite hands the stored value back naive, PostgreSQL aware."""
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC).replace(tzinfo=None)
    return at.isoformat(sep=" ", timespec="microseconds")


def entry_hash(
    prev_hash: str,
    at: dt.datetime,
    user_id: int | None,
    host: str | None,
    action: str,
    purpose: str | None,
    member_count: int | None,
    member_ids: str | None,
    detail: str | None,
) -> str:
    """SHA-256 of the entry's content and the previous entry's hash (hex)."""
    content = [
        1,  # the format of this list; a new field means a new number and both kept verifiable
        prev_hash,
        canonical_time(at),
        user_id,
        host or "",
        action,
        purpose or "",
        member_count or 0,
        member_ids or "",
        detail or "",
    ]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
