"""소식 콘텐츠 page: the 소식이음단's posts of the cohort, with totals per member and channel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.formatting import format_hours
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.pages.register_table import RegisterTable

HEADERS = ["게시일", "제목", "작성자", "채널", "시설", "조회수", "인정 시간", "링크"]
EMPTY_TEXT = "등록된 소식 콘텐츠가 없습니다. [콘텐츠 등록]으로 소식이음단의 후기·홍보 글을 기록하세요."
NO_MATCH_TEXT = "이 채널의 콘텐츠가 없습니다. 채널 필터를 바꿔 보세요."
RELOAD_KINDS = {"content", "member", "enrollment", "team", "facility", "trash", "demo", "cohort"}
HOURS_NOTE = "콘텐츠마다 인정 시간(기본 1시간)이 작성자의 활동 시간에 더해집니다."


def _views(n: int | None) -> str:
    return "" if n is None else f"{n:,}"


class ContentPage(QWidget):
    def __init__(self, window):
        from panelapp.domain.enums import ContentChannel

        super().__init__()
        self.window_ = window
        self.rows: list = []
        self.members: list = []
        self.facilities: list = []
        self._dirty, self._loading, self.loaded = True, False, False
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("소식 콘텐츠")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        bar = QHBoxLayout()
        self.channel_filter = QComboBox()
        self.channel_filter.addItem("모든 채널", None)
        for c in ContentChannel:
            self.channel_filter.addItem(c.label, c)
        self.channel_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.channel_filter)
        note = QLabel(HOURS_NOTE)
        note.setStyleSheet("color: #555;")
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
        self.register = RegisterTable(HEADERS, stretch=1, centered=(0, 3, 5, 6))
        links = self.register.table.horizontalHeader()
        # Titles keep a readable width; the (elided) link column takes what is left.
        links.setSectionResizeMode(1, links.ResizeMode.Interactive)
        self.register.table.setColumnWidth(1, 210)
        links.setSectionResizeMode(4, links.ResizeMode.Interactive)
        self.register.table.setColumnWidth(4, 130)
        links.setSectionResizeMode(7, links.ResizeMode.Stretch)
        self.register.activated.connect(lambda _r: self.edit_selected())
        splitter.addWidget(self.register)
        side = QWidget()
        side_col = QVBoxLayout(side)
        side_col.setContentsMargins(0, 0, 0, 0)
        members_box, channels_box = QGroupBox("작성자별"), QGroupBox("채널별")
        self.member_totals = RegisterTable(["작성자", "글", "조회수", "시간"], stretch=0, centered=(1, 2, 3))
        self.channel_totals = RegisterTable(["채널", "글", "조회수"], stretch=0, centered=(1, 2))
        for totals in (self.member_totals, self.channel_totals):
            totals.table.setSelectionMode(totals.table.SelectionMode.NoSelection)
        QVBoxLayout(members_box).addWidget(self.member_totals)
        QVBoxLayout(channels_box).addWidget(self.channel_totals)
        side_col.addWidget(members_box, 3)
        side_col.addWidget(channels_box, 2)
        splitter.addWidget(side)
        splitter.setSizes([860, 280])
        col.addWidget(splitter, 1)
        self.summary_label = QLabel()
        col.addWidget(self.summary_label)
        window.bus.changed.connect(self._on_changed)
        window.cohort_changed.connect(lambda _c: self.refresh())

    def _on_changed(self, kind: str, _ids) -> None:
        if kind in RELOAD_KINDS:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        from panelapp.domain.enums import ContentChannel
        from panelapp.services.engagement.content import list_content, news_member_choices
        from panelapp.services.registers.facilities import list_facilities

        if self._loading:
            self._dirty = True
            return
        cohort = self.window_.current_cohort_id
        if self.window_.ctx is None or cohort is None:
            return
        self._dirty, self._loading = False, True
        ctx, channel = self.window_.ctx, self.channel_filter.currentData()
        channel = ContentChannel(channel) if channel else None  # Qt returns str-valued enums as str

        def fetch(_t):
            return (
                list_content(ctx, cohort, channel),
                list_content(ctx, cohort).rows != [],
                news_member_choices(ctx, cohort),
                [(f.id, f.name) for f in list_facilities(ctx)],
            )

        Op(self, fetch).success(self._fill).failure(self._load_failed).run()

    def _load_failed(self, exc) -> None:
        self._loading = False
        show_error(self, exc)

    def _fill(self, result) -> None:
        listing, any_at_all, self.members, self.facilities = result
        selected = self.selected()
        self.rows = listing.rows
        self.register.set_rows(
            [
                [
                    f"{r.published_on:%Y-%m-%d}",
                    r.title,
                    r.member_name,
                    r.channel.label,
                    r.facility_name or "",
                    _views(r.views),
                    format_hours(r.hours),
                    r.url or "",
                ]
                for r in self.rows
            ],
            [False] * len(self.rows),
            NO_MATCH_TEXT if any_at_all else EMPTY_TEXT,
            select=next((i for i, r in enumerate(self.rows) if selected and r.id == selected.id), 0),
        )
        for i, r in enumerate(self.rows):
            self.register.table.item(i, 1).setToolTip(r.title)
            self.register.table.item(i, 7).setToolTip(r.url or "")
        none = "아직 글이 없습니다."
        self.member_totals.set_rows(
            [[t.label, str(t.posts), _views(t.views), format_hours(t.hours)] for t in listing.per_member],
            [False] * len(listing.per_member),
            none,
        )
        self.channel_totals.set_rows(
            [[t.label, str(t.posts), _views(t.views)] for t in listing.per_channel],
            [False] * len(listing.per_channel),
            none,
        )
        views = sum(r.views or 0 for r in self.rows)
        self.summary_label.setText(
            f"{len(self.rows)}건 · 조회수 {views:,} · 인정 시간 "
            f"{format_hours(sum(r.hours for r in self.rows))}"
            if self.rows
            else ""
        )
        self.edit_button.setEnabled(bool(self.rows))
        self.delete_button.setEnabled(bool(self.rows))
        self._loading, self.loaded = False, True
        if self._dirty:
            self.refresh()

    def selected(self):
        i = self.register.selected_row()
        return self.rows[i] if i is not None and i < len(self.rows) else None

    def _dialog(self, row=None):
        from panelapp.gui.dialogs.content_dialog import ContentDialog

        dialog = ContentDialog(self.window_, self.members, self.facilities, row)
        dialog.open()
        return dialog

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

    def delete_selected(self) -> None:
        from panelapp.services.engagement.content import delete_post

        row, ctx = self.selected(), self.window_.ctx
        if (
            row is None
            or QMessageBox.question(
                self,
                "콘텐츠 삭제",
                f"'{row.title}'을(를) 삭제할까요?\n작성자의 인정 시간에서도 빠집니다. "
                "Ctrl+Z나 휴지통에서 되돌릴 수 있습니다.",
            )
            != QMessageBox.StandardButton.Yes
        ):
            return

        def done(record) -> None:
            self.window_.undo_stack.push(record)
            self.window_.statusBar().showMessage(f"'{row.title}'을(를) 삭제했습니다.", 5000)
            self.window_.bus.emit_changed("content", [row.id])

        Op(self, lambda _t: delete_post(ctx, row.id, row.version), write=True).success(done).failure(
            lambda exc: (show_error(self, exc), self.window_.bus.emit_changed("content", None))
        ).run()
