"""Korean particles (조사) chosen by the word they follow: '회의실'을, '강당'이, '제7기'는.

A sentence that names a user's word cannot know in advance whether the word ends in a final
consonant (받침), so it used to print both forms ("이름을(를)"). `particle(word, "을")` gives
"을" or "를" as the word is read: a Hangul syllable by its final consonant, a digit as it is
read in Korean (1 일, 2 이, 3 삼, 6 육, 7 칠, 8 팔, 0 영/십/백/천), a Latin letter by its
Korean letter name (L 엘, M 엠, N 엔, R 알 end in a consonant). (으)로 takes 로 after a vowel
and after ㄹ. Quotes, brackets and spaces at the end are skipped; a word that ends in nothing
readable keeps both forms.
"""

from __future__ import annotations

# the form after a final consonant, the form after a vowel
PAIRS: dict[str, tuple[str, str]] = {
    "을": ("을", "를"),
    "를": ("을", "를"),
    "이": ("이", "가"),
    "가": ("이", "가"),
    "은": ("은", "는"),
    "는": ("은", "는"),
    "과": ("과", "와"),
    "와": ("과", "와"),
    "으로": ("으로", "로"),
    "로": ("으로", "로"),
    "이나": ("이나", "나"),
    "나": ("이나", "나"),
}

_RIEUL = 8  # index of ㄹ among the final consonants
_DIGIT_FINAL = {
    "0": 21,
    "1": _RIEUL,
    "2": 0,
    "3": 16,
    "4": 0,
    "5": 0,
    "6": 1,
    "7": _RIEUL,
    "8": _RIEUL,
    "9": 0,
}
_LETTER_FINAL = {"l": _RIEUL, "r": _RIEUL, "m": 16, "n": 4}
_SKIPPED = " \t\n'\"‘’“”「」『』()[]{}<>.,·…!?*"


def final_consonant(word: str) -> int | None:
    """The final consonant of the last readable character: 0 for none, 8 for ㄹ, None if unknown."""
    text = str(word).rstrip(_SKIPPED)
    if not text:
        return None
    last = text[-1]
    code = ord(last) - 0xAC00
    if 0 <= code < 11172:
        return code % 28
    if last in _DIGIT_FINAL:
        return _DIGIT_FINAL[last]
    if last.isascii() and last.isalpha():
        return _LETTER_FINAL.get(last.lower(), 0)
    return None


def particle(word: str, which: str) -> str:
    """The form of the particle `which` (either form: 을 or 를, 이 or 가, 으로 or 로 …) after `word`."""
    after_consonant, after_vowel = PAIRS[which]
    final = final_consonant(word)
    if final is None:
        return f"{after_consonant}({after_vowel})"
    if after_consonant == "으로":
        return after_vowel if final in (0, _RIEUL) else after_consonant
    return after_consonant if final else after_vowel


def josa(word: object, which: str) -> str:
    """`word` followed by the right form of `which`: josa("회의실", "를") == "회의실을"."""
    return f"{word}{particle(str(word), which)}"


def quoted(word: object, which: str) -> str:
    """`word` in single quotes followed by the right particle: quoted("강당", "이") == "'강당'이"."""
    return f"'{word}'{particle(str(word), which)}"
