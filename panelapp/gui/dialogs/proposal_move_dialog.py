"""One workflow step of a proposal: asks for what the step needs (the department's answer, which
a 답변 템플릿 may fill, the decline reason, the day it happened) and a note for the history. 완료 처리 also asks what
was done (완료 내용, required) and takes "after" photos, checked when picked (file dialog or
dropped onto the window) and attached when the step is saved, as a new finding's photos are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.josa import particle
from panelapp.domain.localtime import today_local
from panelapp.gui.core.dialogs import keep_unsaved_input, open_dialog
from panelapp.gui.core.field_errors import as_list, keeps_input, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.stale_step import StaleStepResolver, StepRow
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.palette import set_tone

PLAN_DAYS = 30  # a 완료 예정일 starts a month from today


class ProposalMoveDialog(QDialog):
    stale = Signal()  # the step failed on a proposal changed meanwhile: lists should reload

    def __init__(self, window, detail, to_status):
        from panelapp.domain.enums import ProposalStatus as PS
        from panelapp.domain.proposal_rules import ACTION_LABELS, PLANNED, needs_answer, needs_reason

        super().__init__(window)
        self.window_, self.detail, self.to_status = window, detail, to_status
        self.result_detail = None
        self.setWindowTitle(f"{ACTION_LABELS[to_status]} — {detail.title}")
        self.resize(520, 360)
        col = QVBoxLayout(self)
        head = QLabel(
            f"상태를 <b>{detail.status.label}</b>에서 <b>{to_status.label}</b>{particle(to_status.label, '으로')} 바꿉니다. "
            "이 기록은 처리 이력에 남고 고칠 수 없습니다.",
            wordWrap=True,
        )
        col.addWidget(head)
        form = QFormLayout()
        self.answer_edit, self.reason_edit = QPlainTextEdit(), QPlainTextEdit()
        self.answer_edit.setPlaceholderText("담당부서가 보낸 답변을 적어 주세요")
        self.reason_edit.setPlaceholderText("받아들이지 않은 이유")
        self.answer_edit.setMinimumHeight(90)
        self.reason_edit.setMaximumHeight(70)
        self.date_edit = QDateEdit()
        setup_date_edit(self.date_edit)
        self.date_edit.setDate(from_date(today_local()))
        self.note_edit = QLineEdit(placeholderText="이력에 남길 메모(선택)")
        self.with_answer, self.with_reason = needs_answer(to_status), needs_reason(to_status)
        self.with_result = to_status == PS.DONE
        self.result_edit = QPlainTextEdit()
        self.result_edit.setPlaceholderText("무엇을 어떻게 고쳤는지 적어 주세요 (보고서에 실립니다)")
        self.result_edit.setMinimumHeight(80)
        self.result_edit.setMaximumHeight(150)
        self.photos_box = self._photos_box() if self.with_result else None
        # 채택 / 부분채택 / 추진 시작: what the department plans, and by when
        self.with_plan = to_status in PLANNED
        self.plan_edit = QPlainTextEdit(getattr(detail, "plan_text", None) or "")
        self.plan_edit.setPlaceholderText("무엇을 언제까지 어떻게 할지 (선택)")
        self.plan_edit.setMaximumHeight(80)
        self.expected_edit = QDateEdit()
        setup_date_edit(self.expected_edit)
        expected = getattr(detail, "expected_on", None)
        self.expected_edit.setDate(from_date(expected or today_local() + dt.timedelta(days=PLAN_DAYS)))
        self.expected_edit.setToolTip("처리일 이후의 날짜. 기본은 오늘부터 한 달 뒤입니다.")
        self.templates = None
        if self.with_answer:
            # 답변 템플릿 (issue 14 item 5): the ones that fit this proposal fill the answer
            from panelapp.gui.answer_templates import TemplatePicker
            from panelapp.services.proposals.templates import templates_for_proposal

            ctx, pid = window.ctx, detail.id
            self.templates = TemplatePicker(
                ctx,
                self.answer_edit,
                lambda: templates_for_proposal(ctx, pid),
                getattr(detail, "department_id", None),
            )
            form.addRow("템플릿", self.templates)
            form.addRow("부서 답변", self.answer_edit)
        if self.with_reason:
            form.addRow("불채택 사유", self.reason_edit)
        if self.with_answer or to_status == PS.DONE:
            # the service names this field 처리일 in its sentences: the label says it too
            form.addRow("처리일(답변일)" if self.with_answer else "처리일(완료일)", self.date_edit)
        if self.with_plan:
            form.addRow("추진 계획", self.plan_edit)
            form.addRow("완료 예정일", self.expected_edit)
            if self.with_answer:
                self.resize(560, 480)
        if self.with_result:
            form.addRow("완료 내용", self.result_edit)
            form.addRow("개선 후 사진", self.photos_box)
            self.setAcceptDrops(True)
            self.resize(600, 560)
        form.addRow("메모", self.note_edit)
        col.addLayout(form)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        col.addWidget(self.error_label)
        col.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ACTION_LABELS[to_status])
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        # photos picked are saved with the step: losing them is losing input
        keep_unsaved_input(self, lambda: tuple(str(p) for p in self.picked_photos()))
        self.fields = {
            "부서 답변": self.answer_edit,
            "불채택 사유": self.reason_edit,
            "처리일": self.date_edit,
            "완료 내용": self.result_edit,
            "추진 계획": self.plan_edit,
            "완료 예정일": self.expected_edit,
            "메모": self.note_edit,
        }
        show_field_errors(self.fields, self.error_label, [])
        # the proposal moved on another desktop meanwhile: both shown, the step applied on it
        self.conflict = StaleStepResolver(
            self, "이 제안", self._fetch_current, self._rows, self._retry, self.stale.emit
        )

    def _fetch_current(self):
        from panelapp.gui.dialogs.proposal_stale import fetch_proposal

        return fetch_proposal(self.window_, self.detail.id)

    def _rows(self, now) -> list[StepRow]:
        from panelapp.gui.dialogs.proposal_stale import proposal_rows

        before = self.detail
        rows = proposal_rows(before, now, self.to_status.label)
        for shown, label, edit, value in (
            (self.with_answer, "부서 답변", self.answer_edit, "answer"),
            (self.with_reason, "불채택 사유", self.reason_edit, "decline_reason"),
            (self.with_plan, "추진 계획", self.plan_edit, "plan_text"),
            (self.with_result, "완료 내용", self.result_edit, "result_text"),
        ):
            if shown:
                was, is_now = getattr(before, value, None) or "", getattr(now, value, None) or ""
                rows.append(StepRow(label, was, is_now, edit.toPlainText().strip()))
        if self.note_edit.text().strip():
            rows.append(StepRow("메모", "", "", self.note_edit.text().strip()))
        return rows

    def _retry(self, now) -> None:
        self.detail = now
        self.save()

    # ----- "after" photos (완료 처리) ---------------------------------------------------------
    def _photos_box(self) -> QWidget:
        from panelapp.gui.photo_strip import PhotoStrip

        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.strip = PhotoStrip()
        self.strip.open_requested.connect(self.view_photo)
        col.addWidget(self.strip)
        row = QHBoxLayout()
        self.add_photo_button = QPushButton("사진 추가…")
        self.remove_photo_button = QPushButton("사진 빼기")
        self.add_photo_button.clicked.connect(self.choose_photos)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        row.addWidget(self.add_photo_button)
        row.addWidget(self.remove_photo_button)
        hint = QLabel("고친 뒤의 모습. 파일을 이 창에 끌어다 놓아도 됩니다.")
        set_tone(hint, "hint")
        row.addWidget(hint, 1)
        col.addLayout(row)
        return box

    def picked_photos(self) -> list[Path]:
        return self.strip.local_paths() if self.photos_box is not None else []

    def choose_photos(self) -> None:
        from panelapp.gui.dialogs.finding_dialog import IMAGE_FILTER
        from panelapp.gui.file_dialogs import open_files

        paths = open_files(self, "photo", "개선 후 사진 추가", IMAGE_FILTER)
        if paths:
            self.add_files([Path(p) for p in paths])

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        mime = event.mimeData()
        if self.photos_box is not None and mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        mime = event.mimeData()  # kept while it is read (PySide drops it otherwise)
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if paths and self.photos_box is not None:
            event.acceptProposedAction()
            self.add_files(paths)

    def add_files(self, paths: list[Path]) -> Op:
        from panelapp.services.attachments.photos import check_photo

        def work(_t):
            done, refused = [], []
            for path in paths:
                try:
                    check_photo(path)
                    done.append(path)
                except Exception as exc:  # noqa: BLE001 - each refused file is reported by name
                    refused.append(str(exc))
            return done, refused

        return Op(self, work).success(self._added).run()

    def _added(self, result) -> None:
        from panelapp.gui.photo_strip import Photo

        done, refused = result
        known = set(self.strip.local_paths())
        for path in done:
            if path not in known:
                self.strip.add(Photo(path.name, local_path=path))
        if refused:
            QMessageBox.warning(self, "첨부할 수 없는 파일", "\n".join(refused))

    def remove_photo(self) -> None:
        row = self.strip.selected_row()
        if row is not None:
            self.strip.remove(row)

    def view_photo(self, row: int):
        from panelapp.gui.dialogs.photo_viewer import PhotoViewer

        return open_dialog(PhotoViewer(self.window_, list(self.strip.photos), row, parent=self))

    # ----- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        from panelapp.services.proposals.manage import move_proposal

        ctx, d, to = self.window_.ctx, self.detail, self.to_status
        answer = self.answer_edit.toPlainText() if self.with_answer else None
        reason = self.reason_edit.toPlainText() if self.with_reason else None
        result = self.result_edit.toPlainText() if self.with_result else None
        on, note, photos = to_date(self.date_edit.date()), self.note_edit.text(), self.picked_photos()
        plan = self.plan_edit.toPlainText() if self.with_plan else None
        expected = to_date(self.expected_edit.date()) if self.with_plan else None
        self.buttons.setEnabled(False)
        Op(
            self,
            lambda _t: move_proposal(
                ctx,
                d.id,
                to,
                d.version,
                note,
                answer,
                reason,
                on,
                result=result,
                photos=photos,
                plan=plan,
                expected_on=expected,
            ),
            write=True,
        ).success(self._saved).failure(self._failed).run()

    def _saved(self, detail) -> None:
        self.result_detail = detail
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.error_label, errors)
            return
        from panelapp.domain.errors import NotFoundError

        if self.conflict.handle(exc):  # another desktop moved the proposal first: shown, input kept
            return
        show_error(self, exc)
        if keeps_input(exc):  # the server's connection broke: nothing saved, the input stays
            return
        if isinstance(exc, NotFoundError) or not self.picked_photos():
            self.stale.emit()
            self.reject()
        # else: a picked photo became unreadable meanwhile; the input stays to be corrected
