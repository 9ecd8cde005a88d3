"""도움말 → 업데이트 확인: where the IT department publishes new versions, and what is new there.

The place and the start-up switch are settings, kept as soon as the check runs and when the
dialog closes (there is nothing to discard). Reading the version file (a network share, an
intranet address) runs on a worker: a share that does not answer never freezes the window.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from panelapp import __version__
from panelapp.gui.core.dialogs import deleted_on_close
from panelapp.gui.core.ops import Op
from panelapp.gui.forms.ui_update_dialog import Ui_UpdateDialog


class UpdateDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.ui = Ui_UpdateDialog()
        self.ui.setupUi(self)
        self.info = None  # the last UpdateInfo read
        self.error: str | None = None  # the last failure's sentence
        settings = window.settings
        from panelapp.services.system.updates import configured_source

        self.ui.currentValue.setText(__version__)
        self.ui.sourceEdit.setText(configured_source(settings.get("update_source")))
        self.ui.atStartCheck.setChecked(bool(settings.get("update_check_at_start")))
        self.ui.sourceEdit.setAccessibleName("업데이트 정보 파일 위치")
        self.ui.resultView.setAccessibleName("확인 결과")
        self.ui.openFolderButton.setEnabled(False)
        self.ui.checkButton.clicked.connect(self.check)
        # Enter in the place field checks (the default button), never opens the folder chooser
        for button in (self.ui.browseButton, self.ui.openFolderButton):
            button.setAutoDefault(False)
        self.ui.checkButton.setDefault(True)
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.openFolderButton.clicked.connect(self.open_folder)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        self.finished.connect(lambda _result: self.save())
        self._show_text(
            "정보 파일 위치를 적고 ‘지금 확인’을 누르세요."
            if not self.ui.sourceEdit.text()
            else "‘지금 확인’을 누르면 새 버전이 있는지 확인합니다."
        )
        deleted_on_close(self)

    def save(self) -> None:
        settings = self.window_.settings
        source = self.ui.sourceEdit.text().strip()
        if settings.get("update_source") != source:
            settings.set("update_source", source)
        at_start = self.ui.atStartCheck.isChecked()
        if bool(settings.get("update_check_at_start")) != at_start:
            settings.set("update_check_at_start", at_start)

    def browse(self) -> None:
        from panelapp.gui.file_dialogs import folder_in

        folder = folder_in(self, "업데이트 정보 파일이 있는 폴더", self.ui.sourceEdit.text().strip())
        if folder:
            self.ui.sourceEdit.setText(folder)

    def check(self) -> None:
        from panelapp.services.system.updates import check_for_update

        self.save()
        source = self.ui.sourceEdit.text().strip()
        self.ui.checkButton.setEnabled(False)
        self.ui.openFolderButton.setEnabled(False)
        self._show_text("확인하는 중…")
        Op(self, lambda _t: check_for_update(source)).success(self._checked).failure(self._failed).run()

    def _checked(self, info) -> None:
        from panelapp.services.system.updates import describe

        self.info, self.error = info, None
        self.ui.checkButton.setEnabled(True)
        self.ui.openFolderButton.setEnabled(info.is_newer)
        self._show_text(describe(info), bold_first=True)
        from panelapp.gui.operations.updates import found

        found(self.window_, info)  # the menu item and the status bar say the same

    def _failed(self, exc: BaseException) -> None:
        from panelapp.domain.errors import DomainError

        self.ui.checkButton.setEnabled(True)
        if not isinstance(exc, DomainError):
            from panelapp.gui.core.ops import show_error

            show_error(self, exc)
            self.error = "확인하지 못했습니다."
        else:
            self.error = exc.message
        self.info = None
        self._show_text(self.error)

    def _show_text(self, text: str, bold_first: bool = False) -> None:
        lines = [html.escape(line) for line in text.splitlines()]
        if bold_first and lines:
            lines[0] = f"<b>{lines[0]}</b>"
        self.ui.resultView.setHtml("<br>".join(lines))

    def folder_url(self) -> QUrl | None:
        if self.info is None:
            return None
        folder = self.info.folder
        if "://" in folder:
            return QUrl(folder)
        return QUrl.fromLocalFile(folder)

    def open_folder(self) -> None:
        url = self.folder_url()
        if url is not None and not QDesktopServices.openUrl(url):
            # no file manager or browser answered (an office PC without one set): the place, to copy
            self._show_text(
                self.ui.resultView.toPlainText()
                + f"\n\n폴더를 열지 못했습니다. 파일 탐색기나 브라우저에서 직접 여세요: {self.info.folder}"
            )
