"""The demo's results and findings: every completed visit answered by the rules and attended,
findings across facilities, categories and severities with photos, some urgent ones uncovered."""

import datetime as dt
from collections import Counter

import pytest
from PIL import Image
from sqlalchemy import select

from panelapp.db.models import ActivityEvent, Attachment, Attendance, Finding
from panelapp.domain.enums import InspectionStatus, Severity
from panelapp.services.activities.stats import stats_for
from panelapp.services.attachments.photos import list_attachments, thumbnail_path
from panelapp.services.context import reading
from panelapp.services.demo.build import load_demo
from panelapp.services.findings.manage import FindingQuery, list_findings, urgent_without_proposal
from panelapp.services.inspections.scheduling import InspectionQuery, cohort_by_number, list_inspections
from panelapp.services.results.entry import get_result_sheet, missing_required


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_db_file):
    from conftest import open_demo_copy

    ctx = open_demo_copy(demo_db_file, tmp_path_factory.mktemp("demo"))
    yield ctx, cohort_by_number(ctx, 7)[0]
    ctx.db.dispose()


def test_completed_visits_have_answers_time_and_attendance(demo):
    ctx, cohort = demo
    visits = list_inspections(ctx, InspectionQuery(cohort))
    done = [v for v in visits if v.status == InspectionStatus.COMPLETED]
    for v in done:
        sheet = get_result_sheet(ctx, v.id)
        assert missing_required(sheet) == [] and sheet.scores()[1].points is not None
        assert sheet.actual_start is not None and sheet.actual_end > sheet.actual_start
        assert sheet.actual_start.date() == v.scheduled_date
        lead = next(p for p in sheet.participants if p.enrollment_id == v.lead_id)
        assert lead.present is True and all(p.present is not None for p in sheet.participants)
    planned = next(v for v in visits if v.status == InspectionStatus.PLANNED)
    assert get_result_sheet(ctx, planned.id).responses == ()
    with reading(ctx) as s:
        rows = s.execute(
            select(Attendance, ActivityEvent)
            .join(ActivityEvent)
            .where(ActivityEvent.inspection_id.in_([v.id for v in done]))
        ).all()
        assert all(a.hours == (ev.hours if a.present else 0.0) for a, ev in rows)
        assert 0.8 < sum(a.present for a, _ in rows) / len(rows) < 1
        lead_hours = stats_for(s, [done[0].lead_id], today=dt.date(2026, 11, 30))[done[0].lead_id].hours
    assert lead_hours >= 2.0


def test_findings_across_facilities_categories_and_severities(demo):
    ctx, cohort = demo
    rows = list_findings(ctx, FindingQuery(cohort))
    assert 25 <= len(rows) <= 40 and len({f.facility_id for f in rows}) == 14
    severities = Counter(f.severity for f in rows)
    assert set(severities) == set(Severity) and 2 <= severities[Severity.URGENT] <= 3
    assert len({f.category for f in rows}) >= 6
    assert all(0 <= f.photo_count <= 2 for f in rows) and sum(f.photo_count for f in rows) >= 20
    urgent = urgent_without_proposal(ctx, cohort)
    assert len(urgent) == 2 and {f.facility_name for f in urgent} == {
        "한빛하늘공원 화장시설",
        "중앙시장 공영주차장",
    }
    linked = next(f for f in rows if f.title == "공원 화장실 비상벨 작동 안 함")
    assert linked.severity == Severity.URGENT and linked.has_proposal
    visits = {v.id: v for v in list_inspections(ctx, InspectionQuery(cohort))}
    assert all(
        visits[f.inspection_id].status == InspectionStatus.COMPLETED
        and f.observed_on == visits[f.inspection_id].scheduled_date
        for f in rows
    )


def test_demo_photos_are_stored_files_some_taken_upright(demo):
    ctx, cohort = demo
    with reading(ctx) as s:
        owners = sorted(set(s.scalars(select(Attachment.owner_id).where(Attachment.owner_type == "finding"))))
    portrait = 0
    for fid in owners:
        for a in list_attachments(ctx, "finding", fid):
            assert a.path.is_file() and a.mime == "image/jpeg" and a.size == a.path.stat().st_size
            with Image.open(a.path) as img:
                tagged = img.getexif().get(0x0112) == 6
                assert (a.width, a.height) == ((img.height, img.width) if tagged else img.size)
            portrait += tagged
    assert portrait >= 3
    some = list_attachments(ctx, "finding", owners[0])[0]
    with Image.open(thumbnail_path(ctx, some.id)) as t:
        assert max(t.size) == 256


def test_demo_findings_are_deterministic(tmp_path, sqlite_demo_ctx):
    from conftest import DEMO_ANCHOR, make_ctx

    fresh = make_ctx("sqlite", tmp_path)  # built again here, compared with the session's demo
    load_demo(fresh, anchor=DEMO_ANCHOR)
    out = []
    for ctx in (fresh, sqlite_demo_ctx):
        with reading(ctx) as s:
            out.append(
                (
                    s.execute(
                        select(Finding.title, Finding.facility_id, Finding.observed_on).order_by(Finding.id)
                    ).all(),
                    s.execute(select(Attachment.sha256, Attachment.owner_id).order_by(Attachment.id)).all(),
                )
            )
    fresh.db.dispose()
    assert out[0] == out[1]
