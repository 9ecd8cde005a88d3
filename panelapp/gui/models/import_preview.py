"""Table model of an import preview: one line per file row, OK or in error, with its problems.

While a file problem (a missing required column) blocks the import the rows are not checked,
and none of them is shown as 정상: they read 미확인, in grey."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from panelapp.gui.palette import live_brush

# (header, field key or a special column)
COLUMNS = [
    ("행", "#row"),
    ("상태", "#status"),
    ("이름", "name"),
    ("휴대전화", "phone"),
    ("소속", "team"),
    ("역할", "role"),
    ("개인정보동의일", "consent_date"),
    ("문제 (열: 내용)", "#problems"),
]
PROBLEMS_COLUMN = len(COLUMNS) - 1
_ERROR_BG = live_brush("error_bg")
_ERROR_FG = live_brush("error")
_OK_FG = live_brush("ok")
_UNCHECKED_FG = live_brush("muted")
UNCHECKED = "미확인"
UNCHECKED_TIP = "파일의 문제(필수 열이 없음 등)를 고치고 [다시 읽기]를 누르면 이 행을 검사합니다."


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []  # ImportRow

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "#problems" and row.problems:
            return "\n".join(f"{p.column}: {p.message}" for p in row.problems)
        if role == Qt.ItemDataRole.ToolTipRole and not row.checked:
            return UNCHECKED_TIP
        if role == Qt.ItemDataRole.BackgroundRole and row.problems:
            return _ERROR_BG
        if role == Qt.ItemDataRole.ForegroundRole and key == "#status":
            return _UNCHECKED_FG if not row.checked else _OK_FG if row.ok else _ERROR_FG
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "#row":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.ok
        return None

    @staticmethod
    def _text(row, key: str) -> str:
        if key == "#row":
            return str(row.row)
        if key == "#status":
            return UNCHECKED if not row.checked else "정상" if row.ok else "오류"
        if key == "#problems":
            text = " / ".join(f"{p.column}: {p.message}" for p in row.problems)
            return f"[{len(row.problems)}건] {text}" if len(row.problems) > 1 else text
        return row.value(key)


class ErrorsOnlyProxy(QSortFilterProxyModel):
    """Shows every row, or only those in error."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.errors_only = False

    def set_errors_only(self, on: bool) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt < 6.9
            self.errors_only = on
            self.invalidateFilter()
            return
        self.beginFilterChange()  # invalidateFilter() is deprecated since Qt 6.10
        self.errors_only = on
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.errors_only:
            return True
        return not self.sourceModel().rows[source_row].ok
