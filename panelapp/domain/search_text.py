"""Search text rules, pure Python: normalising, bigrams, query words and snippets.

Text is NFC-normalised (text_input.nfc, the rule of every text input) and lower-cased, and whitespace is removed before it is cut into
overlapping 2-character grams; the last character of each field is kept as a gram of its own,
so every character starts at least one gram (a 1-character query looks up that prefix).
"""

from __future__ import annotations

from collections.abc import Iterable

from panelapp.domain.text_input import nfc

SHIFT = 21  # code points are below 2**21


def normalize(text: str | None) -> str:
    if not text:
        return ""
    return "".join(nfc(text).lower().split())


def gram_code(pair: str) -> int:
    """'미끄' → ord('미') << 21 | ord('끄'); a single character has 0 as its second half."""
    return (ord(pair[0]) << SHIFT) | (ord(pair[1]) if len(pair) > 1 else 0)


def prefix_range(char: str) -> tuple[int, int]:
    """[low, high) of the codes of every gram that starts with `char`."""
    return ord(char) << SHIFT, (ord(char) + 1) << SHIFT


def grams(fields: Iterable[str | None]) -> set[int]:
    """The gram codes of a document: each field on its own, so no gram spans two fields."""
    out: set[int] = set()
    for field in fields:
        text = normalize(field)
        if not text:
            continue
        out.update(gram_code(text[i : i + 2]) for i in range(len(text) - 1))
        out.add(gram_code(text[-1]))
    return out


def query_words(text: str) -> list[str]:
    """The words of a query, lower-cased, duplicates and words inside longer ones dropped."""
    words = [w.lower() for w in nfc(text).split()]
    kept: list[str] = []
    for w in sorted(set(words), key=len, reverse=True):
        if not any(w in k for k in kept):
            kept.append(w)
    return kept


def word_grams(word: str) -> list[int]:
    """Bigram codes of a word of two or more characters."""
    return sorted({gram_code(word[i : i + 2]) for i in range(len(word) - 1)})


def snippet(text: str | None, words: list[str], width: int = 60) -> str:
    """A one-line excerpt of `text` around the first query word found, with … where cut."""
    if not text:
        return ""
    flat = " ".join(text.split())
    low = flat.lower()
    hits = [low.find(w) for w in words if w and low.find(w) >= 0]
    at = min(hits) if hits else 0
    start = max(0, min(at - width // 3, len(flat) - width))
    piece = flat[start : start + width]
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(flat) else "")
