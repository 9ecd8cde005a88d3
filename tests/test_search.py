"""Global search: partial Korean words through the bigram index, ranking, soft delete, updates."""

import datetime as dt

from schedule_world import build_world
from sqlalchemy import func, select, text

from panelapp.db.models import Feedback, Finding, Member, Proposal, SearchGram
from panelapp.domain.enums import FeedbackKind, FeedbackSource, FindingCategory, Severity
from panelapp.domain.search_text import gram_code, grams, normalize, query_words, snippet
from panelapp.services.context import reading, transaction
from panelapp.services.search import index as search_index
from panelapp.services.search.query import search

D = dt.date


def add_finding(ctx, facility_id, title, description=None, location=None, when=D(2026, 5, 1)):
    with transaction(ctx) as s:
        f = Finding(
            facility_id=facility_id,
            title=title,
            category=FindingCategory.SAFETY,
            severity=Severity.HIGH,
            description=description,
            location=location,
            observed_on=when,
        )
        s.add(f)
        s.flush()
        return f.id


def titles(hits, kind="finding"):
    return [h.title for h in hits if h.kind == kind]


def test_text_rules():
    assert normalize(" 계단  난간\t") == "계단난간"
    assert grams(["미끄럼"]) == {gram_code("미끄"), gram_code("끄럼"), gram_code("럼")}
    assert grams(["ab", "b"]) == {gram_code("ab"), gram_code("b")}  # no gram across fields
    assert query_words("계단 난간 계단") == ["계단", "난간"] or query_words("계단 난간 계단") == [
        "난간",
        "계단",
    ]
    assert query_words("미끄 미끄럼") == ["미끄럼"]
    assert snippet("가" * 50 + " 미끄럼 주의 " + "나" * 50, ["미끄"], 20).startswith("…")


def test_partial_words_one_and_two_syllables(ctx):
    w = build_world(ctx)
    slide = add_finding(ctx, w.gym, "미끄럼 방지 매트 훼손", "수영장 입구 바닥이 젖어 미끄러움", "1층 수영장")
    rail = add_finding(ctx, w.park_fac, "계단 난간 흔들림", "북쪽 출입구 계단 난간이 흔들립니다", "북쪽 계단")
    add_finding(ctx, w.lot, "조명 고장", "지하 2층 조명 세 개가 꺼져 있음", "지하 2층")
    assert titles(search(ctx, "미끄")) == ["미끄럼 방지 매트 훼손"]
    assert titles(search(ctx, "미끄럼")) == ["미끄럼 방지 매트 훼손"]
    assert titles(search(ctx, "계단")) == ["계단 난간 흔들림"]
    assert titles(search(ctx, "계단 난간")) == ["계단 난간 흔들림"]
    assert titles(search(ctx, "난간 북쪽")) == ["계단 난간 흔들림"]  # words in any field, any order
    assert titles(search(ctx, "조")) == ["조명 고장"]  # one syllable: grams starting with it
    assert titles(search(ctx, "럼")) == ["미끄럼 방지 매트 훼손"]  # ... or ending a field
    assert search(ctx, "엘리베이터") == [] and search(ctx, "  ") == []
    hit = search(ctx, "수영장")[0]
    assert (hit.kind, hit.id, hit.cohort_id) == ("finding", slide, None)
    assert "수영장" in hit.snippet
    assert search(ctx, "북쪽 계단")[0].snippet.startswith("북쪽 출입구")  # the description comes first
    assert search(ctx, "지하")[0].snippet == "지하 2층 조명 세 개가 꺼져 있음"
    assert search(ctx, "1층")[0].snippet == "위치: 1층 수영장"  # only the location holds it
    assert {h.id for h in search(ctx, "흔들")} == {rail}
    # facilities by name and address, members by name, district and the phone's last 4 digits
    assert titles(search(ctx, "체육"), "facility") == ["한빛국민체육센터"]
    assert titles(search(ctx, "새봄로"), "facility") == ["새봄근린공원"]
    assert titles(search(ctx, "민준"), "member") == ["김민준"]
    member = search(ctx, "2222")
    assert titles(member, "member") == ["김민준"] and member[0].cohort_id == w.cohort_id
    assert "2222" in member[0].snippet and "2111" not in member[0].snippet
    assert titles(search(ctx, "2111"), "member") == []  # only the last 4 digits are searched


