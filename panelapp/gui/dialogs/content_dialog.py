"""Add or edit a 소식 콘텐츠 post: author (a 소식이음단 member), title, channel, link, date,
facility, views and the hours it credits to the author's activity."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from panelapp.domain.localtime import today_local
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.field_errors import close_on_save_failure, show_field_errors
from panelapp.gui.core.follow import follow_changes, refill_combo
from panelapp.gui.core.ops import Op
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Kind

HOURS_NOTE = "인정 시간은 작성자의 활동 시간에 더해져 참여단원 명부와 활동확인서에 반영됩니다."


class ContentDialog(QDialog):
    stale = Signal()  # a save failed on a changed or deleted post: the list should reload

    def __init__(self, window, members, facilities, row=None):
        """`members`/`facilities` are (id, label) choices; `row` the ContentRow being edited."""
        from panelapp.domain.enums import ContentChannel

        super().__init__(window)
        self.window_, self.row = window, row
        self.saved = None
        self.setWindowTitle("소식 콘텐츠 등록" if row is None else f"소식 콘텐츠 수정 — {row.title}")
        self.resize(520, 420)
        col = QVBoxLayout(self)
        form = QFormLayout()
        self.member_combo, self.channel_combo, self.facility_combo = QComboBox(), QComboBox(), QComboBox()
        for eid, label in members:
            self.member_combo.addItem(label, eid)
        self.member_combo.setPlaceholderText("소식이음단원을 고르세요")
        for c in ContentChannel:
            self.channel_combo.addItem(c.label, c)
        self.facility_combo.addItem("(시설 없음)", None)
        for fid, name in facilities:
            self.facility_combo.addItem(name, fid)
        self.title_edit = QLineEdit()
        self.url_edit = QLineEdit(placeholderText="https://…")
        self.date_edit = QDateEdit()
        setup_date_edit(self.date_edit)
        self.views_spin = QSpinBox(maximum=100_000_000, specialValueText="모름", groupSeparatorShown=True)
        self.views_spin.setMinimum(-1)
        self.hours_spin = QDoubleSpinBox(decimals=1, minimum=0.0, maximum=8.0, singleStep=0.5, suffix=" 시간")
        form.addRow("작성자", self.member_combo)
        form.addRow("제목", self.title_edit)
        form.addRow("채널", self.channel_combo)
        form.addRow("링크", self.url_edit)
        form.addRow("게시일", self.date_edit)
        form.addRow("시설", self.facility_combo)
        form.addRow("조회수", self.views_spin)
        form.addRow("인정 시간", self.hours_spin)
        col.addLayout(form)
        note = QLabel(HOURS_NOTE, wordWrap=True)
        set_tone(note, "hint")
        col.addWidget(note)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        col.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.fields = {
            "작성자": self.member_combo,
            "제목": self.title_edit,
            "링크": self.url_edit,
            "게시일": self.date_edit,
            "조회수": self.views_spin,
            "인정 시간": self.hours_spin,
        }
        if row is None:
            self.member_combo.setCurrentIndex(-1)
            self.date_edit.setDate(from_date(today_local()))
            self.views_spin.setValue(-1)
            self.hours_spin.setValue(1.0)
        else:
            self._fill(row)
        show_field_errors(self.fields, self.error_label, [])
        keep_unsaved_input(self)
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self,
            self.fields,
            self.error_label,
            self._fetch_current,
            self._fill,
            self._adopt,
            self.stale.emit,
        )
        follow_changes(self, {Kind.FACILITY}, self.reload_facilities)

    def _fill(self, row) -> None:
        self.member_combo.setCurrentIndex(self.member_combo.findData(row.enrollment_id))
        self.title_edit.setText(row.title)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(row.channel))
        self.url_edit.setText(row.url or "")
        self.date_edit.setDate(from_date(row.published_on))
        self.facility_combo.setCurrentIndex(max(self.facility_combo.findData(row.facility_id), 0))
        self.views_spin.setValue(row.views if row.views is not None else -1)
        self.hours_spin.setValue(row.hours)

    def _fetch_current(self):
        from panelapp.domain.errors import NotFoundError
        from panelapp.services.engagement.content import content_rows

        rows = content_rows(self.window_.ctx, [self.row.id])
        if not rows:
            raise NotFoundError("소식 콘텐츠")
        return rows[0]

    def _adopt(self, row) -> None:
        self.row = row

    def reload_facilities(self) -> Op:
        """A facility registered since the dialog opened is offered too."""
        from panelapp.services.registers.facilities import facility_choices

        ctx = self.window_.ctx
        return (
            Op(self, lambda _t: facility_choices(ctx))
            .success(
                lambda choices: refill_combo(
                    self.facility_combo, [(label, fid) for fid, label in choices], ("(시설 없음)", None)
                )
            )
            .run()
        )

    def data(self):
        from panelapp.domain.enums import ContentChannel
        from panelapp.services.engagement.content import ContentInput

        views = self.views_spin.value()
        return ContentInput(
            self.member_combo.currentData(),
            self.title_edit.text(),
            ContentChannel(self.channel_combo.currentData()),
            to_date(self.date_edit.date()),
            self.url_edit.text(),
            self.facility_combo.currentData(),
            None if views < 0 else views,
            self.hours_spin.value(),
        )

    def save(self) -> None:
        from panelapp.services.engagement.content import create_post, update_post

        ctx, row, data = self.window_.ctx, self.row, self.data()
        if row is None:
            work = lambda _t: create_post(ctx, data)  # noqa: E731
        else:
            work = lambda _t: update_post(ctx, row.id, data, row.version)  # noqa: E731
        self.buttons.setEnabled(False)
        Op(self, work, write=True).success(self._saved).failure(self._failed).run()

    def _saved(self, result) -> None:
        self.saved, record = result  # the op announces the change: the list reloads itself
        if getattr(self.window_, "undo_stack", None) is not None:
            self.window_.undo_stack.push(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not self.conflict.handle(exc):
            close_on_save_failure(self, exc, self.fields, self.error_label, self.stale.emit)
