"""소식 콘텐츠: reviews and posts by the 소식이음단, with totals per member and per channel.

Each post credits `hours` (default 1.0) to its author; activity_stats adds them to the
member's activity hours beside attendance, so certificates and the roster count them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlparse

from sqlalchemy import func, select

from panelapp.db.base import utcnow
from panelapp.db.models import Cohort, ContentPost, Enrollment, Facility, Member, Team
from panelapp.domain.enums import ContentChannel, TeamKind
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.localtime import today_local
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.listing import blocks, contains, fetch_ids, like_pattern, ordering
from panelapp.services.permissions import Permission, writes
from panelapp.services.system.undo import UndoRecord, snapshot

F_MEMBER, F_TITLE, F_URL, F_DATE, F_VIEWS, F_HOURS = "작성자", "제목", "링크", "게시일", "조회수", "인정 시간"
DEFAULT_HOURS = 1.0


@dataclass(frozen=True)
class ContentInput:
    enrollment_id: int | None
    title: str
    channel: ContentChannel
    published_on: dt.date
    url: str | None = None
    facility_id: int | None = None
    views: int | None = None
    hours: float = DEFAULT_HOURS


@dataclass(frozen=True)
class ContentRow:
    id: int
    enrollment_id: int
    member_name: str
    title: str
    channel: ContentChannel
    url: str | None
    published_on: dt.date
    facility_id: int | None
    facility_name: str | None
    views: int | None
    hours: float
    version: int


@dataclass(frozen=True)
class Total:
    label: str  # a member's name or a channel's label
    posts: int
    views: int
    hours: float


@dataclass(frozen=True)
class ContentQuery:
    cohort_id: int
    channel: ContentChannel | None = None
    search: str = ""  # part of the title


@dataclass(frozen=True)
class ContentTotals:
    """Of the posts the query lists (GROUP BY in SQL)."""

    posts: int
    views: int
    hours: float
    per_member: list[Total]  # most posts first
    per_channel: list[Total]  # in channel order, channels with posts only


@dataclass(frozen=True)
class ContentList:
    rows: list[ContentRow]
    per_member: list[Total]  # most posts first
    per_channel: list[Total]  # in channel order


def normalize_url(raw: str | None) -> str | None:
    text = (raw or "").strip()
    if not text:
        return None
    if "://" not in text and "." in text.split("/")[0]:
        text = "https://" + text  # "blog.naver.com/x" is what people paste
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in text:
        raise ValidationError(F_URL, "http:// 또는 https://로 시작하는 인터넷 주소를 입력해 주세요.")
    if len(text) > 500:
        raise ValidationError(F_URL, "500자 이내로 입력해 주세요.")
    return text


def news_member_choices(
    ctx: ServiceContext, cohort_id: int, include_id: int | None = None
) -> list[tuple[int, str]]:
    """Members of the cohort's 소식이음단 (team kind NEWS): who can log a post (names masked for an
    account that sees them masked: services/masking.py)."""
    keep = Team.kind == TeamKind.NEWS
    if include_id is not None:
        keep = keep | (Enrollment.id == include_id)
    with reading(ctx) as s:
        rows = s.execute(
            select(Enrollment.id, Member.name, Team.name)
            .join(Member, Member.id == Enrollment.member_id)
            .outerjoin(Team, Team.id == Enrollment.team_id)
            .where(
                Enrollment.cohort_id == cohort_id,
                Enrollment.deleted_at.is_(None),
                Member.destroyed_at.is_(None),
                keep,
            )
            .order_by(Member.name, Enrollment.id)
        ).all()
    masked = masking.personal_masked(ctx)
    return [(eid, f"{masking.name(name, masked)} · {team or '미배정'}") for eid, name, team in rows]


def _select():
    return (
        select(ContentPost, Member.name, Facility.name, masking.withdrew_consent())
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
        .join(Member, Member.id == Enrollment.member_id)
        .outerjoin(Facility, Facility.id == ContentPost.facility_id)
        .where(ContentPost.deleted_at.is_(None))
    )


def _row(p: ContentPost, member: str, facility: str | None, withdrew: bool = False) -> ContentRow:
    member = masking.name(member, withdrew)  # 동의 철회: masked whoever reads
    return ContentRow(
        p.id,
        p.enrollment_id,
        member,
        p.title,
        p.channel,
        p.url,
        p.published_on,
        p.facility_id,
        facility,
        p.views,
        p.hours,
        p.version,
    )


def _filtered(stmt, query: ContentQuery):
    stmt = stmt.where(Enrollment.cohort_id == query.cohort_id, ContentPost.deleted_at.is_(None))
    if query.channel is not None:
        stmt = stmt.where(ContentPost.channel == query.channel)
    pattern = like_pattern(query.search)
    if pattern is not None:
        stmt = stmt.where(contains(ContentPost.title, pattern))
    return stmt


# sort key -> ORDER BY expression (NULLs made explicit, so SQLite and PostgreSQL agree)
CONTENT_SORTS = {
    "published": ContentPost.published_on,
    "title": ContentPost.title,
    "member": Member.name,
    "channel": ContentPost.channel,
    "facility": func.coalesce(Facility.name, ""),
    "views": func.coalesce(ContentPost.views, -1),
    "hours": ContentPost.hours,
    "url": func.coalesce(ContentPost.url, ""),
}


def content_ids(
    ctx: ServiceContext, query: ContentQuery, sort_key: str = "published", descending: bool = True
) -> list[int]:
    """Ids of the cohort's posts matching the query, sorted in SQL (ties: newest, then id)."""
    stmt = select(ContentPost.id).join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
    if sort_key == "member":
        stmt = stmt.join(Member, Member.id == Enrollment.member_id)
    elif sort_key == "facility":
        stmt = stmt.outerjoin(Facility, Facility.id == ContentPost.facility_id)
    primary = CONTENT_SORTS.get(sort_key, ContentPost.published_on)
    stmt = _filtered(stmt, query).order_by(
        *ordering(primary, descending, ContentPost.published_on, ContentPost.id)
    )
    with reading(ctx) as s:
        if masking.names_a_member(ctx, s, query.search):
            return []
        return fetch_ids(s, stmt)


