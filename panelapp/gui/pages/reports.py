"""개선 보고서 page: make the board report, and reopen the reports made from this database.

The list is the database's own (services/reporting/history.py), so another database never shows
this one's reports. Reports that earlier versions remembered in the user's settings file are
taken over once, when this database's access log proves they were made from it (the rest stay in
the file: nothing in them names their database)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from panelapp.domain.localtime import format_local
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.page import Page
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Kind

HEADERS = ["만든 때", "기수", "보고 기간", "쪽수", "파일"]
EMPTY_TEXT = (
    "아직 만든 보고서가 없습니다.\n[보고서 만들기…]를 눌러 기수와 기간을 고르면 "
    "표지·요약 그래프·시설별 결과·개선제안 목록·활동 부록을 담은 PDF가 만들어집니다."
)
READ_EMPTY_TEXT = "아직 만든 보고서가 없습니다.\n담당자가 보고서를 만들면 여기에 나옵니다."


def made_text(made_at: dt.datetime) -> str:
    """When the report was made (stored in UTC), in Korean time."""
    return format_local(made_at)


class ReportsPage(Page):
    """Lists the remembered reports (a short list: no id model needed); stale when a report is
    written (the report op declares Kind.REPORT)."""

    kinds = frozenset({Kind.REPORT})
    follows_cohort = False

    def __init__(self, window):
        super().__init__(window)
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        top = QHBoxLayout()
        title = QLabel("개선 보고서")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        self.make_button = QPushButton("보고서 만들기…")
        self.make_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.make_button.clicked.connect(self.make_report)
        top.addWidget(self.make_button)
        col.addLayout(top)
        hint = QLabel(
            "운영위원회·이사회에 보고할 PDF입니다. 기간과 시설을 골라 만들고, 미리보기에서 바로 인쇄할 수 "
            "있습니다. 단원 이름은 목적을 적지 않는 한 일부를 가려 싣습니다."
        )
        set_tone(hint, "hint")
        hint.setWordWrap(True)
        col.addWidget(hint)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("만든 보고서 목록")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (1, 190), (2, 190), (3, 60)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.preview_selected())
        self.empty_label = QLabel(EMPTY_TEXT, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("font-size: 12pt;")
        set_tone(self.empty_label, "hint")
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        col.addWidget(self.stack, 1)

        row = QHBoxLayout()
        row.addStretch(1)
        self.preview_button = QPushButton("미리보기·인쇄")
        self.open_button = QPushButton("시스템 뷰어로 열기")
        self.folder_button = QPushButton("폴더 열기")
        # the .hwpx / .docx board report: edited in 한글 or Word, so the system opens it
        self.office_button = QPushButton("보고 문서(한글·Word) 열기")
        self.office_button.clicked.connect(lambda: self._open_url(self.selected_office_path(), "office"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.open_button.clicked.connect(lambda: self._open_url(self.selected_path(), "viewer"))
        self.folder_button.clicked.connect(lambda: self._open_url(str(Path(self.selected_path()).parent)))
        for b in (self.preview_button, self.open_button, self.folder_button, self.office_button):
            row.addWidget(b)
        col.addLayout(row)
        self._update_buttons()

    def load(self):
        from panelapp.services.reporting.history import RECENT_KEEP, recent_reports

        self._adopt_settings_reports()
        ctx = self.ctx

        def work():
            # on a worker: a report on a network share that is gone can take a while to stat
            found = [r for r in recent_reports(ctx) if r.main_path and os.path.isfile(r.main_path)]
            return found[:RECENT_KEEP]

        return work

    def _adopt_settings_reports(self):
        """Once per database: take over the settings file's reports that were made from it."""
        from panelapp.gui.core.ops import Op
        from panelapp.services.reporting.history import adopt_settings_reports

        settings, ctx = self.window_.settings, self.ctx
        entries = list(settings.get("recent_reports") or []) if settings is not None else []
        if not entries or getattr(self, "_adopted_for", None) is ctx:
            return None
        self._adopted_for = ctx
        options = dict(settings.get("report_options") or {})

        def taken(result) -> None:
            if result.pdf_paths:  # the op announces the new records: the list reloads
                keep = [
                    e for e in settings.get("recent_reports") or [] if e.get("pdf") not in result.pdf_paths
                ]
                settings.set("recent_reports", keep)
            if result.options:
                settings.set("report_options", {})

        return (
            Op(self, lambda _t: adopt_settings_reports(ctx, entries, options), write=True)
            .success(taken)
            .run()
        )

    def empty_text(self) -> str:
        from panelapp.gui.core.rights import for_rights

        return for_rights(self.make_button, EMPTY_TEXT, READ_EMPTY_TEXT)

    def apply(self, rows: list) -> None:
        self.table.setRowCount(len(rows))
        for r, report in enumerate(rows):
            pages = QTableWidgetItem(f"{report.pages}쪽" if report.pdf_path else "–")
            pages.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            extras = [
                label
                for label, path in (
                    ("엑셀", report.xlsx_path),
                    ("한글", report.hwpx_path),
                    ("Word", report.docx_path),
                )
                if path and path != report.main_path
            ]
            name = Path(report.main_path).name + (f" (+ {', '.join(extras)})" if extras else "")
            cells = [
                QTableWidgetItem(made_text(report.made_at)),
                QTableWidgetItem(report.cohort_label),
                QTableWidgetItem(report.period_text),
                pages,
                QTableWidgetItem(name),
            ]
            cells[4].setToolTip(report.main_path)
            cells[0].setData(Qt.ItemDataRole.UserRole, report.pdf_path)
            cells[0].setData(Qt.ItemDataRole.UserRole + 1, report.office_path)
            cells[0].setData(Qt.ItemDataRole.UserRole + 2, report.id)
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        self.empty_label.setText(self.empty_text())
        self.stack.setCurrentIndex(0 if rows else 1)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_path(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def selected_office_path(self) -> str | None:
        """The selected report's .hwpx (or else .docx), when one was made with it and is there."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        path = None if item is None else item.data(Qt.ItemDataRole.UserRole + 1)
        return path if path and os.path.isfile(path) else None

    def _update_buttons(self) -> None:
        has = self.selected_path() is not None and self.stack.currentIndex() == 0
        for b in (self.preview_button, self.open_button, self.folder_button):
            b.setEnabled(has)
        listed = self.stack.currentIndex() == 0  # a board report alone (.hwpx/.docx) has no PDF
        self.office_button.setEnabled(listed and self.selected_office_path() is not None)

    def make_report(self):
        from panelapp.gui.dialogs.report_dialog import ReportDialog

        return open_dialog(ReportDialog(self.window_, self.window_.current_cohort_id))

    def selected_report_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else item.data(Qt.ItemDataRole.UserRole + 2)

    def log_view(self, how: str):
        """Opening a report made earlier is a view of the personal data in it: logged
        (services/reporting/history.record_report_view) on the write worker."""
        from panelapp.gui.core.ops import Op, show_error
        from panelapp.services.reporting.history import record_report_view

        report_id, ctx = self.selected_report_id(), self.ctx
        if report_id is None:
            return None
        return (
            Op(self, lambda _t: record_report_view(ctx, report_id, how), write=True)
            .failure(lambda exc: show_error(self, exc))
            .run()
        )

    def preview_selected(self):
        path = self.selected_path()
        if path is None:
            return None
        from panelapp.gui.dialogs.report_preview import ReportPreviewDialog

        self.log_view("preview")
        preview = ReportPreviewDialog(self.window_, path)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.show()
        return preview

    def _open_url(self, path: str | None, how: str | None = None) -> None:
        if path and how is not None:
            self.log_view(how)  # a report's own file (not its folder) shows its people
        if path and not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            QMessageBox.warning(self, "열 수 없습니다", f"이 파일을 여는 프로그램을 찾지 못했습니다:\n{path}")
