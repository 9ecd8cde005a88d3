"""출석 서명부 인쇄: choose the event, names in full (with a purpose) or masked, then the PDF.

A sign-in sheet is signed beside one's own name: a masked "김*희" is not enough to find one's
line when two members of a team share the pattern, and a signature beside it attests less. So
the sheet offers full names first, and asks for the purpose, which goes to the access log with
the account, the host, the event and the number of names; masking stays one click away. Only
names and teams are printed. The PDF opens in the preview, which prints it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
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

from panelapp.domain.errors import ValidationError
from panelapp.gui.core.dialogs import keep_unsaved_input, mark_clean
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.operations.list_export import cohort_tag
from panelapp.gui.palette import set_tone

PURPOSE_HINT = "예: 5월 12일 발대식 출석 확인"
FULL_TEXT = "이름 전체로 (서명용, 목적과 작성자가 개인정보 열람 기록에 남습니다)"
MASKED_TEXT = "이름 일부를 가려서 (예: 김*희)"


def sheet_name(cohort: str, label: str) -> str:
    """서명부_제7기_2026-05-12_발대식.pdf from the event's label "2026-05-12 (화) 14:00 발대식 · …"."""
    day = label[:10]
    kind = label.split(" · ", 1)[0].split(" ")[-1]
    parts = ["서명부", cohort_tag(cohort), day, kind]
    return re.sub(r'[\\/:*?"<>|\s·]+', "_", "_".join(p for p in parts if p)).strip("_") + ".pdf"


class SignInSheetDialog(QDialog):
    def __init__(self, window, cohort_id: int, cohort_text: str = ""):
        super().__init__(window)
        self.window_, self.cohort_id, self.cohort_text = window, cohort_id, cohort_text
        self.result_ = None
        self.setWindowTitle("출석 서명부 인쇄")
        self.setMinimumWidth(560)
        col = QVBoxLayout(self)
        intro = QLabel(
            "행사에 참석할 단원(점검은 배정된 단원, 그 밖의 행사는 그날 활동 기간인 단원)의 "
            "번호·이름·소속 단과 서명 칸을 인쇄합니다. 전화번호 등 다른 정보는 싣지 않습니다."
        )
        intro.setWordWrap(True)
        set_tone(intro, "hint")
        col.addWidget(intro)
        form = QFormLayout()
        self.event_combo = QComboBox()
        self.event_combo.setMinimumContentsLength(36)
        self.event_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        form.addRow("행사", self.event_combo)
        self.full_radio, self.masked_radio = QRadioButton(FULL_TEXT), QRadioButton(MASKED_TEXT)
        self.full_radio.setChecked(True)
        group = QButtonGroup(self)
        for radio in (self.full_radio, self.masked_radio):
            group.addButton(radio)
        form.addRow("이름", self.full_radio)
        form.addRow("", self.masked_radio)
        self.purpose_edit = QLineEdit(placeholderText=PURPOSE_HINT)
        self.purpose_edit.setMaxLength(200)
        form.addRow("출력 목적", self.purpose_edit)
        col.addLayout(form)
        self.error_label = QLabel()
        set_tone(self.error_label, "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        col.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("PDF 만들기")
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.full_radio.toggled.connect(self._names_changed)
        self._names_changed()
        keep_unsaved_input(self)
        ctx = window.ctx

        def load(_token):
            from panelapp.services.activities.signin import signin_event_choices

            return signin_event_choices(ctx, cohort_id)

        self.loading = Op(self, load).success(self._loaded).run()

    def _loaded(self, result) -> None:
        choices, default = result
        for choice in choices:
            self.event_combo.addItem(choice.label, choice.id)
        self.event_combo.setCurrentIndex(max(self.event_combo.findData(default), 0))
        self.ok_button.setEnabled(bool(choices))
        if not choices:
            self._error(
                "이 기수에는 아직 행사가 없습니다. '활동·출석'에서 행사를 추가하거나 점검 일정을 만드세요."
            )
        mark_clean(self)

    def _names_changed(self, *_args) -> None:
        self.purpose_edit.setEnabled(self.full_radio.isChecked())

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def ask_path(self, name: str) -> str | None:
        from panelapp.gui.file_dialogs import save_file

        return save_file(self, "export", "출석 서명부 저장", name, "PDF 문서 (*.pdf)", suffix=".pdf")

    def make(self):
        from panelapp.services.activities.signin import write_signin_sheet

        self.error_label.hide()
        event_id = self.event_combo.currentData()
        if event_id is None:
            return None
        masked = self.masked_radio.isChecked()
        purpose = None if masked else self.purpose_edit.text().strip()
        if not masked and not purpose:
            self.purpose_edit.setFocus()
            return self._error(
                "출력 목적: 이름 전체로 인쇄하는 목적을 적어 주세요. (목적 없이 인쇄하려면 '이름 일부를 가려서'를 고르세요.)"
            )
        path = self.ask_path(sheet_name(self.cohort_text, self.event_combo.currentText()))
        if path is None:
            return None
        ctx = self.window_.ctx
        self.ok_button.setEnabled(False)
        self.op = (
            Op(
                self,
                lambda _t: write_signin_sheet(ctx, event_id, path, masked=masked, purpose=purpose),
                write=True,  # masked or not, the sheet is written to the access log
            )
            .with_progress("출석 서명부를 만드는 중…", cancellable=False)
            .success(self._made)
            .failure(self._failed)
        )
        self.op.finished.connect(lambda *_: self.ok_button.setEnabled(True))
        return self.op.run()

    def _made(self, result) -> None:
        from panelapp.gui.dialogs.report_preview import ReportPreviewDialog

        self.result_ = result
        mark_clean(self)
        self.accept()
        bar = getattr(self.window_, "statusBar", None)
        if callable(bar):
            how = "이름 일부 가림" if result.masked else "이름 전체"
            bar().showMessage(
                f"출석 서명부({result.names:,}명, {how}, {result.pages}쪽)를 저장했습니다: {result.path}",
                10000,
            )
        preview = ReportPreviewDialog(self.window_, result.path, "출석 서명부")
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.show()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            return self._error(exc.message)
        show_error(self, exc)