def content_rows(ctx: ServiceContext, ids: list[int]) -> list[ContentRow]:
    """The posts with these ids (one query by primary key; deleted ones are left out)."""
    if not ids:
        return []
    with reading(ctx) as s:
        found = s.execute(_select().where(ContentPost.id.in_(ids))).all()
        shown = masking.text_masker(s, masking.personal_masked(ctx))  # a title may name a member
        return [
            masking.texts_masked(_row(post, masking.person(ctx, member), facility, withdrew), shown, "title")
            for post, member, facility, withdrew in found
        ]


def content_count(ctx: ServiceContext, cohort_id: int) -> int:
    """The cohort's posts, whatever the filter."""
    stmt = _filtered(
        select(func.count())
        .select_from(ContentPost)
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id),
        ContentQuery(cohort_id),
    )
    with reading(ctx) as s:
        return s.scalar(stmt) or 0


def content_totals(ctx: ServiceContext, query: ContentQuery) -> ContentTotals:
    """Posts, views and hours of what the query lists, per member and per channel: GROUP BY."""
    posts, views, hours = (
        func.count(ContentPost.id),
        func.coalesce(func.sum(ContentPost.views), 0),
        func.coalesce(func.sum(ContentPost.hours), 0),
    )
    base = (
        select(posts, views, hours)
        .select_from(ContentPost)
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
    )
    per_member = (
        _filtered(
            select(Enrollment.id, Member.name, posts, views, hours)
            .select_from(ContentPost)
            .join(Enrollment, Enrollment.id == ContentPost.enrollment_id)
            .join(Member, Member.id == Enrollment.member_id),
            query,
        )
        .group_by(Enrollment.id, Member.name)
        .order_by(posts.desc(), views.desc(), Member.name, Enrollment.id)
    )
    per_channel = _filtered(
        select(ContentPost.channel, posts, views, hours)
        .select_from(ContentPost)
        .join(Enrollment, Enrollment.id == ContentPost.enrollment_id),
        query,
    ).group_by(ContentPost.channel)
    with reading(ctx) as s:
        n, v, h = s.execute(_filtered(base, query)).one()
        masked = masking.personal_masked(ctx)  # the per-member totals name people too
        members = [
            Total(masking.name(name, masked), c, int(vs), float(hs))
            for _eid, name, c, vs, hs in s.execute(per_member)
        ]
        channels = {ch: Total(ch.label, c, int(vs), float(hs)) for ch, c, vs, hs in s.execute(per_channel)}
    return ContentTotals(n, int(v), float(h), members, [channels[c] for c in ContentChannel if c in channels])


def list_content(ctx: ServiceContext, cohort_id: int, channel: ContentChannel | None = None) -> ContentList:
    """Every matching post, newest first, with the totals (for scripts and tests: the page reads
    `content_ids` and fetches rows by id as they are painted)."""
    query = ContentQuery(cohort_id, channel)
    ids = content_ids(ctx, query)
    found: dict[int, ContentRow] = {}
    for block in blocks(ids):
        found.update((r.id, r) for r in content_rows(ctx, block))
    totals = content_totals(ctx, query)
    return ContentList([found[i] for i in ids if i in found], totals.per_member, totals.per_channel)


