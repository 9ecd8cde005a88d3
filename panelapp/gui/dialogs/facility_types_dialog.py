"""시설 유형 관리: add, rename (edit in the list), reorder and delete unused types."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.stale_step import StaleStepResolver, StepRow
from panelapp.gui.palette import set_tone


class FacilityTypesDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.types: list = []
        self.busy = False
        self.stale_rename: StaleStepResolver | None = None  # the last rename's, for its conflict
        self.setWindowTitle("시설 유형 관리")
        self.resize(380, 420)
        col = QVBoxLayout(self)
        hint = QLabel("이름을 두 번 눌러 고칠 수 있습니다. 시설이 있는 유형은 삭제할 수 없습니다.")
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        col.addWidget(hint)
        self.list = QListWidget()
        self.list.setAccessibleName("시설 유형 목록")
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.itemChanged.connect(self._renamed)
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        grid = QGridLayout()
        grid.addWidget(self.list, 0, 0, 4, 1)
        self.up_button, self.down_button = QPushButton("위로"), QPushButton("아래로")
        self.delete_button = QPushButton("삭제")
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.delete_button.clicked.connect(self.delete_selected)
        for row, button in enumerate((self.up_button, self.down_button, self.delete_button)):
            grid.addWidget(button, row, 1)
        col.addLayout(grid, 1)
        add_row = QHBoxLayout()
        self.name_edit = QLineEdit(placeholderText="새 유형 이름 (예: 도서관)", maxLength=50)
        self.name_edit.setAccessibleName("새 유형 이름")
        self.name_edit.returnPressed.connect(self.add)
        self.add_button = QPushButton("추가")
        self.add_button.clicked.connect(self.add)
        add_row.addWidget(self.name_edit, 1)
        add_row.addWidget(self.add_button)
        col.addLayout(add_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)
        self.refresh()

    # ----- loading -----------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        from panelapp.services.registers.facilities import list_facility_types

        ctx = self.window_.ctx
        self.busy = True
        Op(self, lambda _t: list_facility_types(ctx)).success(lambda t: self._fill(t, select_id)).run()

    def _fill(self, types: list, select_id: int | None) -> None:
        current = select_id if select_id is not None else self.selected_id()
        self.types = types
        self.list.blockSignals(True)
        self.list.clear()
        for t in types:
            item = QListWidgetItem(t.name)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setToolTip(f"시설 {t.facility_count}곳")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
            if t.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.busy = False
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
        self.delete_button.setEnabled(row >= 0)

    # ----- writes ------------------------------------------------------------------------
    def _run(self, fn, select_id: int | None = None, on_stale=None) -> None:
        self.busy = True

        def done(result) -> None:
            # the op announces the change (the facilities page reloads its type filter)
            new_id = getattr(result, "id", None)
            self.refresh(select_id if select_id is not None else new_id)

        def failed(exc) -> None:
            if on_stale is not None and on_stale.handle(exc):  # shown beside the typed name
                self.busy = False
                return
            show_error(self, exc)
            self.refresh()

        Op(self, fn, write=True).success(done).failure(failed).run()

    def add(self) -> None:
        from panelapp.services.registers.facilities import add_facility_type

        ctx, name = self.window_.ctx, self.name_edit.text()
        self.name_edit.clear()
        self._run(lambda _t: add_facility_type(ctx, name))

    def _renamed(self, item: QListWidgetItem) -> None:
        from panelapp.services.registers.facilities import rename_facility_type

        ctx, type_id, name = self.window_.ctx, item.data(Qt.ItemDataRole.UserRole), item.text()
        before = next((t for t in self.types if t.id == type_id), None)
        version = before.version if before is not None else None
        self._run(
            lambda _t: rename_facility_type(ctx, type_id, name, version),
            type_id,
            self._stale_rename(type_id, before.name if before is not None else "", name),
        )

    def _stale_rename(self, type_id: int, before: str, name: str) -> StaleStepResolver:
        """Renamed on another desktop first: their name beside the one typed here."""
        from panelapp.domain.errors import NotFoundError
        from panelapp.services.registers.facilities import list_facility_types, rename_facility_type

        ctx = self.window_.ctx

        def fetch():
            now = next((t for t in list_facility_types(ctx) if t.id == type_id), None)
            if now is None:
                raise NotFoundError("시설 유형")
            return now

        def retry(now) -> None:
            self._run(lambda _t: rename_facility_type(ctx, type_id, name, now.version), type_id)

        resolver = StaleStepResolver(
            self,
            "이 시설 유형",
            fetch,
            lambda now: [StepRow("유형 이름", before, now.name, name.strip())],
            retry,
            self.refresh,
            closes=False,
        )
        self.stale_rename = resolver
        return resolver

    def move(self, step: int) -> None:
        from panelapp.services.registers.facilities import reorder_facility_types

        row = self.list.currentRow()
        ids = [t.id for t in self.types]
        if not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        ctx, moved = self.window_.ctx, ids[row + step]
        self._run(lambda _t: reorder_facility_types(ctx, ids), moved)

    def delete_selected(self) -> None:
        from panelapp.services.registers.facilities import delete_facility_type

        type_id = self.selected_id()
        if type_id is None:
            return
        name = self.list.currentItem().text()
        answer = QMessageBox.question(self, "유형 삭제", f"'{name}' 유형을 삭제할까요?")
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx = self.window_.ctx
        self._run(lambda _t: delete_facility_type(ctx, type_id))
