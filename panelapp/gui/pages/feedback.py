"""좋아요·아쉬워요 page: a quick entry row (Enter saves), the filtered list with counts by kind,
and answering, handling, linking to a proposal, deleting (Ctrl+Z undoes).

The list is id-based: the note ids come filtered and sorted from SQL, the rows are fetched by id
as they are painted and the counts are one GROUP BY, so 100,000 notes cost one id list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from panelapp.domain.localtime import today_local
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import for_rights, offered
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.models.id_table import CENTER, Column, IdTableModel
from panelapp.gui.operations.list_export import (
    BUTTON_TEXT,
    cohort_text,
    export_to_excel,
    filter_conditions,
    sort_condition,
)
from panelapp.gui.operations.trash import UNDO_HINT, move_to_trash
from panelapp.gui.pages.register_table import RegisterView
from panelapp.gui.palette import live, styled
from panelapp.gui.proposal_style import kind_colors
from panelapp.services.changes import Changes, Kind

UNHANDLED = live("error")
COLUMNS = [
    Column("접수일", "received", lambda r: f"{r.received_on:%Y-%m-%d}", width=96, align=CENTER),
    Column(
        "구분",
        "kind",
        lambda r: r.kind.label,
        width=80,
        align=CENTER,
        foreground=lambda r: kind_colors(r.kind.value)[1],
    ),
    Column("시설", "facility", lambda r: r.facility_name or "–", width=150),
    Column(
        "내용",
        "text",
        lambda r: r.text,
        stretch=True,
        tooltip=lambda r: r.text + (f"\n\n답변: {r.answer}" if r.answer else ""),
    ),
    Column("경로", "source", lambda r: r.source.label, width=80, align=CENTER),
    Column(
        "처리",
        "handled",
        lambda r: "처리" if r.handled else "미처리",
        width=70,
        align=CENTER,
        foreground=lambda r: None if r.handled else UNHANDLED,
    ),
    Column(
        "답변일",
        "answered",
        lambda r: f"{r.answered_on:%Y-%m-%d}" if r.answered_on else "",
        width=96,
        align=CENTER,
    ),
    Column(
        "연결 제안",
        "proposal",
        lambda r: r.proposal_title or "",
        width=170,
        tooltip=lambda r: r.proposal_title,
    ),
]
HEADERS = [c.header for c in COLUMNS]
COL_KIND = 1
EMPTY_TEXT = "기록된 좋아요·아쉬워요가 없습니다. 위 입력줄에 내용을 적고 Enter를 누르세요."
READ_EMPTY_TEXT = "기록된 좋아요·아쉬워요가 없습니다. 담당자가 시민의 말을 기록하면 여기에 나옵니다."
NO_MATCH_TEXT = "조건에 맞는 기록이 없습니다. 필터를 바꿔 보세요."
PERIODS = [("전체 기간", None), ("최근 7일", 7), ("최근 30일", 30), ("최근 90일", 90)]


class FeedbackModel(IdTableModel):
    """The kind column is tinted like the kind buttons."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() == COL_KIND:
            row = self.row_at(index.row())
            return None if row is None else kind_colors(row.kind.value)[0]
        return super().data(index, role)


@dataclass(frozen=True)
class _Loaded:
    ids: list[int]
    counts: object  # FeedbackCounts
    facilities: list[tuple[int, str]] | None  # None: unchanged since the last load


