"""PDF pages as QImages (PDFium through pypdfium2), for the report preview and for printing.

PDFium must not be called from two threads at once, even on different documents, so every
call here holds one lock: the preview (UI thread) and a print job (worker) take turns.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

_LOCK = threading.Lock()


class PdfPages:
    """An open PDF file; close() when done."""

    def __init__(self, path: str):
        import pypdfium2 as pdfium

        with _LOCK:
            self._doc = pdfium.PdfDocument(path)
            self.count = len(self._doc)
            self.sizes = [self._doc.get_page_size(i) for i in range(self.count)]  # points

    def render(self, index: int, dpi: float) -> QImage:
        with _LOCK:
            page = self._doc[index]
            try:
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                w, h, stride = bitmap.width, bitmap.height, bitmap.stride
                image = QImage(bytes(bitmap.buffer), w, h, stride, QImage.Format.Format_RGB888).copy()
                bitmap.close()
            finally:
                page.close()
        return image

    def close(self) -> None:
        with _LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None


def print_pages(path: str, printer, pages: list[int], progress: Callable[[int, int], None]) -> int:
    """Paint `pages` (0-based) onto `printer`, each scaled to the printable page; returns the count."""
    doc = PdfPages(path)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            from panelapp.domain.errors import DomainError

            raise DomainError("프린터를 열 수 없습니다. 프린터 연결과 설정을 확인해 주세요.")
        dpi = min(max(printer.resolution(), 150), 300)
        for n, index in enumerate(pages):
            progress(n, len(pages))
            if n:
                printer.newPage()
            image = doc.render(index, dpi)
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)
            scale = min(target.width() / image.width(), target.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF((target.width() - w) / 2, (target.height() - h) / 2, w, h), image)
        progress(len(pages), len(pages))
        return len(pages)
    finally:
        if painter.isActive():
            painter.end()
        doc.close()
