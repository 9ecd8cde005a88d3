"""점검 결과: answers saved all-or-nothing, required items before 완료, attendance from 완료."""

import datetime as dt

import pytest
from schedule_world import build_world
from sqlalchemy import select

from panelapp.db.models import ActivityEvent, Attendance, ChecklistResponse
from panelapp.domain.enums import ChecklistItemKind, InspectionStatus
from panelapp.domain.errors import ConcurrencyError, ValidationError
from panelapp.services.activities.stats import stats_for
from panelapp.services.context import reading
from panelapp.services.inspections.scheduling import create_inspection, get_inspection, set_status
from panelapp.services.results.entry import (
    Completion,
    Response,
    complete_inspection,
    get_result_sheet,
    missing_required,
    save_results,
)

TODAY = dt.date(2026, 5, 20)


@pytest.fixture
def world(ctx):
    w = build_world(ctx)
    insp = create_inspection(ctx, w.draft())
    return w, insp


def all_required(sheet, score="4", yes="yes"):
    out = []
    for sec in sheet.sections:
        for i in sec.items:
            if i.required:
                out.append(
                    Response(i.id, value=score if i.kind == ChecklistItemKind.SCORE else yes)
                    if i.kind != ChecklistItemKind.TEXT
                    else Response(i.id, text="특이사항 없음")
                )
    return out


def completion(w, present=None):
    return Completion(
        dt.datetime(2026, 5, 12, 10, 5),
        dt.datetime(2026, 5, 12, 11, 50),
        tuple(present if present is not None else (w.lead, w.kim, w.lee)),
    )


def test_sheet_lists_the_template_in_order_with_people(ctx, world):
    w, insp = world
    sheet = get_result_sheet(ctx, insp.id)
    assert [s.title for s in sheet.sections][:2] == ["안전", "청결"]
    assert [i.position for i in sheet.sections[0].items] == list(range(1, len(sheet.sections[0].items) + 1))
    assert [p.name for p in sheet.participants] == ["김민준", "김영희", "이철수"]  # the lead first
    assert all(p.present is None for p in sheet.participants)
    assert sheet.event_hours == 2.0 and sheet.responses == ()
    assert len(missing_required(sheet)) == sum(i.required for s in sheet.sections for i in s.items)


def test_draft_saves_answers_and_notes_and_clears_emptied_items(ctx, world):
    w, insp = world
    sheet = get_result_sheet(ctx, insp.id)
    yes_no, score, text = (
        next(i for s in sheet.sections for i in s.items if i.kind == k)
        for k in (ChecklistItemKind.YES_NO, ChecklistItemKind.SCORE, ChecklistItemKind.TEXT)
    )
    sheet = save_results(
        ctx,
        insp.id,
        [
            Response(yes_no.id, "yes", note=" 2층 소화기 교체됨 "),
            Response(score.id, "3"),
            Response(text.id, text="난간 녹"),
        ],
        sheet.version,
    )
    assert sheet.response(yes_no.id) == Response(yes_no.id, "yes", None, "2층 소화기 교체됨")
    assert sheet.response(text.id).text == "난간 녹" and sheet.version > insp.version
    assert get_inspection(ctx, insp.id).status == InspectionStatus.PLANNED
    sections, overall = sheet.scores()
    assert sections[0].points is not None and overall.points is not None
    sheet = save_results(ctx, insp.id, [Response(score.id, None)], sheet.version)
    assert sheet.response(score.id) is None and sheet.response(yes_no.id) is not None


def test_bad_answers_are_refused_and_nothing_is_half_saved(ctx, world):
    w, insp = world
    sheet = get_result_sheet(ctx, insp.id)
    yes_no = sheet.sections[0].items[0]
    score = next(i for i in sheet.sections[0].items if i.kind == ChecklistItemKind.SCORE)
    with pytest.raises(ValidationError, match="1에서 5"):
        save_results(ctx, insp.id, [Response(yes_no.id, "no"), Response(score.id, "7")], sheet.version)
    with pytest.raises(ValidationError, match="예, 아니오"):
        save_results(ctx, insp.id, [Response(yes_no.id, "3")], sheet.version)
    with reading(ctx) as s:
        assert s.scalar(select(ChecklistResponse)) is None
    with pytest.raises(ValidationError, match="점검표에 없는"):
        save_results(ctx, insp.id, [Response(999999, "yes")], sheet.version)


def test_stale_version_is_refused(ctx, world):
    w, insp = world
    sheet = get_result_sheet(ctx, insp.id)
    save_results(ctx, insp.id, [Response(sheet.sections[0].items[0].id, "yes")], sheet.version)
    with pytest.raises(ConcurrencyError):
        save_results(ctx, insp.id, [Response(sheet.sections[0].items[0].id, "no")], sheet.version)