class FeedbackPage(Page):
    kinds = frozenset({Kind.FEEDBACK, Kind.PROPOSAL, Kind.FACILITY, Kind.TRASH, Kind.COHORT})

    def __init__(self, window):
        from panelapp.domain.enums import FeedbackKind, FeedbackSource

        super().__init__(window)
        self.facilities: list = []
        self._facilities_stale = True
        self._focus_id: int | None = None  # a note to select once it is listed (search, new note)
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("좋아요·아쉬워요")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        self.entry_box = box = QGroupBox("빠른 입력")  # the whole quick entry: a writing control
        row = QHBoxLayout(box)
        self.entry_facility, self.entry_source = QComboBox(), QComboBox()
        self.entry_facility.setAccessibleName("시설")
        self.entry_source.setAccessibleName("경로")
        self.entry_facility.setMinimumContentsLength(10)
        for s in FeedbackSource:
            self.entry_source.addItem(s.label, s)
        self.entry_date = QDateEdit()
        setup_date_edit(self.entry_date)
        self.entry_date.setDate(from_date(today_local()))
        self.kind_group = QButtonGroup(self)
        self.kind_buttons = {}
        for kind in FeedbackKind:
            b = QPushButton(kind.label, checkable=True)
            styled(
                b,
                f"QPushButton:checked {{ background: @kind.{kind.value}.bg; color: @kind.{kind.value}.fg;"
                " font-weight: bold; }",
            )
            self.kind_group.addButton(b)
            self.kind_buttons[kind] = b
        self.kind_buttons[FeedbackKind.LIKE].setChecked(True)
        self.entry_text = QLineEdit(placeholderText="시민이 남긴 말 (Enter로 저장)")
        self.entry_text.returnPressed.connect(self.quick_add)
        self.add_button = QPushButton("추가")
        self.add_button.clicked.connect(self.quick_add)
        for w in (self.entry_facility, self.entry_date, *self.kind_buttons.values()):
            row.addWidget(w)
        row.addWidget(self.entry_text, 1)
        row.addWidget(self.entry_source)
        row.addWidget(self.add_button)
        col.addWidget(box)
        bar = QHBoxLayout()
        self.kind_filter, self.facility_filter = QComboBox(), QComboBox()
        self.kind_filter.setAccessibleName("구분")
        self.facility_filter.setAccessibleName("시설 필터")
        self.handled_filter, self.period_filter = QComboBox(), QComboBox()
        self.handled_filter.setAccessibleName("처리 여부")
        self.period_filter.setAccessibleName("기간")
        self.facility_filter.setMinimumContentsLength(10)
        self.kind_filter.addItem("모든 구분", None)
        for kind in FeedbackKind:
            self.kind_filter.addItem(kind.label, kind)
        for label, value in (("처리 전체", None), ("미처리", False), ("처리함", True)):
            self.handled_filter.addItem(label, value)
        for label, days in PERIODS:
            self.period_filter.addItem(label, days)
        self.filters = (self.kind_filter, self.facility_filter, self.handled_filter, self.period_filter)
        for combo in self.filters:
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            bar.addWidget(combo)
        self.search_edit = QLineEdit(placeholderText="내용 검색", clearButtonEnabled=True)
        self.search_edit.setAccessibleName("좋아요·아쉬워요 검색")
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        bar.addWidget(self.search_edit, 1)
        self.counts_label = QLabel()
        self.counts_label.setStyleSheet("font-weight: bold;")
        bar.addWidget(self.counts_label)
        col.addLayout(bar)
        self.model = FeedbackModel(COLUMNS, self._fetch_rows)
        self.register = RegisterView(self.model, sort=("received", True))
        self.register.view.setAccessibleName("좋아요·아쉬워요 목록")
        self.register.sort_changed.connect(self.refresh)
        self.register.activated.connect(
            lambda _id: self.answer_selected() if offered(self.answer_button) else None
        )
        self.register.selection_changed.connect(self._update_buttons)
        col.addWidget(self.register, 1)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(BUTTON_TEXT)
        self.export_button.setToolTip("필터와 정렬 그대로 목록을 엑셀(.xlsx)로 저장합니다")
        self.export_button.clicked.connect(lambda: self.export_excel())
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        self.answer_button, self.handled_button, self.delete_button = (
            QPushButton(t) for t in ("답변·수정…", "처리 표시", "삭제")
        )
        self.answer_button.clicked.connect(self.answer_selected)
        self.handled_button.clicked.connect(self.toggle_handled)
        self.delete_button.clicked.connect(self.delete_selected)
        for b in (self.answer_button, self.handled_button, self.delete_button):
            buttons.addWidget(b)
        col.addLayout(buttons)
        self._update_buttons()

    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.engagement.feedback import feedback_rows

        return feedback_rows(self.ctx, ids)

    # ----- loading -------------------------------------------------------------------------
    def relevant(self, changes: Changes) -> bool:
        if changes.touches({Kind.FACILITY, Kind.TRASH}):
            self._facilities_stale = True  # the facility combos follow the register
        return super().relevant(changes)

    def show_record(self, feedback_id: int) -> None:
        """Opened from global search: clear the filters and select that note."""
        for combo in self.filters:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._focus_id = feedback_id
        self.refresh()

    def query(self):
        from panelapp.domain.enums import FeedbackKind
        from panelapp.services.engagement.feedback import FeedbackQuery

        days = self.period_filter.currentData()
        since = today_local() - dt.timedelta(days=days) if days else None
        kind = self.kind_filter.currentData()  # Qt returns str-valued enums as str
        return FeedbackQuery(
            self.window_.current_cohort_id,
            FeedbackKind(kind) if kind else None,
            self.facility_filter.currentData(),
            self.handled_filter.currentData(),
            since,
            search=self.search_edit.text(),
        )

    def load(self):
        from panelapp.services.engagement.feedback import feedback_counts, feedback_ids
        from panelapp.services.registers.facilities import facility_choices

        ctx, query = self.ctx, self.query()
        sort = (self.register.sort_key or "received", self.register.descending)
        with_facilities, self._facilities_stale = self._facilities_stale, False

        def work() -> _Loaded:
            facilities = facility_choices(ctx) if with_facilities else None
            return _Loaded(feedback_ids(ctx, query, *sort), feedback_counts(ctx, query), facilities)

        return work

    def load_failed(self, exc: BaseException) -> None:
        self._facilities_stale = True
        super().load_failed(exc)

    def apply(self, result: _Loaded) -> None:
        if result.facilities is not None:
            self.facilities = result.facilities
            for combo, first in ((self.entry_facility, "(시설 없음)"), (self.facility_filter, "모든 시설")):
                keep = combo.currentData()
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(first, None)
                for fid, name in self.facilities:
                    combo.addItem(name, fid)
                combo.setCurrentIndex(max(combo.findData(keep), 0))
                combo.blockSignals(False)
        focus, self._focus_id = self._focus_id, None  # asked for by the load that is applied now
        counts = result.counts
        empty = for_rights(self.add_button, EMPTY_TEXT, READ_EMPTY_TEXT)
        self.register.set_ids(result.ids, NO_MATCH_TEXT if counts.total else empty, select=focus)
        self.counts_label.setText(f"좋아요 {counts.likes:,}건 · 아쉬워요 {counts.dislikes:,}건")
        self._update_buttons()

    # ----- actions -------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        row = self.selected()
        for b in (self.answer_button, self.handled_button, self.delete_button):
            b.setEnabled(row is not None)
        self.handled_button.setText("미처리로 되돌리기" if row is not None and row.handled else "처리 표시")

    def selected(self):
        return self.register.selected()

    def export_excel(self):
        """The notes as filtered and sorted, to .xlsx (a note names no one: nothing to mask)."""
        from panelapp.services.engagement.export import FEEDBACK_TITLE, export_feedback

        ctx, query = self.ctx, self.query()
        sort = (self.register.sort_key or "received", self.register.descending)
        cohort = cohort_text(self.window_)
        conditions = [
            *filter_conditions(
                ("기수", cohort),
                *(
                    (label, combo if combo.currentIndex() else None)
                    for label, combo in zip(("구분", "시설", "처리", "기간"), self.filters, strict=True)
                ),
                ("검색어", self.search_edit),
            ),
            sort_condition(COLUMNS, *sort),
        ]
        return export_to_excel(
            self,
            title=FEEDBACK_TITLE,
            cohort=cohort,
            rows=self.register.row_count(),
            personal="내용 속 단원 이름",
            run=lambda path, purpose, token: export_feedback(
                ctx, query, *sort, path, purpose=purpose, conditions=conditions, token=token
            ),
        )

    def quick_add(self) -> None:
        from panelapp.domain.enums import FeedbackSource
        from panelapp.services.engagement.feedback import FeedbackInput, create_feedback

        if not self.entry_text.text().strip():
            self.entry_text.setFocus()  # nothing typed yet: Enter on an empty line saves nothing
            return
        kind = next(k for k, b in self.kind_buttons.items() if b.isChecked())
        data = FeedbackInput(
            self.window_.current_cohort_id,
            kind,
            self.entry_text.text(),
            to_date(self.entry_date.date()),
            FeedbackSource(self.entry_source.currentData()),
            self.entry_facility.currentData(),
        )
        ctx = self.ctx

        def done(result) -> None:
            row, record = result
            self.entry_text.clear()
            self.entry_text.setFocus()
            self._focus_id = row.id  # the op announces the note; the reload selects it
            self.window_.undo_stack.push(record)

        Op(self, lambda _t: create_feedback(ctx, data), write=True).success(done).run()

    def answer_selected(self):
        from panelapp.gui.dialogs.feedback_dialog import FeedbackDialog

        row = self.selected()
        if row is None:
            return None
        dialog = FeedbackDialog(self.window_, row, self.facilities)
        dialog.stale.connect(self.mark_stale)
        return open_dialog(dialog)

    def _write(self, fn, message: str) -> Op:
        def done(result) -> None:
            record = result[1] if isinstance(result, tuple) else result
            self.window_.undo_stack.push(record)
            self.window_.statusBar().showMessage(message, 5000)

        def failed(exc) -> None:
            show_error(self, exc)
            self.mark_stale()  # the note may have changed meanwhile: show it as it is now

        return Op(self, fn, write=True).success(done).failure(failed).run()

    def toggle_handled(self) -> None:
        from panelapp.services.engagement.feedback import set_handled

        row, ctx = self.selected(), self.ctx
        if row is not None:
            self._write(
                lambda _t: set_handled(ctx, row.id, not row.handled, row.version),
                "처리함으로 표시했습니다." if not row.handled else "미처리로 되돌렸습니다.",
            )

    def delete_selected(self) -> None:
        from panelapp.services.engagement.feedback import delete_feedback

        row, ctx = self.selected(), self.ctx
        if row is None:
            return
        move_to_trash(
            self,
            "기록 삭제",
            f"이 {row.kind.label} 기록을 삭제할까요?\n{UNDO_HINT}",
            lambda _t: delete_feedback(ctx, row.id, row.version),
            "기록을 삭제했습니다.",
        )
