"""결과 미입력 on screen: a past visit still 예정 carries the mark in the month and week views and
says so in the list, the list filters them, and the dashboard's count opens that list."""

from __future__ import annotations

import pytest
from conftest import make_ctx
from dashboard_world import TODAY, add_inspection, build_dashboard_world
from gui_window import Window
from schedule_world import D, build_world

from panelapp.domain.enums import InspectionStatus
from panelapp.domain.inspection_info import AWAITING_FILTER
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.pages.schedule import SchedulePage
from panelapp.gui.schedule import blocks, list_view
from panelapp.services.context import transaction
from panelapp.services.inspections import queries
from panelapp.services.inspections.scheduling import create_inspection
from panelapp.services.reporting import dashboard as dashboard_service


@pytest.fixture
def today(monkeypatch):
    for module in (queries, list_view, dashboard_service):
        monkeypatch.setattr(module, "today_local", lambda: TODAY)
    return TODAY


@pytest.fixture
def schedule(qtbot, tmp_path, today):
    ctx = make_ctx("sqlite", tmp_path)
    world = build_world(ctx)
    world.past = create_inspection(ctx, world.draft(day=D(2026, 6, 2)), confirmed=True)
    world.next = create_inspection(ctx, world.draft(day=D(2026, 6, 12)), confirmed=True)
    window = Window(ctx, world.cohort_id)
    qtbot.addWidget(window)
    page = SchedulePage(window)
    page.anchor = D(2026, 6, 1)
    window.setCentralWidget(page)
    window.resize(1200, 760)
    window.show()
    qtbot.waitUntil(lambda: page.choices is not None and not page.is_loading, timeout=5000)
    yield page, world
    wait_for_all()
    ctx.db.dispose()


def test_the_month_and_week_views_mark_it(schedule, qtbot):
    page, world = schedule
    qtbot.waitUntil(lambda: len(page.month.inspections) == 2, timeout=5000)
    by_id = {i.id: i for i in page.month.inspections}
    past, later = by_id[world.past.id], by_id[world.next.id]
    assert blocks.block_text(past).startswith("▲ ") and not blocks.block_text(later).startswith("▲")
    assert "결과 미입력" in blocks.tooltip(past) and "결과 미입력" not in blocks.tooltip(later)
    assert any("결과 미입력" in chip.text() for chip in blocks.legend())


def test_the_list_says_it_and_filters_them(schedule, qtbot):
    page, world = schedule
    page.apply_filter(AWAITING_FILTER)
    qtbot.waitUntil(lambda: page.list.ids() == [world.past.id], timeout=5000)
    assert page.list.status_combo.currentText() == "예정 중 결과 미입력"
    status = list_view.HEADERS.index("상태")
    assert page.list.cell(0, status) == "결과 미입력"
    page.apply_filter(InspectionStatus.PLANNED)  # 예정 lists both, each as it stands
    qtbot.waitUntil(lambda: len(page.list.ids()) == 2, timeout=5000)
    assert sorted(page.list.cell(r, status) for r in range(2)) == ["결과 미입력", "예정"]


@pytest.fixture
def window(qtbot, tmp_path, today):
    from panelapp.gui.mainwindow import MainWindow
    from panelapp.services.system.bootstrap import open_app
    from panelapp.settings import Settings

    settings = Settings(tmp_path / "settings.json")
    ctx = open_app(str(tmp_path / "app.db"), settings)
    world, _ids = build_dashboard_world(ctx)
    with transaction(ctx) as s:
        world.late = [
            add_inspection(s, world, D(2026, 6, day), InspectionStatus.PLANNED).id for day in (3, 8)
        ]
    ctx.db.dispose()
    w = MainWindow(str(tmp_path / "app.db"), settings=settings)
    qtbot.addWidget(w)
    w.resize(1280, 900)
    w.show()
    with qtbot.waitSignal(w.database_opened, timeout=15000):
        w.open_database()
    w.world = world
    qtbot.waitUntil(lambda: w.pages["dashboard"].data is not None, timeout=10000)
    yield w
    w.close()
    wait_for_all()


def test_the_dashboard_counts_them_and_opens_the_list(window, qtbot):
    page = window.pages["dashboard"]
    assert page.data.awaiting_results == 2
    tile = page.tiles["inspections"]
    assert "결과 미입력 2" in tile.detail.text() and 'href="awaiting"' in tile.detail.text()
    assert "예정 2 ·" in tile.detail.text()  # the 4 예정 less the 2 whose day has passed
    tile.detail.linkActivated.emit("awaiting")  # as a click on the link does
    schedule = window.pages["schedule"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is schedule, timeout=5000)
    qtbot.waitUntil(lambda: sorted(schedule.list.ids()) == sorted(window.world.late), timeout=10000)
