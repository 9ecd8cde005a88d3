"""Reading, exporting and reviewing the access log and the permission history (관리자 only).

A 관리자 reviews each month's access log and signs it off (`review_month`): the review is itself
an access-log entry, naming the month, how many entries it held and whether the chain was whole.
Exports write .csv or .xlsx (io/roster_export.write_table) and are logged as well.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from panelapp.db.models import AccessLog, AccessLogSeal, AccountEvent, Cohort, Enrollment, Member, User
from panelapp.domain.access_log import (
    ACTIONS,
    action_label,
    detail_cohort_ids,
    detail_enrollment_ids,
    detail_text,
)
from panelapp.domain.enums import AccountAction
from panelapp.domain.errors import ValidationError
from panelapp.domain.josa import josa
from panelapp.domain.localtime import KST, format_local, now_local
from panelapp.domain.validation import normalize_text
from panelapp.io.roster_export import write_table
from panelapp.services.audit.chain import chain_problems
from panelapp.services.audit.log import record
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.people.account_history import PROGRAM
from panelapp.services.permissions import Permission, require, writes

SHOWN = 5000  # rows the dialog lists; the export writes every matching entry
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class AccessFilter:
    date_from: dt.date | None = None  # days in Korea, both inclusive
    date_to: dt.date | None = None
    user: str | None = None  # account name
    action: str | None = None  # a key of ACTIONS


@dataclass(frozen=True)
class AccessEntry:
    id: int
    at: dt.datetime
    account: str
    host: str
    action: str
    label: str
    purpose: str
    member_count: int
    member_ids: str
    detail: str  # as stored (and hashed)
    shown_detail: str = ""  # the same in Korean, the cohort by name (domain/access_log.detail_text)


@dataclass(frozen=True)
class AccountEntry:
    id: int
    at: dt.datetime
    account: str
    actor: str
    action: AccountAction
    detail: str
    host: str


@dataclass(frozen=True)
class Review:
    entry_id: int
    month: str
    at: dt.datetime
    reviewer: str
    entries: int
    problems: tuple[str, ...]
    note: str


def _start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), KST).astimezone(dt.UTC)


def _filtered(query: Any, column: Any, flt: AccessFilter) -> Any:  # a Select of any columns
    if flt.date_from is not None:
        query = query.where(column >= _start(flt.date_from))
    if flt.date_to is not None:
        query = query.where(column < _start(flt.date_to + dt.timedelta(days=1)))
    return query


def _check(flt: AccessFilter) -> None:
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError("기간", "시작일이 종료일보다 늦습니다.")
    if flt.action is not None and flt.action not in ACTIONS:
        raise ValidationError("작업", f"'{flt.action}'는 접속기록의 작업이 아닙니다.")


def _access_query(s: Session, flt: AccessFilter) -> Any:
    _check(flt)
    query: Any = select(AccessLog, User.name).outerjoin(User, User.id == AccessLog.user_id)
    query = _filtered(query, AccessLog.at, flt)
    if flt.user:
        query = query.where(User.name == flt.user.strip())
    if flt.action:
        query = query.where(AccessLog.action == flt.action)
    return query


def _cohort_names(s: Session, logs: list[AccessLog]) -> dict[int, str]:
    """The names of the cohorts the entries' details name (a handful: one IN of distinct ids)."""
    ids: set[int] = set()
    for e in logs:
        ids |= detail_cohort_ids(e.detail)
    if not ids:
        return {}
    rows = s.execute(select(Cohort.id, Cohort.number, Cohort.name).where(Cohort.id.in_(sorted(ids))))
    return {
        cid: f"제{number}기" + (f" ({name})" if name and name != f"제{number}기" else "")
        for cid, number, name in rows
    }


