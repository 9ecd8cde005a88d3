"""Issue 11 item 7, text typed into forms and search: NFC (Hangul typed on macOS arrives
decomposed), invisible and control characters refused naming the field, consent dates only
from 2000 to today."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from sqlalchemy import select

from panelapp.db.models import Member
from panelapp.domain.errors import ValidationError, ValidationErrors
from panelapp.domain.localtime import today_local
from panelapp.domain.text_input import clean_input, describe_char, forbidden_char, nfc
from panelapp.domain.validation import check_consent_date, normalize_name, normalize_text
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
from panelapp.services.search.query import search

D = dt.date


def cohort(ctx):
    return create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))


def test_forms_refuse_invisible_characters_naming_the_field():
    with pytest.raises(ValidationError) as err:
        normalize_name("홍\u200d길동")
    assert err.value.field == "이름" and "U+200D" in err.value.detail
    with pytest.raises(ValidationError, match="메모: 눈에 보이지 않는 글자"):
        normalize_text("메모\x07", "메모")
    assert normalize_text("첫 줄\n둘째 줄\t끝", "메모") == "첫 줄\n둘째 줄\t끝"  # lines are allowed there
    assert forbidden_char("a\tb") == "\t" and forbidden_char("a\tb", multiline=True) is None
    with pytest.raises(ValidationError, match=r"U\+0085"):
        clean_input("a\x85", "비고")


def test_each_invisible_character_is_described():
    assert describe_char("\x00") == "NUL 문자(U+0000)" and describe_char("\n") == "줄바꿈(U+000A)"
    assert describe_char("\u202e") == "보이지 않는 방향 제어 문자(U+202E)"
    assert describe_char("\u2067") == "보이지 않는 방향 제어 문자(U+2067)"
    assert describe_char("\ufeff") == "폭 없는 문자(U+FEFF)" and describe_char("\x7f") == "제어 문자(U+007F)"
    for ok in ("홍길동", "Hong Gil-dong", "김 철수", "가-나(다)", "😀"):
        assert forbidden_char(ok) is None, ok


def test_nfd_hangul_typed_in_a_form_is_stored_nfc_and_found_by_search(ctx):
    c = cohort(ctx)
    typed_on_a_mac = unicodedata.normalize("NFD", "나래솔")
    assert typed_on_a_mac != "나래솔" and nfc(typed_on_a_mac) == "나래솔"
    enroll_member(
        ctx,
        c.id,
        MemberInput(typed_on_a_mac, "010-2111-0002", joined_on=D(2026, 3, 1)),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    )
    with reading(ctx) as s:
        assert list(s.scalars(select(Member.name))) == ["나래솔"]
    for query in ("나래솔", typed_on_a_mac, unicodedata.normalize("NFD", "나래")):
        assert [h.kind for h in search(ctx, query)] == ["member"], query


def test_consent_dates_before_2000_or_in_the_future_are_refused(ctx):
    today = today_local()
    tomorrow = today + dt.timedelta(days=1)
    assert check_consent_date(D(2000, 1, 1)) == D(2000, 1, 1) and check_consent_date(today) == today
    with pytest.raises(ValidationError) as err:
        check_consent_date(D(1999, 12, 31))
    assert err.value.field == "동의일"
    assert "1999-12-31은 동의일로 쓸 수 없습니다. 2000년 이후의 날짜" in err.value.detail
    with pytest.raises(ValidationError, match="오늘 이후 날짜일 수 없습니다"):
        check_consent_date(tomorrow)
    c = cohort(ctx)
    for day in (D(1999, 12, 31), tomorrow):
        with pytest.raises((ValidationError, ValidationErrors), match="동의일"):
            enroll_member(
                ctx,
                c.id,
                MemberInput("다", "010-2111-0003", joined_on=D(2026, 3, 1)),
                ConsentInput("2026-1", day, agreed=True),
            )
