"""설정 → 메일 서버: the SMTP server 독촉 안내문 메일로 보내기 uses (services/reminders/mail.py).
Off until switched on here. Kept in this computer's settings; the password goes to the system
keyring when there is one (else it is asked at every send) and never into the settings file."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from panelapp.domain.errors import DomainError

TITLE = "메일 서버"
HINT = (
    "독촉 안내문을 부서에 메일로 보낼 때 쓰는 기관의 메일(SMTP) 서버입니다. 이 컴퓨터에만 저장되며, "
    "비밀번호는 설정 파일에 적지 않습니다."
)


class MailSettingsDialog(QDialog):
    def __init__(self, parent, settings):
        from panelapp.services.reminders.mail import SECURITY_LABELS, mail_settings
        from panelapp.services.system.connection import keyring_usable

        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.settings = settings
        m = mail_settings(settings)
        col = QVBoxLayout(self)
        col.addWidget(QLabel(HINT, wordWrap=True))
        self.enabled_check = QCheckBox("메일 보내기 켜기")
        self.enabled_check.setChecked(m.enabled)
        col.addWidget(self.enabled_check)
        form = QFormLayout()
        self.host_edit = QLineEdit(m.host, placeholderText="smtp.example.go.kr")
        self.host_edit.setAccessibleName("메일 서버 주소")
        form.addRow("서버 주소", self.host_edit)
        self.port_spin = QSpinBox()
        self.port_spin.setAccessibleName("포트")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(m.port)
        form.addRow("포트", self.port_spin)
        self.security_combo = QComboBox()
        self.security_combo.setAccessibleName("보안 방식")
        for value, label in SECURITY_LABELS.items():
            self.security_combo.addItem(label, value)
        self.security_combo.setCurrentIndex(max(self.security_combo.findData(m.security), 0))
        form.addRow("보안", self.security_combo)
        self.sender_edit = QLineEdit(m.sender, placeholderText="panel@example.go.kr")
        self.sender_edit.setAccessibleName("보내는 주소")
        form.addRow("보내는 주소", self.sender_edit)
        self.user_edit = QLineEdit(m.user, placeholderText="로그인이 필요 없으면 비워 둡니다")
        self.user_edit.setAccessibleName("사용자")
        form.addRow("사용자", self.user_edit)
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("비밀번호")
        self.password_edit.setPlaceholderText("바꿀 때만 입력")
        form.addRow("비밀번호", self.password_edit)
        self.keyring_check = QCheckBox("이 컴퓨터의 키링에 저장 (아니면 보낼 때마다 묻습니다)")
        self.has_keyring = keyring_usable()
        self.keyring_check.setChecked(self.has_keyring and m.password == "keyring")
        self.keyring_check.setEnabled(self.has_keyring)
        if not self.has_keyring:
            self.keyring_check.setText("이 컴퓨터에는 키링이 없어 비밀번호를 보낼 때마다 묻습니다")
        form.addRow("", self.keyring_check)
        col.addLayout(form)
        self.error_label = QLabel(wordWrap=True)
        self.error_label.hide()
        col.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("저장")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("취소")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        from panelapp.gui.palette import set_tone
        from panelapp.services.reminders.mail import (
            ASK,
            KEYRING,
            MailSettings,
            check_mail_settings,
            store_password,
        )

        wanted = MailSettings(
            self.enabled_check.isChecked(),
            self.host_edit.text(),
            self.port_spin.value(),
            str(self.security_combo.currentData()),
            self.sender_edit.text(),
            self.user_edit.text(),
            KEYRING if self.keyring_check.isChecked() else ASK,
        )
        try:
            m = check_mail_settings(wanted)
            password = self.password_edit.text()
            if m.password == KEYRING and password and not store_password(m, password):
                m = replace(m, password=ASK)  # refused by the keyring: asked at every send
            self.settings.set("mail", m.to_dict())
        except DomainError as exc:
            set_tone(self.error_label, "error")
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.accept()
