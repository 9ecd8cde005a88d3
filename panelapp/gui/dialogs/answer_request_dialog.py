"""답변 요청서 만들기: which department, which cohort, and whether 제안자 is written in full (with
the purpose the access log keeps). The file is chosen after it (gui/file_dialogs, kind export)
and written on a worker (gui/operations/answer_requests.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

TITLE = "답변 요청서 만들기"
HINT = (
    "앱을 쓰지 않는 부서에 보낼 엑셀 파일을 만듭니다. 고른 부서의 답변을 기다리는 제안(접수·검토중)이 "
    "발견사항·사진과 함께 담기고, 부서는 노란 칸에 결과·사유·추진 계획·완료 예정일·답변자를 적어 회신합니다. "
    "회신받은 파일은 '답변 요청서 가져오기…'로 한 번에 저장합니다."
)
MASKED, UNMASKED = "제안자 이름을 가려서 (권장)", "가리지 않고 (목적이 접근 기록에 남습니다)"


@dataclass(frozen=True)
class RequestChoice:
    department_id: int
    department: str
    cohort_id: int
    cohort: str
    purpose: str | None


class AnswerRequestDialog(QDialog):
    """departments, cohorts: (id, name) pairs; the choice is `choice()` after accept."""

    def __init__(self, parent, departments, cohorts, department_id=None, cohort_id=None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        col = QVBoxLayout(self)
        hint = QLabel(HINT, wordWrap=True)
        col.addWidget(hint)
        form = QFormLayout()
        self.department_combo = QComboBox()
        self.department_combo.setAccessibleName("담당부서")
        for value, label in departments:
            self.department_combo.addItem(label, value)
        self.department_combo.setCurrentIndex(max(self.department_combo.findData(department_id), 0))
        form.addRow("담당부서", self.department_combo)
        self.cohort_combo = QComboBox()
        self.cohort_combo.setAccessibleName("기수")
        for value, label in cohorts:
            self.cohort_combo.addItem(label, value)
        self.cohort_combo.setCurrentIndex(max(self.cohort_combo.findData(cohort_id), 0))
        form.addRow("기수", self.cohort_combo)
        self.masked_radio, self.unmasked_radio = QRadioButton(MASKED), QRadioButton(UNMASKED)
        self.masked_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.masked_radio)
        group.addButton(self.unmasked_radio)
        form.addRow("제안자", self.masked_radio)
        form.addRow("", self.unmasked_radio)
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setAccessibleName("내보내기 목적")
        self.purpose_edit.setPlaceholderText("가리지 않는 목적 (예: 부서 회신 확인)")
        self.purpose_edit.setEnabled(False)
        self.unmasked_radio.toggled.connect(self.purpose_edit.setEnabled)
        form.addRow("목적", self.purpose_edit)
        col.addLayout(form)
        self.error_label = QLabel(wordWrap=True)
        self.error_label.hide()
        col.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("파일 고르기…")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _say(self, text: str) -> None:
        from panelapp.gui.palette import set_tone

        set_tone(self.error_label, "error")
        self.error_label.setText(text)
        self.error_label.show()

    def _accept(self) -> None:
        if self.department_combo.currentData() is None:
            self._say("담당부서가 없습니다. 시설·부서 → 담당부서에서 먼저 등록해 주세요.")
            return
        if self.cohort_combo.currentData() is None:
            self._say("기수가 없습니다. 기수를 먼저 만들어 주세요.")
            return
        if self.unmasked_radio.isChecked() and not self.purpose_edit.text().strip():
            self._say("제안자 이름을 가리지 않으려면 목적을 적어 주세요.")
            self.purpose_edit.setFocus()
            return
        self.accept()

    def choice(self) -> RequestChoice:
        purpose = self.purpose_edit.text().strip() if self.unmasked_radio.isChecked() else None
        return RequestChoice(
            int(self.department_combo.currentData()),
            self.department_combo.currentText(),
            int(self.cohort_combo.currentData()),
            self.cohort_combo.currentText(),
            purpose or None,
        )
