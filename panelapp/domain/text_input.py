"""Text as it enters the program (imports, forms, search): NFC, and nothing invisible.

Hangul typed on macOS arrives decomposed (NFD: ᄒ+ᅡ+ᆫ for 한); stored as typed, such a name
is never found by a search typed on Windows and slips past every look-alike check. So every
text input is composed (NFC) at the boundary, by `nfc` here, before it is checked or compared.

Characters nobody can see are refused rather than stored: NUL and the other C0/C1 control
characters (a name with one made the roster's .xlsx export fail from then on), the bidi
overrides and isolates that make "홍길동" display as something else (U+202A–202E,
U+2066–2069), and the zero-width characters that make two equal-looking names differ
(U+200B–200D, U+FEFF). Tab and newline are allowed only where a field holds several lines.
"""

from __future__ import annotations

import re
import unicodedata

from panelapp.domain.errors import ValidationError

_BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\ufeff")
_NAMES = {"\x00": "NUL 문자", "\t": "탭", "\n": "줄바꿈", "\r": "줄바꿈"}


def nfc(text: str) -> str:
    """The composed (NFC) form; cheap for text that is already composed (nearly all)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def nfc_or_none(text: str | None) -> str | None:
    return None if text is None else nfc(text)


_INVISIBLE = "\u200b-\u200d\ufeff\u202a-\u202e\u2066-\u2069\x7f-\x9f"
_SINGLE_LINE = re.compile(f"[\\x00-\\x1f{_INVISIBLE}]")
_MULTI_LINE = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f{_INVISIBLE}]")


def forbidden_char(text: str, multiline: bool = False) -> str | None:
    """The first character of `text` that is not allowed in a field, or None."""
    found = (_MULTI_LINE if multiline else _SINGLE_LINE).search(text)
    return None if found is None else found.group()


def describe_char(ch: str) -> str:
    """'줄바꿈(U+000A)', '보이지 않는 방향 제어 문자(U+202E)', '폭 없는 문자(U+200B)'."""
    code = f"U+{ord(ch):04X}"
    if ch in _NAMES:
        kind = _NAMES[ch]
    elif ch in _BIDI:
        kind = "보이지 않는 방향 제어 문자"
    elif ch in _ZERO_WIDTH:
        kind = "폭 없는 문자"
    else:
        kind = "제어 문자"
    return f"{kind}({code})"


def invisible_message(ch: str) -> str:
    """The sentence for a field holding `ch` (the field is named by whoever shows it)."""
    return (
        f"눈에 보이지 않는 글자가 들어 있습니다: {describe_char(ch)}. "
        "그 칸을 지우고 글자를 다시 입력해 주세요."
    )


def clean_input(text: str, field: str, multiline: bool = False) -> str:
    """`text` in NFC, or a ValidationError naming `field` when it holds a forbidden character."""
    text = nfc(text)
    bad = forbidden_char(text, multiline)
    if bad is not None:
        raise ValidationError(field, invisible_message(bad))
    return text
