"""추진 단계: an adopted proposal's steps (services/proposals/milestones.py), with its 진행률.

Each button is one saved change — 추가, 고친 내용 저장, 완료로 표시 (on the 완료일 chosen), 완료
취소, 위로 / 아래로 and 삭제 — kept in the proposal's history with the account's name. Every change
is made on the version the dialog holds; when another desktop changed the proposal meanwhile the
change is refused and shown beside what was saved (gui/core/stale_step), the input kept.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from panelapp.domain.localtime import today_local
from panelapp.domain.proposal_progress import MAX_WEIGHT, all_steps_done_note, percent_text
from panelapp.gui.core.dialogs import keep_unsaved_input, mark_clean, may_discard
from panelapp.gui.core.field_errors import as_list, keeps_input, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.stale_step import StaleStepResolver, StepRow
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.palette import live_brush, set_tone
from panelapp.services.masking import MASKED_TEXT_HINT

HEADERS = ("순서", "단계", "예정일", "완료일", "가중치", "상태")


def state_text(m) -> str:
    if m.done_on is not None:
        return "완료"
    return "예정일 지남" if m.overdue else "진행 전"


class ProposalMilestonesDialog(QDialog):
    stale = Signal()  # the proposal changed meanwhile and the change was not made: lists should reload

    def __init__(self, window, detail):
        super().__init__(window)
        self.window_, self.detail = window, detail
        self._pending = None  # (what, fn(detail) → new detail) of the change being saved
        self.setWindowTitle(f"추진 단계 — {detail.title}")
        self.resize(760, 520)
        col = QVBoxLayout(self)
        intro = QLabel(
            "추진 계획을 단계로 나누어 예정일을 적고, 끝난 단계는 완료로 표시합니다. 진행률은 완료한 단계의 "
            "비중(가중치)으로 계산되고, 바꾼 내용은 처리 이력에 이름과 함께 남습니다.",
            wordWrap=True,
        )
        col.addWidget(intro)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFormat("진행률 %p%")
        self.bar.setAccessibleName("진행률")
        # the figure beside the bar in one colour: drawn on the bar it splits across the fill
        self.bar.setTextVisible(False)
        self.percent_label = QLabel()
        self.percent_label.setObjectName("percentLabel")
        bar_row = QHBoxLayout()
        bar_row.addWidget(self.bar, 1)
        bar_row.addWidget(self.percent_label)
        col.addLayout(bar_row)
        self.all_done_label = QLabel(wordWrap=True)
        self.all_done_label.setObjectName("allStepsDone")
        col.addWidget(self.all_done_label)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName("추진 단계")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for c, width in ((0, 48), (2, 100), (3, 100), (4, 60), (5, 96)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(c, width)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.viewport().installEventFilter(self)  # a click below the rows: a new step
        col.addWidget(self.table, 1)

        form = QGridLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("예: 업체 선정")
        self.title_edit.setMaxLength(200)
        self.planned_edit = QDateEdit()
        setup_date_edit(self.planned_edit)
        self.planned_edit.setDate(from_date(today_local()))
        self.weight_spin = QSpinBox()
        self.weight_spin.setRange(1, MAX_WEIGHT)
        self.weight_spin.setToolTip("단계의 비중: 진행률은 완료한 단계의 가중치 합 ÷ 전체 가중치 합")
        for n, (label, widget) in enumerate(
            (("단계", self.title_edit), ("예정일", self.planned_edit), ("가중치", self.weight_spin))
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(label)
            form.addWidget(caption, 0, n * 2)
            form.addWidget(widget, 0, n * 2 + 1)
        form.setColumnStretch(1, 1)
        self.new_button = QPushButton("새 단계")
        self.new_button.setObjectName("newMilestone")
        self.new_button.setToolTip("선택을 풀고 빈 칸에서 새 단계를 적습니다")
        self.new_button.clicked.connect(self.new_step)
        self.add_button = QPushButton("추가")
        self.add_button.setObjectName("addMilestone")
        self.save_button = QPushButton("고친 내용 저장")
        self.save_button.setObjectName("saveMilestone")
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save_edit)
        form.addWidget(self.new_button, 0, 6)
        form.addWidget(self.add_button, 0, 7)
        form.addWidget(self.save_button, 0, 8)
        col.addLayout(form)

        actions = QHBoxLayout()
        done_caption = QLabel("완료일")
        actions.addWidget(done_caption)
        self.done_edit = QDateEdit()
        self.done_edit.setAccessibleName("완료일")
        done_caption.setBuddy(self.done_edit)
        setup_date_edit(self.done_edit)
        self.done_edit.setDate(from_date(today_local()))
        actions.addWidget(self.done_edit)
        self.done_button = QPushButton("완료로 표시")
        self.done_button.setObjectName("doneMilestone")
        self.undone_button = QPushButton("완료 취소")
        self.up_button, self.down_button = QPushButton("위로"), QPushButton("아래로")
        self.delete_button = QPushButton("삭제")
        self.delete_button.setToolTip("단계를 지웁니다. 지운 단계는 처리 이력에 남습니다.")
        self.done_button.clicked.connect(self.mark_done)
        self.undone_button.clicked.connect(self.mark_undone)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        self.delete_button.clicked.connect(self.delete)
        for b in (self.done_button, self.undone_button, self.up_button, self.down_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        col.addLayout(actions)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        # its room is kept while hidden (two lines): an error appearing must not push the buttons
        keep = self.error_label.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.error_label.setSizePolicy(keep)
        self.error_label.setMinimumHeight(2 * self.error_label.fontMetrics().lineSpacing())
        col.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close_asking)
        col.addWidget(buttons)
        self.fields = {
            "단계": self.title_edit,
            "예정일": self.planned_edit,
            "가중치": self.weight_spin,
            "완료일": self.done_edit,
        }
        show_field_errors(self.fields, self.error_label, [])
        self.conflict = StaleStepResolver(
            self, "이 제안", self._fetch_current, self._rows, self._retry, self.stale.emit, closes=False
        )
        self._loaded_id: int | None = None  # the step whose values the form was filled with
        keep_unsaved_input(self)
        self.fill(detail)

    def close_asking(self) -> None:
        """닫기: a typed but unsaved step is not thrown away without asking."""
        if may_discard(self):
            self.reject()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and obj is self.table.viewport()
            and not self.table.indexAt(event.position().toPoint()).isValid()  # type: ignore[attr-defined]
        ):
            self.new_step()
            return True  # handled: the press below the rows only unselects
        return super().eventFilter(obj, event)

    def new_step(self) -> None:
        """Unselect the step: the form starts clean for a new one (가중치 1, 예정일 today); edits
        not saved of the selected step are not dropped without asking."""
        if self._loaded_id is not None and not may_discard(self):
            return
        self.table.clearSelection()
        self.table.setCurrentItem(None)
        if self._loaded_id is not None:
            self._reset_form()

    def _reset_form(self) -> None:
        self._loaded_id = None
        self.title_edit.clear()
        self.planned_edit.setDate(from_date(today_local()))
        self.weight_spin.setValue(1)
        self.done_edit.setDate(from_date(today_local()))
        mark_clean(self)

    # ----- showing ---------------------------------------------------------------------------
    def fill(self, detail) -> None:
        self.detail = detail
        keep = self.selected_milestone()
        self.bar.setValue(detail.progress or 0)
        self.bar.setFormat(f"진행률 {percent_text(detail.progress)}")
        self.percent_label.setText(f"진행률 {percent_text(detail.progress)}")
        note = all_steps_done_note(detail.status, [m.done_on is not None for m in detail.milestones])
        self.all_done_label.setText(note)
        self.all_done_label.setVisible(bool(note))
        self.table.blockSignals(True)
        self.table.setRowCount(len(detail.milestones))
        late = live_brush("error")
        for r, m in enumerate(detail.milestones):
            cells = (
                str(m.position),
                m.title,
                f"{m.planned_on:%Y-%m-%d}",
                f"{m.done_on:%Y-%m-%d}" if m.done_on else "–",
                str(m.weight),
                state_text(m),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if m.overdue:
                    item.setForeground(late)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        row = next((r for r, m in enumerate(detail.milestones) if keep and m.id == keep.id), -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self._selected()

    def selected_milestone(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or self.detail is None:
            return None
        r = rows[0].row()
        return self.detail.milestones[r] if 0 <= r < len(self.detail.milestones) else None

    def _selected(self) -> None:
        m = self.selected_milestone()
        for b in (self.save_button, self.delete_button, self.up_button, self.down_button):
            b.setEnabled(m is not None)
        self.done_button.setEnabled(m is not None and m.done_on is None)
        self.undone_button.setEnabled(m is not None and m.done_on is not None)
        if m is not None:
            self.up_button.setEnabled(m.position > 1)
            self.down_button.setEnabled(m.position < len(self.detail.milestones))
            self.title_edit.setText(m.title)
            self.planned_edit.setDate(from_date(m.planned_on))
            self.weight_spin.setValue(m.weight)
            if m.id != self._loaded_id:
                self._loaded_id = m.id
                mark_clean(self)  # the step's saved values are the starting point, not input
        elif self._loaded_id is not None:  # a step was unselected: its values are not a new one's
            self._reset_form()
        # a title that names a member is shown masked to a 부서 담당자: not theirs to retype
        masked = m is not None and m.title_masked
        self.title_edit.setReadOnly(masked)
        self.title_edit.setToolTip(MASKED_TEXT_HINT if masked else "")

    # ----- changes ---------------------------------------------------------------------------
    def _input(self):
        from panelapp.services.proposals.milestones import MilestoneInput

        return MilestoneInput(
            self.title_edit.text(), to_date(self.planned_edit.date()), self.weight_spin.value()
        )

    def add(self) -> Op:
        from panelapp.services.proposals.milestones import add_milestone

        ctx, data = self.window_.ctx, self._input()
        return self._run("추가", lambda d: add_milestone(ctx, d.id, d.version, data), clear=True)

    def save_edit(self) -> Op | None:
        from panelapp.services.proposals.milestones import edit_milestone

        m = self.selected_milestone()
        if m is None:
            return None
        ctx, data = self.window_.ctx, self._input()
        return self._run("고친 내용 저장", lambda d: edit_milestone(ctx, m.id, d.version, data))

    def mark_done(self) -> Op | None:
        from panelapp.services.proposals.milestones import set_milestone_done

        m = self.selected_milestone()
        if m is None:
            return None
        ctx, on = self.window_.ctx, to_date(self.done_edit.date())
        return self._run("완료로 표시", lambda d: set_milestone_done(ctx, m.id, d.version, on))

    def mark_undone(self) -> Op | None:
        from panelapp.services.proposals.milestones import set_milestone_done

        m = self.selected_milestone()
        if m is None:
            return None
        ctx = self.window_.ctx
        return self._run("완료 취소", lambda d: set_milestone_done(ctx, m.id, d.version, None))

    def move_step(self, step: int) -> Op | None:
        from panelapp.services.proposals.milestones import move_milestone

        m = self.selected_milestone()
        if m is None:
            return None
        ctx, to = self.window_.ctx, m.position + step
        return self._run("위로" if step < 0 else "아래로", lambda d: move_milestone(ctx, m.id, d.version, to))

    def delete(self) -> Op | None:
        from panelapp.services.proposals.milestones import delete_milestone

        m = self.selected_milestone()
        if m is None:
            return None
        ctx = self.window_.ctx
        return self._run("삭제", lambda d: delete_milestone(ctx, m.id, d.version))

    def _run(self, what: str, fn, clear: bool = False) -> Op:
        self._pending = (what, fn, clear)
        detail = self.detail
        show_field_errors(self.fields, self.error_label, [])
        self.setEnabled(False)
        return (
            Op(self, lambda _t: fn(detail), write=True)
            .success(lambda d: self._saved(d, clear))
            .failure(self._failed)
            .run()
        )

    def _saved(self, detail, clear: bool) -> None:
        self.setEnabled(True)
        self._pending = None
        if clear:
            self.table.blockSignals(True)
            self.table.clearSelection()
            self.table.blockSignals(False)
            self._reset_form()
        self.fill(detail)
        mark_clean(self)  # what the form holds now is saved

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.error_label, errors)
            return
        if self.conflict.handle(exc):  # another desktop changed the proposal first: shown, kept
            return
        show_error(self, exc)
        if keeps_input(exc):
            return
        self.stale.emit()
        self._reload()

    def _reload(self) -> None:
        Op(self, lambda _t: self._fetch_current()).success(self.fill).run()

    # ----- a stale change --------------------------------------------------------------------
    def _fetch_current(self):
        from panelapp.gui.dialogs.proposal_stale import fetch_proposal

        return fetch_proposal(self.window_, self.detail.id)

    def _rows(self, now) -> list[StepRow]:
        from panelapp.gui.dialogs.proposal_stale import proposal_rows

        what = self._pending[0] if self._pending else ""
        before = ", ".join(f"{m.position}. {m.title}" for m in self.detail.milestones)
        theirs = ", ".join(f"{m.position}. {m.title}" for m in now.milestones)
        return [
            *proposal_rows(self.detail, now),
            StepRow("추진 단계", before, theirs, None),
            StepRow("내 변경", "", "", f"{what}: {self.title_edit.text().strip()}"),
        ]

    def _retry(self, now) -> None:
        pending = self._pending
        self.fill(now)
        if pending is not None:
            what, fn, clear = pending
            self._run(what, fn, clear)
