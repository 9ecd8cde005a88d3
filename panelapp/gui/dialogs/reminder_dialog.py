"""독촉 안내문 만들기: which department (or all), which cohort, and how many working days ahead
counts as soon due; then 파일로 저장… (PDF or .xlsx, gui/file_dialogs kind report) or, when 설정 →
메일 서버 has it switched on, 메일로 보내기 (each department its own PDF at its e-mail address).
Departments without an address are named here: they get no message."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from panelapp.domain.reminder_data import DEFAULT_WITHIN, MAX_WITHIN

TITLE = "독촉 안내문 만들기"
HINT = (
    "답변 기한이 지났거나 곧 닥치는 제안(접수·검토중)을 부서별 안내문으로 만듭니다. 근무일은 주말과 "
    "공휴일을 뺀 날입니다. 제안자 이름은 들어가지 않습니다."
)
FILE, MAIL = "file", "mail"
MAIL_OFF = "메일로 보내려면 설정 → 메일 서버에서 메일 보내기를 켜고 서버를 적어 주세요."


@dataclass(frozen=True)
class ReminderChoice:
    department_id: int | None  # None: every department
    department: str
    cohort_id: int
    cohort: str
    within: int
    action: str  # FILE or MAIL


class ReminderDialog(QDialog):
    """departments: (id, name, has e-mail) triples; cohorts: (id, name) pairs."""

    def __init__(self, parent, departments, cohorts, department_id=None, cohort_id=None, mail_on=False):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.action = FILE
        self._departments = list(departments)
        col = QVBoxLayout(self)
        col.addWidget(QLabel(HINT, wordWrap=True))
        form = QFormLayout()
        self.department_combo = QComboBox()
        self.department_combo.setAccessibleName("담당부서")
        self.department_combo.addItem("모든 부서 (독촉할 제안이 있는 부서만)", None)
        for value, label, _mail in self._departments:
            self.department_combo.addItem(label, value)
        self.department_combo.setCurrentIndex(max(self.department_combo.findData(department_id), 0))
        form.addRow("담당부서", self.department_combo)
        self.cohort_combo = QComboBox()
        self.cohort_combo.setAccessibleName("기수")
        for value, label in cohorts:
            self.cohort_combo.addItem(label, value)
        self.cohort_combo.setCurrentIndex(max(self.cohort_combo.findData(cohort_id), 0))
        form.addRow("기수", self.cohort_combo)
        self.within_spin = QSpinBox()
        self.within_spin.setAccessibleName("기한 임박 기준")
        self.within_spin.setRange(0, MAX_WITHIN)
        self.within_spin.setValue(DEFAULT_WITHIN)
        self.within_spin.setSuffix(" 근무일 안")
        form.addRow("기한 임박", self.within_spin)
        col.addLayout(form)
        self.mail_label = QLabel(wordWrap=True)
        col.addWidget(self.mail_label)
        self.error_label = QLabel(wordWrap=True)
        self.error_label.hide()
        col.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.file_button = QPushButton("파일로 저장…")
        self.file_button.setDefault(True)
        self.mail_button = QPushButton("메일로 보내기")
        self.mail_button.setEnabled(mail_on)
        if not mail_on:
            self.mail_button.setToolTip(MAIL_OFF)
        self.buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.clicked.connect(lambda: self._accept(FILE))
        self.mail_button.clicked.connect(lambda: self._accept(MAIL))
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.mail_on = mail_on
        self.department_combo.currentIndexChanged.connect(lambda _i: self._show_mail())
        self._show_mail()
        self.resize(560, self.sizeHint().height())

    def _show_mail(self) -> None:
        from panelapp.gui.palette import set_tone

        if not self.mail_on:
            self.mail_label.setText(MAIL_OFF)
            set_tone(self.mail_label, "hint")
            return
        chosen = self.department_combo.currentData()
        missing = [n for d, n, has in self._departments if not has and (chosen is None or d == chosen)]
        if missing:
            self.mail_label.setText(
                f"이메일 주소가 없는 부서: {', '.join(missing)} — 이 부서에는 메일을 보내지 않습니다 "
                "(시설·부서 → 담당부서에서 주소를 입력하세요)."
            )
            set_tone(self.mail_label, "warn")
        else:
            self.mail_label.setText("메일로 보내면 각 부서의 이메일 주소로 그 부서의 안내문(PDF)만 갑니다.")
            set_tone(self.mail_label, "hint")

    def _accept(self, action: str) -> None:
        from panelapp.gui.palette import set_tone

        if self.cohort_combo.currentData() is None:
            set_tone(self.error_label, "error")
            self.error_label.setText("기수가 없습니다. 기수를 먼저 만들어 주세요.")
            self.error_label.show()
            return
        self.action = action
        self.accept()

    def choice(self) -> ReminderChoice:
        dept = self.department_combo.currentData()
        return ReminderChoice(
            None if dept is None else int(dept),
            self.department_combo.currentText() if dept is not None else "모든부서",
            int(self.cohort_combo.currentData()),
            self.cohort_combo.currentText(),
            self.within_spin.value(),
            self.action,
        )