def test_complete_refuses_while_required_items_are_missing_and_names_them(ctx, world):
    w, insp = world
    sheet = get_result_sheet(ctx, insp.id)
    answers = all_required(sheet)[1:]
    with pytest.raises(ValidationError) as err:
        complete_inspection(ctx, insp.id, answers, completion(w), sheet.version, today=TODAY)
    assert err.value.field == "필수 항목" and "안전 1번(소화기가" in err.value.detail
    assert get_inspection(ctx, insp.id).status == InspectionStatus.PLANNED
    with reading(ctx) as s:
        assert s.scalar(select(ChecklistResponse)) is None  # the answers were not kept either


def test_complete_writes_status_times_and_attendance_that_counts_as_hours(ctx, world):
    w, insp = world
    sheet = get_result_sheet(ctx, insp.id)
    done = complete_inspection(
        ctx, insp.id, all_required(sheet), completion(w, (w.lead, w.kim)), sheet.version, today=TODAY
    )
    assert done.status == InspectionStatus.COMPLETED
    assert done.actual_start.strftime("%H:%M") == "10:05" and done.actual_end.strftime("%H:%M") == "11:50"
    assert {p.name: p.present for p in done.participants} == {"김민준": True, "김영희": True, "이철수": False}
    with reading(ctx) as s:
        event = s.scalar(select(ActivityEvent).where(ActivityEvent.inspection_id == insp.id))
        rows = {
            a.enrollment_id: (a.present, a.hours)
            for a in s.scalars(select(Attendance).where(Attendance.event_id == event.id))
        }
        stats = stats_for(s, [w.kim, w.lee], today=TODAY)
    assert rows == {w.lead: (True, 2.0), w.kim: (True, 2.0), w.lee: (False, 0.0)}
    assert stats[w.kim].hours == 2.0 and stats[w.lee].hours == 0.0
    # re-opened to correct: 이철수 was there after all; a completed visit keeps its required answers
    again = complete_inspection(ctx, insp.id, [], completion(w), done.version, today=TODAY)
    assert all(p.present for p in again.participants)
    first = sheet.sections[0].items[0]
    with pytest.raises(ValidationError, match="필수 항목"):
        save_results(ctx, insp.id, [Response(first.id, None)], again.version)


def test_complete_rules(ctx, world):
    w, insp = world
    sheet = get_result_sheet(ctx, insp.id)
    answers = all_required(sheet)
    with pytest.raises(ValidationError, match="한 명 이상"):
        complete_inspection(ctx, insp.id, answers, completion(w, ()), sheet.version, today=TODAY)
    with pytest.raises(ValidationError, match="배정되지 않은"):
        complete_inspection(ctx, insp.id, answers, completion(w, (w.park,)), sheet.version, today=TODAY)
    late = Completion(dt.datetime(2026, 5, 12, 12), dt.datetime(2026, 5, 12, 11), (w.lead,))
    with pytest.raises(ValidationError, match="늦어야"):
        complete_inspection(ctx, insp.id, answers, late, sheet.version, today=TODAY)
    with pytest.raises(ValidationError, match="오지 않은"):
        complete_inspection(ctx, insp.id, answers, completion(w), sheet.version, today=dt.date(2026, 5, 1))
    postponed = set_status(ctx, insp.id, InspectionStatus.POSTPONED, "우천", sheet.version)
    with pytest.raises(ValidationError, match="연기된 점검에는"):
        save_results(ctx, insp.id, answers, postponed.version)


def test_a_draft_keeps_the_attendance_ticks_without_hours(ctx, world):
    """임시 저장 before the visit is completed keeps who was ticked (an absent member stays
    unticked when the sheet is opened again); hours come only with 완료."""
    w, insp = world
    sheet = get_result_sheet(ctx, insp.id)
    sheet = save_results(ctx, insp.id, [], sheet.version, present_ids=(w.lead, w.kim))
    assert {p.name: p.present for p in sheet.participants} == {
        "김민준": True,
        "김영희": True,
        "이철수": False,
    }
    again = get_result_sheet(ctx, insp.id)
    assert {p.name: p.present for p in again.participants} == {
        "김민준": True,
        "김영희": True,
        "이철수": False,
    }
    with reading(ctx) as s:
        stats = stats_for(s, [w.kim, w.lee], today=TODAY)
        event = s.scalar(select(ActivityEvent).where(ActivityEvent.inspection_id == insp.id))
        rows = (
            []
            if event is None
            else list(s.scalars(select(Attendance).where(Attendance.event_id == event.id)))
        )
    assert rows == [] and stats[w.kim].hours == 0.0  # nothing credited by a draft
    done = complete_inspection(
        ctx, insp.id, all_required(again), completion(w, (w.lead, w.kim)), again.version, today=TODAY
    )
    assert {p.name: p.present for p in done.participants} == {"김민준": True, "김영희": True, "이철수": False}
