"""파일 → 공유 데이터베이스로 옮기기: this desktop's SQLite database into an empty PostgreSQL
database on the office's server, then this window switches over to it (issue 13 item 5).

The server's fields, 연결 시험 (reachable and empty, nothing written), 옮기기 (services/system/
db_copy.py: every table, the attachments and the schema version in one transaction on the
server, checked table by table; its progress in the op's progress dialog) and 이 컴퓨터를 서버로
전환 (a fresh window on the server, as after a restore). Every refusal is the copy's own sentence
under the fields; the password stays in the dialog and the address it makes.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from panelapp.domain.errors import DomainError
from panelapp.gui.core.dialogs import keep_unsaved_input
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.palette import set_tone

STEP = re.compile(r"\[\s*(\d+)/(\d+)\]")
TLS_MODES = [
    ("가능하면 암호화 (prefer)", "prefer"),
    ("반드시 암호화 (require)", "require"),
    ("암호화와 서버 인증서 확인 (verify-full)", "verify-full"),
    ("암호화하지 않음 (disable)", "disable"),
]
INTRO = (
    "지금 쓰는 데이터베이스 파일의 모든 자료(표, 검색 색인, 사용자, 접근 기록, 사진, 형식 정보)를 사무실 서버의 "
    "빈 PostgreSQL 데이터베이스로 한 번에 옮깁니다. 전산 담당자에게 빈 데이터베이스를 만들어 달라고 한 뒤 "
    "(createdb), 그 서버와 데이터베이스 이름을 적으세요. 이 컴퓨터의 파일은 그대로 남습니다."
)


class MoveToServerDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.copied_to: str | None = None  # the server's address once the copy is done
        self.setWindowTitle("공유 데이터베이스로 옮기기")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        col = QVBoxLayout(self)
        intro = QLabel(INTRO, wordWrap=True)
        col.addWidget(intro)
        source = window.ctx.db.display_name() if window.ctx is not None else ""
        self.source_label = QLabel(f"옮길 데이터베이스: {source}", wordWrap=True)
        col.addWidget(self.source_label)
        form = QFormLayout()
        self.host_edit = QLineEdit(placeholderText="예: 192.168.0.10 또는 db.example.go.kr")
        self.port_spin = QSpinBox(minimum=1, maximum=65535, value=5432)
        self.database_edit = QLineEdit(placeholderText="예: panel")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.tls_combo = QComboBox()
        for label, mode in TLS_MODES:
            self.tls_combo.addItem(label, mode)
        for label, widget in (
            ("서버(&S)", self.host_edit),
            ("포트(&P)", self.port_spin),
            ("데이터베이스(&D)", self.database_edit),
            ("사용자(&U)", self.user_edit),
            ("비밀번호(&W)", self.password_edit),
            ("암호화(&T)", self.tls_combo),
        ):
            form.addRow(label, widget)  # the label is the field's buddy: Alt+letter goes there
            widget.setAccessibleName(re.sub(r"\(&.\)", "", label))
        col.addLayout(form)
        self.result_label = QLabel(wordWrap=True, objectName="resultLabel")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.result_label)
        buttons = QDialogButtonBox()
        self.test_button = QPushButton("연결 시험")
        self.copy_button = QPushButton("옮기기")
        self.switch_button = QPushButton("이 컴퓨터를 서버로 전환")
        self.switch_button.setEnabled(False)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("닫기", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        col.addWidget(buttons)
        self.test_button.clicked.connect(self.test_connection)
        self.copy_button.clicked.connect(self.copy)
        self.switch_button.clicked.connect(self.switch_over)
        self.resize(620, self.sizeHint().height())
        keep_unsaved_input(self)

    # ----- the address ------------------------------------------------------------------
    def target(self) -> str | None:
        from panelapp.services.system.db_copy import server_url

        try:
            return server_url(
                self.host_edit.text(),
                self.port_spin.value(),
                self.database_edit.text(),
                self.user_edit.text(),
                self.password_edit.text(),
                str(self.tls_combo.currentData()),
            )
        except DomainError as exc:
            self.say(exc.message, error=True)
            return None

    def say(self, text: str, error: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setProperty("error", error)
        set_tone(self.result_label, "error" if error else "")

    def _busy(self, busy: bool) -> None:
        for button in (self.test_button, self.copy_button):
            button.setEnabled(not busy)

    # ----- 연결 시험 ----------------------------------------------------------------------
    def test_connection(self) -> None:
        from panelapp.services.system.db_copy import probe_target

        target = self.target()
        if target is None:
            return
        self._busy(True)
        self.say("연결하는 중입니다…")
        Op(self, lambda _t: probe_target(target)).success(self._tested).failure(self._refused).run()

    def _tested(self, sentence: str) -> None:
        self._busy(False)
        self.say(sentence)

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, DomainError):
            self.say(exc.message, error=True)
        else:
            self.say("")
            show_error(self, exc)

    # ----- 옮기기 --------------------------------------------------------------------------
    def copy(self) -> None:
        from panelapp.services.system.db_copy import copy_database

        target = self.target()
        if target is None or self.window_.ctx is None:
            return
        source = str(self.window_.ctx.db.sqlite_path)
        self._busy(True)
        self.say("옮기는 중입니다…")

        def work(token):
            def progress(text: str) -> None:
                step = STEP.search(text)  # "  [ 3/32] members: 60행": the tables loaded so far
                done, total = (int(step[1]), int(step[2])) if step else (0, 0)
                token.progress(done, total, text.strip())

            return copy_database(source, target, progress=progress)

        Op(self, work, write=True).with_progress("공유 데이터베이스로 옮기는 중…", cancellable=False).success(
            lambda result: self._copied(result, target)
        ).failure(self._refused).run()

    def _copied(self, result, target: str) -> None:
        self._busy(False)
        self.copied_to = target
        rows = sum(result.tables.values())
        self.say(
            f"옮겼습니다: 표 {len(result.tables)}개 {rows:,}행, 사진 {result.attachments}개 (행 수·검사값 일치). "
            f"[이 컴퓨터를 서버로 전환]을 누르면 이 창이 {result.target}의 자료로 다시 열립니다. "
            "다음에 프로그램을 시작할 때도 서버를 쓰려면 파일 → 데이터베이스 연결에서 이 서버를 저장하세요."
        )
        self.switch_button.setEnabled(True)
        self.copy_button.setEnabled(False)

    # ----- 전환 ----------------------------------------------------------------------------
    def switch_over(self):
        """A fresh window on the server (no page keeps rows of the file); this one closes."""
        from panelapp.gui.operations.switch_database import switch_window

        if self.copied_to is None:
            return None
        self.done(QDialog.DialogCode.Accepted)
        return switch_window(self.window_, self.copied_to)
