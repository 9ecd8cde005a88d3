"""휴지통 page: what was deleted, when (Korean time) and by whom; restore the selected item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.localtime import format_local
from panelapp.gui.core.ops import Op, show_error

HEADERS = ["종류", "항목", "삭제일시", "삭제한 사람"]
EMPTY_TEXT = "휴지통이 비어 있습니다.\n삭제한 기수·단·참여단원·활동·시설·부서·점검표는 이곳에 보관되며 언제든 복원할 수 있습니다."


class TrashPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.items: list = []
        self._dirty = True
        self._loading = False
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("휴지통")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        hint = QLabel(
            "삭제한 항목은 지워지지 않고 이곳에 남습니다. 항목을 골라 [복원]을 누르면 되살아납니다."
        )
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        col.addWidget(hint)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 90), (2, 150), (3, 120)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.empty_label = QLabel(EMPTY_TEXT, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #666; font-size: 12pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        col.addWidget(self.stack, 1)

        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.restore_button = QPushButton("복원")
        self.restore_button.setToolTip("고른 항목을 휴지통에서 꺼내 원래 자리로 되돌립니다")
        self.restore_button.setMinimumWidth(110)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        row.addWidget(self.restore_button)
        col.addLayout(row)
        self._update_buttons()
        window.bus.changed.connect(self._on_changed)

    # ----- loading -----------------------------------------------------------------------
    def _on_changed(self, _kind: str, _ids) -> None:
        # Any write may have put something in the trash or taken it out.
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        from panelapp.services.trash.manage import list_trash

        if self._loading:
            return
        self._dirty, self._loading = False, True
        ctx = self.window_.ctx
        Op(self, lambda _t: list_trash(ctx)).success(self._fill).failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)

    def _fill(self, items: list) -> None:
        self._loading = False
        self.items = items
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            values = [item.kind_label, item.label, format_local(item.deleted_at), item.deleted_by or "–"]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c in (0, 2):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, cell)
        self.stack.setCurrentWidget(self.table if items else self.empty_label)
        self.count_label.setText(f"{len(items)}개 항목" if items else "")
        if items:
            self.table.selectRow(0)
        self._update_buttons()
        if self._dirty:  # something changed while this list was loading
            self.refresh()

    # ----- restoring ---------------------------------------------------------------------
    def selected_item(self):
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and self.items else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_item() is not None)

    def restore_selected(self) -> None:
        from panelapp.services.trash.manage import restore

        item = self.selected_item()
        if item is None:
            return
        ctx = self.window_.ctx
        self.restore_button.setEnabled(False)
        Op(self, lambda _t: restore(ctx, item.kind, item.id), write=True).success(
            lambda label: self._restored(item, label)
        ).failure(self._restore_failed).run()

    def _restored(self, item, label: str) -> None:
        self.window_.statusBar().showMessage(f"복원했습니다: {label}", 5000)
        self.window_.bus.emit_changed("trash", [(item.kind, item.id)])

    def _restore_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        show_error(self, exc)
