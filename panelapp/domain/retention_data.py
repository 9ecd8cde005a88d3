"""The data classes of retention and destruction (파기): who is due, and the ledger's entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

# What a destruction removes, as the ledger names it (issue 12 item 6).
DESTROYED_ITEMS = (
    "성명(‘파기된 단원 #번호’로 대체), 휴대전화, 이메일, 출생연도, 성별, 거주지역, 메모, "
    "탈퇴 사유, 출석 비고, 개인정보 수집·이용 동의 기록(동의서 판·동의일·방법·보유기간), 검색 색인"
)
KEPT_ANONYMOUS = "활동 시간, 출석 횟수, 점검 배정, 작성한 발견사항(익명 단원 번호로 남음)"


# What each due reason (DueMember.reason) makes of the 파기 사유, in the order they are named.
REASON_PHRASES = {
    "보유기간 만료": "보유기간 경과",
    "동의 철회": "수집·이용 동의 철회",
    "동의 기록 없음": "수집·이용 동의 기록 없음",
}


def destruction_reason(reasons: Iterable[str]) -> str:
    """The 파기 사유 that fits the chosen members' due reasons: "개인정보 보유기간 경과" for
    members whose retention passed, "개인정보 수집·이용 동의 철회" for a withdrawal, both joined
    by 및 when both are chosen; "" for none."""
    given = set(reasons)
    phrases = [phrase for reason, phrase in REASON_PHRASES.items() if reason in given]
    phrases += sorted(r for r in given if r not in REASON_PHRASES)
    return f"개인정보 {' 및 '.join(phrases)}" if phrases else ""


def destroyed_name(member_id: int) -> str:
    return f"파기된 단원 #{member_id}"


@dataclass(frozen=True)
class DueMember:
    """A member whose personal data must be destroyed: no consent of theirs is in force."""

    member_id: int
    masked_name: str
    masked_phone: str
    cohorts: str  # "제5기, 제6기"
    reason: str  # "보유기간 만료" / "동의 철회" / "동의 기록 없음"
    due_since: dt.date | None  # the day the last consent ended (None: no consent at all)


@dataclass(frozen=True)
class LedgerEntry:
    """One line of the 파기 관리대장."""

    number: int
    at: dt.datetime  # UTC
    approver: str
    count: int
    member_ids: tuple[int, ...]
    items: str
    method: str
    reason: str
    backups: str
    host: str


@dataclass(frozen=True)
class LedgerData:
    organization_name: str | None
    printed_at: dt.datetime  # UTC
    printed_by: str
    entries: tuple[LedgerEntry, ...]
