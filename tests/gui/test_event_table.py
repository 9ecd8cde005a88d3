"""Which event the 활동·출석 page opens on."""

import datetime as dt
from types import SimpleNamespace as NS

from panelapp.gui.event_table import default_event


def ev(i, day, read_only=False):
    return NS(id=i, event_date=dt.date(2026, 10, day), read_only=read_only)


def test_opens_on_the_latest_held_event_taken_here_not_an_inspection():
    sheet = NS(
        today=dt.date(2026, 10, 20), events=[ev(1, 1), ev(2, 10), ev(3, 15, read_only=True), ev(4, 25)]
    )
    assert default_event(sheet) == 2


def test_falls_back_to_the_latest_held_then_the_first():
    assert default_event(NS(today=dt.date(2026, 10, 20), events=[ev(1, 5, True), ev(2, 9, True)])) == 2
    assert default_event(NS(today=dt.date(2026, 9, 1), events=[ev(1, 5), ev(2, 9)])) == 1
    assert default_event(None) is None
