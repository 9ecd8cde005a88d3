"""Checking the access log's hash chain: `panelapp check` and `panelapp audit verify`.

Walks every entry in id order (a block at a time, by keyset) and recomputes its hash from its
content and the previous entry's hash. An entry whose stored hash differs was changed after it
was written; an entry whose prev_hash is not the stored hash of the entry before it follows a gap
(an entry removed) or an entry rewritten with a recomputed hash. Each is one Korean sentence naming
the entry. The chain alone cannot show the newest entries removed; each monthly review therefore
records the newest entry it saw (id and hash), and that entry must still be there, unchanged; and
it leaves a seal beside the log (table access_log_seals: its own entry's id and hash, and how many
entries the log held with it), so removing the newest entries with the review itself shows too:
the log is then shorter than a review signed. (What was written after the last review, and a
seal removed along with its entries, only the next review or a backup can tell.)
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from panelapp.db.engine import Database
from panelapp.db.models import AccessLog, AccessLogSeal
from panelapp.domain.access_log import GENESIS, action_label, entry_hash
from panelapp.domain.localtime import format_local
from panelapp.services.context import ServiceContext, reading
from panelapp.services.permissions import Permission, require

BLOCK = 5000
_HEAD = re.compile(r"(?:^|; )head=(\d+):([0-9a-f]{64})(?:;|$)")


def chain_problems(db: Database) -> list[str]:
    problems: list[str] = []
    prev_id: int | None = None
    prev_hash = GENESIS
    after = 0
    heads: list[tuple[int, int, str]] = []  # (review entry, the newest entry it saw, its hash)
    with db.session_factory() as s:
        while True:
            rows = s.execute(
                select(
                    AccessLog.id,
                    AccessLog.at,
                    AccessLog.user_id,
                    AccessLog.host,
                    AccessLog.action,
                    AccessLog.purpose,
                    AccessLog.member_count,
                    AccessLog.member_ids,
                    AccessLog.detail,
                    AccessLog.prev_hash,
                    AccessLog.hash,
                )
                .where(AccessLog.id > after)
                .order_by(AccessLog.id)
                .limit(BLOCK)
            ).all()
            if not rows:
                break
            for r in rows:
                name = f"접속기록 {r.id}번 항목"
                when = f"({format_local(r.at)} {action_label(r.action)})"
                if r.prev_hash != prev_hash:
                    if prev_id is None:
                        problems.append(
                            f"{name} 앞의 접속기록이 지워졌습니다: 첫 항목이 아닌데 앞 항목이 없습니다{when}."
                        )
                    else:
                        problems.append(
                            f"{name}이 바로 앞의 {prev_id}번 항목과 이어지지 않습니다: 그 사이의 접속기록이 "
                            f"지워졌거나 앞 항목이 바뀌었습니다{when}."
                        )
                expected = entry_hash(
                    r.prev_hash,
                    r.at,
                    r.user_id,
                    r.host,
                    r.action,
                    r.purpose,
                    r.member_count,
                    r.member_ids,
                    r.detail,
                )
                if r.hash != expected:
                    problems.append(f"{name}의 내용이 기록된 뒤 바뀌었습니다{when}.")
                if r.action == "audit_review" and (claim := _HEAD.search(r.detail or "")):
                    heads.append((r.id, int(claim.group(1)), claim.group(2)))
                prev_id, prev_hash = r.id, r.hash
            after = rows[-1].id
        for review_id, head_id, head_hash in heads:
            found = s.scalar(select(AccessLog.hash).where(AccessLog.id == head_id))
            if found is None:
                problems.append(
                    f"접속기록 {head_id}번 항목이 지워졌습니다: {review_id}번 항목(월별 검토) 때 있던 마지막 항목입니다."
                )
            elif found != head_hash:
                problems.append(
                    f"접속기록 {head_id}번 항목이 {review_id}번 항목(월별 검토) 뒤에 다시 쓰였습니다."
                )
        problems.extend(_seal_problems(s))
        s.rollback()
    return problems


def _seal_problems(s: Session) -> list[str]:
    """Each review's seal against the log as it is now: its entry there unchanged, and no fewer
    entries up to it than the review signed."""
    problems: list[str] = []
    for seal in s.scalars(select(AccessLogSeal).order_by(AccessLogSeal.id)):
        found = s.scalar(select(AccessLog.hash).where(AccessLog.id == seal.review_id))
        now = int(s.scalar(select(func.count()).where(AccessLog.id <= seal.review_id)) or 0)
        signed = f"{format_local(seal.at)} 월별 검토"
        if found is None:
            problems.append(
                f"접속기록 {seal.review_id}번 항목({signed})이 지워졌습니다: 그 검토 때 접속기록은 "
                f"{seal.entries:,}건이었는데 지금은 그 번호까지 {now:,}건입니다."
            )
        elif found != seal.review_hash:
            problems.append(f"접속기록 {seal.review_id}번 항목({signed})이 검토 뒤에 다시 쓰였습니다.")
        elif now < seal.entries:
            problems.append(
                f"접속기록이 {seal.review_id}번 항목({signed}) 때보다 짧습니다: 그때 {seal.entries:,}건, "
                f"지금 {now:,}건이므로 그 앞의 항목이 지워졌습니다."
            )
    return problems


def chain_length(db: Database) -> int:
    with db.session_factory() as s:
        return int(s.scalar(select(func.count()).select_from(AccessLog)) or 0)


def verify_chain(ctx: ServiceContext) -> tuple[int, list[str]]:
    """(entries, problems) of the whole chain; a 관리자's check (`panelapp audit verify`)."""
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
    return chain_length(ctx.db), chain_problems(ctx.db)
