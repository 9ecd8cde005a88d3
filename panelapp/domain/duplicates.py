"""When two proposals are probably about the same thing (issue 14 item 6), as pure rules.

Titles are compared by their syllable pairs (bigrams, spaces and punctuation dropped, NFKC: full-width letters read as half-width), the
way the short-term Korean search does: "탈의실 바닥 미끄럼" and "탈의실 바닥이 미끄러움" share most
pairs, "탈의실 조명" and "주차장 조명" few. Jaccard over the pairs, 0 to 1.
"""

from __future__ import annotations

import unicodedata

SAME_PLACE = 0.4  # at the same facility, titles this alike are probably one problem
ANYWHERE = 0.6  # without a facility to go by, they must be more alike


def _pairs(text: str) -> set[str]:
    kept = "".join(ch for ch in unicodedata.normalize("NFKC", text or "").lower() if ch.isalnum())
    if len(kept) < 2:
        return {kept} if kept else set()
    return {kept[i : i + 2] for i in range(len(kept) - 1)}


def title_similarity(a: str, b: str) -> float:
    left, right = _pairs(a), _pairs(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def alike(a: str, b: str, same_facility: bool) -> bool:
    return title_similarity(a, b) >= (SAME_PLACE if same_facility else ANYWHERE)


# 중복으로 표시 (issue 14 item 6): the history entries it writes, by proposal_events.kind
MARKED = "duplicate"  # this proposal was marked as a duplicate of another
MERGED = "duplicate_in"  # a duplicate's links came to this proposal, its original
UNMARKED = "duplicate_off"  # this proposal is no longer marked as a duplicate
SPLIT = "duplicate_out"  # a duplicate of this proposal was unmarked and took its links back
EVENT_LABELS = {
    MARKED: "중복으로 표시",
    MERGED: "중복 제안 합침",
    UNMARKED: "중복 표시 해제",
    SPLIT: "중복 제안 분리",
}
