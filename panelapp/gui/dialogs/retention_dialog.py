"""개인정보 파기: the members due for destruction (masked), chosen, destroyed with a reason after
a clear warning, and the 파기 관리대장 printed as PDF. Every read and write runs on a worker.

Nothing comes ticked (a destruction is chosen member by member, or with 모두 선택), and the
reason follows what the chosen members are due for (보유기간 경과, 동의 철회: domain
`destruction_reason`) until the 관리자 writes their own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from panelapp.domain.retention_data import DESTROYED_ITEMS, destruction_reason
from panelapp.gui.core.ops import Op, show_error

REASON_HINT = "단원을 고르면 그 사유(보유기간 경과, 동의 철회)가 채워집니다"
COLUMNS = ("단원 번호", "이름", "휴대전화", "기수", "사유", "파기 대상일")
WARNING = (
    "파기한 개인정보는 되돌릴 수 없습니다. 선택한 단원의 "
    + DESTROYED_ITEMS.split(", 검색 색인")[0]
    + "이 지워집니다. 활동 시간과 출석 횟수는 익명 통계로 남습니다. "
    "파기 전 백업은 모두 삭제되고 파기 후의 새 백업 하나만 남습니다."
)


def confirm_destroy(parent, count: int) -> bool:
    """The last question before an irreversible destruction. (Tests patch this.)"""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "개인정보 파기",
        f"선택한 단원 {count:,}명의 개인정보를 파기합니다.\n\n"
        "파기하면 복원할 수 없으며, 파기 전 백업도 함께 삭제됩니다. 정말 파기할까요?",
        parent=parent,
    )
    destroy = box.addButton("파기", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("취소", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is destroy


class RetentionDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.due: list = []
        self._auto_reason = ""  # the reason last filled in from the choice (not the 관리자's own)
        self._destroyed_text = ""  # what the last destruction did (kept when the ledger is printed)
        self.setWindowTitle("개인정보 파기")
        self.resize(800, 470)  # fits 1366×768 at 150 % (911×512 left)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "보유기간이 지났거나 개인정보 수집·이용 동의를 철회한 단원입니다. 이름과 휴대전화는 가려서 보여 줍니다."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS) + 1, self)
        self.table.setHorizontalHeaderLabels(["선택", *COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("파기 대상 단원")
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((44, 76, 80, 120, 110, 110)):
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(lambda _item: self._choice_changed())
        layout.addWidget(self.table, 1)
        choose = QHBoxLayout()
        self.all_button = QPushButton("모두 선택")
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button = QPushButton("선택 해제")
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.count_label = QLabel()
        choose.addWidget(self.all_button)
        choose.addWidget(self.none_button)
        choose.addStretch(1)
        choose.addWidget(self.count_label)
        layout.addLayout(choose)
        reason = QHBoxLayout()
        reason_label = QLabel("파기 사유(&R)")
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(REASON_HINT)
        reason_label.setBuddy(self.reason_edit)
        self.reason_edit.setAccessibleName("파기 사유")
        reason.addWidget(reason_label)
        self.reason_edit.setMaxLength(500)
        self.reason_edit.textChanged.connect(lambda _t: self._update_buttons())
        reason.addWidget(self.reason_edit, 1)
        layout.addLayout(reason)
        self.warning = QLabel(f"<b>주의:</b> {WARNING}")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.warning)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.ledger_button = QPushButton("파기 관리대장 인쇄(&L)…")
        self.ledger_button.clicked.connect(self.print_ledger)
        self.destroy_button = QPushButton("선택한 단원 파기(&D)")
        self.destroy_button.clicked.connect(self.destroy_selected)
        close = QPushButton("닫기")
        close.clicked.connect(self.reject)
        buttons.addWidget(self.ledger_button)
        buttons.addStretch(1)
        buttons.addWidget(self.destroy_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._update_buttons()
        self.load()

    # ----- the list ------------------------------------------------------------------------
    def load(self) -> None:
        from panelapp.services.retention.due import due_members

        ctx = self.window_.ctx
        self.count_label.setText("불러오는 중…")
        Op(self, lambda _t: due_members(ctx)).success(self._show).failure(self._load_failed).run()

    def _show(self, due: list) -> None:
        self.due = due
        self.table.blockSignals(True)
        self.table.setRowCount(len(due))
        for row, d in enumerate(due):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)  # destroying is chosen, never pre-ticked
            self.table.setItem(row, 0, check)
            since = f"{d.due_since:%Y-%m-%d}" if d.due_since else "–"
            for column, text in enumerate(
                (str(d.member_id), d.masked_name, d.masked_phone, d.cohorts, d.reason, since), 1
            ):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._choice_changed()

    def chosen_ids(self) -> list[int]:
        return [
            d.member_id
            for row, d in enumerate(self.due)
            if self.table.item(row, 0) is not None
            and self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self.table.item(row, 0).setCheckState(state)
        self.table.blockSignals(False)
        self._choice_changed()

    def _choice_changed(self) -> None:
        """The reason follows the chosen members (보유기간 경과 / 동의 철회) while it is the one
        filled in; words the 관리자 typed are kept."""
        text = self.reason_edit.text()
        if not text.strip() or text == self._auto_reason:
            chosen = set(self.chosen_ids())
            self._auto_reason = destruction_reason(d.reason for d in self.due if d.member_id in chosen)
            self.reason_edit.setText(self._auto_reason)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = len(self.chosen_ids())
        self.count_label.setText(f"파기 대상 {len(self.due):,}명 중 {chosen:,}명 선택")
        self.destroy_button.setEnabled(chosen > 0 and bool(self.reason_edit.text().strip()))

    # ----- destroying ----------------------------------------------------------------------
    def destroy_selected(self) -> None:
        from panelapp.services.retention.destroy import destroy_members

        ids, reason = self.chosen_ids(), self.reason_edit.text()
        if not ids or not confirm_destroy(self, len(ids)):
            return
        ctx, settings = self.window_.ctx, self.window_.settings
        self.destroy_button.setEnabled(False)
        Op(self, lambda _t: destroy_members(ctx, ids, reason, settings), write=True).with_progress(
            "개인정보를 파기하는 중…", cancellable=False
        ).success(self._destroyed).failure(self._failed).run()

    def _destroyed(self, result) -> None:
        self._destroyed_text = (
            f"단원 {result.count:,}명의 개인정보를 파기했습니다(파기 관리대장 {result.record_id}번). "
            f"백업: {result.backups}"
        )
        self.status.setText(self._destroyed_text)
        self.reason_edit.clear()  # the next choice gets its own reason
        self.load()

    def _load_failed(self, exc: BaseException) -> None:
        from panelapp.domain.errors import DomainError

        self.count_label.setText("")
        self.status.setText(exc.message if isinstance(exc, DomainError) else "파기 대상을 읽지 못했습니다.")

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if self.isVisible():
            show_error(self, exc)

    # ----- the ledger ----------------------------------------------------------------------
    def print_ledger(self) -> None:
        from pathlib import Path

        from panelapp.gui.file_dialogs import save_file
        from panelapp.services.retention.ledger import write_ledger_pdf

        path = save_file(self, "report", "파기 관리대장 저장", "파기관리대장.pdf", "PDF 문서 (*.pdf)", ".pdf")
        if not path:
            return
        ctx = self.window_.ctx
        Op(self, lambda _t: write_ledger_pdf(ctx, Path(path))).with_progress(
            "파기 관리대장을 만드는 중…"
        ).success(lambda count: self._ledger_saved(count, path)).failure(self._failed).run()

    def _ledger_saved(self, count: int, path: str) -> None:
        """Said under what the destruction said (its backups line is not lost)."""
        saved = f"파기 관리대장 {count:,}건을 저장했습니다: {path}"
        self.status.setText("\n".join(t for t in (self._destroyed_text, saved) if t))
