"""The roster page's actions: member dialogs, withdraw/delete, certificate, import and export.

A mixin of RosterPage (panelapp/gui/pages/roster.py), which provides `window_`, `view`,
`model`, `cohort_id` and the buttons.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from panelapp.domain.enums import EnrollmentStatus
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op
from panelapp.gui.operations.trash import RESTORE_HINT, move_to_trash

EXPORT_FILTER = "Excel 통합 문서 (*.xlsx);;CSV UTF-8 (*.csv)"


class RosterActions:
    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def selected_row(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for button in (self.edit_button, self.withdraw_button, self.delete_button):
            button.setEnabled(has)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction("수정", self.edit_member)
        menu.addAction("탈퇴 처리", self.withdraw_member)
        menu.addAction("삭제", self.delete_member)
        menu.addSeparator()
        menu.addAction("활동확인서 만들기", self.make_certificate)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def add_member(self) -> None:
        from panelapp.gui.dialogs.member_dialog import MemberDialog

        if self.cohort_id is not None:
            self._open(MemberDialog(self.window_, self.cohort_id, None))

    def edit_member(self) -> None:
        from panelapp.gui.dialogs.member_dialog import MemberDialog

        if (eid := self.selected_id()) is not None:
            self._open(MemberDialog(self.window_, self.cohort_id, eid))

    def withdraw_member(self) -> None:
        from panelapp.gui.dialogs.withdraw_dialog import WithdrawDialog

        row = self.selected_row()
        if row is None:
            return
        if row.status == EnrollmentStatus.WITHDRAWN:
            QMessageBox.information(self, "탈퇴 처리", f"{row.name} 님은 이미 탈퇴 처리되었습니다.")
            return
        self._open(WithdrawDialog(self.window_, row))

    def delete_member(self) -> None:
        from panelapp.services.people.members import delete_enrollment

        row = self.selected_row()
        if row is None:
            return
        ctx, eid = self.window_.ctx, row.enrollment_id
        move_to_trash(
            self,
            "단원 삭제",
            f"{row.name} 님을 이 기수 명단에서 삭제할까요?\n삭제한 단원은 {RESTORE_HINT}",
            lambda _t: delete_enrollment(ctx, eid),
            f"{row.name} 님을 명단에서 삭제했습니다.",
        )

    def make_certificate(self) -> None:
        if (eid := self.selected_id()) is not None:
            from panelapp.gui.dialogs.certificate import make_certificate

            make_certificate(self.window_, eid)

    def _open(self, dialog) -> None:
        """Window-modal, deleted when closed; a failed save that leaves the list behind the
        data (stale, deleted meanwhile) asks the page to reload."""
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        if hasattr(dialog, "reload_needed"):
            dialog.reload_needed.connect(self.mark_stale)
        open_dialog(dialog)

    def print_signin_sheet(self):
        """출석 서명부 of an event of this cohort (the dialog asks which, and how names are shown)."""
        from panelapp.gui.dialogs.signin_sheet_dialog import SignInSheetDialog
        from panelapp.gui.operations.list_export import cohort_text

        if self.cohort_id is None:
            return None
        return open_dialog(SignInSheetDialog(self.window_, self.cohort_id, cohort_text(self.window_)))

    # ----- file import and export ----------------------------------------------------------
    def import_from_file(self) -> None:
        from panelapp.gui.dialogs.import_dialog import ImportDialog

        if self.cohort_id is None:
            return
        dialog = ImportDialog(self.window_, self.cohort_id)
        self._open(dialog)
        dialog.choose_file()

    def export_roster(self) -> Op | None:
        """Masked unless the user chooses otherwise and gives a purpose (kept in the access log)."""
        if self.cohort_id is None:
            return None
        choices = ["이름·전화번호를 가려서 (권장)", "가리지 않고 (목적이 접근 기록에 남습니다)"]
        choice, ok = QInputDialog.getItem(
            self,
            "명단 내보내기",
            "개인정보 보호를 위해 기본으로 이름·전화번호·이메일을 가려서 내보냅니다.",
            choices,
            0,
            False,
        )
        if not ok:
            return None
        purpose = None
        if choice == choices[1]:
            purpose, ok = QInputDialog.getText(
                self,
                "가리지 않고 내보내기",
                "내보내는 목적을 적어 주세요.\n(누가, 언제, 왜 내보냈는지 접근 기록에 남습니다)",
            )
            if not ok or not purpose.strip():
                return None
        from panelapp.gui.file_dialogs import save_file_and_filter

        path, chosen = save_file_and_filter(self, "export", "명단 저장", "참여단원_명단.xlsx", EXPORT_FILTER)
        if not path:
            return None
        if Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".csv" if "csv" in chosen.lower() else ".xlsx"
        from panelapp.services.roster_io.export import export_roster

        ctx, cohort_id = self.window_.ctx, self.cohort_id
        return (
            Op(
                self,
                lambda _t: export_roster(ctx, cohort_id, path, unmasked=purpose is not None, purpose=purpose),
                write=purpose is not None,
            )
            .with_progress("명단을 내보내는 중…", cancellable=False)
            .success(
                lambda r: QMessageBox.information(
                    self,
                    "내보내기 완료",
                    f"{r.rows:,}명을 {'가려서' if r.masked else '가리지 않고'} 저장했습니다.\n{r.path}",
                )
            )
            .run()
        )
