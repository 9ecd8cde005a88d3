import datetime as dt

import pytest

from panelapp.domain.enums import CohortStatus, ProposalStatus, Severity
from panelapp.domain.errors import ValidationError
from panelapp.domain.validation import (
    format_phone,
    mask_name,
    mask_phone,
    normalize_email,
    normalize_name,
    normalize_phone,
    validate_birth_year,
)


@pytest.mark.parametrize(
    "raw",
    [
        "010-1234-5678",
        "01012345678",
        "+82 10 1234 5678",
        "010 1234 5678",
        "(010)1234-5678",
        "1012345678",
        "+82-10-1234-5678",
    ],
)
def test_every_way_of_writing_a_mobile_number_is_one_number(raw):
    assert normalize_phone(raw) == "+821012345678"


@pytest.mark.parametrize("raw", ["", "02-123-4567", "010-123", "abcd", "+1 202 555 0100", "010-1234-56789"])
def test_bad_phone_numbers_are_refused_naming_the_field(raw):
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw)
    assert info.value.field == "휴대전화"
    assert "휴대전화" in str(info.value)


def test_phone_display_and_mask():
    assert format_phone("+821012345678") == "010-1234-5678"
    assert mask_phone("+821012345678") == "010-****-5678"


@pytest.mark.parametrize(
    "name,masked", [("홍길동", "홍*동"), ("김철", "김*"), ("남궁민수", "남**수"), ("이", "이")]
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_email():
    assert normalize_email(" Hong@Example.KR ") == "Hong@example.kr"
    assert normalize_email("") is None
    for bad in ["hong", "hong@", "hong@example", "ho ng@example.kr", "@example.kr"]:
        with pytest.raises(ValidationError) as info:
            normalize_email(bad)
        assert info.value.field == "이메일"


def test_birth_year_plausible():
    today = dt.date(2026, 11, 23)
    assert validate_birth_year("1985", today) == 1985
    assert validate_birth_year("1985년", today) == 1985
    assert validate_birth_year("", today) is None
    for bad in ["1900", "2020", "천구백", "19a5"]:
        with pytest.raises(ValidationError) as info:
            validate_birth_year(bad, today)
        assert info.value.field == "출생연도"


def test_name_rules():
    assert normalize_name("  홍   길동 ") == "홍 길동"
    with pytest.raises(ValidationError):
        normalize_name("")
    with pytest.raises(ValidationError):
        normalize_name("홍길동2")


def test_every_enum_member_has_a_korean_label():
    assert CohortStatus.ACTIVE.label == "활동중"
    assert ProposalStatus.DECLINED.label == "불채택"
    assert Severity.URGENT.label == "긴급(안전)"
    assert ProposalStatus.from_label("부분채택") is ProposalStatus.PARTIAL
    from panelapp.domain import enums

    for obj in vars(enums).values():
        if isinstance(obj, type) and issubclass(obj, enums.LabeledEnum) and obj is not enums.LabeledEnum:
            for member in obj:
                assert member.label, member


@pytest.mark.parametrize("raw", ["010-5970-0000", "010-5999-1234", "010-2000-0000", "01098765432"])
def test_every_010_number_of_the_numbering_plan_is_accepted(raw):
    """libphonenumber's range data refuses some allocated 010 blocks (e.g. 010-597x)."""
    assert normalize_phone(raw).startswith("+8210")
