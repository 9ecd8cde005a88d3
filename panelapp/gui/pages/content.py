"""소식 콘텐츠 page: the 소식이음단's posts of the cohort, with totals per member and channel.

The list is id-based (ids sorted and filtered in SQL, rows fetched by id as painted); the totals
are GROUP BY queries over what the list shows."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.formatting import format_hours
from panelapp.domain.josa import quoted
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import for_rights, offered
from panelapp.gui.models.id_table import CENTER, RIGHT, Column, IdTableModel
from panelapp.gui.operations.list_export import (
    BUTTON_TEXT,
    cohort_text,
    export_to_excel,
    filter_conditions,
    sort_condition,
)
from panelapp.gui.operations.trash import UNDO_HINT, move_to_trash
from panelapp.gui.pages.register_table import RegisterView
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Changes, Kind


def _views(n: int | None) -> str:
    return "" if n is None else f"{n:,}"


COLUMNS = [
    Column("게시일", "published", lambda r: f"{r.published_on:%Y-%m-%d}", width=96, align=CENTER),
    Column("제목", "title", lambda r: r.title, width=220, tooltip=lambda r: r.title),
    Column("작성자", "member", lambda r: r.member_name, width=80),
    Column("채널", "channel", lambda r: r.channel.label, width=80, align=CENTER),
    Column("시설", "facility", lambda r: r.facility_name or "", width=130),
    Column("조회수", "views", lambda r: _views(r.views), width=70, align=RIGHT),
    Column("인정 시간", "hours", lambda r: format_hours(r.hours), width=76, align=CENTER),
    Column("링크", "url", lambda r: r.url or "", stretch=True, tooltip=lambda r: r.url),
]
HEADERS = [c.header for c in COLUMNS]
# totals tables: rows are (position, Total) pairs held in memory (at most one per author)
MEMBER_COLUMNS = [
    Column("작성자", None, lambda p: p[1].label, width=90),
    Column("글", None, lambda p: str(p[1].posts), width=40, align=CENTER),
    Column("조회수", None, lambda p: _views(p[1].views), width=64, align=RIGHT),
    Column("시간", None, lambda p: format_hours(p[1].hours), width=60, align=CENTER),
]
CHANNEL_COLUMNS = [Column("채널", None, lambda p: p[1].label, width=90), *MEMBER_COLUMNS[1:3]]
EMPTY_TEXT = "등록된 소식 콘텐츠가 없습니다. [콘텐츠 등록]으로 소식이음단의 후기·홍보 글을 기록하세요."
READ_EMPTY_TEXT = (
    "등록된 소식 콘텐츠가 없습니다. 담당자가 소식이음단의 후기·홍보 글을 기록하면 여기에 나옵니다."
)
NO_MATCH_TEXT = "이 채널의 콘텐츠가 없습니다. 채널 필터를 바꿔 보세요."
NONE_YET = "아직 글이 없습니다."
HOURS_NOTE = "콘텐츠마다 인정 시간(기본 1시간)이 작성자의 활동 시간에 더해집니다."


class TotalsView(RegisterView):
    """A small totals table (a few hundred rows at most) kept in memory, not selectable."""

    def __init__(self, columns: list[Column]) -> None:
        self._rows: list = []
        model = IdTableModel(columns, lambda ids: [(i, self._rows[i]) for i in ids], row_id=lambda p: p[0])
        super().__init__(model, sort=None)
        self.view.setSelectionMode(self.view.SelectionMode.NoSelection)
        self.view.horizontalHeader().setStretchLastSection(True)

    def set_totals(self, totals: list) -> None:
        self._rows = list(totals)
        self.set_ids(list(range(len(self._rows))), NONE_YET)


@dataclass(frozen=True)
class _Loaded:
    ids: list[int]
    totals: object  # ContentTotals
    total: int  # the cohort's posts, whatever the filter
    members: list[tuple[int, str]]
    facilities: list[tuple[int, str]] | None  # None: unchanged since the last load


class ContentPage(Page):
    kinds = frozenset(
        {Kind.CONTENT, Kind.MEMBER, Kind.ENROLLMENT, Kind.TEAM, Kind.FACILITY, Kind.TRASH, Kind.COHORT}
    )

    def __init__(self, window):
        from panelapp.domain.enums import ContentChannel

        super().__init__(window)
        self.members: list = []
        self.facilities: list = []
        self._facilities_stale = True
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("소식 콘텐츠")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        bar = QHBoxLayout()
        self.channel_filter = QComboBox()
        self.channel_filter.setAccessibleName("채널")
        self.channel_filter.addItem("모든 채널", None)
        for c in ContentChannel:
            self.channel_filter.addItem(c.label, c)
        self.channel_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.channel_filter)
        self.search_edit = QLineEdit(placeholderText="제목 검색", clearButtonEnabled=True)
        self.search_edit.setAccessibleName("소식 콘텐츠 검색")
        self.search_edit.setMaximumWidth(220)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        bar.addWidget(self.search_edit)
        note = QLabel(HOURS_NOTE)
        set_tone(note, "hint")
        bar.addWidget(note, 1)
        self.add_button, self.edit_button, self.delete_button = (
            QPushButton(t) for t in ("콘텐츠 등록", "수정…", "삭제")
        )
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        for b in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        col.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = IdTableModel(COLUMNS, self._fetch_rows)
        self.register = RegisterView(self.model, sort=("published", True))
        self.register.view.setAccessibleName("소식 콘텐츠 목록")
        self.register.sort_changed.connect(self.refresh)
        self.register.activated.connect(
            lambda _id: self.edit_selected() if offered(self.edit_button) else None
        )
        self.register.selection_changed.connect(self._update_buttons)
        splitter.addWidget(self.register)
        side = QWidget()
        side_col = QVBoxLayout(side)
        side_col.setContentsMargins(0, 0, 0, 0)
        members_box, channels_box = QGroupBox("작성자별"), QGroupBox("채널별")
        self.member_totals = TotalsView(MEMBER_COLUMNS)
        self.channel_totals = TotalsView(CHANNEL_COLUMNS)
        QVBoxLayout(members_box).addWidget(self.member_totals)
        QVBoxLayout(channels_box).addWidget(self.channel_totals)
        side_col.addWidget(members_box, 3)
        side_col.addWidget(channels_box, 2)
        splitter.addWidget(side)
        splitter.setSizes([860, 280])
        col.addWidget(splitter, 1)
        self.summary_label = QLabel()
        foot = QHBoxLayout()
        foot.addWidget(self.summary_label, 1)
        self.export_button = QPushButton(BUTTON_TEXT)
        self.export_button.setToolTip("필터와 정렬 그대로 목록을 엑셀(.xlsx)로 저장합니다")
        self.export_button.clicked.connect(lambda: self.export_excel())
        foot.addWidget(self.export_button)
        col.addLayout(foot)
        self._update_buttons()

    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.engagement.content import content_rows

        return content_rows(self.ctx, ids)

    # ----- loading -------------------------------------------------------------------------
    def relevant(self, changes: Changes) -> bool:
        if changes.touches({Kind.FACILITY, Kind.TRASH}):
            self._facilities_stale = True  # the dialog's facility choices follow the register
        return super().relevant(changes)

    def empty_text(self) -> str:
        return for_rights(self.add_button, EMPTY_TEXT, READ_EMPTY_TEXT)

    def query(self):
        from panelapp.domain.enums import ContentChannel
        from panelapp.services.engagement.content import ContentQuery

        channel = self.channel_filter.currentData()  # Qt returns str-valued enums as str
        return ContentQuery(
            self.window_.current_cohort_id,
            ContentChannel(channel) if channel else None,
            self.search_edit.text(),
        )

    def load(self):
        from panelapp.services.engagement.content import (
            content_count,
            content_ids,
            content_totals,
            news_member_choices,
        )
        from panelapp.services.registers.facilities import facility_choices

        if self.window_.current_cohort_id is None:
            return None
        ctx, query = self.ctx, self.query()
        sort = (self.register.sort_key or "published", self.register.descending)
        with_facilities, self._facilities_stale = self._facilities_stale, False

        def work() -> _Loaded:
            return _Loaded(
                content_ids(ctx, query, *sort),
                content_totals(ctx, query),
                content_count(ctx, query.cohort_id),
                news_member_choices(ctx, query.cohort_id),
                facility_choices(ctx) if with_facilities else None,
            )

        return work

    def load_failed(self, exc: BaseException) -> None:
        self._facilities_stale = True
        super().load_failed(exc)

    def apply(self, result: _Loaded | None) -> None:
        if result is None:  # no cohort yet
            self.members = []
            self.register.set_ids([], self.empty_text())
            self.member_totals.set_totals([])
            self.channel_totals.set_totals([])
            self.summary_label.clear()
            self._update_buttons()
            return
        self.members = result.members
        if result.facilities is not None:
            self.facilities = result.facilities
        filtered = self.channel_filter.currentIndex() > 0 or bool(self.search_edit.text().strip())
        self.register.set_ids(result.ids, NO_MATCH_TEXT if result.total and filtered else self.empty_text())
        t = result.totals
        self.member_totals.set_totals(t.per_member)
        self.channel_totals.set_totals(t.per_channel)
        self.summary_label.setText(
            f"{t.posts:,}건 · 조회수 {t.views:,} · 인정 시간 {format_hours(t.hours)}" if t.posts else ""
        )
        self._update_buttons()

    # ----- actions -------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def selected(self):
        return self.register.selected()

    def export_excel(self):
        """The posts as filtered and sorted, to .xlsx; 작성자 masked unless a purpose is given."""
        from panelapp.services.engagement.export import CONTENT_TITLE, export_content

        if self.window_.current_cohort_id is None:
            return None
        ctx, query = self.ctx, self.query()
        sort = (self.register.sort_key or "published", self.register.descending)
        cohort = cohort_text(self.window_)
        conditions = [
            *filter_conditions(
                ("기수", cohort),
                ("채널", self.channel_filter if self.channel_filter.currentIndex() else None),
                ("검색어", self.search_edit),
            ),
            sort_condition(COLUMNS, *sort),
        ]
        return export_to_excel(
            self,
            title=CONTENT_TITLE,
            cohort=cohort,
            personal="작성자 이름",
            rows=self.register.row_count(),
            run=lambda path, purpose, token: export_content(
                ctx, query, *sort, path, purpose=purpose, conditions=conditions, token=token
            ),
        )

    def _dialog(self, row=None):
        from panelapp.gui.dialogs.content_dialog import ContentDialog

        dialog = ContentDialog(self.window_, self.members, self.facilities, row)
        dialog.stale.connect(self.mark_stale)
        return open_dialog(dialog)

    def add(self):
        if not self.members:
            QMessageBox.information(
                self,
                "소식 콘텐츠",
                "이 기수의 소식이음단에 참여단원이 없습니다. "
                "참여단원 화면에서 단원을 소식이음단에 배정해 주세요.",
            )
            return None
        return self._dialog()

    def edit_selected(self):
        row = self.selected()
        return self._dialog(row) if row is not None else None

    def delete_selected(self) -> Op | None:
        from panelapp.services.engagement.content import delete_post

        row, ctx = self.selected(), self.ctx
        if row is None:
            return None
        return move_to_trash(
            self,
            "콘텐츠 삭제",
            f"{quoted(row.title, '을')} 삭제할까요?\n작성자의 인정 시간에서도 빠집니다. {UNDO_HINT}",
            lambda _t: delete_post(ctx, row.id, row.version),
            f"{quoted(row.title, '을')} 삭제했습니다.",
        )
