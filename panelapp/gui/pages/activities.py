"""활동·출석: the cohort's events on top, the selected event's attendance below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.formatting import format_hours
from panelapp.gui.attendance_grid import AttendanceGrid
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.event_table import EventTable, default_event, summary_text

REFRESH_KINDS = {"member", "enrollment", "demo", "trash", "event", "attendance", "team"}


def _buttons(layout, *labels):
    made = [QPushButton(label) for label in labels]
    for b in made:
        layout.addWidget(b)
    return made


class ActivitiesPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.sheet = None
        self.cohort_id = None
        self._generation = 0
        self._event_id = None  # the event whose attendance is shown
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
        bar.addStretch(1)
        self.events_summary = QLabel()
        bar.addWidget(self.events_summary)
        top_col.addLayout(bar)
        self.events = EventTable()
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
        bottom_col.addLayout(bar)
        self.grid = AttendanceGrid()
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
        self.events.itemSelectionChanged.connect(self._on_event_selected)
        self.events.doubleClicked.connect(lambda _i: self.edit_event())
        self.all_button.clicked.connect(lambda: self.grid.set_all(True))
        self.none_button.clicked.connect(lambda: self.grid.set_all(False))
        self.cert_button.clicked.connect(self.certificate)
        self.revert_button.clicked.connect(lambda: self.grid.show_event(self.sheet, self.current_event()))
        self.save_button.clicked.connect(self.save)
        self.grid.pending_changed.connect(self._on_pending)
        self.grid.itemSelectionChanged.connect(self._update_buttons)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._grid_menu)
        window.cohort_changed.connect(self._on_cohort)
        window.bus.changed.connect(self._on_bus)
        self._update_buttons()

    # ----- loading -------------------------------------------------------------------------
    def _on_cohort(self, cohort_id) -> None:
        if cohort_id != self.cohort_id:  # the same id comes again when the cohort list reloads
            self.confirm_leave(allow_cancel=False)
            self.cohort_id, self._event_id = cohort_id, None
            self.grid.pending = {}
        self.refresh()

    def _on_bus(self, kind: str, _ids) -> None:
        if kind in REFRESH_KINDS:
            self.refresh()

    def refresh(self) -> None:
        from panelapp.services.activities.attendance import attendance_sheet

        ctx, cohort_id = self.window_.ctx, self.cohort_id
        self._generation += 1
        generation = self._generation
        if ctx is None or cohort_id is None:
            self._show(None)
            return
        Op(self, lambda _t: attendance_sheet(ctx, cohort_id)).success(
            lambda sheet: generation == self._generation and self._show(sheet)
        ).run()

    def _show(self, sheet) -> None:
        self.sheet = sheet
        events = sheet.events if sheet else ()
        self.events.blockSignals(True)
        self.events.fill(sheet)
        target = self._event_id if any(e.id == self._event_id for e in events) else default_event(sheet)
        self.events.select_id(target)
        self.events.blockSignals(False)
        self.events_summary.setText(summary_text(sheet))
        keep = target == self._event_id
        self._event_id = target
        self.grid.show_event(sheet, self.current_event(), keep_pending=keep)
        self._update_buttons()

    def current_event(self):
        if self.sheet is None or self._event_id is None:
            return None
        return next((e for e in self.sheet.events if e.id == self._event_id), None)

    def _on_event_selected(self) -> None:
        new = self.events.selected_id()
        if new == self._event_id:
            return
        if not self.confirm_leave(allow_cancel=True):
            self.events.blockSignals(True)
            self.events.select_id(self._event_id)
            self.events.blockSignals(False)
            return
        self._event_id = new
        self.grid.show_event(self.sheet, self.current_event())
        self._update_buttons()

    # ----- attendance ----------------------------------------------------------------------
    def _on_pending(self, count: int) -> None:
        event = self.current_event()
        if event is None:
            self.event_label.setText(
                "위에서 행사를 고르세요."
                if self.sheet and self.sheet.events
                else "이 기수에는 아직 행사가 없습니다. '행사 추가'로 시작하세요."
            )
        else:
            self.event_label.setText(
                f"{event.event_date:%Y-%m-%d} {event.kind.label} · {event.title} — "
                f"출석 {self.grid.checked_count()}명 / 대상 {self.grid.recordable_count()}명"
            )
        self.pending_label.setText(f"저장하지 않은 변경 {count}건" if count else "")
        self.pending_label.setStyleSheet("color: #9a6700; font-weight: bold;" if count else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        event = self.current_event()
        editable = event is not None and not event.read_only
        self.add_button.setEnabled(self.cohort_id is not None and self.sheet is not None)
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        recordable = self.grid.recordable_count() > 0
        self.all_button.setEnabled(recordable)
        self.none_button.setEnabled(recordable)
        self.save_button.setEnabled(bool(self.grid.pending))
        self.revert_button.setEnabled(bool(self.grid.pending))
        self.cert_button.setEnabled(self.grid.selected_row() is not None)

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
            f"저장하지 않은 출석 변경이 {len(self.grid.pending)}건 있습니다. 저장할까요?",
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

        event, changes, ctx = self.current_event(), dict(self.grid.pending), self.window_.ctx
        if event is None or not changes:
            return
        self.save_button.setEnabled(False)
        Op(self, lambda _t: set_attendance(ctx, event.id, changes), write=True).with_progress(
            "출석을 저장하는 중…", cancellable=False
        ).success(lambda info: self._saved(info, changes)).failure(self._save_failed).run()

    def _saved(self, info, changes) -> None:
        if self._event_id == info.id:
            self.grid.pending = {k: v for k, v in self.grid.pending.items() if changes.get(k) != v}
        self.window_.bus.emit_changed("attendance", [info.id])

    def _save_failed(self, exc) -> None:
        self._update_buttons()
        show_error(self, exc)

    # ----- events --------------------------------------------------------------------------
    def add_event(self) -> None:
        from panelapp.gui.dialogs.event_dialog import EventDialog

        if not self.confirm_leave(allow_cancel=True):
            return
        dlg = EventDialog(self.window_, self.cohort_id, parent=self)
        if dlg.exec():
            self._event_id = dlg.result_info.id
            self.refresh()  # supersedes the bus refresh, which may have kept the old selection

    def edit_event(self) -> None:
        from panelapp.gui.dialogs.event_dialog import EventDialog

        event = self.current_event()
        if event is not None and not event.read_only:
            EventDialog(self.window_, self.cohort_id, event, parent=self).exec()

    def delete_event(self) -> None:
        from panelapp.services.activities.attendance import delete_event

        event, ctx = self.current_event(), self.window_.ctx
        if event is None or event.read_only:
            return
        text = f"'{event.title}' ({event.event_date:%Y-%m-%d}) 행사를 휴지통으로 옮길까요?"
        if event.present_count:
            text += (
                f"\n출석한 {event.present_count}명의 활동 시간에서 {format_hours(event.hours)}씩 빠집니다."
            )
        if QMessageBox.question(self, "행사 삭제", text) != QMessageBox.StandardButton.Yes:
            return
        self.grid.pending = {}
        Op(self, lambda _t: delete_event(ctx, event.id, event.version), write=True).success(
            lambda _r: self.window_.bus.emit_changed("event", [event.id])
        ).run()

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
