"""Search postings for a million generated documents, exactly as the app's indexer would write them.

`panelapp.domain.search_text.grams` cuts each field alone: normalised (NFC, lower case, no
whitespace), overlapping bigrams, plus the field's last character. Generated texts are joins of
a few repeated parts, so the bigrams inside a part are cached and only the bigrams across part
boundaries are computed per document (tests check the result equals `grams` on the joined text).
Postings are collected per (gram, kind) in doc-id order and written in primary-key order, which
is how a B-tree is filled fastest.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

from panelapp.domain.search_text import gram_code, normalize

_EMPTY = (frozenset(), "", "")


class GramCache:
    def __init__(self) -> None:
        self._parts: dict[str, tuple[frozenset[int], str, str]] = {}

    def _part(self, text: str) -> tuple[frozenset[int], str, str]:
        hit = self._parts.get(text)
        if hit is None:
            n = normalize(text)
            hit = (
                (frozenset(gram_code(n[i : i + 2]) for i in range(len(n) - 1)), n[0], n[-1]) if n else _EMPTY
            )
            self._parts[text] = hit
        return hit

    def field(self, parts: Sequence[str] | str | None, out: set[int]) -> None:
        """Add the grams of one field (the concatenation of `parts`) to `out`."""
        if not parts:
            return
        if isinstance(parts, str):
            parts = (parts,)
        last = ""
        for p in parts:
            inner, first, end = self._part(p)
            if not first:
                continue
            out |= inner
            if last:
                out.add(gram_code(last + first))
            last = end
        if last:
            out.add(gram_code(last))

    def doc(self, fields: Iterable[Sequence[str] | str | None]) -> set[int]:
        out: set[int] = set()
        for f in fields:
            self.field(f, out)
        return out


class Postings:
    """gram → kind → doc ids (array of int32, ascending because documents come in id order)."""

    def __init__(self) -> None:
        self.by_gram: dict[int, dict[int, array]] = {}
        self.count = 0

    def add(self, kind: int, doc_id: int, grams: Iterable[int]) -> None:
        by_gram = self.by_gram
        n = 0
        for g in grams:
            kinds = by_gram.get(g)
            if kinds is None:
                kinds = by_gram[g] = {}
            ids = kinds.get(kind)
            if ids is None:
                ids = kinds[kind] = array("i")
            ids.append(doc_id)
            n += 1
        self.count += n

    def groups(self):
        """(gram, kind, ids) in primary-key order of search_grams (gram, doc_kind, doc_id)."""
        for g in sorted(self.by_gram):
            kinds = self.by_gram[g]
            for k in sorted(kinds):
                yield g, k, kinds[k]