def _enrollment_names(s: Session, logs: list[AccessLog]) -> dict[int, str]:
    """The people the entries' enrolment ids stand for, as the officer knows them: the member
    number the 파기 list, the withdrawal question and the log's 대상 단원 번호 show, the name
    masked (the log is read to see who touched whose data, not to read the data again), and
    the cohort. At most one block of painted rows: one IN of distinct ids."""
    from panelapp.services import masking

    ids: set[int] = set()
    for e in logs:
        ids |= detail_enrollment_ids(e.detail)
    if not ids:
        return {}
    rows = s.execute(
        select(Enrollment.id, Member.id, Member.name, Cohort.number)
        .join(Member, Member.id == Enrollment.member_id)
        .join(Cohort, Cohort.id == Enrollment.cohort_id)
        .where(Enrollment.id.in_(sorted(ids)))
    )
    return {
        eid: f"단원 번호 {member_id} {masking.name(name)} · 제{number}기"
        for eid, member_id, name, number in rows
    }


def _entries(s: Session, rows: list[Any]) -> list[AccessEntry]:
    logs = [e for e, _name in rows]
    names, people = _cohort_names(s, logs), _enrollment_names(s, logs)
    return [_entry(e, name, names, people) for e, name in rows]


def _entry(
    e: AccessLog,
    name: str | None,
    cohorts: dict[int, str] | None = None,
    enrollments: dict[int, str] | None = None,
) -> AccessEntry:
    return AccessEntry(
        e.id,
        e.at,
        name or PROGRAM,
        e.host,
        e.action,
        action_label(e.action),
        e.purpose,
        e.member_count,
        e.member_ids or "",
        e.detail or "",
        detail_text(e.detail, cohorts, enrollments),
    )


