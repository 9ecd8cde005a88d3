import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from panelapp.db.models import Attendance, ContentPost, Organization
from panelapp.domain.enums import ContentChannel, EventKind, MemberRole
from panelapp.domain.errors import NotFoundError
from panelapp.reports.certificate import render_certificate
from panelapp.services.activities.attendance import EventInput, create_event, set_attendance
from panelapp.services.activities.certificates import certificate_data, panel_title
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading, transaction
from panelapp.services.people.members import ConsentInput, MemberInput, delete_enrollment, enroll_member

D = dt.date
TODAY = D(2026, 11, 23)


def _enrol(ctx, cohort, name, phone, **kw):
    return enroll_member(
        ctx,
        cohort.id,
        MemberInput(name=name, phone=phone, joined_on=D(2026, 3, 1), **kw),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    ).enrollment_id


@pytest.fixture
def member(ctx):
    with transaction(ctx) as s:
        s.add(Organization(name="한빛시설관리공단"))
    c = create_cohort(ctx, CohortInput(7, "제7기 고객서비스 시민참여단", D(2026, 3, 1), D(2026, 12, 31)))
    first = _enrol(ctx, c, "김민준", "010-1000-0001")
    eid = _enrol(ctx, c, "남궁하늘", "010-1000-0002", team_id=c.teams[0].id, role=MemberRole.LEADER)
    return ctx, c, eid, first


def _events(ctx, c, eid, n, start=D(2026, 3, 14)):
    for i in range(n):
        kind = [EventKind.LAUNCH, EventKind.TRAINING, EventKind.MEETING, EventKind.OTHER][min(i, 1 + i % 3)]
        ev = create_event(
            ctx,
            c.id,
            EventInput(
                kind,
                f"활동 {i + 1}회차 시설 이용 편의 개선 모임",
                start + dt.timedelta(days=4 * i),
                2.0 if i % 2 else 1.5,
            ),
        )
        set_attendance(ctx, ev.id, {eid: i % 5 != 4}, today=TODAY)


def test_certificate_data_matches_the_database(member):
    ctx, c, eid, _first = member
    _events(ctx, c, eid, 5)
    with transaction(ctx) as s:
        s.add(
            ContentPost(
                enrollment_id=eid,
                channel=ContentChannel.BLOG,
                title="수영장 이용 후기",
                published_on=D(2026, 6, 1),
                hours=1.0,
            )
        )
    data = certificate_data(ctx, eid, issued_on=TODAY)
    with reading(ctx) as s:
        db_hours = s.scalar(
            select(func.sum(Attendance.hours)).where(
                Attendance.enrollment_id == eid, Attendance.present.is_(True)
            )
        )
    assert data.total_hours == db_hours + 1.0 == sum(a.hours for a in data.activities) == 8.0
    assert (data.attended, data.held, data.rate) == (4, 5, 0.8)
    assert (data.member_name, data.team_name, data.role_label, data.affiliation) == (
        "남궁하늘",
        "정책동행단",
        "조장",
        "제7기 정책동행단",
    )
    assert data.certificate_number == "제7기-2026-0002"
    assert (data.organization_name, data.issuer) == ("한빛시설관리공단", "한빛시설관리공단")
    assert (data.period_start, data.period_end, data.ongoing) == (D(2026, 3, 1), TODAY, True)
    assert [(a.kind_label, a.hours) for a in data.activities][:2] == [("발대식", 1.5), ("교육", 2.0)]
    assert ("소식 콘텐츠", "수영장 이용 후기") in [(a.kind_label, a.title) for a in data.activities]
    after_term = certificate_data(ctx, eid, issued_on=D(2027, 1, 5))
    assert (after_term.period_end, after_term.ongoing) == (D(2026, 12, 31), False)


def test_number_stays_when_an_earlier_enrolment_is_deleted(member):
    ctx, c, eid, first = member
    delete_enrollment(ctx, first)
    assert certificate_data(ctx, eid).certificate_number == "제7기-2026-0002"
    with pytest.raises(NotFoundError):
        certificate_data(ctx, first)


def test_without_organization_falls_back_to_the_panel(ctx):
    c = create_cohort(ctx, CohortInput(3, "주민", D(2026, 3, 1), D(2026, 12, 31)))
    eid = _enrol(ctx, c, "이서연", "010-2000-0001")
    data = certificate_data(ctx, eid, issued_on=TODAY)
    assert data.organization_name is None and data.issuer == "제3기 주민 시민참여단"
    text = _text(render_certificate(data))
    assert "위 사람은 제3기 주민 시민참여단 활동에 참여하였음을" in text
    assert "기록된 활동이 없습니다" in text


def test_panel_title_forms():
    assert panel_title(7, "제7기 고객서비스 시민참여단") == "제7기 고객서비스 시민참여단"
    assert panel_title(7, "고객서비스 시민참여단") == "제7기 고객서비스 시민참여단"
    assert panel_title(7, "제7기") == "제7기 시민참여단"


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"]  # embedded
            names.add(str(font["/BaseFont"]))
    return names


def test_render_reads_back_with_korean_text_and_embedded_fonts(member):
    ctx, c, eid, _first = member
    _events(ctx, c, eid, 6)
    pdf = render_certificate(certificate_data(ctx, eid, issued_on=TODAY))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = _text(pdf)
    for expected in (
        "활동확인서",
        "남궁하늘",
        "제7기-2026-0002",
        "총 9시간",
        "출석률 83.3%",
        "2026년 11월 23일",
        "한빛시설관리공단",
        "쪽 1 / 1",
        "위 사람은 한빛시설관리공단 제7기 고객서비스 시민참여단",
        "활동 1회차 시설 이용 편의 개선 모임",
        "2026. 3. 14.",
    ):
        assert expected in text, expected
    fonts = _fonts(pdf)
    assert fonts and all(f.split("+")[-1] in ("NanumGothic", "NanumGothicBold") and "+" in f for f in fonts)
    assert not any("Helvetica" in f for f in fonts)
    assert reader.metadata.title == "활동확인서 - 남궁하늘"


def test_sixty_activities_still_fit_on_one_page(member):
    ctx, c, eid, _first = member
    _events(ctx, c, eid, 60)
    data = certificate_data(ctx, eid, issued_on=TODAY)
    assert len(data.activities) == 48
    pdf = render_certificate(data)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = _text(pdf)
    assert "48회" in text and "구분별로 합산" in text and "위 사람은" in text
    assert "기타" in text and "간담회" in text


def test_long_titles_fall_back_to_the_summary(member):
    ctx, c, eid, _first = member
    for i in range(12):
        ev = create_event(
            ctx,
            c.id,
            EventInput(
                EventKind.TRAINING, "아주 긴 교육 제목 " * 18, D(2026, 4, 1) + dt.timedelta(days=i), 2
            ),
        )
        set_attendance(ctx, ev.id, {eid: True}, today=TODAY)
    pdf = render_certificate(certificate_data(ctx, eid, issued_on=TODAY))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "구분별로 합산" in _text(pdf)
