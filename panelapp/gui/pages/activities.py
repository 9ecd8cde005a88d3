"""활동·출석: the cohort's events on top, the selected event's attendance below.

Both lists are id-based (a large cohort has 100,000 members and, through its visits, 50,000
events): the page loads the ordered ids, the events' summary and the chosen event's marks
(who is present, recorded, tickable) off the UI thread when it is shown or stale; rows are
fetched by id as they are painted, members' hours and rate on a worker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from panelapp.domain.formatting import format_hours
from panelapp.domain.localtime import today_local
from panelapp.gui.attendance_grid import AttendanceGrid
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import offered
from panelapp.gui.event_table import EventTable, summary_text
from panelapp.gui.operations.list_export import BUTTON_TEXT, cohort_text, export_to_excel
from panelapp.gui.operations.trash import move_to_trash
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Kind


def _buttons(layout, *labels):
    made = [QPushButton(label) for label in labels]
    for b in made:
        layout.addWidget(b)
    return made


@dataclass(frozen=True)
class _Loaded:
    today: dt.date
    event_ids: list[int]
    summary: object  # EventsSummary
    members: list[int]
    event_id: int | None  # the event shown: the one kept, else the summary's default
    marks: object | None  # EventMarks of that event
    marks_generation: int


class ActivitiesPage(Page):
    kinds = frozenset(
        {Kind.MEMBER, Kind.ENROLLMENT, Kind.EVENT, Kind.ATTENDANCE, Kind.TEAM, Kind.CONTENT, Kind.TRASH}
    )
    follows_cohort = False  # a new cohort first settles unsaved ticks (see _on_cohort)
    event_shown = Signal()  # the chosen event's attendance is on screen (after a load or a click)

    def __init__(self, window):
        super().__init__(window)
        self.cohort_id = getattr(window, "current_cohort_id", None)
        self.summary = None
        self.today = today_local()
        self._event_id = None  # the event whose attendance is shown
        self._marks_generation = 0  # a newer click or load makes older marks answers stale
        col = QVBoxLayout(self)
        title = QLabel("활동·출석")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        splitter = QSplitter(Qt.Orientation.Vertical)
        col.addWidget(splitter, 1)

        top = QGroupBox("행사")
        top_col = QVBoxLayout(top)
        bar = QHBoxLayout()
        self.add_button, self.edit_button, self.delete_button = _buttons(bar, "행사 추가…", "수정…", "삭제")
        (self.events_export_button,) = _buttons(bar, BUTTON_TEXT)
        self.events_export_button.setToolTip("이 기수의 행사 목록을 엑셀(.xlsx)로 저장합니다")
        bar.addStretch(1)
        self.events_summary = QLabel()
        bar.addWidget(self.events_summary)
        top_col.addLayout(bar)
        self.events = EventTable(self._fetch_events, self._fetch_event_counts)
        top_col.addWidget(self.events)
        splitter.addWidget(top)

        bottom = QGroupBox("출석")
        bottom_col = QVBoxLayout(bottom)
        bar = QHBoxLayout()
        self.event_label = QLabel("위에서 행사를 고르세요.")
        self.event_label.setStyleSheet("font-weight: bold;")
        bar.addWidget(self.event_label, 1)
        self.all_button, self.none_button, self.cert_button = _buttons(
            bar, "모두 출석", "모두 해제", "활동확인서…"
        )
        (self.attendance_export_button,) = _buttons(bar, BUTTON_TEXT)
        self.attendance_export_button.setToolTip("고른 행사의 출석(저장된 내용)을 엑셀(.xlsx)로 저장합니다")
        bottom_col.addLayout(bar)
        self.grid = AttendanceGrid(self._fetch_members, self._fetch_stats, self)
        bottom_col.addWidget(self.grid, 1)
        bar = QHBoxLayout()
        self.pending_label = QLabel()
        bar.addWidget(self.pending_label, 1)
        self.revert_button, self.save_button = _buttons(bar, "되돌리기", "출석 저장")
        self.save_button.setDefault(True)
        bottom_col.addLayout(bar)
        splitter.addWidget(bottom)
        splitter.setSizes([300, 420])

        self.add_button.clicked.connect(self.add_event)
        self.edit_button.clicked.connect(self.edit_event)
        self.delete_button.clicked.connect(self.delete_event)
        self.events.selection_changed.connect(self._on_event_selected)
        self.events.activated.connect(
            lambda _i: self.edit_event() if offered(self.edit_button) else None
        )  # Enter or a double click
        self.all_button.clicked.connect(lambda: self.grid.set_all(True))
        self.none_button.clicked.connect(lambda: self.grid.set_all(False))
        self.cert_button.clicked.connect(self.certificate)
        self.events_export_button.clicked.connect(lambda: self.export_events())
        self.attendance_export_button.clicked.connect(lambda: self.export_attendance())
        self.revert_button.clicked.connect(lambda: self.grid.show_event(self.grid.marks))
        self.save_button.clicked.connect(self.save)
        self.grid.pending_changed.connect(self._on_pending)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._grid_menu)
        window.cohort_changed.connect(self._on_cohort)
        self._update_buttons()

    # ----- rows, fetched by id as they are painted -----------------------------------------
    def _fetch_events(self, ids: list[int]) -> list:
        from panelapp.services.activities.sheet import event_rows

        return event_rows(self.ctx, ids, counts=False)

    def _fetch_event_counts(self, ids: list[int]) -> dict:
        from panelapp.services.activities.sheet import event_counts

        return event_counts(self.ctx, ids)

    def _fetch_members(self, ids: list[int]) -> list:
        from panelapp.services.activities.sheet import sheet_rows

        return sheet_rows(self.ctx, ids, self.today, stats=False)

    def _fetch_stats(self, ids: list[int]) -> dict:
        from panelapp.services.activities.stats import block_stats

        return block_stats(self.ctx, ids, self.today)

    # ----- loading -------------------------------------------------------------------------
    def _on_cohort(self, cohort_id) -> None:
        if cohort_id != self.cohort_id:
            self.confirm_leave(allow_cancel=False)
            self.cohort_id, self._event_id = cohort_id, None
            self.grid.pending = {}
        self.mark_stale()

    def load(self):
        ctx, cohort_id, keep = self.ctx, self.cohort_id, self._event_id
        if cohort_id is None:
            return None
        from panelapp.services.activities.sheet import event_ids, event_marks, events_summary, sheet_ids

        self._marks_generation += 1
        generation, today = self._marks_generation, today_local()

        def work():
            ids = event_ids(ctx, cohort_id)
            summary = events_summary(ctx, cohort_id, today)
            target = keep if keep is not None and keep in set(ids) else summary.default_event_id
            marks = event_marks(ctx, target, today) if target is not None else None
            return _Loaded(today, ids, summary, sheet_ids(ctx, cohort_id), target, marks, generation)

        return work

    def apply(self, r: _Loaded | None) -> None:
        if r is None:
            self.summary = None
            self.events.set_events([], None, today_local())
            self.grid.set_members([])
            self._event_id = None
            self.grid.show_event(None)
            self.events_summary.setText("")
            self._on_pending(0)
            return
        self.today, self.summary = r.today, r.summary
        self.events.blockSignals(True)
        self.events.selectionModel().blockSignals(True)
        self.events.set_events(r.event_ids, r.summary, r.today)
        self.events_summary.setText(summary_text(r.summary))
        self.grid.set_members(r.members)
        if r.marks_generation == self._marks_generation:
            keep = r.event_id == self._event_id
            self._event_id = r.event_id
            self.grid.show_event(r.marks, keep_pending=keep)
        else:  # the user picked another event meanwhile: its marks are on their way
            self.grid.show_event(self.grid.marks, keep_pending=True)
        self.events.select_id(self._event_id)
        self.events.selectionModel().blockSignals(False)
        self.events.blockSignals(False)
        self._on_pending(len(self.grid.pending))
        self.event_shown.emit()

    def current_event(self):
        marks = self.grid.marks
        return marks.event if marks is not None and marks.event.id == self._event_id else None

    def _on_event_selected(self) -> None:
        new = self.events.selected_id()
        if new is None or new == self._event_id:
            return
        if not self.confirm_leave(allow_cancel=True):
            self.events.selectionModel().blockSignals(True)
            self.events.select_id(self._event_id)
            self.events.selectionModel().blockSignals(False)
            return
        self.show_event(new)

    def show_event(self, event_id: int) -> None:
        """Load the marks of another event (off the UI thread) and show its attendance; a load
        already on its way keeps this choice."""
        from panelapp.services.activities.sheet import event_marks

        self._event_id = event_id
        self._marks_generation += 1
        generation, ctx, today = self._marks_generation, self.ctx, self.today
        if self.events.selected_id() != event_id:  # called from code, not a click
            self.events.selectionModel().blockSignals(True)
            self.events.select_id(event_id)
            self.events.selectionModel().blockSignals(False)
        self._update_buttons()

        def shown(marks) -> None:
            if generation == self._marks_generation:
                self.grid.show_event(marks)
                self._on_pending(len(self.grid.pending))
                self.event_shown.emit()

        Op(self, lambda _t: event_marks(ctx, event_id, today)).success(shown).failure(
            self._marks_failed
        ).run()

    def _marks_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.mark_stale()  # the event went away meanwhile: the list reloads

    # ----- attendance ----------------------------------------------------------------------
    def _on_pending(self, count: int) -> None:
        event = self.current_event()
        if event is None:
            self.event_label.setText(
                "위에서 행사를 고르세요."
                if self.summary is not None and self.summary.total
                else "이 기수에는 아직 행사가 없습니다. '행사 추가'로 시작하세요."
            )
        else:
            self.event_label.setText(
                f"{event.event_date:%Y-%m-%d} {event.kind.label} · {event.title} — "
                f"출석 {self.grid.checked_count():,}명 / 대상 {self.grid.recordable_count():,}명"
            )
        self.pending_label.setText(f"저장하지 않은 변경 {count:,}건" if count else "")
        self.pending_label.setStyleSheet("font-weight: bold;" if count else "")
        set_tone(self.pending_label, "warn" if count else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        event = self.current_event()
        editable = event is not None and not event.read_only
        self.add_button.setEnabled(self.cohort_id is not None and self.summary is not None)
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        recordable = self.grid.recordable_count() > 0
        self.all_button.setEnabled(recordable)
        self.none_button.setEnabled(recordable)
        self.save_button.setEnabled(bool(self.grid.pending))
        self.revert_button.setEnabled(bool(self.grid.pending))
        self.cert_button.setEnabled(self.grid.selected_row() is not None)
        self.events_export_button.setEnabled(self.summary is not None and bool(self.summary.total))
        self.attendance_export_button.setEnabled(event is not None)

    def confirm_leave(self, allow_cancel: bool) -> bool:
        """Unsaved ticks: save them, drop them, or (when possible) stay. False means stay."""
        if not self.grid.pending:
            return True
        buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        if allow_cancel:
            buttons |= QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(
            self,
            "저장하지 않은 출석",
            f"저장하지 않은 출석 변경이 {len(self.grid.pending):,}건 있습니다. 저장할까요?",
            buttons,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            self.save()
        self.grid.pending = {}
        return True

    def save(self) -> None:
        from panelapp.services.activities.attendance import set_attendance

        event, changes, ctx = self.current_event(), dict(self.grid.pending), self.ctx
        if event is None or not changes:
            return
        self.save_button.setEnabled(False)
        Op(self, lambda _t: set_attendance(ctx, event.id, changes), write=True).with_progress(
            "출석을 저장하는 중…", cancellable=False
        ).success(lambda info: self._saved(info, changes)).failure(self._save_failed).run()

    def _saved(self, info, changes) -> None:
        if self._event_id == info.id:
            self.grid.pending = {k: v for k, v in self.grid.pending.items() if changes.get(k) != v}
        # the op announces the attendance: the page reloads the event's marks and the totals

    def _save_failed(self, exc) -> None:
        self._update_buttons()
        show_error(self, exc)

    # ----- events --------------------------------------------------------------------------
    def add_event(self):
        from panelapp.gui.dialogs.event_dialog import EventDialog

        if not self.confirm_leave(allow_cancel=True):
            return None
        dlg = EventDialog(self.window_, self.cohort_id, parent=self)
        dlg.accepted.connect(lambda: self._added(dlg.result_info.id))
        return open_dialog(dlg)

    def _added(self, event_id: int) -> None:
        self._event_id = event_id  # the new event is the one shown after the reload
        self.refresh()

    def edit_event(self):
        from panelapp.gui.dialogs.event_dialog import EventDialog

        event = self.current_event()
        if event is None or event.read_only:
            return None
        dlg = EventDialog(self.window_, self.cohort_id, event, parent=self)
        dlg.reload_needed.connect(self.mark_stale)
        return open_dialog(dlg)

    def delete_event(self) -> None:
        from panelapp.services.activities.attendance import delete_event

        event, ctx = self.current_event(), self.ctx
        if event is None or event.read_only:
            return
        text = f"'{event.title}' ({event.event_date:%Y-%m-%d}) 행사를 휴지통으로 옮길까요?"
        if event.present_count:
            text += (
                f"\n출석한 {event.present_count}명의 활동 시간에서 {format_hours(event.hours)}씩 빠집니다."
            )
        move_to_trash(
            self,
            "행사 삭제",
            text,
            lambda _t: delete_event(ctx, event.id, event.version),
            f"'{event.title}' 행사를 휴지통으로 옮겼습니다.",
            on_done=lambda: setattr(self.grid, "pending", {}),
        )

    # ----- to Excel ------------------------------------------------------------------------
    def export_events(self):
        """The cohort's events as the table lists them, to .xlsx (members' names written into
        the titles masked unless a purpose)."""
        from panelapp.services.activities.export import EVENTS_TITLE, export_events

        if self.cohort_id is None:
            return None
        ctx, cohort_id, today, cohort = self.ctx, self.cohort_id, self.today, cohort_text(self.window_)
        return export_to_excel(
            self,
            title=EVENTS_TITLE,
            cohort=cohort,
            personal="제목 속 단원 이름",
            rows=self.summary.total if self.summary is not None else None,
            run=lambda path, purpose, token: export_events(
                ctx,
                cohort_id,
                path,
                purpose=purpose,
                today=today,
                conditions=[("기수", cohort)],
                token=token,
            ),
        )

    def export_attendance(self):
        """The chosen event's attendance as saved, to .xlsx; names masked unless a purpose.
        Unsaved ticks are not in the database: the page asks to save or revert them first."""
        from panelapp.services.activities.export import ATTENDANCE_TITLE, export_attendance

        event = self.current_event()
        if event is None or self.cohort_id is None:
            return None
        if self.grid.pending:
            QMessageBox.information(
                self,
                "출석 엑셀로 내보내기",
                f"저장하지 않은 출석 변경이 {len(self.grid.pending):,}건 있습니다. "
                "[출석 저장] 또는 [되돌리기]를 누른 뒤 내보내 주세요.",
            )
            return None
        ctx, cohort_id, today, cohort = self.ctx, self.cohort_id, self.today, cohort_text(self.window_)
        what = f"{event.event_date:%Y-%m-%d} {event.kind.label} · {event.title}"
        return export_to_excel(
            self,
            title=ATTENDANCE_TITLE,
            cohort=cohort,
            extra=f"{event.event_date:%Y-%m-%d}_{event.title}",
            personal="단원 이름",
            rows=self.grid.model_.rowCount() if self.grid.marks is not None else None,
            run=lambda path, purpose, token: export_attendance(
                ctx,
                cohort_id,
                event.id,
                path,
                purpose=purpose,
                today=today,
                conditions=[("기수", cohort), ("행사", what)],
                token=token,
            ),
        )

    # ----- certificates --------------------------------------------------------------------
    def certificate(self) -> None:
        from panelapp.gui.dialogs.certificate import make_certificate

        row = self.grid.selected_row()
        if row is not None:
            make_certificate(self.window_, row.enrollment_id)

    def _grid_menu(self, pos) -> None:
        if self.grid.selected_row() is None:
            return
        menu = QMenu(self)
        menu.addAction("활동확인서 만들기…", self.certificate)
        menu.exec(self.grid.viewport().mapToGlobal(pos))
