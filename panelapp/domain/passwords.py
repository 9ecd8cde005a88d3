"""The password rule and the lockout rule of accounts (개인정보의 안전성 확보조치 기준 §5).

At least 8 characters of two kinds, or 10 of one kind. The kinds are those of the KISA guide
(영문 대문자, 영문 소문자, 숫자, 특수문자); a letter of another script (한글...) counts as a kind of
its own. A password is compared in NFC, so the same Hangul typed on macOS (NFD) and on Windows
is the same password.
"""

from __future__ import annotations

import unicodedata

from panelapp.domain.errors import ValidationError

F_PASSWORD = "비밀번호"
MIN_MIXED = 8  # two kinds or more
MIN_SINGLE = 10  # one kind only
MAX_LENGTH = 128
LOCK_AFTER_FAILURES = 5
LOCK_MINUTES = 30

RULE_SENTENCE = (
    "영문 대문자·소문자·숫자·특수문자 중 두 종류 이상을 섞어 8자 이상, "
    "한 종류만 쓰면 10자 이상으로 정해 주세요."
)


def normalize_password(password: str) -> str:
    return unicodedata.normalize("NFC", password or "")


def _kind(ch: str) -> str:
    if ch.isascii():
        if ch.isupper():
            return "upper"
        if ch.islower():
            return "lower"
        if ch.isdigit():
            return "digit"
        return "special"
    if ch.isdigit():
        return "digit"
    if ch.isalpha():
        return "letter"
    return "special"


def password_kinds(password: str) -> int:
    return len({_kind(ch) for ch in normalize_password(password)})


def check_password(password: str, account_name: str = "") -> str:
    """The password as it will be hashed (NFC), or ValidationError with one Korean sentence."""
    clean = normalize_password(password)
    if not clean.strip():
        raise ValidationError(F_PASSWORD, "비밀번호를 입력해 주세요.")
    if any(unicodedata.category(ch) == "Cc" for ch in clean):
        raise ValidationError(F_PASSWORD, "줄바꿈이나 제어 문자는 쓸 수 없습니다.")
    if len(clean) > MAX_LENGTH:
        raise ValidationError(F_PASSWORD, f"{MAX_LENGTH}자를 넘을 수 없습니다.")
    kinds = password_kinds(clean)
    if not ((kinds >= 2 and len(clean) >= MIN_MIXED) or len(clean) >= MIN_SINGLE):
        raise ValidationError(F_PASSWORD, f"{len(clean)}자에 {kinds}종류뿐이라 쓸 수 없으니, {RULE_SENTENCE}")
    if account_name and unicodedata.normalize("NFC", account_name).strip() in clean:
        raise ValidationError(F_PASSWORD, "계정 이름이 들어간 비밀번호는 쓸 수 없습니다.")
    return clean
