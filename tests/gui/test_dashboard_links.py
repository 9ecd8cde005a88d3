"""Where dashboard figures and search hits lead, with pages present or still missing."""

from panelapp.domain.enums import ProposalStatus
from panelapp.gui import dashboard_links as links
from panelapp.gui import search_links
from panelapp.services.search.query import SearchHit


class Page:
    def __init__(self):
        self.filters, self.search_edit = [], Box()

    def apply_filter(self, **kw):
        self.filters.append(kw)


class Box:
    text = ""

    def setText(self, text):  # noqa: N802 - Qt API
        self.text = text


class Window:
    current_cohort_id = 7

    def __init__(self, *keys):
        self.pages = {k: Page() for k in keys}
        self.shown = []

    def show_page(self, key):
        self.shown.append(key)


def test_figures_open_their_filtered_lists_when_the_page_exists():
    w = Window("proposals")
    assert links.proposals(w, overdue=True)
    assert w.shown == ["proposals"]
    assert w.pages["proposals"].filters == [
        {"status": None, "department_id": None, "facility_id": None, "overdue": True}
    ]
    assert links.proposals(w, status=ProposalStatus.DECLINED)
    assert w.pages["proposals"].filters[-1]["status"] == ProposalStatus.DECLINED
    assert not links.findings(w) and w.shown == [
        "proposals",
        "proposals",
    ]  # no findings page: nothing happens


def test_search_hits_open_their_page_and_narrow_it():
    w = Window("proposals", "feedback")
    hit = SearchHit("proposal", 3, "주차장 경사로 보수", "…경사로 미끄럼…", 7)
    assert search_links.open_hit(w, hit)
    page = w.pages["proposals"]
    assert w.shown == ["proposals"] and page.filters == [{}] and page.search_edit.text == "주차장 경사로 보수"
    note = SearchHit("feedback", 4, "아쉬워요 · 2026-05-03", "샤워실 온수가 미지근해요", 7)
    assert (
        search_links.open_hit(w, note) and w.pages["feedback"].search_edit.text == "샤워실 온수가 미지근해요"
    )
    assert not search_links.open_hit(w, SearchHit("member", 1, "김민준", "", 7))


def test_chart_axis_tops_are_round_numbers():
    from panelapp.gui.charts import nice_max

    assert [nice_max(v) for v in (0, 1, 3, 8, 12, 20, 21, 480)] == [1, 1, 5, 10, 20, 20, 50, 500]


def test_chart_figures_shorten_to_man_when_large():
    from panelapp.gui.charts import compact

    assert [compact(v) for v in (0, 7, 9_999, 10_000, 142_278, 400_000, 1_000_000)] == [
        "0",
        "7",
        "9,999",
        "1만",
        "14.2만",
        "40만",
        "100만",
    ]


def test_a_chart_of_large_figures_keeps_its_axis_labels_whole(qtbot):
    """The axis leaves room for its widest label (400,000 was drawn as "00000" in 40 px)."""
    from PySide6.QtGui import QPainter, QPixmap

    from panelapp.gui.charts import Bar, BarChart

    chart = BarChart("발견사항 유형별")
    qtbot.addWidget(chart)
    chart.resize(360, 200)
    chart.set_bars([Bar(k, f"유형{k}", 140_000 + k, "chart.category") for k in range(7)])
    drawn = []
    original = QPainter.drawText

    def spy(self, *args):
        drawn.append(args)
        return original(self, *args)

    QPainter.drawText = spy
    try:
        chart.render(QPixmap(chart.size()))
    finally:
        QPainter.drawText = original
    texts = [a[-1] for a in drawn if isinstance(a[-1], str)]
    assert "20만" in texts and "14만" in texts  # an axis tick, and bar figures shortened to fit
    left_rects = [a[0] for a in drawn if isinstance(a[-1], str) and a[-1].endswith("만") and a[0].left() == 0]
    assert left_rects and all(r.width() >= chart.fontMetrics().horizontalAdvance("20만") for r in left_rects)


def test_a_figure_tile_is_reached_by_tab_and_opened_by_enter(qtbot):
    """The dashboard's figures open their lists from the keyboard too: a clickable tile takes
    Tab focus, Enter or Space opens it, and a screen reader hears caption and figure."""
    from PySide6.QtCore import Qt

    from panelapp.gui.charts import Tile

    tile = Tile("기한 지난 제안")
    qtbot.addWidget(tile)
    tile.set("4건", "처리 기한이 지났는데 답변 전")
    assert tile.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert tile.accessibleName() == "기한 지난 제안 4건"
    opened = []
    tile.clicked.connect(lambda: opened.append(True))
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    qtbot.keyClick(tile, Qt.Key.Key_Space)
    assert opened == [True, True]
    tile.set("–", "", clickable=False)
    assert tile.focusPolicy() == Qt.FocusPolicy.NoFocus  # nothing to open: not a Tab stop
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert opened == [True, True]
