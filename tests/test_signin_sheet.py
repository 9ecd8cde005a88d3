"""출석 서명부: who is on it (the members expected at the event), names masked unless a purpose
is given and logged, the PDF's columns and fonts, and the sentences for what cannot be printed.
Runs on SQLite and, with PANELAPP_TEST_PG_URL, on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from schedule_world import build_world
from sqlalchemy import select

from panelapp.db.models import AccessLog, Enrollment, Organization
from panelapp.domain.enums import EventKind
from panelapp.domain.errors import DomainError, ValidationError
from panelapp.reports.signin_sheet import PRIVACY_NOTE, render_signin_sheet
from panelapp.services.activities.attendance import create_event
from panelapp.services.activities.event_rules import EventInput
from panelapp.services.activities.signin import signin_event_choices, signin_sheet_data, write_signin_sheet
from panelapp.services.context import reading, transaction
from panelapp.services.inspections.scheduling import create_inspection
from panelapp.services.people.members import withdraw_member

D = dt.date


@pytest.fixture
def world(ctx):
    return build_world(ctx)


def text_of(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join(p.extract_text() for p in reader.pages)


def access_logs(ctx) -> list[tuple[str, str, str]]:
    with reading(ctx) as s:
        return [(a.action, a.purpose, a.detail) for a in s.scalars(select(AccessLog))]


def test_a_cohort_event_lists_the_members_in_their_period(ctx, world):
    event = create_event(
        ctx, world.cohort_id, EventInput(EventKind.TRAINING, "역량 강화 교육", D(2026, 5, 20), 2)
    )
    with reading(ctx) as s:
        version = s.get(Enrollment, world.lee).version
    withdraw_member(ctx, world.lee, D(2026, 5, 1), "이사", version)  # gone before the day
    data = signin_sheet_data(ctx, event.id)
    # 박서연 starts on 6월 1일: not a member yet on 5월 20일; 이철수 left on 5월 1일
    assert [(r.number, r.name) for r in data.rows] == [(1, "김*준"), (2, "김*희")]
    assert data.masked and data.event_kind == "교육" and data.organization_name == "한빛시설관리공단"
    assert data.cohort_name == "제7기 시민참여단"


def test_a_visit_lists_the_members_assigned_to_it(ctx, world):
    info = create_inspection(ctx, world.draft(members=(world.kim, world.park), day=D(2026, 6, 9)))
    choices, default = signin_event_choices(ctx, world.cohort_id)
    visit = next(c for c in choices if c.event_date == D(2026, 6, 9))
    assert "점검" in visit.label and default is not None
    data = signin_sheet_data(ctx, visit.id, masked=False)
    assert sorted(r.name for r in data.rows) == ["김민준", "김영희", "박서연"]  # 조장 and the two members
    assert info.facility_name in data.event_title


def test_the_next_event_is_offered_first(ctx, world, monkeypatch):
    from panelapp.services.activities import signin

    for day, title in (
        (D(2026, 4, 1), "지난 교육"),
        (D(2026, 9, 1), "다음 간담회"),
        (D(2026, 11, 1), "먼 행사"),
    ):
        create_event(ctx, world.cohort_id, EventInput(EventKind.MEETING, title, day, 2))
    monkeypatch.setattr(signin, "today_local", lambda: D(2026, 8, 15))
    choices, default = signin_event_choices(ctx, world.cohort_id)
    assert [c.label.split(" · ")[1] for c in choices] == ["먼 행사", "다음 간담회", "지난 교육"]
    assert default == choices[1].id and choices[1].label.startswith("2026-09-01 (화) 간담회")


def test_full_names_need_a_purpose_which_is_logged(ctx, world, tmp_path):
    event = create_event(
        ctx, world.cohort_id, EventInput(EventKind.LAUNCH, "제7기 발대식", D(2026, 3, 14), 3)
    )
    with pytest.raises(ValidationError) as err:
        write_signin_sheet(ctx, event.id, tmp_path / "s.pdf", masked=False, purpose="  ")
    assert err.value.field == "출력 목적" and not (tmp_path / "s.pdf").exists()
    masked = write_signin_sheet(ctx, event.id, tmp_path / "가림.pdf")
    assert masked.masked and masked.names == 3
    ((action, purpose, _detail),) = access_logs(ctx)  # a masked sheet is logged too, without a purpose
    assert (action, purpose) == ("print", "")
    text = text_of(tmp_path / "가림.pdf").replace(" ", "")
    assert "김*준" in text and "김민준" not in text and "이름일부를가렸습니다" in text
    full = write_signin_sheet(
        ctx, event.id, tmp_path / "서명부.pdf", masked=False, purpose="발대식 출석 확인"
    )
    assert not full.masked and full.pages == 1
    text = text_of(tmp_path / "서명부.pdf").replace(" ", "")
    for word in (
        "출석서명부",
        "번호",
        "이름",
        "소속단",
        "서명",
        "제7기발대식",
        "김민준",
        "이철수",
        "대상3명",
    ):
        assert word in text, word
    assert "010" not in text  # no phone number on the sheet
    assert PRIVACY_NOTE.replace(" ", "") in text
    (action, purpose, detail) = access_logs(ctx)[-1]
    assert (action, purpose) == ("print_unmasked", "발대식 출석 확인")
    assert f"event_id={event.id}" in detail and "names=3" in detail and "file=서명부.pdf" in detail


def test_the_pdf_embeds_the_korean_font_only(ctx, world, tmp_path):
    event = create_event(ctx, world.cohort_id, EventInput(EventKind.LAUNCH, "발대식", D(2026, 3, 14), 3))
    pdf, pages = render_signin_sheet(signin_sheet_data(ctx, event.id))
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()
        if "/BaseFont" in f.get_object()
    }
    assert pages == 1 and fonts and all("NanumGothic" in f for f in fonts), fonts


def test_a_long_list_repeats_its_header_on_every_page(ctx, world):
    from panelapp.domain.signin_sheet_data import SignInRow

    data = signin_sheet_data(
        ctx, create_event(ctx, world.cohort_id, EventInput(EventKind.LAUNCH, "발대식", D(2026, 3, 14), 3)).id
    )
    many = type(data)(
        **{**data.__dict__, "rows": tuple(SignInRow(n, f"단원{n}", "정책동행단") for n in range(1, 61))}
    )
    pdf, pages = render_signin_sheet(many)
    reader = PdfReader(io.BytesIO(pdf))
    assert pages == len(reader.pages) >= 3
    assert all("소속 단" in p.extract_text() for p in reader.pages)


def test_what_cannot_be_printed_is_a_sentence(ctx, world, tmp_path):
    event = create_event(ctx, world.cohort_id, EventInput(EventKind.LAUNCH, "발대식", D(2026, 3, 14), 3))
    with pytest.raises(DomainError, match=r"\.pdf"):
        write_signin_sheet(ctx, event.id, tmp_path / "s.xlsx")
    with pytest.raises(DomainError, match="폴더"):
        write_signin_sheet(ctx, event.id, tmp_path / "없음" / "s.pdf")
    with transaction(ctx) as s:
        s.scalar(select(Organization)).name = ""
    with pytest.raises(ValidationError, match="기관명"):
        write_signin_sheet(ctx, event.id, tmp_path / "s.pdf")
