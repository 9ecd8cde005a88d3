"""소식 콘텐츠: only 소식이음단 members post, links are http(s), totals per member and channel,
credited hours count in the member's activity, undo and the trash."""

import pytest
from proposal_world import TODAY, D, build

from panelapp.domain.enums import ContentChannel as C
from panelapp.domain.errors import ValidationError, ValidationErrors
from panelapp.services.engagement.content import (
    ContentInput,
    create_post,
    delete_post,
    list_content,
    news_member_choices,
    normalize_url,
    update_post,
)
from panelapp.services.people.members import get_member
from panelapp.services.system.undo import undo
from panelapp.services.trash.manage import list_trash, restore


@pytest.fixture
def w(ctx):
    return build(ctx)


def _post(w, title="체육센터 수영장 이용 후기", channel=C.BLOG, **kw):
    kw.setdefault("url", "https://blog.example.kr/1")
    return create_post(
        w.ctx,
        ContentInput(kw.pop("who", w.news), title, channel, kw.pop("on", D(2026, 6, 1)), **kw),
        today=TODAY,
    )


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("https://blog.naver.com/x", "https://blog.naver.com/x"),
        ("blog.naver.com/x", "https://blog.naver.com/x"),
        ("", None),
    ],
)
def test_url_normalised(raw, expected):
    assert normalize_url(raw) == expected


@pytest.mark.parametrize(
    "raw", ["ftp://x.kr/a", "javascript:alert(1)", "http://", "블로그 주소", "http://a b.kr"]
)
def test_bad_urls_refused(raw):
    with pytest.raises(ValidationError, match="https://"):
        normalize_url(raw)


def test_only_news_team_members_post(w):
    assert [eid for eid, _ in news_member_choices(w.ctx, w.cohort_id)] == [w.news]
    with pytest.raises(ValidationError, match="소식이음단원만"):
        _post(w, who=w.kim)
    with pytest.raises(ValidationErrors) as err:
        _post(w, title="", url="ftp://x", views=-1, hours=9, on=D(2026, 6, 21))
    assert {e.field for e in err.value.errors} == {"제목", "링크", "조회수", "인정 시간", "게시일"}


def test_totals_and_hours_count_in_the_activity(w):
    before = get_member(w.ctx, w.news).hours
    _post(w, views=120, facility_id=w.gym)
    _post(w, "공원 산책로 영상", C.YOUTUBE, views=300, hours=2.0)
    _post(w, "주차장 안내", C.BLOG, views=None)
    listing = list_content(w.ctx, w.cohort_id)
    assert [r.title for r in listing.rows] == ["주차장 안내", "공원 산책로 영상", "체육센터 수영장 이용 후기"]
    assert [(t.label, t.posts, t.views, t.hours) for t in listing.per_member] == [("최소식", 3, 420, 4.0)]
    assert [(t.label, t.posts, t.views) for t in listing.per_channel] == [
        ("블로그", 2, 120),
        ("유튜브", 1, 300),
    ]
    assert [r.title for r in list_content(w.ctx, w.cohort_id, C.YOUTUBE).rows] == ["공원 산책로 영상"]
    assert get_member(w.ctx, w.news).hours == before + 4.0


def test_edit_undo_delete_restore(w):
    row, _ = _post(w, views=10)
    data = ContentInput(w.news, "고친 제목", C.INSTAGRAM, row.published_on, "instagram.com/p/1", views=50)
    edited, record = update_post(w.ctx, row.id, data, row.version, today=TODAY)
    assert edited.url == "https://instagram.com/p/1" and edited.channel == C.INSTAGRAM
    undo(w.ctx, record)
    assert list_content(w.ctx, w.cohort_id).rows[0].title == "체육센터 수영장 이용 후기"
    record = delete_post(w.ctx, row.id)
    assert list_content(w.ctx, w.cohort_id).rows == []
    undo(w.ctx, record)
    delete_post(w.ctx, row.id)
    item = next(i for i in list_trash(w.ctx) if i.kind == "content")
    assert item.label == "체육센터 수영장 이용 후기 (최소식, 블로그)"
    restore(w.ctx, "content", row.id)
    assert len(list_content(w.ctx, w.cohort_id).rows) == 1


def test_content_ids_sort_and_search_in_sql_and_totals_by_group(w):
    from panelapp.services.engagement.content import (
        ContentQuery,
        content_count,
        content_ids,
        content_rows,
        content_totals,
    )

    pool, _ = _post(w, views=120, facility_id=w.gym)
    walk, _ = _post(w, "공원 산책로 영상", C.YOUTUBE, views=300, hours=2.0, on=D(2026, 6, 5))
    lot, _ = _post(w, "주차장 안내", C.BLOG, views=None, on=D(2026, 5, 1))
    q = ContentQuery(w.cohort_id)
    assert content_ids(w.ctx, q) == [walk.id, pool.id, lot.id]  # newest first
    assert content_ids(w.ctx, q, "views", True) == [walk.id, pool.id, lot.id]  # unknown views last
    assert content_ids(w.ctx, q, "title", False) == [walk.id, lot.id, pool.id]  # 가나다
    assert content_ids(w.ctx, q, "facility", True)[0] == pool.id
    assert content_ids(w.ctx, q, "member", True) == content_ids(w.ctx, q)  # one author: ties decide
    assert content_ids(w.ctx, ContentQuery(w.cohort_id, C.BLOG)) == [pool.id, lot.id]
    assert content_ids(w.ctx, ContentQuery(w.cohort_id, search="산책")) == [walk.id]
    totals = content_totals(w.ctx, ContentQuery(w.cohort_id, C.BLOG))
    assert (totals.posts, totals.views, totals.hours) == (2, 120, 2.0)
    assert [(t.label, t.posts) for t in totals.per_member] == [("최소식", 2)]
    assert [(t.label, t.posts) for t in totals.per_channel] == [("블로그", 2)]
    rows = {r.id: r for r in content_rows(w.ctx, [lot.id, walk.id])}
    assert rows[walk.id].channel == C.YOUTUBE and set(rows) == {lot.id, walk.id}
    delete_post(w.ctx, lot.id)
    assert content_rows(w.ctx, [lot.id]) == [] and content_count(w.ctx, w.cohort_id) == 2
