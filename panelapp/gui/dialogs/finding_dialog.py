"""Add or edit a 발견사항, with its photos: added by file dialog or dropped onto the window.

A saved finding's photos are attached and removed at once (removal offers Ctrl+Z); a new
finding's photos are checked when picked and attached in the same transaction as the finding.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.enums import FindingCategory, Severity
from panelapp.domain.localtime import today_local
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input, mark_clean, may_discard, open_dialog
from panelapp.gui.core.field_errors import as_list, keeps_input, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.scroll_body import scroll_body
from panelapp.gui.dates import from_date, to_date
from panelapp.gui.forms.ui_finding_dialog import Ui_FindingDialog
from panelapp.gui.korean_calendar import setup_korean_date_edit
from panelapp.gui.masked_text import keep_masked_read_only, masked_hint
from panelapp.gui.photo_strip import Photo, PhotoStrip, load_pixmap

IMAGE_FILTER = "사진 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.tif *.tiff);;모든 파일 (*)"


NO_VISITS = "이 기수에 점검이 없습니다. 점검 일정에서 점검을 먼저 만들어 주세요."


def open_new_finding(window, cohort_id: int, parent=None) -> Op:
    """Load the cohort's visits (one light query: a cohort can have 50,000), then open the dialog."""
    from panelapp.services.inspections.listing import visit_choices

    ctx = window.ctx

    def show(visits) -> None:
        if not visits:
            QMessageBox.information(parent or window, "발견사항 추가", NO_VISITS)
            return
        open_dialog(FindingDialog(window, visits, parent=parent))

    return Op(parent or window, lambda _t: visit_choices(ctx, cohort_id)).success(show).run()


def open_finding(window, finding_id: int, parent=None, stale=None, view_only: bool = False) -> Op:
    """Load a finding with its photos and the visits of its cohort, then open the dialog;
    `stale` is called when a save finds the finding changed or deleted by someone else;
    `view_only`: an account that reads findings but does not write them (열람자) sees it whole."""
    from panelapp.services.attachments.photos import list_attachments
    from panelapp.services.findings.manage import get_finding
    from panelapp.services.inspections.listing import visit_choices

    ctx = window.ctx

    def fetch(_t):
        info = get_finding(ctx, finding_id)
        visits = visit_choices(ctx, info.cohort_id) if info.cohort_id else []
        return info, visits, list_attachments(ctx, "finding", finding_id)

    def show(result) -> None:
        info, visits, photos = result
        dialog = FindingDialog(window, visits, info, photos=photos, parent=parent)
        if view_only:
            dialog.view_only()
        if stale is not None:
            dialog.stale.connect(stale)
        open_dialog(dialog)

    return Op(parent or window, fetch).success(show).run()