def access_entries(
    ctx: ServiceContext, flt: AccessFilter = AccessFilter(), limit: int | None = SHOWN
) -> list[AccessEntry]:
    """Newest first."""
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        query = _access_query(s, flt).order_by(AccessLog.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return _entries(s, list(s.execute(query).all()))


def count_entries(ctx: ServiceContext, flt: AccessFilter = AccessFilter()) -> int:
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        sub = _access_query(s, flt).subquery()
        return int(s.scalar(select(func.count()).select_from(sub)) or 0)


def access_ids(ctx: ServiceContext, flt: AccessFilter = AccessFilter()) -> list[int]:
    """The matching entries' ids, newest first (the dialog's id-based table)."""
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        sub = _access_query(s, flt).subquery()
        return list(s.scalars(select(sub.c.id).order_by(sub.c.id.desc())))


def access_rows(ctx: ServiceContext, ids: list[int]) -> list[AccessEntry]:
    """The entries of one block of ids (a painted block: at most a few hundred)."""
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        query = select(AccessLog, User.name).outerjoin(User, User.id == AccessLog.user_id)
        return _entries(s, list(s.execute(query.where(AccessLog.id.in_(ids))).all()))


def account_ids(ctx: ServiceContext, flt: AccessFilter = AccessFilter()) -> list[int]:
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        sub = _account_query(flt).subquery()
        return list(s.scalars(select(sub.c.id).order_by(sub.c.id.desc())))


def account_rows(ctx: ServiceContext, ids: list[int]) -> list[AccountEntry]:
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        query = _account_query(AccessFilter()).where(AccountEvent.id.in_(ids))
        return [_account(e, name, actor) for e, name, actor in s.execute(query)]


def account_names(ctx: ServiceContext) -> list[str]:
    """Every account's name, for the dialog's filter."""
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        return list(s.scalars(select(User.name).order_by(User.name)))


ACCESS_HEADER = ("번호", "일시", "계정", "컴퓨터", "작업", "목적", "대상 인원", "대상 단원 번호", "내용")


EXPORT_BLOCK = 500  # entries read, and their cohorts and people named, at a time


def _export_rows(s: Session, flt: AccessFilter) -> Iterator[tuple[object, ...]]:
    """The export's rows, oldest first, streamed in blocks: 내용 in Korean as the dialog shows it
    (the cohort by name, a person as "단원 번호 46 김*희 · 제7기"), never the stored key=value
    text (`enrollment_id=62` is a number nobody can match; the stored text is what the hash
    chain covers, and `panelapp audit verify` checks it)."""
    result = s.execute(_access_query(s, flt).order_by(AccessLog.id).execution_options(yield_per=EXPORT_BLOCK))
    for block in result.partitions():
        logs = [e for e, _name in block]
        cohorts, people = _cohort_names(s, logs), _enrollment_names(s, logs)
        for e, name in block:
            yield (
                e.id,
                format_local(e.at),
                name or PROGRAM,
                e.host,
                action_label(e.action),
                e.purpose,
                e.member_count,
                e.member_ids or "",
                detail_text(e.detail, cohorts, people),
            )


@writes(Permission.ACCESS_LOG)
def export_access_log(ctx: ServiceContext, path: str | Path, flt: AccessFilter = AccessFilter()) -> int:
    """Every matching entry, oldest first, to .csv or .xlsx; the export is logged too."""
    path = Path(path)
    with transaction(ctx) as s:
        count = write_table(path, ACCESS_HEADER, _export_rows(s, flt), (7,), sheet_title="접속기록")
        record(s, ctx, "audit_export", detail=f"{_describe(flt)}; rows={count}; file={path.name}")
    return count


def account_entries(
    ctx: ServiceContext, flt: AccessFilter = AccessFilter(), limit: int | None = SHOWN
) -> list[AccountEntry]:
    """The permission history (권한 변경 이력), newest first; `flt.user` is the account changed."""
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        query = _account_query(flt).order_by(AccountEvent.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return [_account(e, name, actor) for e, name, actor in s.execute(query)]


def _account_query(flt: AccessFilter) -> Any:
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError("기간", "시작일이 종료일보다 늦습니다.")
    account, actor = aliased(User), aliased(User)
    query: Any = (
        select(AccountEvent, account.name, actor.name)
        .join(account, account.id == AccountEvent.account_id)
        .outerjoin(actor, actor.id == AccountEvent.actor_id)
    )
    query = _filtered(query, AccountEvent.at, flt)
    if flt.user:
        query = query.where(account.name == flt.user.strip())
    return query


def _account(e: AccountEvent, name: str, actor: str | None) -> AccountEntry:
    return AccountEntry(e.id, e.at, name, actor or PROGRAM, e.action, e.detail or "", e.host)


ACCOUNT_HEADER = ("번호", "일시", "계정", "변경", "처리한 계정", "컴퓨터", "내용")


@writes(Permission.ACCESS_LOG)
def export_account_history(ctx: ServiceContext, path: str | Path, flt: AccessFilter = AccessFilter()) -> int:
    """The permission history, oldest first, to .csv or .xlsx; the export is logged."""
    path = Path(path)
    with transaction(ctx) as s:
        rows = (
            (e.id, format_local(e.at), name, e.action.label, actor or PROGRAM, e.host, e.detail or "")
            for e, name, actor in s.execute(_account_query(flt).order_by(AccountEvent.id))
        )
        count = write_table(path, ACCOUNT_HEADER, rows, sheet_title="권한 변경 이력")
        record(s, ctx, "account_history_export", detail=f"{_describe(flt)}; rows={count}; file={path.name}")
    return count


def _describe(flt: AccessFilter) -> str:
    parts = [f"from={flt.date_from or ''}", f"to={flt.date_to or ''}"]
    if flt.user:
        parts.append(f"user={flt.user.strip()}")
    if flt.action:
        parts.append(f"action={flt.action}")
    return "; ".join(parts)


def month_range(month: str) -> tuple[dt.date, dt.date]:
    """ "2026-11" → its first and last day; a sentence for anything else."""
    found = _MONTH.match((month or "").strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise ValidationError("검토할 달", f"'{month}'는 2026-11처럼 연-월로 적어 주세요.")
    first = dt.date(int(found.group(1)), int(found.group(2)), 1)
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


@dataclass(frozen=True)
class MonthEntries:
    """What a reviewer looks at before signing a month: how many entries it holds, how many of
    each action, and their ids (newest first) for the dialog's id-based table."""

    month: str
    entries: int
    by_action: tuple[tuple[str, int], ...]  # (Korean label, count), the most frequent first
    ids: tuple[int, ...]

    @property
    def summary(self) -> str:
        if not self.entries:
            return f"{self.month}에는 접속기록이 없습니다."
        parts = ", ".join(f"{label} {count:,}건" for label, count in self.by_action)
        return f"{self.month} 접속기록 {self.entries:,}건: {parts}"


def _future_month(month: str, first: dt.date) -> None:
    if first > now_local().date():
        raise ValidationError(
            "검토할 달", f"{josa(month.strip(), '은')} 아직 오지 않은 달이라 검토할 수 없습니다."
        )


def month_entries(ctx: ServiceContext, month: str) -> MonthEntries:
    """The month's entries as the review shows them before it is signed (review_month with
    `seen` refuses a sign-off of a month whose entries changed since)."""
    first, last = month_range(month)
    _future_month(month, first)
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        sub = _access_query(s, AccessFilter(first, last)).subquery()
        ids = tuple(s.scalars(select(sub.c.id).order_by(sub.c.id.desc())))
        counts = s.execute(
            select(sub.c.action, func.count())
            .group_by(sub.c.action)
            .order_by(func.count().desc(), sub.c.action)
        ).all()
    by_action = tuple((action_label(action), int(n)) for action, n in counts)
    return MonthEntries(f"{first:%Y-%m}", len(ids), by_action, ids)


@writes(Permission.ACCESS_LOG)
def review_month(ctx: ServiceContext, month: str, note: str | None = None, seen: int | None = None) -> Review:
    """The 관리자's sign-off of a month's access log, recorded as an entry of its own. `seen`:
    how many of the month's entries the reviewer was shown (month_entries); a month that holds
    another number now is not signed blind: refused, to be looked at again."""
    first, last = month_range(month)
    _future_month(month, first)
    text = normalize_text(note, "검토 의견", 500) or ""
    problems = tuple(chain_problems(ctx.db))
    label = f"{first:%Y-%m}"
    with transaction(ctx) as s:
        user = require(ctx, s, Permission.ACCESS_LOG)
        flt = AccessFilter(first, last)
        entries = int(s.scalar(select(func.count()).select_from(_access_query(s, flt).subquery())) or 0)
        if not entries:
            raise ValidationError(
                "검토할 달",
                f"{label}에는 접속기록이 없어 검토하고 서명할 것이 없습니다. 기록이 있는 달을 골라 주세요.",
            )
        if seen is not None and seen != entries:
            raise ValidationError(
                "검토할 달",
                f"{label}의 접속기록이 살펴본 {seen:,}건에서 지금 {entries:,}건으로 바뀌었습니다. "
                "달의 기록을 다시 불러 살펴본 뒤 서명해 주세요.",
            )
        chain = "ok" if not problems else f"problems={len(problems)}"
        # the newest entry as the reviewer saw it: a later removal of the log's tail shows
        newest = s.execute(
            select(AccessLog.id, AccessLog.hash).order_by(AccessLog.id.desc()).limit(1)
        ).first()
        head = f"; head={newest[0]}:{newest[1]}" if newest is not None else ""
        entry = record(
            s,
            ctx,
            "audit_review",
            detail=f"month={label}; entries={entries}; chain={chain}{head}"
            + (f"; note={text}" if text else ""),
        )
        # the seal beside the log: the newest entries, this review among them, cannot go unseen
        total = int(s.scalar(select(func.count()).select_from(AccessLog)) or 0)
        s.add(AccessLogSeal(review_id=entry.id, review_hash=entry.hash, entries=total))
        return Review(entry.id, label, entry.at, user.name, entries, problems, text)


def reviews(ctx: ServiceContext) -> list[Review]:
    """Every sign-off, newest first."""
    with reading(ctx) as s:
        require(ctx, s, Permission.ACCESS_LOG)
        query = (
            select(AccessLog, User.name)
            .outerjoin(User, User.id == AccessLog.user_id)
            .where(AccessLog.action == "audit_review")
            .order_by(AccessLog.id.desc())
        )
        return [_review(e, name) for e, name in s.execute(query)]


def _review(e: AccessLog, name: str | None) -> Review:
    head, _, note = (e.detail or "").partition("; note=")  # the note is last and may hold "; "
    fields = dict(part.split("=", 1) for part in head.split("; ") if "=" in part)
    chain = fields.get("chain", "")
    problems = () if chain == "ok" else (chain,)
    return Review(
        e.id, fields.get("month", ""), e.at, name or PROGRAM, int(fields.get("entries", 0)), problems, note
    )
