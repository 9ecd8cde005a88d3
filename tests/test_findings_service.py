"""발견사항: validation, optimistic locking, soft delete to the trash, undo, filters, urgent list."""

import datetime as dt
import re

import pytest
from schedule_world import build_world
from sqlalchemy import insert

from panelapp.db.models import Proposal, proposal_findings
from panelapp.domain.enums import FindingCategory as C
from panelapp.domain.enums import InspectionStatus
from panelapp.domain.enums import Severity as S
from panelapp.domain.errors import ConcurrencyError, NotFoundError, ValidationError, ValidationErrors
from panelapp.services.context import transaction
from panelapp.services.findings.manage import (
    FindingInput,
    FindingQuery,
    create_finding,
    delete_finding,
    get_finding,
    list_findings,
    update_finding,
    urgent_without_proposal,
)
from panelapp.services.inspections.scheduling import create_inspection, set_status
from panelapp.services.system.undo import undo
from panelapp.services.trash.manage import list_trash, restore


@pytest.fixture
def world(ctx):
    w = build_world(ctx)
    return (
        w,
        create_inspection(ctx, w.draft()),
        create_inspection(ctx, w.draft(facility=w.park_fac, day=dt.date(2026, 5, 14))),
    )


def add(ctx, insp, title="계단 미끄럼 방지 패드 훼손", category=C.SAFETY, severity=S.HIGH, **kw):
    return create_finding(ctx, FindingInput(insp.id, title, category, severity, **kw))


def propose(ctx, cohort_id, finding_id):
    with transaction(ctx) as s:
        p = Proposal(cohort_id=cohort_id, title="개선", submitted_on=dt.date(2026, 5, 20))
        s.add(p)
        s.flush()
        s.execute(insert(proposal_findings).values(proposal_id=p.id, finding_id=finding_id))
        return p.id


def test_create_takes_facility_and_date_from_the_inspection(ctx, world):
    w, gym, _park = world
    f = add(ctx, gym, location=" 2층 계단 ", description="끝부분 패드가 들떠 있음")
    assert (f.facility_id, f.facility_name, f.observed_on) == (
        w.gym,
        "한빛국민체육센터",
        dt.date(2026, 5, 12),
    )
    assert (f.location, f.description, f.cohort_id) == ("2층 계단", "끝부분 패드가 들떠 있음", w.cohort_id)
    assert f.inspection_label == "2026-05-12 한빛국민체육센터 점검"
    assert (f.photo_count, f.has_proposal) == (0, False)


def test_validation_names_every_field(ctx, world):
    with pytest.raises(ValidationErrors) as err:
        create_finding(ctx, FindingInput(None, "  ", None, None))
    assert {e.field for e in err.value.errors} == {"점검", "제목", "분류", "심각도"}
    w, gym, _ = world
    with pytest.raises(ValidationError, match="점검일") as early:
        add(ctx, gym, observed_on=dt.date(2026, 5, 11))
    assert early.value.field == "발견일"
    cancelled = set_status(ctx, gym.id, InspectionStatus.CANCELLED, "휴관", gym.version)
    with pytest.raises(ValidationError, match="취소된 점검"):
        add(ctx, cancelled)


def test_edit_checks_the_version_and_undo_puts_it_back(ctx, world):
    w, gym, park = world
    f = add(ctx, gym)
    edited, record = update_finding(
        ctx, f.id, FindingInput(park.id, "놀이터 바닥 파손", C.STRUCTURE, S.URGENT, "놀이터"), f.version
    )
    assert (edited.facility_id, edited.severity, edited.observed_on) == (
        w.park_fac,
        S.URGENT,
        dt.date(2026, 5, 14),
    )
    with pytest.raises(ConcurrencyError):
        update_finding(ctx, f.id, FindingInput(gym.id, "다시", C.SAFETY, S.LOW), f.version)
    assert record.label.startswith("발견사항 수정")
    undo(ctx, record)
    back = get_finding(ctx, f.id)
    assert (back.title, back.facility_id, back.severity, back.location) == (f.title, w.gym, S.HIGH, None)


