"""The lazy page base (gui/core/page.py) and the id-based table model (gui/models/id_table.py)."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest
from gui_window import Window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QTableView, QWidget

from panelapp.gui.core.page import Page
from panelapp.gui.models.id_table import Column, IdTableModel, configure_view
from panelapp.services.changes import Changes, Kind


class CountingPage(Page):
    kinds = frozenset({Kind.FINDING})

    def __init__(self, window, gate=None):
        super().__init__(window)
        self.loads, self.applied, self.gate = 0, [], gate

    def load(self):
        self.loads += 1
        n, gate = self.loads, self.gate

        def work():
            if gate is not None and n == 1:
                gate.wait(5)  # the first load is slow: a newer one overtakes it
            return n

        return work

    def apply(self, result):
        self.applied.append(result)


@pytest.fixture
def shell(qtbot):
    window = Window(SimpleNamespace(), 1)
    stack = QStackedWidget()
    window.setCentralWidget(stack)
    qtbot.addWidget(window)
    other = QWidget()
    stack.addWidget(other)
    return window, stack


def _add(window, stack, page):
    stack.addWidget(page)
    return page


def test_hidden_page_never_loads_and_loads_once_when_shown(qtbot, shell):
    window, stack = shell
    page = _add(window, stack, CountingPage(window))
    window.show()
    window.bus.announce(Changes(frozenset({Kind.FINDING})))
    window.cohort_changed.emit(2)
    qtbot.wait(50)
    assert page.loads == 0 and page.is_stale
    with qtbot.waitSignal(page.loaded, timeout=3000):
        stack.setCurrentWidget(page)
    assert page.applied == [1] and not page.is_stale


def test_visible_page_coalesces_a_burst_and_ignores_other_kinds(qtbot, shell):
    window, stack = shell
    page = _add(window, stack, CountingPage(window))
    window.show()
    with qtbot.waitSignal(page.loaded, timeout=3000):
        stack.setCurrentWidget(page)
    window.bus.announce(Changes(frozenset({Kind.PROPOSAL})))
    qtbot.wait(50)
    assert page.loads == 1
    with qtbot.waitSignal(page.loaded, timeout=3000):
        for _ in range(5):
            window.bus.announce(Changes(frozenset({Kind.FINDING})))
    qtbot.wait(50)
    assert page.loads == 2 and page.applied == [1, 2]


def test_a_superseded_load_is_dropped(qtbot, shell):
    window, stack = shell
    gate = threading.Event()
    page = _add(window, stack, CountingPage(window, gate))
    window.show()
    stack.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loads == 1, timeout=3000)
    with qtbot.waitSignal(page.loaded, timeout=3000):
        page.refresh()  # the second load finishes first
    assert page.applied == [2]
    gate.set()
    qtbot.wait(200)
    assert page.applied == [2]  # the first load's late answer never reached the widgets


class Row(SimpleNamespace):
    pass


def test_id_model_fetches_visible_blocks_by_id_and_sorts_through_sql(qtbot):
    fetched = []

    def fetch(ids):
        fetched.append(list(ids))
        return [Row(id=i, title=f"항목 {i}", done=i % 2 == 0) for i in ids]

    columns = [
        Column("제목", "title", lambda r: r.title, stretch=True),
        Column("처리", "done", check=lambda r: r.done),
    ]
    model = IdTableModel(columns, fetch)
    view = QTableView()
    qtbot.addWidget(view)
    configure_view(view, model)
    sorts, toggles = [], []
    model.sortRequested.connect(lambda key, desc: sorts.append((key, desc)))
    model.checkToggled.connect(lambda rid, key, on: toggles.append((rid, key, on)))
    model.set_ids(list(range(1_000_000, 0, -1)))
    assert model.rowCount() == 1_000_000 and fetched == []
    assert model.index(0, 0).data() == "항목 1000000"
    assert model.index(250, 0).data() == "항목 999750"
    assert [len(f) for f in fetched] == [100, 100]  # two blocks, not a million rows
    assert model.row_of(1) == 999_999
    assert model.index(1, 1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.flags(model.index(1, 1)) & Qt.ItemFlag.ItemIsUserCheckable
    model.setData(model.index(1, 1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert toggles == [(999_999, "done", True)]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert sorts[-1] == ("title", True)
    model.invalidate([1_000_000])
    model.index(0, 0).data()
    assert len(fetched) == 3  # only the block holding that id was fetched again
