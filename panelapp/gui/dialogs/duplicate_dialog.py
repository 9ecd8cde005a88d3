"""중복으로 표시…: choose the original a proposal repeats (services/proposals/duplicate_marks.py).

The likely originals (the likely-duplicate rule of a new proposal: shared findings, alike titles at
the same facility) are listed first; any other proposal of the cohort is chosen by its 번호. A
refusal (itself, a duplicate, another cohort, a deleted one) is shown in the dialog, which stays
open for another choice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
)

from panelapp.domain.josa import quoted
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.palette import set_tone

HINT = (
    "중복으로 표시하면 이 제안에 연결된 발견사항과 좋아요·아쉬워요가 원본으로 옮겨지고, 이 제안은 "
    "대시보드·부서별 답변 처리·보고서의 집계와 목록의 기본 보기에서 빠집니다. "
    "나중에 [중복 표시 해제]로 되돌릴 수 있습니다."
)
NO_SUGGESTION = "비슷한 제안을 찾지 못했습니다. 원본의 번호를 적어 주세요."


class DuplicateDialog(QDialog):
    stale = Signal()  # the proposal changed meanwhile: lists should reload

    def __init__(self, window, detail, suggestions):
        """`suggestions`: SimilarProposal rows (duplicate_marks.original_suggestions)."""
        super().__init__(window)
        self.window_, self.detail = window, detail
        self.setWindowTitle(f"중복으로 표시 — {detail.title}")
        self.resize(600, 420)
        col = QVBoxLayout(self)
        intro = QLabel(
            f"#{detail.id} {quoted(detail.title, '이')} 되풀이하는 원본 제안을 고르세요.", wordWrap=True
        )
        col.addWidget(intro)
        hint = QLabel(HINT, wordWrap=True)
        set_tone(hint, "hint")
        col.addWidget(hint)
        col.addWidget(QLabel("비슷한 제안" if suggestions else NO_SUGGESTION))
        self.list = QListWidget()
        self.list.setAccessibleName("원본 후보")
        for h in suggestions:
            item = QListWidgetItem(
                f"#{h.id}  {h.title}  ({h.status.label}, {h.submitted_on:%Y-%m-%d}) — {h.reason}"
            )
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setToolTip(item.text())
            self.list.addItem(item)
        self.list.setVisible(bool(suggestions))
        self.list.currentItemChanged.connect(self._picked)
        self.list.itemClicked.connect(self._picked)  # the current one again, after a typed number
        col.addWidget(self.list, 1)
        form = QFormLayout()
        self.number = QSpinBox(minimum=0, maximum=2_000_000_000)
        self.number.setSpecialValueText("–")
        self.number.setAccessibleName("원본 번호")
        form.addRow("원본 번호", self.number)
        col.addLayout(form)
        self.error_label = QLabel(wordWrap=True)
        self.error_label.setObjectName("duplicateError")
        set_tone(self.error_label, "error")
        self.error_label.hide()
        col.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton("중복으로 표시", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        if suggestions:
            self.list.setCurrentRow(0)
        keep_unsaved_input(self)
        from panelapp.gui.core.stale_step import StaleStepResolver

        # the proposal changed on another desktop meanwhile: both shown, the mark applied on it
        self.conflict = StaleStepResolver(
            self, "이 제안", self._fetch_current, self._rows, self._retry, self.stale.emit
        )

    def _fetch_current(self):
        from panelapp.gui.dialogs.proposal_stale import fetch_proposal

        return fetch_proposal(self.window_, self.detail.id)

    def _rows(self, now) -> list:
        from panelapp.gui.core.stale_step import StepRow
        from panelapp.gui.dialogs.proposal_stale import proposal_rows

        def original(d) -> str:
            return f"{d.duplicate_of_id}번" if d.duplicate_of_id else ""

        mine = f"{self.original_id()}번" if self.original_id() else ""
        return [
            StepRow("중복의 원본", original(self.detail), original(now), mine),
            *proposal_rows(self.detail, now),
        ]

    def _retry(self, now) -> None:
        self.detail = now
        self.save()

    def _picked(self, item, _previous=None) -> None:
        if item is not None:
            self.number.setValue(int(item.data(Qt.ItemDataRole.UserRole)))

    def original_id(self) -> int | None:
        return self.number.value() or None

    def save(self) -> Op | None:
        from panelapp.services.proposals.duplicate_marks import mark_duplicate

        original = self.original_id()
        if original is None:
            self._refused("원본 번호를 적거나 비슷한 제안에서 고르세요.")
            return None
        ctx, d = self.window_.ctx, self.detail
        self.buttons.setEnabled(False)
        return (
            Op(self, lambda _t: mark_duplicate(ctx, d.id, original, d.version), write=True)
            .success(lambda _detail: self.accept())
            .failure(self._failed)
            .run()
        )

    def _refused(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.buttons.setEnabled(True)

    def _failed(self, exc) -> None:
        from panelapp.domain.errors import ConcurrencyError, DomainError, NotFoundError
        from panelapp.gui.core.field_errors import keeps_input

        if isinstance(exc, DomainError) and not isinstance(exc, ConcurrencyError | NotFoundError):
            self._refused(str(exc))  # a refusal: another original may be chosen
            return
        if self.conflict.handle(exc):  # another desktop changed the proposal first: shown, kept
            self.buttons.setEnabled(True)
            return
        show_error(self, exc)
        if keeps_input(exc):
            self.buttons.setEnabled(True)
            return
        self.stale.emit()
        self.reject()