def test_delete_goes_to_the_trash_and_comes_back_by_undo_or_restore(ctx, world):
    w, gym, _ = world
    f = add(ctx, gym)
    record = delete_finding(ctx, f.id, f.version)
    assert list_findings(ctx) == []
    with pytest.raises(NotFoundError):
        get_finding(ctx, f.id)
    item = next(i for i in list_trash(ctx) if i.kind == "finding")
    assert (
        item.kind_label == "발견사항"
        and item.label == "계단 미끄럼 방지 패드 훼손 (한빛국민체육센터, 2026-05-12)"
    )
    undo(ctx, record)
    assert [x.id for x in list_findings(ctx)] == [f.id]
    delete_finding(ctx, f.id)
    assert restore(ctx, "finding", f.id).startswith("계단 미끄럼")
    assert get_finding(ctx, f.id).title == f.title


def test_filters(ctx, world):
    w, gym, park = world
    a = add(ctx, gym, "화장실 휴지 없음", C.CLEANLINESS, S.LOW, location="1층 화장실")
    b = add(ctx, park, "놀이기구 볼트 풀림", C.SAFETY, S.URGENT, description="그네 상단 볼트")
    c = add(ctx, park, "안내판 글씨 바램", C.SIGNAGE, S.MEDIUM)
    propose(ctx, w.cohort_id, c.id)

    def ids(**kw):
        return [f.id for f in list_findings(ctx, FindingQuery(**kw))]

    assert ids(cohort_id=w.cohort_id) == [c.id, b.id, a.id]  # newest first
    assert ids(severity=S.URGENT) == [b.id] and ids(category=C.CLEANLINESS) == [a.id]
    assert ids(facility_id=w.park_fac) == [c.id, b.id]
    assert ids(without_proposal=True) == [b.id, a.id] and ids(without_proposal=False) == [c.id]
    assert ids(text="볼트") == [b.id] and ids(text="화장실") == [a.id] and ids(text="100%") == []
    assert ids(cohort_id=w.cohort_id + 1) == []
    assert list_findings(ctx, FindingQuery(text="안내판"))[0].proposal_count == 1


def test_urgent_without_proposal_until_a_live_proposal_exists(ctx, world):
    w, gym, park = world
    old = add(ctx, gym, "비상구 잠김", C.SAFETY, S.URGENT)
    new = add(ctx, park, "놀이기구 볼트 풀림", C.SAFETY, S.URGENT)
    add(ctx, park, "낙서", C.CLEANLINESS, S.HIGH)
    assert [f.id for f in urgent_without_proposal(ctx, w.cohort_id)] == [old.id, new.id]
    pid = propose(ctx, w.cohort_id, old.id)
    assert [f.id for f in urgent_without_proposal(ctx, w.cohort_id)] == [new.id]
    with transaction(ctx) as s:  # a proposal in the trash no longer answers it
        s.get(Proposal, pid).deleted_at = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    assert [f.id for f in urgent_without_proposal(ctx, w.cohort_id)] == [old.id, new.id]


def test_create_with_photos_is_all_or_nothing(ctx, world, tmp_path):
    from PIL import Image

    from panelapp.services.attachments.photos import list_attachments

    w, gym, _ = world
    good = tmp_path / "난간.jpg"
    Image.new("RGB", (30, 20), "red").save(good)
    bad = tmp_path / "설명.txt"
    bad.write_text("글")
    with pytest.raises(Exception, match="설명.txt"):
        create_finding(ctx, FindingInput(gym.id, "난간", C.SAFETY, S.HIGH), photos=[good, bad])
    assert list_findings(ctx) == []
    f = create_finding(ctx, FindingInput(gym.id, "난간", C.SAFETY, S.HIGH), photos=[good])
    assert f.photo_count == 1 and list_attachments(ctx, "finding", f.id)[0].original_name == "난간.jpg"