def test_proposals_and_feedback(ctx):
    w = build_world(ctx)
    with transaction(ctx) as s:
        p = Proposal(
            cohort_id=w.cohort_id,
            title="주차장 경사로 보수",
            problem="경사로 미끄럼",
            proposal="논슬립 시공",
            answer="다음 달 시공 예정",
            submitted_on=D(2026, 5, 2),
        )
        fb = Feedback(
            cohort_id=w.cohort_id,
            facility_id=w.gym,
            kind=FeedbackKind.DISLIKE,
            source=FeedbackSource.BOARD,
            received_on=D(2026, 5, 3),
            text="샤워실 온수가 미지근해요",
        )
        s.add_all([p, fb])
    assert titles(search(ctx, "논슬립"), "proposal") == ["주차장 경사로 보수"]
    assert titles(search(ctx, "시공 예정"), "proposal") == ["주차장 경사로 보수"]
    found = [h for h in search(ctx, "미지근") if h.kind == "feedback"]
    assert len(found) == 1 and found[0].title.startswith("아쉬워요") and "미지근" in found[0].snippet
    assert found[0].cohort_id == w.cohort_id


def test_ranking_title_first_then_newest(ctx):
    w = build_world(ctx)
    older = add_finding(ctx, w.gym, "화장실 문 고장", "잠금장치 파손")
    body = add_finding(ctx, w.gym, "세면대 막힘", "남자 화장실 세면대 배수 불량")
    newer = add_finding(ctx, w.gym, "화장실 휴지 없음", None)
    middle = add_finding(ctx, w.gym, "장애인 화장실 비상벨", None)
    ids = [h.id for h in search(ctx, "화장실") if h.kind == "finding"]
    assert ids == [newer, older, middle, body]


def test_soft_delete_restore_update_and_hard_delete(ctx):
    w = build_world(ctx)
    fid = add_finding(ctx, w.gym, "배수구 덮개 파손", "덮개가 깨져 있음")
    with transaction(ctx) as s:
        s.get(Finding, fid).deleted_at = dt.datetime.now(dt.UTC)
    assert search(ctx, "배수구") == []
    with reading(ctx) as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(SearchGram)
                .where(SearchGram.doc_id == fid, SearchGram.doc_kind == 3)
            )
            == 0
        )
    with transaction(ctx) as s:
        s.get(Finding, fid).deleted_at = None
    assert titles(search(ctx, "배수구")) == ["배수구 덮개 파손"]
    with transaction(ctx) as s:
        s.get(Finding, fid).title = "하수구 덮개 파손"
    assert search(ctx, "배수구") == [] and titles(search(ctx, "하수구")) == ["하수구 덮개 파손"]
    with transaction(ctx) as s:
        s.delete(s.get(Finding, fid))
    assert search(ctx, "하수구") == [] and search(ctx, "덮개") == []
    with reading(ctx) as s:
        assert s.scalar(select(func.count()).select_from(SearchGram).where(SearchGram.doc_kind == 3)) == 0


def test_bulk_written_members_and_empty_index_are_indexed(ctx):
    w = build_world(ctx)
    with transaction(ctx) as s:
        s.execute(text("DELETE FROM search_grams"))
    search_index._ENSURED.discard(ctx.db.engine)
    assert titles(search(ctx, "민준"), "member") == ["김민준"]  # the empty index was filled
    assert titles(search(ctx, "체육센터"), "facility") == ["한빛국민체육센터"]
    with transaction(ctx) as s:  # an insert that bypasses the ORM, as the roster import does
        from sqlalchemy import insert

        now = dt.datetime.now(dt.UTC)
        mid = s.scalar(
            insert(Member).returning(Member.id),
            [
                {
                    "name": "홍길동",
                    "phone": "+821099998888",
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            ],
        )
        search_index.index_members(s, [mid])
    assert titles(search(ctx, "길동"), "member") == ["홍길동"]
    assert search_index.rebuild_index(ctx) >= 5
    assert titles(search(ctx, "길동"), "member") == ["홍길동"] and w.cohort_id


def test_stale_postings_never_fail_a_save(ctx):
    w = build_world(ctx)
    fid = add_finding(ctx, w.gym, "비상구 표시등 꺼짐")
    with transaction(ctx) as s:
        s.execute(text("DELETE FROM search_grams WHERE doc_kind = 3"))
        s.execute(text(f"UPDATE findings SET title = '비상구' WHERE id = {fid}"))  # behind the ORM's back
    with transaction(ctx) as s:
        s.get(Finding, fid).title = "비상구 표시등 꺼짐"  # re-adds postings; some may exist: ignored
    assert titles(search(ctx, "표시등")) == ["비상구 표시등 꺼짐"]


def test_ensure_index_refills_only_a_kind_without_postings(ctx):
    build_world(ctx)
    with transaction(ctx) as s:
        s.execute(text(f"DELETE FROM search_grams WHERE doc_kind = {int(search_index.DocKind.FACILITY)}"))
    search_index._ENSURED.discard(ctx.db.engine)
    assert search_index.ensure_index(ctx) == [search_index.DocKind.FACILITY]
    assert titles(search(ctx, "체육센터"), "facility") == ["한빛국민체육센터"]
    search_index._ENSURED.discard(ctx.db.engine)
    assert search_index.ensure_index(ctx) == []  # every kind answers its probe now
