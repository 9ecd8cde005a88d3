"""개선 보고서 만들기: cohort, period, facilities, sections, photos, masking, files.

The dialog starts from the choices of the newest report made from this database (the database
keeps its reports, services/reporting/history.py; another database's ids are never offered);
write_report records the report with its choices.

Besides the PDF (and its .xlsx), the board report may be saved as a 한글 문서 (.hwpx) and a
Word file (.docx) beside it, with the PDF's name. The report is made off the UI thread with a
progress bar and Cancel; when it is done the built-in preview opens for the PDF (the .hwpx and
.docx open in their own programs from the 개선 보고서 page). The purpose for unmasked names is never remembered: each report
without masking asks for it again, and it goes to the access log.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem

from panelapp.domain.errors import ValidationError
from panelapp.domain.localtime import today_local
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.scroll_body import scroll_body
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.forms.ui_report_dialog import Ui_ReportDialog

SECTION_BOXES = {
    "summary": "summaryCheck",
    "facilities": "facilitiesCheck",
    "proposals": "proposalsCheck",
    "feedback": "feedbackCheck",
    "appendix": "appendixCheck",
}
# the sections offered before "feedback" existed: a section added since the options were saved
# starts ticked, one the user unticked stays unticked
FIRST_SECTIONS = ("summary", "facilities", "proposals", "appendix")


class ReportDialog(QDialog):
    def __init__(self, window, cohort_id: int | None = None):
        super().__init__(window)
        self.window_ = window
        self.ui = Ui_ReportDialog()
        self.ui.setupUi(self)
        scroll_body(self)  # taller than 150 % leaves of a 1366×768 screen: the form scrolls
        self.cohorts: list = []
        self.result_ = None
        self.saved: dict = {}  # the last choices made here, once loaded with the cohorts
        self._wanted_cohort = cohort_id
        for edit in (self.ui.fromEdit, self.ui.toEdit):
            setup_date_edit(edit)
        self.ui.errorLabel.hide()
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("보고서 만들기")
        self.ok_button.setEnabled(False)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("닫기")
        self.ui.buttonBox.accepted.connect(self.generate)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.termButton.clicked.connect(self._whole_term)
        self.ui.cohortCombo.currentIndexChanged.connect(self._cohort_changed)
        self.ui.someFacilitiesRadio.toggled.connect(self.ui.facilityList.setEnabled)
        self.ui.photosCheck.toggled.connect(self.ui.maxPhotosSpin.setEnabled)
        self.ui.purposeEdit.textChanged.connect(self._privacy_hint)
        self._apply_saved()
        self._privacy_hint()
        ctx = window.ctx

        def load(_token):
            from panelapp.services.cohorts.manage import list_cohorts
            from panelapp.services.registers.facilities import list_facilities
            from panelapp.services.reporting.history import last_report_options

            return list_cohorts(ctx), list_facilities(ctx), last_report_options(ctx)

        self.loading = Op(self, load).success(self._loaded).run()

    # ----- choices --------------------------------------------------------------------------
    def _apply_saved(self) -> None:
        s = self.saved
        sections = set(s.get("sections") or SECTION_BOXES)
        offered = set(s.get("sections_offered") or FIRST_SECTIONS)
        for key, name in SECTION_BOXES.items():
            getattr(self.ui, name).setChecked(key in sections or key not in offered)
        self.ui.photosCheck.setChecked(s.get("photos", True))
        self.ui.maxPhotosSpin.setValue(int(s.get("max_photos", 2)))
        self.ui.maxPhotosSpin.setEnabled(self.ui.photosCheck.isChecked())
        self.ui.xlsxCheck.setChecked(bool(s.get("xlsx", False)))
        self.ui.hwpxCheck.setChecked(bool(s.get("hwpx", False)))
        self.ui.docxCheck.setChecked(bool(s.get("docx", False)))
        some = s.get("facility_ids") is not None
        self.ui.someFacilitiesRadio.setChecked(some)
        self.ui.facilityList.setEnabled(some)

    def _loaded(self, result) -> None:
        self.cohorts, facilities, self.saved = result
        if self._wanted_cohort is None:
            self._wanted_cohort = self.saved.get("cohort_id")
        self._apply_saved()
        chosen = set(self.saved.get("facility_ids") or ())
        for f in facilities:
            item = QListWidgetItem(f.name + ("" if f.active else " (운영 중지)"))
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if f.id in chosen else Qt.CheckState.Unchecked)
            self.ui.facilityList.addItem(item)
        self.ui.cohortCombo.blockSignals(True)
        for c in self.cohorts:
            self.ui.cohortCombo.addItem(c.display_name, c.id)
        index = self.ui.cohortCombo.findData(self._wanted_cohort)
        self.ui.cohortCombo.setCurrentIndex(max(index, 0))
        self.ui.cohortCombo.blockSignals(False)
        self._cohort_changed(keep_saved_period=True)
        self.ok_button.setEnabled(bool(self.cohorts))
        if not self.cohorts:
            self._error("보고서를 만들 기수가 없습니다. 먼저 '기수·단 관리'에서 기수를 만들어 주세요.")

    def _cohort(self):
        cohort_id = self.ui.cohortCombo.currentData()
        return next((c for c in self.cohorts if c.id == cohort_id), None)

    def _cohort_changed(self, *_args, keep_saved_period: bool = False) -> None:
        cohort = self._cohort()
        if cohort is None:
            return
        same = keep_saved_period and self.saved.get("cohort_id") == cohort.id and self.saved.get("date_from")
        start = dt.date.fromisoformat(self.saved["date_from"]) if same else cohort.term_start
        end = dt.date.fromisoformat(self.saved["date_to"]) if same else cohort.term_end
        self.ui.fromEdit.setDate(from_date(start))
        self.ui.toEdit.setDate(from_date(end))
        folder = self.saved.get("folder")
        if not folder or not Path(folder).is_dir():  # a shared database: another computer's folder
            from panelapp.gui.file_dialogs import settings_of, start_folder

            folder = str(start_folder(settings_of(self), "report"))
        if not keep_saved_period or not self.ui.pdfPathEdit.text():
            name = f"{cohort.name} 개선 보고서 {today_local().isoformat()}.pdf".replace(" ", "_")
            self.ui.pdfPathEdit.setText(str(Path(folder) / name))

    def _whole_term(self) -> None:
        cohort = self._cohort()
        if cohort is not None:
            self.ui.fromEdit.setDate(from_date(cohort.term_start))
            self.ui.toEdit.setDate(from_date(cohort.term_end))

    def _privacy_hint(self) -> None:
        if self.ui.purposeEdit.text().strip():
            text = "단원 이름을 가리지 않고 표시합니다. 목적과 작성자가 개인정보 열람 기록에 남습니다."
        else:
            text = "단원 이름의 일부를 가립니다(예: 김*희). 이름을 그대로 실으려면 목적을 적어 주세요."
        self.ui.privacyHint.setText(text)

    def browse(self) -> None:
        from panelapp.gui.file_dialogs import save_file

        path = save_file(
            self, "report", "보고서 저장", self.ui.pdfPathEdit.text(), "PDF 문서 (*.pdf)", ".pdf"
        )
        if path:
            self.ui.pdfPathEdit.setText(path)

    # ----- generating -------------------------------------------------------------------------
    def options(self):
        from panelapp.domain.report_data import ReportOptions

        facility_ids = None
        if self.ui.someFacilitiesRadio.isChecked():
            items = (self.ui.facilityList.item(i) for i in range(self.ui.facilityList.count()))
            facility_ids = tuple(
                it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked
            )
        purpose = self.ui.purposeEdit.text().strip() or None
        return ReportOptions(
            self.ui.cohortCombo.currentData(),
            to_date(self.ui.fromEdit.date()),
            to_date(self.ui.toEdit.date()),
            facility_ids,
            frozenset(k for k, n in SECTION_BOXES.items() if getattr(self.ui, n).isChecked()),
            self.ui.photosCheck.isChecked(),
            self.ui.maxPhotosSpin.value(),
            purpose is None,
            purpose,
        )

    def generate(self) -> None:
        from panelapp.services.reporting.files import write_report

        self.ui.errorLabel.hide()
        pdf = self.ui.pdfPathEdit.text().strip()
        if not pdf:
            return self._error("저장할 파일: PDF 파일 이름을 정해 주세요.")
        if not pdf.lower().endswith(".pdf"):
            pdf += ".pdf"
            self.ui.pdfPathEdit.setText(pdf)
        xlsx = str(Path(pdf).with_suffix(".xlsx")) if self.ui.xlsxCheck.isChecked() else None
        hwpx = str(Path(pdf).with_suffix(".hwpx")) if self.ui.hwpxCheck.isChecked() else None
        docx = str(Path(pdf).with_suffix(".docx")) if self.ui.docxCheck.isChecked() else None
        options, ctx = self.options(), self.window_.ctx
        if not options.sections:
            return self._error("수록 내용: 하나 이상 골라 주세요.")
        self.ok_button.setEnabled(False)
        self.op = (
            Op(
                self,
                lambda token: write_report(ctx, options, pdf, xlsx, token, hwpx_path=hwpx, docx_path=docx),
                write=True,
            )
            .with_progress("개선 보고서를 만드는 중…")
            .success(self._made)
            .failure(self._failed)
        )
        self.op.finished.connect(lambda *_: self.ok_button.setEnabled(True))
        self.op.run()

    def _made(self, result) -> None:
        self.result_ = result  # write_report recorded it with its choices: the list follows
        self.accept()
        from panelapp.gui.dialogs.report_preview import ReportPreviewDialog

        preview = ReportPreviewDialog(self.window_, result.pdf_path, self.ui.cohortCombo.currentText())
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.show()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            return self._error(exc.message)
        show_error(self, exc)

    def _error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()
