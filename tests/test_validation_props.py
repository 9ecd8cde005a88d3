"""Property tests: however a 010 number is typed, it normalises to one E.164 form."""

from hypothesis import given, settings
from hypothesis import strategies as st

from panelapp.domain.errors import ValidationError
from panelapp.domain.validation import format_phone, mask_phone, normalize_phone

middle = st.integers(min_value=2000, max_value=9999)  # 010-0xxx / 010-1xxx are not assigned
last = st.integers(min_value=0, max_value=9999)
separators = st.sampled_from(["-", " ", ".", "", " - ", ")"])


@st.composite
def typed_number(draw):
    m, l_ = draw(middle), draw(last)
    body = [f"{m:04d}", f"{l_:04d}"]
    prefix = draw(st.sampled_from(["010", "+82 10", "+8210", "10", "(010)", "82 10"]))
    if prefix == "82 10":
        prefix = "+82 10"
    sep1, sep2 = draw(separators), draw(separators)
    text = f"{prefix}{sep1}{body[0]}{sep2}{body[1]}"
    pad = draw(st.sampled_from(["", " ", "\t", "  "]))
    return f"+8210{m:04d}{l_:04d}", pad + text + pad


@given(typed_number())
@settings(max_examples=300)
def test_any_formatting_of_a_010_number_normalises_alike(case):
    expected, typed = case
    assert normalize_phone(typed) == expected
    national = format_phone(expected)
    assert normalize_phone(national) == expected
    assert mask_phone(expected).endswith(expected[-4:]) and "*" in mask_phone(expected)


@given(st.text(max_size=30))
@settings(max_examples=500)
def test_garbage_raises_only_validation_error(text):
    try:
        result = normalize_phone(text)
    except ValidationError as e:
        assert e.field == "휴대전화"
    else:
        assert result.startswith("+82") and result[1:].isdigit()


@given(st.text(alphabet="0123456789+-() .", max_size=20))
@settings(max_examples=500)
def test_digit_soup_raises_only_validation_error(text):
    try:
        result = normalize_phone(text)
    except ValidationError:
        return
    assert normalize_phone(result) == result  # idempotent
