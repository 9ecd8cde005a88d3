"""A busy calendar day: the month and week views read the first visits of each day only, say
"+N건 더" for the rest from the day's total, and a click on it lists every visit of that day."""

from PySide6.QtCore import Qt
from test_calendar_visits import add_visits
from test_schedule_page import D, settle, setup, shown  # noqa: F401 - the page fixture

from panelapp.gui.pages.schedule import CALENDAR_PER_DAY, LIST


def test_more_counts_the_unread_visits_and_opens_the_day_in_the_list(qtbot, setup):  # noqa: F811
    page, world = setup
    add_visits(page.ctx, world, D(2026, 5, 20), 40)
    shown(qtbot, page)
    day = D(2026, 5, 20)
    assert page._day_totals[day] == 40
    assert sum(1 for i in page.inspections if i.scheduled_date == day) == CALENDAR_PER_DAY
    page.month._layout()
    count, rect = page.month._more[day]
    blocks = sum(1 for _r, info in page.month._layout() if info.scheduled_date == day)
    assert count == 40 - blocks  # counted from the day's total, not from the rows read
    qtbot.mouseClick(page.month, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.stack.currentIndex() == LIST
    settle(qtbot, page)
    assert len(page.list.ids()) == 40
    assert page.list.from_edit.date().toPython() == day and page.list.to_edit.date().toPython() == day


def test_the_week_view_says_how_many_more(qtbot, setup):  # noqa: F811
    page, world = setup
    add_visits(page.ctx, world, D(2026, 5, 20), 20)
    shown(qtbot, page)
    page.go_to(D(2026, 5, 20))
    page.show_view(1)
    more = page.week._more()
    assert more[D(2026, 5, 20)][0] == 20 - CALENDAR_PER_DAY
    qtbot.mouseClick(page.week, Qt.MouseButton.LeftButton, pos=more[D(2026, 5, 20)][1].center().toPoint())
    assert page.stack.currentIndex() == LIST
