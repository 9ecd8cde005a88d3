"""발견사항 and 개선제안 paint the newest rows from a LIMIT query while the full id list is still
being sorted, and say so (`first_shown`, which benchmarks time apart from `loaded`)."""

import threading

from test_findings_gui import C, FindingInput, FindingsPage, S, create_finding, settled, setup  # noqa: F401

from panelapp.services.findings import listing


def test_the_first_screen_comes_before_the_full_list(qtbot, setup, monkeypatch):  # noqa: F811
    window, w, insp, _tmp = setup
    for n in range(5):
        create_finding(window.ctx, FindingInput(insp.id, f"발견 {n}", C.SAFETY, S.LOW, "1층"))
    release = threading.Event()
    real = listing.finding_ids

    def slow_full_list(ctx, query, sort_key="date", descending=True, limit=None):
        if limit is None:
            release.wait(5)  # the full sort of a million ids, held until the first screen is seen
        return real(ctx, query, sort_key, descending, limit)

    monkeypatch.setattr(listing, "finding_ids", slow_full_list)
    page = FindingsPage(window)
    events = []
    page.first_shown.connect(lambda: events.append(("first", page.register.row_count())))
    page.loaded.connect(lambda: events.append(("loaded", page.register.row_count())))
    window.setCentralWidget(page)
    window.show()
    qtbot.waitUntil(lambda: bool(events), timeout=5000)
    assert events == [("first", 5)] and page.count_label.text() == "불러오는 중…"
    release.set()
    qtbot.waitUntil(lambda: settled(page) and len(events) == 2, timeout=5000)
    assert events[1] == ("loaded", 5) and page.count_label.text() == "5건"
