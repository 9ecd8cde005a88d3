"""좋아요·아쉬워요 page: a quick entry row (Enter saves), the filtered list with counts by kind,
and answering, handling, linking to a proposal, deleting (Ctrl+Z undoes)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.pages.register_table import RegisterTable
from panelapp.gui.proposal_style import KIND_COLORS

HEADERS = ["접수일", "구분", "시설", "내용", "경로", "처리", "답변일", "연결 제안"]
EMPTY_TEXT = "기록된 좋아요·아쉬워요가 없습니다. 위 입력줄에 내용을 적고 Enter를 누르세요."
NO_MATCH_TEXT = "조건에 맞는 기록이 없습니다. 필터를 바꿔 보세요."
RELOAD_KINDS = {"feedback", "proposal", "facility", "trash", "demo", "cohort"}
PERIODS = [("전체 기간", None), ("최근 7일", 7), ("최근 30일", 30), ("최근 90일", 90)]


class FeedbackPage(QWidget):
    def __init__(self, window):
        from panelapp.domain.enums import FeedbackKind, FeedbackSource

        super().__init__()
        self.window_ = window
        self.rows: list = []
        self.facilities: list = []
        self.proposals: list = []
        self._dirty, self._loading, self.loaded = True, False, False
        self._focus_id: int | None = None  # a note to select once it is listed (global search)
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("좋아요·아쉬워요")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        box = QGroupBox("빠른 입력")
        row = QHBoxLayout(box)
        self.entry_facility, self.entry_source = QComboBox(), QComboBox()
        self.entry_facility.setMinimumContentsLength(10)
        for s in FeedbackSource:
            self.entry_source.addItem(s.label, s)
        self.entry_date = QDateEdit()
        setup_date_edit(self.entry_date)
        self.entry_date.setDate(from_date(dt.date.today()))
        self.kind_group = QButtonGroup(self)
        self.kind_buttons = {}
        for kind in FeedbackKind:
            b = QPushButton(kind.label, checkable=True)
            bg, fg = KIND_COLORS[kind.value]
            b.setStyleSheet(f"QPushButton:checked {{ background: {bg}; color: {fg}; font-weight: bold; }}")
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
        self.handled_filter, self.period_filter = QComboBox(), QComboBox()
        self.kind_filter.addItem("모든 구분", None)
        for kind in FeedbackKind:
            self.kind_filter.addItem(kind.label, kind)
        for label, value in (("처리 전체", None), ("미처리", False), ("처리함", True)):
            self.handled_filter.addItem(label, value)
        for label, days in PERIODS:
            self.period_filter.addItem(label, days)
        for combo in (self.kind_filter, self.facility_filter, self.handled_filter, self.period_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            bar.addWidget(combo)
        bar.addStretch(1)
        self.counts_label = QLabel()
        self.counts_label.setStyleSheet("font-weight: bold;")
        bar.addWidget(self.counts_label)
        col.addLayout(bar)
        self.register = RegisterTable(HEADERS, stretch=3, centered=(0, 1, 4, 5, 6))
        self.register.activated.connect(lambda _r: self.answer_selected())
        self.register.selection_changed.connect(self._update_buttons)
        col.addWidget(self.register, 1)
        buttons = QHBoxLayout()
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
        window.bus.changed.connect(self._on_changed)
        window.cohort_changed.connect(lambda _c: self.refresh())

    # ----- loading -------------------------------------------------------------------------
    def _on_changed(self, kind: str, _ids) -> None:
        if kind in RELOAD_KINDS:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def show_record(self, feedback_id: int) -> None:
        """Opened from global search: clear the filters and select that note."""
        for combo in (self.kind_filter, self.facility_filter, self.handled_filter, self.period_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._focus_id = feedback_id
        self.refresh()

    def query(self):
        from panelapp.domain.enums import FeedbackKind
        from panelapp.services.engagement.feedback import FeedbackQuery

        days = self.period_filter.currentData()
        since = dt.date.today() - dt.timedelta(days=days) if days else None
        kind = self.kind_filter.currentData()  # Qt returns str-valued enums as str
        return FeedbackQuery(
            self.window_.current_cohort_id,
            FeedbackKind(kind) if kind else None,
            self.facility_filter.currentData(),
            self.handled_filter.currentData(),
            since,
        )

    def refresh(self) -> None:
        from panelapp.services.engagement.feedback import list_feedback
        from panelapp.services.proposals.manage import proposal_choices
        from panelapp.services.registers.facilities import list_facilities

        if self._loading:
            self._dirty = True
            return
        if self.window_.ctx is None:
            return
        self._dirty, self._loading = False, True
        ctx, query = self.window_.ctx, self.query()

        def fetch(_t):
            return (
                list_feedback(ctx, query),
                [(f.id, f.name) for f in list_facilities(ctx)],
                proposal_choices(ctx, query.cohort_id),
            )

        Op(self, fetch).success(self._fill).failure(self._load_failed).run()

    def _load_failed(self, exc) -> None:
        self._loading = False
        show_error(self, exc)

    def _fill(self, result) -> None:
        listing, self.facilities, self.proposals = result
        for combo, first in ((self.entry_facility, "(시설 없음)"), (self.facility_filter, "모든 시설")):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for fid, name in self.facilities:
                combo.addItem(name, fid)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)
        selected = self.selected()
        focus = self._focus_id if self._focus_id is not None else (selected.id if selected else None)
        if any(r.id == self._focus_id for r in listing.rows):
            self._focus_id = None
        self.rows = listing.rows
        self.register.set_rows(
            [
                [
                    f"{r.received_on:%Y-%m-%d}",
                    r.kind.label,
                    r.facility_name or "–",
                    r.text,
                    r.source.label,
                    "처리" if r.handled else "미처리",
                    f"{r.answered_on:%Y-%m-%d}" if r.answered_on else "",
                    r.proposal_title or "",
                ]
                for r in self.rows
            ],
            [False] * len(self.rows),
            NO_MATCH_TEXT if listing.total else EMPTY_TEXT,
            select=next((i for i, r in enumerate(self.rows) if r.id == focus), 0),
        )
        table = self.register.table
        for i, r in enumerate(self.rows):
            bg, fg = KIND_COLORS[r.kind.value]
            table.item(i, 1).setBackground(QColor(bg))
            table.item(i, 1).setForeground(QColor(fg))
            table.item(i, 3).setToolTip(r.text + (f"\n\n답변: {r.answer}" if r.answer else ""))
            if not r.handled:
                table.item(i, 5).setForeground(QColor("#b3261e"))
        self.counts_label.setText(f"좋아요 {listing.likes}건 · 아쉬워요 {listing.dislikes}건")
        self._loading, self.loaded = False, True
        self._update_buttons()
        if self._dirty and self.isVisible():
            self.refresh()  # a request arrived while this load was running
        if self._dirty:
            self.refresh()

    # ----- actions -------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        row = self.selected()
        for b in (self.answer_button, self.handled_button, self.delete_button):
            b.setEnabled(row is not None)
        self.handled_button.setText("미처리로 되돌리기" if row is not None and row.handled else "처리 표시")

    def selected(self):
        i = self.register.selected_row()
        return self.rows[i] if i is not None and i < len(self.rows) else None

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
        ctx = self.window_.ctx

        def done(result) -> None:
            row, record = result
            self.entry_text.clear()
            self.entry_text.setFocus()
            self.window_.undo_stack.push(record)
            self.window_.bus.emit_changed("feedback", [row.id])

        Op(self, lambda _t: create_feedback(ctx, data), write=True).success(done).run()

    def answer_selected(self):
        from panelapp.gui.dialogs.feedback_dialog import FeedbackDialog

        row = self.selected()
        if row is None:
            return None
        dialog = FeedbackDialog(self.window_, row, self.facilities, self.proposals)
        dialog.open()
        return dialog

    def _write(self, fn, message: str) -> None:
        def done(result) -> None:
            record = result[1] if isinstance(result, tuple) else result
            self.window_.undo_stack.push(record)
            self.window_.statusBar().showMessage(message, 5000)
            self.window_.bus.emit_changed("feedback", None)

        Op(self, fn, write=True).success(done).failure(
            lambda exc: (show_error(self, exc), self.window_.bus.emit_changed("feedback", None))
        ).run()

    def toggle_handled(self) -> None:
        from panelapp.services.engagement.feedback import set_handled

        row, ctx = self.selected(), self.window_.ctx
        if row is not None:
            self._write(
                lambda _t: set_handled(ctx, row.id, not row.handled, row.version),
                "처리함으로 표시했습니다." if not row.handled else "미처리로 되돌렸습니다.",
            )

    def delete_selected(self) -> None:
        from panelapp.services.engagement.feedback import delete_feedback

        row, ctx = self.selected(), self.window_.ctx
        if (
            row is None
            or QMessageBox.question(
                self,
                "기록 삭제",
                f"이 {row.kind.label} 기록을 삭제할까요?\nCtrl+Z나 휴지통에서 되돌릴 수 있습니다.",
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._write(lambda _t: delete_feedback(ctx, row.id, row.version), "기록을 삭제했습니다.")
