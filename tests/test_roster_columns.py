"""Roster file columns: headers in Korean or English in any order; cell parsers."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from panelapp.domain.enums import Gender, MemberRole
from panelapp.domain.errors import ValidationError
from panelapp.io.roster_columns import COLUMNS, header_key, map_header, parse_date, parse_gender, parse_role


def test_korean_and_english_headers_in_any_order():
    h = map_header(
        ["consent_date", " 휴대전화 ", "Name", "비고", "소속 단", "E-mail", "출생연도(선택)", "memo"]
    )
    assert h.index == {"consent_date": 0, "phone": 1, "name": 2, "team": 4, "email": 5, "birth_year": 6}
    assert h.unknown == ("비고", "memo") and h.errors == ()


def test_missing_required_and_repeated_columns():
    h = map_header(["이름", "name", "이메일"])
    assert any("두 번" in e for e in h.errors)
    assert any("휴대전화" in e for e in h.errors) and any("개인정보동의일" in e for e in h.errors)


@settings(max_examples=80, deadline=None)
@given(st.permutations(COLUMNS), st.booleans(), st.lists(st.sampled_from([" ", "*", "_"]), max_size=2))
def test_every_order_every_language_maps_every_column(order, english, noise):
    decorate = "".join(noise)
    header = [(c.key if english else c.label) + decorate for c in order]
    mapped = map_header(header)
    assert mapped.errors == () and mapped.unknown == ()
    assert {k: header[i] for k, i in mapped.index.items()} == {
        c.key: (c.key if english else c.label) + decorate for c in COLUMNS
    }


@given(st.text(max_size=20))
def test_header_key_never_fails_and_is_idempotent(text):
    assert header_key(header_key(text)) == header_key(text)


def test_gender_and_role():
    assert parse_gender("") == Gender.UNSPECIFIED and parse_gender("여성") == Gender.FEMALE
    assert parse_gender("M") == Gender.MALE and parse_role("") == MemberRole.MEMBER
    assert parse_role("조장") == MemberRole.LEADER and parse_role("Chief") == MemberRole.CHIEF
    with pytest.raises(ValidationError) as err:
        parse_role("회장")
    assert err.value.field == "역할" and "회장" in err.value.detail
    with pytest.raises(ValidationError):
        parse_gender("모름")


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-02",
        "2026.3.2",
        "2026. 3. 2.",
        "2026/03/02",
        "2026년 3월 2일",
        "20260302",
        "46083",
        "2026-03-02 00:00:00",
    ],
)
def test_dates_as_koreans_and_excel_write_them(text):
    assert parse_date(text) == dt.date(2026, 3, 2)


@pytest.mark.parametrize("text, words", [("", "입력"), ("어제", "형식"), ("2026-02-30", "없는 날짜")])
def test_bad_dates(text, words):
    with pytest.raises(ValidationError) as err:
        parse_date(text)
    assert err.value.field == "개인정보동의일" and words in err.value.detail


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(["%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d", "%Y%m%d", "%Y년 %m월 %d일", "%Y. %m. %d."]),
)
def test_any_date_in_any_accepted_format(day, fmt):
    assert parse_date(day.strftime(fmt)) == day


@given(st.text(max_size=15))
def test_parsers_raise_only_validation_errors(text):
    for parse in (parse_date, parse_gender, parse_role):
        try:
            parse(text)
        except ValidationError:
            pass
