"""Opening a search hit: the cohort it belongs to, its page, and the record on that page.

Best effort per page: a page with `show_record(id)` is asked for the record itself; otherwise
its search box gets the record's title, so the list narrows to it. Pages arrive one by one:
a hit whose page the window does not have yet is reported as not openable.
"""

from __future__ import annotations

PAGE_OF = {
    "member": "roster",
    "facility": "facilities",
    "finding": "findings",
    "proposal": "proposals",
    "feedback": "feedback",
}
SEARCH_BOXES = ("search_edit", "search")


def can_open(window, hit) -> bool:
    return PAGE_OF[hit.kind] in getattr(window, "pages", {})


def _choose_cohort(window, cohort_id: int | None) -> None:
    combo = getattr(window, "cohort_combo", None)
    if cohort_id is None or combo is None or window.current_cohort_id == cohort_id:
        return
    index = combo.findData(cohort_id)
    if index >= 0:
        combo.setCurrentIndex(index)


def open_hit(window, hit) -> bool:
    if not can_open(window, hit):
        return False
    key = PAGE_OF[hit.kind]
    _choose_cohort(window, hit.cohort_id)
    window.show_page(key)
    page = window.pages[key]
    if hasattr(page, "show_record"):
        page.show_record(hit.id)
        return True
    if hasattr(page, "apply_filter") and hit.kind in ("finding", "proposal"):
        page.apply_filter()  # clear the filters that could hide the record
    box = next((getattr(page, name) for name in SEARCH_BOXES if hasattr(page, name)), None)
    if box is not None:
        box.setText(_search_text(hit))
    return True


def _search_text(hit) -> str:
    if hit.kind == "feedback":  # the title is "아쉬워요 · date": the text itself finds the note
        return hit.snippet.strip("…")[:20]
    return hit.title