class FindingDialog(QDialog):
    stale = Signal()  # a save failed on a finding changed or deleted meanwhile: lists should reload

    def __init__(self, window, inspections, finding=None, fixed: bool = False, photos=(), parent=None):
        """`inspections`: (id, label[, date]) choices, the date being the visit's (a new finding
        starts on it); `fixed`: the first one, not to be changed."""
        super().__init__(parent or window)
        self.window_, self.finding = window, finding
        self.saved = None
        self.ui = ui = Ui_FindingDialog()
        ui.setupUi(self)
        scroll_body(self)  # taller than 150 % leaves of a 1366×768 screen: the form scrolls
        setup_korean_date_edit(ui.observedEdit)
        self.setWindowTitle("발견사항 추가" if finding is None else f"발견사항 수정 — {finding.title}")
        # A cohort can have 50,000 visits: labels go in at C++ speed (addItems), ids and dates stay
        # in Python lists, and the combo never measures every label for its width.
        self.visit_ids = [c[0] for c in inspections]
        self.visit_days = [c[2] if len(c) > 2 else None for c in inspections]
        ui.inspectionCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        ui.inspectionCombo.setMinimumContentsLength(28)
        ui.inspectionCombo.addItems([c[1] for c in inspections])
        ui.inspectionCombo.setEnabled(not fixed)
        for label, value in FindingCategory.choices():
            ui.categoryCombo.addItem(label, value)
        for label, value in Severity.choices():
            ui.severityCombo.addItem(label, value)
        self.strip = PhotoStrip()
        QVBoxLayout(ui.photoHost).addWidget(self.strip)
        QWidget.setTabOrder(ui.descriptionEdit, self.strip)  # in the chain where it is on screen
        ui.photoHost.layout().setContentsMargins(0, 0, 0, 0)
        self.strip.open_requested.connect(self.view_photo)
        ui.addPhotoButton.clicked.connect(self.choose_photos)
        ui.removePhotoButton.clicked.connect(self.remove_photo)
        self.fields = {
            "점검": ui.inspectionCombo,
            "제목": ui.titleEdit,
            "분류": ui.categoryCombo,
            "심각도": ui.severityCombo,
            "위치": ui.locationEdit,
            "내용": ui.descriptionEdit,
            "발견일": ui.observedEdit,
        }
        show_field_errors(self.fields, ui.errorLabel, [])
        ui.inspectionCombo.currentIndexChanged.connect(self._inspection_changed)
        if finding is None:
            ui.categoryCombo.setCurrentIndex(-1)
            ui.severityCombo.setCurrentIndex(ui.severityCombo.findData(Severity.MEDIUM))
            ui.observedEdit.setDate(from_date(today_local()))  # unless the visit gives its day
            if not fixed:
                ui.inspectionCombo.setCurrentIndex(self._latest_visit_so_far())
            self._inspection_changed()
        else:
            self._fill(finding)
            self._show_saved_photos(photos)
        ui.categoryCombo.setPlaceholderText("분류를 고르세요")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("닫기")
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.close_dialog)
        # photos picked for a new finding are saved with it: losing them is losing input
        keep_unsaved_input(self, lambda: tuple(str(p) for p in self.strip.local_paths()))
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self,
            self.fields,
            ui.errorLabel,
            self._fetch_current,
            self._fill,
            self._adopt,
            self.stale.emit,
        )

    def _fill(self, finding) -> None:
        ui = self.ui
        known = finding.inspection_id in self.visit_ids
        ui.inspectionCombo.setCurrentIndex(self.visit_ids.index(finding.inspection_id) if known else 0)
        ui.titleEdit.setText(finding.title)
        ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData(finding.category))
        ui.severityCombo.setCurrentIndex(ui.severityCombo.findData(finding.severity))
        ui.locationEdit.setText(finding.location or "")
        ui.descriptionEdit.setPlainText(finding.description or "")
        ui.observedEdit.setDate(from_date(finding.observed_on))
        if getattr(finding, "texts_masked", False):
            self._keep_texts()

    def view_only(self) -> None:
        """발견사항 보기: every field shown and none editable, no save, no photo changes (the
        photos still open); the texts as this account may see them (masked names stay masked)."""
        ui = self.ui
        self.setWindowTitle(
            f"발견사항 보기 — {self.finding.title}" if self.finding is not None else "발견사항 보기"
        )
        for edit in (ui.titleEdit, ui.locationEdit, ui.descriptionEdit):
            edit.setReadOnly(True)
        for widget in (ui.inspectionCombo, ui.categoryCombo, ui.severityCombo, ui.observedEdit):
            widget.setEnabled(False)
        for button in (ui.addPhotoButton, ui.removePhotoButton):
            button.setVisible(False)
        ui.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("닫기")
        mark_clean(self)

    def _keep_texts(self) -> None:
        """The texts name a member this account sees masked: shown, not edited (what is saved
        back unchanged keeps the real text; services/masking.masked_text_guard)."""
        ui = self.ui
        for field in (ui.titleEdit, ui.locationEdit, ui.descriptionEdit):
            keep_masked_read_only(field)
        if self.findChild(QLabel, "maskedTextHint") is None:
            hint = masked_hint(self, "제목·위치·내용")
            box = ui.errorLabel.parentWidget().layout()
            at = box.indexOf(ui.errorLabel) if box is not None else -1
            if box is not None and at >= 0 and hasattr(box, "insertWidget"):
                box.insertWidget(at, hint)
            else:
                self.layout().addWidget(hint)

    def _fetch_current(self):
        from panelapp.services.findings.manage import get_finding

        assert self.finding is not None
        return get_finding(self.window_.ctx, self.finding.id)

    def _adopt(self, finding) -> None:
        self.finding = finding

    def _latest_visit_so_far(self) -> int:
        """The choice a new finding starts on: the latest visit on or before today (findings are
        written after a visit; one still ahead cannot have any), else the first."""
        today = today_local()
        best, best_day = 0, None
        for index, day in enumerate(self.visit_days):
            if day is not None and day <= today and (best_day is None or day > best_day):
                best, best_day = index, day
        return best

    def close_dialog(self) -> None:
        """닫기 asks as Esc and ✕ do: a typed text or a picked photo is not dropped unasked."""
        if may_discard(self):
            self.reject()

    def visit_id(self) -> int | None:
        index = self.ui.inspectionCombo.currentIndex()
        return self.visit_ids[index] if 0 <= index < len(self.visit_ids) else None

    def _inspection_changed(self, *_args) -> None:
        """A new finding is dated on its visit's day; an edited one moved to a later visit
        follows it (a finding cannot predate its visit)."""
        index = self.ui.inspectionCombo.currentIndex()
        day = self.visit_days[index] if 0 <= index < len(self.visit_days) else None
        if day is None:
            return
        if self.finding is None:
            # the visit's day, or today for a visit still ahead (the service then says why)
            self.ui.observedEdit.setDate(from_date(min(day, today_local())))
        elif to_date(self.ui.observedEdit.date()) < day:
            self.ui.observedEdit.setDate(from_date(day))

    # ----- photos ------------------------------------------------------------------------
    def _show_saved_photos(self, photos) -> None:
        from panelapp.services.attachments.photos import thumbnail_path

        ctx = self.window_.ctx
        for a in photos:
            self.strip.add(Photo(a.original_name, attachment_id=a.id))
        ids = [a.id for a in photos]
        Op(self, lambda _t: [thumbnail_path(ctx, i) for i in ids]).success(self._set_thumbs).run()

    def _set_thumbs(self, paths) -> None:
        from PySide6.QtGui import QIcon

        saved = [r for r, p in enumerate(self.strip.photos) if p.attachment_id is not None]
        for row, path in zip(saved, paths):
            self.strip.item(row).setIcon(QIcon(load_pixmap(path)))

    def choose_photos(self) -> None:
        from panelapp.gui.file_dialogs import open_files

        paths = open_files(self, "photo", "사진 추가", IMAGE_FILTER)
        if paths:
            self.add_files([Path(p) for p in paths])

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def add_files(self, paths: list[Path]) -> Op:
        from panelapp.services.attachments.photos import add_photo, check_photo, thumbnail_path

        ctx, finding = self.window_.ctx, self.finding

        def work(_t):
            done, refused = [], []
            for path in paths:
                try:
                    if finding is None:
                        check_photo(path)
                        done.append((Photo(path.name, local_path=path), None))
                    else:
                        a = add_photo(ctx, "finding", finding.id, path)
                        done.append((Photo(a.original_name, attachment_id=a.id), thumbnail_path(ctx, a.id)))
                except Exception as exc:  # noqa: BLE001 - each refused file is reported by name
                    refused.append(str(exc))
            return done, refused

        return Op(self, work, write=finding is not None).success(self._added).run()

    def _added(self, result) -> None:
        done, refused = result
        known = {p.attachment_id for p in self.strip.photos if p.attachment_id is not None}
        for photo, thumb in done:
            if photo.attachment_id is None or photo.attachment_id not in known:
                self.strip.add(photo, load_pixmap(thumb) if thumb is not None else None)
        if refused:
            QMessageBox.warning(self, "첨부할 수 없는 파일", "\n".join(refused))

    def remove_photo(self) -> None:
        from panelapp.services.attachments.photos import remove_attachment

        row = self.strip.selected_row()
        if row is None:
            return
        photo = self.strip.remove(row)
        if photo.attachment_id is None:
            return
        ctx, undo = self.window_.ctx, self.window_.undo_stack
        Op(self, lambda _t: remove_attachment(ctx, photo.attachment_id), write=True).success(
            lambda record: undo.push(record) if undo is not None else None
        ).run()

    def view_photo(self, row: int):
        from panelapp.gui.dialogs.photo_viewer import PhotoViewer

        return open_dialog(PhotoViewer(self.window_, list(self.strip.photos), row, parent=self))

    # ----- saving ------------------------------------------------------------------------
    def data(self):
        from panelapp.services.findings.manage import FindingInput

        ui = self.ui
        return FindingInput(
            self.visit_id(),
            ui.titleEdit.text(),
            ui.categoryCombo.currentData(),
            ui.severityCombo.currentData(),
            ui.locationEdit.text(),
            ui.descriptionEdit.toPlainText(),
            to_date(ui.observedEdit.date()),
        )

    def save(self) -> None:
        from panelapp.services.findings.manage import create_finding, update_finding

        ctx, finding, data, photos = self.window_.ctx, self.finding, self.data(), self.strip.local_paths()
        if finding is None:
            work = lambda _t: (create_finding(ctx, data, photos), None)  # noqa: E731
        else:
            work = lambda _t: update_finding(ctx, finding.id, data, finding.version)  # noqa: E731
        self.ui.buttonBox.setEnabled(False)
        Op(self, work, write=True).success(self._saved).failure(self._failed).run()

    def _saved(self, result) -> None:
        self.saved, record = result
        if record is not None and self.window_.undo_stack is not None:
            self.window_.undo_stack.push(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.ui.errorLabel, errors)
            return
        if self.finding is not None and self.conflict.handle(exc):
            return  # another desktop saved first: both versions shown, the input kept
        show_error(self, exc)
        if keeps_input(exc):  # the server's connection broke: nothing saved, the input stays
            return
        if self.finding is not None:
            self.stale.emit()
            self.reject()
