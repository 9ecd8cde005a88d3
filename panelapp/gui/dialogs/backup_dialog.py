"""파일 → 백업·복원: the backups with their dates, kinds and sizes; back up now; restore one.

The list, the backup and the restore run in ops. A restore asks first, says where the database
as it was is kept, and the window opens the database again (gui/operations/backups.py). The
dialog also works when the database could not be opened, to restore over it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
)

from panelapp.domain.localtime import now_local
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.forms.ui_backup_dialog import Ui_BackupDialog
from panelapp.gui.operations import backups as window_backups

RULE = (
    "자동 백업: 프로그램을 닫을 때(바뀐 것이 있으면)와 하루에 한 번 만듭니다. 매일 7개, 매주 4개, "
    "매월 12개와 형식을 올리기 전 것 3개를 남기고, '직접' 만든 백업은 지우지 않습니다. 모든 백업은 "
    "사본의 무결성을 점검한 뒤에만 목록에 오릅니다."
)
SERVER_RULE = (
    "서버(PostgreSQL) 데이터베이스는 '지금 백업'으로 표와 첨부파일을 모두 담은 zip 파일을 만듭니다. "
    "그 파일은 빈 데이터베이스(새 SQLite 파일이나 새 서버 데이터베이스)에 복원할 수 있습니다."
)


def format_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    if size < 1024**3:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024**3:.2f} GB"


def ask_restore(parent, text: str) -> bool:
    """복원 / 취소, 취소 by default. Tests patch this."""
    box = QMessageBox(QMessageBox.Icon.Question, "백업으로 복원", text, parent=parent)
    yes = box.addButton("복원", QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton("취소", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def pick_backup_file(parent, folder: str) -> str:
    """Tests patch this."""
    from panelapp.gui.file_dialogs import open_file_in

    return open_file_in(parent, "복원할 백업 파일", folder, "백업 파일 (*.db *.zip);;모든 파일 (*)") or ""


def pick_folder(parent, folder: str) -> str:
    """Tests patch this."""
    from panelapp.gui.file_dialogs import folder_in

    return folder_in(parent, "백업 폴더", folder) or ""


class BackupDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.infos: list = []
        self.folder: Path | None = None
        self.server = False
        table = self.ui.table
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column, width in enumerate((150, 150, 80)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.ui.ruleLabel.setText(RULE)
        self.ui.statusLabel.setText("백업 목록을 읽는 중입니다…")
        table.itemSelectionChanged.connect(self._selection_changed)
        table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.ui.backupButton.clicked.connect(self.backup_now)
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.ui.restoreFileButton.clicked.connect(self.restore_file)
        self.ui.changeFolderButton.clicked.connect(self.change_folder)
        self.ui.openFolderButton.clicked.connect(self.open_folder)
        self.ui.closeButton.clicked.connect(self.reject)
        self.resize(780, 480)
        self.refresh()

    # ----- the list ------------------------------------------------------------------------
    def refresh(self, status: str | None = None) -> Op:
        window, settings = self.window_, self.window_.settings

        def work(_token):
            from panelapp.services.system.backups import backup_folder, list_backups

            db = window_backups.target_database(window)
            return db.is_sqlite, db.display_name(), backup_folder(settings), list_backups(db, settings)

        return Op(self, work).success(lambda found: self._show(found, status)).failure(self._failed).run()

    def _show(self, found, status: str | None) -> None:
        is_sqlite, name, folder, infos = found
        self.server, self.folder, self.infos = not is_sqlite, folder, infos
        self.ui.folderLabel.setText(str(folder))
        self.ui.folderLabel.setToolTip(f"{name}의 백업")
        self.ui.ruleLabel.setText(SERVER_RULE if self.server else RULE)
        table = self.ui.table
        table.setRowCount(len(infos))
        for row, info in enumerate(infos):
            cells = (
                info.made_at.strftime("%Y-%m-%d %H:%M"),
                info.label + (" · zip" if info.is_archive else ""),
                format_size(info.size),
                info.path.name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        if infos:
            table.selectRow(0)
        total = sum(i.size for i in infos)
        summary = f"백업 {len(infos)}개, 모두 {format_size(total)}." if infos else "아직 백업이 없습니다."
        if self.server:
            summary += " 서버 데이터베이스에는 zip 백업을 빈 데이터베이스에만 복원합니다."
        self.ui.statusLabel.setText(f"{status}\n{summary}" if status else summary)
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        self.ui.statusLabel.setText(getattr(exc, "message", None) or str(exc))
        show_error(self, exc)

    def selected(self):
        rows = self.ui.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows and rows[0].row() < len(self.infos) else None

    def _selection_changed(self) -> None:
        self.ui.restoreButton.setEnabled(self.selected() is not None and not self.server)
        self.ui.restoreFileButton.setEnabled(not self.server)

    # ----- backing up ------------------------------------------------------------------------
    def backup_now(self) -> Op:
        window, settings = self.window_, self.window_.settings
        self.ui.backupButton.setEnabled(False)

        def work(_token):
            from panelapp.services.system.backups import make_backup

            return make_backup(window_backups.target_database(window), settings)

        def done(info) -> None:
            self.ui.backupButton.setEnabled(True)
            self.refresh(f"백업했습니다: {info.path.name} ({format_size(info.size)}, 점검 통과)")

        def failed(exc: BaseException) -> None:
            self.ui.backupButton.setEnabled(True)
            self._failed(exc)

        return (
            Op(self, work, write=True)
            .with_progress("백업하고 사본을 점검하는 중입니다…", cancellable=False)
            .success(done)
            .failure(failed)
            .run()
        )

    # ----- restoring ---------------------------------------------------------------------------
    def restore_selected(self):
        info = self.selected()
        if info is None or self.server:
            return None
        made = info.made_at
        when = f"{made.year}년 {made.month}월 {made.day}일 {made:%H:%M}"
        return self._confirm_and_restore(
            info.path, f"{when}에 만든 백업({info.label}, {format_size(info.size)})"
        )

    def restore_file(self):
        path = pick_backup_file(self, str(self.folder or ""))
        if not path:
            return None
        return self._confirm_and_restore(Path(path), f"파일 '{Path(path).name}'")

    def _confirm_and_restore(self, path: Path, what: str):
        database = window_backups.target_database(self.window_)
        if database.sqlite_path is not None:
            aside = f"{database.sqlite_path.name}.{now_local():%Y%m%d-%H%M%S}.before-restore"
            kept = f"지금 데이터베이스는 지우지 않고 같은 폴더에 남겨 둡니다:\n{aside}\n\n"
        else:
            kept = ""
        text = (
            f"{what}으로 데이터베이스를 되돌립니다. 백업 뒤에 입력한 내용은 백업에 없습니다.\n\n{kept}"
            "백업을 먼저 점검하고, 복원한 뒤 데이터베이스를 다시 엽니다. 복원할까요?"
        )
        if not ask_restore(self, text):
            return None
        self.ui.restoreButton.setEnabled(False)
        window = self.window_
        self.accept()  # the window takes over: the dialog would outlive the window it belongs to
        return window_backups.restore_then_reopen(window, path)

    # ----- the folder ----------------------------------------------------------------------------
    def change_folder(self) -> None:
        chosen = pick_folder(self, str(self.folder or ""))
        if not chosen:
            return
        self.window_.settings.set("backup_dir", chosen)
        self.refresh(f"백업 폴더를 바꿨습니다: {chosen}. 이제부터의 백업이 이 폴더에 만들어집니다.")

    def open_folder(self) -> None:
        if self.folder is None:
            return
        if not self.folder.is_dir():
            self.ui.statusLabel.setText(
                f"백업 폴더 '{self.folder}'가 아직 없습니다. 첫 백업 때 만들어집니다."
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
