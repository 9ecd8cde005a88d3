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
    "report_view": "보고서 열람",
    "certificate": "활동 확인서",
    "field_sheet": "현장 점검표",
    "calendar_export": "일정 내보내기(.ics)",
    "import": "명단 가져오기",
    "audit_export": "접속기록 내보내기",
    "account_history_export": "권한 변경 이력 내보내기",
    "audit_review": "접속기록 월별 검토",
    "destroy": "개인정보 파기",
    "view_due": "파기 대상 열람",
    "withdraw_consent": "동의 철회 기록",
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


# ----- the detail as the log's readers see it ------------------------------------------------
# An entry's detail is stored as the output wrote it ("cohort_id=2; rows=40; file=명단.xlsx":
# the hash covers it as written); the dialog shows it in Korean, the cohort by its name.
_DETAIL_LABELS = {
    "list": "목록",
    "rows": "행",
    "names": "명",
    "visits": "점검",
    "file": "파일",
    "filter": "검색어",
    "query": "검색어",
    "period": "기간",
    "enrollment_id": "참여 기록",
    "inspection_id": "점검",
    "event_id": "행사",
    "report_id": "보고서",
    "month": "검토한 달",
    "entries": "항목",
    "user": "계정",
    "note": "의견",
    "how": "방법",
    "on": "철회일",
    "consents": "동의",
}


def detail_cohort_ids(detail: str | None) -> set[int]:
    """The cohorts a detail names (cohort_id=N), to look their names up."""
    found: set[int] = set()
    for part in (detail or "").split("; "):
        key, sep, value = part.partition("=")
        if sep and key == "cohort_id" and value.strip().isdigit():
            found.add(int(value))
    return found


def detail_enrollment_ids(detail: str | None) -> set[int]:
    """The enrolments a detail names (enrollment_id=N), to show whose they are."""
    found: set[int] = set()
    for part in (detail or "").split("; "):
        key, sep, value = part.partition("=")
        if sep and key == "enrollment_id" and value.strip().isdigit():
            found.add(int(value))
    return found


def detail_text(
    detail: str | None,
    cohorts: dict[int, str] | None = None,
    enrollments: dict[int, str] | None = None,
) -> str:
    """ "cohort_id=2; rows=40; file=명단.xlsx" → "기수 제7기 · 40행 · 파일 명단.xlsx"; a part it
    does not know stays as written (a 파기 entry's "파기 관리대장 3번" is Korean already).
    `enrollments` names an enrolment as the officer knows the person ("단원 번호 46 김*희 ·
    제7기"): an enrolment id alone is a number nobody can match to a member."""
    if not detail:
        return ""
    head, _, note = detail.partition("; note=")  # a review's note is last and may hold "; "
    parts = head.split("; ")
    if note:
        parts.append(f"note={note}")
    shown: list[str] = []
    period: list[str] = []
    for part in parts:
        key, sep, value = part.partition("=")
        if not sep:
            shown.append(part)
        elif key == "cohort_id":
            name = (cohorts or {}).get(int(value)) if value.strip().isdigit() else None
            shown.append(f"기수 {name}" if name else ("기수 없음" if value == "None" else f"기수 #{value}"))
        elif key == "enrollment_id" and value.strip().isdigit() and int(value) in (enrollments or {}):
            shown.append((enrollments or {})[int(value)])
        elif key in ("rows", "names"):
            shown.append(f"{value}{_DETAIL_LABELS[key]}")
        elif key in ("visits", "entries", "consents"):
            shown.append(f"{_DETAIL_LABELS[key]} {value}건")
        elif key in ("enrollment_id", "inspection_id", "event_id", "report_id"):
            shown.append(f"{_DETAIL_LABELS[key]} {value}번")
        elif key in ("from", "to"):
            period.append(value)
            if len(period) == 2:
                shown.append(f"기간 {period[0] or '처음'}~{period[1] or '지금'}")
        elif key == "action":
            shown.append(f"작업 {action_label(value)}")
        elif key == "chain":
            shown.append(
                "해시 사슬 이상 없음" if value == "ok" else f"해시 사슬 문제 {value.partition('=')[2]}건"
            )
        elif key == "head":
            shown.append(f"마지막 항목 {value.partition(':')[0]}번")
        elif key in _DETAIL_LABELS:
            shown.append(f"{_DETAIL_LABELS[key]} {value}")
        else:
            shown.append(part)
    return " · ".join(shown)
