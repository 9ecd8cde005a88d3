"""Which findings a proposal answers: a checkable list of the cohort's findings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.stale_step import StaleStepResolver, StepRow


class ProposalLinksDialog(QDialog):
    stale = Signal()  # the save failed on a proposal changed meanwhile: lists should reload

    def __init__(self, window, detail, choices):
        """`choices` are FindingChoice rows (the cohort's findings)."""
        super().__init__(window)
        self.window_, self.detail, self.choices = window, detail, choices
        self.setWindowTitle(f"발견사항 연결 — {detail.title}")
        self.resize(620, 460)
        col = QVBoxLayout(self)
        col.addWidget(QLabel("이 제안이 다루는 발견사항에 표시하세요."))
        self.same_facility = QCheckBox("같은 시설의 발견사항만 보기", checked=detail.facility_id is not None)
        self.same_facility.setEnabled(detail.facility_id is not None)
        self.same_facility.toggled.connect(self._filter)
        col.addWidget(self.same_facility)
        self.list = QListWidget()
        self.list.setAccessibleName("연결할 발견사항")
        linked = {f.id for f in detail.findings}
        for c in choices:
            item = QListWidgetItem(c.label)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.id in linked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        col.addWidget(self.list, 1)
        self.empty = QLabel(
            "이 기수에 기록된 발견사항이 없습니다. 점검 결과에서 발견사항을 먼저 기록하세요.", wordWrap=True
        )
        self.empty.setVisible(not choices)
        col.addWidget(self.empty)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self._filter()
        keep_unsaved_input(self)
        # the proposal changed on another desktop meanwhile: both shown, the links applied on it
        self.conflict = StaleStepResolver(
            self, "이 제안", self._fetch_current, self._rows, self._retry, self.stale.emit
        )

    def _fetch_current(self):
        from panelapp.gui.dialogs.proposal_stale import fetch_proposal

        return fetch_proposal(self.window_, self.detail.id)

    def _rows(self, now) -> list[StepRow]:
        from panelapp.gui.dialogs.proposal_stale import proposal_rows

        labels = {c.id: c.label for c in self.choices}  # one finding reads the same in every column

        def titles(findings) -> str:
            return "\n".join(sorted(labels.get(f.id, f.title) for f in findings))

        mine = "\n".join(sorted(labels[i] for i in self.checked_ids()))
        return [
            StepRow("연결된 발견사항", titles(self.detail.findings), titles(now.findings), mine),
            *proposal_rows(self.detail, now),
        ]

    def _retry(self, now) -> None:
        self.detail = now
        self.save()

    def _filter(self, *_a) -> None:
        only = self.same_facility.isChecked()
        for i, c in enumerate(self.choices):
            item = self.list.item(i)
            item.setHidden(
                only
                and c.facility_id != self.detail.facility_id
                and item.checkState() != Qt.CheckState.Checked
            )

    def checked_ids(self) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        from panelapp.services.proposals.manage import set_linked_findings

        ctx, d, ids = self.window_.ctx, self.detail, self.checked_ids()
        self.buttons.setEnabled(False)
        Op(self, lambda _t: set_linked_findings(ctx, d.id, ids, d.version), write=True).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, _detail) -> None:
        self.accept()

    def _failed(self, exc) -> None:
        from panelapp.gui.core.field_errors import keeps_input

        if self.conflict.handle(exc):  # another desktop changed the proposal first: shown, kept
            self.buttons.setEnabled(True)
            return
        show_error(self, exc)
        if keeps_input(exc):  # the server's connection broke: the choice stays for another try
            self.buttons.setEnabled(True)
            return
        self.stale.emit()
        self.reject()