def _clean(data: ContentInput, today: dt.date) -> dict:
    errors: list[ValidationError] = []
    values = {
        "channel": data.channel,
        "published_on": data.published_on,
        "facility_id": data.facility_id,
        "enrollment_id": data.enrollment_id,
    }
    for key, fn in (
        ("title", lambda: normalize_text(data.title, F_TITLE, 200, required=True)),
        ("url", lambda: normalize_url(data.url)),
    ):
        try:
            values[key] = fn()
        except ValidationError as e:
            errors.append(e)
    if data.enrollment_id is None:
        errors.append(ValidationError(F_MEMBER, "글을 쓴 소식이음단원을 골라 주세요."))
    if data.published_on is None or data.published_on > today:
        errors.append(ValidationError(F_DATE, "게시일은 오늘 이후일 수 없습니다."))
    if data.views is not None and data.views < 0:
        errors.append(ValidationError(F_VIEWS, "조회수는 0 이상이어야 합니다."))
    if not 0 <= data.hours <= 8:
        errors.append(ValidationError(F_HOURS, "인정 시간은 0–8시간 사이로 입력해 주세요."))
    ValidationErrors.raise_if_any(errors)
    values.update(views=data.views, hours=float(data.hours))
    return values


def _check_refs(s, values: dict, current: ContentPost | None = None) -> None:
    e = s.get(Enrollment, values["enrollment_id"])
    if e is None or e.deleted_at is not None:
        raise ValidationError(F_MEMBER, "고른 참여단원이 없습니다. 다른 사용자가 삭제했을 수 있습니다.")
    team = s.get(Team, e.team_id) if e.team_id is not None else None
    same = current is not None and current.enrollment_id == e.id
    if not same and (team is None or team.kind != TeamKind.NEWS):
        raise ValidationError(F_MEMBER, "소식이음단원만 콘텐츠를 올릴 수 있습니다.")
    if current is not None:
        old = s.get(Enrollment, current.enrollment_id)
        if old.cohort_id != e.cohort_id:
            raise ValidationError(F_MEMBER, "다른 기수의 참여단원으로 바꿀 수 없습니다.")
    if s.get(Cohort, e.cohort_id).deleted_at is not None:
        raise ValidationError(F_MEMBER, "이 기수는 휴지통에 있습니다.")
    if values["facility_id"] is not None and s.get(Facility, values["facility_id"]) is None:
        raise ValidationError("시설", "고른 시설이 없습니다.")


def _load(s, post_id: int) -> ContentPost:
    p = s.get(ContentPost, post_id)
    if p is None or p.deleted_at is not None:
        raise NotFoundError("소식 콘텐츠")
    return p


def _reload(s, post_id: int) -> ContentRow:
    s.flush()
    return _row(*s.execute(_select().where(ContentPost.id == post_id)).one())


@writes(Permission.PANEL_WORK)
def create_post(
    ctx: ServiceContext, data: ContentInput, today: dt.date | None = None
) -> tuple[ContentRow, UndoRecord]:
    values = _clean(data, today or today_local())
    with transaction(ctx) as s:
        _check_refs(s, values)
        p = ContentPost(**values)
        s.add(p)
        s.flush()
        return _reload(s, p.id), UndoRecord.for_create(p, "소식 콘텐츠 등록")


@writes(Permission.PANEL_WORK)
def update_post(
    ctx: ServiceContext, post_id: int, data: ContentInput, version: int, today: dt.date | None = None
) -> tuple[ContentRow, UndoRecord]:
    values = _clean(data, today or today_local())
    with transaction(ctx) as s:
        p = _load(s, post_id)
        check_version(p, version)
        _check_refs(s, values, current=p)
        before = snapshot(p)
        for key, value in values.items():
            setattr(p, key, value)
        return _reload(s, p.id), UndoRecord.for_update(p, before, "소식 콘텐츠 수정")


@writes(Permission.PANEL_WORK)
def delete_post(ctx: ServiceContext, post_id: int, version: int | None = None) -> UndoRecord:
    with transaction(ctx) as s:
        p = _load(s, post_id)
        check_version(p, version)
        before = snapshot(p)
        p.deleted_at, p.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return UndoRecord.for_delete(p, before, f"소식 콘텐츠 삭제 ({p.title})")
