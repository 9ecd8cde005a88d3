"""Validation and normalisation rules shared by forms, imports and services."""

from __future__ import annotations

import datetime as dt
import re

import phonenumbers
from phonenumbers import PhoneNumberType

from panelapp.domain.errors import ValidationError
from panelapp.domain.josa import josa, quoted
from panelapp.domain.localtime import today_local
from panelapp.domain.text_input import clean_input

F_NAME = "이름"
F_PHONE = "휴대전화"
F_EMAIL = "이메일"
F_BIRTH_YEAR = "출생연도"
F_DISTRICT = "거주지"

_MOBILE_010 = re.compile(r"10[2-9]\d{7}")
_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
# Pragmatic address check: one @, a dot in the domain, no spaces. Deliverability is not ours to prove.
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-']+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def normalize_phone(raw: str, field: str = F_PHONE) -> str:
    """Return a Korean mobile number in E.164 (+821012345678) or raise ValidationError.

    010-1234-5678, 01012345678, +82 10 1234 5678 and 1012345678 (Excel dropped the 0)
    are all the same number.
    """
    text = (raw or "").strip()
    if not text:
        raise ValidationError(field, "휴대전화 번호를 입력해 주세요.")
    digits = re.sub(r"[^\d+]", "", text)
    if re.fullmatch(r"1[016789]\d{7,8}", digits):
        digits = "0" + digits
    if _MOBILE_010.fullmatch(digits[1:]) and digits[0] == "0":
        return "+82" + digits[1:]  # what the plan check below returns, without parsing (roster imports)
    try:
        number = phonenumbers.parse(digits, "KR")
    except phonenumbers.NumberParseException:
        raise ValidationError(
            field, f"{quoted(text, '은')} 전화번호 형식이 아닙니다. 예: 010-1234-5678"
        ) from None
    if number.country_code != 82:
        raise ValidationError(
            field, f"{quoted(text, '은')} 올바른 휴대전화 번호가 아닙니다. 예: 010-1234-5678"
        )
    # Every 010-[2-9]XXX-XXXX number is a mobile number by the national numbering plan;
    # libphonenumber's range data lags behind allocation (e.g. it refuses 010-597x), so
    # 010 is checked by the plan and only the legacy prefixes by the library.
    if _MOBILE_010.fullmatch(str(number.national_number)):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            field, f"{quoted(text, '은')} 올바른 휴대전화 번호가 아닙니다. 예: 010-1234-5678"
        )
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        raise ValidationError(
            field, f"{quoted(text, '은')} 휴대전화 번호가 아닙니다(010 등으로 시작해야 합니다)."
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_office_phone(raw: str | None, field: str = "전화") -> str | None:
    """Any Korean number (02-123-4567, 031-…, 010-…, 1588-…) in national format, or None: the
    rule for office numbers (departments, the institution), where a mobile-only check is wrong."""
    text = (raw or "").strip()
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, "KR")
    except phonenumbers.NumberParseException:
        raise ValidationError(
            field, f"{quoted(text, '은')} 전화번호 형식이 아닙니다. 예: 02-123-4567"
        ) from None
    if number.country_code != 82 or not phonenumbers.is_valid_number(number):
        raise ValidationError(field, f"{quoted(text, '은')} 올바른 전화번호가 아닙니다. 예: 02-123-4567")
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))


def format_phone(e164: str) -> str:
    """+821012345678 → 010-1234-5678 (national format, as Koreans write it)."""
    if not e164:
        return ""
    if "*" in e164:
        return e164  # masked by the service for a role that does not see phones
    try:
        number = phonenumbers.parse(e164, "KR")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def mask_phone(e164: str) -> str:
    """+821012345678 → 010-****-5678 (a number masked already stays as it is)."""
    if "*" in e164:
        return e164
    national = format_phone(e164)
    parts = national.split("-")
    if len(parts) == 3:
        return f"{parts[0]}-{'*' * len(parts[1])}-{parts[2]}"
    return national[:3] + "*" * max(0, len(national) - 7) + national[-4:]


def mask_name(name: str) -> str:
    """홍길동 → 홍*동, 김철 → 김*, 남궁민수 → 남**수."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def normalize_name(raw: str, field: str = F_NAME) -> str:
    # tab and newline are spaces here (collapsed below); other invisible characters are refused
    name = " ".join(clean_input(raw or "", field, multiline=True).split())
    if not name:
        raise ValidationError(field, "이름을 입력해 주세요.")
    if len(name) > 50:
        raise ValidationError(field, "이름은 50자 이내로 입력해 주세요.")
    if any(ch.isdigit() for ch in name):
        raise ValidationError(field, "이름에 숫자를 넣을 수 없습니다.")
    return name


def normalize_email(raw: str | None, field: str = F_EMAIL) -> str | None:
    text = (raw or "").strip()
    if not text:
        return None
    if len(text) > 254 or not _EMAIL_RE.match(text):
        raise ValidationError(
            field, f"{quoted(text, '은')} 올바른 이메일 주소가 아닙니다. 예: hong@example.kr"
        )
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def validate_birth_year(
    value: int | str | None, today: dt.date | None = None, field: str = F_BIRTH_YEAR
) -> int | None:
    """Plausible birth years: 14 to 110 years old (panels admit teenagers with a guardian)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        year = int(str(value).strip().removesuffix("년"))
    except ValueError:
        raise ValidationError(field, f"{quoted(value, '은')} 연도가 아닙니다. 예: 1985") from None
    current = (today or today_local()).year
    if not current - 110 <= year <= current - 14:
        raise ValidationError(
            field, f"{year}년은 가능한 출생연도가 아닙니다({current - 110}–{current - 14})."
        )
    return year


CONSENT_EARLIEST = dt.date(2000, 1, 1)


def check_consent_date(day: dt.date, field: str = "동의일", today: dt.date | None = None) -> dt.date:
    """A consent is signed between 2000 and today (Korea's today): 1900-01-01 is a typo or a
    spreadsheet's empty date, and a future date cannot have been signed yet."""
    if day < CONSENT_EARLIEST:
        raise ValidationError(
            field,
            f"{josa(f'{day:%Y-%m-%d}', '은')} 동의일로 쓸 수 없습니다. 2000년 이후의 날짜를 적어 주세요.",
        )
    if day > (today or today_local()):
        raise ValidationError(field, "오늘 이후 날짜일 수 없습니다.")
    return day


def normalize_text(raw: str | None, field: str, max_len: int = 200, required: bool = False) -> str | None:
    """Trimmed NFC text (tab and newline kept: many of these fields hold several lines), None
    when empty; invisible and control characters are refused (domain/text_input.py)."""
    text = clean_input(raw or "", field, multiline=True).strip()
    if not text:
        if required:
            raise ValidationError(field, f"{josa(field, '을')} 입력해 주세요.")
        return None
    if len(text) > max_len:
        raise ValidationError(field, f"{max_len}자 이내로 입력해 주세요(현재 {len(text)}자).")
    return text
