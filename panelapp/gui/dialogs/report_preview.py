"""The finished report, page by page: 인쇄 (print dialog), 시스템 뷰어로 열기, 닫기."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
)

from panelapp.gui.core.dialogs import deleted_on_close
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.palette import styled

MIN_DPI, MAX_DPI = 60, 160


class ReportPreviewDialog(QDialog):
    def __init__(self, parent, path: str, title: str | None = None):
        super().__init__(parent)
        from panelapp.gui.pdf_pages import PdfPages

        self.path = path
        self.setWindowTitle(f"보고서 미리보기 — {title or Path(path).name}")
        self.resize(860, 980)
        self.doc = PdfPages(path)
        col = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.prev_button = QPushButton("◀ 이전 쪽")
        self.next_button = QPushButton("다음 쪽 ▶")
        self.page_spin = QSpinBox()
        self.page_spin.setAccessibleName("쪽 번호")
        self.page_spin.setRange(1, max(1, self.doc.count))
        self.page_spin.setPrefix("쪽 ")
        self.page_spin.setSuffix(f" / {self.doc.count}")
        self.print_button = QPushButton("인쇄…")
        self.open_button = QPushButton("시스템 뷰어로 열기")
        self.close_button = QPushButton("닫기")
        for w in (self.prev_button, self.page_spin, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.open_button, self.close_button):
            bar.addWidget(w)
        col.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        styled(self.scroll, "QScrollArea { background: @preview_bg; }")
        self.page_label = QLabel()
        styled(self.page_label, "background: @preview_page; border: 1px solid @preview_border;")
        self.scroll.setWidget(self.page_label)
        col.addWidget(self.scroll, 1)
        self.prev_button.clicked.connect(lambda: self.page_spin.setValue(self.page_spin.value() - 1))
        self.next_button.clicked.connect(lambda: self.page_spin.setValue(self.page_spin.value() + 1))
        self.page_spin.valueChanged.connect(self.show_page)
        self.print_button.clicked.connect(self.print_report)
        self.open_button.clicked.connect(self.open_external)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, activated=self.next_button.click)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, activated=self.prev_button.click)
        self.show_page(1)

    def show_page(self, number: int) -> None:
        # One page at a time keeps a 100-page report's preview light; a page renders in ~40 ms.
        # The page fills the window's width (no sideways scrolling), within readable limits.
        width_pt = self.doc.sizes[number - 1][0]
        avail = self.scroll.viewport().width() - 28
        dpi = min(MAX_DPI, max(MIN_DPI, avail / (width_pt / 72)))
        image = self.doc.render(number - 1, dpi * self.devicePixelRatioF())
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.page_label.setPixmap(QPixmap.fromImage(image))
        self.page_label.adjustSize()
        self.prev_button.setEnabled(number > 1)
        self.next_button.setEnabled(number < self.doc.count)
        self.scroll.verticalScrollBar().setValue(0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.doc._doc is not None:
            self.show_page(self.page_spin.value())

    def open_external(self) -> bool:
        ok = QDesktopServices.openUrl(QUrl.fromLocalFile(self.path))
        if not ok:
            QMessageBox.warning(
                self,
                "열 수 없습니다",
                f"PDF를 여는 프로그램을 찾지 못했습니다. 파일은 여기에 있습니다:\n{self.path}",
            )
        return ok

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.path).stem)
        printer.setFromTo(1, self.doc.count)
        dialog = deleted_on_close(QPrintDialog(printer, self))  # exec() deletes it as it returns
        dialog.setWindowTitle("보고서 인쇄")
        dialog.setMinMax(1, self.doc.count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.start_printing(printer)

    def start_printing(self, printer) -> Op:
        from panelapp.gui.pdf_pages import print_pages

        first, last = printer.fromPage(), printer.toPage()
        if first == 0:  # "all pages"
            first, last = 1, self.doc.count
        pages = list(range(first - 1, last))
        path = self.path
        self.print_button.setEnabled(False)

        def work(token):
            def progress(done, total):
                token.check()
                token.progress(done, total, f"{done + 1 if done < total else total}/{total}쪽 인쇄 중…")

            return print_pages(path, printer, pages, progress)

        self._printer = printer  # alive until the job ends
        return (
            Op(self, work)
            .with_progress("보고서를 인쇄하는 중…")
            .success(self._printed)
            .failure(self._print_failed)
            .run()
        )

    def _printed(self, count: int) -> None:
        self.print_button.setEnabled(True)
        self.print_button.setToolTip(f"{count}쪽을 프린터로 보냈습니다")

    def _print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        show_error(self, exc)

    def done(self, result: int) -> None:  # noqa: A003 - Qt API
        self.doc.close()
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.doc.close()  # the file stays locked on Windows while PDFium holds it
        super().closeEvent(event)
