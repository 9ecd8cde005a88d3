"""파일 → 데이터베이스 연결: which database this computer opens (issue 13 item 6).

A SQLite file, or a PostgreSQL server (server, port, database, user, password, TLS mode).
연결 시험 tries it on a worker without writing anything (services/system/connection.probe) and
says what it found under the fields; 저장하고 전환 keeps the choice in this computer's settings
(the password in the system keyring when there is one and it is ticked, else asked at every
start: `ask_server_password`) and reopens the window on it (gui/operations/switch_database.py).
`--db` and `PANELAPP_DB` still win at the next start; the dialog says so when one is in use.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLineEdit

from panelapp.domain.errors import DomainError
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.dialogs.move_to_server_dialog import TLS_MODES
from panelapp.gui.forms.ui_connection_dialog import Ui_ConnectionDialog
from panelapp.gui.palette import set_tone

NO_KEYRING = (
    "이 컴퓨터에는 비밀번호를 안전하게 보관할 키링이 없습니다. 비밀번호는 저장하지 않고 프로그램을 "
    "시작할 때마다 묻습니다."
)


class ConnectionDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        from panelapp.services.system.connection import keyring_usable, saved

        self.window_ = window
        self.ui = ui = Ui_ConnectionDialog()
        ui.setupUi(self)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        for label, mode in TLS_MODES:
            ui.tlsCombo.addItem(label, mode)
        self.test_button = ui.buttonBox.addButton("연결 시험", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = ui.buttonBox.addButton("저장하고 전환", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save_and_switch)
        ui.buttonBox.rejected.connect(self.reject)
        ui.browseButton.clicked.connect(self.browse)
        ui.sqliteRadio.toggled.connect(self._kind_changed)
        self.keyring = keyring_usable()
        ui.rememberCheck.setVisible(self.keyring)
        ui.keyringLabel.setText("" if self.keyring else NO_KEYRING)
        ui.keyringLabel.setVisible(not self.keyring)
        self._fill(saved(window.settings))
        self._say_current()
        self._kind_changed()
        self.resize(640, self.sizeHint().height())
        keep_unsaved_input(self)

    # ----- fields ---------------------------------------------------------------------------
    def _fill(self, connection) -> None:
        from panelapp.paths import default_db_path
        from panelapp.services.system.connection import SERVER

        ui = self.ui
        ctx = self.window_.ctx
        url = ctx.db.url if ctx is not None else None
        ui.pathEdit.setText(str(default_db_path()))
        if connection is None and url is not None and not ctx.db.is_sqlite:  # on a server by --db
            ui.serverRadio.setChecked(True)
            ui.hostEdit.setText(url.host or "")
            ui.portSpin.setValue(url.port or 5432)
            ui.databaseEdit.setText(url.database or "")
            ui.userEdit.setText(url.username or "")
            self._choose_tls(str(url.query.get("sslmode", "prefer")))
            return
        if connection is None:
            if ctx is not None and ctx.db.sqlite_path is not None:
                ui.pathEdit.setText(str(ctx.db.sqlite_path))
            return
        if connection.kind == SERVER:
            ui.serverRadio.setChecked(True)
            ui.hostEdit.setText(connection.host)
            ui.portSpin.setValue(connection.port)
            ui.databaseEdit.setText(connection.database)
            ui.userEdit.setText(connection.user)
            self._choose_tls(connection.tls)
        else:
            ui.sqliteRadio.setChecked(True)
            ui.pathEdit.setText(connection.path)

    def _choose_tls(self, mode: str) -> None:
        index = self.ui.tlsCombo.findData(mode)
        self.ui.tlsCombo.setCurrentIndex(max(index, 0))

    def _say_current(self) -> None:
        ctx = self.window_.ctx
        where = ctx.db.display_name() if ctx is not None else "(아직 열지 않음)"
        text = f"지금 연 데이터베이스: {where}"
        if self.window_.db_target is not None:
            text += " — 이 창은 --db 주소(또는 전환)로 열렸습니다. 여기서 저장한 연결은 다음에 --db 없이 시작할 때 씁니다."
        elif os.environ.get("PANELAPP_DB"):
            text += " — PANELAPP_DB가 설정되어 있어 다음 시작에도 그쪽을 엽니다. 저장한 연결은 그것이 없을 때 씁니다."
        self.ui.currentLabel.setText(text)

    def _kind_changed(self, *_args) -> None:
        server = self.ui.serverRadio.isChecked()
        self.ui.fileBox.setEnabled(not server)
        self.ui.serverBox.setEnabled(server)

    def browse(self) -> None:
        from panelapp.gui.file_dialogs import save_file

        path = save_file(
            self,
            "database",
            "데이터베이스 파일",
            self.ui.pathEdit.text() or "panelapp.db",
            "데이터베이스 파일 (*.db *.sqlite);;모든 파일 (*)",
            confirm_overwrite=False,  # an existing file is what one usually picks: it is opened
        )
        if path:
            self.ui.pathEdit.setText(path)

    def connection(self):
        """The choice in the fields (SavedConnection), or a DomainError naming what is missing."""
        from panelapp.services.system.connection import ASK, KEYRING, NONE, SERVER, SQLITE, SavedConnection

        ui = self.ui
        if ui.sqliteRadio.isChecked():
            path = ui.pathEdit.text().strip()
            if not path:
                raise DomainError("데이터베이스 파일의 경로를 입력하세요.")
            return SavedConnection(kind=SQLITE, path=os.path.abspath(os.path.expanduser(path)))
        if not ui.passwordEdit.text():
            how = NONE
        elif self.keyring and ui.rememberCheck.isChecked():
            how = KEYRING
        else:
            how = ASK
        found = SavedConnection(
            kind=SERVER,
            host=ui.hostEdit.text().strip(),
            port=ui.portSpin.value(),
            database=ui.databaseEdit.text().strip(),
            user=ui.userEdit.text().strip(),
            tls=str(ui.tlsCombo.currentData()),
            password=how,
        )
        found.target()  # the server's fields are all there (a sentence naming the one missing)
        return found

    def target(self) -> tuple[object, str] | None:
        try:
            connection = self.connection()
        except DomainError as exc:
            self.say(exc.message, error=True)
            return None
        return connection, connection.target(self.ui.passwordEdit.text())

    def say(self, text: str, error: bool = False) -> None:
        self.ui.resultLabel.setText(text)
        set_tone(self.ui.resultLabel, "error" if error else "")

    def _busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    # ----- 연결 시험 ------------------------------------------------------------------------
    def test_connection(self) -> None:
        from panelapp.services.system.connection import probe

        chosen = self.target()
        if chosen is None:
            return
        target = chosen[1]
        self._busy(True)
        self.say("연결하는 중입니다…")
        Op(self, lambda _t: probe(target)).success(self._tested).failure(self._refused).run()

    def _tested(self, sentence: str) -> None:
        self._busy(False)
        self.say(sentence)

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, DomainError):
            self.say(exc.message, error=True)
            return
        from panelapp.gui.core.ops import _failure_sentence

        sentence = _failure_sentence(exc)
        if sentence is not None:
            self.say(sentence, error=True)
        else:
            self.say("")
            show_error(self, exc)

    # ----- 저장하고 전환 ----------------------------------------------------------------------
    def save_and_switch(self):
        """Keep the choice on this computer (the password in the keyring, never in the
        settings) and reopen the window on it; returns the new window."""
        from panelapp.gui.operations.switch_database import switch_window
        from panelapp.services.system.connection import KEYRING, forget_password, save, store_password

        chosen = self.target()
        if chosen is None:
            return None
        connection, target = chosen
        password = self.ui.passwordEdit.text()
        if connection.password == KEYRING and not store_password(connection, password):
            from dataclasses import replace

            connection = replace(connection, password="ask")  # the keyring refused: asked at start
        elif connection.password != KEYRING and connection.kind != "sqlite":
            forget_password(connection)  # an older one kept for this server is no longer wanted
        try:
            save(self.window_.settings, connection)
        except OSError as exc:
            from panelapp.domain.failures import os_error_sentence

            self.say(os_error_sentence(exc), error=True)
            return None
        self.done(QDialog.DialogCode.Accepted)
        return switch_window(self.window_, target)


def ask_server_password(window, connection, answer: Callable[[str | None], None]) -> QInputDialog:
    """At start: the saved server's password, which the keyring does not have (or there is no
    keyring). `answer(password)`, or `answer(None)` when the user would rather not open it."""
    dialog = QInputDialog(window)
    dialog.setWindowTitle("데이터베이스 서버 비밀번호")
    dialog.setLabelText(
        f"데이터베이스 서버 {connection.host}:{connection.port}의 데이터베이스 '{connection.database}'에\n"
        f"'{connection.user}' 사용자로 연결합니다. 비밀번호를 입력하세요."
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText("연결")
    dialog.setCancelButtonText("열지 않음")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def finished(result: int) -> None:
        answer(dialog.textValue() if result == QDialog.DialogCode.Accepted else None)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
