"""The 활동·출석 event table: an id-based list whose count column says what each event is at."""

import datetime as dt

from PySide6.QtCore import Qt

from panelapp.domain.enums import EventKind
from panelapp.gui.event_table import EventTable, summary_text
from panelapp.services.activities.event_rules import EventInfo
from panelapp.services.activities.sheet import EventRow, EventsSummary

TODAY = dt.date(2026, 10, 20)


def row(i, day, kind=EventKind.TRAINING):
    info = EventInfo(i, 1, kind, f"행사{i}", dt.date(2026, 10, day), None, 2.0, None, None, 0, 1)
    return EventRow(info, 0)  # the counts come apart, from a worker


def test_counts_say_planned_waiting_for_results_or_present_of_eligible(qtbot):
    rows = {
        1: row(1, 1),
        2: row(2, 10, EventKind.INSPECTION),
        3: row(3, 15, EventKind.INSPECTION),
        4: row(4, 25),
    }
    counts = {1: (2, 0), 2: (1, 3), 3: (0, 0), 4: (0, 0)}
    fetched, counted = [], []
    table = EventTable(
        lambda ids: fetched.append(list(ids)) or [rows[i] for i in ids],
        lambda ids: counted.append(list(ids)) or {i: counts[i] for i in ids},
    )
    qtbot.addWidget(table)
    summary = EventsSummary(4, 3, 6.0, {1: 5, 4: 6}, 1)
    table.set_events([1, 2, 3, 4], summary, TODAY)
    assert [table.text(r, 5) for r in range(4)] == ["…", "…", "…", "예정"]  # counting on a worker
    with qtbot.waitSignal(table.model_.late.arrived, timeout=5000):
        pass
    assert [table.text(r, 5) for r in range(4)] == ["2 / 5명", "1 / 3명", "결과 입력 전", "예정"]
    assert counted == [[1, 2, 3, 4]]
    assert table.text(0, 0) == "2026-10-01 (목)" and table.text(1, 1) == EventKind.INSPECTION.label
    assert "점검 일정" in table.model_.index(1, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert table.model_.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) is None
    assert table.model_.index(3, 2).data(Qt.ItemDataRole.ForegroundRole) is not None  # not held yet
    assert fetched == [[1, 2, 3, 4]]  # one block, by id
    table.select_id(3)
    assert table.selected_id() == 3
    table.select_id(99)
    assert table.selected_id() is None


def test_summary_text():
    assert summary_text(None) == "" and summary_text(EventsSummary(0, 0, 0.0, {}, None)) == ""
    assert summary_text(EventsSummary(1200, 800, 1601.5, {}, 1)) == (
        "행사 1,200건 · 실시 800건 · 인정 시간 합계 1,601.5시간"
    )
