"""기관 정보: the institution every output names (name required; address, phone, logo, 결재란).

Opened two ways:
- at first start, when the database has no registered institution (`first_start=True`): it
  explains why it asks, and closing it (Esc, ✕, 나중에 입력) asks whether to go on without one.
  The program then still opens, but reports, certificates and field sheets are refused with a
  sentence until a name is entered, and the next start asks again;
- from 파일 → 기관 정보, to change it; closing with unsaved changes asks before discarding.

All reading, logo checking and saving runs in ops; a refused field is outlined with its sentence.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from panelapp.gui.core.conflicts import StaleSaveResolver, resolve_stale_saves
from panelapp.gui.core.field_errors import as_list, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.forms.ui_organization_dialog import Ui_OrganizationDialog
from panelapp.gui.palette import set_tone

FIRST_START_INTRO = (
    "처음 오셨군요. 시민참여단을 운영하는 기관을 먼저 알려 주세요.\n"
    "개선 보고서 표지와 머리글, 활동확인서의 발급 기관, 현장 점검표에 이 기관명이 들어갑니다. "
    "기관명만 꼭 입력하면 되고, 나머지는 나중에 파일 → 기관 정보에서 바꿀 수 있습니다."
)
LATER = (
    "기관 정보를 나중에 입력할까요?\n\n"
    "기관명이 없으면 개선 보고서·활동확인서·현장 점검표를 만들 수 없습니다. "
    "파일 → 기관 정보에서 언제든 입력할 수 있고, 다음에 프로그램을 열 때 다시 여쭙니다."
)
DISCARD = "저장하지 않은 기관 정보가 있습니다. 입력한 내용을 버리고 닫을까요?"
LOGO_FILTER = "그림 파일 (*.png *.jpg *.jpeg);;모든 파일 (*)"


class OrganizationDialog(QDialog):
    saved_info = Signal(object)  # the OrganizationInfo just saved

    def __init__(self, window, first_start: bool = False, ctx=None):
        """`ctx`: the database before anyone logged in (the first start, which asks for the
        institution before the first 관리자 exists: services/org/manage.save_first_organization);
        otherwise the window's."""
        super().__init__(window)
        self.window_, self.first_start = window, first_start
        self.before_account = ctx is not None
        self.ctx = ctx if ctx is not None else window.ctx
        self.info = None  # the OrganizationInfo shown (None: none registered yet)
        self.saved = None
        self.loaded = False
        self._logo: bytes | None = None  # the (checked) logo shown in the preview
        self._logo_changed = False
        self._closing = False
        self._cancelled = False  # 취소 pressed: an explicit choice, not an Esc or ✕
        self.ui = ui = Ui_OrganizationDialog()
        ui.setupUi(self)
        self.fields = {
            "기관명": ui.nameEdit,
            "주소": ui.addressEdit,
            "대표 전화": ui.phoneEdit,
            "로고": ui.logoButton,
            "결재란": ui.signoffEdit,
        }
        show_field_errors(self.fields, ui.errorLabel, [])
        buttons = ui.buttonBox
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("저장")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("나중에 입력" if first_start else "취소")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self._cancel)
        ui.logoButton.clicked.connect(self.choose_logo)
        ui.logoClearButton.clicked.connect(self.clear_logo)
        ui.signoffEdit.textChanged.connect(self._preview_signoff)
        ui.nameEdit.textChanged.connect(self._update_buttons)
        if first_start:
            self.setWindowTitle("기관 정보 등록 — 처음 시작")
            ui.introLabel.setText(FIRST_START_INTRO)
            ui.signoffEdit.setText("담당, 팀장, 부장")  # a common chain, to change or clear
            self._baseline = self._snapshot()
            self._show_logo(None)
            self.loaded = True
        else:
            self._set_enabled(False)
            self._baseline = self._snapshot()
            self.reload()
        self._update_buttons()
        self.resize(self.width(), self.sizeHint().height())  # no blank band above the form

    @property
    def conflict(self) -> StaleSaveResolver:
        """A save refused because another desktop saved first shows both versions field by field."""
        resolver = getattr(self, "_conflict", None)
        if resolver is None:
            from panelapp.services.org.manage import get_organization

            ctx = self.ctx
            resolver = self._conflict = resolve_stale_saves(
                self,
                self.fields,
                self.ui.errorLabel,
                lambda: get_organization(ctx),
                self._fill,
                filled=False,
            )
        return resolver

    # ----- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        from panelapp.services.org.manage import get_organization

        ctx = self.ctx
        Op(self, lambda _t: get_organization(ctx)).success(self._fill).run()

    def _fill(self, info) -> None:
        ui = self.ui
        self.info = info
        ui.nameEdit.setText(info.name if info else "")
        ui.addressEdit.setText((info.address or "") if info else "")
        ui.phoneEdit.setText((info.phone or "") if info else "")
        ui.signoffEdit.setText(", ".join(info.signoff) if info else "")
        self._logo, self._logo_changed = (info.logo_png if info else None), False
        self._show_logo(self._logo)
        if info is None:
            ui.introLabel.setText(
                "기관 정보가 아직 등록되지 않았습니다. 기관명을 입력하면 보고서·활동확인서·현장 점검표를 "
                "만들 수 있습니다."
            )
        self._set_enabled(True)
        self._baseline = self._snapshot()
        self.loaded = True
        self._update_buttons()
        self.conflict.opened()
        ui.nameEdit.setFocus()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (*self.fields.values(), self.ui.logoClearButton, self.save_button):
            widget.setEnabled(enabled)

    # ----- logo --------------------------------------------------------------------------
    def choose_logo(self) -> None:
        from panelapp.gui.file_dialogs import open_file

        path = open_file(self, "photo", "로고 그림 고르기", LOGO_FILTER)
        if path:
            self.load_logo_file(path)

    def load_logo_file(self, path: str):
        """Read and check the file on a worker; the preview shows the logo as it will be stored."""
        from pathlib import Path

        from panelapp.services.org.rules import clean_logo, read_logo_file

        self.ui.logoButton.setEnabled(False)
        op = Op(self, lambda _t: clean_logo(read_logo_file(path), Path(path).name))
        return op.success(self._logo_checked).failure(self._logo_refused).run()

    def _logo_checked(self, png: bytes) -> None:
        self.ui.logoButton.setEnabled(True)
        self._logo, self._logo_changed = png, True
        self._show_logo(png)
        show_field_errors(self.fields, self.ui.errorLabel, [])
        self._update_buttons()

    def _logo_refused(self, exc: BaseException) -> None:
        self.ui.logoButton.setEnabled(True)
        errors = as_list(exc)
        if errors is None:
            show_error(self, exc)
        else:
            show_field_errors(self.fields, self.ui.errorLabel, errors)

    def clear_logo(self) -> None:
        self._logo, self._logo_changed = None, True
        self._show_logo(None)
        self._update_buttons()

    def _show_logo(self, png: bytes | None) -> None:
        label = self.ui.logoPreview
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png):
            label.setPixmap(
                pixmap.scaled(
                    label.width() - 6,
                    label.height() - 6,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            label.clear()
            label.setText("로고 없음")
        self.ui.logoClearButton.setEnabled(bool(png))

    # ----- 결재란 ------------------------------------------------------------------------
    def _preview_signoff(self, text: str) -> None:
        from panelapp.domain.errors import ValidationError
        from panelapp.services.org.rules import parse_signoff

        label = self.ui.signoffPreview
        try:
            titles = parse_signoff(text)
        except ValidationError as e:
            label.setText(e.detail)
            set_tone(label, "error")
            return
        set_tone(label, "hint")
        if titles:
            boxes = " │ ".join(titles)
            label.setText(f"결재 │ {boxes}   ({len(titles)}칸, 왼쪽부터 인쇄됩니다)")
        else:
            label.setText(
                "결재란 없음: 인쇄물에 결재란을 넣지 않습니다. 넣으려면 직위를 쉼표로 나눠 적습니다(1~6칸)."
            )

    # ----- saving ------------------------------------------------------------------------
    def _snapshot(self) -> tuple:
        ui = self.ui
        return (
            ui.nameEdit.text(),
            ui.addressEdit.text(),
            ui.phoneEdit.text(),
            ui.signoffEdit.text(),
            self._logo_changed,
        )

    def is_dirty(self) -> bool:
        return self._snapshot() != self._baseline

    def _update_buttons(self, *_args) -> None:
        self.save_button.setEnabled(self.loaded and bool(self.ui.nameEdit.text().strip()))

    def save(self) -> None:
        from panelapp.services.org.manage import KEEP, OrgInput, save_first_organization, save_organization

        if not self.loaded:
            return
        ui, ctx = self.ui, self.ctx
        data = OrgInput(
            ui.nameEdit.text(),
            ui.addressEdit.text(),
            ui.phoneEdit.text(),
            ui.signoffEdit.text(),
            self._logo if self._logo_changed else KEEP,
        )
        version = self.info.version if self.info is not None else None
        ui.buttonBox.setEnabled(False)
        if self.before_account:
            work = lambda _t: save_first_organization(ctx, data)  # noqa: E731
        else:
            work = lambda _t: save_organization(ctx, data, version)  # noqa: E731
        Op(self, work, write=True).success(self._saved).failure(self._failed).with_progress(
            "기관 정보를 저장하는 중…", cancellable=False
        ).run()

    def _saved(self, info) -> None:
        self.saved = info  # the op announces Kind.ORGANIZATION
        self.saved_info.emit(info)
        self._closing = True
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from panelapp.domain.errors import ConcurrencyError

        self.ui.buttonBox.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.ui.errorLabel, errors)
            return
        if isinstance(exc, ConcurrencyError) and self.info is not None and self.conflict.handle(exc):
            return  # someone saved it first: both versions shown, the input kept
        show_error(self, exc)
        if isinstance(exc, ConcurrencyError):
            self.reload()  # someone saved it first: show theirs

    # ----- closing -----------------------------------------------------------------------
    def _cancel(self) -> None:
        self._cancelled = True
        try:
            self.reject()
        finally:
            self._cancelled = False

    def reject(self) -> None:
        """Esc and ✕ come here, and 취소 / 나중에 입력. At first start every way out asks what
        going on without an institution means; later, edits are not dropped on Esc or ✕
        without asking (취소 is an explicit choice, as in the program's other dialogs)."""
        if not self._closing:
            if self.first_start and self.saved is None:
                if not self._ask(LATER, "나중에 입력", "계속 입력"):
                    return
            elif self.loaded and self.is_dirty() and not self._cancelled:
                if not self._ask(DISCARD, "버리기", "계속 편집"):
                    return
        self._closing = True
        super().reject()

    def _ask(self, text: str, leave: str, stay: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text, parent=self)
        leave_button = box.addButton(leave, QMessageBox.ButtonRole.DestructiveRole)
        stay_button = box.addButton(stay, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay_button)
        box.setEscapeButton(stay_button)
        box.exec()
        return box.clickedButton() is leave_button