def test_id_list_sorts_by_every_column_in_sql_and_rows_come_by_id(ctx, world, tmp_path):
    from PIL import Image

    from panelapp.services.findings.listing import (
        SORT_KEYS,
        finding_counts,
        finding_facilities,
        finding_ids,
        finding_rows,
    )

    w, gym, park = world
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (30, 20), "red").save(photo)
    a = add(ctx, gym, "화장실 휴지 없음", C.CLEANLINESS, S.LOW, location="1층 화장실")
    b = create_finding(ctx, FindingInput(park.id, "놀이기구 볼트 풀림", C.SAFETY, S.URGENT), [photo])
    c = add(ctx, park, "안내판 글씨 바램", C.SIGNAGE, S.MEDIUM, location="입구")
    propose(ctx, w.cohort_id, c.id)
    q = FindingQuery(cohort_id=w.cohort_id)
    expected = {  # ascending; descending is the exact reverse (ties broken by id both ways)
        "date": [a.id, b.id, c.id],  # 05-12, then 05-14 (b, c by id)
        "facility": [b.id, c.id, a.id],  # 새봄근린공원 < 한빛국민체육센터
        "title": [b.id, c.id, a.id],  # 놀 < 안 < 화
        "category": [c.id, b.id, a.id],  # 안내 < 안전 < 청결 (as the labels read)
        "severity": [a.id, c.id, b.id],  # 낮음 < 보통 < 긴급
        "location": [b.id, a.id, c.id],  # '' < 1층 화장실 < 입구
        "photos": [a.id, c.id, b.id],
        "proposal": [a.id, b.id, c.id],
    }
    assert set(expected) == set(SORT_KEYS)
    for key, order in expected.items():
        assert finding_ids(ctx, q, key, False) == order, key
        assert finding_ids(ctx, q, key, True) == order[::-1], key
    assert finding_ids(ctx, q) == [c.id, b.id, a.id]  # the page's default: newest first
    rows = {r.id: r for r in finding_rows(ctx, [c.id, b.id, 999_999])}
    assert set(rows) == {b.id, c.id}  # an id that vanished is skipped
    assert (rows[b.id].photo_count, rows[b.id].proposal_count, rows[c.id].proposal_count) == (1, 0, 1)
    assert rows[c.id].facility_name == "새봄근린공원" and rows[c.id].cohort_id == w.cohort_id
    counts = finding_counts(ctx, q)
    assert counts.any_in_cohort and counts.urgent_without_proposal == 1
    assert finding_counts(ctx, FindingQuery(w.cohort_id, severity=S.LOW)).urgent_without_proposal == 0
    assert not finding_counts(ctx, FindingQuery(w.cohort_id + 1)).any_in_cohort
    assert finding_facilities(ctx, w.cohort_id) == [(w.park_fac, "새봄근린공원"), (w.gym, "한빛국민체육센터")]
    delete_finding(ctx, b.id)
    assert finding_ids(ctx, q) == [c.id, a.id] and finding_rows(ctx, [b.id]) == []


def test_observed_date_lies_between_the_visit_and_today(ctx, world):
    """발견일: never before the visit, never after today (in Korea); said at the field."""
    _w, gym, _park = world  # gym's visit: 2026-05-12
    today = dt.date(2026, 6, 1)
    assert add(ctx, gym, observed_on=dt.date(2026, 5, 12)).observed_on == dt.date(2026, 5, 12)
    assert add(ctx, gym, observed_on=dt.date(2026, 5, 20)).observed_on == dt.date(2026, 5, 20)
    for day, words in ((dt.date(2026, 5, 11), "점검일(2026-05-12)보다 앞설"), (dt.date(2026, 6, 2), "오늘")):
        with pytest.raises(ValidationError, match=re.escape(words)) as refused:
            create_finding(ctx, FindingInput(gym.id, "난간", C.SAFETY, S.HIGH, observed_on=day), today=today)
        assert refused.value.field == "발견일"
    f = add(ctx, gym)  # no date given: the visit's
    assert f.observed_on == dt.date(2026, 5, 12)
    with pytest.raises(ValidationError, match="앞설"):
        update_finding(
            ctx,
            f.id,
            FindingInput(gym.id, "난간", C.SAFETY, S.HIGH, observed_on=dt.date(2000, 1, 1)),
            f.version,
        )
    assert get_finding(ctx, f.id).observed_on == dt.date(2026, 5, 12)  # nothing saved


def test_a_future_visit_takes_no_finding_yet(ctx, world):
    w, _gym, _park = world
    later = create_inspection(ctx, w.draft(day=dt.date(2026, 7, 1)))
    with pytest.raises(ValidationError, match="오늘"):
        create_finding(ctx, FindingInput(later.id, "난간", C.SAFETY, S.HIGH), today=dt.date(2026, 6, 1))
