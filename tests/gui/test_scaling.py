"""Any scale (issue 16 item 6): the application font follows the system's size, and the painted
charts and calendars take their row heights, label boxes and hit areas from the font instead of
fixed pixels. Screens at 125/150/200 % (QT_SCALE_FACTOR) scale these device-independent sizes
as a whole; a larger font must grow them by itself."""

from __future__ import annotations

import unittest.mock

import pytest
from PySide6.QtGui import QFont, QImage, QPainter

from panelapp.gui.charts import Bar, BarChart, StackedBar
from panelapp.gui.schedule.month_view import MonthView
from panelapp.gui.schedule.week_view import WeekView


@pytest.fixture
def app_font(qapp):
    before = QFont(qapp.font())
    yield qapp
    qapp.setFont(before)


def test_the_application_font_follows_a_larger_system_font(app_font):
    from panelapp.gui.fonts import FAMILY, install_fonts

    system = QFont(app_font.font())
    system.setPointSizeF(15)
    app_font.setFont(system)  # as the desktop's font setting would give it
    install_fonts(app_font)
    assert app_font.font().pointSizeF() == 15
    assert app_font.font().family() == FAMILY
    small = QFont(app_font.font())
    small.setPointSizeF(8)
    app_font.setFont(small)
    install_fonts(app_font)
    assert app_font.font().pointSizeF() == 10  # never below the size the screens are laid out for


def _sized(widget, points: float):
    font = QFont(widget.font())
    font.setPointSizeF(points)
    widget.setFont(font)
    return widget


def test_calendar_rows_grow_with_the_font(qtbot):
    small, large = _sized(MonthView(), 10), _sized(MonthView(), 20)
    for w in (small, large):
        qtbot.addWidget(w)
    assert large.header_h > small.header_h
    assert large.block_h > small.block_h and large.day_line_h > small.day_line_h
    # every line of text fits its box: the font's line height plus room
    assert large.block_h >= large.fontMetrics().height() + 4
    week_small, week_large = _sized(WeekView(), 10), _sized(WeekView(), 20)
    for w in (week_small, week_large):
        qtbot.addWidget(w)
    assert week_large.axis_w > week_small.axis_w
    assert week_large.axis_w >= week_large.fontMetrics().horizontalAdvance("00:00") + 6
    assert week_large.header_h >= 2 * week_large.fontMetrics().height()


def _paint(widget, size=(700, 400)) -> None:
    widget.resize(*size)
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    widget.render(image)


def test_chart_hit_areas_and_minimum_sizes_grow_with_the_font(qtbot):
    bars = [
        Bar(k, label, n, "chart.proposal.accepted")
        for k, label, n in (("a", "채택", 4), ("b", "부분채택", 12))
    ]
    small, large = _sized(StackedBar("개선제안"), 10), _sized(StackedBar("개선제안"), 20)
    for chart in (small, large):
        qtbot.addWidget(chart)
        chart.set_bars(bars)
        _paint(chart)
    legend = [rect for rect, _key, _tip in small.areas][-1], [rect for rect, _key, _tip in large.areas][-1]
    assert legend[1].height() > legend[0].height()
    assert legend[1].height() >= large.fontMetrics().height()
    # a legend cell is as wide as its text: "부분채택 12" is never cut at 20 pt
    assert legend[1].width() >= large.fontMetrics().horizontalAdvance("부분채택 12")
    assert large.minimumSizeHint().height() > small.minimumSizeHint().height()

    bar_small, bar_large = _sized(BarChart("심각도"), 10), _sized(BarChart("심각도"), 20)
    for chart in (bar_small, bar_large):
        qtbot.addWidget(chart)
        chart.set_bars(bars)
        _paint(chart)
    assert bar_large.minimumSizeHint().width() > bar_small.minimumSizeHint().width()
    # the clickable area reaches above the bar to its figure, whose box is a text line high
    top_small = min(r.top() for r, _k, _t in bar_small.areas)
    top_large = min(r.top() for r, _k, _t in bar_large.areas)
    assert top_large > top_small  # the title line above the plot is taller at 20 pt


@pytest.mark.parametrize("points", [10, 14])
@pytest.mark.parametrize("width", [300, 420, 580, 760])
def test_the_status_legend_is_never_cut_off(qtbot, points, width):
    """The seven statuses flow into as many rows as the width needs and the chart asks for their
    height: at 1366×768 the chart gets 420–600 px, narrower with a larger system font
    (issue 10 item 7: the legend's last row was cut off)."""
    from panelapp.domain.enums import ProposalStatus

    chart = _sized(StackedBar("개선제안 진행 상태"), points)
    qtbot.addWidget(chart)
    chart.set_bars([Bar(s, s.label, 1234, "chart.proposal.done") for s in ProposalStatus])
    chart.show()
    chart.resize(width, 50)  # the layout would give it less than it asks for: it keeps its minimum
    qtbot.waitUntil(lambda: chart.width() == width and chart.height() >= chart.minimumHeight())
    _paint(chart, (width, chart.minimumHeight()))
    legend = [rect for rect, _key, _tip in chart.areas][-len(ProposalStatus) :]
    assert len(legend) == len(ProposalStatus)
    for cell in legend:
        assert cell.bottom() <= chart.minimumHeight() and cell.right() <= width, (cell, width)
    assert chart.heightForWidth(width) == chart.minimumHeight()
    for a, b in zip(legend, legend[1:]):
        assert not a.intersects(b)


def test_bar_labels_wider_than_their_slot_are_shortened(qtbot):
    chart = _sized(BarChart("발견사항 유형별"), 14)
    qtbot.addWidget(chart)
    chart.set_bars([Bar(n, f"아주긴유형이름{n}", 3, "chart.category") for n in range(7)])
    drawn = []
    real = QPainter.drawText

    def record(painter, *args):
        drawn.append(args[-1])
        return real(painter, *args)

    with unittest.mock.patch.object(QPainter, "drawText", record):
        _paint(chart, (320, 260))
    texts = [t for t in drawn if isinstance(t, str)]
    assert sum(t.endswith("…") for t in texts) == 7  # each label shortened to its slot
    assert not any(t.startswith("아주긴유형이름") for t in texts)  # none overflows into its neighbours
